// Package optim holds the first-order optimizers that update a network's
// weights and biases from their gradients: [SGD] (with optional momentum and
// Nesterov momentum), [RMSprop] and [Adam].
//
// Each follows the update rule of Keras 3 (keras/src/optimizers/sgd.py,
// rmsprop.py and adam.py) including where Keras rounds to float32: the
// parameters, gradients and optimizer state are float32, scalar
// hyperparameters are rounded to float32 where Keras casts them, and every
// product is rounded before it is added (no fused multiply-add). A zero field
// means the Keras default, which is documented on the field.
//
// Usage: build the optimizer once, then call Step after each backward pass:
//
//	opt := &optim.Adam{LearningRate: 0.01}
//	for each batch {
//		model.Backward(dy)
//		opt.Step(model.Params, model.Grads)
//	}
//
// Step allocates its state on the first call and never again, so training
// does not make garbage.
//
// Deviation from the agreed contract: the getter of the [Optimizer]
// interface is EffectiveLearningRate, not LearningRate, because Go does not
// allow a field and a method with the same name and the structs keep the
// field LearningRate (the zero-value configuration the style guide asks
// for). The name matches train.Config.EffectiveLearningRate.
package optim
