// bench.mjs times TensorFlow.js training of netfit's benchmark setups, so
// that `make bench` (bench_test.go, TestBenchTable) can put TF.js' speed next
// to netfit's. It is adapted from the shared reference harness tfjs_seed.mjs.
//
// Usage (after `npm ci` in this folder):
//
//   node bench.mjs --case poly --backend wasm --epochs 3 --json
//   node bench.mjs --case sine --backend cpu --epochs 2 --json
//   node bench.mjs --data sine --layers 64,64 --act tanh --out linear \
//       --init glorotUniform --batch 32 --lr 0.01 --eps 1e-7 --scale --epochs 3
//
// Cases (the Keras tutorial's setups; flags given after --case override them):
//
//   poly: n 500, x ~ U(-15, 15), y = x⁴ + x³ + x + N(0, 2);
//         1-32-256-512-512-512-64-1, relu everywhere (the output too),
//         randomNormal(0, 0.05) kernels, batch 10, Adam(0.001, ε 1e-8)
//   sine: n 1000, x ~ U(-15, 15), y = 10 sin x + x + N(0, 3);
//         1-1024-512-512-512-512-256-1, otherwise as poly but batch 200
//
// Both use MSE, validationSplit 0.2 (the last 20%, so 400 and 800 training
// rows) and per-epoch shuffling. --scale-x and --scale-y standardize x or y
// (with the mean and σ of all rows, which is close enough for timing),
// --scale both. Activations are TF.js' names, plus 'sin' (a linear dense
// layer followed by an elementwise sin layer). Learning-rate schedules are
// left out: they do not change the time an epoch takes.
//
// Figures. S is the number of training samples of the timed epochs and t
// their wall time in seconds; P the number of weights (kernels and biases).
//
//   samples/s = S / t
//   GFLOP/s   = 6 · P · S / t / 1e9
//
// 6 = 2 (multiply and add) × 3 (forward, gradient of the input, gradient of
// the weights). The first epoch carries TF.js' start-up (kernel compilation,
// buffer allocation), so with two or more epochs the figures are over the
// later ("steady") epochs only, as Go's benchmarks time warm loops; the
// whole-fit figures are in the JSON too. The validation pass at the end of
// each epoch is inside t, as it is in the page.
//
// The wasm backend runs single-threaded under node (TF.js disables wasm
// threads there) with its SIMD binary. Do not install @tensorflow/tfjs-node
// (a native binary); this measures what a browser tab gets.

// mulberry32 is a small deterministic 32-bit generator (uniform in [0, 1)).
function mulberry32(seed) {
  let s = seed >>> 0;
  return function next() {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// gaussian draws N(0, 1) by Box-Muller; 1 - u keeps the log argument in (0, 1].
function gaussian(rand) {
  const u = 1 - rand();
  const v = rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

// DATA are the two tutorial data sets.
const DATA = {
  poly: { n: 500, noise: 2, f: (x) => x ** 4 + x ** 3 + x },
  sine: { n: 1000, noise: 3, f: (x) => 10 * Math.sin(x) + x },
};

// CASES are the tutorial's setups.
const CASES = {
  poly: {
    data: 'poly', layers: [32, 256, 512, 512, 512, 64], act: 'relu', out: 'relu',
    init: 'randomNormal', batch: 10, lr: 0.001, eps: 1e-8, scaleX: false, scaleY: false,
  },
  sine: {
    data: 'sine', layers: [1024, 512, 512, 512, 512, 256], act: 'relu', out: 'relu',
    init: 'randomNormal', batch: 200, lr: 0.001, eps: 1e-8, scaleX: false, scaleY: false,
  },
};

// makeData draws n samples x ~ U(-15, 15), y = f(x) + N(0, noise).
function makeData(d, n, seed) {
  const rand = mulberry32(seed);
  const xs = new Float32Array(n);
  const ys = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = -15 + 30 * rand();
    ys[i] = d.f(xs[i]) + d.noise * gaussian(rand);
  }
  return { xs, ys };
}

// standardize rescales v in place to mean 0 and σ 1.
function standardize(v) {
  let mean = 0;
  for (const a of v) mean += a;
  mean /= v.length;
  let sq = 0;
  for (const a of v) sq += (a - mean) ** 2;
  const sd = Math.sqrt(sq / v.length) || 1;
  for (let i = 0; i < v.length; i++) v[i] = (v[i] - mean) / sd;
}

// sinLayer returns a layer that applies sin elementwise: TF.js has no 'sin'
// activation, so a sin unit is a linear dense layer followed by this one.
function sinLayer(tf) {
  class Sin extends tf.layers.Layer {
    static className = 'Sin';
    computeOutputShape(shape) { return shape; }
    call(inputs) { return tf.sin(Array.isArray(inputs) ? inputs[0] : inputs); }
  }
  return new Sin({});
}

// buildModel makes the dense network of a setup, compiled with Adam and MSE.
function buildModel(tf, s) {
  const model = tf.sequential();
  const units = [...s.layers, 1];
  units.forEach((u, i) => {
    const act = i === units.length - 1 ? s.out : s.act;
    model.add(tf.layers.dense({
      units: u,
      activation: act === 'sin' ? 'linear' : act,
      kernelInitializer: s.init,
      ...(i === 0 ? { inputShape: [1] } : {}),
    }));
    if (act === 'sin') model.add(sinLayer(tf));
  });
  model.compile({ optimizer: tf.train.adam(s.lr, 0.9, 0.999, s.eps), loss: 'meanSquaredError' });
  return model;
}

const now = () => performance.now();

// runBench trains setup s for the given epochs and returns the figures.
async function runBench(tf, s, backend, epochs, seed) {
  if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} failed to start`);
  await tf.ready();

  const { xs, ys } = makeData(DATA[s.data], s.n, seed);
  if (s.scaleX) standardize(xs);
  if (s.scaleY) standardize(ys);
  const nTrain = Math.floor(s.n * 0.8); // validationSplit takes the LAST 20%
  const xT = tf.tensor2d(xs, [s.n, 1]);
  const yT = tf.tensor2d(ys, [s.n, 1]);
  const model = buildModel(tf, s);
  const params = model.countParams();

  const epochSec = [];
  let tEpoch = 0;
  const t0 = now();
  const hist = await model.fit(xT, yT, {
    epochs,
    batchSize: s.batch,
    validationSplit: 0.2,
    shuffle: true,
    verbose: 0,
    callbacks: {
      onEpochBegin: async () => { tEpoch = now(); },
      onEpochEnd: async () => { epochSec.push((now() - tEpoch) / 1000); },
    },
  });
  const fitSec = (now() - t0) / 1000;
  tf.dispose([xT, yT]);
  model.dispose();

  // Steady figures: every epoch but the first, when there are two or more.
  const timed = epochSec.length > 1 ? epochSec.slice(1) : epochSec;
  const sec = timed.reduce((a, b) => a + b, 0);
  const samples = nTrain * timed.length;
  const round = (v, d) => +v.toFixed(d);
  return {
    data: s.data,
    backend: tf.getBackend(),
    runtime: `node ${process.version}`,
    tfjs: tf.version.tfjs,
    simd: backend === 'wasm' ? await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT') : null,
    params,
    nTrain,
    batch: s.batch,
    epochs,
    timedEpochs: timed.length,
    fitSec: round(fitSec, 3),
    epochSec: epochSec.map((v) => round(v, 4)),
    samplesPerSec: round(samples / sec, 2),
    gflops: round((6 * params * samples) / sec / 1e9, 4),
    fitSamplesPerSec: round((nTrain * epochs) / fitSec, 2),
    finalLoss: hist.history.loss.at(-1),
    finalValLoss: hist.history.val_loss.at(-1),
  };
}

// usage is printed by --help and after a bad argument.
const usage = `usage: node bench.mjs [--case poly|sine] [--backend wasm|cpu] [--epochs N]
  [--data poly|sine] [--n N] [--layers 64,64] [--act relu] [--out linear]
  [--init randomNormal|glorotUniform|...] [--batch N] [--lr F] [--eps F]
  [--scale | --scale-x | --scale-y]
  [--seed N] [--json]`;

// parseArgs reads the command line into a setup and run options.
function parseArgs(argv) {
  const o = { backend: 'wasm', epochs: 3, seed: 1, json: false };
  let s = { ...CASES.poly };
  const set = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`missing value after ${a}\n${usage}`);
      return argv[++i];
    };
    const num = () => {
      const v = Number(next());
      if (!Number.isFinite(v)) throw new Error(`${a} wants a number\n${usage}`);
      return v;
    };
    switch (a) {
      case '--case': {
        const c = next();
        if (!CASES[c]) throw new Error(`--case ${c}: want poly or sine`);
        s = { ...CASES[c] };
        break;
      }
      case '--backend': o.backend = next(); break;
      case '--epochs': o.epochs = num(); break;
      case '--seed': o.seed = num(); break;
      case '--json': o.json = true; break;
      case '--data': set.data = next(); break;
      case '--n': set.n = num(); break;
      case '--layers': set.layers = next().split(',').filter((u) => u !== '').map(Number); break;
      case '--act': set.act = next(); break;
      case '--out': set.out = next(); break;
      case '--init': set.init = next(); break;
      case '--batch': set.batch = num(); break;
      case '--lr': set.lr = num(); break;
      case '--eps': set.eps = num(); break;
      case '--scale': set.scaleX = true; set.scaleY = true; break;
      case '--scale-x': set.scaleX = true; break;
      case '--scale-y': set.scaleY = true; break;
      case '-h': case '--help': console.log(usage); process.exit(0); break;
      default: throw new Error(`unknown argument ${a}\n${usage}`);
    }
  }
  s = { ...s, ...set };
  if (!DATA[s.data]) throw new Error(`--data ${s.data}: want poly or sine`);
  s.n = s.n ?? DATA[s.data].n;
  if (!['cpu', 'wasm'].includes(o.backend)) throw new Error('--backend must be cpu or wasm');
  if (!(o.epochs >= 1)) throw new Error('--epochs must be at least 1');
  return { s, o };
}

async function main() {
  const { s, o } = parseArgs(process.argv.slice(2));
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm'); // registers the wasm backend
  const out = await runBench(tf, s, o.backend, o.epochs, o.seed);
  console.log(`TF.js ${out.tfjs} ${out.backend} (${out.runtime}${out.simd ? ', SIMD' : ''}): ` +
    `${s.data} ${[1, ...s.layers, 1].join('-')} batch ${s.batch}, ${out.params} weights, ` +
    `epochs ${out.epochSec.join(' ')} s → ${out.samplesPerSec} samples/s, ` +
    `${out.gflops} GFLOP/s over ${out.timedEpochs} epoch(s)`);
  if (o.json) console.log(JSON.stringify(out));
}

main().catch((e) => {
  console.error(e.message || e);
  process.exit(1);
});
