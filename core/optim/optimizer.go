package optim

import (
	"fmt"
	"math"
)

// BUG(optim): a zero Rho, Beta1 or Beta2 means the Keras default (0.9, 0.9,
// 0.999), so the value 0 itself cannot be chosen; pass a tiny value such as
// 1e-12 instead. Keras accepts ρ = 0.

// Optimizer updates parameters in place from their gradients. *SGD,
// *RMSprop and *Adam implement it.
type Optimizer interface {
	// Step applies one update to params using grads (the gradient of the
	// loss with respect to each parameter). The state is allocated on the
	// first call and reused afterwards. Step panics if the slices differ
	// in length.
	Step(params, grads []float32)

	// EffectiveLearningRate returns the learning rate the next Step uses:
	// the LearningRate field, or the optimizer's default when it is 0.
	EffectiveLearningRate() float64

	// SetLearningRate sets the learning rate of the following steps (for a
	// schedule); the moments are kept.
	SetLearningRate(lr float64)

	// Reset forgets the moments, velocities and step count, as if no step
	// had been taken. It keeps the buffers, so it does not allocate.
	Reset()
}

var (
	_ Optimizer = (*SGD)(nil)
	_ Optimizer = (*RMSprop)(nil)
	_ Optimizer = (*Adam)(nil)
)

// orDefault returns v, or def when v is 0.
func orDefault(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

// checkLengths panics when params and grads differ in length.
func checkLengths(params, grads []float32) {
	if len(params) != len(grads) {
		panic(fmt.Sprintf("optim: %d params but %d grads", len(params), len(grads)))
	}
}

// state returns buf if it already holds n values, else a new zeroed slice
// of n values (the first Step, or a model of a different size).
func state(buf []float32, n int) []float32 {
	if len(buf) == n && buf != nil {
		return buf
	}
	return make([]float32, n)
}

// sqrt32 returns the float32 square root of x, correctly rounded: the
// float64 root of a float32 rounds to the same value as an exact float32
// square root would, because float64 carries more than twice the bits.
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
