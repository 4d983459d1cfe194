package export

import "errors"

// Errors returned by the package; the messages that wrap them name the
// value at fault.
var (
	// ErrFeatures: a network with extra input features (x², sin…) cannot be
	// a plain stack of dense layers, because the features are computed
	// from x before the first layer.
	ErrFeatures = errors.New("cannot be computed by a plain stack of dense layers")
	// ErrActivation: an activation has no TensorFlow.js Layers equivalent.
	ErrActivation = errors.New("no TensorFlow.js Layers equivalent")
	// ErrFormat: a model file is not netfit's, or is damaged.
	ErrFormat = errors.New("export: not a netfit model file")
	// ErrVersion: a model file was written by a newer netfit.
	ErrVersion = errors.New("export: unsupported model file version")
	// ErrDataChanged: the data given to restore a model file are not the
	// data it was trained on (their scalers differ).
	ErrDataChanged = errors.New("export: data differ from the model file's")
)
