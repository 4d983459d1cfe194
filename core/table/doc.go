// Package table reads the CSV or TSV text that a user uploads or pastes and
// turns two of its columns into the x and y of a regression.
//
// [Parse] splits the text with the standard library's encoding/csv after
// guessing the delimiter (comma, semicolon or tab) and whether the first
// row is a header. It keeps every cell as text. [Table.XY] then reads the
// chosen x and y columns as numbers, deciding per column whether numbers
// use a decimal point or a decimal comma, turning ISO dates in the x column
// into decimal years, and dropping unusable rows (empty, NA, NaN,
// non-numeric, infinite) with a [Report] that names the first few lines.
// Anything it cannot decide, such as "1,234" in a comma-separated file, is
// refused with an error that quotes the cell rather than guessed.
//
// XY also refuses data that cannot be fitted at all: fewer than two usable
// rows, a constant y (R² undefined) or an x without spread. The page shows
// these errors as they are; the data generator and trainer never see such
// data.
//
// Limits: at most [MaxBytes] of text, [MaxRows] data rows and [MaxColumns]
// columns, checked before the rows are stored.
package table
