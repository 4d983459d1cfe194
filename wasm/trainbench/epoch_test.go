//go:build js && wasm

package trainbench

import (
	"testing"
	"time"

	"netfit/core/kernel"
	"netfit/core/settings"
	"netfit/core/source"
	"netfit/core/train"
	"netfit/wasm/simd"
)

// presets are the setups of make bench's table.
var presets = []string{"keras-poly", "keras-sine", "recommended-sine", "recommended-poly"}

// BenchmarkEpoch trains one epoch per iteration of each preset, first with
// the Go kernels (sub-benchmark go), then with the SIMD kernels (simd128),
// and reports samples/s and GFLOP/s:
//
//	samples/s = training rows ÷ seconds per epoch
//	GFLOP/s   = 6 × weights × samples/s ÷ 1e9
//
// An epoch includes its end: the forward pass over the training and
// validation rows that scores it. Without the SIMD module (no -exec
// wrapper) the simd128 sub-benchmarks fail, so that the table never shows
// Go's figures under the SIMD label.
func BenchmarkEpoch(b *testing.B) {
	for _, name := range presets {
		b.Run(name+"/go", func(b *testing.B) { benchEpoch(b, name, kernel.Go) })
		b.Run(name+"/simd128", func(b *testing.B) {
			k, err := simd.Load()
			if err != nil {
				b.Fatalf("SIMD kernels not loaded (go test -exec "+
					"testdata/simd/go_js_wasm_exec_simd loads them): %v", err)
			}
			benchEpoch(b, name, k)
		})
	}
}

// benchEpoch installs k, warms up and times whole epochs of a preset.
func benchEpoch(b *testing.B, preset string, k kernel.Kernels) {
	defer kernel.Use(nil)
	kernel.Use(k)
	if got := kernel.Active().Name(); got != k.Name() {
		b.Fatalf("kernel.Active() is %q after kernel.Use(%q)", got, k.Name())
	}
	tr := newTrainer(b, preset)
	steps := tr.StepsPerEpoch()
	epoch := func() {
		if _, err := tr.Advance(steps, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	warmUp(epoch)

	b.ReportAllocs()
	for b.Loop() {
		epoch()
	}
	rows, _ := tr.Rows()
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(rows)/sec, "samples/s")
	b.ReportMetric(6*float64(len(tr.Model().Params))*float64(rows)/sec/1e9, "GFLOP/s")
}

// newTrainer builds a trainer for a preset of the page that never finishes
// within the benchmark.
func newTrainer(b *testing.B, preset string) *train.Trainer {
	st, ok := settings.LookupPreset(preset)
	if !ok {
		b.Fatalf("core/settings has no preset %q", preset)
	}
	set, _, err := source.Load(st.Data, "")
	if err != nil {
		b.Fatalf("%s: data: %v", preset, err)
	}
	c := st.Train
	c.Epochs = train.MaxEpochs
	c.Patience = 0
	tr, err := train.New(c, set)
	if err != nil {
		b.Fatalf("%s: %v", preset, err)
	}
	return tr
}

// warmUp runs f at least once and for at least 0.3 s: the first epoch
// allocates the buffers and the optimizer's state, and V8 swaps in its
// optimized code for hot WebAssembly functions in the background, which on
// a busy machine takes a while.
func warmUp(f func()) {
	start := time.Now()
	for i := 0; i < 1 || time.Since(start) < 300*time.Millisecond; i++ {
		f()
	}
}
