package data

import (
	"math"
	"testing"
)

func TestFeatures(t *testing.T) {
	x := 1.5
	tests := []struct {
		name string
		f    Features
		want []float64
	}{
		{"zero value", Features{}, []float64{1.5}},
		{"square", Features{Square: true}, []float64{1.5, 2.25}},
		{"cube", Features{Cube: true}, []float64{1.5, 3.375}},
		// Period 6: angle 2π·1.5/6 = π/2, so sin 1 and cos 0.
		{"all", Features{Square: true, Cube: true, Period: 6}, []float64{1.5, 2.25, 3.375, 1, 0}},
		{"negative period", Features{Period: -2}, []float64{1.5}},
		{"NaN period", Features{Period: math.NaN()}, []float64{1.5}},
		{"infinite period", Features{Period: math.Inf(1)}, []float64{1.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.f.Count(); got != len(tt.want) {
				t.Fatalf("Count() = %d, want %d", got, len(tt.want))
			}
			dst := make([]float64, len(tt.want))
			tt.f.Expand(dst, x)
			for i := range dst {
				if math.Abs(dst[i]-tt.want[i]) > 1e-15 {
					t.Errorf("Expand(%v) = %v, want %v", x, dst, tt.want)
					break
				}
			}
		})
	}
}

func TestFeaturesShortBufferPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Errorf("Expand into a 1-value buffer with Square did not panic")
		}
	}()
	Features{Square: true}.Expand(make([]float64, 1), 2)
}
