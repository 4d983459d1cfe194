package kernel

import (
	"fmt"
	"testing"
)

// benchShapes are the (m,k,n) of the tutorial networks: the poly model's
// 512-wide layers at batch 10, the sine model's at batch 200, its
// 1024→512 layer, and the poly model's 32→256 layer.
var benchShapes = [][3]int{{10, 512, 512}, {200, 512, 512}, {200, 1024, 512}, {10, 32, 256}}

// backpropShapes are the shapes MatMulAT meets as a weight gradient
// dW = Xᵀ·dZ (m = inputs, k = batch, n = outputs).
var backpropShapes = [][3]int{{512, 10, 512}, {512, 200, 512}, {1024, 200, 512}}

func BenchmarkMatMul(b *testing.B)   { benchOp(b, Go.MatMul, benchShapes) }
func BenchmarkMatMulBT(b *testing.B) { benchOp(b, Go.MatMulBT, benchShapes) }
func BenchmarkMatMulAT(b *testing.B) {
	shapes := append(append([][3]int(nil), benchShapes...), backpropShapes...)
	benchOp(b, Go.MatMulAT, shapes)
}

func benchOp(b *testing.B, f func(c, a, b []float32, m, k, n int, acc bool), shapes [][3]int) {
	for _, s := range shapes {
		m, k, n := s[0], s[1], s[2]
		b.Run(fmt.Sprintf("%dx%dx%d", m, k, n), func(b *testing.B) {
			rng := newRand(5)
			x, y, c := randSlice(rng, m*k), randSlice(rng, k*n), make([]float32, m*n)
			for range 3 { // warm-up, so WebAssembly engines compile the hot code
				f(c, x, y, m, k, n, false)
			}
			b.ReportAllocs()
			for b.Loop() {
				f(c, x, y, m, k, n, false)
			}
			flops := 2 * float64(m) * float64(k) * float64(n) * float64(b.N)
			b.ReportMetric(flops/b.Elapsed().Seconds()/1e9, "GFLOP/s")
		})
	}
}

// BenchmarkAdamDeadUnits times Adam steps over 100 000 weights whose
// gradient has become zero and whose moments start at the edge of the
// subnormal range. Flush zeroes them after a step, so a step costs as much
// as one on ordinary values (/live); without it the moments stay subnormal
// and each step is many times slower.
func BenchmarkAdamDeadUnits(b *testing.B) {
	const n = 100_000
	e := Go.(Elementwise)
	for _, dead := range []bool{false, true} {
		name := "live"
		if dead {
			name = "dead"
		}
		b.Run(name, func(b *testing.B) {
			rng := newRand(3)
			p, g := randSlice(rng, n), randSlice(rng, n)
			m, v := make([]float32, n), make([]float32, n)
			for i := range m {
				m[i], v[i] = 0x1p-130, 0x1p-100
			}
			if dead {
				clear(g)
			}
			for b.Loop() {
				e.Adam(p, g, m, v, 0.001, 0.1, 0.001, 1e-7)
			}
		})
	}
}
