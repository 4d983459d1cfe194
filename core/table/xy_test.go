package table

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"
)

// parseXY parses text and reads columns x and y (empty: defaults).
func parseXY(t *testing.T, text, xCol, yCol string) ([]float64, []float64, Report, error) {
	t.Helper()
	tab, err := Parse(text, Options{})
	if err != nil {
		t.Fatalf("Parse(%q): %v", text, err)
	}
	return tab.XY(xCol, yCol)
}

// near reports whether a and b agree to within tol, relative to max(1, |b|).
func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b))
}

// equalValues reports whether got equals want within 1e-12.
func equalValues(got, want []float64) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if !near(got[i], want[i], 1e-12) {
			return false
		}
	}
	return true
}

// TestXYNumbers checks number spellings and the per-column format choice.
func TestXYNumbers(t *testing.T) {
	cases := []struct {
		name, text string
		x, y       []float64
		comma      bool
	}{
		{"plain", "x,y\n1,2\n-3,4e2\n", []float64{1, -3}, []float64{2, 400}, false},
		{"points", "x,y\n.5,+1.5\n2.,1E-3\n", []float64{0.5, 2}, []float64{1.5, 0.001}, false},
		// CASES B21: semicolon delimiter, decimal comma, y = 2.5·x.
		{"B21 semicolon", "x;y\n0,5;1,25\n1,0;2,50\n1,5;3,75\n2,0;5,00\n2,5;6,25\n3,0;7,50\n",
			[]float64{0.5, 1, 1.5, 2, 2.5, 3}, []float64{1.25, 2.5, 3.75, 5, 6.25, 7.5}, true},
		{"B21 quoted comma", "x,y\n\"0,5\",\"1,25\"\n\"1,0\",\"2,50\"\n",
			[]float64{0.5, 1}, []float64{1.25, 2.5}, true},
		{"semicolon three decimals", "x;y\n1,234;1\n2,5;2\n", []float64{1.234, 2.5},
			[]float64{1, 2}, true},
		{"semicolon ambiguous alone", "x;y\n1,234;1\n2;2\n", []float64{1.234, 2},
			[]float64{1, 2}, true},
		{"european thousands", "x;y\n1.234,5;1\n2;2\n", []float64{1234.5, 2},
			[]float64{1, 2}, true},
		{"english thousands", "x,y\n\"1,234.5\",1\n\"1,000,000\",2\n",
			[]float64{1234.5, 1e6}, []float64{1, 2}, false},
		{"thousands next to points", "x,y\n\"1,234\",1\n2.5,2\n", []float64{1234, 2.5},
			[]float64{1, 2}, false},
		{"leading zero is a decimal", "x,y\n\"0,125\",1\n2,2\n", []float64{0.125, 2},
			[]float64{1, 2}, true},
		{"underflow is zero", "x,y\n1e-400,1\n2,2\n", []float64{0, 2}, []float64{1, 2}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, y, rep, err := parseXY(t, c.text, "", "")
			if err != nil {
				t.Fatalf("XY(%q): %v", c.text, err)
			}
			if !equalValues(x, c.x) || !equalValues(y, c.y) || rep.DecimalComma != c.comma {
				t.Errorf("XY(%q) = %v, %v, decimal comma %v; want %v, %v, %v",
					c.text, x, y, rep.DecimalComma, c.x, c.y, c.comma)
			}
		})
	}
}

// TestXYDates checks ISO dates against the rule at DecimalYear.
func TestXYDates(t *testing.T) {
	text := "when,v\n1958-03-01,1\n1958-03,2\n2000-12-31T12:00,3\n" +
		"2000-01-01T06:00:00Z,4\n2000-01-01T01:00:00+01:00,5\n" +
		"2001-01-01 00:00:30.5,6\n1958-02-30,7\n"
	x, _, rep, err := parseXY(t, text, "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{
		1958 + 59.0/365,       // 31 + 28 days before 1 March
		1958 + 59.0/365,       // a month means its first day
		2000 + 365.5/366,      // 2000 is a leap year; noon of its last day
		2000 + 0.25/366,       // 6 hours into the year
		2000,                  // midnight UTC
		2001 + 30.5/86400/365, // 30.5 seconds into 2001
	}
	if !rep.XDates || !equalValues(x, want) {
		t.Errorf("dates: got %v (XDates %v), want %v", x, rep.XDates, want)
	}
	if rep.Dropped != 1 || rep.Problems[0].Line != 8 || rep.Problems[0].Reason != ReasonNonNumeric {
		t.Errorf("1958-02-30 not refused: %+v", rep)
	}
}

// TestXYDropped checks each reason for dropping a row and the report.
func TestXYDropped(t *testing.T) {
	text := "x,y\n1,1\n,2\n3,NA\nNaN,4\n5,-inf\nabc,6\n7,Infinity\n8,1e309\n9,9\n10,10\n11,11\n"
	x, _, rep, err := parseXY(t, text, "", "")
	if err != nil {
		t.Fatal(err)
	}
	want := [numReasons]int{ReasonEmpty: 1, ReasonNA: 1, ReasonNaN: 1, ReasonNonNumeric: 1,
		ReasonNonFinite: 3}
	if rep.Rows != 11 || rep.Kept != 4 || rep.Dropped != 7 || rep.ByReason != want ||
		!equalValues(x, []float64{1, 9, 10, 11}) {
		t.Errorf("got x %v, report %+v; want 4 kept of 11, reasons %v", x, rep, want)
	}
	wantLines := []int{3, 4, 5, 6, 7}
	for i, p := range rep.Problems {
		if p.Line != wantLines[i] {
			t.Errorf("problem %d at line %d, want %d", i, p.Line, wantLines[i])
		}
	}
	if got := rep.Problems[3].String(); got != `line 6: infinite value in "y": "-inf"` {
		t.Errorf("problem text %q", got)
	}
	if s := rep.String(); !strings.Contains(s, "read 4 of 11 rows; dropped 7") ||
		!strings.Contains(s, "(lines 3, 4, 5, 6, 7, ...)") {
		t.Errorf("summary %q", s)
	}
}

// TestXYB23 is the CASES B23 recipe: infinite cells are dropped with their
// lines, 1e20 is kept with a warning.
func TestXYB23(t *testing.T) {
	x, y, rep, err := parseXY(t, "x,y\n1,2.0\n2,Infinity\n3,1e309\n4,inf\n5,1e20\n6,12.1\n", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if !equalValues(x, []float64{1, 5, 6}) || !equalValues(y, []float64{2, 1e20, 12.1}) {
		t.Errorf("got %v, %v; want x 1 5 6, y 2 1e20 12.1", x, y)
	}
	if rep.ByReason[ReasonNonFinite] != 3 || len(rep.Problems) != 3 ||
		rep.Problems[0].Line != 3 || rep.Problems[1].Line != 4 || rep.Problems[2].Line != 5 {
		t.Errorf("report %+v, want 3 infinite at lines 3, 4, 5", rep)
	}
	// 1e20 is kept without a warning: whether it needs scaling depends on
	// the training settings, and core/hint says it when it does.
	if len(rep.Warnings) != 0 {
		t.Errorf("warnings %q, want none", rep.Warnings)
	}
}

// TestXYErrors checks data that XY refuses.
func TestXYErrors(t *testing.T) {
	// fifty returns 50 rows with x = 0.1, 0.2, ..., 5.0 and the given y.
	fifty := func(y string) string {
		var b strings.Builder
		b.WriteString("x,y\n")
		for i := 1; i <= 50; i++ {
			b.WriteString(strconv.FormatFloat(0.1*float64(i), 'f', 1, 64) + "," + y + "\n")
		}
		return b.String()
	}
	cases := []struct {
		name, text, xCol, yCol string
		want                   error
		msg                    string
	}{
		// CASES B14: a single row.
		{"B14 one row", "x,y\n2.5,7.1\n", "", "", ErrTooFewRows,
			`need at least 2 rows with numbers in both "x" and "y", found 1 (more than about 10`},
		{"only header", "x,y\n", "", "", ErrTooFewRows, "header but no data rows"},
		{"one usable row", "x,y\n1,2\n2,NA\n", "", "", ErrTooFewRows, "found 1"},
		// CASES B15: fifty rows of y = 3.7, whose std is ~2.7e-15, not 0.
		{"B15 constant y", fifty("3.7"), "", "", ErrConstantY,
			`every "y" is 3.7); R² is undefined`},
		{"constant x", "x,y\n5,1\n5,2\n", "", "", ErrConstantX,
			`every "x" is 5); nothing to learn`},
		{"ambiguous comma", "x,y\n\"1,234\",1\n2,3\n", "", "", ErrAmbiguous,
			`cannot tell whether "1,234" at line 2 in "x" means 1.234 or 1234`},
		{"mixed separators", "x;y\n1,5;1\n2.5;3\n", "", "", ErrAmbiguous,
			`"x" mixes a decimal comma ("1,5" at line 2) and a decimal point ("2.5" at line 3)`},
		{"no such column", "x,y\n1,2\n", "x", "z", ErrColumn,
			`no such column "z"; the columns are "x", "y"`},
		{"text column", "name,y\nab,1\ncd,2\n", "name", "y", ErrNotNumeric,
			`"name" holds "ab" at line 2`},
		{"date as y", "d,v\n2000-01-01,1\n2001-01-01,2\n", "v", "d", ErrNotNumeric,
			`"d" holds "2000-01-01" at line 2`},
		{"one numeric column", "name,y\nab,1\ncd,2\n", "", "", ErrNotNumeric,
			`need two columns of numbers, the table has "name", "y"`},
		{"same column", "x,y\n1,2\n", "x", "x", ErrSameColumns, `"x"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			x, y, _, err := parseXY(t, c.text, c.xCol, c.yCol)
			ok := errors.Is(err, c.want) && strings.Contains(err.Error(), c.msg)
			if !ok || x != nil || y != nil {
				t.Errorf("XY(%q) = %v, %v, error %v; want %v containing %q",
					c.text, x, y, err, c.want, c.msg)
			}
		})
	}
}

// TestXYConstantThousand is the B15 variant: a thousand rows of 14.62,
// whose floating-point std is about 3e-13, is still constant.
func TestXYConstantThousand(t *testing.T) {
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := range 1000 {
		b.WriteString(strconv.Itoa(i) + ",14.62\n")
	}
	if _, _, _, err := parseXY(t, b.String(), "", ""); !errors.Is(err, ErrConstantY) {
		t.Errorf("error %v, want ErrConstantY", err)
	}
	// A real but small spread is not constant: 1e-6 around 14.62.
	if _, _, _, err := parseXY(t, "x,y\n1,14.62\n2,14.620001\n", "", ""); err != nil {
		t.Errorf("small spread refused: %v", err)
	}
	// Values in SI units are small but not constant: the tolerance is
	// relative to the values, with no floor of 1.
	x, y, _, err := parseXY(t, "x,y\n1e-10,1\n2e-10,2\n3e-10,3\n4e-10,5\n", "", "")
	if err != nil || len(x) != 4 || x[3] != 4e-10 || y[3] != 5 {
		t.Errorf("x in 1e-10 units: %v %v, error %v; want the four rows", x, y, err)
	}
	if _, _, _, err := parseXY(t, "x,y\n1,3e-12\n2,-1e-12\n3,2e-12\n", "", ""); err != nil {
		t.Errorf("y of order 1e-12 refused: %v", err)
	}
}

// TestXYColumns checks default and named column choice.
func TestXYColumns(t *testing.T) {
	text := "name,a,when,b\nfoo,1,2000-01-01,10\nbar,2,2001-01-01,20\nbaz,3,2002-01-01,40\n"
	tab, err := Parse(text, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ xCol, yCol, wantX, wantY string }{
		{"", "", "a", "b"}, // dates are not a default y
		{"when", "", "when", "a"},
		{"", "a", "when", "a"},
		{" B ", "A", "b", "a"}, // case and spaces ignored
	} {
		_, _, rep, err := tab.XY(c.xCol, c.yCol)
		if err != nil || rep.XColumn != c.wantX || rep.YColumn != c.wantY {
			t.Errorf("XY(%q, %q) chose %q, %q (%v); want %q, %q",
				c.xCol, c.yCol, rep.XColumn, rep.YColumn, err, c.wantX, c.wantY)
		}
	}
	// Columns named x and y are the default pair, wherever they stand.
	named, err := Parse("id,name,X,y\n1,a,0.5,3\n2,b,1.5,5\n3,c,2.5,4\n", Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ xCol, yCol, wantX, wantY string }{
		{"", "", "X", "y"},
		{"id", "", "id", "X"}, // x named: y is the first other number column
		{"", "id", "X", "id"}, // y named: x is the first other number column
	} {
		_, _, rep, err := named.XY(c.xCol, c.yCol)
		if err != nil || rep.XColumn != c.wantX || rep.YColumn != c.wantY {
			t.Errorf("XY(%q, %q) chose %q, %q (%v); want %q, %q",
				c.xCol, c.yCol, rep.XColumn, rep.YColumn, err, c.wantX, c.wantY)
		}
	}
	// A row index (id, or pandas' unnamed index) is passed over while other
	// columns of numbers will do, and taken when nothing else is left.
	for _, c := range []struct{ text, wantX, wantY string }{
		{"id,temp,sales,notes\n1,20,5,a\n2,22,7,b\n3,25,9,c\n", "temp", "sales"},
		{",temp,sales\n0,20,5\n1,22,7\n2,25,9\n", "temp", "sales"},
		{"id,sales\n1,5\n2,7\n3,9\n", "id", "sales"},
	} {
		tab, err := Parse(c.text, Options{})
		if err != nil {
			t.Fatal(err)
		}
		_, _, rep, err := tab.XY("", "")
		if err != nil || rep.XColumn != c.wantX || rep.YColumn != c.wantY {
			t.Errorf("%q chose %q, %q (%v); want %q, %q", c.text, rep.XColumn, rep.YColumn, err, c.wantX, c.wantY)
		}
	}
}
