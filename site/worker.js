// worker.js runs netfit's trainer off the page's main thread, so training
// never freezes the page. The page sends the compiled netfit.wasm module
// (and simd.wasm, the SIMD kernels, which matter most here);
// the Go code sees no document, runs in worker mode and takes over
// onmessage. Messages that arrive before that wait in self.netfitInbox.
"use strict";

importScripts("wasm_exec.js", "simd.js"); // simd.js: attachSIMD

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
