package data

import (
	"hash/fnv"
	"math"
	"testing"
)

// The numbers in this file were printed by Generate itself (natively, then
// confirmed unchanged under GOOS=js GOARCH=wasm). They pin the draw order:
// if any change moves a value, the data behind every shared URL change too.

func TestNewRandGolden(t *testing.T) {
	r := NewRand(42)
	if got, want := r.Uint64(), uint64(8375123303004223536); got != want {
		t.Errorf("NewRand(42).Uint64() = %d, want %d", got, want)
	}
	if got, want := r.Float64(), 0.04281995136143024; got != want {
		t.Errorf("second draw Float64() = %v, want %v", got, want)
	}
	if got, want := r.NormFloat64(), 0.28153849970802924; got != want {
		t.Errorf("third draw NormFloat64() = %v, want %v", got, want)
	}
}

func TestGenerateGolden(t *testing.T) {
	want := []struct{ x, y float64 }{
		{-7.851142110564314, -21.75757472729675},
		{8.42403417003143, 13.182788664338126},
		{0.3074787348247554, 8.59389457148697},
		{8.570072892445367, 19.946002243981493},
	}
	set := Generate(sinePlusLine, len(want), 3, -15, 15, NewRand(1))
	for i, w := range want {
		// Exact comparison on purpose: the data must be bit-for-bit
		// reproducible from the seed, natively and in wasm.
		if set.X[i] != w.x || set.Y[i] != w.y {
			t.Errorf("sample %d = (%v, %v), want (%v, %v)", i, set.X[i], set.Y[i], w.x, w.y)
		}
	}
}

func TestGenerateDrawOrder(t *testing.T) {
	// x first, then the noise, per sample: replay the draws by hand.
	rng := NewRand(3)
	set := Generate(func(x float64) float64 { return 0 }, 5, 2, -1, 1, NewRand(3))
	for i := range 5 {
		x := -1 + 2*rng.Float64()
		e := 2 * rng.NormFloat64()
		if set.X[i] != x || set.Y[i] != e {
			t.Errorf("sample %d = (%v, %v), want (%v, %v)", i, set.X[i], set.Y[i], x, e)
		}
	}
}

func TestGenerateNoiseKeepsX(t *testing.T) {
	a := Generate(math.Sin, 50, 0, -3, 3, NewRand(9))
	b := Generate(math.Sin, 50, 5, -3, 3, NewRand(9))
	for i := range a.X {
		if a.X[i] != b.X[i] {
			t.Fatalf("x[%d] = %v with σ 0 but %v with σ 5; x must not depend on σ",
				i, a.X[i], b.X[i])
		}
		if a.Y[i] != math.Sin(a.X[i]) {
			t.Fatalf("σ 0: y[%d] = %v, want sin(x) = %v", i, a.Y[i], math.Sin(a.X[i]))
		}
	}
}

func TestGenerateRange(t *testing.T) {
	tests := []struct {
		name       string
		xmin, xmax float64
	}{
		{"usual", -15, 15},
		{"reversed", 4, -2},
		{"constant x", 2.5, 2.5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lo, hi := min(tt.xmin, tt.xmax), max(tt.xmin, tt.xmax)
			set := Generate(math.Abs, 200, 1, tt.xmin, tt.xmax, NewRand(5))
			if set.Len() != 200 || len(set.Y) != 200 {
				t.Fatalf("got %d x and %d y, want 200 each", set.Len(), len(set.Y))
			}
			for i, x := range set.X {
				if x < lo || x > hi {
					t.Fatalf("x[%d] = %v outside [%v, %v]", i, x, lo, hi)
				}
			}
		})
	}
}

func TestGenerateNoiseStd(t *testing.T) {
	// With f = 0 the targets are pure noise; their sample std should be σ
	// within a few standard errors (σ/√(2n) ≈ 0.02 for n 10000, σ 3).
	set := Generate(func(float64) float64 { return 0 }, 10000, 3, 0, 1, NewRand(11))
	s := FitScaler(set.Y)
	if math.Abs(s.Mean) > 0.15 || math.Abs(s.Std-3) > 0.1 {
		t.Errorf("noise mean %v std %v, want about 0 and 3", s.Mean, s.Std)
	}
}

func TestGeneratePanics(t *testing.T) {
	tests := []struct {
		name              string
		n                 int
		noise, xmin, xmax float64
	}{
		{"negative n", -1, 1, 0, 1},
		{"negative noise", 10, -1, 0, 1},
		{"NaN noise", 10, math.NaN(), 0, 1},
		{"infinite x", 10, 1, math.Inf(-1), 1},
		{"NaN x", 10, 1, 0, math.NaN()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Generate(n %d, noise %v, [%v, %v]) did not panic",
						tt.n, tt.noise, tt.xmin, tt.xmax)
				}
			}()
			Generate(math.Sin, tt.n, tt.noise, tt.xmin, tt.xmax, NewRand(1))
		})
	}
}

// hashSet returns an FNV-1a hash of the bits of every x and y.
func hashSet(s Set) uint64 {
	h := fnv.New64a()
	var b [16]byte
	for i := range s.X {
		u, v := math.Float64bits(s.X[i]), math.Float64bits(s.Y[i])
		for k := range 8 {
			b[k] = byte(u >> (8 * k))
			b[8+k] = byte(v >> (8 * k))
		}
		h.Write(b[:])
	}
	return h.Sum64()
}
