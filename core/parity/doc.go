// Package parity checks netfit's training arithmetic against an independent
// implementation, TensorFlow.js Layers 4.22 (cpu backend, run by node).
//
// It holds tests only. Each case builds a small network with core/nn, sets
// its initial weights and biases explicitly, and trains it for 20 steps with
// a core/optim optimizer on given rows in a given batch order. The same
// network, weights, rows and order go to testdata/tfjs/parity.mjs as JSON,
// which trains a tf.sequential of dense layers with model.trainOnBatch. The
// tests then compare the loss of every step and the final weights and
// biases, element by element, with
//
//	|go − tfjs| ≤ 1e-4 · max(|tfjs|, scale)
//
// where scale is 1e-3 for losses and 0.1 for weights and biases. Both sides
// compute in float32 with different summation orders, so they drift apart
// by rounding, and Adam and RMSprop amplify that drift for weights whose
// gradient is tiny: they divide each gradient by its own running RMS, so such
// a weight still moves by about the learning rate per step, and the
// absolute rounding error of its gradient becomes an absolute error of its
// step. After 20 steps this leaves differences near 1e-6 in absolute terms
// on weights of any size, which a purely relative bound would reject for
// weights near zero; the scale judges those by an absolute 1e-5 instead.
// Measured differences stay 10 to 100 times inside the bound, while
// nudging one hyperparameter (β1, ρ or the momentum by 0.01, β2 by 0.001,
// the learning rate by 1%) breaks it; TestParityToleranceBites checks that.
//
// TF.js and Keras 3 write some optimizer updates differently (momentum
// SGD, and Adam's ε, which Keras applies to √v rather than √v̂); the
// header of parity.mjs shows why the runs still agree.
//
// The tests need node. They run `npm ci` in testdata/tfjs when its
// node_modules folder is missing, and skip, saying why, when node or npm
// is absent or the install fails. All cases run in one node process, so
// the package takes about a second once the packages are installed. The
// tests are excluded from js/wasm builds, which cannot start processes.
package parity
