//go:build !js

package main

import (
	"math"
	"testing"
	"time"

	"netfit/core/view"
)

// TestBrowserChartsFinal trains short runs, which end within a few of the
// page's chart redraws, and checks that the loss, parity and residual charts
// show the final state once the page is idle (and after a Step): every line vertex and point
// lies where the final epochs and the final model's predictions put it, and
// nothing else is drawn in colour. The charts took turns and skipped one,
// so after a fast run the parity chart kept an early model's predictions and
// the loss chart could still say "No epochs yet".
func TestBrowserChartsFinal(t *testing.T) {
	for _, tc := range []struct {
		name, fragment, run string // run: netfit.train or netfit.step
		epochs              int
	}{
		{"step", "", "step", 1},
		{"recommended-poly", "preset=recommended-poly", "train", 100},
		{"five-epochs-sincos", "epochs=5&feat=sin1", "train", 5},
		{"x2-tanh", "data=formula&f=x^2&epochs=20&scale=xy&act=tanh&layers=32,32", "train", 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := NewTab(t)
			tab.Open(tc.fragment)
			tab.WaitReady()
			m := Eval[map[string]any](tab, `(async () => {
				window.lossSeen = []; window.valLossSeen = [];
				netfit.on("epoch", (e) => { lossSeen.push(e.loss); valLossSeen.push(e.valLoss); });
				return await netfit.`+tc.run+`();
			})()`)
			if got := m["epoch"]; got != float64(tc.epochs) {
				t.Fatalf("training stopped at epoch %v, want %d", got, tc.epochs)
			}
			waitIdle(tab)
			checkLossChart(t, tab, tc.epochs)
			checkPredictionCharts(t, tab)
			tab.CheckConsole()
		})
	}
}

// waitIdle waits until the page has not redrawn for 0.5 s.
func waitIdle(tab *Tab) {
	tab.T.Helper()
	last, since := -1.0, time.Now()
	for start := time.Now(); time.Since(start) < 10*time.Second; time.Sleep(50 * time.Millisecond) {
		f := Eval[float64](tab, `netfit.frames`)
		if f != last {
			last, since = f, time.Now()
		} else if time.Since(since) > 500*time.Millisecond {
			return
		}
	}
	tab.T.Fatalf("the page kept redrawing for 10 s after training stopped")
}

// chartInk is a chart canvas's size and its coloured pixels (the training
// and validation colours; the axes, grid, text and dashed lines are grey),
// in CSS pixels from the canvas's top left.
type chartInk struct {
	W, H float64
	Ink  [][2]float64
}

// readInk reads the coloured pixels of the canvas with the given id.
func readInk(tab *Tab, id string) chartInk {
	tab.T.Helper()
	return Eval[chartInk](tab, `(() => {
		const c = document.getElementById(`+jsString(id)+`), r = c.getBoundingClientRect();
		const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		const sx = c.width / r.width, sy = c.height / r.height, ink = [];
		for (let y = 0; y < c.height; y++) {
			for (let x = 0; x < c.width; x++) {
				const i = 4 * (y * c.width + x);
				const hi = Math.max(d[i], d[i+1], d[i+2]), lo = Math.min(d[i], d[i+1], d[i+2]);
				if (d[i+3] >= 100 && hi - lo > 60) ink.push([(x + 0.5) / sx, (y + 0.5) / sy]);
			}
		}
		return {W: r.width, H: r.height, Ink: ink};
	})()`)
}

// pixel maps a value pair to CSS pixels as plot.begin, px and py do in
// wasm/canvas.go: the plot area runs from 54 px to the width − 10 px across
// and from 8 px to the height − 30 px down.
func (c chartInk) pixel(xs, ys view.Span, x, y float64) (float64, float64) {
	left, right, top, bottom := 54.0, c.W-10, 8.0, c.H-30
	return left + xs.Frac(x)*(right-left), bottom - ys.Frac(y)*(bottom-top)
}

// near reports whether some ink lies within r pixels of (x, y).
func (c chartInk) near(x, y, r float64) bool {
	for _, p := range c.Ink {
		if math.Hypot(p[0]-x, p[1]-y) <= r {
			return true
		}
	}
	return false
}

// checkLossChart checks that the loss chart draws one vertex per epoch, at
// the log10 of the loss each epoch event reported.
func checkLossChart(t *testing.T, tab *Tab, epochs int) {
	t.Helper()
	loss := Eval[[]float64](tab, `lossSeen`)
	valLoss := Eval[[]float64](tab, `valLossSeen`)
	if len(loss) != epochs || len(valLoss) != epochs {
		t.Fatalf("%d epoch events with the loss and %d with the validation loss, want %d",
			len(loss), len(valLoss), epochs)
	}
	c := readInk(tab, "loss-chart")
	if len(c.Ink) == 0 {
		t.Fatalf("the loss chart draws no line after %d epochs", epochs)
	}
	// The spans of drawLoss in wasm/charts.go.
	logLoss, logVal := view.Log10(loss), view.Log10(valLoss)
	ys := view.SpanOf(logLoss, nil).Union(view.SpanOf(logVal, nil)).Pad(0.05)
	xs := view.Span{Lo: 1, Hi: math.Max(float64(epochs), 2), OK: true}
	missing := 0
	for e := range epochs {
		for _, v := range []float64{logLoss[e], logVal[e]} {
			if x, y := c.pixel(xs, ys, float64(e+1), v); !c.near(x, y, 2.5) {
				missing++
				if missing <= 3 {
					t.Errorf("loss chart: no line at epoch %d, log10 loss %.3g (pixel %.0f, %.0f)",
						e+1, v, x, y)
				}
			}
		}
	}
	if missing > 0 {
		t.Errorf("loss chart: %d of %d epoch vertices missing; it does not show the %d epochs",
			missing, 2*epochs, epochs)
	}
}

// checkPredictionCharts checks that the parity and residual charts show the
// final model's predictions (netfit.predict) at the rows the page draws:
// a point at each, and no coloured pixel away from them.
func checkPredictionCharts(t *testing.T, tab *Tab) {
	t.Helper()
	type dataSet struct{ X, Y []float64 }
	d := Eval[dataSet](tab, `netfit.data()`)
	pred := Eval[[]float64](tab, `netfit.predict(netfit.data().x).then((r) => r.y)`)
	weights := Eval[int](tab, `netfit.metrics().weights`)
	regionView := Eval[[]float64](tab, `netfit.view().view`)

	// The rows with a prediction, as the worker picks them (addPredictions
	// in wasm/snapshot.go).
	_, rowsN := view.Split(view.Points(weights))
	rows := view.Subsample(len(d.X), rowsN)
	x, y, p := view.Pick(d.X, rows), view.Pick(d.Y, rows), view.Pick(pred, rows)
	r := view.Residuals(p, y)

	// The spans of drawParity and drawResidual in wasm/charts.go.
	parity := view.SpanOf(d.Y, nil).Union(view.SpanOf(p, nil)).Pad(0.06)
	rs := view.SpanOf(r, nil)
	m := math.Max(math.Abs(rs.Lo), math.Abs(rs.Hi))
	resid := view.Span{Lo: -m, Hi: m, OK: true}.Pad(0.06)
	xs := view.Span{Lo: regionView[0], Hi: regionView[1], OK: true}

	checkPoints(t, readInk(tab, "parity-chart"), "parity", parity, parity, y, p)
	checkPoints(t, readInk(tab, "residual-chart"), "residual", xs, resid, x, r)
}

// checkPoints checks that chart c draws a point at each (x[i], y[i]) and
// that each of its coloured pixels belongs to one.
func checkPoints(t *testing.T, c chartInk, name string, xs, ys view.Span, x, y []float64) {
	t.Helper()
	var want [][2]float64
	for i := range x {
		px, py := c.pixel(xs, ys, x[i], y[i])
		want = append(want, [2]float64{px, py})
	}
	missing := 0
	for i, w := range want {
		if !c.near(w[0], w[1], 2.5) {
			missing++
			if missing <= 3 {
				t.Errorf("%s chart: no point at (%.4g, %.4g), pixel (%.0f, %.0f)",
					name, x[i], y[i], w[0], w[1])
			}
		}
	}
	stray := 0
	for _, ink := range c.Ink {
		near := false
		for _, w := range want {
			if math.Hypot(ink[0]-w[0], ink[1]-w[1]) <= 4.5 {
				near = true
				break
			}
		}
		if !near {
			stray++
		}
	}
	if missing > 0 || stray > 0 {
		t.Errorf("%s chart: %d of %d points missing, %d of %d coloured pixels away from the "+
			"final predictions; it does not show the final model", name, missing, len(want),
			stray, len(c.Ink))
	}
}
