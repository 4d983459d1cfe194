package table

import (
	"math"
	"testing"
)

// FuzzParse checks that Parse and XY never panic, that a parsed table is
// rectangular with one line number per row, and that XY returns equal-length
// finite values or an error.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"x,y\n1,2\n3,4\n", "x;y\n0,5;1,25\n1,0;2,50\n", "x,y\n\"0,5\",\"1,25\"\n\"1\",2\n",
		"x,y\n1,2.0\n2,Infinity\n3,1e309\n4,inf\n5,1e20\n6,12.1\n", "x,y\n2.5,7.1\n",
		"Date,CO2\n1958-03-01,315.70\n1958-04,317.46\n", "a\tb\n1\t2\n", "x,y\n1,\"2\n",
		"x,y\n\"1,234\",1\n", "x;y\n1.234,5;1\n1,5;2\n", "# c\n\n1,2,\n3,4\n", "\uFEFFx\n1\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		tab, err := Parse(text, Options{})
		if err != nil {
			return
		}
		if len(tab.Lines) != len(tab.Rows) {
			t.Fatalf("%d rows, %d lines", len(tab.Rows), len(tab.Lines))
		}
		for i, row := range tab.Rows {
			if len(row) != len(tab.Columns) {
				t.Fatalf("row %d has %d cells, %d columns", i, len(row), len(tab.Columns))
			}
		}
		x, y, rep, err := tab.XY("", "")
		if err != nil {
			return
		}
		if len(x) != len(y) || len(x) != rep.Kept || rep.Kept+rep.Dropped != rep.Rows {
			t.Fatalf("%d x, %d y, report %+v", len(x), len(y), rep)
		}
		for i := range x {
			if math.IsNaN(x[i]) || math.IsInf(x[i], 0) || math.IsNaN(y[i]) || math.IsInf(y[i], 0) {
				t.Fatalf("non-finite pair (%v, %v) from %q", x[i], y[i], text)
			}
		}
	})
}
