//go:build js && wasm

// Package simd runs netfit's kernels with WebAssembly SIMD instructions in
// the browser. Go does not emit SIMD for GOARCH=wasm, so the pure-Go
// kernels of core/kernel stop near 2–3 GFLOP/s; the module in simd.wat,
// written by hand in WebAssembly text with four float32 lanes per
// instruction, computes the three products of a dense layer about ten times
// faster, and the elementwise steps (bias add, ReLU, leaky ReLU, optimizer
// updates) several times faster.
//
// The module has no memory of its own. The page's loader (attachSIMD in
// site/simd.js, for site/main.js and site/worker.js) assembles nothing: make build turns simd.wat into
// site/simd.wasm with wat2wasm, and the loader instantiates it with the Go
// instance's memory (instance.exports.mem) as env.memory, after
// instantiating Go and before go.run, and stores its exports in
// globalThis.netfitSIMD. [Install] then wraps them as [Kernels] and
// installs them with kernel.Use. Without the module (an old browser, a
// failed fetch, a plain GOOS=js go test) it leaves the pure-Go kernels in
// place and says why.
//
// Tests run under node with testdata/simd/go_js_wasm_exec_simd as the
// -exec wrapper, which does the loader's part:
//
//	GOOS=js GOARCH=wasm go test -exec testdata/simd/go_js_wasm_exec_simd ./wasm/simd
//
// (the path must be absolute or relative to the package; make test passes
// it), and in headless Chromium through TestBrowserSIMD in simd_test.go.
package simd
