//go:build !js

// This file checks what the page says about a run while and after it
// trains: the epoch events, the status line inside a long epoch, the
// display of a run that diverged, and the kernels in the footer.
package main

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"
)

// TestBrowserEpochEvents checks that each epoch event carries its own
// epoch's metrics, in order and none skipped, when a fast run delivers
// many epochs in one update: the events of netfit.train() must match a
// run of netfit.step() calls from the same seed, one epoch per update.
func TestBrowserEpochEvents(t *testing.T) {
	tab := NewTab(t)
	tab.Open("preset=recommended-poly")
	tab.WaitReady()
	Eval[any](tab, `(window.events = [], netfit.on("epoch", m => events.push(m)), 1)`)
	Eval[map[string]any](tab, `netfit.train()`)
	trained := Eval[[]map[string]any](tab, `events`)
	for i, m := range trained {
		if m["epoch"] != float64(i+1) {
			t.Fatalf("event %d is for epoch %v, want %d (in order, none skipped)", i, m["epoch"], i+1)
		}
	}

	// The same seed, one epoch per step(): each update holds one epoch.
	const n = 6
	Eval[any](tab, `netfit.reset().then(() => (events = [], 1))`)
	Eval[any](tab, fmt.Sprintf(`(async () => { for (let i = 0; i < %d; i++) await netfit.step(); return 1 })()`, n))
	stepped := Eval[[]map[string]any](tab, `events`)
	if len(trained) < n || len(stepped) != n {
		t.Fatalf("%d events from train(), %d from %d step() calls", len(trained), len(stepped), n)
	}
	for i := range n {
		for _, k := range []string{"step", "loss", "valLoss", "r2", "valR2", "mse", "mae", "mape"} {
			got, _ := trained[i][k].(float64)
			want, ok := stepped[i][k].(float64)
			// Both runs take the same steps from the same seed; 1e-9
			// allows only for printing.
			if !ok || math.Abs(got-want) > 1e-9*max(1, math.Abs(want)) {
				t.Errorf("epoch %d: train() event %s = %v, step() gives %v", i+1, k, trained[i][k], stepped[i][k])
			}
		}
		tv := trained[i]["val"].(map[string]any)
		sv := stepped[i]["val"].(map[string]any)
		if tv["rmse"] != sv["rmse"] || tv["n"] != sv["n"] {
			t.Errorf("epoch %d: train() event val %v, step() gives %v", i+1, tv, sv)
		}
	}
	// Epoch 1 of this setup is far from the final fit (valR2 about 0.5).
	if v, _ := trained[0]["valR2"].(float64); v > 0.9 {
		t.Errorf("epoch 1 valR2 %v: the event carries a later epoch's figures", v)
	}
	tab.CheckConsole()
}

// TestBrowserDivergedDisplay checks the page after the newcomer's
// opt=sgd&lr=10 on the unscaled polynomial, which diverges in epoch 1: one
// epoch number in the status, the note and the error; tiles that show a
// dash with the reason rather than the zeros of NaN predictions; one
// learning rate advised everywhere (train.RetryRate: 0.01, SGD's usual
// rate); and a slider whose help covers the rate of 10.
func TestBrowserDivergedDisplay(t *testing.T) {
	tab := NewTab(t)
	tab.Open("lr=10&opt=sgd&scale=none&data=poly")
	tab.WaitReady()
	final := Eval[map[string]any](tab, `netfit.train()`)
	tab.WaitTrue(`document.getElementById("hints").innerText.includes("Training stopped")`, 10*time.Second)

	status := textOf(tab, "status")
	hints := Eval[string](tab, `document.getElementById("hints").innerText`)
	errText, _ := final["error"].(string)
	if !strings.HasPrefix(status, "Stopped in epoch 1 of 100") || !strings.Contains(hints, "stopped in epoch 1:") ||
		!strings.Contains(errText, "at epoch 1") {
		t.Errorf("status %q, note %q, error %q: want epoch 1 in all three", status, hints, errText)
	}
	if final["epoch"] != 0.0 || textOf(tab, "num-epoch") != "0" {
		t.Errorf("metrics().epoch %v, tile %q: want 0 epochs finished", final["epoch"], textOf(tab, "num-epoch"))
	}

	// One learning rate: the error's, the fixes' and the note's.
	if !strings.Contains(errText, "try a learning rate of 0.01 ") {
		t.Errorf("error %q, want it to suggest 0.01", errText)
	}
	patches := Eval[[]string](tab, `Array.from(document.querySelectorAll("#hints button"), b => b.dataset.patch)`)
	for _, p := range patches {
		if strings.Contains(p, "lr=") && !strings.Contains(p, "lr=0.01") {
			t.Errorf("fix %q, want lr=0.01 as the error says (fixes %q)", p, patches)
		}
	}
	if strings.Contains(hints, "10×") {
		t.Errorf("note %q also suggests a tenth of the rate", hints)
	}

	// No epoch finished: dashes with the reason, not 0 or "no validation rows".
	for _, id := range []string{"num-mse", "num-mae", "num-mape", "num-val-loss", "num-val-r2", "num-r2"} {
		if got := textOf(tab, id); got != "– (diverged in epoch 1)" {
			t.Errorf("tile %s reads %q, want – (diverged in epoch 1)", id, got)
		}
	}

	// The slider widened to show 10 at its top end; the help says so.
	slider := Eval[map[string]any](tab, `(() => { const s = document.getElementById("learning-rate");
		return {value: s.valueAsNumber, max: +s.max, help: document.getElementById("learning-rate-help").textContent,
			shown: document.getElementById("learning-rate-value").textContent} })()`)
	if slider["value"] != 1.0 || slider["max"] != 1.0 || slider["help"] != "logarithmic: 0.00001 … 10" ||
		slider["shown"] != "10" {
		t.Errorf("slider %v, want log value 1 at its max, help up to 10, 10 shown", slider)
	}
	tab.Screenshot("diverged-display")
	tab.CheckConsole()
}

// TestBrowserProgressInEpoch checks the status line during the tutorial's
// sine model on 20,000 rows (batch 200: 80 steps an epoch, each tens of
// milliseconds): before the first epoch ends it shows the steps done of
// the epoch, and it changes at least once a second, also while the worker
// is still building the network.
func TestBrowserProgressInEpoch(t *testing.T) {
	tab := NewTab(t)
	tab.Open("preset=keras-sine&n=20000")
	tab.WaitReady()
	Eval[any](tab, `(netfit.train(), 1)`)

	var texts []string
	last, lastChange := "", time.Now()
	longest := time.Duration(0)
	for start := time.Now(); time.Since(start) < 5*time.Second; time.Sleep(200 * time.Millisecond) {
		s := textOf(tab, "status")
		if s != last {
			longest = max(longest, time.Since(lastChange))
			last, lastChange = s, time.Now()
			texts = append(texts, s)
		}
		if Eval[float64](tab, `netfit.metrics().epoch`) > 0 {
			break
		}
	}
	Eval[map[string]any](tab, `netfit.pause()`)
	// The status changes every 0.1 s when it ticks; 1.2 s allows for a
	// busy machine.
	if longest > 1200*time.Millisecond {
		t.Errorf("the status stood still for %v, want a change at least once a second; texts %q", longest, texts)
	}
	inEpoch := false
	for _, s := range texts {
		var step, spe int
		if _, err := fmt.Sscanf(s, "Training… epoch 1 of 100, step %d of %d,", &step, &spe); err == nil &&
			spe == 80 && step > 0 && step < 80 && strings.HasSuffix(s, " s.") {
			inEpoch = true
		}
	}
	if !inEpoch {
		t.Errorf("status texts %q, want one like \"Training… epoch 1 of 100, step 12 of 80, 0.9 s.\"", texts)
	}
	tab.CheckConsole()
}

// TestBrowserKernelFooter checks that the footer names the kernels as soon
// as the page is ready, before any Train and before the worker may have
// answered, and that the worker, once running, names the same ones: the
// page and the worker load the same simd.wasm.
func TestBrowserKernelFooter(t *testing.T) {
	for _, tc := range []struct{ name, query, want string }{
		{"simd", "", "simd128"},
		{"go", "?kernels=go", "go (SIMD kernels unavailable: switched off by ?kernels=go)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tab := NewTab(t)
			tab.OpenPath(tc.query, "")
			tab.WaitReady()
			if got := textOf(tab, "kernel"); got != tc.want {
				t.Errorf("footer kernels at ready %q, want %q", got, tc.want)
			}
			// A configure's reply comes from the running worker.
			Eval[map[string]any](tab, `netfit.configure({n: 200})`)
			tab.WaitTrue(`netfit.metrics().weights > 0`, 10*time.Second)
			if got := textOf(tab, "kernel"); got != tc.want {
				t.Errorf("footer kernels from the worker %q, want %q", got, tc.want)
			}
			tab.CheckConsole()
		})
	}
}

// TestBrowserPausedInEpoch pauses the tutorial's sine model (80 steps an
// epoch over 20000 rows, several seconds an epoch) within its first epoch:
// the status says the epoch and the steps done of it, as the running status
// counts them, rather than "Paused at epoch 0".
func TestBrowserPausedInEpoch(t *testing.T) {
	tab := NewTab(t)
	tab.Open("preset=keras-sine&n=20000")
	tab.WaitReady()
	Eval[any](tab, `(netfit.train(), 1)`)
	tab.WaitTrue(`netfit.metrics().step > 0`, 30*time.Second)
	m := Eval[map[string]any](tab, `netfit.pause()`)
	step, epoch := int(m["step"].(float64)), int(m["epoch"].(float64))
	if epoch != 0 || step <= 0 || step >= 80 {
		t.Fatalf("paused at epoch %d, step %d; want a pause within the first epoch (80 steps)", epoch, step)
	}
	want := fmt.Sprintf("Paused in epoch 1 of 100 at step %d of 80. Press Train to go on.", step)
	if got := textOf(tab, "status"); got != want {
		t.Errorf("status %q, want %q", got, want)
	}
	tab.CheckConsole()
}

// TestBrowserPauseWhileScoring is the newcomer's big setup: 100,000 rows
// and four layers of 1024 units (3.1M weights), whose first pass over the
// 80,000 training rows, 5e11 flops, took 25 s before Pause was answered.
// The trainer now scores a chunk of rows at a time: the status says what
// it is doing, Pause answers within a chunk, and Train goes on.
func TestBrowserPauseWhileScoring(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=100000&layers=1024,1024,1024,1024")
	tab.WaitReady()
	Eval[bool](tab, `(netfit.train(), true)`)
	tab.WaitTrue(`document.getElementById("status").textContent.includes("scoring the initial weights on every training row")`, 20*time.Second)
	m := Eval[map[string]any](tab, `netfit.pause()`)
	if m["step"] != 0.0 || m["epoch"] != 0.0 || m["scoring"] != true || m["running"] != false {
		t.Errorf("pause() during the first pass = step %v epoch %v scoring %v running %v; "+
			"want paused before the first step, scoring", m["step"], m["epoch"], m["scoring"], m["running"])
	}
	tab.WaitTrue(`document.getElementById("status").textContent.startsWith("Paused before the first step, while scoring the initial weights.")`, 5*time.Second)
	Eval[bool](tab, `(netfit.train(), true)`)
	tab.WaitTrue(`document.getElementById("status").textContent.includes("scoring the initial weights")`, 5*time.Second)
	Eval[map[string]any](tab, `netfit.pause()`)
	tab.Screenshot("pause-while-scoring")
	tab.CheckConsole()
}
