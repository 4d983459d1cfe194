// worker.js runs netfit's trainer off the page's main thread, so training
// never freezes the page. The page sends the compiled netfit.wasm module
// (and simd.wasm, the SIMD kernels, which matter most here);
// the Go code sees no document, runs in worker mode and takes over
// onmessage. Messages that arrive before that wait in self.netfitInbox.
"use strict";

importScripts("wasm_exec.js");

self.netfitInbox = [];
self.onmessage = (e) => {
  if (e.data && e.data.type === "module") {
    start(e.data.module, e.data.simd);
    return;
  }
  self.netfitInbox.push(e.data);
};

async function start(module, simd) {
  try {
    const go = new Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    await attachSIMD(simd, instance);
    go.run(instance);
  } catch (err) {
    self.postMessage({ type: "fatal", message: String(err && err.message ? err.message : err) });
  }
}

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
