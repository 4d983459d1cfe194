package train

import (
	"math"

	"netfit/core/data"
)

// finite reports whether v is neither NaN nor ±Inf.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// maxAbs returns the largest |v|, 0 for an empty slice.
func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = max(m, math.Abs(x))
	}
	return m
}

// minMax returns the smallest and largest value; 0, 0 for an empty slice.
func minMax(v []float64) (lo, hi float64) {
	if len(v) == 0 {
		return 0, 0
	}
	lo, hi = v[0], v[0]
	for _, x := range v[1:] {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

// meanStd32 is data.MeanStd for float32 values, accumulated in float64.
func meanStd32(v []float32) (mean, std float64) {
	if len(v) == 0 {
		return 0, 0
	}
	for _, x := range v {
		mean += float64(x)
	}
	mean /= float64(len(v))
	var ss float64
	for _, x := range v {
		d := float64(x) - mean
		ss += d * d
	}
	return mean, math.Sqrt(ss / float64(len(v)))
}

// stdOf returns the population standard deviation of v.
func stdOf(v []float64) float64 {
	_, s := data.MeanStd(v)
	return s
}

// pick returns v[i] for each i in idx.
func pick(v []float64, idx []int) []float64 {
	out := make([]float64, len(idx))
	for k, i := range idx {
		out[k] = v[i]
	}
	return out
}
