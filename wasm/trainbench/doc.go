//go:build js && wasm

// Package trainbench times whole training epochs of core/train in
// WebAssembly with each kernel path: the pure-Go kernels of core/kernel and
// the SIMD kernels of wasm/simd. It holds benchmarks only. core/train's own
// Epoch benchmarks cannot install the SIMD kernels (the core imports
// nothing from wasm/), so this package, which may import both, does it for
// make bench (bench_test.go at the top of the repository):
//
//	GOOS=js GOARCH=wasm go test -exec $PWD/testdata/simd/go_js_wasm_exec_simd \
//		-run '^$' -bench Epoch ./wasm/trainbench
//
// The setups are the page's presets of core/settings, so the figures match
// what the page trains.
package trainbench
