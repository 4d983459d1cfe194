package nn

import "math/rand/v2"

// MLP is a multilayer perceptron built from a [Spec] by [New].
//
// Params holds every weight and bias in one flat slice, layer by layer:
// layer 0's W (in×out, row-major), layer 0's b (out), layer 1's W, and so
// on. Grads has the same layout and holds the gradient of the loss after
// [MLP.Backward]. An optimizer updates Params in place; don't change the
// Spec or reallocate either slice after New.
//
// An MLP is not safe for concurrent use: Forward, Backward and Predict share
// internal buffers.
type MLP struct {
	Spec          Spec
	Params, Grads []float32

	layers []layer
	train  trainBuffers   // what Forward keeps for Backward
	pred   predictBuffers // Predict's own, so it never disturbs train
}

// layer is one dense layer: y = f(x·W + b).
type layer struct {
	in, out int
	act     Activation
	dropout bool      // inverted dropout follows this layer when training
	w, b    []float32 // views into Params
	dw, db  []float32 // views into Grads
}

// New validates s and returns a network with weights drawn by s.Init from
// rng and zero biases. It returns the error of [Spec.Validate] for an
// invalid spec. It panics if rng is nil and s.Init is not [Zeros].
func New(s Spec, rng *rand.Rand) (*MLP, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	s.Hidden = append([]Layer(nil), s.Hidden...) // the caller's slice may change
	m := &MLP{Spec: s}
	n := s.NumParams()
	m.Params = make([]float32, n)
	m.Grads = make([]float32, n)

	widths := s.widths()
	off := 0
	for l := 1; l < len(widths); l++ {
		in, out := widths[l-1], widths[l]
		ly := layer{in: in, out: out, act: s.Output}
		if l < len(widths)-1 {
			ly.act = s.Hidden[l-1].Activation
			ly.dropout = s.Dropout > 0
		}
		ly.w, ly.dw = m.Params[off:off+in*out], m.Grads[off:off+in*out]
		off += in * out
		ly.b, ly.db = m.Params[off:off+out], m.Grads[off:off+out]
		off += out
		m.layers = append(m.layers, ly)
	}
	m.Reinit(rng)
	return m, nil
}

// Reinit draws new weights with the spec's initializer from rng and sets
// every bias and gradient to zero. It panics if rng is nil and the
// initializer is not [Zeros].
func (m *MLP) Reinit(rng *rand.Rand) {
	for _, ly := range m.layers {
		m.Spec.Init.fill(ly.w, ly.in, ly.out, rng)
		clear(ly.b)
	}
	clear(m.Grads)
}

// Dense describes one layer of an [MLP]: Z = X·W + B. W and B are views
// into the network's Params and DW and DB views into its Grads, so writes
// go through. W is In×Out (row-major, one row per input), B has Out values.
type Dense struct {
	In, Out      int
	W, B, DW, DB []float32
}

// Dense returns the layers of m, first hidden layer first and the output
// layer last, as a new slice of views.
func (m *MLP) Dense() []Dense {
	d := make([]Dense, len(m.layers))
	for i, ly := range m.layers {
		d[i] = Dense{In: ly.in, Out: ly.out, W: ly.w, B: ly.b, DW: ly.dw, DB: ly.db}
	}
	return d
}

// Penalty returns the L2 term that the spec adds to the loss,
//
//	L2·Σ w²
//
// over the weights of every layer (not the biases), as Keras's
// kernel_regularizer=L2(l2) does. It is 0 when L2 is 0.
func (m *MLP) Penalty() float64 {
	if m.Spec.L2 == 0 {
		return 0
	}
	sum := 0.0
	for _, ly := range m.layers {
		for _, v := range ly.w {
			sum += float64(v) * float64(v)
		}
	}
	return m.Spec.L2 * sum
}

// maxWidth returns the widest layer output or input.
func (m *MLP) maxWidth() int {
	w := m.layers[0].in
	for _, ly := range m.layers {
		w = max(w, ly.out)
	}
	return w
}
