package kernel

import "fmt"

// Kernels computes the three matrix products of a dense layer. All matrices
// are row-major float32 slices; a slice may be longer than its matrix, and
// the extra values are neither read nor written. With acc=false the product
// overwrites C; with acc=true it is added to C.
//
// Implementations panic when a size is negative or a slice is shorter than
// its matrix. C must not overlap A or B.
type Kernels interface {
	// Name identifies the implementation, for example "go".
	Name() string

	// MatMul computes C = A·B (acc=false) or C += A·B (acc=true).
	// A is m×k, B is k×n, C is m×n.
	MatMul(c, a, b []float32, m, k, n int, acc bool)

	// MatMulBT computes C (+)= A·Bᵀ. A is m×k, B is n×k, C is m×n.
	MatMulBT(c, a, b []float32, m, k, n int, acc bool)

	// MatMulAT computes C (+)= Aᵀ·B. A is k×m, B is k×n, C is m×n.
	MatMulAT(c, a, b []float32, m, k, n int, acc bool)
}

// Go is the pure-Go implementation: the reference and the fallback. It is
// safe for concurrent use. Each call packs its operands into a package-level
// workspace (about 260 KB) when that is free, or into one from a pool when
// another goroutine holds it, so it allocates nothing once warm when called
// from one goroutine at a time.
var Go Kernels = goKernels{}

// active is what [Active] returns; [Use] changes it.
var active = Go

// Active returns the implementation that package nn uses. It is [Go] unless
// [Use] installed another one.
func Active() Kernels { return active }

// Use installs k as the implementation that [Active] returns, and its
// elementwise steps as [ActiveElementwise] when k implements [Elementwise];
// nil restores [Go]. Call it before training starts: it is not synchronised with callers
// of [Active].
func Use(k Kernels) {
	if k == nil {
		k = Go
	}
	active = k
	activeElementwise = Go.(Elementwise)
	if e, ok := k.(Elementwise); ok {
		activeElementwise = e
	}
}

// checkShape panics unless the sizes are non-negative and each slice holds
// its matrix.
func checkShape(op string, c, a, b []float32, m, k, n int) {
	if m < 0 || k < 0 || n < 0 {
		panic(fmt.Sprintf("kernel: %s: negative size m×k×n=%d×%d×%d", op, m, k, n))
	}
	if len(a) < m*k || len(b) < k*n || len(c) < m*n {
		panic(fmt.Sprintf("kernel: %s: slices of length a=%d b=%d c=%d, want at least %d, %d, %d for m×k×n=%d×%d×%d",
			op, len(a), len(b), len(c), m*k, k*n, m*n, m, k, n))
	}
}
