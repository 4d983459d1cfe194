package kerneltest

import (
	"fmt"
	"math"
	"testing"

	"netfit/core/kernel"
)

// OddLengths are the vector lengths [Elementwise] tries: empty, shorter
// than one 4-lane vector, exactly one, odd and long.
var OddLengths = []int{0, 1, 3, 4, 17, 513}

// special are values placed at the start of the inputs of the activations:
// zeros of both signs, infinities, a NaN, the smallest normal and a
// subnormal number.
var special = []float32{0, float32(math.Copysign(0, -1)), float32(math.Inf(1)),
	float32(math.Inf(-1)), float32(math.NaN()), 0x1p-126, -0x1p-140, 1, -1}

// Elementwise checks every method of e against [kernel.Go] on vectors of
// each length in lengths ([OddLengths] for the usual set), bit for bit
// (any NaN matches any NaN). It also checks that no value past the stated
// length is written.
func Elementwise(t *testing.T, e kernel.Elementwise, lengths []int) {
	t.Helper()
	ref := kernel.Go.(kernel.Elementwise)
	for _, n := range lengths {
		for _, c := range elementwiseCases {
			name := fmt.Sprintf("%s/n=%d", c.name, n)
			in := make([][]float32, c.inputs)
			for i := range in {
				in[i] = Floats(uint64(100*n+i), n)
				if c.special && i == 0 {
					copy(in[i], special)
				}
			}
			want := run(c.f, ref, in, n, c.outputs)
			got := run(c.f, e, in, n, c.outputs)
			for o := range want {
				if i, ok := sameBits(got[o], want[o]); !ok {
					t.Errorf("%s: output %d, element %d = %v, want %v (Go reference)",
						name, o, i, got[o][i], want[o][i])
					break
				}
			}
		}
	}
}

// elementwiseCase runs one method: f receives the implementation, the
// read-only inputs and the outputs (each one longer than n, its last value
// a guard), already filled with the first inputs' values where the method
// updates in place.
type elementwiseCase struct {
	name            string
	inputs, outputs int
	special         bool // start input 0 with the special values
	f               func(e kernel.Elementwise, in, out [][]float32, n int)
}

var elementwiseCases = []elementwiseCase{
	{"AddBias", 1, 1, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		// n values as rows×cols with cols ≤ n: a bias of min(n, 7) values.
		cols := min(n, 7)
		rows := 0
		if cols > 0 {
			rows = n / cols
		}
		e.AddBias(out[0][:rows*cols], in[0][:cols], rows)
	}},
	{"ColumnSums", 1, 1, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		cols := min(n, 7)
		rows := 0
		if cols > 0 {
			rows = n / cols
		}
		e.ColumnSums(out[0][:cols], in[0][:rows*cols], rows)
	}},
	{"ReLU", 1, 1, true, func(e kernel.Elementwise, in, out [][]float32, n int) {
		e.ReLU(out[0][:n], in[0])
	}},
	{"ReLU in place", 0, 1, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		copy(out[0][:n], special)
		e.ReLU(out[0][:n], out[0][:n])
	}},
	{"ReLUBackprop", 2, 1, true, func(e kernel.Elementwise, in, out [][]float32, n int) {
		e.ReLUBackprop(out[0][:n], in[1], in[0])
	}},
	{"LeakyReLU", 1, 1, true, func(e kernel.Elementwise, in, out [][]float32, n int) {
		e.LeakyReLU(out[0][:n], in[0], 0.2)
	}},
	{"LeakyReLUBackprop", 2, 1, true, func(e kernel.Elementwise, in, out [][]float32, n int) {
		e.LeakyReLUBackprop(out[0][:n], in[1], in[0], 0.2)
	}},
	{"AddScaled", 1, 1, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		e.AddScaled(out[0][:n], in[0], 0.37)
	}},
	{"SGD", 1, 1, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		e.SGD(out[0][:n], in[0], 0.01)
	}},
	{"Momentum", 1, 2, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		for range 3 {
			e.Momentum(out[0][:n], in[0], out[1][:n], 0.01, 0.9, false)
		}
	}},
	{"Nesterov", 1, 2, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		for range 3 {
			e.Momentum(out[0][:n], in[0], out[1][:n], 0.01, 0.9, true)
		}
	}},
	{"RMSprop", 1, 2, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		for range 3 {
			e.RMSprop(out[0][:n], in[0], out[1][:n], nil, 0.001, 0.9, 0.1, 1e-7, 0)
		}
	}},
	{"RMSprop momentum", 1, 3, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		for range 3 {
			e.RMSprop(out[0][:n], in[0], out[1][:n], out[2][:n], 0.001, 0.9, 0.1, 1e-7, 0.5)
		}
	}},
	{"Adam", 1, 3, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		for range 3 {
			e.Adam(out[0][:n], in[0], out[1][:n], out[2][:n], 0.0031, 0.1, 0.001, 1e-7)
		}
	}},
	// The optimizers again, on state near the subnormal range with zero
	// gradients where in[0] is not positive, so that some state values
	// decay below 2⁻¹²⁶ and are flushed (kernel.Flush).
	{"Momentum decaying", 1, 2, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		g := decaying(in[0], out[1:], n)
		for range 3 {
			e.Momentum(out[0][:n], g, out[1][:n], 1e-40, 0.5, false)
		}
	}},
	{"RMSprop decaying", 1, 3, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		g := decaying(in[0], out[1:], n)
		for range 3 {
			e.RMSprop(out[0][:n], g, out[1][:n], out[2][:n], 1e-40, 0.5, 1e-20, 1e-7, 0.5)
		}
	}},
	{"Adam decaying", 1, 3, false, func(e kernel.Elementwise, in, out [][]float32, n int) {
		g := decaying(in[0], out[1:], n)
		for range 3 {
			e.Adam(out[0][:n], g, out[1][:n], out[2][:n], 0.0031, 0.5, 0.5, 1e-7)
		}
	}},
}

// tiny are optimizer state values at the edge of the subnormal range: the
// smallest normal float32 and small multiples of it, subnormals, zeros.
var tiny = []float32{0x1p-126, -0x1p-126, 0x1.8p-125, -0x1p-124, 0x1p-130, -0x1p-149,
	0x1p-149, 0, float32(math.Copysign(0, -1)), 0x1p-120}

// decaying fills the optimizer state with the tiny values and returns
// gradients that are zero where g is not positive and 1e-25·g elsewhere.
func decaying(g []float32, state [][]float32, n int) []float32 {
	for _, s := range state {
		for i := range s[:n] {
			s[i] = tiny[i%len(tiny)]
		}
	}
	out := make([]float32, n)
	for i, v := range g[:n] {
		if v > 0 {
			out[i] = 1e-25 * v
		}
	}
	return out
}

// run applies c to fresh outputs: output o starts as values seeded by o
// (the parameters, the optimizer state), plus a guard value at index n.
func run(f func(kernel.Elementwise, [][]float32, [][]float32, int), e kernel.Elementwise,
	in [][]float32, n, outputs int) [][]float32 {
	out := make([][]float32, outputs)
	for o := range out {
		out[o] = append(Floats(uint64(7000+o), n), 42)
		if o > 0 { // optimizer state starts at zero, as in package optim
			clear(out[o][:n])
		}
	}
	f(e, in, out, n)
	return out
}

// sameBits reports whether a and b hold the same float32 bits, any NaN
// matching any NaN, and the first index where they differ.
func sameBits(a, b []float32) (int, bool) {
	for i := range a {
		x, y := a[i], b[i]
		if x != x && y != y {
			continue
		}
		if math.Float32bits(x) != math.Float32bits(y) {
			return i, false
		}
	}
	return 0, true
}
