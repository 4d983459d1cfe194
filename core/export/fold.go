package export

import (
	"fmt"

	"netfit/core/data"
	"netfit/core/nn"
)

// Layer is one dense layer of an exported network,
//
//	y = f(x·W + B)
//
// with W In×Out, row-major, one row per input (the Keras kernel layout),
// and B one bias per output unit.
type Layer struct {
	In, Out int
	// Activation is f by its Keras and TensorFlow.js name: "linear",
	// "relu", "tanh", …
	Activation string
	// LeakyAlpha > 0 means a LeakyReLU layer with this slope follows the
	// dense layer (whose Activation is then "linear"): TensorFlow.js has
	// leaky ReLU as a layer, not as an activation name. 0 by default.
	LeakyAlpha float64
	W, B       []float32
}

// leakySlope is nn.LeakyReLU's slope for z < 0 (Keras 3's default).
const leakySlope = 0.2

// layerActivation maps a netfit activation to its TensorFlow.js Layers
// name, or returns ErrActivation. GELU is the exact (erf) form in both, and
// swish is z·σ(z) in both.
func layerActivation(a nn.Activation) (name string, leaky float64, err error) {
	switch a {
	case nn.Linear, nn.ReLU, nn.ELU, nn.SELU, nn.Tanh, nn.Sigmoid, nn.Softplus,
		nn.GELU, nn.Swish:
		return a.String(), 0, nil
	case nn.LeakyReLU:
		return "linear", leakySlope, nil
	}
	return "", 0, fmt.Errorf("export: %s has %w; choose another activation to export "+
		"this network, or reproduce it with the Keras script", a, ErrActivation)
}

// checkFeatures refuses extra input features, naming the first one.
func checkFeatures(f data.Features) error {
	var name string
	switch {
	case f.Square:
		name = "x²"
	case f.Cube:
		name = "x³"
	case f.Count() > 1:
		name = fmt.Sprintf("sin(2πx/%g) and cos(2πx/%g)", f.Period, f.Period)
	default:
		return nil
	}
	return fmt.Errorf("export: the input feature %s %w (it is computed from x before "+
		"the first layer); turn the extra features off to export", name, ErrFeatures)
}

// BUG(export): The TensorFlow.js export refuses networks with a sin
// activation (TensorFlow.js Layers has none) and networks with extra input
// features (x², x³, sin and cos of x), which are computed before the first
// layer; the Keras script reproduces both.

// Fold returns the dense layers of m with the scalers folded in, so that
// the layers map an x in original units straight to a prediction in
// original units. With x scaled as s = (x − μx)/σx, the first layer
//
//	z = s·W + b = x·(W/σx) + (b − (μx/σx)·W)
//
// so W' = W/σx and b' = b − (μx/σx)·W (W has one row, as there is one
// input). With the target scaled, the prediction is ŷ = σy·out + μy; when
// the output activation is linear that folds into the last layer,
//
//	W' = σy·W,  b' = σy·b + μy,
//
// and otherwise a dense layer of one unit with W = [σy] and b = [μy] is
// appended, which is just as exact. Both changes are computed in float64
// and rounded once to float32. Identity scalers change nothing.
//
// Fold returns an error wrapping [ErrFeatures] when f adds features and
// [ErrActivation] for an activation TensorFlow.js lacks (sin).
func Fold(m *nn.MLP, f data.Features, x, y data.Scaler) ([]Layer, error) {
	if err := checkFeatures(f); err != nil {
		return nil, err
	}
	dense := m.Dense()
	layers := make([]Layer, len(dense))
	for i, d := range dense {
		act := m.Spec.Output
		if i < len(m.Spec.Hidden) {
			act = m.Spec.Hidden[i].Activation
		}
		name, leaky, err := layerActivation(act)
		if err != nil {
			return nil, err
		}
		layers[i] = Layer{In: d.In, Out: d.Out, Activation: name, LeakyAlpha: leaky,
			W: append([]float32(nil), d.W...), B: append([]float32(nil), d.B...)}
	}

	foldInput(&layers[0], dense[0], x)
	last := len(layers) - 1
	my, sy := y.Mean, stdOf(y)
	switch {
	case my == 0 && sy == 1:
	case layers[last].Activation == "linear" && layers[last].LeakyAlpha == 0:
		foldOutput(&layers[last], layers[last], my, sy)
	default:
		layers = append(layers, Layer{In: 1, Out: 1, Activation: "linear",
			W: []float32{float32(sy)}, B: []float32{float32(my)}})
	}
	return layers, nil
}

// foldInput rewrites the first layer for unscaled x: W' = W/σ and
// b' = b − (μ/σ)·W, from the original weights d.
func foldInput(l *Layer, d nn.Dense, x data.Scaler) {
	mx, sx := x.Mean, stdOf(x)
	for j := range d.Out {
		w := float64(d.W[j]) // one input: row 0 of W
		l.W[j] = float32(w / sx)
		l.B[j] = float32(float64(d.B[j]) - mx/sx*w)
	}
}

// foldOutput rewrites the output layer for unscaled y: W' = σW and
// b' = σb + μ, from the weights of src.
func foldOutput(l *Layer, src Layer, mean, std float64) {
	w := append([]float32(nil), src.W...)
	b := append([]float32(nil), src.B...)
	for i := range w {
		l.W[i] = float32(std * float64(w[i]))
	}
	for i := range b {
		l.B[i] = float32(std*float64(b[i]) + mean)
	}
}

// stdOf returns the scaler's σ, 1 for the zero value as [data.Scaler] does.
func stdOf(s data.Scaler) float64 {
	if s.Std == 0 {
		return 1
	}
	return s.Std
}
