package hint

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// fmtNum formats v for a sentence: up to 4 significant digits, thousands
// separated by commas for large whole numbers (54,000), exponent form only
// beyond a billion or below 0.0001.
func fmtNum(v float64) string {
	a := math.Abs(v)
	switch {
	case math.IsInf(v, 1):
		return "+∞"
	case math.IsInf(v, -1):
		return "-∞"
	case a >= 1e4 && a < 1e9:
		return groupThousands(strconv.FormatFloat(math.Round(v), 'f', 0, 64))
	case a != 0 && (a < 1e-4 || a >= 1e9):
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// fmtSpan formats the ends of a range so that they differ when the values
// do: fmtNum's 4 digits, or more when those would print 2020 to 2020 for
// dates from 2020.0 to 2020.25 (up to 10 digits).
func fmtSpan(lo, hi float64) (string, string) {
	a, b := fmtNum(lo), fmtNum(hi)
	for digits := 5; a == b && lo != hi && digits <= 10; digits++ {
		a, b = strconv.FormatFloat(lo, 'g', digits, 64), strconv.FormatFloat(hi, 'g', digits, 64)
	}
	return a, b
}

// groupThousands puts commas into a string of digits with an optional sign.
func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}

// fmtRange writes an activation's output range: [0, +∞), [−1, 1].
func fmtRange(lo, hi float64) string {
	open, shut := "[", "]"
	if math.IsInf(lo, -1) {
		open = "("
	}
	if math.IsInf(hi, 1) {
		shut = ")"
	}
	return fmt.Sprintf("%s%s, %s%s", open, fmtNum(lo), fmtNum(hi), shut)
}

// percent formats part/whole as a whole percentage.
func percent(part, whole int) string {
	return fmt.Sprintf("%.0f%%", 100*float64(part)/float64(whole))
}
