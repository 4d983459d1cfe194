package table

import (
	"fmt"
	"strconv"
	"strings"
)

// Reason says why a row was dropped.
type Reason int

const (
	ReasonEmpty      Reason = iota // a cell is empty
	ReasonNA                       // a cell says NA, N/A, null, None, -, ? or .
	ReasonNaN                      // a cell says NaN
	ReasonNonNumeric               // a cell is text, or not a date in a date column
	ReasonNonFinite                // a cell is infinite: inf, Infinity, 1e309
	numReasons
)

// String returns a short description, e.g. "empty cell".
func (r Reason) String() string {
	switch r {
	case ReasonEmpty:
		return "empty cell"
	case ReasonNA:
		return "missing value (NA)"
	case ReasonNaN:
		return "NaN"
	case ReasonNonNumeric:
		return "not a number"
	case ReasonNonFinite:
		return "infinite value"
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// MaxProblems is how many dropped rows a [Report] describes one by one.
const MaxProblems = 5

// Problem describes one dropped row.
type Problem struct {
	Line   int    // 1-based line of the text
	Column string // the column whose cell was refused (x's if both were)
	Cell   string // the refused cell's text
	Reason Reason
}

// String describes the problem, e.g. `line 12: empty cell in "Horsepower"`.
func (p Problem) String() string {
	if p.Reason == ReasonEmpty {
		return fmt.Sprintf("line %d: empty cell in %q", p.Line, p.Column)
	}
	return fmt.Sprintf("line %d: %s in %q: %q", p.Line, p.Reason, p.Column, p.Cell)
}

// Report describes what [Table.XY] read.
type Report struct {
	XColumn, YColumn string // the columns read
	Rows             int    // data rows in the table
	Kept             int    // rows returned
	Dropped          int    // Rows − Kept
	// ByReason counts the dropped rows by reason (x's reason first).
	ByReason [numReasons]int
	// Problems describes the first MaxProblems dropped rows, in line order.
	Problems []Problem
	// XDates reports that x held ISO dates, returned as decimal years
	// (see [DecimalYear]).
	XDates bool
	// DecimalComma reports that x or y wrote numbers with a decimal comma.
	DecimalComma bool
	// Warnings are sentences for the user about data that was kept, e.g.
	// values so large that they need scaling.
	Warnings []string
}

// String summarizes the report in one or two sentences, e.g.
// "read 392 of 406 rows; dropped 14: 14 × empty cell (lines 12, 13, 14, 15, 16, ...)".
func (r Report) String() string {
	s := fmt.Sprintf("read %d of %d rows", r.Kept, r.Rows)
	if r.Dropped == 0 {
		return s
	}
	var parts []string
	for reason, n := range r.ByReason {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d × %s", n, Reason(reason)))
		}
	}
	lines := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		lines[i] = strconv.Itoa(p.Line)
	}
	more := ""
	if r.Dropped > len(r.Problems) {
		more = ", ..."
	}
	return fmt.Sprintf("%s; dropped %d: %s (%s %s%s)", s, r.Dropped, strings.Join(parts, ", "),
		plural(len(lines)+len(more), "line"), strings.Join(lines, ", "), more)
}

// drop records that row i was dropped because of cell in column col.
func (r *Report) drop(line int, col, cell string, reason Reason) {
	r.Dropped++
	r.ByReason[reason]++
	if len(r.Problems) < MaxProblems {
		p := Problem{Line: line, Column: col, Cell: cell, Reason: reason}
		r.Problems = append(r.Problems, p)
	}
}
