//go:build js && wasm

package simd

import (
	"fmt"
	"runtime"
)

// The elementwise steps of [kernel.Elementwise]. Each checks the lengths,
// skips empty work (an empty slice has no address to pass) and makes one
// call into the module.

// checkLen panics unless each slice in s holds at least n values.
func checkLen(op string, n int, s ...[]float32) {
	for _, v := range s {
		if len(v) < n {
			panic(fmt.Sprintf("simd: %s: slice of length %d, want at least %d", op, len(v), n))
		}
	}
}

// AddBias adds b to each of the rows of z.
func (k *Kernels) AddBias(z, b []float32, rows int) {
	cols := len(b)
	checkLen("AddBias", rows*cols, z)
	if rows <= 0 || cols == 0 {
		return
	}
	k.biasAdd.Invoke(addr(z), addr(b), rows, cols)
	runtime.KeepAlive(z)
	runtime.KeepAlive(b)
}

// ColumnSums sets db[j] to the sum of column j of dz (rows×len(db)).
func (k *Kernels) ColumnSums(db, dz []float32, rows int) {
	cols := len(db)
	checkLen("ColumnSums", rows*cols, dz)
	if cols == 0 {
		return
	}
	if rows <= 0 {
		clear(db)
		return
	}
	k.columnSums.Invoke(addr(db), addr(dz), rows, cols)
	runtime.KeepAlive(db)
	runtime.KeepAlive(dz)
}

// ReLU sets y = max(z, 0).
func (k *Kernels) ReLU(y, z []float32) {
	checkLen("ReLU", len(z), y)
	if len(z) == 0 {
		return
	}
	k.relu.Invoke(addr(y), addr(z), len(z))
	runtime.KeepAlive(y)
	runtime.KeepAlive(z)
}

// ReLUBackprop sets dz = dy where z > 0, else 0.
func (k *Kernels) ReLUBackprop(dz, dy, z []float32) {
	checkLen("ReLUBackprop", len(z), dz, dy)
	if len(z) == 0 {
		return
	}
	k.reluBackprop.Invoke(addr(dz), addr(dy), addr(z), len(z))
	runtime.KeepAlive(dz)
	runtime.KeepAlive(dy)
	runtime.KeepAlive(z)
}

// LeakyReLU sets y = z where z > 0, else float32(slope·z).
func (k *Kernels) LeakyReLU(y, z []float32, slope float64) {
	checkLen("LeakyReLU", len(z), y)
	if len(z) == 0 {
		return
	}
	k.leakyReLU.Invoke(addr(y), addr(z), len(z), slope)
	runtime.KeepAlive(y)
	runtime.KeepAlive(z)
}

// LeakyReLUBackprop sets dz = dy where z > 0, else slope·dy.
func (k *Kernels) LeakyReLUBackprop(dz, dy, z []float32, slope float32) {
	checkLen("LeakyReLUBackprop", len(z), dz, dy)
	if len(z) == 0 {
		return
	}
	k.leakyReLUBackprop.Invoke(addr(dz), addr(dy), addr(z), len(z), slope)
	runtime.KeepAlive(dz)
	runtime.KeepAlive(dy)
	runtime.KeepAlive(z)
}

// AddScaled sets y += alpha·x.
func (k *Kernels) AddScaled(y, x []float32, alpha float32) {
	checkLen("AddScaled", len(x), y)
	if len(x) == 0 {
		return
	}
	k.addScaled.Invoke(addr(y), addr(x), len(x), alpha)
	runtime.KeepAlive(y)
	runtime.KeepAlive(x)
}

// SGD sets p −= g·lr.
func (k *Kernels) SGD(p, g []float32, lr float32) {
	checkLen("SGD", len(p), g)
	if len(p) == 0 {
		return
	}
	k.sgd.Invoke(addr(p), addr(g), len(p), lr)
	runtime.KeepAlive(p)
	runtime.KeepAlive(g)
}

// Momentum applies one step of SGD with momentum.
func (k *Kernels) Momentum(p, g, v []float32, lr, mu float32, nesterov bool) {
	checkLen("Momentum", len(p), g, v)
	if len(p) == 0 {
		return
	}
	k.momentum.Invoke(addr(p), addr(g), addr(v), len(p), lr, mu, flag(nesterov))
	runtime.KeepAlive(p)
	runtime.KeepAlive(g)
	runtime.KeepAlive(v)
}

// RMSprop applies one RMSprop step; mom may be nil when mu is 0.
func (k *Kernels) RMSprop(p, g, v, mom []float32, lr, rho, decay, eps, mu float32) {
	checkLen("RMSprop", len(p), g, v)
	momAddr := 0 // not touched by the module when mu is 0
	if mu != 0 {
		checkLen("RMSprop", len(p), mom)
		momAddr = addr(mom)
	}
	if len(p) == 0 {
		return
	}
	k.rmsprop.Invoke(addr(p), addr(g), addr(v), momAddr, len(p), lr, rho, decay, eps, mu)
	runtime.KeepAlive(p)
	runtime.KeepAlive(g)
	runtime.KeepAlive(v)
	runtime.KeepAlive(mom)
}

// Adam applies one Adam step.
func (k *Kernels) Adam(p, g, m, v []float32, alpha, decay1, decay2, eps float32) {
	checkLen("Adam", len(p), g, m, v)
	if len(p) == 0 {
		return
	}
	k.adam.Invoke(addr(p), addr(g), addr(m), addr(v), len(p), alpha, decay1, decay2, eps)
	runtime.KeepAlive(p)
	runtime.KeepAlive(g)
	runtime.KeepAlive(m)
	runtime.KeepAlive(v)
}
