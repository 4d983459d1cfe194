//go:build !js

// This file checks what the page says about a run while and after it
// trains: the epoch events, the status line inside a long epoch, the
// display of a run that diverged, and the kernels in the footer.
package main

import (
	"fmt"
	"math"
	"testing"
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
