package table

import (
	"strconv"
	"strings"
)

// cellClass is what a cell's text looks like, before we know how the column
// writes its numbers.
type cellClass uint8

const (
	classEmpty        cellClass = iota // ""
	classNA                            // NA, N/A, null, None, -, ?, .
	classNaN                           // NaN
	classInfinite                      // inf, Infinity, ∞ with any sign
	classPlain                         // 12, -3e5: read the same in every convention
	classPoint                         // 1.5, 1,234.5, 1,234,567: decimal point
	classComma                         // 0,5, 1.234,5, 1.234.567: decimal comma
	classCommaOrPoint                  // 1,234: 1.234 with a decimal comma, 1234 with a point
	classDate                          // 1958-03-01 and similar, see date.go
	classText                          // anything else
)

// isNumber reports whether the class is some spelling of a finite number.
func (c cellClass) isNumber() bool { return c >= classPlain && c <= classCommaOrPoint }

// naWords are the spellings of a missing value, compared ignoring case.
var naWords = []string{"na", "n/a", "#n/a", "null", "none", "missing", "-", "?", "."}

// classify returns the class of a trimmed cell.
func classify(s string) cellClass {
	switch {
	case s == "":
		return classEmpty
	case strings.EqualFold(s, "nan"):
		return classNaN
	case isInfinity(s):
		return classInfinite
	case looksLikeDate(s):
		return classDate
	}
	for _, w := range naWords {
		if strings.EqualFold(s, w) {
			return classNA
		}
	}
	return numberShape(s)
}

// isInfinity reports whether s spells an infinity: inf, infinity or ∞,
// with an optional sign and in any case.
func isInfinity(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return strings.EqualFold(s, "inf") || strings.EqualFold(s, "infinity") || s == "∞"
}

// numberShape classifies s as a number spelling or text. A number is an
// optional sign, digit groups joined by . or , and an optional exponent
// (only without thousands separators). Grouped forms need 1-3 leading
// digits, not starting with 0, then groups of exactly 3.
func numberShape(s string) cellClass {
	if s[0] == '+' || s[0] == '-' {
		s = s[1:]
	}
	mant, exp, hasExp := strings.Cut(strings.ToLower(s), "e")
	if hasExp && !validExponent(exp) {
		return classText
	}

	// Walk the mantissa: groups[i] digits, then separator seps[i].
	var groups [8]int
	var seps [8]byte
	k := 0 // separators seen
	for i := 0; i < len(mant); i++ {
		switch c := mant[i]; {
		case c >= '0' && c <= '9':
			groups[k]++
		case (c == '.' || c == ',') && k < len(seps)-1:
			seps[k] = c
			k++
		default:
			return classText
		}
	}

	switch {
	case k == 0 && groups[0] > 0:
		return classPlain
	case k == 0 || groups[0]+groups[1] == 0:
		return classText
	case k == 1 && seps[0] == '.':
		return classPoint
	case k == 1 && !hasExp && groups[1] == 3 && groups[0] <= 3 && mant[0] != '0':
		return classCommaOrPoint
	case k == 1:
		return classComma
	}
	return groupedShape(mant, groups[:k+1], seps[:k], hasExp)
}

// groupedShape classifies a mantissa with two or more separators: thousands
// separators c between groups of three, then either c once more (an integer)
// or the other separator (a decimal).
func groupedShape(mant string, groups []int, seps []byte, hasExp bool) cellClass {
	k := len(seps)
	if hasExp || groups[0] < 1 || groups[0] > 3 || mant[0] == '0' {
		return classText
	}
	c := seps[0]
	for i := 1; i < k; i++ {
		if groups[i] != 3 || (i < k-1 && seps[i] != c) {
			return classText
		}
	}
	last := seps[k-1]
	switch {
	case last == c && groups[k] != 3, last != c && groups[k] == 0:
		return classText
	case c == ',':
		return classPoint // 1,234,567 or 1,234.5
	}
	return classComma // 1.234.567 or 1.234,5
}

// validExponent reports whether e is an optional sign and one or more digits.
func validExponent(e string) bool {
	if e != "" && (e[0] == '+' || e[0] == '-') {
		e = e[1:]
	}
	return e != "" && strings.Trim(e, "0123456789") == ""
}

// parseNumber reads a cell of a number class. decimalComma says what
// classCommaOrPoint means. The result may be ±Inf for overflowing text such
// as 1e309; underflow gives 0.
func parseNumber(s string, class cellClass, decimalComma bool) float64 {
	point, grouping := byte('.'), byte(',')
	if class == classComma || (class == classCommaOrPoint && decimalComma) {
		point, grouping = ',', '.'
	}
	if class != classPlain && (point != '.' || strings.IndexByte(s, grouping) >= 0) {
		s = normalize(s, point, grouping)
	}
	v, err := strconv.ParseFloat(s, 64)
	if ne, ok := err.(*strconv.NumError); ok && ne.Err != strconv.ErrRange {
		// Unreachable: numberShape admits only what ParseFloat reads.
		panic("table: cannot read number " + strconv.Quote(s))
	}
	return v // ±Inf on overflow, 0 on underflow
}

// normalize rewrites s with '.' as the decimal point and no grouping.
func normalize(s string, point, grouping byte) string {
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case grouping:
		case point:
			b = append(b, '.')
		default:
			b = append(b, s[i])
		}
	}
	return string(b)
}
