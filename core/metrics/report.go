package metrics

import (
	"errors"
	"fmt"
	"math"
)

// mapeEpsilon is Keras' backend.epsilon(), the floor under |y| in MAPE.
const mapeEpsilon = 1e-7

// nearZero is the fraction of max|y| below which a target makes MAPE
// unreliable (CASES B16).
const nearZero = 0.01

// Report holds the usual regression metrics of one set of predictions. No
// field is ever NaN or ±Inf; see [Evaluate].
type Report struct {
	N       int // rows used: those where prediction and target are both finite
	Skipped int // rows left out because the prediction or target was NaN or ±Inf

	MSE  float64 // mean of (y − ŷ)²
	RMSE float64 // √MSE, in the units of y
	MAE  float64 // mean of |y − ŷ|

	// MAPE is Keras' mean absolute percentage error, in percent:
	//
	//	MAPE = 100·mean(|y − ŷ| / max(|y|, 1e-7))
	//
	// (keras/src/losses/losses.py, mean_absolute_percentage_error).
	MAPE float64
	// MAPEReliable is false when some |y| is below 1% of max|y| (or every
	// y is 0): those rows dominate MAPE whatever the fit (CASES B16).
	MAPEReliable bool
	MAPENote     string // why MAPE is unreliable and how many rows; empty otherwise

	R2        float64 // 1 − SSres/SStot (see [R2]); 0 when !R2Defined
	R2Defined bool    // false for fewer than 2 rows, a constant target or overflow
	R2Note    string  // why R² is undefined, or a warning when it is below 0
}

// Evaluate compares predictions with targets, row by row.
//
// Rows where the prediction or the target is NaN or ±Inf are left out of
// every metric and counted in Skipped (a diverged model predicting NaN
// everywhere gives N = 0 and Skipped = len(pred)). With N = 0 every metric
// is 0, MAPEReliable and R2Defined are false and the notes say why. Sums too
// large for float64 saturate at math.MaxFloat64 (and R² at
// −math.MaxFloat64), so every field stays finite.
//
// Evaluate panics if pred and target differ in length.
func Evaluate(pred, target []float64) Report {
	checkLengths(pred, target)
	pred, target, skipped := finitePairs(pred, target)
	r := Report{N: len(target), Skipped: skipped}
	if r.N == 0 {
		r.MAPENote = "undefined: no rows with finite values"
		r.R2Note = "undefined: no rows with finite values"
		return r
	}

	r.MSE, r.MAE, r.MAPE = means(pred, target)
	r.RMSE = math.Sqrt(r.MSE)
	r.MAPEReliable, r.MAPENote = mapeReliability(target)
	r.R2, r.R2Defined, r.R2Note = r2Report(pred, target)
	return r
}

// means returns the mean squared, absolute and percentage errors, each
// saturated at math.MaxFloat64.
func means(pred, target []float64) (mse, mae, mape float64) {
	var sq, abs, pct float64
	for i, y := range target {
		d := math.Abs(y - pred[i])
		sq += d * d
		abs += d
		pct += d / max(math.Abs(y), mapeEpsilon)
	}
	n := float64(len(target))
	return saturate(sq / n), saturate(abs / n), saturate(100 * pct / n)
}

// mapeReliability flags targets within 1% of zero relative to max|y|.
func mapeReliability(target []float64) (bool, string) {
	var top float64
	for _, y := range target {
		top = max(top, math.Abs(y))
	}
	if top == 0 {
		return false, fmt.Sprintf("unreliable: all %d targets are 0", len(target))
	}

	limit := nearZero * top
	count := 0
	for _, y := range target {
		if math.Abs(y) < limit {
			count++
		}
	}
	if count == 0 {
		return true, ""
	}
	const format = "unreliable: %d of %d targets are near zero (|y| < %.3g, 1%% of max |y|)"
	return false, fmt.Sprintf(format, count, len(target), limit)
}

// r2Report turns R2's result into the Report fields.
func r2Report(pred, target []float64) (float64, bool, string) {
	r, err := r2(pred, target)
	switch {
	case errors.Is(err, ErrTooFew):
		return 0, false, "undefined: fewer than 2 points"
	case errors.Is(err, ErrConstantTarget):
		return 0, false, fmt.Sprintf("undefined: y is constant (%.6g)", target[0])
	case err != nil:
		return 0, false, "undefined: values too large"
	case r < 0:
		return r, true, "below 0: worse than predicting the mean"
	}
	return r, true, ""
}

// saturate replaces +Inf by math.MaxFloat64 (the sums here are ≥ 0, and
// their inputs are finite, so NaN cannot occur).
func saturate(v float64) float64 {
	if math.IsInf(v, 1) {
		return math.MaxFloat64
	}
	return v
}
