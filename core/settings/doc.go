// Package settings holds the page's whole state, a [Settings]: the data to
// fit, the network and how to train it, and a few display flags. It writes
// that state as a readable URL fragment and reads it back, so that a link
// such as
//
//	#data=sine&n=1000&noise=3&layers=64,64&act=tanh&opt=adam&lr=0.01
//
// reproduces a run exactly, seed included. [ParseFragment] never fails: a
// key it does not know or a value out of range keeps the value it had and
// comes back as a [Problem], a sentence the page can show.
//
// The package also names the setups the page offers as one-click presets
// ([Presets]): the two setups of the Keras tutorial that netfit follows,
// exactly as published, and a recommended setup for each of its data sets.
//
// It sits between the page (wasm/) and the trainer (core/train): it imports
// core/data, core/nn, core/train and core/formula, and nothing imports it
// from the core.
package settings
