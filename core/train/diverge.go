package train

import (
	"fmt"
	"math"
	"strings"
)

// diverge stops training after a NaN or infinite loss or a collapse: it
// restores the weights from the start of the epoch, forgets the optimizer's
// moments (they were built from the bad steps) and records the error.
func (t *Trainer) diverge(loss float64, batch int, collapsed bool, what string) error {
	copy(t.model.Params, t.epochStart)
	if t.opt != nil {
		t.opt.Reset()
	}
	if t.lb != nil {
		t.lb.reset(t.model.Params)
	}
	t.err = &DivergedError{
		Epoch: t.epoch + 1, Batch: batch, LearningRate: t.lr, Loss: loss,
		Collapsed: collapsed, What: what, Hint: t.divergenceHint(collapsed),
	}
	t.finished = true
	t.reason = "diverged"
	return t.err
}

// divergenceHint says what to try: a learning rate 10× lower, scaling that
// is off, and an output activation that cannot reach the targets.
func (t *Trainer) divergenceHint(collapsed bool) string {
	var tips []string
	if t.lb == nil {
		tips = append(tips, fmt.Sprintf("try a learning rate of %g (10× lower)", roundRate(t.lr/10)))
	}
	if !t.cfg.ScaleX {
		lo, hi := t.TrainXRange()
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
