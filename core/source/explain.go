package source

import (
	"errors"
	"strings"
	"unicode"
	"unicode/utf8"

	"netfit/core/formula"
)

// Explain turns an error of [Load] into a sentence for the page: without
// the package prefixes that Go errors carry ("table: ", "source: "),
// starting with a capital letter (unless it starts with the one-letter
// name x or y) and ending with a period. A formula error keeps its column:
//
//	Unknown name "sinn" at column 3.
//
// Explain returns "" for a nil error.
func Explain(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	var fe *formula.Error
	if errors.As(err, &fe) {
		s = fe.Error()
	}
	return sentence(trimPrefixes(s))
}

// trimPrefixes removes the package prefixes at the start of s, where
// wrapping stacks them up ("settings: invalid data settings: ...").
func trimPrefixes(s string) string {
	prefixes := []string{"source: ", "table: ", "settings: ", "invalid data settings: ",
		"too few defined samples: "} // ErrUndefined's own words: its detail says more
	for again := true; again; {
		again = false
		for _, p := range prefixes {
			if strings.HasPrefix(s, p) {
				s, again = s[len(p):], true
			}
		}
	}
	return s
}

// sentence capitalizes s and ends it with a period.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	oneLetter := len(s) > size && s[size] == ' ' && (r == 'x' || r == 'y') ||
		strings.HasPrefix(s, "xmin ") || strings.HasPrefix(s, "xmax ")
	if !oneLetter {
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
