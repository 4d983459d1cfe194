package nn

import (
	"errors"
	"math"
	"testing"

	"netfit/core/data"
)

// TestInitializerMoments draws a 512×256 layer (fan_in 512, fan_out 256,
// so the fans differ) with each initializer and compares the sample mean and
// standard deviation with the definition. Tolerances are 5 standard errors:
// σ/√N for the mean and σ·√((κ−1)/4N) for the standard deviation, with
// kurtosis κ ≤ 3 for all these distributions, so σ·√(1/2N).
func TestInitializerMoments(t *testing.T) {
	const fanIn, fanOut = 512, 256
	in, sum := float64(fanIn), float64(fanIn+fanOut)
	cases := []struct {
		init  Initializer
		sigma float64 // wanted standard deviation
		bound float64 // |w| ≤ bound; the uniform limit or 2σ/0.8796 when truncated
	}{
		// U(−l, l) has σ = l/√3.
		{GlorotUniform, math.Sqrt(6/sum) / math.Sqrt(3), math.Sqrt(6 / sum)},
		{HeUniform, math.Sqrt(6/in) / math.Sqrt(3), math.Sqrt(6 / in)},
		{Normal, 0.05, math.Inf(1)},
		{LecunNormal, math.Sqrt(1 / in), 2 * math.Sqrt(1/in) / truncatedStddev},
		{GlorotNormal, math.Sqrt(2 / sum), 2 * math.Sqrt(2/sum) / truncatedStddev},
		{HeNormal, math.Sqrt(2 / in), 2 * math.Sqrt(2/in) / truncatedStddev},
	}
	for _, c := range cases {
		t.Run(c.init.String(), func(t *testing.T) {
			w := make([]float32, fanIn*fanOut)
			c.init.fill(w, fanIn, fanOut, data.NewRand(11))
			n := float64(len(w))
			mean, sq, largest := 0.0, 0.0, 0.0
			for _, v := range w {
				mean += float64(v)
				largest = max(largest, math.Abs(float64(v)))
			}
			mean /= n
			for _, v := range w {
				sq += (float64(v) - mean) * (float64(v) - mean)
			}
			sd := math.Sqrt(sq / (n - 1))

			if tol := 5 * c.sigma / math.Sqrt(n); math.Abs(mean) > tol {
				t.Errorf("mean %.3g, want 0 ± %.3g", mean, tol)
			}
			if tol := 5 * c.sigma * math.Sqrt(1/(2*n)); math.Abs(sd-c.sigma) > tol {
				t.Errorf("standard deviation %.5g, want %.5g ± %.3g", sd, c.sigma, tol)
			}
			if largest > c.bound*(1+1e-6) {
				t.Errorf("largest |w| = %.5g, want at most %.5g", largest, c.bound)
			}
		})
	}
}

// TestTruncatedStddev checks the correction factor: N(0,1) truncated to
// [−2, 2] has variance 1 − 2·2·φ(2)/(Φ(2) − Φ(−2)).
func TestTruncatedStddev(t *testing.T) {
	phi := math.Exp(-2) / math.Sqrt(2*math.Pi)
	mass := math.Erf(2 / math.Sqrt2)
	want := math.Sqrt(1 - 4*phi/mass)
	if math.Abs(truncatedStddev-want) > 1e-15 {
		t.Errorf("truncatedStddev = %.17g, want %.17g", truncatedStddev, want)
	}
}

// TestZerosInit checks that Zeros clears the weights and needs no rng.
func TestZerosInit(t *testing.T) {
	w := []float32{1, 2, 3}
	Zeros.fill(w, 3, 1, nil)
	for i, v := range w {
		if v != 0 {
			t.Errorf("w[%d] = %v, want 0", i, v)
		}
	}
}

// TestInitializerNames checks String and ParseInitializer both ways, and
// the panics of fill.
func TestInitializerNames(t *testing.T) {
	for i, name := range []string{"glorot_uniform", "normal", "lecun_normal",
		"glorot_normal", "he_normal", "he_uniform", "zeros"} {
		in := Initializer(i)
		if in.String() != name {
			t.Errorf("Initializer(%d).String() = %q, want %q", i, in.String(), name)
		}
		if got, err := ParseInitializer(name); err != nil || got != in {
			t.Errorf("ParseInitializer(%q) = %v, %v, want %v", name, got, err, in)
		}
	}
	if _, err := ParseInitializer("orthogonal"); !errors.Is(err, ErrInitializer) {
		t.Errorf("ParseInitializer(orthogonal) error = %v, want ErrInitializer", err)
	}
	mustPanic(t, "nil rng", func() { HeNormal.fill(make([]float32, 2), 1, 2, nil) })
	mustPanic(t, "unknown", func() {
		Initializer(42).fill(make([]float32, 2), 1, 2, data.NewRand(1))
	})
}
