package optim

import (
	"math"

	"netfit/core/kernel"
)

// Adam keeps running means of the gradient and of its square (Kingma & Ba,
// 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1, in the
// more efficient form given at the end of section 2), as Keras 3 computes it
// (keras/src/optimizers/adam.py, amsgrad=False). At step t = 1, 2, ... with
// learning rate lr, gradient g, decays β1, β2 and ε:
//
//	m ← m + (1 − β1)·(g − m)
//	v ← v + (1 − β2)·(g² − v)
//	α ← lr·√(1 − β2^t) / (1 − β1^t)
//	p ← p − α·m / (√v + ε)
//
// The bias corrections are folded into the step size α and ε is added to √v
// after the root, so ε is the paper's "ε hat" (section 2), not the ε of
// Algorithm 1. The difference shows when gradients are tiny: with
// √v ≪ ε the step is about α·m/ε. m and v start at zero. The zero value uses
// the Keras defaults.
//
// In float32, the step is computed as m·(α/(√v + ε)) and m and v are
// flushed to zero when they become subnormal (kernel.Flush, kernel's Adam):
// results agree with Keras' within rounding, and the moments of dead
// units do not slow every later step down.
type Adam struct {
	LearningRate float64 // step size lr; 0 means 0.001, the Keras default
	// Beta1 is the decay β1 of the mean gradient; 0 means 0.9, the Keras
	// default (so β1 = 0 itself cannot be chosen; use 1e-12).
	Beta1   float64
	Beta2   float64 // decay β2 of the mean square; 0 means 0.999
	Epsilon float64 // ε added to √v; 0 means 1e-7, the Keras default

	m, v []float32 // first and second moments, one per parameter
	t    int       // steps taken since the start or the last Reset
}

// EffectiveLearningRate returns LearningRate, or 0.001 when it is 0.
func (o *Adam) EffectiveLearningRate() float64 { return orDefault(o.LearningRate, 0.001) }

// SetLearningRate sets LearningRate.
func (o *Adam) SetLearningRate(lr float64) { o.LearningRate = lr }

// Reset sets both moments and the step count back to zero.
func (o *Adam) Reset() {
	clear(o.m)
	clear(o.v)
	o.t = 0
}

// Steps returns the number of steps taken since the start or the last Reset.
func (o *Adam) Steps() int { return o.t }

// Step applies one Adam update to params. It panics if params and grads
// differ in length.
func (o *Adam) Step(params, grads []float32) {
	checkLengths(params, grads)
	n := len(params)
	o.m = state(o.m, n)
	o.v = state(o.v, n)
	o.t++

	alpha := o.stepSize()
	beta1, beta2 := orDefault(o.Beta1, 0.9), orDefault(o.Beta2, 0.999)
	decay1, decay2 := float32(1-beta1), float32(1-beta2)
	eps := float32(orDefault(o.Epsilon, 1e-7))

	kernel.ActiveElementwise().Adam(params, grads, o.m, o.v, alpha, decay1, decay2, eps)
}

// stepSize returns α = lr·√(1 − β2^t)/(1 − β1^t) in float32, as Keras
// computes it: β1 and β2 are rounded to float32 before the power.
func (o *Adam) stepSize() float32 {
	b1 := float32(orDefault(o.Beta1, 0.9))
	b2 := float32(orDefault(o.Beta2, 0.999))
	t := float64(o.t)
	p1 := float32(math.Pow(float64(b1), t))
	p2 := float32(math.Pow(float64(b2), t))
	lr := float32(o.EffectiveLearningRate())
	return float32(lr*sqrt32(1-p2)) / (1 - p1)
}
