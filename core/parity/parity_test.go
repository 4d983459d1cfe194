//go:build !js

package parity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/optim"
)

// Tolerance rule (see doc.go): |go − tfjs| ≤ relTol·max(|tfjs|, scale).
const (
	relTol      = 1e-4
	lossScale   = 1e-3 // losses here are ≥ 0.01, so this floor rarely matters
	weightScale = 0.1  // weights near zero: absolute bound 1e-5 (see doc.go)
)

const (
	steps     = 20 // optimizer steps per case
	rows      = 32 // training samples
	batchSize = 8  // so 4 steps per epoch, 5 epochs
)

// parityCase is one network, loss and optimizer trained on both sides.
type parityCase struct {
	name   string
	net    nn.Spec // Init is ignored: weights are drawn here and set on both sides
	loss   nn.Loss
	opt    optSpec
	target func(x []float64) float64 // noiseless target of one sample
	seed   uint64
}

// netA is the main network: 1 → 8 tanh → 8 relu → 1 linear.
var netA = nn.Spec{
	Inputs: 1,
	Hidden: []nn.Layer{{Units: 8, Activation: nn.Tanh}, {Units: 8, Activation: nn.ReLU}},
	Output: nn.Linear,
}

// netB exercises the other activations TF.js Layers shares with netfit, two
// inputs, and a bounded output: 2 → 6 sigmoid → 6 elu → 5 softplus →
// 5 selu → 4 gelu → 4 swish → 1 tanh.
var netB = nn.Spec{
	Inputs: 2,
	Hidden: []nn.Layer{
		{Units: 6, Activation: nn.Sigmoid},
		{Units: 6, Activation: nn.ELU},
		{Units: 5, Activation: nn.Softplus},
		{Units: 5, Activation: nn.SELU},
		{Units: 4, Activation: nn.GELU},
		{Units: 4, Activation: nn.Swish},
	},
	Output: nn.Tanh,
}

// wave is netA's target: y = 2 sin 2x + x on x ∈ [−2, 2], so |y| reaches
// about 4 and Huber's residuals fall on both sides of δ = 1.
func wave(x []float64) float64 { return 2*math.Sin(2*x[0]) + x[0] }

// bump is netB's target, inside tanh's range: y = 0.8 tanh(x₀·x₁ + sin x₀).
func bump(x []float64) float64 { return 0.8 * math.Tanh(x[0]*x[1]+math.Sin(x[0])) }

// Hyperparameters: learning rates are large enough that 20 steps move every
// weight well beyond rounding; β, ρ and ε differ from the defaults in some
// cases so that a field the Go side ignores would show.
var cases = []parityCase{
	{name: "sgd", net: netA, loss: nn.MSE, target: wave, seed: 1,
		opt: optSpec{Name: "sgd", LearningRate: 0.01, Momentum: 0.9}},
	{name: "sgd-plain", net: netA, loss: nn.MSE, target: wave, seed: 2,
		opt: optSpec{Name: "sgd", LearningRate: 0.02}},
	{name: "sgd-nesterov", net: netA, loss: nn.MSE, target: wave, seed: 3,
		opt: optSpec{Name: "sgd", LearningRate: 0.01, Momentum: 0.9, Nesterov: true}},
	{name: "rmsprop", net: netA, loss: nn.MSE, target: wave, seed: 4,
		opt: optSpec{Name: "rmsprop", LearningRate: 0.005, Rho: 0.85, Epsilon: 1e-6}},
	{name: "rmsprop-momentum", net: netA, loss: nn.MSE, target: wave, seed: 5,
		opt: optSpec{Name: "rmsprop", LearningRate: 0.002, Rho: 0.9, Momentum: 0.6, Epsilon: 1e-7}},
	{name: "adam", net: netA, loss: nn.MSE, target: wave, seed: 6,
		opt: optSpec{Name: "adam", LearningRate: 0.01, Beta1: 0.85, Beta2: 0.995, Epsilon: 1e-6}},
	{name: "adam-defaults", net: netA, loss: nn.MSE, target: wave, seed: 7,
		opt: optSpec{Name: "adam", LearningRate: 0.001, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-7}},
	{name: "huber", net: netA, loss: nn.Huber, target: wave, seed: 8,
		opt: optSpec{Name: "adam", LearningRate: 0.01, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-7}},
	{name: "mae", net: netA, loss: nn.MAE, target: wave, seed: 9,
		opt: optSpec{Name: "sgd", LearningRate: 0.05, Momentum: 0.5}},
	{name: "activations", net: netB, loss: nn.MSE, target: bump, seed: 10,
		opt: optSpec{Name: "adam", LearningRate: 0.01, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-7}},
}

func TestParitySGD(t *testing.T) {
	checkCases(t, "sgd", "sgd-plain")
}

func TestParitySGDNesterov(t *testing.T) {
	checkCases(t, "sgd-nesterov")
}

func TestParityRMSprop(t *testing.T) {
	checkCases(t, "rmsprop", "rmsprop-momentum")
}

func TestParityAdam(t *testing.T) {
	checkCases(t, "adam", "adam-defaults")
}

func TestParityHuber(t *testing.T) {
	checkCases(t, "huber")
}

func TestParityMAE(t *testing.T) {
	checkCases(t, "mae")
}

func TestParityActivations(t *testing.T) {
	checkCases(t, "activations")
}

// TestParityToleranceBites trains with one hyperparameter slightly off on
// the Go side and checks that the comparison notices. Without it a loose
// tolerance, or a test that compares nothing, would pass silently.
func TestParityToleranceBites(t *testing.T) {
	tests := []struct {
		name, base string
		change     func(o *optSpec)
	}{
		{"adam beta1 0.85→0.86", "adam", func(o *optSpec) { o.Beta1 = 0.86 }},
		{"adam beta2 0.995→0.996", "adam", func(o *optSpec) { o.Beta2 = 0.996 }},
		{"sgd momentum 0.9→0.89", "sgd", func(o *optSpec) { o.Momentum = 0.89 }},
		{"nesterov off", "sgd-nesterov", func(o *optSpec) { o.Nesterov = false }},
		{"rmsprop rho 0.85→0.86", "rmsprop", func(o *optSpec) { o.Rho = 0.86 }},
		{"learning rate ×1.01", "sgd-plain", func(o *optSpec) { o.LearningRate *= 1.01 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := findCase(t, tt.base)
			ref := tfjsResult(t, c.name)
			s := makeSpec(c)
			tt.change(&c.opt)
			got := trainGo(t, c, s)
			bad, worst := compare(got, ref)
			t.Logf("%d values outside the tolerance; max scaled difference: losses %.2e, weights %.2e",
				len(bad), worst.loss, worst.weight)
			if len(bad) == 0 {
				t.Errorf("perturbed Go run still matched TF.js within %g: "+
					"the test cannot see this change", relTol)
			}
		})
	}
}

// checkCases compares the Go and TF.js runs of the named cases.
func checkCases(t *testing.T, names ...string) {
	t.Helper()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			c := findCase(t, name)
			ref := tfjsResult(t, name)
			got := trainGo(t, c, makeSpec(c))
			bad, worst := compare(got, ref)
			t.Logf("%s: max |go−tfjs|/max(|tfjs|, scale): losses %.2e, weights %.2e",
				name, worst.loss, worst.weight)
			for i, msg := range bad {
				if i == 10 {
					t.Errorf("... and %d more mismatches", len(bad)-10)
					break
				}
				t.Error(msg)
			}
		})
	}
}

func findCase(t *testing.T, name string) parityCase {
	t.Helper()
	for _, c := range cases {
		if c.name == name {
			return c
		}
	}
	t.Fatalf("no parity case %q", name)
	return parityCase{}
}

// allSpecs turns every case into the JSON spec for parity.mjs.
func allSpecs() []spec {
	specs := make([]spec, len(cases))
	for i, c := range cases {
		specs[i] = makeSpec(c)
	}
	return specs
}

// makeSpec draws the case's rows, batch order and initial weights from its
// seed. Inputs are uniform on [−2, 2]; kernels are Glorot-uniform (limit
// √(6/(in+out)), Keras' default) and biases uniform on [−0.1, 0.1] rather
// than Keras' zeros, so the bias path is exercised from the first step.
func makeSpec(c parityCase) spec {
	rng := data.NewRand(c.seed)
	s := spec{Name: c.name, Inputs: c.net.Inputs, Optimizer: c.opt, Loss: c.loss.String()}

	// Rows and targets.
	x := make([]float64, c.net.Inputs)
	for range rows {
		row := make([]float32, c.net.Inputs)
		for j := range row {
			row[j] = float32(-2 + 4*rng.Float64())
			x[j] = float64(row[j])
		}
		s.X = append(s.X, row)
		s.Y = append(s.Y, float32(c.target(x)))
	}

	// Batch order: a fresh permutation every epoch, cut into batches.
	for len(s.Batches) < steps {
		perm := rng.Perm(rows)
		for i := 0; i+batchSize <= rows && len(s.Batches) < steps; i += batchSize {
			s.Batches = append(s.Batches, perm[i:i+batchSize])
		}
	}

	// Layers and their initial weights.
	in := c.net.Inputs
	output := nn.Layer{Units: 1, Activation: c.net.Output}
	for _, l := range append(append([]nn.Layer(nil), c.net.Hidden...), output) {
		limit := math.Sqrt(6 / float64(in+l.Units))
		s.Layers = append(s.Layers, layer{
			Units:      l.Units,
			Activation: l.Activation.String(),
			Kernel:     uniform(rng, in*l.Units, limit),
			Bias:       uniform(rng, l.Units, 0.1),
		})
		in = l.Units
	}
	return s
}

// uniform returns n values drawn from U(−limit, limit).
func uniform(rng *rand.Rand, n int, limit float64) []float32 {
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(limit * (2*rng.Float64() - 1))
	}
	return v
}

// goRun is the Go side's record of a case: per-step losses and the final
// weights in the same layout as [result].
type goRun struct {
	losses []float64
	kernel [][]float32
	bias   [][]float32
}

// trainGo builds the case's network with core/nn, sets the spec's weights
// through MLP.Dense, and takes one optimizer step per batch.
func trainGo(t *testing.T, c parityCase, s spec) goRun {
	t.Helper()
	m, err := nn.New(c.net, data.NewRand(c.seed))
	if err != nil {
		t.Fatalf("nn.New(%+v): %v", c.net, err)
	}
	dense := m.Dense()
	if len(dense) != len(s.Layers) {
		t.Fatalf("network has %d dense layers, spec %d", len(dense), len(s.Layers))
	}
	for i, d := range dense {
		if len(d.W) != len(s.Layers[i].Kernel) || len(d.B) != len(s.Layers[i].Bias) {
			t.Fatalf("layer %d: W %d, B %d values; spec has %d, %d", i,
				len(d.W), len(d.B), len(s.Layers[i].Kernel), len(s.Layers[i].Bias))
		}
		copy(d.W, s.Layers[i].Kernel)
		copy(d.B, s.Layers[i].Bias)
	}
	opt := goOptimizer(c.opt)

	var run goRun
	rng := data.NewRand(c.seed) // unused: no dropout
	xb := make([]float32, 0, batchSize*s.Inputs)
	yb := make([]float32, 0, batchSize)
	grad := make([]float32, batchSize)
	for _, batch := range s.Batches {
		xb, yb = xb[:0], yb[:0]
		for _, i := range batch {
			xb = append(xb, s.X[i]...)
			yb = append(yb, s.Y[i])
		}
		pred := m.Forward(xb, len(batch), true, rng)
		run.losses = append(run.losses, c.loss.Eval(grad[:len(batch)], pred, yb))
		m.Backward(grad[:len(batch)])
		opt.Step(m.Params, m.Grads)
	}

	for _, d := range m.Dense() {
		run.kernel = append(run.kernel, d.W)
		run.bias = append(run.bias, d.B)
	}
	return run
}

// goOptimizer builds the core/optim optimizer an optSpec describes.
func goOptimizer(o optSpec) optim.Optimizer {
	switch o.Name {
	case "sgd":
		return &optim.SGD{LearningRate: o.LearningRate, Momentum: o.Momentum, Nesterov: o.Nesterov}
	case "rmsprop":
		return &optim.RMSprop{LearningRate: o.LearningRate, Rho: o.Rho,
			Momentum: o.Momentum, Epsilon: o.Epsilon}
	case "adam":
		return &optim.Adam{LearningRate: o.LearningRate, Beta1: o.Beta1,
			Beta2: o.Beta2, Epsilon: o.Epsilon}
	}
	panic("parity: unknown optimizer " + o.Name)
}

// worst holds the largest |go − tfjs|/max(|tfjs|, scale) seen.
type worst struct{ loss, weight float64 }

// compare applies the tolerance rule to every loss and weight and returns
// one message per value outside it, and the largest scaled differences.
func compare(got goRun, ref result) (bad []string, w worst) {
	check := func(what string, g, r, scale float64, largest *float64) {
		d := math.Abs(g-r) / math.Max(math.Abs(r), scale)
		if !(d <= *largest) { // also catches NaN
			*largest = d
		}
		if !(d <= relTol) {
			bad = append(bad, fmt.Sprintf("%s: go %.9g, tfjs %.9g (scaled difference %.2e > %g)",
				what, g, r, d, relTol))
		}
	}
	if len(got.losses) != len(ref.Losses) || len(got.kernel) != len(ref.Layers) {
		msg := fmt.Sprintf("shape: go %d steps %d layers, tfjs %d steps %d layers",
			len(got.losses), len(got.kernel), len(ref.Losses), len(ref.Layers))
		return []string{msg}, worst{math.Inf(1), math.Inf(1)}
	}

	for i, r := range ref.Losses {
		check(fmt.Sprintf("step %d loss", i+1), got.losses[i], r, lossScale, &w.loss)
	}
	for l, rl := range ref.Layers {
		if len(rl.Kernel) != len(got.kernel[l]) || len(rl.Bias) != len(got.bias[l]) {
			bad = append(bad, fmt.Sprintf("layer %d: shapes differ", l))
			continue
		}
		for i, r := range rl.Kernel {
			what := fmt.Sprintf("layer %d kernel[%d]", l, i)
			check(what, float64(got.kernel[l][i]), r, weightScale, &w.weight)
		}
		for i, r := range rl.Bias {
			what := fmt.Sprintf("layer %d bias[%d]", l, i)
			check(what, float64(got.bias[l][i]), r, weightScale, &w.weight)
		}
	}
	return bad, w
}
