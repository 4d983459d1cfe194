// exec_node.js is Go's lib/wasm/wasm_exec_node.js plus the SIMD module:
// after instantiating the Go binary it instantiates $NETFIT_SIMD_WASM (when
// set) with the Go instance's memory as env.memory and stores the exports
// in globalThis.netfitSIMD, before go.run, as site/main.js does. Run it
// through go_js_wasm_exec_simd.
"use strict";

if (process.argv.length < 3) {
  console.error("usage: go_js_wasm_exec_simd [wasm binary] [arguments]");
  process.exit(1);
}

globalThis.require = require;
globalThis.fs = require("fs");
globalThis.path = require("path");
globalThis.TextEncoder = require("util").TextEncoder;
globalThis.TextDecoder = require("util").TextDecoder;
globalThis.performance ??= require("performance");
globalThis.crypto ??= require("crypto");

require(process.env.NETFIT_WASM_EXEC);

async function main() {
  const go = new Go();
  go.argv = process.argv.slice(2);
  go.env = Object.assign({ TMPDIR: require("os").tmpdir() }, process.env);
  go.exit = process.exit;
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(process.argv[2]), go.importObject);

  const simd = process.env.NETFIT_SIMD_WASM;
  if (simd) {
    const mod = await WebAssembly.instantiate(fs.readFileSync(simd),
      { env: { memory: instance.exports.mem } });
    globalThis.netfitSIMD = mod.instance.exports;
  } else {
    globalThis.netfitSIMDError = "NETFIT_SIMD=off";
  }

  process.on("exit", (code) => { // Node.js exits if no event handler is pending
    if (code === 0 && !go.exited) {
      // deadlock, make Go print error and stack traces
      go._pendingEvent = { id: 0 };
      go._resume();
    }
  });
  await go.run(instance);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
