//go:build js && wasm

package simd

import (
	"fmt"
	"testing"
	"time"

	"netfit/core/data"
	"netfit/core/kernel"
	"netfit/core/kernel/kerneltest"
	"netfit/core/nn"
	"netfit/core/optim"
)

// The benchmarks compare both kernel paths in the same run:
//
//	GOOS=js GOARCH=wasm go test -exec $PWD/testdata/simd/go_js_wasm_exec_simd \
//		-run '^$' -bench . ./wasm/simd
//
// Each has a go and a simd sub-benchmark.

// paths returns the kernels to compare: Go's, and the SIMD ones if loaded.
func paths(b *testing.B) []kernel.Kernels {
	return []kernel.Kernels{kernel.Go, loaded(b)}
}

// BenchmarkProducts times the three products at the tutorial's shapes and
// reports GFLOP/s (2·m·k·n per product).
func BenchmarkProducts(b *testing.B) {
	for _, k := range paths(b) {
		ops := map[string]func(c, a, b []float32, m, k, n int, acc bool){
			"MatMul": k.MatMul, "MatMulBT": k.MatMulBT, "MatMulAT": k.MatMulAT,
		}
		for _, op := range []string{"MatMul", "MatMulBT", "MatMulAT"} {
			for _, s := range kerneltest.TutorialShapes {
				m, kk, n := s[0], s[1], s[2]
				name := fmt.Sprintf("%s/%s/%dx%dx%d", k.Name(), op, m, kk, n)
				b.Run(name, func(b *testing.B) {
					x, y := kerneltest.Floats(1, m*kk), kerneltest.Floats(2, kk*n)
					c := make([]float32, m*n)
					f := ops[op]
					warmUp(func() { f(c, x, y, m, kk, n, false) })
					b.ReportAllocs()
					for b.Loop() {
						f(c, x, y, m, kk, n, false)
					}
					flops := 2 * float64(m*kk*n) * float64(b.N)
					b.ReportMetric(flops/b.Elapsed().Seconds()/1e9, "GFLOP/s")
				})
			}
		}
	}
}

// BenchmarkAdam times one Adam update over the polynomial model's 698 305
// parameters.
func BenchmarkAdam(b *testing.B) {
	const n = 698_305
	for _, k := range paths(b) {
		b.Run(k.Name(), func(b *testing.B) {
			defer kernel.Use(nil)
			kernel.Use(k)
			p, g := kerneltest.Floats(1, n), kerneltest.Floats(2, n)
			opt := &optim.Adam{}
			warmUp(func() { opt.Step(p, g) })
			b.ReportAllocs()
			for b.Loop() {
				opt.Step(p, g)
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds()/1e6, "Mparams/s")
		})
	}
}

// The tutorial's networks (all ReLU, one linear output unit, Adam): the
// polynomial model at batch 10, the sine model at batch 200.
var (
	polyHidden = []int{32, 256, 512, 512, 512, 64}
	sineHidden = []int{1024, 512, 512, 512, 512, 256}
)

// BenchmarkStep times whole training steps of the tutorial models (forward,
// MSE, backward, Adam) and reports samples/s and GFLOP/s (6 × weights ×
// samples: 2 for the forward product and 4 for the two backward ones).
func BenchmarkStep(b *testing.B) {
	models := []struct {
		name   string
		hidden []int
		batch  int
	}{{"poly", polyHidden, 10}, {"sine", sineHidden, 200}}
	for _, md := range models {
		for _, k := range paths(b) {
			b.Run(md.name+"/"+k.Name(), func(b *testing.B) {
				defer kernel.Use(nil)
				kernel.Use(k)
				benchStep(b, md.hidden, md.batch)
			})
		}
	}
}

func benchStep(b *testing.B, hidden []int, n int) {
	spec := nn.Spec{}
	for _, u := range hidden {
		spec.Hidden = append(spec.Hidden, nn.Layer{Units: u, Activation: nn.ReLU})
	}
	rng := data.NewRand(1)
	m, err := nn.New(spec, rng)
	if err != nil {
		b.Fatal(err)
	}
	x, y := kerneltest.Floats(2, n), kerneltest.Floats(3, n)
	dy := make([]float32, n)
	opt := &optim.Adam{}
	step := func() {
		nn.MSE.Eval(dy, m.Forward(x, n, true, rng), y)
		m.Backward(dy)
		opt.Step(m.Params, m.Grads)
	}
	warmUp(step) // buffers for n samples, optimizer state, optimized code
	b.ReportAllocs()
	for b.Loop() {
		step()
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(n*b.N)/secs, "samples/s")
	b.ReportMetric(6*float64(len(m.Params))*float64(n*b.N)/secs/1e9, "GFLOP/s")
}

// warmUp calls f for 0.2 s (at least 3 times) before a benchmark times it.
// V8 first runs WebAssembly through its baseline compiler and swaps in
// optimized code for hot functions later, in the background; on a busy
// machine that takes a while, and both kernel paths should be timed on
// optimized code.
func warmUp(f func()) {
	start := time.Now()
	for i := 0; i < 3 || time.Since(start) < 200*time.Millisecond; i++ {
		f()
	}
}
