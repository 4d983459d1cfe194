package table

import "errors"

// Limits on the text that [Parse] accepts. At 50 MB a browser tab still has
// room for the parsed rows (about 100 bytes per two-column row), and a
// million rows train in reasonable time.
const (
	MaxBytes   = 50 << 20  // bytes of text (50 MiB)
	MaxRows    = 1_000_000 // data rows, not counting the header
	MaxColumns = 1000      // fields per row
)

// Errors returned by [Parse] and [Table.XY], wrapped with details; test
// with errors.Is.
var (
	ErrEmpty       = errors.New("table: no data")
	ErrTooLarge    = errors.New("table: too large")
	ErrBinary      = errors.New("table: this file is not a text table (CSV or TSV)")
	ErrSyntax      = errors.New("table: cannot read the text")
	ErrRagged      = errors.New("table: rows have different numbers of fields")
	ErrColumn      = errors.New("table: no such column")
	ErrNotNumeric  = errors.New("table: column is not numeric")
	ErrAmbiguous   = errors.New("table: cannot tell how a number is written")
	ErrTooFewRows  = errors.New("table: too few rows")
	ErrConstantY   = errors.New("table: y is constant")
	ErrConstantX   = errors.New("table: x has no spread")
	ErrSameColumns = errors.New("table: x and y are the same column")
)
