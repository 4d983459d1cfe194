//go:build !js

// This file holds the browser tests of the trainer page (issue 4). They use
// the harness of browser_test.go: NewTab, Open, WaitReady, Eval, Screenshot.
// Screenshots go under each test's temporary folder and, when NETFIT_SHOTS
// names a folder, there too.
package main

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"netfit/core/settings"
)

// noNaNText fails the test when the page's text shows NaN or Infinity
// (CASES B14: undefined values read "undefined (reason)").
func noNaNText(t *testing.T, tab *Tab) {
	t.Helper()
	text := Eval[string](tab, `document.body.innerText`)
	for _, bad := range []string{"NaN", "Infinity"} {
		if strings.Contains(text, bad) {
			t.Errorf("the page shows %q:\n%s", bad, text)
		}
	}
}

// TestBrowserDefaultTrain presses Train on the default page (sine data,
// recommended setup) and waits for a validation R² of at least 0.85 within
// 15 s (issue 4; CASES B01: a straight line explains about 0.6, the noise
// ceiling is about 0.94).
func TestBrowserDefaultTrain(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	tab.Screenshot("before-training")
	if got := Eval[string](tab, `netfit.settings()`); got != settings.Default().Fragment() {
		t.Errorf("the page opened with\n%s\nwant the defaults\n%s", got, settings.Default().Fragment())
	}

	tab.Do(chromedp.Click(chromedp.CSS("#train")))
	start := time.Now()
	tab.WaitTrue(`(() => { const m = netfit.metrics(); return m && m.valR2 >= 0.85; })()`, 15*time.Second)
	t.Logf("validation R² ≥ 0.85 after %v, epoch %v", time.Since(start).Round(100*time.Millisecond),
		Eval[float64](tab, `netfit.metrics().epoch`))
	tab.Do(chromedp.Click(chromedp.CSS("#train"))) // Pause
	tab.WaitTrue(`!netfit.metrics().running`, 5*time.Second)
	tab.Screenshot("trained")

	// The charts drew the fit: the parity and residual charts have points.
	for _, id := range []string{"#data-chart", "#parity-chart", "#residual-chart", "#loss-chart"} {
		if ink := tab.CanvasInk(id); ink[0] < 300 {
			t.Errorf("%s has %d pixels of ink, want at least 300", id, ink[0])
		}
	}
	noNaNText(t, tab)
	tab.CheckConsole()
}

// TestBrowserTutorialPresets clicks each Keras tutorial preset and checks
// that the page holds exactly its settings, in the URL and in the controls.
func TestBrowserTutorialPresets(t *testing.T) {
	tests := []struct {
		name, button string
		layers       []int
		batch        int
		epochs       int
		data         string
	}{
		{"keras-poly", "#preset-keras-poly", []int{32, 256, 512, 512, 512, 64}, 10, 50, "poly"},
		{"keras-sine", "#preset-keras-sine", []int{1024, 512, 512, 512, 512, 256}, 200, 100, "sine"},
	}
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab.T = t
			tab.Do(chromedp.Click(chromedp.CSS(tt.button)))
			want, _ := settings.LookupPreset(tt.name)
			if got := Eval[string](tab, `netfit.settings()`); got != want.Fragment() {
				t.Errorf("settings after %s:\n%s\nwant\n%s", tt.button, got, want.Fragment())
			}
			if got := Eval[string](tab, `location.hash`); got != "#"+want.Fragment() {
				t.Errorf("URL fragment %s, want #%s", got, want.Fragment())
			}

			units := Eval[[]string](tab, `[...document.querySelectorAll('#layers input')].map(e => e.value)`)
			acts := Eval[[]string](tab, `[...document.querySelectorAll('#layers select')].map(e => e.value)`)
			if fmt.Sprint(units) != strings.Trim(fmt.Sprint(tt.layers), "") || len(acts) != len(tt.layers) {
				t.Errorf("layer editor shows units %v, activations %v; want %v, all relu", units, acts, tt.layers)
			}
			for _, a := range acts {
				if a != "relu" {
					t.Errorf("layer activation %q, want relu", a)
				}
			}
			controls := map[string]string{
				"#data-preset": tt.data, "#output-activation": "relu", "#initializer": "normal",
				"#optimizer": "adam", "#loss": "mse", "#batch-size": fmt.Sprint(tt.batch),
				"#epochs": fmt.Sprint(tt.epochs), "#val-fraction": "0.2", "#split": "last",
				"#epsilon": "1e-8", "#beta1": "0.9", "#beta2": "0.999",
				"#learning-rate-value": "0.001", "#samples-value": fmt.Sprint(want.Data.N),
			}
			for sel, wantValue := range controls {
				got := Eval[string](tab, `(e => e.tagName === 'OUTPUT' ? e.textContent : e.value)(document.querySelector('`+sel+`'))`)
				if got != wantValue {
					t.Errorf("%s = %q, want %q", sel, got, wantValue)
				}
			}
			for _, sel := range []string{"#scale-x", "#scale-y"} {
				if Eval[bool](tab, `document.querySelector('`+sel+`').checked`) {
					t.Errorf("%s is checked; the tutorial does not scale", sel)
				}
			}
			tab.Screenshot(tt.name)
		})
	}
	tab.T = t
	tab.CheckConsole()
}

// TestBrowserSliderRegenerates moves the noise slider with the keyboard and
// checks that the data were drawn again: same x, new y, and the URL holds
// the new noise.
func TestBrowserSliderRegenerates(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	before := Eval[map[string][]float64](tab, `(d => ({x: d.x, y: d.y}))(netfit.data())`)

	tab.Do(chromedp.Focus(chromedp.CSS("#noise")), chromedp.KeyEvent(kb.ArrowRight))
	tab.WaitTrue(`netfit.settings().includes('noise=3.1&')`, 5*time.Second)
	after := Eval[map[string][]float64](tab, `(d => ({x: d.x, y: d.y}))(netfit.data())`)

	if len(after["x"]) != 1000 || len(before["x"]) != 1000 {
		t.Fatalf("data sizes %d → %d, want 1000", len(before["x"]), len(after["x"]))
	}
	changed := 0
	for i := range after["x"] {
		if after["x"][i] != before["x"][i] {
			t.Fatalf("x[%d] changed from %v to %v; the seed decides x", i, before["x"][i], after["x"][i])
		}
		if after["y"][i] != before["y"][i] {
			changed++
		}
	}
	if changed < 990 {
		t.Errorf("%d of 1000 targets changed with the noise, want nearly all", changed)
	}
	if got := Eval[string](tab, `document.querySelector('#noise-value').textContent`); got != "3.1" {
		t.Errorf("noise shows %q, want 3.1", got)
	}
	tab.CheckConsole()
}

// TestBrowserURLRoundTrip configures the page through the API, trains one
// epoch, reloads, and checks that the same configuration comes back from
// the URL and that the first epoch gives the same loss (same seed).
func TestBrowserURLRoundTrip(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	result := Eval[map[string]any](tab,
		`netfit.configure({n: 300, noise: 2, layers: [16, 16], act: 'relu', lr: 0.005, seed: 7, batch: 16})`)
	if p := result["problems"].([]any); len(p) != 0 {
		t.Fatalf("configure reported problems: %v", p)
	}
	frag := Eval[string](tab, `netfit.settings()`)
	loss := Eval[float64](tab, `netfit.step().then(m => m.loss)`)
	if !(loss > 0) {
		t.Fatalf("first-epoch loss %v, want a positive number", loss)
	}

	tab.Do(chromedp.Reload())
	tab.WaitReady()
	if got := Eval[string](tab, `netfit.settings()`); got != frag {
		t.Errorf("after reload the settings are\n%s\nwant\n%s", got, frag)
	}
	if got := Eval[string](tab, `document.querySelector('#samples').value`); got != "300" {
		t.Errorf("after reload the samples slider shows %s, want 300", got)
	}
	if got := Eval[string](tab, `document.querySelector('#layers input').value`); got != "16" {
		t.Errorf("after reload layer 1 has %s units, want 16", got)
	}
	again := Eval[float64](tab, `netfit.step().then(m => m.loss)`)
	if math.Abs(again-loss) > 1e-12*math.Abs(loss) {
		t.Errorf("first-epoch loss %v after reload, want %v as before", again, loss)
	}
	tab.CheckConsole()
}

// TestBrowserInvalidFragment opens a link with an unknown key and a bad
// value: the page falls back to the defaults for them and says so.
func TestBrowserInvalidFragment(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=abc&colour=blue&layers=8")
	tab.WaitReady()
	text := Eval[string](tab, `document.querySelector('#problems').innerText`)
	if !strings.Contains(text, "colour") || !strings.Contains(text, "abc") {
		t.Errorf("problems box says %q, want it to name the key colour and the value abc", text)
	}
	if got := Eval[string](tab, `document.querySelector('#layers input').value`); got != "8" {
		t.Errorf("layer 1 has %s units, want 8 from the link", got)
	}
	tab.CheckConsole()
}

// TestBrowserReLUOutputHint loads the Keras sine preset, whose ReLU output
// cannot predict the negative half of the targets (CASES B08), checks the
// page says so before training, and that the hint's button fixes it.
func TestBrowserReLUOutputHint(t *testing.T) {
	tab := NewTab(t)
	tab.Open("preset=keras-sine")
	tab.WaitReady()
	tab.WaitTrue(`/relu/i.test(document.querySelector('#hints').innerText)`, 10*time.Second)
	tab.Screenshot("relu-hint")
	text := Eval[string](tab, `document.querySelector('#hints').innerText`)
	t.Logf("hints: %s", text)

	tab.Do(chromedp.Click(chromedp.CSS(`#hints button[data-hint*="output"], #hints button`)))
	tab.WaitTrue(`document.querySelector('#output-activation').value === 'linear'`, 5*time.Second)
	tab.CheckConsole()
}

// TestBrowserResponsive trains the Keras tutorial's sine model (about 1.45
// million weights, batch 200) for a few seconds under a long-task observer:
// no task on the page's main thread may pass 50 ms, the charts must redraw
// at least 5 times a second, and Pause must answer within about a second
// (CASES B28).
func TestBrowserResponsive(t *testing.T) {
	tab := NewTab(t)
	tab.Open("preset=keras-sine")
	tab.WaitReady()
	tab.WaitTrue(`netfit.metrics().weights > 1400000`, 30*time.Second)

	// One evaluation does it all, so no DevTools call runs on the main
	// thread while the long tasks are counted.
	measure := func() map[string]any {
		return Eval[map[string]any](tab, `(async () => {
		const long = [];
		const observer = new PerformanceObserver(list => {
			for (const e of list.getEntries()) long.push(Math.round(e.duration) + " ms");
		});
		observer.observe({type: "longtask"});
		netfit.slowestFrameMs = 0;
		netfit.slowestMessageMs = 0;
		const frames = netfit.frames, start = performance.now();
		netfit.train();
		await new Promise(ok => setTimeout(ok, 6000));
		const rate = (netfit.frames - frames) / ((performance.now() - start) / 1000);
		const longTasks = long.slice();
		observer.disconnect();
		const t0 = performance.now();
		await netfit.pause();
		return {rate, longTasks, pauseMs: performance.now() - t0,
			slowestFrameMs: netfit.slowestFrameMs, slowestMessageMs: netfit.slowestMessageMs,
			metrics: netfit.metrics()};
	})()`)
	}
	// The machine is shared: another process can stall the main thread
	// once. A long task in a second window of 6 s too is the page's fault.
	var r map[string]any
	var long []any
	for try := 1; try <= 2; try++ {
		r = measure()
		long, _ = r["longTasks"].([]any)
		t.Logf("window %d: charts redrawn %.1f times a second; slowest frame %.1f ms, slowest "+
			"message %.1f ms; long tasks %v", try, r["rate"], r["slowestFrameMs"],
			r["slowestMessageMs"], long)
		if len(long) == 0 {
			break
		}
	}
	rate, pauseMs := r["rate"].(float64), r["pauseMs"].(float64)
	m, _ := r["metrics"].(map[string]any)
	tab.Screenshot("sine-model-training")

	t.Logf("charts redrawn %.1f times a second (slowest %.1f ms); pause answered in %.0f ms; "+
		"long tasks %v; step %v, %.0f samples/s",
		rate, r["slowestFrameMs"], pauseMs, long, m["step"], m["samplesPerSecond"])
	if len(long) > 0 {
		t.Errorf("the main thread had %d tasks longer than 50 ms: %v", len(long), long)
	}
	if rate < 5 {
		t.Errorf("charts redrawn %.1f times a second, want at least 5", rate)
	}
	if step, _ := m["step"].(float64); step < 1 {
		t.Errorf("no training step in 6 s (step %v)", m["step"])
	}
	// One batch of this model takes about 0.75 s on an idle two-core
	// machine; the pause comes after the batch in progress.
	if pauseMs > 2000 {
		t.Errorf("pause took %.0f ms, want about a second at most", pauseMs)
	}
	tab.CheckConsole()
}

// TestBrowserNarrow opens the page 360 px wide, as on a small phone: it
// must not scroll sideways, and every chart must be drawn.
func TestBrowserNarrow(t *testing.T) {
	tab := NewTab(t)
	tab.Do(chromedp.EmulateViewport(360, 740, chromedp.EmulateScale(2)))
	tab.Open("")
	tab.WaitReady()
	tab.Do(chromedp.Click(chromedp.CSS("#step")))
	tab.WaitTrue(`netfit.metrics().epoch >= 1`, 10*time.Second)
	tab.Screenshot("narrow-top")
	if w := Eval[float64](tab, `document.documentElement.scrollWidth`); w > 360 {
		t.Errorf("the page is %v px wide at a 360 px viewport; it scrolls sideways", w)
	}
	Eval[bool](tab, `(document.querySelector('#data-chart').scrollIntoView(), true)`)
	tab.Screenshot("narrow-charts")
	Eval[bool](tab, `(document.querySelector('#loss-chart').scrollIntoView(), true)`)
	tab.Screenshot("narrow-loss")
	tab.CheckConsole()
}

// TestBrowserEmbed drives the page inside an <iframe> through postMessage,
// as a blog post would: configure, train to the end, and the epoch events.
func TestBrowserEmbed(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	got := Eval[map[string]any](tab, `new Promise((resolve, reject) => {
		const frame = document.createElement('iframe');
		frame.src = 'index.html#embed=1&n=200&epochs=3&layers=8&batch=50';
		frame.width = 600; frame.height = 400;
		let epochs = 0, id = 0;
		const pending = {};
		const send = (cmd, ...args) => new Promise(ok => {
			pending[++id] = ok;
			frame.contentWindow.postMessage({netfit: cmd, id, args}, '*');
		});
		window.addEventListener('message', async e => {
			const m = e.data;
			if (e.source !== frame.contentWindow || !m) return;
			if (m.netfit === 'event' && m.type === 'epoch') epochs++;
			if (m.netfit === 'result') pending[m.id](m);
			if (m.netfit === 'ready') {
				const settings = await send('settings');
				const trained = await send('train');
				const predicted = await send('predict', [0, 100]);
				resolve({settings: settings.value, metrics: trained.value, epochs, predicted: predicted.value});
			}
		});
		setTimeout(() => reject(new Error('no answer from the iframe in 30 s')), 30000);
		document.body.appendChild(frame);
	})`)
	if s, _ := got["settings"].(string); !strings.Contains(s, "epochs=3") || !strings.Contains(s, "embed=1") {
		t.Errorf("iframe settings %q, want epochs=3 and embed=1", s)
	}
	metrics, _ := got["metrics"].(map[string]any)
	if metrics["epoch"] != 3.0 {
		t.Errorf("train() over postMessage resolved at epoch %v, want 3", metrics["epoch"])
	}
	if got["epochs"] != 3.0 {
		t.Errorf("%v epoch events reached the parent, want 3", got["epochs"])
	}
	pred, _ := got["predicted"].(map[string]any)
	if ex, _ := pred["extrapolated"].([]any); len(ex) != 2 || ex[0] != false || ex[1] != true {
		t.Errorf("predict([0, 100]) says extrapolated %v, want [false true] (CASES B11)", pred["extrapolated"])
	}
	tab.Screenshot("embedded")
	tab.CheckConsole()
}
