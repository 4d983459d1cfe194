package nn

import (
	"errors"
	"math"
	"testing"

	"netfit/core/data"
)

// refLoss is a float64 reference for the loss of m on (x, target) with the
// parameters params: a plain re-implementation of the forward pass, the
// mean loss and the L2 penalty. masks, if not nil, holds a dropout mask per
// hidden layer (as Forward stored it).
func refLoss(m *MLP, params []float64, x []float32, n int, target []float32, loss Loss,
	masks [][]float32) float64 {
	in := make([]float64, len(x[:n*m.layers[0].in]))
	for i, v := range x[:len(in)] {
		in[i] = float64(v)
	}
	off, penalty := 0, 0.0
	for l, ly := range m.layers {
		w := params[off : off+ly.in*ly.out]
		b := params[off+ly.in*ly.out : off+ly.in*ly.out+ly.out]
		off += (ly.in + 1) * ly.out
		out := make([]float64, n*ly.out)
		for i := range n {
			for j := range ly.out {
				z := b[j]
				for p := range ly.in {
					z += in[i*ly.in+p] * w[p*ly.out+j]
				}
				out[i*ly.out+j] = ly.act.funcs().f(z)
				if masks != nil && masks[l] != nil {
					out[i*ly.out+j] *= float64(masks[l][i*ly.out+j])
				}
			}
		}
		for _, v := range w {
			penalty += v * v
		}
		in = out
	}
	sum := 0.0
	for i := range n {
		sum += losses[loss].f(in[i] - float64(target[i]))
	}
	return sum/float64(n) + m.Spec.L2*penalty
}

// TestGradient checks Backward against central differences of refLoss in
// float64 (h = 1e-5, so the difference is good to about 1e-9) for small
// networks that together use every activation, every loss, L2 and dropout
// (with the mask of the Forward held fixed). Backward runs in float32, so
// we allow 1e-3 relative plus 1e-4 of the largest gradient.
func TestGradient(t *testing.T) {
	layer := func(u int, a Activation) Layer { return Layer{Units: u, Activation: a} }
	cases := []struct {
		name string
		spec Spec
		loss Loss
	}{
		{"tanh-relu L2", Spec{Inputs: 2, Hidden: []Layer{layer(5, Tanh), layer(4, ReLU)},
			L2: 0.01}, MSE},
		{"sigmoid-elu-gelu swish out", Spec{Hidden: []Layer{layer(3, Sigmoid), layer(3, ELU),
			layer(2, GELU)}, Output: Swish}, Huber},
		{"selu-softplus sin out", Spec{Inputs: 3, Hidden: []Layer{layer(4, SELU),
			layer(3, Softplus)}, Output: Sin, Init: HeNormal}, MAE},
		{"leaky-swish dropout L2", Spec{Inputs: 2, Hidden: []Layer{layer(6, LeakyReLU),
			layer(5, Swish)}, Output: Tanh, Dropout: 0.4, L2: 0.1}, MSE},
		{"linear model L2", Spec{Inputs: 2, L2: 0.5}, MSE},
		{"linear hidden", Spec{Inputs: 2, Hidden: []Layer{layer(3, Linear)}}, Huber},
	}
	for ci, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			const n = 7
			rng := data.NewRand(uint64(20 + ci))
			m, err := New(c.spec, rng)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range m.Dense() { // non-zero biases, so their gradients matter
				copy(d.B, randFloats(uint64(30+ci), len(d.B), -0.5, 0.5))
			}
			in := m.layers[0].in
			x := randFloats(uint64(40+ci), n*in, -2, 2)
			target := randFloats(uint64(50+ci), n, -1, 1)

			pred := m.Forward(x, n, true, rng)
			dy := make([]float32, n)
			c.loss.Eval(dy, pred, target)
			m.Backward(dy)
			var masks [][]float32
			if c.spec.Dropout > 0 {
				masks = m.train.mask
			}

			params := make([]float64, len(m.Params))
			for i, v := range m.Params {
				params[i] = float64(v)
			}
			fd := make([]float64, len(params))
			largest := 0.0
			const h = 1e-5
			for i := range params {
				p := params[i]
				params[i] = p + h
				up := refLoss(m, params, x, n, target, c.loss, masks)
				params[i] = p - h
				down := refLoss(m, params, x, n, target, c.loss, masks)
				params[i] = p
				fd[i] = (up - down) / (2 * h)
				largest = max(largest, math.Abs(fd[i]))
			}
			for i, g := range m.Grads {
				if d := math.Abs(float64(g) - fd[i]); d > 1e-3*math.Abs(fd[i])+1e-4*largest {
					t.Errorf("Grads[%d] = %v, want %v (finite difference)", i, g, fd[i])
				}
			}
		})
	}
}

// TestNoAllocs checks that Forward and Backward allocate nothing once they
// have seen the largest batch, and Predict nothing after its first call.
func TestNoAllocs(t *testing.T) {
	spec := Spec{Hidden: []Layer{{Units: 32, Activation: ReLU}, {Units: 16, Activation: Tanh}},
		Dropout: 0.2, L2: 1e-3}
	rng := data.NewRand(3)
	m, err := New(spec, rng)
	if err != nil {
		t.Fatal(err)
	}
	x := randFloats(4, 600, -1, 1)
	dy := make([]float32, 600)
	m.Forward(x, 32, true, rng)
	m.Backward(dy)
	for _, n := range []int{32, 9} {
		step := func() { m.Forward(x, n, true, rng); m.Backward(dy) }
		if got := testing.AllocsPerRun(10, step); got != 0 {
			t.Errorf("Forward+Backward at n=%d: %v allocations, want 0", n, got)
		}
	}
	m.Predict(dy, x, 600)
	if got := testing.AllocsPerRun(10, func() { m.Predict(dy, x, 600) }); got != 0 {
		t.Errorf("Predict: %v allocations, want 0", got)
	}
}

// TestPredict checks that Predict, which works in chunks of 256 samples,
// matches Forward without training (relative 1e-6), and that calling it
// between Forward and Backward leaves the gradients unchanged.
func TestPredict(t *testing.T) {
	spec := Spec{Hidden: []Layer{{Units: 20, Activation: Tanh}, {Units: 7, Activation: ReLU}},
		Dropout: 0.5}
	m, err := New(spec, data.NewRand(5))
	if err != nil {
		t.Fatal(err)
	}
	const n = 600
	x := randFloats(6, n, -3, 3)
	want := append([]float32(nil), m.Forward(x, n, false, nil)...)
	got := make([]float32, n)
	m.Predict(got, x, n)
	for i := range got {
		if !close64(float64(got[i]), float64(want[i]), 1e-6) {
			t.Fatalf("Predict[%d] = %v, Forward gives %v", i, got[i], want[i])
		}
	}

	dy := randFloats(7, n, -1, 1)
	m.Forward(x, n, true, data.NewRand(8))
	m.Backward(dy)
	grads := append([]float32(nil), m.Grads...)
	m.Forward(x, n, true, data.NewRand(8))
	m.Predict(got, x, 300)
	m.Backward(dy)
	for i, g := range m.Grads {
		if g != grads[i] {
			t.Fatalf("after Predict: Grads[%d] = %v, want %v", i, g, grads[i])
		}
	}
}

// TestDropout checks the mask of a 1000-unit linear layer with rate 0.3:
// the share of dropped values is within 5 standard errors, √(0.3·0.7/N), of
// 0.3, and kept values are scaled by 1/(1−0.3).
func TestDropout(t *testing.T) {
	const rate, n = 0.3, 20
	m, err := New(Spec{Hidden: []Layer{{Units: 1000}}, Dropout: rate}, data.NewRand(9))
	if err != nil {
		t.Fatal(err)
	}
	x := randFloats(10, n, 1, 2)
	m.Forward(x, n, true, data.NewRand(11))
	y, out := m.train.y[0][:n*1000], m.train.drop[0][:n*1000]
	dropped := 0
	for i := range y {
		switch {
		case out[i] == 0:
			dropped++
		case !close64(float64(out[i]), float64(y[i])/(1-rate), 1e-6):
			t.Fatalf("kept value %v, want %v/(1−%v)", out[i], y[i], rate)
		}
	}
	share := float64(dropped) / float64(len(y))
	if tol := 5 * math.Sqrt(rate*(1-rate)/float64(len(y))); math.Abs(share-rate) > tol {
		t.Errorf("dropped %.4f of the values, want %v ± %.4f", share, rate, tol)
	}
}

// TestViews checks that Dense, Params and Grads share memory, and Reinit.
func TestViews(t *testing.T) {
	spec := Spec{Inputs: 2, Hidden: []Layer{{Units: 3, Activation: ReLU}}}
	m, err := New(spec, data.NewRand(12))
	if err != nil {
		t.Fatal(err)
	}
	d := m.Dense()
	if len(d) != 2 || d[0].In != 2 || d[0].Out != 3 || d[1].In != 3 || d[1].Out != 1 {
		t.Fatalf("Dense() shapes %+v, want 2→3, 3→1", d)
	}
	d[1].B[0] = 42 // layout: W0 (6), b0 (3), W1 (3), b1 (1)
	d[0].DW[5] = 7
	if m.Params[12] != 42 || m.Grads[5] != 7 {
		t.Errorf("Params[12] = %v, Grads[5] = %v, want 42 and 7", m.Params[12], m.Grads[5])
	}

	m.Reinit(data.NewRand(12))
	other, _ := New(spec, data.NewRand(12))
	for i, v := range m.Params {
		if v != other.Params[i] || m.Grads[i] != 0 {
			t.Fatalf("after Reinit: Params[%d] = %v, Grads = %v, want %v and 0",
				i, v, m.Grads[i], other.Params[i])
		}
	}
}

// TestPenalty checks L2·Σw² on hand-set weights: 0.5·(1+4+9+16) = 15,
// biases excluded, and its gradient 2·L2·w from Backward with dy = 0.
func TestPenalty(t *testing.T) {
	m, err := New(Spec{Inputs: 3, L2: 0.5, Init: Zeros}, nil)
	if err != nil {
		t.Fatal(err)
	}
	copy(m.Params, []float32{1, 2, 3, 4}) // W = (1, 2, 3), b = 4
	if got := m.Penalty(); got != 15-8 {
		t.Errorf("Penalty() = %v, want %v", got, 7)
	}
	m.Forward([]float32{0, 0, 0}, 1, true, nil)
	m.Backward([]float32{0})
	want := []float32{1, 2, 3, 0}
	for i, g := range m.Grads {
		if g != want[i] {
			t.Errorf("Grads[%d] = %v, want %v", i, g, want[i])
		}
	}
}

// TestMLPErrorsAndPanics checks New's error and the panics the docs promise.
func TestMLPErrorsAndPanics(t *testing.T) {
	if _, err := New(Spec{Dropout: 2}, data.NewRand(1)); !errors.Is(err, ErrDropout) {
		t.Errorf("New with dropout 2: error %v, want ErrDropout", err)
	}
	mustPanic(t, "New with nil rng", func() { New(Spec{}, nil) })

	m, _ := New(Spec{Inputs: 2, Hidden: []Layer{{Units: 3}}, Dropout: 0.1}, data.NewRand(1))
	mustPanic(t, "Backward before Forward", func() { m.Backward([]float32{1}) })
	mustPanic(t, "Forward with short x", func() { m.Forward(make([]float32, 3), 2, false, nil) })
	mustPanic(t, "Forward with negative n", func() { m.Forward(nil, -1, false, nil) })
	mustPanic(t, "dropout without rng", func() { m.Forward(make([]float32, 4), 2, true, nil) })
	m.Forward(make([]float32, 4), 2, false, nil)
	mustPanic(t, "Backward with short dy", func() { m.Backward([]float32{1}) })
	mustPanic(t, "Predict with short dst", func() {
		m.Predict(make([]float32, 1), make([]float32, 4), 2)
	})
	mustPanic(t, "Predict with short x", func() {
		m.Predict(make([]float32, 2), make([]float32, 3), 2)
	})

	// An empty batch is allowed: the gradient is the L2 term alone (here 0).
	m.Forward(nil, 0, false, nil)
	m.Backward(nil)
	for i, g := range m.Grads {
		if g != 0 {
			t.Fatalf("after an empty batch: Grads[%d] = %v, want 0", i, g)
		}
	}
}

// TestNewCopiesHidden checks that changing the caller's Hidden slice after
// New does not change the network's spec.
func TestNewCopiesHidden(t *testing.T) {
	hidden := []Layer{{Units: 3, Activation: Tanh}}
	m, _ := New(Spec{Hidden: hidden}, data.NewRand(1))
	hidden[0].Units = 99
	if m.Spec.Hidden[0].Units != 3 {
		t.Errorf("Spec.Hidden[0].Units = %d after the caller changed it, want 3",
			m.Spec.Hidden[0].Units)
	}
}

// TestConvergence fits y = x² on [−1, 1] (64 points) with a 1-16-1 tanh
// network and plain gradient descent (learning rate 0.1, 2000 steps, full
// batch); the MSE must fall below 1e-3, well under the 0.089 of the best
// constant (the variance of x² for uniform x is 4/45).
func TestConvergence(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode")
	}
	m, err := New(Spec{Hidden: []Layer{{Units: 16, Activation: Tanh}}}, data.NewRand(13))
	if err != nil {
		t.Fatal(err)
	}
	const n = 64
	x, y := make([]float32, n), make([]float32, n)
	for i := range x {
		x[i] = -1 + 2*float32(i)/(n-1)
		y[i] = x[i] * x[i]
	}
	dy := make([]float32, n)
	loss := 0.0
	for range 2000 {
		loss = MSE.Eval(dy, m.Forward(x, n, true, nil), y)
		m.Backward(dy)
		for i, g := range m.Grads {
			m.Params[i] -= 0.1 * g
		}
	}
	if loss > 1e-3 {
		t.Errorf("MSE after 2000 steps = %v, want below 1e-3", loss)
	}
}
