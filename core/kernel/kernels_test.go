package kernel

import (
	"math/rand/v2"
	"testing"
)

// newRand builds the seeded source the way data.NewRand does; package data
// is not imported so that the kernels stay at the bottom of the import graph.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

func randSlice(rng *rand.Rand, n int) []float32 {
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(2*rng.Float64() - 1)
	}
	return s
}

// TestZeroK checks that an empty inner dimension gives C = 0, or leaves C
// alone with acc.
func TestZeroK(t *testing.T) {
	for _, acc := range []bool{false, true} {
		c := []float32{1, 2, 3, 4, 5, 6}
		Go.MatMul(c, nil, nil, 2, 0, 3, acc)
		for i, v := range c {
			want := float32(0)
			if acc {
				want = float32(i + 1)
			}
			if v != want {
				t.Errorf("acc=%v: c[%d] = %v, want %v", acc, i, v, want)
			}
		}
	}
}

// TestPanics checks the panics promised by [Kernels].
func TestPanics(t *testing.T) {
	s := make([]float32, 12)
	cases := []struct {
		name    string
		c, a, b []float32
		m, k, n int
	}{
		{"negative m", s, s, s, -1, 2, 2},
		{"short a", s, s[:5], s, 2, 3, 2},
		{"short b", s, s, s[:5], 2, 3, 2},
		{"short c", s[:3], s, s, 2, 3, 2},
	}
	for _, tc := range cases {
		for _, op := range []string{"MatMul", "MatMulBT", "MatMulAT"} {
			t.Run(tc.name+"/"+op, func(t *testing.T) {
				defer func() {
					if recover() == nil {
						t.Errorf("no panic for m×k×n=%d×%d×%d", tc.m, tc.k, tc.n)
					}
				}()
				switch op {
				case "MatMul":
					Go.MatMul(tc.c, tc.a, tc.b, tc.m, tc.k, tc.n, false)
				case "MatMulBT":
					Go.MatMulBT(tc.c, tc.a, tc.b, tc.m, tc.k, tc.n, false)
				default:
					Go.MatMulAT(tc.c, tc.a, tc.b, tc.m, tc.k, tc.n, false)
				}
			})
		}
	}
}

// TestNoAllocs checks that a product allocates nothing after warm-up.
func TestNoAllocs(t *testing.T) {
	const m, k, n = 10, 300, 40
	rng := newRand(3)
	a, b, c := randSlice(rng, m*k), randSlice(rng, k*n), make([]float32, m*n)
	for name, f := range map[string]func(){
		"MatMul":   func() { Go.MatMul(c, a, b, m, k, n, false) },
		"MatMulBT": func() { Go.MatMulBT(c, a, b, m, k, n/4, true) },
		"MatMulAT": func() { Go.MatMulAT(c, a, b, m/2, k/10, n, false) },
	} {
		if got := testing.AllocsPerRun(20, f); got != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, got)
		}
	}
}

// TestUse checks that Use installs an implementation and nil restores Go.
func TestUse(t *testing.T) {
	defer Use(nil)
	Use(fakeKernels{Kernels: Go})
	if got := Active().Name(); got != "fake" {
		t.Errorf("after Use(fake): Active().Name() = %q, want %q", got, "fake")
	}
	Use(nil)
	if got := Active().Name(); got != "go" {
		t.Errorf("after Use(nil): Active().Name() = %q, want %q", got, "go")
	}
}

type fakeKernels struct{ Kernels }

func (fakeKernels) Name() string { return "fake" }
