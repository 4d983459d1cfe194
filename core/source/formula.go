package source

import (
	"fmt"
	"math"
	"strings"

	"netfit/core/data"
	"netfit/core/formula"
	"netfit/core/settings"
)

// loadFormula draws d.N samples of the formula and leaves out those where
// it is undefined.
func loadFormula(d settings.DataSettings) (data.Set, Report, error) {
	rep := Report{Source: settings.SourceFormula}
	e, err := formula.Compile(d.Formula)
	if err != nil {
		return data.Set{}, rep, err
	}
	if err := d.Validate(); err != nil {
		return data.Set{}, rep, err
	}

	set := data.Generate(e.Eval, d.N, d.Noise, d.XMin, d.XMax, data.NewRand(d.Seed))
	rep.Rows = d.N
	rep.Messages = []string{fmt.Sprintf("%d samples of y = %s, noise σ %g, x from %g to %g",
		d.N, e.String(), d.Noise, d.XMin, d.XMax)}
	set, dropped := keepFinite(set)
	rep.Kept, rep.Dropped = set.Len(), d.N-set.Len()
	if err := checkFormulaFit(e, set, d); err != nil {
		return data.Set{}, rep, err // the error says it all; no report line repeats it
	}
	if msg := undefinedMessage(dropped, d.N, set.Len()); msg != "" {
		rep.Messages = append(rep.Messages, msg)
	}
	if !e.UsesX() {
		rep.Warnings = append(rep.Warnings, "the formula does not depend on x, so "+
			"there is nothing to learn but its constant value")
	}
	// Large values are kept without a warning here: whether they need
	// scaling depends on the training settings, so core/hint says it
	// (unscaled-targets, wide-targets).
	return set, rep, nil
}

// keepFinite returns set without the samples whose y is NaN or infinite,
// and those samples' x values. It reuses set's arrays.
func keepFinite(set data.Set) (kept data.Set, droppedX []float64) {
	n := 0
	for i, y := range set.Y {
		if math.IsNaN(y) || math.IsInf(y, 0) {
			droppedX = append(droppedX, set.X[i])
			continue
		}
		set.X[n], set.Y[n] = set.X[i], y
		n++
	}
	return data.Set{X: set.X[:n], Y: set.Y[:n]}, droppedX
}

// undefinedMessage says plainly how many samples were left out and where,
// or "" when none were:
//
//	the formula is undefined (NaN or infinite) at 503 of 1000 samples, for x
//	from -14.98 to -0.0213; those samples are left out and 497 remain
func undefinedMessage(droppedX []float64, n, kept int) string {
	if len(droppedX) == 0 {
		return ""
	}
	lo, hi := droppedX[0], droppedX[0]
	for _, x := range droppedX {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	where := fmt.Sprintf("at x = %.3g", lo)
	if len(droppedX) > 1 {
		where = fmt.Sprintf("for x from %.3g to %.3g", lo, hi)
	}
	return fmt.Sprintf("the formula is undefined (NaN or infinite) at %d of %d samples, %s; "+
		"those samples are left out and %d remain", len(droppedX), n, where, kept)
}

// checkFormulaFit refuses a sample that cannot be fitted: fewer than 2
// defined samples, or a constant y (no noise and a formula without x, or
// defined at one x only).
func checkFormulaFit(e *formula.Expr, set data.Set, d settings.DataSettings) error {
	switch {
	case set.Len() == 0 && !e.UsesX():
		// A constant such as 1/0 or 10^400: no x range helps.
		return fmt.Errorf("%w: the formula gives no finite value on [%g, %g] (%s is %s "+
			"everywhere); change the formula", ErrUndefined, d.XMin, d.XMax,
			strings.TrimSpace(d.Formula), nonFinite(e.Eval(0)))
	case set.Len() == 0:
		return fmt.Errorf("%w: the formula gives no finite value on [%g, %g]; "+
			"change the formula or the x range", ErrUndefined, d.XMin, d.XMax)
	case set.Len() < 2:
		return fmt.Errorf("%w: the formula gives a finite value at only 1 of %d samples "+
			"on [%g, %g]; change the formula or the x range", ErrUndefined, d.N, d.XMin, d.XMax)
	}
	if mean, flat := data.Constant(set.Y); flat {
		return fmt.Errorf("%w: every y is %.6g; R² is undefined and there is nothing to fit "+
			"(add noise or make the formula depend on x)", ErrConstantY, mean)
	}
	return nil
}

// nonFinite names a value that is not a finite number: "infinite" or
// "undefined (NaN)".
func nonFinite(v float64) string {
	if math.IsInf(v, 0) {
		return "infinite"
	}
	return "undefined (NaN)"
}
