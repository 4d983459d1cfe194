// load.mjs loads TensorFlow.js Layers models that netfit exported
// (core/export) with tf.loadLayersModel and prints their predictions, so
// the Go tests can check the export against netfit's own predictions.
//
// Usage (after `npm ci` in this folder):
//
//   node load.mjs < cases.json
//
// The input is a JSON array of cases (one node start-up for all):
//
//   [{"name": "tanh",                       // echoed back
//     "model": "/tmp/x/tanh/model.json",     // the exported model.json
//     "x": [x0, x1, ...]}, ...]              // inputs, one per sample
//
// Output (stdout, one JSON line): [{"name": ..., "y": [y0, y1, ...]}, ...]
// or, for a case whose model fails to load, {"name": ..., "error": "..."}.
//
// The model is read through a small IOHandler that does what the browser's
// HTTP loader does: it reads model.json, then each path of its
// weightsManifest relative to model.json's folder, and concatenates them.
// The cpu backend (float32, pure JS) is used.
import fs from 'node:fs';
import path from 'node:path';

// TF.js greets node users on console.log; keep stdout for our JSON only.
console.log = console.error;
const tf = await import('@tensorflow/tfjs');

// fileHandler is a tf.io.IOHandler that loads model.json and its weights
// files from disk.
function fileHandler(modelPath) {
  return {
    async load() {
      const json = JSON.parse(fs.readFileSync(modelPath, 'utf8'));
      const dir = path.dirname(modelPath);
      const specs = [];
      const buffers = [];
      for (const group of json.weightsManifest) {
        specs.push(...group.weights);
        for (const p of group.paths) buffers.push(fs.readFileSync(path.join(dir, p)));
      }
      const all = Buffer.concat(buffers);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs: specs,
        weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
      };
    },
  };
}

async function runCase(c) {
  try {
    const model = await tf.loadLayersModel(fileHandler(c.model));
    const x = tf.tensor2d(c.x, [c.x.length, 1]);
    const y = model.predict(x);
    const out = Array.from(await y.data());
    tf.dispose([x, y]);
    model.dispose();
    return { name: c.name, y: out };
  } catch (e) {
    return { name: c.name, error: String(e && e.message ? e.message : e) };
  }
}

async function main() {
  if (!(await tf.setBackend('cpu'))) throw new Error('load.mjs: cpu backend failed to initialise');
  await tf.ready();
  const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
  const out = [];
  for (const c of cases) out.push(await runCase(c));
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
