package table

import "strings"

// delimiters are the candidate delimiters in order of preference.
var delimiters = []rune{'\t', ';', ','}

// detectDelimiter guesses the field separator from the first 20 non-empty,
// non-comment lines, as described at [Parse].
func detectDelimiter(text string) rune {
	var counts [][3]int // per line, occurrences of each candidate
	for text != "" && len(counts) < 20 {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if t := strings.TrimSpace(line); t == "" || t[0] == '#' {
			continue
		}
		var c [3]int
		for i, d := range delimiters {
			c[i] = countOutsideQuotes(line, d)
		}
		counts = append(counts, c)
	}

	if len(counts) == 0 {
		return ',' // only comments: readRecords reports it
	}

	// A candidate present the same number of times on every line.
	for i := range delimiters {
		if counts[0][i] > 0 && consistent(counts, i) {
			return delimiters[i]
		}
	}

	// Otherwise the candidate present on the most lines.
	best, bestLines := ',', 0
	for i, d := range delimiters {
		n := 0
		for _, c := range counts {
			if c[i] > 0 {
				n++
			}
		}
		if n > bestLines {
			best, bestLines = d, n
		}
	}
	return best
}

// consistent reports whether candidate i occurs equally often on all lines.
func consistent(counts [][3]int, i int) bool {
	for _, c := range counts {
		if c[i] != counts[0][i] {
			return false
		}
	}
	return true
}

// countOutsideQuotes counts d in line outside double-quoted text.
func countOutsideQuotes(line string, d rune) int {
	n, quoted := 0, false
	for _, r := range line {
		switch {
		case r == '"':
			quoted = !quoted
		case r == d && !quoted:
			n++
		}
	}
	return n
}

// detectHeader decides whether records[0] is a header, as described at
// [Parse].
func detectHeader(records [][]string) bool {
	first, rest := records[0], records[1:]
	if len(rest) > 50 {
		rest = rest[:50]
	}
	dataLike := false // some first-row cell is a number or date
	for j, cell := range first {
		class := classify(cell)
		if class.isNumber() || class == classDate {
			dataLike = true
			continue
		}
		if class == classText && mostlyNumeric(rest, j) {
			return true
		}
	}
	return !dataLike
}

// mostlyNumeric reports whether more than half of column j's non-empty cells
// in rows are numbers or dates, missing values (NA, NaN, inf) aside.
func mostlyNumeric(rows [][]string, j int) bool {
	numeric, other := 0, 0
	for _, row := range rows {
		switch c := classify(row[j]); {
		case c.isNumber() || c == classDate:
			numeric++
		case c == classText:
			other++
		}
	}
	return numeric > other
}
