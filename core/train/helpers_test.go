package train

import (
	"math"
	"testing"
	"time"

	"netfit/core/data"
	"netfit/core/nn"
)

// presetSet draws a preset's default sample with the given seed.
func presetSet(t testing.TB, name string, seed uint64) data.Set {
	t.Helper()
	p, ok := data.LookupPreset(name)
	if !ok {
		t.Fatalf("no preset %q", name)
	}
	return p.Generate(data.NewRand(seed))
}

// sineSet draws n samples of the blog's sine, 10·sin x + x, σ 3 on [−15, 15].
func sineSet(n int, seed uint64) data.Set {
	f := func(x float64) float64 { return 10*math.Sin(x) + x }
	return data.Generate(f, n, 3, -15, 15, data.NewRand(seed))
}

// dense returns hidden layers of the given widths, all with activation a.
func dense(a nn.Activation, widths ...int) []nn.Layer {
	ls := make([]nn.Layer, len(widths))
	for i, w := range widths {
		ls[i] = nn.Layer{Units: w, Activation: a}
	}
	return ls
}

// mustNew builds a Trainer or fails the test.
func mustNew(t testing.TB, c Config, set data.Set) *Trainer {
	t.Helper()
	tr, err := New(c, set)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return tr
}

// run trains to the end and returns the last epoch's figures.
func run(t testing.TB, tr *Trainer) EpochStats {
	t.Helper()
	if _, err := tr.Advance(0, time.Time{}); err != nil {
		t.Fatalf("Advance: %v", err)
	}
	h := tr.History()
	if len(h) == 0 {
		t.Fatal("no epochs in history")
	}
	return h[len(h)-1]
}

// allFinite reports whether every value is finite.
func allFinite(v []float32) bool {
	for _, x := range v {
		if math.IsNaN(float64(x)) || math.IsInf(float64(x), 0) {
			return false
		}
	}
	return true
}
