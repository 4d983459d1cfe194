package optim

import "netfit/core/kernel"

// RMSprop divides each gradient by a running root mean square of its recent
// values (Hinton, 2012, Coursera "Neural Networks for Machine Learning",
// lecture 6e), as Keras 3 computes it (keras/src/optimizers/rmsprop.py,
// centered=False). With learning rate lr, gradient g, decay ρ, momentum μ
// and ε:
//
//	v ← ρ·v + (1 − ρ)·g²
//	Δ ← lr·g / √(v + ε)
//	μ = 0:  p ← p − Δ
//	μ > 0:  m ← μ·m + Δ
//	        p ← p − m
//
// Note that ε sits inside the square root, unlike Adam's. v and m start at
// zero. The zero value uses the Keras defaults.
type RMSprop struct {
	LearningRate float64 // step size lr; 0 means 0.001, the Keras default
	// Rho is the decay ρ of the mean square; 0 means 0.9, the Keras default
	// (so ρ = 0 itself cannot be chosen; use 1e-12).
	Rho      float64
	Momentum float64 // μ; 0 (the default) means no momentum
	Epsilon  float64 // ε added to v under the root; 0 means 1e-7, the Keras default

	velocity []float32 // v, the running mean of g²
	momentum []float32 // m, only used when Momentum > 0
}

// EffectiveLearningRate returns LearningRate, or 0.001 when it is 0.
func (o *RMSprop) EffectiveLearningRate() float64 { return orDefault(o.LearningRate, 0.001) }

// SetLearningRate sets LearningRate.
func (o *RMSprop) SetLearningRate(lr float64) { o.LearningRate = lr }

// Reset sets the mean square and momentum back to zero.
func (o *RMSprop) Reset() {
	clear(o.velocity)
	clear(o.momentum)
}

// Step applies one RMSprop update to params. It panics if params and grads
// differ in length.
func (o *RMSprop) Step(params, grads []float32) {
	checkLengths(params, grads)
	n := len(params)
	o.velocity = state(o.velocity, n)
	if o.Momentum != 0 {
		o.momentum = state(o.momentum, n)
	}

	// Keras computes 1 − ρ in float64 (Python) and rounds it to float32
	// when it multiplies the float32 tensor; ρ, lr and ε are rounded too.
	rho64 := orDefault(o.Rho, 0.9)
	rho, decay := float32(rho64), float32(1-rho64)
	lr := float32(o.EffectiveLearningRate())
	eps := float32(orDefault(o.Epsilon, 1e-7))
	mu := float32(o.Momentum)

	kernel.ActiveElementwise().RMSprop(params, grads, o.velocity, o.momentum,
		lr, rho, decay, eps, mu)
}
