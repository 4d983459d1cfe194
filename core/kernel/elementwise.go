package kernel

import (
	"fmt"
	"math"
)

// Elementwise holds the elementwise steps of training: the bias add, the
// simple activations and their derivatives, the column sums of the bias
// gradient and the optimizer updates over the flat parameter vector. At
// small batch sizes they take a large share of a training step, so a
// [Kernels] implementation may provide faster versions by implementing
// this interface too; [ActiveElementwise] finds them.
//
// Every method works on float32 values and rounds each operation to
// float32 in the order written in its doc comment (no fused multiply-add),
// so all implementations give the same bits. A destination may be the same
// slice as a source where the doc says so; other overlaps are not allowed.
// Methods panic with a message starting with "kernel:" (or the
// implementation's package name) when a slice is shorter than the stated
// length.
type Elementwise interface {
	// AddBias adds b to each of the rows of z: z[i·len(b)+j] += b[j].
	AddBias(z, b []float32, rows int)

	// ColumnSums sets db[j] = Σ_i dz[i·len(db)+j] over rows rows, adding
	// the rows in order to a zeroed db.
	ColumnSums(db, dz []float32, rows int)

	// ReLU sets y = max(z, 0) for each of the len(z) values; y may be z.
	ReLU(y, z []float32)

	// ReLUBackprop sets dz = 0 where z ≤ 0 and dz = dy elsewhere; dz may
	// be dy.
	ReLUBackprop(dz, dy, z []float32)

	// LeakyReLU sets y = z where z > 0 and y = slope·z elsewhere, the
	// product taken in float64 and rounded to float32 once, as TensorFlow.js
	// does with its float64 alpha; y may be z.
	LeakyReLU(y, z []float32, slope float64)

	// LeakyReLUBackprop sets dz = dy where z > 0 and dz = slope·dy
	// elsewhere, in float32; dz may be dy.
	LeakyReLUBackprop(dz, dy, z []float32, slope float32)

	// AddScaled sets y += alpha·x for each of the len(x) values.
	AddScaled(y, x []float32, alpha float32)

	// SGD sets p −= g·lr for each of the len(p) values.
	SGD(p, g []float32, lr float32)

	// Momentum applies SGD with momentum μ: v = v·μ − g·lr, flushed
	// (see [Flush]), then p += v, or with nesterov p += v·μ − g·lr.
	Momentum(p, g, v []float32, lr, mu float32, nesterov bool)

	// RMSprop applies v = ρ·v + decay·(g·g), flushed, Δ = (lr·g)/√(v + ε),
	// and with μ ≠ 0 mom = μ·mom + Δ, flushed, Δ = mom; then p −= Δ. mom
	// may be nil when μ is 0.
	RMSprop(p, g, v, mom []float32, lr, rho, decay, eps, mu float32)

	// Adam applies m += (g − m)·decay1, v += (g·g − v)·decay2, both
	// flushed, and p −= m·(alpha/(√v + ε)). TensorFlow divides m·alpha by
	// √v + ε instead; the two agree within rounding, but m·alpha is
	// subnormal for the last hundred steps or so of a first moment that
	// decays to zero, which is slow (see [Flush]), and alpha/(√v + ε) is
	// not.
	Adam(p, g, m, v []float32, alpha, decay1, decay2, eps float32)
}

// activeElementwise is what [ActiveElementwise] returns; [Use] changes it.
var activeElementwise = Go.(Elementwise)

// ActiveElementwise returns the elementwise steps of the [Active] kernels
// when they implement [Elementwise], and those of [Go] otherwise.
func ActiveElementwise() Elementwise { return activeElementwise }

// checkLen panics unless each slice in s holds at least n values.
func checkLen(op string, n int, s ...[]float32) {
	for _, v := range s {
		if len(v) < n {
			panic(fmt.Sprintf("kernel: %s: slice of length %d, want at least %d", op, len(v), n))
		}
	}
}

// AddBias adds b to each row of z.
func (goKernels) AddBias(z, b []float32, rows int) {
	cols := len(b)
	checkLen("AddBias", rows*cols, z)
	for i := range rows {
		row := z[i*cols : (i+1)*cols]
		for j, v := range b {
			row[j] += v
		}
	}
}

// ColumnSums sets db to the column sums of dz.
func (goKernels) ColumnSums(db, dz []float32, rows int) {
	cols := len(db)
	checkLen("ColumnSums", rows*cols, dz)
	clear(db)
	for i := range rows {
		row := dz[i*cols : (i+1)*cols]
		for j, v := range row {
			db[j] += v
		}
	}
}

// ReLU sets y = max(z, 0).
func (goKernels) ReLU(y, z []float32) {
	checkLen("ReLU", len(z), y)
	y = y[:len(z)]
	for i, v := range z {
		y[i] = max(v, 0)
	}
}

// ReLUBackprop sets dz = dy where z > 0, else 0.
func (goKernels) ReLUBackprop(dz, dy, z []float32) {
	checkLen("ReLUBackprop", len(z), dz, dy)
	dz, dy = dz[:len(z)], dy[:len(z)]
	for i, v := range z {
		if v <= 0 {
			dz[i] = 0
		} else {
			dz[i] = dy[i]
		}
	}
}

// LeakyReLU sets y = z where z > 0, else slope·z.
func (goKernels) LeakyReLU(y, z []float32, slope float64) {
	checkLen("LeakyReLU", len(z), y)
	y = y[:len(z)]
	for i, v := range z {
		if v > 0 {
			y[i] = v
		} else {
			y[i] = float32(slope * float64(v))
		}
	}
}

// LeakyReLUBackprop sets dz = dy where z > 0, else slope·dy.
func (goKernels) LeakyReLUBackprop(dz, dy, z []float32, slope float32) {
	checkLen("LeakyReLUBackprop", len(z), dz, dy)
	dz, dy = dz[:len(z)], dy[:len(z)]
	for i, v := range z {
		if v > 0 {
			dz[i] = dy[i]
		} else {
			dz[i] = slope * dy[i]
		}
	}
}

// The loops below write float32(x·y) around each product: the Go
// specification lets a compiler fuse x·y + z into one multiply-add (arm64
// does), and the explicit conversion forbids it, so every platform rounds
// the product first, as WebAssembly does.

// AddScaled sets y += alpha·x.
func (goKernels) AddScaled(y, x []float32, alpha float32) {
	checkLen("AddScaled", len(x), y)
	y = y[:len(x)]
	for i, v := range x {
		y[i] += float32(alpha * v)
	}
}

// SGD sets p −= g·lr.
func (goKernels) SGD(p, g []float32, lr float32) {
	checkLen("SGD", len(p), g)
	g = g[:len(p)]
	for i, v := range g {
		p[i] -= float32(v * lr)
	}
}

// Momentum applies one step of SGD with momentum.
func (goKernels) Momentum(p, g, v []float32, lr, mu float32, nesterov bool) {
	checkLen("Momentum", len(p), g, v)
	g, v = g[:len(p)], v[:len(p)]
	for i, gi := range g {
		v[i] = Flush(float32(v[i]*mu) - float32(gi*lr))
		if nesterov {
			p[i] += float32(v[i]*mu) - float32(gi*lr)
		} else {
			p[i] += v[i]
		}
	}
}

// RMSprop applies one RMSprop step.
func (goKernels) RMSprop(p, g, v, mom []float32, lr, rho, decay, eps, mu float32) {
	checkLen("RMSprop", len(p), g, v)
	g, v = g[:len(p)], v[:len(p)]
	if mu != 0 {
		checkLen("RMSprop", len(p), mom)
		mom = mom[:len(p)]
	}
	for i, gi := range g {
		v[i] = Flush(float32(rho*v[i]) + float32(decay*float32(gi*gi)))
		step := float32(lr*gi) / sqrt32(v[i]+eps)
		if mu != 0 {
			mom[i] = Flush(float32(mu*mom[i]) + step)
			step = mom[i]
		}
		p[i] -= step
	}
}

// Adam applies one Adam step.
func (goKernels) Adam(p, g, m, v []float32, alpha, decay1, decay2, eps float32) {
	checkLen("Adam", len(p), g, m, v)
	g, m, v = g[:len(p)], m[:len(p)], v[:len(p)]
	for i, gi := range g {
		m[i] = Flush(m[i] + float32((gi-m[i])*decay1))
		v[i] = Flush(v[i] + float32((float32(gi*gi)-v[i])*decay2))
		p[i] -= m[i] * float32(alpha/(sqrt32(v[i])+eps))
	}
}

// Flush returns x, or +0 when x is subnormal (nonzero and smaller in
// magnitude than 2⁻¹²⁶, the smallest normal float32) or −0. The optimizers
// flush their state with it, as TensorFlow does on CPUs (it runs with the
// processor's flush-to-zero mode on), for speed: WebAssembly has no such
// mode, and a processor takes about a hundred times longer for arithmetic
// on subnormal numbers. Without it the moments of weights whose gradient
// has become zero (dead ReLU units) decay into the subnormal range and
// stay there, once the decay of a step rounds to nothing: 200,000 of the
// polynomial tutorial model's 698,305 first moments after 20 epochs, which
// made each Adam step 13 times slower.
func Flush(x float32) float32 {
	if math.Float32bits(x)&0x7f800000 == 0 {
		return 0
	}
	return x
}

// sqrt32 returns the correctly rounded float32 square root of x: the
// float64 root of a float32 rounds to the same value, because float64
// carries more than twice the bits.
func sqrt32(x float32) float32 { return float32(math.Sqrt(float64(x))) }
