package optim

import (
	"fmt"
	"math"
	"testing"
)

// The reference updates below are the same formulas written in float64,
// straight from the doc comments (and keras/src/optimizers/*.py). The
// optimizers work in float32, so after a few steps they agree to about 1e-6
// relative; the tolerance is 1e-5.

// refSGD returns params after steps of SGD with a fixed gradient sequence.
func refSGD(p []float64, grads [][]float64, lr, mu float64, nesterov bool) []float64 {
	p = append([]float64(nil), p...)
	v := make([]float64, len(p))
	for _, g := range grads {
		for i := range p {
			if mu == 0 {
				p[i] -= lr * g[i]
				continue
			}
			v[i] = mu*v[i] - lr*g[i]
			if nesterov {
				p[i] += mu*v[i] - lr*g[i]
			} else {
				p[i] += v[i]
			}
		}
	}
	return p
}

func refRMSprop(p []float64, grads [][]float64, lr, rho, mu, eps float64) []float64 {
	p = append([]float64(nil), p...)
	v := make([]float64, len(p))
	m := make([]float64, len(p))
	for _, g := range grads {
		for i := range p {
			v[i] = rho*v[i] + (1-rho)*g[i]*g[i]
			d := lr * g[i] / math.Sqrt(v[i]+eps)
			if mu > 0 {
				m[i] = mu*m[i] + d
				d = m[i]
			}
			p[i] -= d
		}
	}
	return p
}

// refAdam is Keras' form: bias corrections folded into α, ε after the root.
func refAdam(p []float64, grads [][]float64, lr, b1, b2, eps float64) []float64 {
	p = append([]float64(nil), p...)
	m := make([]float64, len(p))
	v := make([]float64, len(p))
	for t, g := range grads {
		step := float64(t + 1)
		alpha := lr * math.Sqrt(1-math.Pow(b2, step)) / (1 - math.Pow(b1, step))
		for i := range p {
			m[i] = b1*m[i] + (1-b1)*g[i]
			v[i] = b2*v[i] + (1-b2)*g[i]*g[i]
			p[i] -= alpha * m[i] / (math.Sqrt(v[i]) + eps)
		}
	}
	return p
}

// refAdamPaper is Algorithm 1 of Kingma & Ba: bias-corrected moments and
// ε added to √v̂. It differs from Keras' form only through ε.
func refAdamPaper(p []float64, grads [][]float64, lr, b1, b2, eps float64) []float64 {
	p = append([]float64(nil), p...)
	m := make([]float64, len(p))
	v := make([]float64, len(p))
	for t, g := range grads {
		step := float64(t + 1)
		for i := range p {
			m[i] = b1*m[i] + (1-b1)*g[i]
			v[i] = b2*v[i] + (1-b2)*g[i]*g[i]
			mhat := m[i] / (1 - math.Pow(b1, step))
			vhat := v[i] / (1 - math.Pow(b2, step))
			p[i] -= lr * mhat / (math.Sqrt(vhat) + eps)
		}
	}
	return p
}

// run applies opt to start with each gradient in turn and returns params.
func run(opt Optimizer, start []float64, grads [][]float64) []float64 {
	p := make([]float32, len(start))
	for i, v := range start {
		p[i] = float32(v)
	}
	g := make([]float32, len(start))
	for _, gs := range grads {
		for i, v := range gs {
			g[i] = float32(v)
		}
		opt.Step(p, g)
	}
	out := make([]float64, len(p))
	for i, v := range p {
		out[i] = float64(v)
	}
	return out
}

// sequence is a gradient history with mixed signs and sizes: four steps on
// a three-parameter vector.
var (
	start    = []float64{1, -2, 0.5}
	sequence = [][]float64{
		{0.3, -1.2, 2.0},
		{0.1, -0.8, -1.5},
		{-0.4, 0.5, 0.25},
		{0.2, 0.9, -0.05},
	}
)

func checkClose(t *testing.T, got, want []float64, rel float64) {
	t.Helper()
	for i := range want {
		if math.Abs(got[i]-want[i]) > rel*max(1, math.Abs(want[i])) {
			t.Errorf("params = %v, want %v (index %d off by %g)", got, want, i, got[i]-want[i])
			return
		}
	}
}

func TestSGD(t *testing.T) {
	tests := []struct {
		name     string
		opt      *SGD
		lr, mu   float64
		nesterov bool
	}{
		{"default", &SGD{}, 0.01, 0, false},
		{"plain", &SGD{LearningRate: 0.1}, 0.1, 0, false},
		{"momentum", &SGD{LearningRate: 0.1, Momentum: 0.9}, 0.1, 0.9, false},
		{"nesterov", &SGD{LearningRate: 0.1, Momentum: 0.9, Nesterov: true}, 0.1, 0.9, true},
		// Keras ignores nesterov when momentum is 0.
		{"nesterov without momentum", &SGD{LearningRate: 0.1, Nesterov: true}, 0.1, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(tt.opt, start, sequence)
			checkClose(t, got, refSGD(start, sequence, tt.lr, tt.mu, tt.nesterov), 1e-5)
		})
	}
}

func TestRMSprop(t *testing.T) {
	tests := []struct {
		name             string
		opt              *RMSprop
		lr, rho, mu, eps float64
	}{
		{"default", &RMSprop{}, 0.001, 0.9, 0, 1e-7},
		{"custom", &RMSprop{LearningRate: 0.05, Rho: 0.8, Epsilon: 1e-4}, 0.05, 0.8, 0, 1e-4},
		{"momentum", &RMSprop{LearningRate: 0.05, Momentum: 0.5}, 0.05, 0.9, 0.5, 1e-7},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(tt.opt, start, sequence)
			checkClose(t, got, refRMSprop(start, sequence, tt.lr, tt.rho, tt.mu, tt.eps), 1e-5)
		})
	}
}

func TestAdam(t *testing.T) {
	tests := []struct {
		name            string
		opt             *Adam
		lr, b1, b2, eps float64
	}{
		{"default", &Adam{}, 0.001, 0.9, 0.999, 1e-7},
		{"custom", &Adam{LearningRate: 0.1, Beta1: 0.5, Beta2: 0.9, Epsilon: 1e-3},
			0.1, 0.5, 0.9, 1e-3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := run(tt.opt, start, sequence)
			checkClose(t, got, refAdam(start, sequence, tt.lr, tt.b1, tt.b2, tt.eps), 1e-5)
			if tt.opt.Steps() != len(sequence) {
				t.Errorf("Steps() = %d, want %d", tt.opt.Steps(), len(sequence))
			}
		})
	}
}

func TestKerasSingleStep(t *testing.T) {
	// Expected values from keras/src/optimizers/{sgd,rmsprop,adam}_test.py,
	// test_single_step: learning rate 0.5, variables [1, 2, 3, 4], gradients
	// [1, 6, 7, 2]; Keras checks them with rtol = atol = 1e-4.
	p := []float64{1, 2, 3, 4}
	g := [][]float64{{1, 6, 7, 2}}
	tests := []struct {
		name string
		opt  Optimizer
		want []float64
	}{
		{"sgd", &SGD{LearningRate: 0.5}, []float64{0.5, -1, -0.5, 3}},
		{"rmsprop", &RMSprop{LearningRate: 0.5}, []float64{-0.5811, 0.4189, 1.4189, 2.4189}},
		{"adam", &Adam{LearningRate: 0.5}, []float64{0.5, 1.5, 2.5, 3.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkClose(t, run(tt.opt, p, g), tt.want, 1e-4)
		})
	}
}

func TestKerasRMSpropDocExample(t *testing.T) {
	// keras.optimizers.RMSprop docstring: lr 0.1, var 10, loss var²/2 (so
	// the gradient is 10); after one step var is 9.683772.
	got := run(&RMSprop{LearningRate: 0.1}, []float64{10}, [][]float64{{10}})
	if math.Abs(got[0]-9.683772) > 1e-6 {
		t.Errorf("var = %.7f, want 9.683772", got[0])
	}
}

func TestKerasSGDGolden(t *testing.T) {
	// keras/src/optimizers/sgd_test.py, test_correctness_with_golden:
	// SGD(nesterov=True) with the default momentum 0 and lr 0.01; one step
	// of gradients 0.01, then gradients 0.1, 0.2, ..., 1.0. Keras' golden
	// rows use rtol = atol = 5e-4; here we check every row against the
	// float64 formula, x_j = 1 − 0.0001 − 0.01·k·g_j after k further steps.
	opt := &SGD{Nesterov: true}
	p := make([]float32, 10)
	for i := range p {
		p[i] = 1
	}
	g := make([]float32, 10)
	for i := range g {
		g[i] = 0.01
	}
	opt.Step(p, g)
	for k := 0; k < 5; k++ {
		for j := range p {
			want := 1 - 0.0001 - 0.01*float64(k)*0.1*float64(j+1)
			if math.Abs(float64(p[j])-want) > 1e-6 {
				t.Fatalf("after %d steps x[%d] = %v, want %v", k, j, p[j], want)
			}
		}
		for j := range g {
			g[j] = 0.1 * float32(j+1)
		}
		opt.Step(p, g)
	}
}

func TestAdamEpsilonPlacement(t *testing.T) {
	// With tiny gradients √v ≪ ε, so where ε goes decides the step size.
	// g = 1e-8, one step, defaults: Keras (ε after √v, bias correction in α)
	// moves p by α·m/(√v + ε) = 0.001·0.0316/0.1·1e-9/(3.16e-10 + 1e-7)
	// ≈ 3.15e-6; Algorithm 1 moves it by lr·m̂/(√v̂ + ε) = 0.001·1e-8/(1e-8 +
	// 1e-7) ≈ 9.1e-5, about 29 times more.
	g := [][]float64{{1e-8}}
	keras := refAdam([]float64{0}, g, 0.001, 0.9, 0.999, 1e-7)[0]
	paper := refAdamPaper([]float64{0}, g, 0.001, 0.9, 0.999, 1e-7)[0]
	got := run(&Adam{}, []float64{0}, g)[0]
	if math.Abs(got-keras) > 1e-4*math.Abs(keras) {
		t.Errorf("step = %g, want Keras' %g", got, keras)
	}
	if math.Abs(got-paper) < 0.5*math.Abs(paper) {
		t.Errorf("step = %g is close to Algorithm 1's %g; ε is in the wrong place", got, paper)
	}
	if math.Abs(keras+3.15e-6) > 0.01e-6 {
		t.Errorf("reference step %g, want about -3.15e-6 (hand-computed)", keras)
	}
}

func TestRMSpropEpsilonInsideRoot(t *testing.T) {
	// g = 1e-8, defaults: v = 0.1·1e-16 = 1e-17, so
	// Δ = 0.001·1e-8/√(1e-17 + 1e-7) ≈ 3.1623e-8 with ε under the root, but
	// 0.001·1e-8/(√1e-17 + 1e-7) ≈ 9.7e-5 with ε outside it.
	got := run(&RMSprop{}, []float64{0}, [][]float64{{1e-8}})[0]
	want := -0.001 * 1e-8 / math.Sqrt(1e-17+1e-7)
	if math.Abs(got-want) > 1e-4*math.Abs(want) {
		t.Errorf("step = %g, want %g", got, want)
	}
}

func TestReset(t *testing.T) {
	for _, opt := range []Optimizer{&SGD{Momentum: 0.9}, &RMSprop{Momentum: 0.5}, &Adam{}} {
		t.Run(fmt.Sprintf("%T", opt), func(t *testing.T) {
			fresh := run(opt, start, sequence[:2])
			opt.Reset()
			again := run(opt, start, sequence[:2])
			for i := range fresh {
				if fresh[i] != again[i] {
					t.Fatalf("after Reset got %v, want the fresh run %v", again, fresh)
				}
			}
		})
	}
}

func TestLearningRate(t *testing.T) {
	tests := []struct {
		opt  Optimizer
		want float64
	}{
		{&SGD{}, 0.01},
		{&RMSprop{}, 0.001},
		{&Adam{}, 0.001},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%T", tt.opt), func(t *testing.T) {
			if got := tt.opt.EffectiveLearningRate(); got != tt.want {
				t.Errorf("default learning rate %v, want %v", got, tt.want)
			}
			tt.opt.SetLearningRate(0.25)
			if got := tt.opt.EffectiveLearningRate(); got != 0.25 {
				t.Errorf("after SetLearningRate(0.25) got %v", got)
			}
		})
	}
}

func TestStepLengthMismatchPanics(t *testing.T) {
	for _, opt := range []Optimizer{&SGD{}, &RMSprop{}, &Adam{}} {
		t.Run(fmt.Sprintf("%T", opt), func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Step with 2 params and 3 grads did not panic")
				}
			}()
			opt.Step(make([]float32, 2), make([]float32, 3))
		})
	}
}

func TestStepNoAllocs(t *testing.T) {
	p, g := make([]float32, 1000), make([]float32, 1000)
	for i := range g {
		g[i] = float32(i%7) - 3
	}
	for _, opt := range allOptimizers() {
		t.Run(opt.name, func(t *testing.T) {
			opt.opt.Step(p, g) // allocates the state
			if n := testing.AllocsPerRun(20, func() { opt.opt.Step(p, g) }); n != 0 {
				t.Errorf("%v allocations per Step, want 0", n)
			}
		})
	}
}

func TestConvergeQuadraticBowl(t *testing.T) {
	// Loss ½·Σ aᵢ(pᵢ − cᵢ)², gradient aᵢ(pᵢ − cᵢ): an ill-conditioned bowl
	// (curvatures 1 to 10). Every optimizer must bring p within 1e-2 of c.
	a := []float32{1, 3, 10}
	c := []float32{2, -1, 0.5}
	for _, tt := range []struct {
		name  string
		opt   Optimizer
		steps int
	}{
		{"sgd", &SGD{LearningRate: 0.05}, 500},
		{"momentum", &SGD{LearningRate: 0.02, Momentum: 0.9}, 500},
		{"nesterov", &SGD{LearningRate: 0.02, Momentum: 0.9, Nesterov: true}, 500},
		{"rmsprop", &RMSprop{LearningRate: 0.01}, 1000},
		{"rmsprop momentum", &RMSprop{LearningRate: 0.005, Momentum: 0.5}, 1000},
		{"adam", &Adam{LearningRate: 0.05}, 1000},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := make([]float32, len(a))
			g := make([]float32, len(a))
			for range tt.steps {
				for i := range p {
					g[i] = a[i] * (p[i] - c[i])
				}
				tt.opt.Step(p, g)
			}
			for i := range p {
				if math.Abs(float64(p[i]-c[i])) > 1e-2 {
					t.Fatalf("after %d steps p = %v, want %v", tt.steps, p, c)
				}
			}
		})
	}
}

type namedOptimizer struct {
	name string
	opt  Optimizer
}

func allOptimizers() []namedOptimizer {
	return []namedOptimizer{
		{"sgd", &SGD{}},
		{"momentum", &SGD{Momentum: 0.9}},
		{"nesterov", &SGD{Momentum: 0.9, Nesterov: true}},
		{"rmsprop", &RMSprop{}},
		{"rmsprop momentum", &RMSprop{Momentum: 0.9}},
		{"adam", &Adam{}},
	}
}

// BenchmarkStep times one update of 1.45 million parameters (about the
// size of a 1 → 1200 → 1200 → 1 network).
func BenchmarkStep(b *testing.B) {
	const n = 1_450_000
	p, g := make([]float32, n), make([]float32, n)
	for i := range g {
		g[i] = float32(i%13)*0.01 - 0.065 // never exactly 0, so v does not decay into subnormals
	}
	for _, opt := range allOptimizers() {
		b.Run(opt.name, func(b *testing.B) {
			opt.opt.Step(p, g)
			b.ReportAllocs()
			b.SetBytes(4 * n)
			for b.Loop() {
				opt.opt.Step(p, g)
			}
		})
	}
}
