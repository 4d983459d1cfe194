package table

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// readData reads a file from the repository's testdata/data directory. The
// path is relative to this package's directory, which is also the working
// directory under GOOS=js GOARCH=wasm with go_js_wasm_exec.
func readData(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "data", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestParseDetect checks delimiter and header detection.
func TestParseDetect(t *testing.T) {
	cases := []struct {
		name, text string
		delim      rune
		header     bool
		columns    []string
		rows       int
	}{
		{"comma with header", "x,y\n1,2\n3,4\n", ',', true, []string{"x", "y"}, 2},
		{"semicolon", "x;y\n1;2\n3;4\n", ';', true, []string{"x", "y"}, 2},
		{"tab", "x\ty\n1\t2\n3\t4\n", '\t', true, []string{"x", "y"}, 2},
		{"semicolon beats decimal commas", "0,5;1,25\n1,0;2,5\n", ';', false,
			[]string{"column 1", "column 2"}, 2},
		{"quoted commas ignored", "\"a,b\",c\n1,2\n", ',', true, []string{"a,b", "c"}, 1},
		{"no header", "1,2\n3,4\n", ',', false, []string{"column 1", "column 2"}, 2},
		{"header over text column", "name,v\nfoo,1\nbar,2\n", ',', true, []string{"name", "v"}, 2},
		{"numeric first row is data", "1,a\n2,b\n", ',', false,
			[]string{"column 1", "column 2"}, 2},
		{"date header", "Date,CO2\n1958-03-01,315.7\n", ',', true, []string{"Date", "CO2"}, 1},
		{"only header", "x,y\n", ',', true, []string{"x", "y"}, 0},
		{"one column", "y\n1\n2\n", ',', true, []string{"y"}, 2},
		{"byte order mark and CRLF", "\uFEFFx,y\r\n1,2\r\n", ',', true, []string{"x", "y"}, 1},
		{"comments and blank lines", "# made by hand\nx,y\n\n1,2\n\n3,4\n", ',', true,
			[]string{"x", "y"}, 2},
		{"empty and repeated names", "x,,x\n1,2,3\n", ',', true,
			[]string{"x", "column 2", "x (2)"}, 1},
		{"trailing delimiters", "x,y,\n1,2,\n3,4\n", ',', true, []string{"x", "y"}, 2},
		{"spaces around cells", " x , y \n 1 , 2 \n", ',', true, []string{"x", "y"}, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tab, err := Parse(c.text, Options{})
			if err != nil {
				t.Fatalf("Parse(%q): %v", c.text, err)
			}
			if tab.Delimiter != c.delim || tab.HasHeader != c.header ||
				!reflect.DeepEqual(tab.Columns, c.columns) || len(tab.Rows) != c.rows {
				t.Errorf("Parse(%q) = delimiter %q, header %v, columns %q, %d rows; "+
					"want %q, %v, %q, %d", c.text, tab.Delimiter, tab.HasHeader, tab.Columns,
					len(tab.Rows), c.delim, c.header, c.columns, c.rows)
			}
		})
	}
}

// TestParseOptions checks that options override detection.
func TestParseOptions(t *testing.T) {
	tab, err := Parse("1;2\n3;4\n", Options{Delimiter: ',', Header: HeaderYes})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Delimiter != ',' || !tab.HasHeader || len(tab.Columns) != 1 || len(tab.Rows) != 1 {
		t.Errorf("got %+v, want one column \"1;2\" and one row", tab)
	}
	tab, err = Parse("x,y\n1,2\n", Options{Header: HeaderNo})
	if err != nil {
		t.Fatal(err)
	}
	if tab.HasHeader || len(tab.Rows) != 2 {
		t.Errorf("HeaderNo: got header %v and %d rows, want false and 2",
			tab.HasHeader, len(tab.Rows))
	}
}

// TestParseLines checks the line numbers, which count comments, blank lines
// and lines inside quoted cells.
func TestParseLines(t *testing.T) {
	tab, err := Parse("# note\nx,y\n\n1,\"a\nb\"\n2,3\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{4, 6}; !reflect.DeepEqual(tab.Lines, want) {
		t.Errorf("Lines = %v, want %v", tab.Lines, want)
	}
}

// TestParseSepLine: Excel's "sep=;" first line names the delimiter and
// is not a row; line numbers stay those of the file.
func TestParseSepLine(t *testing.T) {
	tab, err := Parse("sep=;\r\nx;y\r\n1,5;2\r\n2,5;3\r\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if tab.Delimiter != ';' || !tab.HasHeader || !reflect.DeepEqual(tab.Columns, []string{"x", "y"}) ||
		!reflect.DeepEqual(tab.Lines, []int{3, 4}) {
		t.Errorf("table %+v, want ; with header x, y and rows at lines 3 and 4", tab)
	}
	// A delimiter given in Options wins; a longer first line is data.
	if tab, err := Parse("sep=;\n1\t2\n3\t4\n", Options{Delimiter: '\t'}); err != nil || len(tab.Rows) != 2 {
		t.Errorf("with a tab delimiter: %v, %v", tab, err)
	}
	if tab, err := Parse("sep=;x,y\n1,2\n", Options{}); err != nil || tab.Columns[0] != "sep=;x" {
		t.Errorf("sep=;x is a header cell, got %v, %v", tab, err)
	}
}

// TestParseErrors checks malformed inputs.
func TestParseErrors(t *testing.T) {
	cases := []struct {
		name, text string
		want       error
		msg        string
	}{
		{"empty", "", ErrEmpty, "the text is empty"},
		{"blank", " \n\t\n", ErrEmpty, "the text is empty"},
		{"only comments", "# nothing\n", ErrEmpty, "only comments"},
		{"ragged short", "x,y\n1,2\n3\n", ErrRagged, "line 3 has 1 field, the first row has 2"},
		{"ragged long", "x,y\n1,2,3\n", ErrRagged, "line 2 has 3 fields"},
		{"unterminated quote", "x,y\n1,\"2\n3,4\n", ErrSyntax,
			"line 2: a quoted cell has no closing"},
		{"bare quote", "x,y\n1,2\"\n", ErrSyntax, "line 2, column 4: a quote inside"},
		{"too many columns", strings.Repeat("1,", MaxColumns) + "1\n", ErrTooLarge, "1001 columns"},
		// The first bytes of a PNG file, as the browser's file.text() decodes
		// them (0x89 becomes U+FFFD); the NULs are the IHDR chunk's length.
		{"png", "\uFFFDPNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01", ErrBinary,
			"not a text table (CSV or TSV); it holds binary data (a NUL byte at byte 10)"},
		{"latin-1", "temp\xe9rature;y\n1;2\n2;3\n", ErrBinary, "not UTF-8"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(c.text, Options{})
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("Parse(%q) error %v, want %v containing %q", c.text, err, c.want, c.msg)
			}
		})
	}
}

// TestParseLimits checks that oversized text is refused before parsing.
// The texts are built cheaply: one long cell, or a million and two short
// lines.
func TestParseLimits(t *testing.T) {
	big := strings.Repeat("1", MaxBytes+1)
	if _, err := Parse(big, Options{}); !errors.Is(err, ErrTooLarge) ||
		!strings.Contains(err.Error(), "at most 50 MB") {
		t.Errorf("%d bytes: error %v, want ErrTooLarge naming 50 MB", len(big), err)
	}
	many := strings.Repeat("1\n", MaxRows+2)
	if _, err := Parse(many, Options{}); !errors.Is(err, ErrTooLarge) ||
		!strings.Contains(err.Error(), "1000002 lines, at most 1000000 rows") {
		t.Errorf("%d lines: error %v, want ErrTooLarge naming the limit", MaxRows+2, err)
	}
}
