package train

import (
	"fmt"

	"netfit/core/data"
	"netfit/core/metrics"
)

// collapseFactor: an epoch loss this many times the run's first batch loss
// (or the loss of predicting the mean, if larger) counts as a collapse
// (CASES B04 B).
const collapseFactor = 100

// flatTol: predictions whose standard deviation is at most flatTol times
// that of the targets count as constant.
const flatTol = 1e-6

// advanceOne does one unit of work: a chunk of the scoring pass in
// progress, or else one optimizer step (stepped), opening an epoch before
// it and starting the epoch's scoring pass after its last step.
func (t *Trainer) advanceOne() (stepped bool, err error) {
	if t.pass.active {
		return false, t.scoreChunk()
	}
	if t.batchIdx == 0 {
		t.startEpoch()
	}

	var done bool
	if t.lb != nil {
		done, err = t.lbfgsStep()
	} else {
		err = t.batchStep()
		done = t.batchIdx == t.StepsPerEpoch()
	}
	if err == nil && done {
		t.beginPass(false, t.epochLoss())
	}
	return true, err
}

// startEpoch sets the scheduled learning rate, shuffles the batch order and
// keeps a copy of the weights to roll back to.
func (t *Trainer) startEpoch() {
	copy(t.epochStart, t.model.Params)
	t.lossSum, t.lossRows = 0, 0
	if t.lb != nil {
		t.lb.startEpoch()
		return
	}
	t.lr = scheduledRate(t.cfg.Schedule, t.cfg.LearningRate, t.epoch, t.cfg.Epochs)
	t.opt.SetLearningRate(t.lr)
	data.Shuffle(t.order, t.rng)
}

// batchStep runs one mini-batch: gather its rows, forward, loss, backward
// and one optimizer step. The last batch of an epoch holds the leftover
// rows, as in Keras.
//
//	loss = mean over the batch of ℓ(ŷ, y) + L2·Σw²
func (t *Trainer) batchStep() error {
	in := t.inputs
	first := t.batchIdx * t.batch
	b := min(t.batch, t.train.n-first)
	for k, row := range t.order[first : first+b] {
		copy(t.bx[k*in:(k+1)*in], t.train.x[row*in:(row+1)*in])
		t.by[k] = t.train.y[row]
	}

	out := t.model.Forward(t.bx[:b*in], b, true, t.rng)
	loss := t.cfg.Loss.Eval(t.dy[:b], out, t.by[:b]) + t.model.Penalty()
	if !finite(loss) {
		return t.diverge(loss, t.batchIdx+1, false, "loss became "+nonFiniteName(loss))
	}
	t.model.Backward(t.dy[:b])
	t.opt.Step(t.model.Params, t.model.Grads)

	if t.steps == 0 {
		t.firstLoss = loss
	}
	t.lossSum += loss * float64(b)
	t.lossRows += b
	t.batchIdx++
	t.steps++
	return nil
}

// endEpoch records the epoch's figures from the scoring pass that just
// ended, looks for a collapse, tracks the best epoch and decides whether
// training goes on.
func (t *Trainer) endEpoch(loss float64) error {
	st := t.score(loss)
	t.hist = append(t.hist, st)
	if err := t.checkCollapse(st); err != nil {
		return err
	}

	monitor := st.Loss
	if t.val.n > 0 {
		monitor = st.ValLoss
	}
	if monitor < t.bestLoss {
		t.bestLoss, t.bestEpoch, t.wait = monitor, t.epoch, 0
		if t.best != nil {
			copy(t.best, t.model.Params)
		}
	} else {
		t.wait++
	}

	t.epoch++
	t.batchIdx = 0
	switch {
	case t.cfg.Patience > 0 && t.wait >= t.cfg.Patience:
		t.finish(fmt.Sprintf("early stopping: the %s has not improved for %d epochs",
			t.monitorName(), t.cfg.Patience))
	case t.epoch >= t.cfg.Epochs:
		t.finish(fmt.Sprintf("finished: %d epochs", t.cfg.Epochs))
	case t.lb != nil && t.lb.converged:
		t.finish("finished: L-BFGS converged (no further progress)")
	}
	return nil
}

// epochLoss returns Keras' epoch loss: the batch-size-weighted mean of the
// batch losses (L-BFGS: the loss at the accepted point).
func (t *Trainer) epochLoss() float64 {
	if t.lb != nil {
		return t.lb.acceptedF
	}
	return t.lossSum / float64(t.lossRows)
}

// score evaluates the end-of-epoch weights on the training and validation
// rows, from the predictions of the scoring pass.
func (t *Trainer) score(loss float64) EpochStats {
	penalty := t.model.Penalty()
	st := EpochStats{Epoch: t.epoch + 1, Loss: loss, Steps: t.steps, LearningRate: t.lr}
	if t.lb != nil {
		st.LearningRate = 0
	}

	st.Train = metrics.Evaluate(t.train.pred, t.train.yOrig)
	st.Spread = stdOf(t.train.pred)
	if t.val.n > 0 {
		st.Val = metrics.Evaluate(t.val.pred, t.val.yOrig)
		st.ValLoss = t.cfg.Loss.Eval(nil, t.val.pred32, t.val.y) + penalty
	}
	return st
}

// monitorName names the loss that early stopping watches.
func (t *Trainer) monitorName() string {
	if t.val.n > 0 {
		return "validation loss"
	}
	return "training loss"
}

// checkCollapse spots a run that went wrong without a NaN loss: non-finite
// predictions, an epoch loss far above the first batch loss, or
// predictions that turned constant while the targets vary (CASES B04 B).
func (t *Trainer) checkCollapse(st EpochStats) error {
	ref := max(t.firstLoss, t.baseLoss)
	switch {
	case !finite(st.Spread) || !finite(st.ValLoss):
		return t.diverge(st.ValLoss, 0, false, "predictions became NaN or infinite")
	case st.Loss > collapseFactor*ref:
		return t.diverge(st.Loss, 0, true, fmt.Sprintf(
			"training collapsed: the epoch loss %.3g is over %d× the first batch loss %.3g",
			st.Loss, collapseFactor, t.firstLoss))
	case t.yStd > 0 && st.Spread <= flatTol*t.yStd && t.startSpread > flatTol*t.yStd:
		return t.diverge(st.Loss, 0, true,
			"training collapsed: every prediction is the same value")
	}
	return nil
}

// finish ends training, restoring the best weights if asked.
func (t *Trainer) finish(reason string) {
	t.finished = true
	t.reason = reason
	if t.best == nil || t.bestEpoch < 0 || t.bestEpoch == len(t.hist)-1 {
		return
	}
	copy(t.model.Params, t.best)
	t.note(fmt.Sprintf("restored the weights of epoch %d, which had the lowest %s (%.4g)",
		t.bestEpoch+1, t.monitorName(), t.bestLoss))
}
