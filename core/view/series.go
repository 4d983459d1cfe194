package view

import "math"

// MaxPoints is the most points [Subsample] keeps by default: enough to show
// the shape of any data set, few enough to draw in a few milliseconds.
const MaxPoints = 3000

// CurvePoints is how many grid points the prediction curve uses.
const CurvePoints = 300

// Grid returns n evenly spaced values from lo to hi, both included, in
// ascending order when lo ≤ hi. The prediction curve is drawn on this grid
// rather than at the data's x, so it never zig-zags over unsorted rows
// (CASES B25). n < 2 gives [lo].
func Grid(lo, hi float64, n int) []float64 {
	if n < 2 {
		return []float64{lo}
	}
	g := make([]float64, n)
	step := (hi - lo) / float64(n-1)
	for i := range g {
		g[i] = lo + float64(i)*step
	}
	g[n-1] = hi
	return g
}

// Subsample returns row indices 0..n-1 spread evenly, at most max of them,
// in ascending order: every row when n ≤ max, otherwise rows i·n/max. The
// choice depends only on n and max, so the page and the trainer pick the same
// rows without talking. max ≤ 0 means [MaxPoints].
func Subsample(n, max int) []int {
	if max <= 0 {
		max = MaxPoints
	}
	k := min(n, max)
	rows := make([]int, k)
	for i := range rows {
		rows[i] = i * n / k
	}
	return rows
}

// Pick returns v[i] for each i in rows.
func Pick(v []float64, rows []int) []float64 {
	out := make([]float64, len(rows))
	for j, i := range rows {
		out[j] = v[i]
	}
	return out
}

// Residuals returns target − prediction for each sample, the vertical
// distance from the fitted value to the observed one.
//
// Residuals panics if the lengths differ.
func Residuals(pred, target []float64) []float64 {
	if len(pred) != len(target) {
		panic("view: residuals of 2 series with different lengths")
	}
	r := make([]float64, len(pred))
	for i := range r {
		r[i] = target[i] - pred[i]
	}
	return r
}

// LogFloor is the smallest loss the log-scale chart shows; smaller or
// non-positive values are drawn at this floor instead of at −∞.
const LogFloor = 1e-12

// Log10 returns log10(max(v, LogFloor)) for each value, the y coordinate of
// a loss on a log scale. NaN and +Inf stay NaN (drawn as a gap), so a
// diverged epoch never stretches the axis to infinity.
func Log10(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		switch {
		case math.IsNaN(x) || math.IsInf(x, 1):
			out[i] = math.NaN()
		default:
			out[i] = math.Log10(math.Max(x, LogFloor))
		}
	}
	return out
}
