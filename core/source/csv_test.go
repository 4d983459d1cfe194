package source

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"netfit/core/table"
)

// The cars table has 14 rows without horsepower or miles per gallon: they
// are dropped and the first five named by line.
func TestLoadCSVCars(t *testing.T) {
	set, rep := mustLoad(t, readData(t, "cars.csv"), "Horsepower", "Miles_per_Gallon")
	if set.Len() != 392 || rep.Kept != 392 || rep.Dropped != 14 || rep.Rows != 406 {
		t.Errorf("kept %d (set %d), dropped %d of %d; want 392, 14 of 406 (the file's count)",
			rep.Kept, set.Len(), rep.Dropped, rep.Rows)
	}
	if len(rep.Columns) != 9 || rep.Columns[4] != "Horsepower" {
		t.Errorf("columns %q, want the file's 9 with Horsepower fifth", rep.Columns)
	}
	msg := strings.Join(rep.Messages, "\n")
	for _, want := range []string{"read 392 of 406 rows", "comma-separated, with a header row",
		`line 12: empty cell in "Miles_per_Gallon"`} {
		if !strings.Contains(msg, want) {
			t.Errorf("messages\n%s\nwant them to contain %q", msg, want)
		}
	}
}

// ISO dates in x become decimal years; the report says so.
func TestLoadCSVDates(t *testing.T) {
	set, rep := mustLoad(t, readData(t, "co2-concentration.csv"), "Date", "CO2")
	if set.Len() != 741 || rep.Dropped != 0 {
		t.Errorf("kept %d, dropped %d; want all 741 rows of the file", set.Len(), rep.Dropped)
	}
	// 1958-03-01 is 1958 + 59/365 (core/table's DecimalYear).
	if want := 1958 + 59.0/365; math.Abs(set.X[0]-want) > 1e-9 || set.Y[0] != 315.70 {
		t.Errorf("first sample (%v, %v), want (%v, 315.70)", set.X[0], set.Y[0], want)
	}
	if !strings.Contains(strings.Join(rep.Messages, "\n"), "decimal years") {
		t.Errorf("messages %q, want a note about dates", rep.Messages)
	}
}

// Empty columns pick the first numeric ones; a wrong name lists the columns
// and the report still has them, so the page can offer them.
func TestLoadCSVColumns(t *testing.T) {
	text := "name,a,b\np,1,2\nq,2,5\nr,3,7\n"
	_, rep := mustLoad(t, text, "", "")
	if rep.XColumn != "a" || rep.YColumn != "b" {
		t.Errorf("columns %q, %q; want a, b", rep.XColumn, rep.YColumn)
	}
	_, rep, err := Load(csvSettings("a", "c"), text)
	if !errors.Is(err, table.ErrColumn) || !slices.Equal(rep.Columns, []string{"name", "a", "b"}) {
		t.Errorf("error %v, columns %q; want ErrColumn and the three columns", err, rep.Columns)
	}
	if s := Explain(err); !strings.Contains(s, `"c"`) || !strings.Contains(s, `"name", "a", "b"`) {
		t.Errorf("Explain = %q, want it to name the column and the choices", s)
	}
}

func TestLoadCSVNoText(t *testing.T) {
	_, _, err := Load(csvSettings("", ""), " \n")
	if !errors.Is(err, ErrNoText) {
		t.Errorf("error %v, want ErrNoText", err)
	}
}

// The cases of CASES.md for pasted and uploaded tables.
func TestLoadCSVCases(t *testing.T) {
	tests := []struct {
		name string
		text string
		want error    // errors.Is target, nil for success
		kept int      // rows kept on success
		msgs []string // parts of the messages, warnings or Explain's sentence
	}{
		// B14: one data row: refused before training, no NaN anywhere.
		{"B14 single row", "x,y\n2.5,7.1\n", table.ErrTooFewRows, 0,
			[]string{"need at least 2 rows", "found 1", "more than about 10 recommended"}},
		// B15: a constant y, with the tiny nonzero spread of repeated 3.7s.
		{"B15 constant y", constantY(50, 3.7), table.ErrConstantY, 0,
			[]string{"y is constant", "3.7", "R² is undefined"}},
		{"B15 constant y 1000 × 14.62", constantY(1000, 14.62), table.ErrConstantY, 0,
			[]string{"14.62"}},
		{"B15 constant x", "x,y\n1,2\n1,3\n1,4\n", table.ErrConstantX, 0,
			[]string{"x has no spread", "nothing to learn"}},
		// B21: semicolons and decimal commas, and the quoted-comma variant.
		{"B21 semicolon", b21, nil, 6,
			[]string{"semicolon-separated", "decimal comma"}},
		{"B21 quoted", "x,y\n\"0,5\",\"1,25\"\n\"1,0\",\"2,50\"\n\"1,5\",\"3,75\"\n", nil, 3,
			[]string{"comma-separated", "decimal comma"}},
		// Excel's sep= line with a pipe: named as such, not as commas.
		{"sep pipe", "sep=|\nx|y\n1|2\n2|3\n3|5\n", nil, 3,
			[]string{"'|'-separated, with a header row"}},
		// B23: infinite cells dropped with their lines, 1e20 kept (core/hint
		// warns about it when y is not standardized).
		{"B23 infinities", "x,y\n1,2.0\n2,Infinity\n3,1e309\n4,inf\n5,1e20\n6,12.1\n", nil, 3,
			[]string{"dropped 3: 3 × infinite value", `line 3: infinite value in "y": "Infinity"`,
				"line 4", "line 5"}},
		// B27: more rows than a tab should hold, refused before storing them.
		{"B27 too many rows", "x,y\n" + strings.Repeat("1,2\n", table.MaxRows+1),
			table.ErrTooLarge, 0, []string{"at most 1000000 rows"}},
		// Malformed text.
		{"ragged", "x,y\n1,2\n3,4,5\n", table.ErrRagged, 0, []string{"line 3"}},
		{"text column", "x,y\na,b\nc,d\ne,f\n", table.ErrNotNumeric, 0,
			[]string{`"x" holds "a" at line 2; choose a column of numbers`}},
		{"no number column", "name,kind\na,b\nc,d\ne,f\n", table.ErrNotNumeric, 0,
			[]string{"two columns of numbers"}},
		{"header only", "x,y\n", table.ErrTooFewRows, 0, []string{"no data rows"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, rep, err := Load(csvSettings("", ""), tt.text)
			text := strings.Join(append(rep.Messages, rep.Warnings...), "\n")
			switch {
			case tt.want == nil && err != nil:
				t.Fatalf("Load: %v", err)
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Fatalf("error %v, want %v", err, tt.want)
			case tt.want != nil:
				text = Explain(err)
			}
			if set.Len() != tt.kept {
				t.Errorf("kept %d rows, want %d", set.Len(), tt.kept)
			}
			for _, want := range tt.msgs {
				if !strings.Contains(text, want) {
					t.Errorf("text\n%s\nwant it to contain %q", text, want)
				}
			}
			for _, bad := range []string{"NaN", "Inf", "+Inf"} {
				if strings.Contains(Explain(err), bad) {
					t.Errorf("Explain = %q shows %s", Explain(err), bad)
				}
			}
		})
	}
}

// b21 is CASES B21's table: y = 2.5·x written the European way.
const b21 = "x;y\n0,5;1,25\n1,0;2,50\n1,5;3,75\n2,0;5,00\n2,5;6,25\n3,0;7,50\n"

// constantY returns a table of n rows, x = 0.1, 0.2, ... and y = v.
func constantY(n int, v float64) string {
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "%g,%g\n", float64(i)/10, v)
	}
	return b.String()
}

// TestLoadNoTableMessage checks the page's sentence for data=csv before any
// table was given.
func TestLoadNoTableMessage(t *testing.T) {
	_, _, err := Load(csvSettings("", ""), "")
	want := "No table loaded yet: paste or drop a CSV file in the Data panel."
	if !errors.Is(err, ErrNoText) || Explain(err) != want {
		t.Errorf("Load with no table: %v, Explain %q; want ErrNoText, %q", err, Explain(err), want)
	}
}
