package train

import (
	"gonum.org/v1/gonum/optimize"
)

// lbfgsItersPerEpoch is how many L-BFGS iterations (accepted line-search
// points) make one "epoch" of L-BFGS training. Each iteration costs one or
// more full-batch loss and gradient evaluations, each counted as a step.
const lbfgsItersPerEpoch = 20

// lbfgsMaxEvals caps the evaluations of one line search; past it the
// search has failed and L-BFGS restarts from the last accepted point.
const lbfgsMaxEvals = 20

// lbfgsRun drives gonum's L-BFGS one loss evaluation at a time, through
// optimize.LinesearchMethod's reverse-communication interface (Init and
// Iterate ask for an evaluation at loc.X, we do it, and call Iterate again),
// so training can pause between evaluations like between batches. The
// directions come from optimize.LBFGS (Nocedal & Wright, Numerical
// Optimization, 2nd ed., Algorithm 7.4) and the steps from the Moré–Thuente
// line search (strong Wolfe conditions).
//
// The network's weights are float32 and gonum works in float64: each
// evaluation copies loc.X into the weights and the gradient back out.
type lbfgsRun struct {
	method optimize.LinesearchMethod
	loc    optimize.Location
	op     optimize.Operation // the evaluation gonum asked for

	accepted  []float64 // the last accepted point (end of the last iteration)
	acceptedF float64   // the loss there

	started   bool // Init was called on the current history
	iters     int  // iterations completed in this epoch
	evals     int  // evaluations since the last accepted point
	failures  int  // restarts since the last accepted point
	converged bool // no further progress is possible
}

// newLBFGSRun sets up L-BFGS for dim weights.
func newLBFGSRun(dim int) *lbfgsRun {
	r := &lbfgsRun{accepted: make([]float64, dim)}
	r.loc.X = make([]float64, dim)
	r.loc.Gradient = make([]float64, dim)
	r.method.NextDirectioner = &optimize.LBFGS{Store: 15}
	r.method.Linesearcher = &optimize.MoreThuente{DecreaseFactor: 1e-4, CurvatureFactor: 0.9}
	return r
}

// startEpoch resets the per-epoch iteration count.
func (r *lbfgsRun) startEpoch() { r.iters = 0 }

// reset forgets the L-BFGS history; the next step starts again from
// params.
func (r *lbfgsRun) reset(params []float32) {
	r.started = false
	for i, p := range params {
		r.accepted[i] = float64(p)
	}
}

// restoreAccepted puts the last accepted point into params, so a paused run
// shows it rather than a trial point of the line search.
func (r *lbfgsRun) restoreAccepted(params []float32) {
	if !r.started {
		return
	}
	for i, v := range r.accepted {
		params[i] = float32(v)
	}
}

// lbfgsStep does one full-batch evaluation and feeds it to gonum. done
// reports that the epoch is over (enough iterations, or converged).
func (t *Trainer) lbfgsStep() (done bool, err error) {
	r := t.lb
	if !r.started {
		return t.lbfgsStart()
	}

	r.loc.F = t.evalFull(r.loc.X, r.loc.Gradient)
	r.evals++
	if !finite(r.loc.F) || r.evals > lbfgsMaxEvals {
		// A trial point too far along the line: start a fresh history
		// from the last accepted point rather than feed NaN to the search.
		return t.lbfgsRestart()
	}
	op, err := r.method.Iterate(&r.loc)
	for err == nil && op == optimize.MajorIteration {
		copy(r.accepted, r.loc.X)
		r.acceptedF = r.loc.F
		r.iters++
		r.failures = 0
		r.evals = 0
		if maxAbs(r.loc.Gradient) == 0 {
			r.converged = true
			break
		}
		op, err = r.method.Iterate(&r.loc)
	}
	if err != nil {
		return t.lbfgsRestart()
	}
	r.op = op
	if r.converged || r.iters >= lbfgsItersPerEpoch {
		r.restoreAccepted(t.model.Params)
		return true, nil
	}
	return false, nil
}

// lbfgsStart evaluates the current weights and starts a new L-BFGS history
// there.
func (t *Trainer) lbfgsStart() (done bool, err error) {
	r := t.lb
	for i, p := range t.model.Params {
		r.loc.X[i] = float64(p)
	}
	r.loc.F = t.evalFull(r.loc.X, r.loc.Gradient)
	if !finite(r.loc.F) {
		return false, t.diverge(r.loc.F, t.batchIdx, false, "loss became "+nonFiniteName(r.loc.F))
	}
	if t.steps == 1 {
		t.firstLoss = r.loc.F
	}
	copy(r.accepted, r.loc.X)
	r.acceptedF = r.loc.F
	r.started = true
	r.evals = 0

	op, err := r.method.Init(&r.loc)
	if err != nil {
		// No descent possible from here (a zero gradient, say).
		r.converged = true
		r.restoreAccepted(t.model.Params)
		return true, nil
	}
	r.op = op
	return false, nil
}

// lbfgsRestart goes back to the last accepted point after a failed line
// search. Two failures in a row without progress mean L-BFGS has converged
// as far as float32 weights allow.
func (t *Trainer) lbfgsRestart() (done bool, err error) {
	r := t.lb
	r.failures++
	r.restoreAccepted(t.model.Params)
	r.started = false
	if r.failures >= 2 {
		r.converged = true
		return true, nil
	}
	return false, nil
}

// evalFull sets the weights to x and returns the full-batch loss (plus the
// L2 penalty), writing its gradient into grad. When the loss is not finite
// grad is left alone.
func (t *Trainer) evalFull(x, grad []float64) float64 {
	for i, v := range x {
		t.model.Params[i] = float32(v)
	}
	n := t.train.n
	out := t.model.Forward(t.train.x, n, false, t.rng)
	f := t.cfg.Loss.Eval(t.dy[:n], out, t.train.y) + t.model.Penalty()
	t.steps++
	t.batchIdx++ // evaluations in this epoch, so startEpoch runs once per epoch
	if !finite(f) {
		return f
	}
	t.model.Backward(t.dy[:n])
	for i, g := range t.model.Grads {
		grad[i] = float64(g)
	}
	return f
}
