package kerneltest

import (
	"testing"

	"netfit/core/kernel"
)

// TestGo runs the checks on the pure-Go kernels, the reference: the
// products against float64 (small sizes; package kernel's own tests cover
// 513), the elementwise steps against themselves.
func TestGo(t *testing.T) {
	Products(t, kernel.Go, []int{1, 3, 17})
	Elementwise(t, kernel.Go.(kernel.Elementwise), OddLengths)
}
