//go:build js && wasm

package main

import (
	"netfit/core/kernel"
	"netfit/wasm/simd"
)

// simdNote says why the SIMD kernels are not in use, or is "" when they
// are. simd.Install runs before main, on the page and in the worker alike:
// the loader (attachSIMD in site/simd.js, called by site/main.js and
// site/worker.js) has put the SIMD module's exports in
// globalThis.netfitSIMD before go.run, and without them the pure-Go
// kernels stay in place. kernel.Active().Name() tells which kernels run.
var simdNote = simd.Install()

// kernelLabel names the kernels in use for the page's footer: "simd128",
// or "go" followed by why the SIMD kernels are not in use.
func kernelLabel() string {
	if simdNote == "" {
		return kernel.Active().Name()
	}
	return kernel.Active().Name() + " (" + simdNote + ")"
}
