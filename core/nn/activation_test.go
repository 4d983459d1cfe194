package nn

import (
	"errors"
	"math"
	"testing"

	"netfit/core/data"
)

// TestActivationDerivative compares each f' with the central difference
// (f(z+h) − f(z−h))/2h at 20 seeded points in [−4, 4], in float64. With
// h = 1e-6 the difference is accurate to about 1e-9, so we allow 1e-6.
// Points within 1e-3 of the kink at 0 (ReLU, LeakyReLU, ELU, SELU) are
// skipped.
func TestActivationDerivative(t *testing.T) {
	const h = 1e-6
	rng := data.NewRand(7)
	for _, a := range Activations() {
		t.Run(a.String(), func(t *testing.T) {
			fs := a.funcs()
			for range 20 {
				z := -4 + 8*rng.Float64()
				if math.Abs(z) < 1e-3 {
					continue
				}
				fd := (fs.f(z+h) - fs.f(z-h)) / (2 * h)
				if got := fs.df(z, fs.f(z)); !close64(got, fd, 1e-6) {
					t.Errorf("f'(%v) = %v, want %v (finite difference)", z, got, fd)
				}
			}
		})
	}
}

// TestActivationSlices checks that apply and backprop, which take fast
// paths for some activations, agree with the scalar functions to float32
// precision (relative 1e-6).
func TestActivationSlices(t *testing.T) {
	z := randFloats(8, 50, -5, 5)
	dy := randFloats(9, 50, -1, 1)
	for _, a := range Activations() {
		y := make([]float32, len(z))
		dz := make([]float32, len(z))
		a.apply(y, z)
		a.backprop(dz, dy, z, y)
		fs := a.funcs()
		for i, v := range z {
			zv := float64(v)
			if !close64(float64(y[i]), fs.f(zv), 1e-6) {
				t.Errorf("%v: f(%v) = %v, want %v", a, v, y[i], fs.f(zv))
			}
			want := float64(dy[i]) * fs.df(zv, fs.f(zv))
			if !close64(float64(dz[i]), want, 1e-5) {
				t.Errorf("%v: dy·f'(%v) = %v, want %v", a, v, dz[i], want)
			}
		}
	}
}

// TestActivationRange samples each activation on [−20, 20] in steps of
// 1e-4: every value must lie within Range, and a finite lower bound other
// than a limit must be met (to 1e-8) by the minimum, as for GELU and Swish.
func TestActivationRange(t *testing.T) {
	for _, a := range Activations() {
		lo, hi := a.Range()
		f := a.funcs().f
		least := math.Inf(1)
		for i := -200000; i <= 200000; i++ {
			y := f(float64(i) * 1e-4)
			least = min(least, y)
			if y < lo || y > hi {
				t.Errorf("%v: f(%v) = %v outside [%v, %v]", a, float64(i)*1e-4, y, lo, hi)
				break
			}
		}
		if (a == GELU || a == Swish) && math.Abs(least-lo) > 1e-8 {
			t.Errorf("%v: minimum %v, Range gives %v", a, least, lo)
		}
	}
	if lo, hi := ReLU.Range(); lo != 0 || !math.IsInf(hi, 1) {
		t.Errorf("ReLU.Range() = %v, %v, want 0, +Inf", lo, hi)
	}
}

// TestActivationNames checks String and ParseActivation both ways.
func TestActivationNames(t *testing.T) {
	want := []string{"linear", "relu", "leaky_relu", "elu", "selu", "tanh", "sigmoid",
		"softplus", "sin", "gelu", "swish"}
	all := Activations()
	if len(all) != len(want) {
		t.Fatalf("%d activations, want %d", len(all), len(want))
	}
	for i, a := range all {
		if a.String() != want[i] {
			t.Errorf("Activation(%d).String() = %q, want %q", i, a.String(), want[i])
		}
		if got, err := ParseActivation(" " + want[i] + " "); err != nil || got != a {
			t.Errorf("ParseActivation(%q) = %v, %v, want %v", want[i], got, err, a)
		}
	}
	if _, err := ParseActivation("relu6"); !errors.Is(err, ErrActivation) {
		t.Errorf("ParseActivation(relu6) error = %v, want ErrActivation", err)
	}
	if got := Activation(99).String(); got != "Activation(99)" {
		t.Errorf("Activation(99).String() = %q", got)
	}
	mustPanic(t, "Activation(99).Range()", func() { Activation(99).Range() })
}

// TestActivationKnownValues pins a few values from the definitions (SELU's
// constants from Klambauer et al. 2017; GELU(1) = Φ(1) = 0.8413447…).
func TestActivationKnownValues(t *testing.T) {
	cases := []struct {
		a       Activation
		z, want float64
	}{
		{LeakyReLU, -1, -0.2},
		{ELU, -1, math.Exp(-1) - 1},
		{SELU, 1, 1.0507009873554805},
		{SELU, -100, -1.7580993408473766},
		{GELU, 1, 0.8413447460685429},
		{Swish, 1, 1 / (1 + math.Exp(-1))},
		{Softplus, 0, math.Ln2},
		{Softplus, 800, 800}, // no overflow
	}
	for _, c := range cases {
		if got := c.a.funcs().f(c.z); !close64(got, c.want, 1e-12) {
			t.Errorf("%v(%v) = %v, want %v", c.a, c.z, got, c.want)
		}
	}
}
