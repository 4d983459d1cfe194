package kerneltest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"netfit/core/kernel"
)

// OddSizes are the sizes whose combinations [Products] tries for m, k and
// n: 1 and 3 fall inside one tile, 17 leaves an edge, 513 crosses the
// 256-wide blocks of both the Go and the SIMD kernels.
var OddSizes = []int{1, 3, 17, 513}

// TutorialShapes are the (m, k, n) of the tutorial networks' products: the
// polynomial model's 512-wide layers at batch 10 and its 32→256 layer, the
// sine model's 512-wide layers at batch 200 and its 1024→512 layer, and the
// weight-gradient shapes (m = inputs, k = batch).
var TutorialShapes = [][3]int{
	{10, 512, 512}, {10, 32, 256}, {200, 512, 512}, {200, 1024, 512},
	{512, 10, 512}, {512, 200, 512}, {1024, 200, 512},
}

// newRand builds a seeded source the way data.NewRand does (package data is
// not imported, to keep the kernels at the bottom of the import graph).
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
}

// Floats returns n values drawn uniformly from [-1, 1) with the given seed.
func Floats(seed uint64, n int) []float32 {
	rng := newRand(seed)
	s := make([]float32, n)
	for i := range s {
		s[i] = float32(2*rng.Float64() - 1)
	}
	return s
}

// Products checks MatMul, MatMulBT and MatMulAT of k against a float64
// reference on every combination of the sizes for m, k and n, with acc
// false and true. Pass [OddSizes] for the usual set.
func Products(t *testing.T, k kernel.Kernels, sizes []int) {
	t.Helper()
	var shapes [][3]int
	for _, m := range sizes {
		for _, kk := range sizes {
			for _, n := range sizes {
				shapes = append(shapes, [3]int{m, kk, n})
			}
		}
	}
	Shapes(t, k, shapes)
}

// Shapes checks the three products of k on each (m, k, n) in shapes.
//
// Tolerance: a float32 dot product of length k is within γ_k·Σ|a_p||b_p|
// of the exact value, γ_k = k·u/(1−k·u), u = 2⁻²⁴, whatever the order of
// summation (Higham, "Accuracy and Stability of Numerical Algorithms", 2nd
// ed., 2002, eq. 3.5). With acc the sum has k+1 terms.
func Shapes(t *testing.T, k kernel.Kernels, shapes [][3]int) {
	t.Helper()
	for i, s := range shapes {
		m, kk, n := s[0], s[1], s[2]
		a, b, c0 := Floats(uint64(3*i+1), m*kk), Floats(uint64(3*i+2), kk*n), Floats(uint64(3*i+3), m*n)
		want, scale := reference(a, b, m, kk, n)
		at, bt := transpose(a, m, kk), transpose(b, kk, n)
		ops := []struct {
			name string
			f    func(c, a, b []float32, m, k, n int, acc bool)
			a, b []float32
		}{
			{"MatMul", k.MatMul, a, b},
			{"MatMulBT", k.MatMulBT, a, bt},
			{"MatMulAT", k.MatMulAT, at, b},
		}
		for _, op := range ops {
			for _, acc := range []bool{false, true} {
				name := fmt.Sprintf("%s/%s/m=%d,k=%d,n=%d,acc=%v", k.Name(), op.name, m, kk, n, acc)
				// One spare value past C checks that nothing writes there.
				c := append(append([]float32(nil), c0...), 42)
				op.f(c[:m*n], op.a, op.b, m, kk, n, acc)
				checkProduct(t, name, c[:m*n], c0, want, scale, kk, acc)
				if c[m*n] != 42 {
					t.Errorf("%s: value past C changed to %v", name, c[m*n])
				}
			}
		}
	}
}

// Check checks that got holds A·B (A m×k, B k×n, both row-major) within
// the rounding bound of [Shapes], reporting failures under name.
func Check(t *testing.T, name string, got, a, b []float32, m, k, n int) {
	t.Helper()
	want, scale := reference(a, b, m, k, n)
	checkProduct(t, name, got, nil, want, scale, k, false)
}

// reference returns A·B in float64 and, per element, Σ_p |A_ip|·|B_pj|.
func reference(a, b []float32, m, k, n int) (prod, scale []float64) {
	prod = make([]float64, m*n)
	scale = make([]float64, m*n)
	for i := range m {
		for p := range k {
			ai := float64(a[i*k+p])
			row, srow := prod[i*n:(i+1)*n], scale[i*n:(i+1)*n]
			for j, bj := range b[p*n : (p+1)*n] {
				row[j] += ai * float64(bj)
				srow[j] += math.Abs(ai * float64(bj))
			}
		}
	}
	return prod, scale
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
		if d := math.Abs(float64(got[i]) - w); !(d <= gamma*s+1e-30) {
			t.Errorf("%s: element %d = %v, want %v (|diff| %.3g > bound %.3g)",
				name, i, got[i], w, d, gamma*s)
			return
		}
	}
}
