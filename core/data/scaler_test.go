package data

import (
	"math"
	"slices"
	"testing"
)

func TestFitScaler(t *testing.T) {
	tests := []struct {
		name      string
		v         []float64
		mean, std float64
	}{
		// Population std of 1, 2, 3, 4: sqrt(((1.5²+0.5²)·2)/4) = sqrt(1.25).
		{"small", []float64{1, 2, 3, 4}, 2.5, math.Sqrt(1.25)},
		{"one value", []float64{7}, 7, 1},
		{"empty", nil, 0, 1},
		// CASES B15: floating-point std of these is ~1e-15, not 0.
		{"fifty 3.7s", slices.Repeat([]float64{3.7}, 50), 3.7, 1},
		{"thousand 14.62s", slices.Repeat([]float64{14.62}, 1000), 14.62, 1},
		{"zeros", make([]float64, 5), 0, 1},
		{"skips non-finite", []float64{1, math.NaN(), 3, math.Inf(1)}, 2, 1},
		{"all NaN", []float64{math.NaN(), math.NaN()}, 0, 1},
		// Squares of 1e200 overflow float64; the scaled sum does not.
		{"huge", []float64{-1e200, 1e200}, 0, 1e200},
		{"sum overflows", []float64{1.5e308, 1.5e308}, 1.5e308, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := FitScaler(tt.v)
			if !near(s.Mean, tt.mean, 1e-12) || !near(s.Std, tt.std, 1e-12) {
				t.Errorf("FitScaler(%v) = %+v, want Mean %v Std %v", tt.v, s, tt.mean, tt.std)
			}
		})
	}
}

func TestFitScalerConstantApply(t *testing.T) {
	// B15: a naive (y − mean)/std maps every 14.62 to ±1; ours gives ~0.
	v := slices.Repeat([]float64{14.62}, 1000)
	s := FitScaler(v)
	for _, x := range v {
		if z := s.Apply(x); math.Abs(z) > 1e-12 {
			t.Fatalf("Apply(14.62) = %v, want about 0", z)
		}
	}
}

func TestScalerRoundTrip(t *testing.T) {
	v := []float64{-3, 0.5, 2, 10}
	s := FitScaler(v)
	var sum, sq float64
	for _, x := range v {
		z := s.Apply(x)
		sum += z
		sq += z * z
		if back := s.Invert(z); !near(back, x, 1e-14) {
			t.Errorf("Invert(Apply(%v)) = %v", x, back)
		}
	}
	if math.Abs(sum) > 1e-12 || !near(sq/4, 1, 1e-12) {
		t.Errorf("standardized mean %v, variance %v; want 0 and 1", sum/4, sq/4)
	}
}

func TestScalerZeroValue(t *testing.T) {
	var s Scaler
	if s.Apply(3.5) != 3.5 || s.Invert(-2) != -2 {
		t.Errorf("zero Scaler is not the identity: Apply(3.5) = %v, Invert(-2) = %v",
			s.Apply(3.5), s.Invert(-2))
	}
}

func TestIsConstant(t *testing.T) {
	tests := []struct {
		mean, std float64
		want      bool
	}{
		{3.7, 2.7e-15, true},
		{14.62, 3e-13, true},
		{0, 0, true},
		{0, 1e-10, false},        // values around 0 vary unless all equal
		{7.6e-12, 1.5e-9, false}, // 1e-10·x on [−15, 15]: SI units, not constant
		{2.5e-10, 1.1e-10, false},
		{1e-10, 1e-25, true}, // relative, with no floor of 1
		{0, 1e-8, false},
		{1e6, 1e-4, true}, // relative: 1e-4 ≤ 1e-9·1e6
		{1e6, 1e-2, false},
	}
	for _, tt := range tests {
		if got := IsConstant(tt.mean, tt.std); got != tt.want {
			t.Errorf("IsConstant(%v, %v) = %v, want %v", tt.mean, tt.std, got, tt.want)
		}
	}
}

// near reports whether a and b agree within rel relative to max(1, |b|).
func near(a, b, rel float64) bool {
	return math.Abs(a-b) <= rel*max(1, math.Abs(b))
}

// TestMeanStd checks the population mean and standard deviation against
// hand-computed values; non-finite entries are left out.
func TestMeanStd(t *testing.T) {
	cases := []struct {
		name      string
		v         []float64
		mean, std float64
	}{
		{"empty", nil, 0, 0},
		{"one", []float64{4}, 4, 0},
		// 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum 32, /8 = 4.
		{"textbook", []float64{2, 4, 4, 4, 5, 5, 7, 9}, 5, 2},
		{"non-finite left out", []float64{1, math.NaN(), 3, math.Inf(1)}, 2, 1},
		{"only non-finite", []float64{math.NaN()}, 0, 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mean, std := MeanStd(tc.v)
			if math.Abs(mean-tc.mean) > 1e-12 || math.Abs(std-tc.std) > 1e-12 {
				t.Errorf("MeanStd(%v) = %v, %v; want %v, %v", tc.v, mean, std, tc.mean, tc.std)
			}
		})
	}
}
