// Package kerneltest holds the checks that every implementation of
// [netfit/core/kernel.Kernels] and [netfit/core/kernel.Elementwise] must
// pass: the pure-Go reference in package kernel and the browser's SIMD
// kernels in wasm/simd run the same functions. See [Products], [Shapes] and
// [Elementwise].
package kerneltest
