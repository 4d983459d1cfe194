// api.js defines window.netfit, the small API for embedders and tests (see
// the README's "JavaScript API"). It only turns the plain functions the Go side registers (through
// netfit._bind) into promises, events and postMessage replies; the work is
// done in Go.
"use strict";

(function () {
  const listeners = Object.create(null); // event type → Set of functions
  const stopWaiters = []; // {run, resolve} of train(), step() and pause() promises
  const embedded = window.parent !== window;
  let go = null; // functions registered by the Go side
  let bindReady, failReady;

  const ready = new Promise((resolve, reject) => {
    bindReady = resolve;
    failReady = reject;
  });
  ready.catch(() => {}); // a failed start is shown in the page; avoid unhandled rejections

  // call runs a Go function once the wasm is ready.
  function call(name, ...args) {
    return ready.then(() => go[name](...args));
  }

  // pairs turns {n: 500, layers: [64, 64]} into "n=500&layers=64,64".
  function pairs(obj) {
    return Object.keys(obj)
      .map((k) => {
        const v = Array.isArray(obj[k]) ? obj[k].join(",") : String(obj[k]);
        return encodeURIComponent(k) + "=" + encodeURIComponent(v).replace(/%2C/gi, ",");
      })
      .join("&");
  }

  // untilStopped resolves with the metrics when the run with the given id
  // (the page counts train and step commands) or a later one stops. A stop
  // of an earlier run, such as the one a configure() or reset() ends, is not
  // the end of this one.
  function untilStopped(run) {
    return new Promise((resolve) => stopWaiters.push({ run: run, resolve: resolve }));
  }

  // start runs go.train or go.step, which return {run, error}, and resolves
  // when that run stops.
  function start(kind) {
    return ready.then(() => {
      const r = go[kind]();
      return r.error ? Promise.reject(new Error(r.error)) : untilStopped(r.run);
    });
  }

  const netfit = {
    ready: ready.then(() => netfit),
    frames: 0, // chart redraws so far; the page's Go code updates it
    slowestFrameMs: 0, // the longest redraw so far, in milliseconds
    slowestMessageMs: 0, // the longest handling of a worker message so far, in milliseconds

    // configure applies a fragment string (a whole configuration, as in a
    // shared link; missing keys take their defaults) or an object (only the
    // given keys change). It resolves with {fragment, problems}.
    configure(config) {
      let r;
      if (typeof config === "string") {
        r = call("configure", config.replace(/^#/, ""), false);
      } else if (config !== null && typeof config === "object" && !Array.isArray(config)) {
        r = call("configure", pairs(config), true);
      } else {
        const got = config === null ? "null" : Array.isArray(config) ? "an array" : typeof config;
        return Promise.reject(new Error("netfit.configure wants a fragment string, such as " +
          '"n=500&layers=64,64", or an object of settings, such as {lr: 0.01}; got ' + got));
      }
      return r.then((v) => (v && v.error ? Promise.reject(new Error(v.error)) : v));
    },

    // train starts or resumes training and resolves with the final metrics
    // when it ends, stops early or is paused.
    train() {
      return start("train");
    },

    // step trains one epoch and resolves with the metrics after it.
    step() {
      return start("step");
    },

    // pause stops training after the current batch; resolves with the metrics.
    pause() {
      return ready.then(() => (go.pause() ? untilStopped(go.metrics().run) : go.metrics()));
    },

    // reset draws new initial weights from the seed and clears the history.
    reset() {
      return call("reset");
    },

    // loadCSV fits the columns x and y (names; missing picks the first
    // numeric ones) of a CSV or TSV table. It resolves with {kept, dropped,
    // columns, x, y, messages, warnings}, or rejects with a sentence when
    // the table cannot be fitted (fewer than 2 rows, constant y, ...).
    loadCSV(text, columns) {
      return ready.then(() => {
        const c = columns || {};
        const r = go.loadCSV(String(text), c.x ? String(c.x) : "", c.y ? String(c.y) : "");
        return r.error ? Promise.reject(new Error(r.error)) : r;
      });
    },

    // metrics returns the latest numbers (null before ready).
    metrics() {
      return go ? go.metrics() : null;
    },

    // view returns what the data chart shows: the shaded x ranges view,
    // train, val, left and right (each [lo, hi] or null), the prediction
    // curve curveX (ascending) and curveY, and the x-range line's text
    // (null before ready).
    view() {
      if (!go) {
        return null;
      }
      const v = go.view();
      return Object.assign({}, v, { curveX: Array.from(v.curveX), curveY: Array.from(v.curveY) });
    },

    // settings returns the current configuration as a fragment string.
    settings() {
      return go ? go.settings() : null;
    },

    // data returns the data set on the page: {x: [...], y: [...], val: [...]}
    // where val[i] is true for a validation row (null before ready).
    data() {
      if (!go) {
        return null;
      }
      const d = go.data();
      return { x: Array.from(d.x), y: Array.from(d.y), val: Array.from(d.val, Boolean) };
    },

    // predict resolves with the model's predictions at xs (an array of
    // finite numbers); it rejects anything else, naming the first bad value.
    predict(xs) {
      if (!Array.isArray(xs) && !ArrayBuffer.isView(xs)) {
        return Promise.reject(new Error("netfit.predict wants an array of numbers, got " + typeof xs));
      }
      const bad = Array.prototype.findIndex.call(xs, (v) => typeof v !== "number" || !isFinite(v));
      if (bad >= 0) {
        return Promise.reject(new Error("netfit.predict: x[" + bad + "] is " + String(xs[bad]) +
          " (" + typeof xs[bad] + "); every x must be a finite number"));
      }
      return ready.then(
        () =>
          new Promise((resolve, reject) => {
            go.predict(Float64Array.from(xs), (error, ys, extrapolated) => {
              if (error) {
                reject(new Error(error));
              } else {
                resolve({ y: Array.from(ys), extrapolated: Array.from(extrapolated, Boolean) });
              }
            });
          })
      );
    },

    // on calls fn(detail) for each event of a type ("epoch", "stopped",
    // "configured"); it returns a function that removes fn.
    on(type, fn) {
      (listeners[type] = listeners[type] || new Set()).add(fn);
      return () => listeners[type].delete(fn);
    },

    // _bind, _emit and _fail are for the page's Go code only.
    _bind(impl) {
      go = impl;
      bindReady();
      if (embedded) {
        window.parent.postMessage({ netfit: "ready" }, "*");
      }
    },
    _emit(type, detail) {
      if (type === "stopped") {
        // detail.run is the run that stopped; waiters of later runs wait on.
        for (let i = stopWaiters.length - 1; i >= 0; i--) {
          if (!(stopWaiters[i].run > detail.run)) {
            stopWaiters.splice(i, 1)[0].resolve(detail);
          }
        }
      }
      (listeners[type] || []).forEach((fn) => {
        try {
          fn(detail);
        } catch (err) {
          console.error("netfit: a listener of " + type + " failed:", err);
        }
      });
      window.dispatchEvent(new CustomEvent("netfit:" + type, { detail: detail }));
      if (embedded) {
        window.parent.postMessage({ netfit: "event", type: type, value: detail }, "*");
      }
    },
    _fail(message) {
      failReady(new Error(message));
    },
  };
  window.netfit = netfit;

  // Commands from a parent page: {netfit: "train", id: 1, args: []}. The
  // reply is {netfit: "result", id, value} or {netfit: "result", id, error}.
  const commands = ["configure", "train", "step", "pause", "reset", "metrics", "view", "settings", "data", "predict", "loadCSV"];
  window.addEventListener("message", (e) => {
    const m = e.data;
    if (!embedded || e.source !== window.parent || !m || typeof m.netfit !== "string") {
      return;
    }
    const target = e.origin && e.origin !== "null" ? e.origin : "*";
    if (m.netfit === "result" || m.netfit === "event" || m.netfit === "ready") {
      return; // our own kinds of message, not commands
    }
    if (!commands.includes(m.netfit)) {
      const error = "unknown command " + JSON.stringify(m.netfit) + "; commands are " + commands.join(", ");
      e.source.postMessage({ netfit: "result", id: m.id, error: error }, target);
      return;
    }
    const args = Array.isArray(m.args) ? m.args : m.value !== undefined ? [m.value] : [];
    Promise.resolve()
      .then(() => netfit[m.netfit](...args))
      .then(
        (value) => e.source.postMessage({ netfit: "result", id: m.id, value: value }, target),
        (err) => e.source.postMessage({ netfit: "result", id: m.id, error: String(err.message || err) }, target)
      );
  });
})();
