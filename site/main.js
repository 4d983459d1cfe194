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
    const [module, simd] = await Promise.all([compile("netfit.wasm"), compileSIMD()]);

    const worker = new Worker("worker.js");
    window.netfitWorkerInbox = [];
    worker.onmessage = (e) => window.netfitWorkerInbox.push(e.data);
    worker.postMessage({ type: "module", module: module, simd: simd });
    window.netfitWorker = worker;

    const go = new Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    await attachSIMD(simd, instance);
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
  const bytes = await response.arrayBuffer();
  const head = new Uint8Array(bytes, 0, Math.min(16, bytes.byteLength));
  if (String.fromCharCode(...head.subarray(0, 4)) !== "\0asm") {
    // A host that answers a missing file with an HTML page, say.
    const start = String.fromCharCode(...head).replace(/[^\x20-\x7e]/g, "?");
    throw new Error(url + " is not a WebAssembly file: it begins " + JSON.stringify(start) +
      ", perhaps an error page of the server");
  }
  return WebAssembly.compile(bytes);
}

// compileSIMD compiles simd.wasm, netfit's SIMD kernels, for the page and the
// worker. It never fails: without the file or WebAssembly SIMD it returns
// the reason, and Go keeps its pure-Go kernels. The query parameter
// ?kernels=go skips the module, to measure or compare the pure-Go path (it
// is not in the fragment, which holds the shareable settings).
async function compileSIMD() {
  if (new URLSearchParams(location.search).get("kernels") === "go") {
    return { error: "switched off by ?kernels=go" };
  }
  try {
    return { module: await compile("simd.wasm") };
  } catch (err) {
    return { error: String(err && err.message ? err.message : err) };
  }
}

