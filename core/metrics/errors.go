package metrics

import "errors"

var (
	// ErrTooFew means fewer than 2 usable points: R² is undefined.
	ErrTooFew = errors.New("metrics: fewer than 2 points")

	// ErrConstantTarget means the targets have no spread (within a relative
	// tolerance of 1e-9), so R² = 1 − SSres/SStot divides by zero.
	ErrConstantTarget = errors.New("metrics: target is constant")

	// ErrConstantInput means the inputs of LineR2 have no spread, so no
	// line slope can be fitted.
	ErrConstantInput = errors.New("metrics: input is constant")

	// ErrOverflow means the sums of squares overflowed float64.
	ErrOverflow = errors.New("metrics: values too large for R²")
)
