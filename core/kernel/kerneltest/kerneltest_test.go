package kerneltest

import (
	"testing"

	"netfit/core/kernel"
)

// TestGo runs the elementwise checks on the pure-Go kernels, the reference
// (package kernel's own tests run the product checks on them).
func TestGo(t *testing.T) {
	Elementwise(t, kernel.Go.(kernel.Elementwise), OddLengths)
}
