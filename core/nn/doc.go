// Package nn is the multilayer perceptron that netfit trains: a stack of
// dense layers mapping a few features per sample to one predicted target.
//
// Each dense layer computes
//
//	z = x·W + b,   y = f(z)
//
// with inputs x (batch×in), weights W (in×out, the Keras kernel layout),
// biases b (out) and an [Activation] f applied element by element. The last
// layer has one unit. [MLP.Forward] keeps every z and y so that
// [MLP.Backward] can apply the chain rule from the output back to the first
// layer, filling the weight and bias gradients. Matrix products go through
// package kernel, so a faster implementation can be swapped in.
//
// The package also holds the kernel [Initializer]s, inverted dropout, the
// Keras-style L2 penalty and the [Loss] functions with their gradients. It
// does not update weights (package optim does) or loop over epochs (package
// train does).
package nn
