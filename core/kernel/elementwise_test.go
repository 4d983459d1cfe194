package kernel

import (
	"math"
	"testing"
)

// TestElementwiseValues checks each elementwise step of Go on a few values
// worked out by hand.
func TestElementwiseValues(t *testing.T) {
	e := Go.(Elementwise)
	neg0 := float32(math.Copysign(0, -1))
	cases := []struct {
		name string
		f    func() []float32
		want []float32
	}{
		{"AddBias", func() []float32 {
			z := []float32{1, 2, 3, 4, 5, 6}
			e.AddBias(z, []float32{10, 20, 30}, 2)
			return z
		}, []float32{11, 22, 33, 14, 25, 36}},
		{"ColumnSums", func() []float32 {
			db := []float32{9, 9}
			e.ColumnSums(db, []float32{1, 2, 3, 4, 5, 6}, 3)
			return db
		}, []float32{9, 12}},
		{"ReLU", func() []float32 {
			y := make([]float32, 4)
			e.ReLU(y, []float32{-2, neg0, 0.5, 3})
			return y
		}, []float32{0, 0, 0.5, 3}},
		{"ReLUBackprop", func() []float32 {
			dz := make([]float32, 3)
			e.ReLUBackprop(dz, []float32{7, 8, 9}, []float32{-1, 0, 2})
			return dz
		}, []float32{0, 0, 9}},
		{"LeakyReLU", func() []float32 {
			y := make([]float32, 3)
			e.LeakyReLU(y, []float32{-5, 0, 2}, 0.2)
			return y
		}, []float32{-1, 0, 2}},
		{"LeakyReLUBackprop", func() []float32 {
			dz := []float32{10, 10, 10}
			e.LeakyReLUBackprop(dz, dz, []float32{-1, 0, 2}, 0.5)
			return dz
		}, []float32{5, 5, 10}},
		{"AddScaled", func() []float32 {
			y := []float32{1, 2}
			e.AddScaled(y, []float32{4, -8}, 0.25)
			return y
		}, []float32{2, 0}},
		{"SGD", func() []float32 {
			p := []float32{1, 2}
			e.SGD(p, []float32{4, -8}, 0.5)
			return p
		}, []float32{-1, 6}},
		// v = 0.5·2 − 1·0.5 = 0.5; p = 1 + 0.5 (plain) or 1 + 0.5·0.5 − 0.5.
		{"Momentum", func() []float32 {
			p, v := []float32{1}, []float32{2}
			e.Momentum(p, []float32{1}, v, 0.5, 0.5, false)
			return append(p, v...)
		}, []float32{1.5, 0.5}},
		{"Nesterov", func() []float32 {
			p, v := []float32{1}, []float32{2}
			e.Momentum(p, []float32{1}, v, 0.5, 0.5, true)
			return append(p, v...)
		}, []float32{0.75, 0.5}},
		// v = 0.5·0 + 0.5·4 = 2; Δ = 1·2/√(2+2) = 1; mom = 0.5·2 + 1 = 2.
		{"RMSprop", func() []float32 {
			p, v, mom := []float32{10}, []float32{0}, []float32{2}
			e.RMSprop(p, []float32{2}, v, mom, 1, 0.5, 0.5, 2, 0.5)
			return append(append(p, v...), mom...)
		}, []float32{8, 2, 2}},
		// m = 0 + (2 − 0)·0.5 = 1; v = 0 + (4 − 0)·0.25 = 1; p = 3 − 1·2/(1+1).
		{"Adam", func() []float32 {
			p, m, v := []float32{3}, []float32{0}, []float32{0}
			e.Adam(p, []float32{2}, m, v, 2, 0.5, 0.25, 1)
			return append(append(p, m...), v...)
		}, []float32{2, 1, 1}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := c.f()
			for i := range c.want {
				if got[i] != c.want[i] || math.Signbit(float64(got[i])) != math.Signbit(float64(c.want[i])) {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
}

// TestElementwisePanics checks the panics on short slices.
func TestElementwisePanics(t *testing.T) {
	e := Go.(Elementwise)
	s := make([]float32, 6)
	cases := map[string]func(){
		"AddBias":    func() { e.AddBias(s[:5], s[:3], 2) },
		"ColumnSums": func() { e.ColumnSums(s[:3], s[:5], 2) },
		"ReLU":       func() { e.ReLU(s[:2], s[:3]) },
		"Adam":       func() { e.Adam(s, s, s, s[:5], 1, 1, 1, 1) },
		"RMSprop":    func() { e.RMSprop(s, s, s, nil, 1, 1, 1, 1, 0.5) },
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Error("no panic")
				}
			}()
			f()
		})
	}
}

// TestUseElementwise checks that Use installs the elementwise steps of an
// implementation that has them, and keeps Go's for one that has not.
func TestUseElementwise(t *testing.T) {
	defer Use(nil)
	Use(fakeKernels{Kernels: Go})
	if _, ok := ActiveElementwise().(goKernels); !ok {
		t.Errorf("after Use(fake without Elementwise): ActiveElementwise is %T, want Go's",
			ActiveElementwise())
	}
	Use(fakeElementwise{goKernels{}})
	if _, ok := ActiveElementwise().(fakeElementwise); !ok {
		t.Errorf("after Use(fake with Elementwise): ActiveElementwise is %T, want it",
			ActiveElementwise())
	}
}

type fakeElementwise struct{ goKernels }

// TestFlush checks Flush on the edges of the subnormal range.
func TestFlush(t *testing.T) {
	for _, c := range []struct{ x, want float32 }{
		{0x1p-126, 0x1p-126}, {-0x1p-126, -0x1p-126}, {1, 1}, {float32(math.Inf(-1)), float32(math.Inf(-1))},
		{0x1.fffffcp-127, 0}, {-0x1p-149, 0}, {0x1p-149, 0}, {float32(math.Copysign(0, -1)), 0},
	} {
		if got := Flush(c.x); math.Float32bits(got) != math.Float32bits(c.want) {
			t.Errorf("Flush(%g) = %g, want %g", c.x, got, c.want)
		}
	}
	if got := Flush(float32(math.NaN())); got == got {
		t.Errorf("Flush(NaN) = %g, want NaN", got)
	}
}

// TestOptimizerStateFlushed checks that a zero gradient drives the state of
// every optimizer to exactly zero once it decays below the smallest normal
// float32, instead of leaving it subnormal (where Adam's m used to stick at
// 2⁻¹⁴⁹: m − m·0.1 rounds back to m).
func TestOptimizerStateFlushed(t *testing.T) {
	const steps = 2000
	g := []float32{0}
	e := Go.(Elementwise)
	check := func(name string, state ...[]float32) {
		t.Helper()
		for i, s := range state {
			if s[0] != 0 || math.Float32bits(s[0]) != 0 {
				t.Errorf("%s: state %d is %g after %d steps of zero gradient, want +0", name, i, s[0], steps)
			}
		}
	}
	p, v := []float32{1}, []float32{1}
	for range steps {
		e.Momentum(p, g, v, 0.01, 0.9, false)
	}
	check("Momentum", v)
	p, v, mom := []float32{1}, []float32{1}, []float32{1}
	for range steps {
		e.RMSprop(p, g, v, mom, 0.01, 0.9, 0.1, 1e-7, 0.9)
	}
	check("RMSprop", v, mom)
	p, m, v := []float32{1}, []float32{1}, []float32{1}
	for range steps * 50 { // v decays by 0.999 per step
		e.Adam(p, g, m, v, 0.001, 0.1, 0.001, 1e-7)
	}
	check("Adam", m, v)
}
