package table

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Header says whether the first row holds column names.
type Header int

const (
	HeaderAuto Header = iota // decide from the cells, see [Parse]
	HeaderYes                // the first row is a header
	HeaderNo                 // every row is data
)

// Options adjust [Parse]. The zero value detects everything.
type Options struct {
	// Delimiter separates fields: ',', ';' or '\t'. Zero detects it.
	Delimiter rune
	// Header says whether the first row is a header; zero detects it.
	Header Header
}

// Table is parsed text: every cell as trimmed text, one row per record.
type Table struct {
	// Columns holds the column names: the header's cells, or "column 1",
	// "column 2", ... without a header. Empty header cells get that name
	// too, and a repeated name gets " (2)", " (3)", ... appended.
	Columns []string
	// Rows holds the data rows, each with len(Columns) cells.
	Rows [][]string
	// Lines[i] is the 1-based line of the text where Rows[i] starts.
	Lines []int
	// Delimiter is the field separator used: ',', ';' or '\t'.
	Delimiter rune
	// HasHeader reports whether the first row was taken as a header.
	HasHeader bool
}

// BUG(table): The delimiter is guessed from physical lines, so a quoted cell
// that spans lines within the first 20 can mislead the guess; pass
// [Options].Delimiter to override it.

// BUG(table): Files over [MaxRows] rows or [MaxBytes] bytes are refused
// rather than subsampled (CASES B27's 2,000,000-row CSV is refused with a
// message naming the limit).

// Parse splits text into a [Table]. With zero Options it detects the
// delimiter and the header as follows.
//
// Delimiter: in the first 20 non-empty lines, ignoring quoted text, a tab,
// then a semicolon, then a comma is chosen if it occurs the same nonzero
// number of times on every line; failing that, the candidate found on the
// most lines wins (a comma when none occurs: one column). Semicolons are
// preferred to commas because semicolon files often write 0,5 for 0.5.
//
// Header: the first row is a header if some column has a non-numeric first
// cell while most of its next 50 cells are numbers or dates. Otherwise it
// is a header only if none of its cells is a number or date.
//
// A text of only a header gives a Table with no rows. Lines starting with
// # are comments. Empty lines are skipped. Rows longer than the first row
// are cut if the extra cells are empty; otherwise rows of different lengths
// are an error naming the line, as are unterminated quotes. The text may
// start with a UTF-8 byte order mark, and with a line "sep=;" (as Excel
// writes it) that names the delimiter.
func Parse(text string, opt Options) (*Table, error) {
	text = strings.TrimPrefix(text, "\uFEFF")
	if err := checkSize(text); err != nil {
		return nil, err
	}
	if err := checkText(text); err != nil {
		return nil, err
	}

	delim := opt.Delimiter
	if d, rest, ok := sepLine(text); ok {
		text = rest
		if delim == 0 {
			delim = d
		}
	}
	if delim == 0 {
		delim = detectDelimiter(text)
	}
	records, lines, err := readRecords(text, delim)
	if err != nil {
		return nil, err
	}

	t := &Table{Delimiter: delim}
	switch opt.Header {
	case HeaderAuto:
		t.HasHeader = detectHeader(records)
	case HeaderYes:
		t.HasHeader = true
	}
	width := len(records[0])
	var names []string
	if t.HasHeader {
		names, records, lines = records[0], records[1:], lines[1:]
	}
	t.Columns = columnNames(names, width)
	t.Rows, t.Lines = records, lines
	return t, nil
}

// sepLine reads the "sep=;" first line that Excel writes and reads to name
// the delimiter. It returns the delimiter and the text with that line made
// a comment, so the line numbers in messages stay those of the file.
func sepLine(text string) (delim rune, rest string, ok bool) {
	line, _, _ := strings.Cut(text, "\n")
	line = strings.TrimRight(line, "\r")
	if len(line) != 5 || !strings.EqualFold(line[:4], "sep=") || !strings.ContainsRune(",;\t|", rune(line[4])) {
		return 0, text, false
	}
	return rune(line[4]), "#" + text[1:], true
}

// checkSize refuses empty text and text beyond the limits before anything
// is stored. The line count is an upper bound on the rows, exact unless
// quoted cells span lines; readRecords checks the exact number.
func checkSize(text string) error {
	if len(text) > MaxBytes {
		return fmt.Errorf("%w: the text is %.1f MB, at most %d MB is allowed",
			ErrTooLarge, float64(len(text))/(1<<20), MaxBytes>>20)
	}
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%w: the text is empty", ErrEmpty)
	}
	if n := countLines(text); n > MaxRows+1 {
		return fmt.Errorf("%w: the text has %d lines, at most %d rows are allowed",
			ErrTooLarge, n, MaxRows)
	}
	return nil
}

// checkText refuses binary content, such as an image picked by mistake:
// a NUL byte, which no text table holds, or bytes that are not UTF-8. The
// browser decodes a file as UTF-8 (invalid bytes become U+FFFD), so there
// the NUL bytes tell; an image or spreadsheet file has them near its start.
func checkText(text string) error {
	if i := strings.IndexByte(text, 0); i >= 0 {
		return fmt.Errorf("%w; it holds binary data (a NUL byte at byte %d), "+
			"as an image or a spreadsheet does", ErrBinary, i)
	}
	if !utf8.ValidString(text) {
		return fmt.Errorf("%w; it holds bytes that are not UTF-8 text; save it as CSV "+
			"in UTF-8", ErrBinary)
	}
	return nil
}

// countLines counts the lines of text that hold something besides spaces.
func countLines(text string) int {
	n := 0
	for text != "" {
		line, rest, _ := strings.Cut(text, "\n")
		if strings.TrimSpace(line) != "" {
			n++
		}
		text = rest
	}
	return n
}

// readRecords reads every record with encoding/csv, trims the cells and
// evens out trailing empty cells. lines[i] is the line where records[i]
// starts. There is at least one record.
func readRecords(text string, delim rune) (records [][]string, lines []int, err error) {
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = delim
	r.Comment = '#'
	r.FieldsPerRecord = -1 // we check lengths ourselves, see evenRow
	r.TrimLeadingSpace = true

	width := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, readError(err)
		}
		line, _ := r.FieldPos(0)
		trimCells(rec)
		if width == 0 {
			width = len(dropTrailingEmpty(rec))
		}
		if rec, err = evenRow(rec, width, line, len(lines) == 0, delim); err != nil {
			return nil, nil, err
		}
		if len(records) > MaxRows {
			return nil, nil, fmt.Errorf("%w: more than %d rows", ErrTooLarge, MaxRows)
		}
		records, lines = append(records, rec), append(lines, line)
	}
	if len(records) == 0 {
		return nil, nil, fmt.Errorf("%w: the text holds only comments", ErrEmpty)
	}
	return records, lines, nil
}

// readError explains an encoding/csv error, which names the line.
func readError(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrQuote) {
		return fmt.Errorf("%w: line %d: a quoted cell has no closing quote or a stray quote",
			ErrSyntax, pe.StartLine)
	}
	if errors.As(err, &pe) && errors.Is(pe.Err, csv.ErrBareQuote) {
		return fmt.Errorf("%w: line %d, column %d: a quote inside an unquoted cell",
			ErrSyntax, pe.Line, pe.Column)
	}
	return fmt.Errorf("%w: %v", ErrSyntax, err)
}

// trimCells removes spaces around every cell, in place.
func trimCells(rec []string) {
	for i, c := range rec {
		rec[i] = strings.TrimSpace(c)
	}
}

// dropTrailingEmpty returns rec without its trailing empty cells, keeping at
// least one.
func dropTrailingEmpty(rec []string) []string {
	n := len(rec)
	for n > 1 && rec[n-1] == "" {
		n--
	}
	return rec[:n]
}

// evenRow makes rec width cells long by dropping empty extra cells, or
// explains why it cannot.
func evenRow(rec []string, width, line int, first bool, delim rune) ([]string, error) {
	if len(rec) > width {
		if len(dropTrailingEmpty(rec)) > width {
			return nil, raggedError(len(dropTrailingEmpty(rec)), width, line, delim)
		}
		rec = rec[:width]
	}
	if len(rec) < width && !first {
		return nil, raggedError(len(rec), width, line, delim)
	}
	if len(rec) > MaxColumns {
		return nil, fmt.Errorf("%w: %d columns, at most %d allowed",
			ErrTooLarge, len(rec), MaxColumns)
	}
	return rec, nil
}

// raggedError explains a row whose length differs from the first row's.
func raggedError(n, width, line int, delim rune) error {
	return fmt.Errorf("%w: line %d has %d %s, the first row has %d (delimiter %s)",
		ErrRagged, line, n, plural(n, "field"), width, DelimiterName(delim))
}

// columnNames returns the header cells made unique and non-empty, or
// "column 1" ... "column width" when names is nil.
func columnNames(names []string, width int) []string {
	cols := make([]string, width)
	seen := make(map[string]int, width)
	for i := range cols {
		name := ""
		if i < len(names) {
			name = names[i]
		}
		if name == "" {
			name = "column " + strconv.Itoa(i+1)
		}
		if seen[name]++; seen[name] > 1 {
			name += " (" + strconv.Itoa(seen[name]) + ")"
		}
		cols[i] = name
	}
	return cols
}

// DelimiterName returns a readable name for a delimiter: "comma",
// "semicolon", "tab" or the character quoted.
func DelimiterName(d rune) string {
	switch d {
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '\t':
		return "tab"
	}
	return strconv.QuoteRune(d)
}

// plural returns word with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
