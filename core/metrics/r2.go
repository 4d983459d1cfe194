package metrics

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/stat"

	"netfit/core/data"
)

// R2 returns the coefficient of determination of pred against target,
//
//	R² = 1 − SSres/SStot,  SSres = Σ(yᵢ − ŷᵢ)²,  SStot = Σ(yᵢ − ȳ)²
//
// computed with gonum's stat.RSquaredFrom. 1 is a perfect fit, 0 is no
// better than predicting the mean ȳ, and below 0 is worse than that.
// Rows where either value is NaN or ±Inf are left out.
//
// The error wraps [ErrTooFew] for fewer than 2 rows, [ErrConstantTarget]
// when the targets' population std is at most 1e-9·|ȳ| (SStot is
// then 0 up to rounding and R² means nothing), or [ErrOverflow] when the sums
// of squares overflow. When SSres alone overflows, R2 returns
// −math.MaxFloat64. R2 panics if pred and target differ in length.
func R2(pred, target []float64) (float64, error) {
	checkLengths(pred, target)
	pred, target, _ = finitePairs(pred, target)
	return r2(pred, target)
}

// r2 is R2 on rows known to be finite.
func r2(pred, target []float64) (float64, error) {
	if len(target) < 2 {
		return 0, fmt.Errorf("%w (got %d)", ErrTooFew, len(target))
	}
	if err := checkSpread(target, ErrConstantTarget); err != nil {
		return 0, err
	}

	r := stat.RSquaredFrom(pred, target, nil)
	switch {
	case math.IsNaN(r):
		return 0, ErrOverflow
	case math.IsInf(r, -1):
		return -math.MaxFloat64, nil
	}
	return r, nil
}

// LineR2 returns the R² of the least-squares straight line y ≈ α + β·x
// through the points, fitted with gonum's stat.LinearRegression and scored
// with stat.RSquared. It is the baseline a network should beat: on the sine
// preset (10·sin x + x with noise σ 3) it is about 0.6.
//
// Rows where x or y is NaN or ±Inf are left out. The error wraps
// [ErrTooFew], [ErrConstantTarget] (y has no spread), [ErrConstantInput]
// (x has no spread, so no slope exists) or [ErrOverflow]. LineR2 panics if
// x and y differ in length.
func LineR2(x, y []float64) (float64, error) {
	checkLengths(x, y)
	x, y, _ = finitePairs(x, y)
	if len(y) < 2 {
		return 0, fmt.Errorf("%w (got %d)", ErrTooFew, len(y))
	}
	if err := checkSpread(y, ErrConstantTarget); err != nil {
		return 0, err
	}
	if err := checkSpread(x, ErrConstantInput); err != nil {
		return 0, err
	}

	alpha, beta := stat.LinearRegression(x, y, nil, false)
	r := stat.RSquared(x, y, nil, alpha, beta)
	if math.IsNaN(r) || math.IsInf(r, 0) {
		return 0, ErrOverflow
	}
	return r, nil
}

// checkSpread returns an error wrapping errConstant when v is constant by
// data.IsConstant's rule (fifty copies of 3.7 have a floating-point std near
// 3e-16, not 0: CASES B15), or ErrOverflow when its variance overflows.
func checkSpread(v []float64, errConstant error) error {
	mean, std := stat.PopMeanStdDev(v, nil)
	switch {
	case math.IsNaN(std) || math.IsInf(std, 0) || math.IsInf(mean, 0):
		return ErrOverflow
	case data.IsConstant(mean, std):
		return fmt.Errorf("%w (%.6g)", errConstant, mean)
	}
	return nil
}

// finitePairs returns the rows where both a[i] and b[i] are finite, and how
// many rows it left out. When none are left out it returns a and b
// themselves, so the common case does not allocate.
func finitePairs(a, b []float64) (fa, fb []float64, skipped int) {
	for i := range a {
		if !isFinite(a[i]) || !isFinite(b[i]) {
			skipped++
		}
	}
	if skipped == 0 {
		return a, b, 0
	}
	fa = make([]float64, 0, len(a)-skipped)
	fb = make([]float64, 0, len(a)-skipped)
	for i := range a {
		if isFinite(a[i]) && isFinite(b[i]) {
			fa = append(fa, a[i])
			fb = append(fb, b[i])
		}
	}
	return fa, fb, skipped
}

func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// checkLengths panics when the two slices differ in length.
func checkLengths(pred, target []float64) {
	if len(pred) != len(target) {
		panic(fmt.Sprintf("metrics: %d predictions but %d targets", len(pred), len(target)))
	}
}
