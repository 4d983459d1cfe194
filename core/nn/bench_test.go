package nn

import (
	"testing"

	"netfit/core/data"
)

// The tutorial's networks, all ReLU with one linear output unit.
var (
	polyHidden = []int{32, 256, 512, 512, 512, 64}    // batch 10
	sineHidden = []int{1024, 512, 512, 512, 512, 256} // batch 200
)

func BenchmarkPolyStep(b *testing.B) { benchStep(b, polyHidden, 10) }
func BenchmarkSineStep(b *testing.B) { benchStep(b, sineHidden, 200) }

// benchStep times one Forward and Backward of a batch of n samples and
// reports samples per second.
func benchStep(b *testing.B, hidden []int, n int) {
	spec := Spec{}
	for _, u := range hidden {
		spec.Hidden = append(spec.Hidden, Layer{Units: u, Activation: ReLU})
	}
	rng := data.NewRand(1)
	m, err := New(spec, rng)
	if err != nil {
		b.Fatal(err)
	}
	x := randFloats(2, n, -1, 1)
	y := randFloats(3, n, -1, 1)
	dy := make([]float32, n)
	MSE.Eval(dy, m.Forward(x, n, true, rng), y) // warm-up: buffers for n samples
	m.Backward(dy)
	b.ReportAllocs()
	for b.Loop() {
		MSE.Eval(dy, m.Forward(x, n, true, rng), y)
		m.Backward(dy)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "samples/s")
}

func BenchmarkPredictSine(b *testing.B) {
	spec := Spec{}
	for _, u := range sineHidden {
		spec.Hidden = append(spec.Hidden, Layer{Units: u, Activation: ReLU})
	}
	m, _ := New(spec, data.NewRand(1))
	const n = 1000
	x, dst := randFloats(2, n, -1, 1), make([]float32, n)
	m.Predict(dst, x, n) // warm-up: Predict's buffers
	b.ReportAllocs()
	for b.Loop() {
		m.Predict(dst, x, n)
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "samples/s")
}
