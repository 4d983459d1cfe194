// parity.mjs trains small dense networks with TensorFlow.js Layers so that
// netfit's Go core can be compared against an independent implementation
// (core/parity runs it; see core/parity/doc.go).
//
// Usage (after `npm ci` in this folder):
//
//   node parity.mjs spec.json      # or
//   node parity.mjs < spec.json
//
// The input is one spec object or a JSON array of them (one node start-up
// for all cases: importing TF.js takes a few seconds). A spec:
//
//   {
//     "name":      "adam",                       // echoed back
//     "inputs":    1,                            // features per sample
//     "layers": [                                // every dense layer, output last
//       {"units": 8, "activation": "tanh",
//        "kernel": [...],                        // inputs×units, row-major (Keras layout)
//        "bias":   [...]},                       // units
//       ...
//     ],
//     "x":       [[x0...], ...],                 // one row of `inputs` features per sample
//     "y":       [y0, y1, ...],                  // one target per sample
//     "batches": [[3, 17, ...], ...],            // sample indices of each step, in order
//     "optimizer": {"name": "sgd"|"rmsprop"|"adam", "learningRate": 0.01,
//                   "momentum": 0, "nesterov": false,          // sgd, rmsprop
//                   "rho": 0.9,                                // rmsprop
//                   "beta1": 0.9, "beta2": 0.999,              // adam
//                   "epsilon": 1e-7},                          // rmsprop, adam
//     "loss": "mse"|"mae"|"huber"                 // huber: δ = 1
//   }
//
// Output (stdout, one JSON line): an array with, per spec,
//
//   {"name": ..., "losses": [loss of each step, computed before its update],
//    "layers": [{"kernel": [...], "bias": [...]}, ...]}   // final weights
//
// Every step is one model.trainOnBatch on exactly the listed rows: no
// shuffling, no validation split. The cpu backend (pure JS, float32) is used
// so results do not depend on SIMD or native code.
//
// Optimizer forms. TF.js 4.22 and Keras 3 (which the Go side follows) write
// some updates differently; the cases here are chosen so both compute the
// same thing:
//
//   SGD with momentum μ: TF.js keeps a = μa + g and does p -= lr·a;
//   Keras keeps v = μv − lr·g and does p += v. With a constant learning
//   rate v = −lr·a, so the two agree. Nesterov: TF.js p -= lr·(g + μa),
//   Keras p += μv − lr·g: the same again.
//
//   RMSprop (not centred): both do v = ρv + (1−ρ)g²,
//   mom = μ·mom + lr·g/√(v+ε), p -= mom. Identical.
//
//   Adam: TF.js applies the paper's form (Kingma & Ba 2015, Algorithm 1)
//       p -= lr · m̂ / (√v̂ + ε),   m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ),
//   while Keras folds the bias corrections into the step size:
//       p -= lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε)
//          = lr · m̂ / (√v̂ + ε/√(1−β2ᵗ)).
//   So Keras with ε equals TF.js with ε̂ₜ = ε/√(1−β2ᵗ), which changes every
//   step (at t = 1 with β2 = 0.999, ε̂ ≈ 31.6·ε). For a weight whose gradient
//   is ~1e-5 that is not negligible, so instead of hoping ε is small enough
//   we set the TF.js optimizer's epsilon to ε̂ₜ before each step: the two
//   rules then agree exactly (up to float32 rounding). One rounding is worth
//   knowing: TF.js forms 1−β2ᵗ in float32, and 1 − float32(0.999) is off by
//   1.3e-5 relative, which moves the first steps by ~6e-6 relative; far
//   inside the tests' 1e-4.
import fs from 'node:fs';

// TF.js greets node users on console.log; keep stdout for our JSON only.
console.log = console.error;
const tf = await import('@tensorflow/tfjs');

function readSpecs() {
  const file = process.argv[2];
  const text = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8');
  const parsed = JSON.parse(text);
  return Array.isArray(parsed) ? parsed : [parsed];
}

// buildModel makes a tf.sequential of dense layers and sets the given weights.
function buildModel(spec) {
  const model = tf.sequential();
  spec.layers.forEach((l, i) => {
    model.add(tf.layers.dense({
      units: l.units,
      activation: l.activation,
      ...(i === 0 ? { inputShape: [spec.inputs] } : {}),
    }));
  });
  let fanIn = spec.inputs;
  const weights = [];
  for (const l of spec.layers) {
    check(l.kernel.length === fanIn * l.units, `kernel has ${l.kernel.length} values, want ${fanIn * l.units}`);
    check(l.bias.length === l.units, `bias has ${l.bias.length} values, want ${l.units}`);
    weights.push(tf.tensor2d(l.kernel, [fanIn, l.units]), tf.tensor1d(l.bias));
    fanIn = l.units;
  }
  model.setWeights(weights);
  tf.dispose(weights);
  return model;
}

function check(ok, msg) {
  if (!ok) throw new Error(`parity.mjs: ${msg}`);
}

function num(v, dflt) {
  return v === undefined || v === null ? dflt : v;
}

// makeOptimizer returns the TF.js optimizer and a hook run before step t
// (1-based) that adjusts it (Adam's ε, see the header).
function makeOptimizer(o) {
  const lr = o.learningRate;
  switch (o.name) {
    case 'sgd': {
      const mu = num(o.momentum, 0);
      const opt = mu > 0 || o.nesterov ? tf.train.momentum(lr, mu, !!o.nesterov) : tf.train.sgd(lr);
      return { opt, beforeStep() {} };
    }
    case 'rmsprop': {
      const opt = tf.train.rmsprop(lr, num(o.rho, 0.9), num(o.momentum, 0), num(o.epsilon, 1e-7), false);
      return { opt, beforeStep() {} };
    }
    case 'adam': {
      const b1 = num(o.beta1, 0.9);
      const b2 = num(o.beta2, 0.999);
      const eps = num(o.epsilon, 1e-7);
      const opt = tf.train.adam(lr, b1, b2, eps);
      // Keras' ε at step t is TF.js' ε / √(1−β2ᵗ) (see the header).
      return { opt, beforeStep(t) { opt.epsilon = eps / Math.sqrt(1 - b2 ** t); } };
    }
    default:
      throw new Error(`parity.mjs: unknown optimizer ${o.name}`);
  }
}

// lossFunction maps our loss names to what model.compile takes. Layers has
// MSE and MAE by name; Huber (δ = 1, mean over samples) comes from tf.losses.
function lossFunction(name) {
  switch (name) {
    case 'mse': return 'meanSquaredError';
    case 'mae': return 'meanAbsoluteError';
    case 'huber': return (yTrue, yPred) => tf.losses.huberLoss(yTrue, yPred, undefined, 1.0);
    default: throw new Error(`parity.mjs: unknown loss ${name}`);
  }
}

async function runSpec(spec) {
  const model = buildModel(spec);
  const { opt, beforeStep } = makeOptimizer(spec.optimizer);
  model.compile({ optimizer: opt, loss: lossFunction(spec.loss) });

  const losses = [];
  for (let s = 0; s < spec.batches.length; s++) {
    const idx = spec.batches[s];
    const xb = tf.tensor2d(idx.map(i => spec.x[i]), [idx.length, spec.inputs]);
    const yb = tf.tensor2d(idx.map(i => [spec.y[i]]), [idx.length, 1]);
    beforeStep(s + 1);
    losses.push(await model.trainOnBatch(xb, yb));
    tf.dispose([xb, yb]);
  }

  const w = model.getWeights();
  const layers = [];
  for (let i = 0; i < w.length; i += 2) {
    layers.push({ kernel: Array.from(w[i].dataSync()), bias: Array.from(w[i + 1].dataSync()) });
  }
  model.dispose();
  opt.dispose();
  return { name: spec.name, losses, layers };
}

async function main() {
  check(await tf.setBackend('cpu'), 'cpu backend failed to initialise');
  await tf.ready();
  const out = [];
  for (const spec of readSpecs()) out.push(await runSpec(spec));
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
