package data

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// Set holds one input x and one target y per sample; X and Y have the same
// length.
type Set struct {
	X, Y []float64
}

// Len returns the number of samples.
func (s Set) Len() int { return len(s.X) }

// Generate draws n samples of a noisy function:
//
//	x ~ U(xmin, xmax)
//	y = f(x) + noise·N(0, 1)
//
// For each sample it draws x first (one rng.Float64) and then the noise (one
// rng.NormFloat64), so sample i depends only on the seed and on i. The normal
// is drawn even when noise is 0, so changing σ leaves every x unchanged.
// xmin > xmax is allowed (the interval is the same); xmin == xmax gives a
// constant x.
//
// The arithmetic is written with explicit float64 conversions so no compiler
// may fuse a multiply and an add (as arm64 may); with the same seed the data
// are bit-for-bit the same natively and in WebAssembly, as long as f itself
// is (see the BUG note on [Presets]).
//
// Generate panics if n < 0, if noise is negative or not finite, or if xmin or
// xmax is not finite.
func Generate(f func(float64) float64, n int, noise, xmin, xmax float64, rng *rand.Rand) Set {
	checkGenerate(n, noise, xmin, xmax)

	set := Set{X: make([]float64, n), Y: make([]float64, n)}
	width := xmax - xmin
	for i := range n {
		x := xmin + float64(width*rng.Float64())
		e := float64(noise * rng.NormFloat64())
		set.X[i] = x
		set.Y[i] = f(x) + e
	}
	return set
}

// checkGenerate panics on arguments that no caller should pass.
func checkGenerate(n int, noise, xmin, xmax float64) {
	switch {
	case n < 0:
		panic(fmt.Sprintf("data: %d samples, want at least 0", n))
	case !(noise >= 0) || math.IsInf(noise, 1):
		panic(fmt.Sprintf("data: noise %g, want a finite value ≥ 0", noise))
	case math.IsNaN(xmin) || math.IsInf(xmin, 0) || math.IsNaN(xmax) || math.IsInf(xmax, 0):
		panic(fmt.Sprintf("data: x range [%g, %g], want finite ends", xmin, xmax))
	}
}
