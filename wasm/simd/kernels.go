//go:build js && wasm

package simd

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"syscall/js"
	"unsafe"

	"netfit/core/kernel"
)

// Global is the name of the JavaScript global where the loader puts the
// exports of the SIMD module's instance, and GlobalError the one where it
// puts the reason when it could not load the module.
const (
	Global      = "netfitSIMD"
	GlobalError = "netfitSIMDError"
)

// ErrMissing is returned by [Load] when the loader provided no module.
var ErrMissing = errors.New("simd: no SIMD module (globalThis." + Global + " is not set)")

// Kernels implements [kernel.Kernels] and [kernel.Elementwise] by calling
// the exports of simd.wat on the Go program's own memory: every slice is
// passed as the byte offset of its first value. Go's collector does not
// move objects, and each method keeps its slices alive until the call
// returns, so the offsets stay valid.
//
// The methods check every length before the call (the module itself does
// not), so a misuse panics in Go with a message starting with "simd:"
// instead of overwriting memory. A Kernels is safe for use from several
// goroutines: arguments travel by value and WebAssembly runs one call at a
// time.
type Kernels struct {
	gemm, gemmBT, biasAdd, columnSums                js.Value
	relu, reluBackprop, leakyReLU, leakyReLUBackprop js.Value
	addScaled, sgd, momentum, rmsprop, adam          js.Value

	// scratch is where gemm packs its operands (see packSize); it grows
	// to the largest product seen and is reused.
	scratch []float32
}

var (
	_ kernel.Kernels     = (*Kernels)(nil)
	_ kernel.Elementwise = (*Kernels)(nil)
)

// Load returns the kernels of the module instance in globalThis.netfitSIMD.
// It returns an error wrapping [ErrMissing] when there is none (with the
// loader's reason from globalThis.netfitSIMDError, if any), or an error
// when an export is missing or a test product comes out wrong, for example
// because the module was given another memory than Go's.
func Load() (*Kernels, error) {
	exports := js.Global().Get(Global)
	if exports.IsUndefined() || exports.IsNull() {
		if why := js.Global().Get(GlobalError); why.Type() == js.TypeString {
			return nil, fmt.Errorf("%w: %s", ErrMissing, why.String())
		}
		return nil, ErrMissing
	}
	k := &Kernels{}
	fns := []struct {
		name string
		v    *js.Value
	}{
		{"gemm", &k.gemm}, {"gemm_bt", &k.gemmBT}, {"bias_add", &k.biasAdd},
		{"column_sums", &k.columnSums}, {"relu", &k.relu}, {"relu_backprop", &k.reluBackprop},
		{"leaky_relu", &k.leakyReLU}, {"leaky_relu_backprop", &k.leakyReLUBackprop},
		{"add_scaled", &k.addScaled}, {"sgd", &k.sgd}, {"momentum", &k.momentum},
		{"rmsprop", &k.rmsprop}, {"adam", &k.adam},
	}
	for _, f := range fns {
		*f.v = exports.Get(f.name)
		if f.v.Type() != js.TypeFunction {
			return nil, fmt.Errorf("simd: the module has no function %q", f.name)
		}
	}
	if err := k.selfTest(); err != nil {
		return nil, err
	}
	return k, nil
}

// selfTest multiplies two 2×2 matrices and checks the result, which fails
// when the module works on another memory than Go's.
func (k *Kernels) selfTest() error {
	a := []float32{1, 2, 3, 4}
	b := []float32{5, 6, 7, 8}
	c := make([]float32, 4)
	k.MatMul(c, a, b, 2, 2, 2, false)
	if want := []float32{19, 22, 43, 50}; [4]float32(c) != [4]float32(want) {
		return fmt.Errorf("simd: test product gave %v, want %v (is env.memory Go's memory?)",
			c, want)
	}
	return nil
}

// Install loads the SIMD kernels and installs them with [kernel.Use]. When
// they cannot be loaded it leaves the kernels as they are and returns a
// short note for the user that says why, such as "SIMD kernels unavailable:
// no SIMD module loaded"; otherwise it returns "".
func Install() (note string) {
	k, err := Load()
	if err == nil {
		kernel.Use(k)
		return ""
	}
	why := js.Global().Get(GlobalError)
	switch {
	case errors.Is(err, ErrMissing) && why.Type() == js.TypeString:
		return "SIMD kernels unavailable: " + why.String()
	case errors.Is(err, ErrMissing):
		return "SIMD kernels unavailable: no SIMD module loaded"
	}
	return "SIMD kernels unavailable: " + strings.TrimPrefix(err.Error(), "simd: ")
}

// Name returns "simd128".
func (*Kernels) Name() string { return "simd128" }

// addr returns the byte offset of the first value of s in the WebAssembly
// memory. Addresses fit in 32 bits on GOARCH=wasm.
func addr(s []float32) int { return int(uintptr(unsafe.Pointer(unsafe.SliceData(s)))) }

func flag(b bool) int {
	if b {
		return 1
	}
	return 0
}

// checkShape panics unless the sizes are non-negative and each slice holds
// its matrix.
func checkShape(op string, c, a, b []float32, m, k, n int) {
	if m < 0 || k < 0 || n < 0 {
		panic(fmt.Sprintf("simd: %s: negative size m×k×n=%d×%d×%d", op, m, k, n))
	}
	if len(a) < m*k || len(b) < k*n || len(c) < m*n {
		panic(fmt.Sprintf("simd: %s: slices of length a=%d b=%d c=%d, want at least %d, %d, %d for m×k×n=%d×%d×%d",
			op, len(a), len(b), len(c), m*k, k*n, m*n, m, k, n))
	}
}

// trivial handles the products with nothing to multiply: it reports true
// when m, n or k is 0, after setting C to zero when k is 0 and acc is false.
func trivial(c []float32, m, k, n int, acc bool) bool {
	if m == 0 || n == 0 {
		return true
	}
	if k == 0 {
		if !acc {
			clear(c[:m*n])
		}
		return true
	}
	return false
}

// packStrip is the part of the scratch that holds one packed 8-column
// strip of B: 256 rows (gemm's block of the shared dimension) × 8 floats.
const packStrip = 256 * 8

// packSize returns the scratch that gemm needs, in floats: one strip of B
// and, for Aᵀ·B (at), the full 4-column panels of A over one block of at
// most 256 steps of the shared dimension.
func packSize(m, k int, at bool) int {
	if !at {
		return packStrip
	}
	return packStrip + m&^3*min(k, 256)
}

// scratchFor returns the byte offset of a scratch of at least n floats.
func (k *Kernels) scratchFor(n int) int {
	if len(k.scratch) < n {
		k.scratch = make([]float32, n)
	}
	return addr(k.scratch)
}

// MatMul computes C (+)= A·B; see [kernel.Kernels].
func (k *Kernels) MatMul(c, a, b []float32, m, kk, n int, acc bool) {
	checkShape("MatMul", c, a, b, m, kk, n)
	if trivial(c, m, kk, n, acc) {
		return
	}
	w := k.scratchFor(packSize(m, kk, false))
	k.gemm.Invoke(addr(c), addr(a), addr(b), m, kk, n, kk, 1, flag(acc), w)
	runtime.KeepAlive(c)
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
}

// MatMulAT computes C (+)= Aᵀ·B; see [kernel.Kernels].
func (k *Kernels) MatMulAT(c, a, b []float32, m, kk, n int, acc bool) {
	checkShape("MatMulAT", c, a, b, m, kk, n)
	if trivial(c, m, kk, n, acc) {
		return
	}
	w := k.scratchFor(packSize(m, kk, true))
	k.gemm.Invoke(addr(c), addr(a), addr(b), m, kk, n, 1, m, flag(acc), w)
	runtime.KeepAlive(c)
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
}

// MatMulBT computes C (+)= A·Bᵀ; see [kernel.Kernels].
func (k *Kernels) MatMulBT(c, a, b []float32, m, kk, n int, acc bool) {
	checkShape("MatMulBT", c, a, b, m, kk, n)
	if trivial(c, m, kk, n, acc) {
		return
	}
	k.gemmBT.Invoke(addr(c), addr(a), addr(b), m, kk, n, flag(acc))
	runtime.KeepAlive(c)
	runtime.KeepAlive(a)
	runtime.KeepAlive(b)
}
