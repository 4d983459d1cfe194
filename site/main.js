// main.js starts netfit. It compiles netfit.wasm once, hands the compiled
// module to a Web Worker (worker.js), which trains, and runs the same module
// on the page, which draws and reads the controls. Messages the worker sends
// before the page's Go code listens wait in window.netfitWorkerInbox.
"use strict";

(async function start() {
  try {
    if (typeof WebAssembly !== "object") {
      throw new Error("this browser cannot run WebAssembly");
    }
    const module = await compile("netfit.wasm");

    const worker = new Worker("worker.js");
    window.netfitWorkerInbox = [];
    worker.onmessage = (e) => window.netfitWorkerInbox.push(e.data);
    worker.postMessage({ type: "module", module: module });
    window.netfitWorker = worker;

    const go = new Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    go.run(instance); // Go's main never returns; the page lives in callbacks.
  } catch (err) {
    const message = "netfit could not start: " + (err && err.message ? err.message : err);
    document.getElementById("status").textContent = message;
    window.netfit._fail(message);
  }
})();

// compile fetches and compiles a wasm file, streaming when the server sends
// the application/wasm type, from a buffer otherwise.
async function compile(url) {
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch (e) {
      // Wrong MIME type from a simple static host: fall back below.
    }
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(url + ": HTTP " + response.status);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
