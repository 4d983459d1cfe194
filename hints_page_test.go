//go:build !js

package main

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"netfit/core/view"
)

// TestBrowserHugeTargets trains y = exp(x*100) on [−15, 15] (values up to
// 1.7e308) with y standardized: the hints explain that y spans too many
// orders of magnitude and suggest log(y), the Data panel does not claim that
// y must be scaled (it is), and the charts draw (their axes need finite
// padded spans; before, the data chart's span overflowed to +Inf).
func TestBrowserHugeTargets(t *testing.T) {
	tab := NewTab(t)
	tab.Open("data=formula&f=exp(x*100)&epochs=100&scale=y")
	tab.WaitReady()
	if panel := Eval[string](tab, `document.body.innerText`); strings.Contains(panel, "must be scaled") {
		t.Errorf("the page says y must be scaled although Standardize y is ticked")
	}
	m := caseTrain(tab)
	if m["epoch"] != float64(100) {
		t.Fatalf("trained %v epochs, want 100", m["epoch"])
	}
	hints := caseHints(tab)
	for _, want := range []string{"orders of magnitude", "log(y)", "narrow the x range"} {
		if !strings.Contains(hints, want) {
			t.Errorf("hints lack %q:\n%s", want, hints)
		}
	}
	// The MSE overflows float64 (core/metrics saturates it): the tile says
	// so instead of showing 1.798e+308.
	if got := text(tab, "num-mse"); !strings.Contains(got, "values too large") {
		t.Errorf("MSE tile %q, want it to say the values are too large", got)
	}
	// And the API says null, as the README promises for a value that does
	// not exist, rather than 1.7976931348623157e+308.
	if mse, ok := m["mse"]; !ok || mse != nil {
		t.Errorf("metrics().mse = %v, want null", mse)
	}
	for _, id := range []string{"#data-chart", "#parity-chart", "#residual-chart", "#loss-chart"} {
		if ink := tab.CanvasInk(id); len(ink) == 0 || ink[0] < 1000 {
			t.Errorf("%s has ink %v, want a drawn chart", id, ink)
		}
	}
	tab.Screenshot("huge-targets")
	tab.CheckConsole()
}

// TestBrowserLineR2Rows checks the Keras polynomial setup (last 20% of
// rows for validation): the straight-line tile, metrics().lineR2 and the
// not-converged or near-line hint give one baseline, the line fitted to
// and scored on the training rows; and the relu-output problem shows
// before Train.
func TestBrowserLineR2Rows(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	Eval[any](tab, `document.getElementById('preset-keras-poly').click()`)
	tab.WaitTrue(`/relu output can only give/.test(document.querySelector('#hints').innerText)`, 10*time.Second)
	m := Eval[map[string]any](tab, `netfit.metrics()`)
	line, ok := m["lineR2"].(float64)
	if !ok {
		t.Fatalf("metrics().lineR2 = %v", m["lineR2"])
	}
	if got, want := caseText(tab, "num-line-r2"), view.Number(line, 3); got != want {
		t.Errorf("R² straight line shows %q, want %q", got, want)
	}
	if label := Eval[string](tab, `document.getElementById('num-line-r2').parentElement.innerText`); !strings.Contains(label, "train rows") {
		t.Errorf("the straight-line tile reads %q, want it to name the training rows", label)
	}
	// With all 500 rows the line scores 0.00963; with the 400 training rows 0.003574.
	if math.Abs(line-0.003574) > 5e-6 {
		t.Errorf("lineR2 = %v, want 0.003574 (the training rows)", line)
	}
	caseConfigure(t, tab, "preset=keras-poly&epochs=3&layers=8&batch=50")
	caseTrain(tab)
	hints := caseHints(tab)
	re := regexp.MustCompile(`straight line (?:through|fitted to) the (?:same )?training rows scores ([0-9.e+-]+)`)
	if sub := re.FindStringSubmatch(hints); sub != nil {
		v, _ := strconv.ParseFloat(strings.TrimSuffix(sub[1], "."), 64)
		if math.Abs(v-line) > 5e-6 {
			t.Errorf("hint's straight line %v, tile's %v:\n%s", v, line, hints)
		}
	}
	tab.CheckConsole()
}
