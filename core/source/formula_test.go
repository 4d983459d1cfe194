package source

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"netfit/core/data"
	"netfit/core/formula"
	"netfit/core/settings"
)

// The same formula as a preset, with the same settings, draws the same
// sample: the page's formula box starts from the preset's text.
func TestLoadFormulaMatchesPreset(t *testing.T) {
	preset := settings.Default().Data // the sine preset: 10·sin x + x
	want, _, err := Load(preset, "")
	if err != nil {
		t.Fatal(err)
	}
	got, rep, err := Load(formulaSettings("10*sin(x) + x"), "")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.X, want.X) || !slices.Equal(got.Y, want.Y) {
		t.Errorf("formula sample differs from the preset's (first y %v, want %v)",
			got.Y[0], want.Y[0])
	}
	if rep.Kept != 1000 || rep.Dropped != 0 || len(rep.Messages) != 1 || rep.Warnings != nil {
		t.Errorf("report %+v, want 1000 kept, one message, no warnings", rep)
	}
}

// log(x) on [-15, 15] is undefined for x ≤ 0, about half the samples: they
// are left out, and the message says how many, where and that they were.
func TestLoadFormulaUndefined(t *testing.T) {
	d := formulaSettings("log(x)")
	set, rep, err := Load(d, "")
	if err != nil {
		t.Fatal(err)
	}
	negative := 0
	all := data.Generate(math.Log, d.N, d.Noise, d.XMin, d.XMax, data.NewRand(d.Seed))
	for _, x := range all.X {
		if x <= 0 {
			negative++
		}
	}
	if rep.Dropped != negative || rep.Kept != d.N-negative || set.Len() != rep.Kept {
		t.Fatalf("dropped %d, kept %d (set %d), want dropped %d of %d",
			rep.Dropped, rep.Kept, set.Len(), negative, d.N)
	}
	if negative < 400 || negative > 600 {
		t.Errorf("%d of 1000 x ≤ 0 on [-15, 15], want about half", negative)
	}
	for i, y := range set.Y {
		if math.IsNaN(y) || math.IsInf(y, 0) || set.X[i] <= 0 {
			t.Fatalf("sample %d: x %v y %v left in", i, set.X[i], y)
		}
	}
	msg := strings.Join(rep.Messages, "\n")
	for _, want := range []string{"undefined", "left out", "of 1000 samples", "x from -15"} {
		if !strings.Contains(msg, want) {
			t.Errorf("messages %q, want them to contain %q", msg, want)
		}
	}
}

func TestLoadFormulaErrors(t *testing.T) {
	tests := []struct {
		name, formula string
		xmin, xmax    float64
		noise         float64
		want          error  // errors.Is target, or nil for a *formula.Error
		pos           int    // formula.Error's column
		explain       string // part of Explain's sentence
	}{
		{"unknown name", "10*sinn(x)", -15, 15, 3, nil, 4, `Unknown name "sinn" at column 4`},
		{"missing parenthesis", "sin(x", -15, 15, 3, nil, 0, "column"},
		{"empty", "", -15, 15, 3, nil, 0, ""},
		{"undefined everywhere", "log(x)", -2, -1, 3, ErrUndefined, 0,
			"The formula gives no finite value on [-2, -1]; change the formula or the x range."},
		// A constant infinity: no x range helps, so the advice is the formula.
		{"infinite constant", "1/0", -15, 15, 3, ErrUndefined, 0,
			"The formula gives no finite value on [-15, 15] (1/0 is infinite everywhere); " +
				"change the formula."},
		{"overflowing constant", "10^400", -15, 15, 3, ErrUndefined, 0,
			"(10^400 is infinite everywhere); change the formula."},
		{"sinn at its column", "sinn(x)", -15, 15, 3, nil, 1, `Unknown name "sinn" at column 1.`},
		{"2x", "2x", -15, 15, 3, nil, 2, `at column 2; to multiply write 2*x.`},
		{"constant", "2*pi", -15, 15, 0, ErrConstantY, 0, "R² is undefined"},
		{"bad range", "x", 1, 1, 0, settings.ErrData, 0, "xmin (1) must be below xmax (1)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := formulaSettings(tt.formula)
			d.XMin, d.XMax, d.Noise = tt.xmin, tt.xmax, tt.noise
			set, rep, err := Load(d, "")
			if err == nil {
				t.Fatalf("Load(%q) = %d samples, want an error", tt.formula, set.Len())
			}
			var fe *formula.Error
			switch {
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Errorf("error %v, want %v", err, tt.want)
			case tt.want == nil && !errors.As(err, &fe):
				t.Errorf("error %T %v, want a *formula.Error", err, err)
			case tt.want == nil && tt.pos != 0 && fe.Pos != tt.pos:
				t.Errorf("error at column %d, want %d", fe.Pos, tt.pos)
			}
			if s := Explain(err); !strings.Contains(s, tt.explain) || !strings.HasSuffix(s, ".") {
				t.Errorf("Explain = %q, want a sentence containing %q", s, tt.explain)
			}
			if strings.Contains(strings.Join(rep.Messages, " "), "undefined") {
				t.Errorf("report %q repeats the error %q", rep.Messages, Explain(err))
			}
			if set.Len() != 0 || rep.Source != settings.SourceFormula {
				t.Errorf("set of %d, report source %q; want none, formula", set.Len(), rep.Source)
			}
		})
	}
}

// A formula in small units (1e-10·x, y within ±1.5e-9) is not constant:
// the constant test is relative to the values (CASES B15).
func TestLoadFormulaSmallUnits(t *testing.T) {
	d := formulaSettings("1e-10*x")
	d.Noise = 0
	set, _, err := Load(d, "")
	if err != nil {
		t.Fatalf("Load(1e-10*x) refused: %v", err)
	}
	lo, hi := slices.Min(set.Y), slices.Max(set.Y)
	if math.Abs(lo+1.5e-9) > 1e-11 || math.Abs(hi-1.5e-9) > 1e-11 {
		t.Errorf("y spans [%g, %g], want [-1.5e-9, 1.5e-9]", lo, hi)
	}
}

// A formula without x but with noise is fitted (to its mean), with a warning.
func TestLoadFormulaWithoutX(t *testing.T) {
	_, rep, err := Load(formulaSettings("2*pi"), "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "does not depend on x") {
		t.Errorf("warnings %q, want one about x", rep.Warnings)
	}
}

// Finite values beyond 1e15 are kept (CASES B23) without a warning about
// scaling: whether they need it depends on the training settings, so
// core/hint's unscaled-targets hint says it only when y is not
// standardized (TestLargeTargets).
func TestLoadFormulaLarge(t *testing.T) {
	d := formulaSettings("exp(x)")
	d.XMin, d.XMax = 0, 40 // e^40 ≈ 2.4e17
	set, rep, err := Load(d, "")
	if err != nil {
		t.Fatal(err)
	}
	if set.Len() != d.N || len(rep.Warnings) != 0 {
		t.Errorf("kept %d of %d rows with warnings %q, want all rows and no warning",
			set.Len(), d.N, rep.Warnings)
	}
}
