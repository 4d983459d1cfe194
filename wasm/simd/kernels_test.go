//go:build js && wasm

package simd

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"syscall/js"
	"testing"

	"netfit/core/data"
	"netfit/core/kernel"
	"netfit/core/kernel/kerneltest"
	"netfit/core/nn"
	"netfit/core/optim"
)

// loaded returns the SIMD kernels. Without the module (go test run without
// the -exec wrapper, or NETFIT_SIMD=off) it skips the test loudly, or fails
// it when CI=true and NETFIT_SIMD is not "off".
func loaded(t testing.TB) *Kernels {
	t.Helper()
	k, err := Load()
	if err == nil {
		return k
	}
	msg := fmt.Sprintf("\n!!! SIMD KERNELS NOT TESTED: %v.\n!!! Run with -exec testdata/simd/go_js_wasm_exec_simd (make test does).\n", err)
	if errors.Is(err, ErrMissing) && (os.Getenv("CI") != "true" || os.Getenv("NETFIT_SIMD") == "off") {
		fmt.Fprint(os.Stderr, msg)
		t.Skip(msg)
	}
	t.Fatal(msg)
	return nil
}

// TestProducts checks the three products on every combination of 1, 3, 17
// and 513 rows and columns (the 4×8 and 4×2 tiles, their edges, and the
// 256-step blocks of gemm).
func TestProducts(t *testing.T) {
	kerneltest.Products(t, loaded(t), kerneltest.OddSizes)
}

// TestTutorialShapes checks the products at the tutorial networks' shapes.
func TestTutorialShapes(t *testing.T) {
	kerneltest.Shapes(t, loaded(t), kerneltest.TutorialShapes)
}

// TestPacking checks the products around gemm's packing: 4 to 7 rows
// (panels of A packed for Aᵀ·B, strips of B not), 8 and more (both),
// shared dimensions on either side of a 256-step block, and a scratch that
// has to grow between calls (the shapes go from small to large).
func TestPacking(t *testing.T) {
	var shapes [][3]int
	for _, m := range []int{4, 5, 7, 8, 9, 12, 1030} {
		for _, k := range []int{1, 255, 256, 257, 600} {
			for _, n := range []int{8, 13} {
				shapes = append(shapes, [3]int{m, k, n})
			}
		}
	}
	kerneltest.Shapes(t, loaded(t), shapes)
}

// TestScratchBounds checks that gemm writes nothing past the scratch that
// packSize asks for: each product gets a scratch of exactly that size with
// guard values behind it.
func TestScratchBounds(t *testing.T) {
	k := loaded(t)
	defer func() { k.scratch = nil }()
	const guard = 64
	for _, m := range []int{1, 3, 4, 5, 8, 9, 513} {
		for _, kk := range []int{1, 2, 255, 257} {
			for _, n := range []int{1, 8, 17} {
				a, b := kerneltest.Floats(1, m*kk), kerneltest.Floats(2, kk*n)
				c := make([]float32, m*n)
				for _, op := range []struct {
					name string
					at   bool
					f    func(c, a, b []float32, m, k, n int, acc bool)
				}{{"MatMul", false, k.MatMul}, {"MatMulAT", true, k.MatMulAT}} {
					size := packSize(m, kk, op.at)
					buf := make([]float32, size+guard)
					for i := range buf {
						buf[i] = -7
					}
					k.scratch = buf[:size]
					op.f(c, a, b, m, kk, n, false)
					for i, v := range buf[size:] {
						if v != -7 {
							t.Fatalf("%s m×k×n=%d×%d×%d: gemm wrote %v at %d floats past its %d-float scratch",
								op.name, m, kk, n, v, i, size)
						}
					}
				}
			}
		}
	}
}

// TestElementwise checks the elementwise steps against the Go reference,
// bit for bit.
func TestElementwise(t *testing.T) {
	kerneltest.Elementwise(t, loaded(t), kerneltest.OddLengths)
}

// TestSelfTest checks that Load's test product passes (it ran in loaded).
func TestSelfTest(t *testing.T) {
	if err := loaded(t).selfTest(); err != nil {
		t.Fatal(err)
	}
}

// TestInstall checks that Install puts the SIMD kernels in use.
func TestInstall(t *testing.T) {
	loaded(t)
	defer kernel.Use(nil)
	if note := Install(); note != "" {
		t.Fatalf("Install() = %q, want no note", note)
	}
	if got := kernel.Active().Name(); got != "simd128" {
		t.Errorf("after Install, kernel.Active().Name() = %q, want simd128", got)
	}
	if _, ok := kernel.ActiveElementwise().(*Kernels); !ok {
		t.Errorf("after Install, ActiveElementwise is %T, want *simd.Kernels",
			kernel.ActiveElementwise())
	}
}

// TestFallback removes the module, as when the browser lacks SIMD or the
// fetch failed, and checks that Install keeps the Go kernels and says why.
func TestFallback(t *testing.T) {
	global := js.Global()
	saved, savedErr := global.Get(Global), global.Get(GlobalError)
	defer func() {
		global.Set(Global, saved)
		global.Set(GlobalError, savedErr)
		kernel.Use(nil)
	}()
	kernel.Use(nil)

	cases := []struct {
		name    string
		exports any // what globalThis.netfitSIMD holds
		reason  any // what globalThis.netfitSIMDError holds
		want    string
	}{
		{"missing", js.Undefined(), js.Undefined(), "no SIMD module loaded"},
		{"with reason", js.Undefined(), "WebAssembly SIMD is not supported",
			": WebAssembly SIMD is not supported"},
		{"incomplete", map[string]any{"gemm": js.Global().Get("Math").Get("max")}, js.Undefined(),
			`no function "gemm_bt"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			global.Set(Global, c.exports)
			global.Set(GlobalError, c.reason)
			note := Install()
			if !strings.Contains(note, c.want) || !strings.HasPrefix(note, "SIMD kernels unavailable: ") {
				t.Errorf("Install() = %q, want a note with %q", note, c.want)
			}
			if got := kernel.Active().Name(); got != "go" {
				t.Errorf("kernel.Active().Name() = %q, want go", got)
			}
		})
	}
}

// TestNoAllocs checks that calls into the module allocate nothing, so
// training makes no garbage.
func TestNoAllocs(t *testing.T) {
	k := loaded(t)
	const m, kk, n = 10, 300, 40
	a, b := kerneltest.Floats(1, m*kk), kerneltest.Floats(2, kk*n)
	c, g := make([]float32, m*n), kerneltest.Floats(3, m*n)
	mom, v := make([]float32, m*n), make([]float32, m*n)
	for name, f := range map[string]func(){
		"MatMul":    func() { k.MatMul(c, a, b, m, kk, n, false) },
		"MatMulBT":  func() { k.MatMulBT(c, a, b, m, kk, n/4, true) },
		"MatMulAT":  func() { k.MatMulAT(c, a, b, m/2, kk/10, n, false) },
		"AddBias":   func() { k.AddBias(c, b[:n], m) },
		"ReLU":      func() { k.ReLU(c, c) },
		"LeakyReLU": func() { k.LeakyReLU(c, c, 0.2) },
		"Adam":      func() { k.Adam(c, g, mom, v, 0.001, 0.1, 0.001, 1e-7) },
		"RMSprop":   func() { k.RMSprop(c, g, v, nil, 0.001, 0.9, 0.1, 1e-7, 0) },
	} {
		if got := testing.AllocsPerRun(20, f); got != 0 {
			t.Errorf("%s: %v allocations per call, want 0", name, got)
		}
	}
}

// TestPanics checks that a short slice panics in Go, before any call could
// write past it.
func TestPanics(t *testing.T) {
	k := loaded(t)
	s := make([]float32, 12)
	cases := []struct {
		name string
		f    func()
	}{
		{"MatMul short c", func() { k.MatMul(s[:3], s, s, 2, 3, 2, false) }},
		{"MatMulBT short b", func() { k.MatMulBT(s, s, s[:5], 2, 3, 2, false) }},
		{"MatMulAT negative", func() { k.MatMulAT(s, s, s, -1, 3, 2, false) }},
		{"AddBias short z", func() { k.AddBias(s[:5], s[:3], 2) }},
		{"ColumnSums short dz", func() { k.ColumnSums(s[:3], s[:5], 2) }},
		{"ReLU short y", func() { k.ReLU(s[:2], s[:3]) }},
		{"Adam short v", func() { k.Adam(s, s, s, s[:11], 1, 1, 1, 1) }},
		{"RMSprop nil momentum", func() { k.RMSprop(s, s, s, nil, 1, 1, 1, 1, 0.5) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer func() {
				r := recover()
				if r == nil {
					t.Fatal("no panic")
				}
				if msg := fmt.Sprint(r); !strings.HasPrefix(msg, "simd: ") {
					t.Errorf("panic %q, want a message starting with simd:", msg)
				}
			}()
			c.f()
		})
	}
}

// TestTraining trains the same network for 20 steps of batch 10 with the
// Go kernels and with the SIMD kernels, from the same seed, and compares
// the losses and the weights. The products sum in a different order, so
// the two runs drift apart by rounding only: the tolerance, 1e-4 relative
// on each loss and 1e-4 absolute on each weight (weights are O(0.1), the
// learning rate 1e-3 moves each by at most 20·1e-3 here), is far below any
// real difference (a wrong gradient changes the losses in the second digit)
// and about 100 times what we measured.
func TestTraining(t *testing.T) {
	k := loaded(t)
	defer kernel.Use(nil)
	opts := []struct {
		name string
		new  func() optim.Optimizer
	}{
		{"adam", func() optim.Optimizer { return &optim.Adam{} }},
		{"sgd-nesterov", func() optim.Optimizer {
			return &optim.SGD{LearningRate: 0.01, Momentum: 0.9, Nesterov: true}
		}},
		{"rmsprop-momentum", func() optim.Optimizer { return &optim.RMSprop{Momentum: 0.5} }},
	}
	for _, o := range opts {
		t.Run(o.name, func(t *testing.T) {
			kernel.Use(nil)
			goLoss, goParams := train20(t, o.new())
			kernel.Use(k)
			simdLoss, simdParams := train20(t, o.new())
			for i := range goLoss {
				if d := math.Abs(simdLoss[i] - goLoss[i]); d > 1e-4*math.Abs(goLoss[i]) {
					t.Fatalf("step %d: loss %.9g with SIMD, %.9g with Go (relative %.2g)",
						i+1, simdLoss[i], goLoss[i], d/goLoss[i])
				}
			}
			worst, at := 0.0, 0
			for i := range goParams {
				if d := math.Abs(float64(simdParams[i] - goParams[i])); !(d <= worst) {
					worst, at = d, i
				}
			}
			if worst > 1e-4 {
				t.Errorf("weight %d = %v with SIMD, %v with Go (|diff| %.3g > 1e-4)",
					at, simdParams[at], goParams[at], worst)
			}
			t.Logf("largest weight difference %.3g; last loss %.6g (Go) %.6g (SIMD)",
				worst, goLoss[len(goLoss)-1], simdLoss[len(simdLoss)-1])
		})
	}
}

// train20 trains a ReLU/leaky-ReLU network with L2 on the tutorial's
// polynomial data (seed 1, inputs and targets scaled) for 20 steps of batch
// 10 and returns the loss of each step and the final parameters.
func train20(t *testing.T, opt optim.Optimizer) (losses []float64, params []float32) {
	t.Helper()
	p, _ := data.LookupPreset("poly")
	set := p.Generate(data.NewRand(1))
	xs, ys := data.FitScaler(set.X), data.FitScaler(set.Y)
	spec := nn.Spec{Hidden: []nn.Layer{
		{Units: 32, Activation: nn.ReLU}, {Units: 67, Activation: nn.LeakyReLU},
		{Units: 64, Activation: nn.ReLU},
	}, L2: 1e-4}
	rng := data.NewRand(2)
	m, err := nn.New(spec, rng)
	if err != nil {
		t.Fatal(err)
	}

	const batch = 10
	x, y, dy := make([]float32, batch), make([]float32, batch), make([]float32, batch)
	for step := range 20 {
		for i := range batch {
			j := (step*batch + i) % len(set.X)
			x[i], y[i] = float32(xs.Apply(set.X[j])), float32(ys.Apply(set.Y[j]))
		}
		loss := nn.MSE.Eval(dy, m.Forward(x, batch, true, rng), y)
		m.Backward(dy)
		opt.Step(m.Params, m.Grads)
		losses = append(losses, loss+m.Penalty())
	}
	return losses, append([]float32(nil), m.Params...)
}
