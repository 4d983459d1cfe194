package data

import "math"

// constantTol is the relative tolerance below which data count as constant:
// std ≤ constantTol·|mean|. Fifty copies of 3.7 have a floating-point std of
// about 3e-16, not 0 (CASES B15), so an exact test would miss them. The
// tolerance is relative to the data alone, with no floor of 1: values in SI
// units such as 1e-10·x spread by 1e-9 and are not constant.
const constantTol = 1e-9

// Scaler standardizes values: Apply maps v to (v − Mean)/Std. The zero value
// is the identity (a Std of 0 is treated as 1).
type Scaler struct {
	Mean float64 // subtracted first; 0 by default
	Std  float64 // divisor after subtracting Mean; 0 means 1
}

// FitScaler returns the Scaler that standardizes v: Mean is the average and
// Std the population standard deviation (divisor n, like scikit-learn's
// StandardScaler). Fit it on the training rows only, so no validation value
// leaks into training.
//
// When v is constant within a relative tolerance (std ≤ 1e-9·|mean|)
// Std is set to 1, so Apply gives values near 0 instead of ±1 or NaN
// (CASES B15). NaN and ±Inf entries are skipped; with no finite entries the
// result is the identity Scaler{0, 1}. Very large values do not overflow:
// the deviations are scaled down before they are squared.
func FitScaler(v []float64) Scaler {
	mean, n := finiteMean(v)
	if n == 0 {
		return Scaler{Mean: 0, Std: 1}
	}
	std := finiteStd(v, mean, n)
	if IsConstant(mean, std) {
		std = 1
	}
	return Scaler{Mean: mean, Std: std}
}

// MeanStd returns the mean and the population standard deviation (divisor
// n) of the finite values of v, in two passes for accuracy; 0, 0 when v has
// no finite value.
func MeanStd(v []float64) (mean, std float64) {
	mean, n := finiteMean(v)
	if n == 0 {
		return 0, 0
	}
	return mean, finiteStd(v, mean, n)
}

// IsConstant reports whether data with this mean and standard deviation
// count as constant: std ≤ 1e-9·|mean|, so values around 0 are constant only
// when they are all equal. [FitScaler] uses the same test, so callers can say
// "y is constant" with the same rule.
func IsConstant(mean, std float64) bool {
	return std <= constantTol*math.Abs(mean)
}

// Constant returns the mean of v's finite values and whether they count as
// constant by [IsConstant]: the test core/table and core/source apply to x
// and y before training (CASES B15).
func Constant(v []float64) (mean float64, flat bool) {
	mean, std := MeanStd(v)
	return mean, IsConstant(mean, std)
}

// Apply returns (v − Mean)/Std.
func (s Scaler) Apply(v float64) float64 { return (v - s.Mean) / s.std() }

// Invert returns v·Std + Mean, undoing [Scaler.Apply].
func (s Scaler) Invert(v float64) float64 { return float64(v*s.std()) + s.Mean }

func (s Scaler) std() float64 {
	if s.Std == 0 {
		return 1
	}
	return s.Std
}

// finiteMean returns the mean of the finite entries of v and their count.
// If the plain sum overflows it sums v/n instead.
func finiteMean(v []float64) (mean float64, n int) {
	var sum float64
	for _, x := range v {
		if isFinite(x) {
			sum += x
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	if !math.IsInf(sum, 0) {
		return sum / float64(n), n
	}
	sum = 0
	for _, x := range v {
		if isFinite(x) {
			sum += x / float64(n)
		}
	}
	return sum, n
}

// finiteStd returns the population standard deviation of the n finite
// entries of v around mean. Deviations are divided by the largest one before
// squaring, so values near the float64 limit do not overflow:
//
//	std = s·sqrt(Σ((v−mean)/s)² / n),  s = max|v − mean|
func finiteStd(v []float64, mean float64, n int) float64 {
	var s float64
	for _, x := range v {
		if isFinite(x) {
			s = max(s, math.Abs(x-mean))
		}
	}
	if s == 0 || math.IsInf(s, 0) {
		return s
	}
	var sum float64
	for _, x := range v {
		if isFinite(x) {
			d := (x - mean) / s
			sum += d * d
		}
	}
	return s * math.Sqrt(sum/float64(n))
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
