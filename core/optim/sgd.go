package optim

import "netfit/core/kernel"

// SGD is stochastic gradient descent with optional momentum, as Keras 3
// computes it (keras/src/optimizers/sgd.py). With learning rate lr, gradient
// g and momentum μ, one step is
//
//	μ = 0:     p ← p − lr·g
//	μ > 0:     v ← μ·v − lr·g
//	           p ← p + v
//	Nesterov:  v ← μ·v − lr·g
//	           p ← p + μ·v − lr·g
//
// where v (the velocity) starts at zero. The Nesterov form is the
// simplified Nesterov momentum of Bengio, Boulanger-Lewandowski & Pascanu
// (2012), "Advances in optimizing recurrent networks", section 3.5: the
// look-ahead of Nesterov's accelerated gradient (Sutskever et al., 2013)
// rewritten so the gradient is taken at the current parameters.
// The zero value is plain SGD with learning rate 0.01.
type SGD struct {
	LearningRate float64 // step size lr; 0 means 0.01, the Keras default
	Momentum     float64 // μ in [0, 1]; 0 (the default) means no velocity
	Nesterov     bool    // use Nesterov momentum; ignored when Momentum is 0, like Keras

	velocity []float32 // v, one per parameter; nil until a step with momentum
}

// EffectiveLearningRate returns LearningRate, or 0.01 when it is 0.
func (o *SGD) EffectiveLearningRate() float64 { return orDefault(o.LearningRate, 0.01) }

// SetLearningRate sets LearningRate.
func (o *SGD) SetLearningRate(lr float64) { o.LearningRate = lr }

// Reset sets the velocity back to zero.
func (o *SGD) Reset() { clear(o.velocity) }

// Step applies one SGD update to params. It panics if params and grads
// differ in length.
func (o *SGD) Step(params, grads []float32) {
	checkLengths(params, grads)
	lr := float32(o.EffectiveLearningRate())
	if o.Momentum == 0 {
		kernel.ActiveElementwise().SGD(params, grads, lr)
		return
	}

	// The loop lives in package kernel (Elementwise.Momentum), so that the
	// browser can run it with SIMD instructions.
	o.velocity = state(o.velocity, len(params))
	mu := float32(o.Momentum)
	kernel.ActiveElementwise().Momentum(params, grads, o.velocity, lr, mu, o.Nesterov)
}
