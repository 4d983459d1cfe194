package nn

import (
	"fmt"
	"math/rand/v2"

	"netfit/core/kernel"
)

// predictRows is how many samples Predict pushes through at once, so its
// buffers stay small whatever n is.
const predictRows = 256

// trainBuffers keeps what Forward computed for Backward. Each slice has room
// for rows samples; Forward reallocates when it meets a larger n.
type trainBuffers struct {
	rows    int         // capacity in samples
	n       int         // samples of the last Forward
	ready   bool        // whether Forward ran
	dropped bool        // whether the last Forward applied dropout
	x       []float32   // copy of the inputs, n×in
	z, y    [][]float32 // per layer: pre-activations and outputs, n×out
	mask    [][]float32 // per hidden layer: 0 or 1/(1−rate), n×out
	drop    [][]float32 // per hidden layer: y·mask, the next layer's input
	g0, g1  []float32   // Backward's two gradient buffers, n×maxWidth
}

// predictBuffers are Predict's two buffers of predictRows×maxWidth values,
// used in turn as a layer's input and output.
type predictBuffers struct {
	a, b []float32
}

// grow makes room for n samples in the training buffers.
func (m *MLP) grow(n int) {
	t := &m.train
	if n <= t.rows {
		return
	}
	in := m.layers[0].in
	t.rows = n
	t.x = make([]float32, n*in)
	t.z = make([][]float32, len(m.layers))
	t.y = make([][]float32, len(m.layers))
	t.mask = make([][]float32, len(m.layers))
	t.drop = make([][]float32, len(m.layers))
	for l, ly := range m.layers {
		t.z[l] = make([]float32, n*ly.out)
		t.y[l] = t.z[l] // a linear layer's output is its pre-activation
		if ly.act != Linear {
			t.y[l] = make([]float32, n*ly.out)
		}
		if ly.dropout {
			t.mask[l] = make([]float32, n*ly.out)
			t.drop[l] = make([]float32, n*ly.out)
		}
	}
	w := m.maxWidth()
	t.g0 = make([]float32, n*w)
	t.g1 = make([]float32, n*w)
}

// Forward runs n samples x (n×Inputs, row-major) through the network and
// returns the n outputs. The result is a view into an internal buffer,
// valid until the next call of Forward. Forward keeps every layer's
// pre-activation and output for [MLP.Backward].
//
// With training=true and a non-zero Spec.Dropout, each hidden layer's output
// is multiplied by a mask drawn from rng: 0 with probability rate, else
// 1/(1−rate) (inverted dropout, Srivastava et al., JMLR 15, 2014, §10, as
// Keras does it), so the expected output does not change.
//
// Forward allocates only when n exceeds every earlier n. It panics if x
// holds fewer than n×Inputs values, n < 0, or dropout is needed and rng is
// nil.
func (m *MLP) Forward(x []float32, n int, training bool, rng *rand.Rand) []float32 {
	in := m.layers[0].in
	if n < 0 || len(x) < n*in {
		panic(fmt.Sprintf("nn: Forward: input has %d values, network expects %d×%d",
			len(x), n, in))
	}
	dropped := training && m.Spec.Dropout > 0
	if dropped && rng == nil {
		panic("nn: Forward: dropout needs a random source, got nil")
	}
	m.grow(n)
	t := &m.train
	t.n, t.ready, t.dropped = n, true, dropped
	copy(t.x, x[:n*in])

	input := t.x[:n*in]
	for l, ly := range m.layers {
		z, y := t.z[l][:n*ly.out], t.y[l][:n*ly.out]
		ly.affine(z, input, n)
		ly.act.apply(y, z)
		input = y
		if dropped && ly.dropout {
			input = t.drop[l][:n*ly.out]
			dropout(input, t.mask[l][:n*ly.out], y, m.Spec.Dropout, rng)
		}
	}
	return input
}

// affine sets z = x·W + b for n samples.
func (ly *layer) affine(z, x []float32, n int) {
	kernel.Active().MatMul(z, x, ly.w, n, ly.in, ly.out, false)
	kernel.ActiveElementwise().AddBias(z, ly.b, n)
}

// dropout draws a mask, 0 with probability rate and 1/(1−rate) otherwise,
// and sets out = y·mask.
func dropout(out, mask, y []float32, rate float64, rng *rand.Rand) {
	keep := float32(1 / (1 - rate))
	mask = mask[:len(y)]
	out = out[:len(y)]
	for i, v := range y {
		mask[i] = 0
		if rng.Float64() >= rate {
			mask[i] = keep
		}
		out[i] = v * mask[i]
	}
}

// Backward takes dy, the gradient of the loss with respect to each of the n
// outputs of the last [MLP.Forward], and overwrites m.Grads with the
// gradient of the loss with respect to every parameter, plus the gradient
// 2·L2·w of [MLP.Penalty]. Layer by layer, from the output back
// (Rumelhart, Hinton & Williams, Nature 323, 1986):
//
//	dZ = dY ⊙ f'(Z)        (times the dropout mask, if any)
//	dW = Xᵀ·dZ,  db = Σ_rows dZ
//	dX = dZ·Wᵀ             (the previous layer's dY; skipped for the first)
//
// Backward allocates nothing. It panics if no Forward came before or dy has
// fewer values than that Forward's n.
func (m *MLP) Backward(dy []float32) {
	t := &m.train
	n := t.n
	if !t.ready {
		panic("nn: Backward called before Forward")
	}
	if len(dy) < n {
		panic(fmt.Sprintf("nn: Backward: gradient has %d values, want %d", len(dy), n))
	}

	grad, spare := t.g0, t.g1 // grad holds dY of the current layer
	copy(grad, dy[:n])
	for l := len(m.layers) - 1; l >= 0; l-- {
		ly := &m.layers[l]
		dz := grad[:n*ly.out]
		if t.dropped && ly.dropout {
			for i, k := range t.mask[l][:len(dz)] {
				dz[i] *= k
			}
		}
		ly.act.backprop(dz, dz, t.z[l][:len(dz)], t.y[l][:len(dz)])

		x := m.layerInput(l)
		kernel.Active().MatMulAT(ly.dw, x, dz, ly.in, n, ly.out, false)
		kernel.ActiveElementwise().ColumnSums(ly.db, dz, n)
		if l > 0 {
			kernel.Active().MatMulBT(spare, dz, ly.w, n, ly.out, ly.in, false)
			grad, spare = spare, grad
		}
	}
	m.addPenaltyGrad()
}

// layerInput returns the input that layer l saw in the last Forward.
func (m *MLP) layerInput(l int) []float32 {
	t := &m.train
	if l == 0 {
		return t.x[:t.n*m.layers[0].in]
	}
	prev := m.layers[l-1]
	if t.dropped && prev.dropout {
		return t.drop[l-1][:t.n*prev.out]
	}
	return t.y[l-1][:t.n*prev.out]
}

// addPenaltyGrad adds d(L2·Σw²)/dw = 2·L2·w to each weight gradient.
func (m *MLP) addPenaltyGrad() {
	if m.Spec.L2 == 0 {
		return
	}
	c := float32(2 * m.Spec.L2)
	for _, ly := range m.layers {
		kernel.ActiveElementwise().AddScaled(ly.dw, ly.w, c)
	}
}

// Predict writes the outputs for n samples x (n×Inputs, row-major) to
// dst[:n], without dropout. It works through predictRows samples at a time
// in buffers of its own, so it does not disturb what Forward kept for
// Backward, and allocates only on its first call. It panics if x holds fewer
// than n×Inputs values or dst fewer than n.
func (m *MLP) Predict(dst, x []float32, n int) {
	in := m.layers[0].in
	if n < 0 || len(x) < n*in || len(dst) < n {
		panic(fmt.Sprintf("nn: Predict: %d inputs and %d outputs, network needs %d×%d and %d",
			len(x), len(dst), n, in, n))
	}
	p := &m.pred
	if p.a == nil {
		p.a = make([]float32, predictRows*m.maxWidth())
		p.b = make([]float32, predictRows*m.maxWidth())
	}

	for i0 := 0; i0 < n; i0 += predictRows {
		rows := min(predictRows, n-i0)
		input := x[i0*in : (i0+rows)*in]
		out, next := p.a, p.b
		for _, ly := range m.layers {
			z := out[:rows*ly.out]
			ly.affine(z, input, rows)
			ly.act.apply(z, z)
			input = z
			out, next = next, out
		}
		copy(dst[i0:i0+rows], input)
	}
}
