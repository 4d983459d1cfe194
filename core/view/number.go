package view

import (
	"math"
	"strconv"
	"strings"
)

// Number formats v for people with about sig significant digits: plain
// decimals between 0.001 and a million ("0.912", "1234.5"), scientific
// notation outside ("4.9e+07"). It never returns "NaN" or "Inf": such values
// read "undefined" (CASES B14). sig < 1 means 3.
func Number(v float64, sig int) string {
	if sig < 1 {
		sig = 3
	}
	switch {
	case math.IsNaN(v) || math.IsInf(v, 0):
		return "undefined"
	case v == 0:
		return "0"
	}
	a := math.Abs(v)
	if a >= 1e-3 && a < 1e6 {
		// Decimals so that sig digits show, at least none.
		dec := max(0, sig-1-int(math.Floor(math.Log10(a))))
		s := strconv.FormatFloat(v, 'f', dec, 64)
		if strings.Contains(s, ".") {
			s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
		}
		if s == "-0" {
			s = "0"
		}
		return s
	}
	return strconv.FormatFloat(v, 'e', sig-1, 64)
}

// Undefined returns the text shown in place of a number that has no value,
// with the reason in brackets: "undefined (fewer than 2 points)". A reason
// that already starts with "undefined" is not repeated.
func Undefined(reason string) string {
	reason = strings.TrimSpace(reason)
	reason = strings.TrimSpace(strings.TrimPrefix(reason, "undefined"))
	reason = strings.TrimSpace(strings.TrimPrefix(reason, ":"))
	if reason == "" {
		return "undefined"
	}
	return "undefined (" + reason + ")"
}

// Duration formats seconds as "12.3 s", "4 min 05 s" or "1 h 02 min".
func Duration(seconds float64) string {
	switch {
	case math.IsNaN(seconds) || seconds < 0:
		return "0 s"
	case seconds < 60:
		return strconv.FormatFloat(seconds, 'f', 1, 64) + " s"
	case seconds < 3600:
		m, s := int(seconds)/60, int(seconds)%60
		return strconv.Itoa(m) + " min " + pad2(s) + " s"
	}
	h, m := int(seconds)/3600, int(seconds)%3600/60
	return strconv.Itoa(h) + " h " + pad2(m) + " min"
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
