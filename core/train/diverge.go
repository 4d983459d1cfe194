package train

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Learning rates far above the usual range of an optimizer; after a
// divergence above them, [RetryRate] suggests the optimizer's default
// rather than a tenth. core/hint warns about rates above the same limits.
const (
	adamHighRate = 0.1 // Adam or RMSprop above this diverges or collapses (CASES B04)
	sgdHighRate  = 0.5 // SGD above this diverges on standardized data (B04 A: 1.0 fails)
)

// Limits the advice after a divergence shares with core/hint's.
const (
	// BigInput is the |x| beyond which unscaled inputs need scaling (CASES
	// B03: x up to 199 makes SGD diverge). Below it x may be unscaled on
	// purpose: the recommended sine setup's sin units learn frequencies
	// in radians per unit of x.
	BigInput = 50
	// StrongDropout and StrongL2 are the dropout rate and L2 penalty at or
	// above which regularization can explain a poor fit or a collapse
	// (CASES B01's sine, 64-64 relu: validation R² 0.70 with dropout 0.3,
	// 0.66 with L2 0.01, against 0.61 for a straight line).
	StrongDropout = 0.2
	StrongL2      = 1e-3
)

// RetryRate returns the one learning rate to try after training with
// optimizer at lr diverged: the optimizer's default (Keras': SGD 0.01, Adam
// and RMSprop 0.001) when lr is far above its usual range, else a tenth of
// lr rounded to two significant digits. It returns 0 for L-BFGS, which has
// no learning rate. An empty optimizer means Adam.
func RetryRate(optimizer string, lr float64) float64 {
	c := Config{Optimizer: optimizer}.withDefaults()
	limit := adamHighRate
	switch c.Optimizer {
	case LBFGS:
		return 0
	case SGD:
		limit = sgdHighRate
	}
	if lr > limit {
		return c.LearningRate
	}
	return roundRate(lr / 10)
}

// diverge stops training after a NaN or infinite loss or a collapse: it
// restores the weights from the start of the epoch, forgets the optimizer's
// moments (they were built from the bad steps) and records the error. A
// divergence found at the epoch's end also drops that epoch from the
// history, whose figures are of weights now thrown away: the history ends
// with the weights the model holds.
func (t *Trainer) diverge(loss float64, batch int, collapsed bool, what string) error {
	copy(t.model.Params, t.epochStart)
	t.hist = t.hist[:min(len(t.hist), t.epoch)]
	if t.opt != nil {
		t.opt.Reset()
	}
	if t.lb != nil {
		t.lb.reset(t.model.Params)
	}
	t.err = &DivergedError{
		Epoch: t.epoch + 1, Batch: batch, LearningRate: t.lr, Loss: loss,
		Collapsed: collapsed, What: what, Hint: t.divergenceHint(collapsed),
		RetryRate: RetryRate(t.cfg.Optimizer, t.lr),
	}
	t.finished = true
	t.reason = "diverged"
	return t.err
}

// divergenceHint says what to try: the learning rate of [RetryRate], or,
// when that rate is not far above the usual range, turning off strong
// dropout or L2 instead; scaling that is off where it matters (x beyond
// [BigInput], y always); and an output activation that cannot reach the
// targets. core/hint's diverged hint gives the same advice.
func (t *Trainer) divergenceHint(collapsed bool) string {
	var tips []string
	rate := RetryRate(t.cfg.Optimizer, t.lr)
	usual := rate > 0 && rate != roundRate(t.lr/10) // the rate is far above the usual range
	m := t.cfg.Model
	if !usual && m.Dropout >= StrongDropout {
		tips = append(tips, fmt.Sprintf("dropout %g multiplies the units it keeps by %s: "+
			"turn off dropout", m.Dropout, keptScale(m.Dropout)))
	}
	if !usual && m.L2 >= StrongL2 {
		tips = append(tips, fmt.Sprintf("an L2 penalty of %g outweighs the data: turn off L2", m.L2))
	}
	if rate > 0 && len(tips) == 0 {
		why := "10× lower"
		if usual {
			why = "the usual rate for " + t.cfg.Optimizer
		}
		tips = append(tips, fmt.Sprintf("try a learning rate of %g (%s)", rate, why))
	}
	if lo, hi := t.TrainXRange(); !t.cfg.ScaleX && max(-lo, hi) > BigInput {
		tips = append(tips, fmt.Sprintf("x spans %.4g … %.4g unscaled: standardize x", lo, hi))
	}
	if !t.cfg.ScaleY {
		lo, hi := minMax(t.train.yOrig)
		tips = append(tips, fmt.Sprintf("y spans %.4g … %.4g unscaled: standardize y", lo, hi))
	}
	if lo, hi := t.cfg.Model.Output.Range(); collapsed && (lo > math.Inf(-1) || hi < math.Inf(1)) {
		tips = append(tips, fmt.Sprintf("the %s output can only give values in [%g, %g]: "+
			"use a linear output", t.cfg.Model.Output, lo, hi))
	}
	return strings.Join(tips, "; ")
}

// keptScale formats 1/(1 − rate), the factor inverted dropout multiplies
// the kept units by, without an exponent: "1.43", "10", "100000".
func keptScale(rate float64) string {
	v := 1 / (1 - rate)
	if v >= 1000 {
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// roundRate rounds a learning rate to two significant digits, so a tenth of
// 0.003 reads 0.0003 and not 0.00030000000000000003.
func roundRate(lr float64) float64 {
	if lr <= 0 || !finite(lr) {
		return lr
	}
	p := math.Pow(10, math.Floor(math.Log10(lr))-1)
	return math.Round(lr/p) * p
}

// nonFiniteName returns "NaN", "+Inf" or "-Inf".
func nonFiniteName(v float64) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case v > 0:
		return "infinite (+Inf)"
	}
	return "infinite (-Inf)"
}
