package kernel_test

import (
	"fmt"
	"math"
	"sync"
	"testing"

	"netfit/core/kernel"
	"netfit/core/kernel/kerneltest"
)

// TestProducts checks the three products of the Go kernels against a
// float64 triple loop on every combination of m, k, n ∈ {1, 3, 17, 513}
// (1 and 3 fall inside one 4×4 tile, 17 leaves an edge of 1, 513 crosses
// the 256-wide blocks), with acc false and true; kerneltest.Shapes states
// the tolerance.
func TestProducts(t *testing.T) {
	kerneltest.Products(t, kernel.Go, kerneltest.OddSizes)
}

// TestLongSlices checks that values past the end of each matrix are neither
// read nor written: NaNs past A and B would spoil C if read.
func TestLongSlices(t *testing.T) {
	const m, k, n = 5, 6, 7
	a, b := kerneltest.Floats(2, m*k), kerneltest.Floats(3, k*n)
	nan := float32(math.NaN())
	c := make([]float32, m*n+3)
	c[m*n], c[m*n+1], c[m*n+2] = 7, 8, 9
	kernel.Go.MatMul(c, append(a, nan, nan), append(b, nan, nan), m, k, n, false)
	kerneltest.Check(t, "MatMul", c[:m*n], a, b, m, k, n)
	if c[m*n] != 7 || c[m*n+1] != 8 || c[m*n+2] != 9 {
		t.Errorf("values past C changed: %v, want [7 8 9]", c[m*n:])
	}
}

// TestConcurrent runs products from several goroutines at once, so that
// some of them take a spare workspace; each result must still be right.
func TestConcurrent(t *testing.T) {
	const m, k, n = 9, 300, 270
	a, b := kerneltest.Floats(4, m*k), kerneltest.Floats(5, k*n)
	var wg sync.WaitGroup
	results := make([][]float32, 4)
	for g := range results {
		wg.Go(func() {
			c := make([]float32, m*n)
			for range 5 {
				kernel.Go.MatMul(c, a, b, m, k, n, false)
			}
			results[g] = c
		})
	}
	wg.Wait()
	for g, c := range results {
		kerneltest.Check(t, fmt.Sprintf("goroutine %d", g), c, a, b, m, k, n)
	}
}
