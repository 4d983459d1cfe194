package nn

import (
	"math"
	"testing"

	"netfit/core/data"
)

// close64 reports whether got is within tol·(1+|want|) of want.
func close64(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*(1+math.Abs(want))
}

// randFloats returns n values from U(lo, hi) drawn with seed.
func randFloats(seed uint64, n int, lo, hi float64) []float32 {
	rng := data.NewRand(seed)
	v := make([]float32, n)
	for i := range v {
		v[i] = float32(lo + (hi-lo)*rng.Float64())
	}
	return v
}

// mustPanic fails t unless f panics.
func mustPanic(t *testing.T, what string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: no panic, want one", what)
		}
	}()
	f()
}
