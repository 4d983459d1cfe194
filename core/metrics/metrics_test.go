package metrics

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/stat"
)

func near(a, b, rel float64) bool { return math.Abs(a-b) <= rel*max(1, math.Abs(b)) }

func TestEvaluate(t *testing.T) {
	tests := []struct {
		name         string
		pred, target []float64
		want         Report
	}{
		{
			// Residuals 0.5, -0.5, 1, -1 (y − ŷ): SSres = 2.5, MSE 0.625,
			// MAE 0.75. ȳ = 4, SStot = 9+1+1+9 = 20, R² = 1 − 2.5/20 = 0.875.
			// MAPE = 100·(0.5/1 + 0.5/3 + 1/5 + 1/7)/4 = 25.2380952...
			name:   "hand computed",
			pred:   []float64{0.5, 3.5, 4, 8},
			target: []float64{1, 3, 5, 7},
			want: Report{N: 4, MSE: 0.625, RMSE: math.Sqrt(0.625), MAE: 0.75,
				MAPE: 100 * (0.5 + 0.5/3 + 0.2 + 1.0/7) / 4, MAPEReliable: true,
				R2: 0.875, R2Defined: true},
		},
		{
			name:   "perfect",
			pred:   []float64{-2, 0.5, 9},
			target: []float64{-2, 0.5, 9},
			want:   Report{N: 3, MAPEReliable: true, R2: 1, R2Defined: true},
		},
		{
			// Predicting the mean 2 for targets 1, 2, 3: R² = 0 exactly.
			name:   "mean predictor",
			pred:   []float64{2, 2, 2},
			target: []float64{1, 2, 3},
			want: Report{N: 3, MSE: 2.0 / 3, RMSE: math.Sqrt(2.0 / 3), MAE: 2.0 / 3,
				MAPE: 100 * (1 + 0 + 1.0/3) / 3, MAPEReliable: true, R2Defined: true},
		},
		{
			// SSres = 4+1+16 = 21 > SStot = 2: R² = 1 − 21/2 = −9.5.
			name:   "worse than mean",
			pred:   []float64{3, 1, -1},
			target: []float64{1, 2, 3},
			want: Report{N: 3, MSE: 7, RMSE: math.Sqrt(7), MAE: 7.0 / 3,
				MAPE: 100 * (2 + 0.5 + 4.0/3) / 3, MAPEReliable: true,
				R2: -9.5, R2Defined: true, R2Note: "below 0: worse than predicting the mean"},
		},
		{
			// CASES B14: one row.
			name:   "single row",
			pred:   []float64{7},
			target: []float64{7.1},
			want: Report{N: 1, MSE: 0.01, RMSE: 0.1, MAE: 0.1, MAPE: 100 * 0.1 / 7.1,
				MAPEReliable: true, R2Note: "undefined: fewer than 2 points"},
		},
		{
			name: "empty",
			want: Report{MAPENote: "undefined: no rows with finite values",
				R2Note: "undefined: no rows with finite values"},
			pred:   []float64{},
			target: []float64{},
		},
		{
			// A diverged model: every prediction NaN.
			name:   "all NaN predictions",
			pred:   []float64{math.NaN(), math.NaN()},
			target: []float64{1, 2},
			want: Report{Skipped: 2, MAPENote: "undefined: no rows with finite values",
				R2Note: "undefined: no rows with finite values"},
		},
		{
			// Non-finite rows are left out: what remains is "hand computed".
			name:   "skips non-finite rows",
			pred:   []float64{0.5, math.Inf(1), 3.5, 4, 2, 8},
			target: []float64{1, 2, 3, 5, math.NaN(), 7},
			want: Report{N: 4, Skipped: 2, MSE: 0.625, RMSE: math.Sqrt(0.625), MAE: 0.75,
				MAPE: 100 * (0.5 + 0.5/3 + 0.2 + 1.0/7) / 4, MAPEReliable: true,
				R2: 0.875, R2Defined: true},
		},
		{
			// A zero target: Keras divides by max(|0|, 1e-7), so 0.5 off
			// is 5e8 %; the row is within 1% of zero.
			name:   "zero target",
			pred:   []float64{0.5, 10, 20},
			target: []float64{0, 10, 20},
			want: Report{N: 3, MSE: 0.25 / 3, RMSE: math.Sqrt(0.25 / 3), MAE: 0.5 / 3,
				MAPE:     100 * (0.5 / 1e-7) / 3,
				MAPENote: "unreliable: 1 of 3 targets are near zero (|y| < 0.2, 1% of max |y|)",
				R2:       1 - 0.25/200, R2Defined: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Evaluate(tt.pred, tt.target)
			checkReport(t, got, tt.want)
		})
	}
}

func checkReport(t *testing.T, got, want Report) {
	t.Helper()
	if got.N != want.N || got.Skipped != want.Skipped {
		t.Errorf("N, Skipped = %d, %d; want %d, %d", got.N, got.Skipped, want.N, want.Skipped)
	}
	nums := []struct {
		name      string
		got, want float64
	}{
		{"MSE", got.MSE, want.MSE}, {"RMSE", got.RMSE, want.RMSE}, {"MAE", got.MAE, want.MAE},
		{"MAPE", got.MAPE, want.MAPE}, {"R2", got.R2, want.R2},
	}
	for _, n := range nums {
		if !near(n.got, n.want, 1e-12) {
			t.Errorf("%s = %v, want %v", n.name, n.got, n.want)
		}
	}
	if got.MAPEReliable != want.MAPEReliable || got.MAPENote != want.MAPENote {
		t.Errorf("MAPEReliable %v %q, want %v %q", got.MAPEReliable, got.MAPENote,
			want.MAPEReliable, want.MAPENote)
	}
	if got.R2Defined != want.R2Defined || got.R2Note != want.R2Note {
		t.Errorf("R2Defined %v %q, want %v %q", got.R2Defined, got.R2Note, want.R2Defined, want.R2Note)
	}
	checkFinite(t, got)
}

func checkFinite(t *testing.T, r Report) {
	t.Helper()
	for _, v := range []float64{r.MSE, r.RMSE, r.MAE, r.MAPE, r.R2} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("report has a non-finite field: %+v", r)
			return
		}
	}
}

func TestEvaluateConstantTarget(t *testing.T) {
	// CASES B15: fifty 3.7s and a thousand 14.62s have a tiny nonzero std
	// in floating point; R² must be undefined, not a huge number.
	tests := []struct {
		name  string
		y     float64
		n     int
		note  string
		mapeR bool
	}{
		{"fifty 3.7s", 3.7, 50, "undefined: y is constant (3.7)", true},
		{"thousand 14.62s", 14.62, 1000, "undefined: y is constant (14.62)", true},
		{"zeros", 0, 10, "undefined: y is constant (0)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target := slices.Repeat([]float64{tt.y}, tt.n)
			pred := make([]float64, tt.n)
			for i := range pred {
				pred[i] = tt.y + 0.1*float64(i%3-1) // off by −0.1, 0, +0.1
			}
			r := Evaluate(pred, target)
			if r.R2Defined || r.R2 != 0 || r.R2Note != tt.note {
				t.Errorf("R2 %v defined %v note %q; want undefined with %q",
					r.R2, r.R2Defined, r.R2Note, tt.note)
			}
			if r.MSE <= 0 || r.MSE > 0.01 {
				t.Errorf("MSE = %v, want about 0.0067 (still shown)", r.MSE)
			}
			if r.MAPEReliable != tt.mapeR {
				t.Errorf("MAPEReliable = %v, want %v (%s)", r.MAPEReliable, tt.mapeR, r.MAPENote)
			}
			checkFinite(t, r)
			if _, err := R2(pred, target); !errors.Is(err, ErrConstantTarget) {
				t.Errorf("R2 error = %v, want ErrConstantTarget", err)
			}
		})
	}
}

func TestMAPENearZero(t *testing.T) {
	// CASES B16: targets passing near zero. 3 of the 5 targets are below
	// 1% of max|y| = 100.
	target := []float64{100, -50, 0.5, -0.2, 0}
	pred := []float64{101, -49, 1, 0, 0.1}
	r := Evaluate(pred, target)
	want := "unreliable: 3 of 5 targets are near zero (|y| < 1, 1% of max |y|)"
	if r.MAPEReliable || r.MAPENote != want {
		t.Errorf("MAPEReliable %v note %q, want false %q", r.MAPEReliable, r.MAPENote, want)
	}
	// 100·(1/100 + 1/50 + 0.5/0.5 + 0.2/0.2 + 0.1/1e-7)/5
	wantMAPE := 100 * (0.01 + 0.02 + 1 + 1 + 1e6) / 5
	if !near(r.MAPE, wantMAPE, 1e-9) {
		t.Errorf("MAPE = %v, want %v", r.MAPE, wantMAPE)
	}
	if all := Evaluate([]float64{1, 2}, []float64{0, 0}); all.MAPEReliable ||
		all.MAPENote != "unreliable: all 2 targets are 0" {
		t.Errorf("all-zero targets: %v %q", all.MAPEReliable, all.MAPENote)
	}
}

func TestEvaluateOverflow(t *testing.T) {
	// Differences of ±3e308 overflow to +Inf in float64; fields saturate.
	r := Evaluate([]float64{1.5e308, -1.5e308, 0}, []float64{-1.5e308, 1.5e308, 1})
	checkFinite(t, r)
	if r.MSE != math.MaxFloat64 || r.MAPE != math.MaxFloat64 {
		t.Errorf("MSE %v MAPE %v, want both math.MaxFloat64", r.MSE, r.MAPE)
	}
	if r.R2Defined {
		t.Errorf("R2 %v defined with overflowing sums; want undefined (%q)", r.R2, r.R2Note)
	}
	// Huge residuals but a modest target spread: R² saturates at −Max.
	r = Evaluate([]float64{1e300, -1e300}, []float64{1, 2})
	checkFinite(t, r)
	if !r.R2Defined || r.R2 != -math.MaxFloat64 {
		t.Errorf("R2 = %v (defined %v), want -MaxFloat64", r.R2, r.R2Defined)
	}
}

func TestR2MatchesGonum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	target := make([]float64, 200)
	pred := make([]float64, 200)
	for i := range target {
		target[i] = 10 * rng.NormFloat64()
		pred[i] = target[i] + 3*rng.NormFloat64()
	}
	got, err := R2(pred, target)
	if err != nil {
		t.Fatal(err)
	}
	if want := stat.RSquaredFrom(pred, target, nil); !near(got, want, 1e-12) {
		t.Errorf("R2 = %v, gonum RSquaredFrom = %v", got, want)
	}
	// Independent two-pass computation of 1 − SSres/SStot.
	mean := stat.Mean(target, nil)
	var res, tot float64
	for i, y := range target {
		res += (y - pred[i]) * (y - pred[i])
		tot += (y - mean) * (y - mean)
	}
	if want := 1 - res/tot; !near(got, want, 1e-12) {
		t.Errorf("R2 = %v, hand formula %v", got, want)
	}
}

func TestR2Errors(t *testing.T) {
	tests := []struct {
		name         string
		pred, target []float64
		err          error
	}{
		{"empty", nil, nil, ErrTooFew},
		{"one", []float64{1}, []float64{2}, ErrTooFew},
		{"one finite", []float64{1, math.NaN()}, []float64{2, 3}, ErrTooFew},
		{"constant", []float64{1, 2, 3}, []float64{5, 5, 5}, ErrConstantTarget},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := R2(tt.pred, tt.target); !errors.Is(err, tt.err) {
				t.Errorf("R2(%v, %v) error = %v, want %v", tt.pred, tt.target, err, tt.err)
			}
		})
	}
}

func TestLineR2(t *testing.T) {
	tests := []struct {
		name string
		x, y []float64
		want float64
		err  error
	}{
		{"exact line", []float64{0, 1, 2, 3}, []float64{1, 3, 5, 7}, 1, nil},
		// Least squares through (0,0) (1,1) (2,0) (3,1): β = 0.2, α = 0.2,
		// fitted 0.2 0.4 0.6 0.8; SSres = 0.04+0.36+0.36+0.04 = 0.8,
		// SStot = 1, R² = 0.2.
		{"zig-zag", []float64{0, 1, 2, 3}, []float64{0, 1, 0, 1}, 0.2, nil},
		// A symmetric parabola has no linear trend: R² = 0.
		{"parabola", []float64{-2, -1, 0, 1, 2}, []float64{4, 1, 0, 1, 4}, 0, nil},
		{"one point", []float64{1}, []float64{1}, 0, ErrTooFew},
		{"constant y", []float64{1, 2, 3}, []float64{4, 4, 4}, 0, ErrConstantTarget},
		{"constant x", []float64{2, 2, 2}, []float64{1, 2, 3}, 0, ErrConstantInput},
		{"skips NaN", []float64{0, 1, math.NaN(), 2, 3}, []float64{1, 3, 4, 5, 7}, 1, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LineR2(tt.x, tt.y)
			if !errors.Is(err, tt.err) || !near(got, tt.want, 1e-12) {
				t.Errorf("LineR2(%v, %v) = %v, %v; want %v, %v", tt.x, tt.y, got, err, tt.want, tt.err)
			}
		})
	}
}

func TestLengthMismatchPanics(t *testing.T) {
	funcs := map[string]func(){
		"Evaluate": func() { Evaluate([]float64{1}, []float64{1, 2}) },
		"R2":       func() { R2([]float64{1}, []float64{1, 2}) },
		"LineR2":   func() { LineR2([]float64{1}, []float64{1, 2}) },
	}
	for name, f := range funcs {
		t.Run(name, func(t *testing.T) {
			defer func() {
				r := recover()
				if s, _ := r.(string); !strings.HasPrefix(s, "metrics: ") {
					t.Errorf("panic = %v, want a message starting with \"metrics: \"", r)
				}
			}()
			f()
		})
	}
}
