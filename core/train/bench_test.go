package train

import (
	"testing"
	"time"

	"netfit/core/data"
)

// benchEpoch measures one training epoch (steps plus the end-of-epoch
// scoring) and reports samples/s and GFLOP/s, counting 6 floating-point
// operations per weight per training sample (2 forward, 4 backward).
func benchEpoch(b *testing.B, c Config, set data.Set) {
	c.Epochs = MaxEpochs // never finish inside the benchmark
	tr, err := New(c, set)
	if err != nil {
		b.Fatal(err)
	}
	steps := tr.StepsPerEpoch()
	rows, _ := tr.Rows()
	if _, err := tr.Advance(steps, time.Time{}); err != nil { // warm up buffers
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := tr.Advance(steps, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	weights := float64(len(tr.Model().Params))
	b.ReportMetric(float64(rows)/sec, "samples/s")
	b.ReportMetric(6*weights*float64(rows)/sec/1e9, "GFLOP/s")
}

func BenchmarkEpochKerasPoly(b *testing.B) {
	benchEpoch(b, faithful("poly"), presetSet(b, "poly", 1))
}

func BenchmarkEpochKerasSine(b *testing.B) {
	benchEpoch(b, faithful("sine"), presetSet(b, "sine", 1))
}

func BenchmarkEpochRecommendedSine(b *testing.B) {
	benchEpoch(b, Recommended("sine"), presetSet(b, "sine", 1))
}

func BenchmarkEpochRecommendedPoly(b *testing.B) {
	benchEpoch(b, Recommended("poly"), presetSet(b, "poly", 1))
}
