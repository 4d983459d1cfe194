package source

import (
	"math"
	"testing"
)

// checkSet fails unless a successful Load gave at least 2 finite samples
// and a report that adds up.
func checkSet(t *testing.T, xs, ys []float64, rep Report) {
	n := len(xs)
	if len(ys) != n || n < 2 || rep.Kept != n || rep.Kept+rep.Dropped != rep.Rows {
		t.Fatalf("%d x, %d y; report kept %d dropped %d of %d",
			n, len(ys), rep.Kept, rep.Dropped, rep.Rows)
	}
	for i := range xs {
		if math.IsNaN(xs[i]) || math.IsInf(xs[i], 0) || math.IsNaN(ys[i]) || math.IsInf(ys[i], 0) {
			t.Fatalf("sample %d is (%v, %v)", i, xs[i], ys[i])
		}
	}
	if len(rep.Messages) == 0 {
		t.Fatal("no messages")
	}
}

// FuzzLoadCSV: any text either loads finite data or gives an error that
// Explain turns into a sentence; it never panics.
func FuzzLoadCSV(f *testing.F) {
	for _, s := range []string{
		b21,
		"x,y\n2.5,7.1\n",
		"x,y\n1,2.0\n2,Infinity\n3,1e309\n5,1e20\n6,12.1\n",
		"Date,CO2\n1958-03-01,315.70\n1958-04-01,317.46\n",
		"a\tb\n1\t2\n3\t4\n",
		"\"x\",\"y\"\n\"0,5\",\"1,25\"\n\"1,0\",\"2,5\"\n",
	} {
		f.Add(s, "", "")
	}
	f.Add("x,y\n1,2\n2,3\n", "y", "x")
	f.Fuzz(func(t *testing.T, text, xCol, yCol string) {
		set, rep, err := Load(csvSettings(xCol, yCol), text)
		if err != nil {
			if Explain(err) == "" {
				t.Fatalf("error %v explained as nothing", err)
			}
			return
		}
		checkSet(t, set.X, set.Y, rep)
	})
}

// FuzzLoadFormula: any formula either draws finite data or gives an error.
func FuzzLoadFormula(f *testing.F) {
	for _, s := range []string{
		"10*sin(x) + x", "log(x)", "x^4 + x^3 + x", "1/x", "sqrt(-1)", "2*pi", "exp(x)^x",
	} {
		f.Add(s, -15.0, 15.0, 3.0)
	}
	f.Fuzz(func(t *testing.T, expr string, xmin, xmax, noise float64) {
		d := formulaSettings(expr)
		d.N, d.XMin, d.XMax, d.Noise = 50, xmin, xmax, noise
		set, rep, err := Load(d, "")
		if err != nil {
			if Explain(err) == "" {
				t.Fatalf("error %v explained as nothing", err)
			}
			return
		}
		checkSet(t, set.X, set.Y, rep)
	})
}
