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
