// simd.js defines attachSIMD for the page (main.js) and the training worker
// (worker.js), which both run the Go program and so both load the kernels.
"use strict";

// attachSIMD instantiates netfit's SIMD kernels (simd.wasm, see wasm/simd) on
// the Go instance's own memory, after Go is instantiated and before go.run,
// and leaves their exports in globalThis.netfitSIMD for the Go code to pick
// up. On failure (no WebAssembly SIMD, missing file) it leaves the reason in
// globalThis.netfitSIMDError and Go keeps its pure-Go kernels.
async function attachSIMD(simd, instance) {
  try {
    if (!simd || !simd.module) {
      throw new Error((simd && simd.error) || "simd.wasm not loaded");
    }
    const kernels = await WebAssembly.instantiate(simd.module,
      { env: { memory: instance.exports.mem } });
    globalThis.netfitSIMD = kernels.exports;
  } catch (err) {
    globalThis.netfitSIMDError = String(err && err.message ? err.message : err);
  }
}
