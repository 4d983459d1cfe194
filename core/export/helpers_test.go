package export

import (
	"math"
	"testing"
	"time"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

// sineSet is the tutorial's sine data (10 sin x + x, σ 3, x in [-15, 15])
// with n samples.
func sineSet(n int, seed uint64) data.Set {
	p, _ := data.LookupPreset("sine")
	return data.Generate(p.F, n, p.Noise, p.XMin, p.XMax, data.NewRand(seed))
}

// trained returns a trainer with hidden layers of the given activation
// (two of 16 units) after steps optimizer steps on 200 sine samples.
func trained(t testing.TB, c train.Config, steps int) *train.Trainer {
	t.Helper()
	tr, err := train.New(c, sineSet(200, 7))
	if err != nil {
		t.Fatalf("train.New: %v", err)
	}
	if _, err := tr.Advance(steps, time.Time{}); err != nil {
		t.Fatalf("Advance: %v", err)
	}
	return tr
}

// config is a small run: two hidden layers of 16 units with activation a,
// output activation out, Adam at 0.01, both scalers on.
func config(a, out nn.Activation) train.Config {
	return train.Config{
		Model: nn.Spec{Hidden: []nn.Layer{{Units: 16, Activation: a}, {Units: 16, Activation: a}},
			Output: out},
		LearningRate: 0.01, BatchSize: 32, Epochs: 100, ValFraction: 0.2,
		ScaleX: true, ScaleY: true, Seed: 3,
	}
}

// evalLayers runs x through exported layers in float64, with the
// activations as Keras defines them.
func evalLayers(t testing.TB, layers []Layer, x float64) float64 {
	t.Helper()
	in := []float64{x}
	for _, l := range layers {
		out := make([]float64, l.Out)
		for j := range l.Out {
			z := float64(l.B[j])
			for i := range l.In {
				z += in[i] * float64(l.W[i*l.Out+j])
			}
			out[j] = activate(t, l, z)
		}
		in = out
	}
	return in[0]
}

// activate applies a layer's activation (by its Keras name) to z.
func activate(t testing.TB, l Layer, z float64) float64 {
	if l.LeakyAlpha > 0 && z < 0 {
		return l.LeakyAlpha * z
	}
	switch l.Activation {
	case "linear":
		return z
	case "relu":
		return max(z, 0)
	case "tanh":
		return math.Tanh(z)
	case "sigmoid":
		return 1 / (1 + math.Exp(-z))
	case "softplus":
		return math.Log1p(math.Exp(z))
	case "elu":
		if z > 0 {
			return z
		}
		return math.Expm1(z)
	case "selu":
		const alpha, lambda = 1.6732632423543772, 1.0507009873554805
		if z > 0 {
			return lambda * z
		}
		return lambda * alpha * math.Expm1(z)
	case "gelu":
		return z * 0.5 * (1 + math.Erf(z/math.Sqrt2))
	case "swish":
		return z / (1 + math.Exp(-z))
	}
	t.Fatalf("unknown activation %q", l.Activation)
	return 0
}

// relClose reports whether got is within tol of want, relative to
// max(|want|, floor).
func relClose(got, want, tol, floor float64) bool {
	return math.Abs(got-want) <= tol*math.Max(math.Abs(want), floor)
}
