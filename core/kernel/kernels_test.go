package kernel

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
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

// transpose returns the r×c row-major matrix x as c×r.
func transpose(x []float32, r, c int) []float32 {
	t := make([]float32, r*c)
	for i := range r {
		for j := range c {
			t[j*r+i] = x[i*c+j]
		}
	}
	return t
}

// reference returns A·B in float64 and, per element, Σ_p |A_ip|·|B_pj|, the
// scale of the rounding error bound.
func reference(a, b []float32, m, k, n int) (prod, scale []float64) {
	prod = make([]float64, m*n)
	scale = make([]float64, m*n)
	for i := range m {
		for p := range k {
			ai := float64(a[i*k+p])
			for j := range n {
				bj := float64(b[p*n+j])
				prod[i*n+j] += ai * bj
				scale[i*n+j] += math.Abs(ai * bj)
			}
		}
	}
	return prod, scale
}

// TestKernels checks all three products against a float64 triple loop on
// every combination of m, k, n ∈ {1, 3, 17, 513} (1 and 3 fall inside one
// 4×4 tile, 17 leaves an edge of 1, 513 crosses the 256-wide blocks), with
// acc false and true.
//
// Tolerance: a float32 dot product of length k is within γ_k·Σ|a_p||b_p| of
// the exact value, γ_k = k·u/(1−k·u), u = 2⁻²⁴ (Higham, "Accuracy and
// Stability of Numerical Algorithms", 2nd ed., 2002, eq. 3.5). With acc the
// sum has k+1 terms, so we allow γ_{k+1}·(Σ|a_p||b_p| + |c₀|) + 1e-30.
func TestKernels(t *testing.T) {
	sizes := []int{1, 3, 17, 513}
	rng := newRand(1)
	for _, m := range sizes {
		for _, k := range sizes {
			for _, n := range sizes {
				a := randSlice(rng, m*k)
				b := randSlice(rng, k*n)
				c0 := randSlice(rng, m*n)
				want, scale := reference(a, b, m, k, n)
				at := transpose(a, m, k) // k×m, for MatMulAT
				bt := transpose(b, k, n) // n×k, for MatMulBT
				ops := []struct {
					name string
					f    func(c, a, b []float32, m, k, n int, acc bool)
					a, b []float32
				}{
					{"MatMul", Go.MatMul, a, b},
					{"MatMulBT", Go.MatMulBT, a, bt},
					{"MatMulAT", Go.MatMulAT, at, b},
				}
				for _, op := range ops {
					for _, acc := range []bool{false, true} {
						name := fmt.Sprintf("%s/m=%d,k=%d,n=%d,acc=%v", op.name, m, k, n, acc)
						c := append([]float32(nil), c0...)
						op.f(c, op.a, op.b, m, k, n, acc)
						checkProduct(t, name, c, c0, want, scale, k, acc)
					}
				}
			}
		}
	}
}

func checkProduct(t *testing.T, name string, got, c0 []float32, want, scale []float64,
	k int, acc bool) {
	t.Helper()
	u := math.Ldexp(1, -24)
	terms := float64(k)
	if acc {
		terms++
	}
	gamma := terms * u / (1 - terms*u)
	for i := range got {
		w, s := want[i], scale[i]
		if acc {
			w += float64(c0[i])
			s += math.Abs(float64(c0[i]))
		}
		if d := math.Abs(float64(got[i]) - w); d > gamma*s+1e-30 {
			t.Fatalf("%s: element %d = %v, want %v (|diff| %.3g > bound %.3g)",
				name, i, got[i], w, d, gamma*s)
		}
	}
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

// TestLongSlices checks that values past the end of each matrix are neither
// read nor written.
func TestLongSlices(t *testing.T) {
	const m, k, n = 5, 6, 7
	rng := newRand(2)
	a, b := randSlice(rng, m*k), randSlice(rng, k*n)
	want, scale := reference(a, b, m, k, n)
	nan := float32(math.NaN())
	a = append(a, nan, nan)
	b = append(b, nan, nan)
	c := make([]float32, m*n+3)
	c[m*n], c[m*n+1], c[m*n+2] = 7, 8, 9
	Go.MatMul(c, a, b, m, k, n, false)
	checkProduct(t, "MatMul", c[:m*n], nil, want, scale, k, false)
	if c[m*n] != 7 || c[m*n+1] != 8 || c[m*n+2] != 9 {
		t.Errorf("values past C changed: %v, want [7 8 9]", c[m*n:])
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

// TestConcurrent runs products from several goroutines at once, so that
// some of them take a spare workspace; each result must still be right.
func TestConcurrent(t *testing.T) {
	const m, k, n = 9, 300, 270
	rng := newRand(4)
	a, b := randSlice(rng, m*k), randSlice(rng, k*n)
	want, scale := reference(a, b, m, k, n)
	var wg sync.WaitGroup
	results := make([][]float32, 4)
	for g := range results {
		wg.Go(func() {
			c := make([]float32, m*n)
			for range 5 {
				Go.MatMul(c, a, b, m, k, n, false)
			}
			results[g] = c
		})
	}
	wg.Wait()
	for g, c := range results {
		checkProduct(t, fmt.Sprintf("goroutine %d", g), c, nil, want, scale, k, false)
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
