// Package kernel multiplies row-major float32 matrices for the dense layers
// of package nn.
//
// A dense layer with inputs X (batch×in), weights W (in×out) and biases b
// needs three products, one per direction of the pass:
//
//	forward:            Z  = X·W      (MatMul)
//	backward, inputs:   dX = dZ·Wᵀ    (MatMulBT)
//	backward, weights:  dW = Xᵀ·dZ    (MatMulAT)
//
// [Go] computes them in plain Go, so it runs everywhere, WebAssembly
// included. It follows the layout of GotoBLAS (Goto & van de Geijn, "Anatomy
// of high-performance matrix multiplication", ACM TOMS 34(3), 2008, §4):
// blocks of B are copied ("packed") into 4-column panels that fit in the
// cache, 4-row panels of A are packed next to them, and a 4×4 micro-kernel
// keeps its 16 partial sums in local variables while it walks the shared
// dimension. Packing turns every access into a sequential one, whatever the
// transposition, so the three products share one micro-kernel.
//
// [Elementwise] holds the other hot loops of training: the bias add, the
// ReLU and leaky ReLU activations and their derivatives, the column sums of
// the bias gradient and the optimizer updates (used by packages nn and
// optim). Go implements it too; its loops round every operation to float32
// in a fixed order, so another implementation can match it bit for bit.
//
// [Active] returns the implementation that package nn uses and
// [ActiveElementwise] its elementwise steps; [Use] installs another one,
// such as the browser's SIMD kernels (wasm/simd), which are about ten times
// faster on the products because Go emits no SIMD instructions for
// WebAssembly. Package kerneltest holds the checks every implementation
// must pass.
package kernel
