package train

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"netfit/core/data"
	"netfit/core/metrics"
	"netfit/core/nn"
	"netfit/core/optim"
)

// hugeValue is the magnitude beyond which unscaled data cannot be trained:
// squares of values past about 1.8e19 overflow float32, and the loss sums
// squares of the errors, so we keep a wide margin (CASES B23).
const hugeValue = 1e15

// Progress tells what a call to [Trainer.Advance] did.
type Progress struct {
	Epoch     int  // epochs completed so far
	Step      int  // optimizer steps taken so far (L-BFGS: loss evaluations)
	EpochDone bool // at least one epoch ended during this call
	Finished  bool // training is over: all epochs, early stopping, convergence or divergence
	// Scoring: the rows are being scored, for the initial weights or for
	// an epoch whose steps are all done (Epoch does not count it yet).
	Scoring bool
	Reason  string // why the call returned, e.g. "step limit", "deadline", "finished: 50 epochs"
}

// EpochStats holds the figures of one epoch.
type EpochStats struct {
	Epoch int // 1-based
	// Loss is Keras' training loss: the mean of the batch losses during the
	// epoch while the weights changed, weighted by batch size, plus the L2
	// penalty, in model units (standardized when ScaleY is on). For L-BFGS
	// it is the full-batch loss at the end of the epoch.
	Loss float64
	// ValLoss is the loss on the validation rows with the weights at the
	// end of the epoch, plus the L2 penalty, in model units; 0 when there
	// are no validation rows (then Val.N is 0).
	ValLoss float64
	// Train and Val score the weights at the end of the epoch on the
	// training and validation rows, in the original units of y.
	Train, Val metrics.Report
	// Steps counts the optimizer steps since training began, this epoch
	// included (L-BFGS: loss evaluations).
	Steps int
	// LearningRate is the rate used during the epoch (0 for L-BFGS).
	LearningRate float64
	// Spread is the standard deviation of the predictions on the training
	// rows, original units; near 0 means the network predicts a constant.
	Spread float64
}

// rowSet holds the training or the validation rows.
type rowSet struct {
	n      int
	x      []float32 // n × inputs, model units (scaled when ScaleX)
	y      []float32 // n targets, model units (scaled when ScaleY)
	xRaw   []float64 // n original x values
	yOrig  []float64 // n original targets
	pred32 []float32 // n predictions, model units
	pred   []float64 // n predictions, original units
}

// Trainer runs one training run. Build it with [New], then call
// [Trainer.Advance] until Progress.Finished. A Trainer is not safe for
// concurrent use.
type Trainer struct {
	cfg    Config // with defaults filled in
	rng    *rand.Rand
	model  *nn.MLP
	opt    optim.Optimizer // nil for L-BFGS
	lb     *lbfgsRun       // nil unless L-BFGS
	inputs int

	xScale []data.Scaler // one per input column
	yScale data.Scaler

	train, val rowSet
	trainIdx   []int // the data rows in train, in the order of train
	valIdx     []int // the data rows in val
	batch      int   // batch size after clamping
	order      []int // training rows in this epoch's order
	bx, by, dy []float32

	// progress
	epoch, batchIdx, steps int
	lr                     float64
	lossSum                float64
	lossRows               int
	epochStart             []float32 // weights at the start of the epoch, for rollback
	firstLoss              float64   // the first batch loss of the run
	baseLoss               float64   // loss of predicting the mean training target
	startSpread            float64   // prediction spread of the initial weights
	yStd                   float64   // spread of the training targets, original units

	best      []float32
	bestLoss  float64
	bestEpoch int // 0-based; -1 before the first epoch ends
	wait      int

	// pass is the scoring in progress, a chunk of rows at a time
	// (score.go): the initial weights', or an epoch's end.
	pass scorePass

	hist     []EpochStats
	notes    []string
	finished bool
	reason   string
	err      error
}

// New checks c and set, splits and scales the rows, and builds the network
// and the optimizer, all from the seed c.Seed. It returns an error wrapping
// [ErrInvalidConfig], [ErrModelTooBig], [ErrBadData] or [ErrTooFewRows].
// set is not modified or retained.
func New(c Config, set data.Set) (*Trainer, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	c = c.withDefaults()
	if err := checkData(set, c.ValFraction); err != nil {
		return nil, err
	}

	t := &Trainer{cfg: c, inputs: c.Model.Inputs, bestEpoch: -1, bestLoss: math.Inf(1)}
	t.rng = data.NewRand(c.Seed)
	t.trainIdx, t.valIdx = splitRows(len(set.X), c, t.rng)
	t.prepareRows(set, t.trainIdx, t.valIdx)

	model, err := nn.New(c.Model, t.rng)
	if err != nil {
		return nil, &FieldError{Field: "Model", Name: "model", Err: err}
	}
	t.model = model
	t.setupOptimizer()
	t.setupBatches()
	t.beginPass(true, 0) // the initial weights are scored by the first Advance
	return t, nil
}

// SplitRows returns the indices of the training rows and the validation
// rows that [New] uses for n rows under c, without building a Trainer: the
// page colours its points with them and core/hint checks the training rows.
// It is the very split New makes, [data.Split] with the first draws of the
// generator seeded with c.Seed, so the two never disagree.
func SplitRows(n int, c Config) (train, val []int) {
	return splitRows(n, c, data.NewRand(c.Seed))
}

// splitRows splits n rows under c with rng, which must be fresh from
// data.NewRand(c.Seed) for the split to match [SplitRows].
func splitRows(n int, c Config, rng *rand.Rand) (train, val []int) {
	return data.Split(n, c.ValFraction, c.Split, rng)
}

// checkData refuses mismatched, non-finite or too few rows.
func checkData(set data.Set, frac float64) error {
	if len(set.X) != len(set.Y) {
		return fmt.Errorf("%w: %d x values but %d targets", ErrBadData, len(set.X), len(set.Y))
	}
	n := len(set.X)
	if n < 2 {
		unit := "rows"
		if n == 1 {
			unit = "row"
		}
		return fmt.Errorf("%w: %d %s, need at least 2 (more than about 10 recommended)",
			ErrTooFewRows, n, unit)
	}
	for i := range n {
		if !finite(set.X[i]) || !finite(set.Y[i]) {
			return fmt.Errorf("%w: row %d has x=%g, y=%g; every value must be a finite number",
				ErrBadData, i+1, set.X[i], set.Y[i])
		}
	}
	return nil
}

// prepareRows expands the features, fits the scalers on the training rows
// and fills t.train and t.val in model units.
func (t *Trainer) prepareRows(set data.Set, trainIdx, valIdx []int) {
	c := &t.cfg
	feats := make([]float64, len(set.X)*t.inputs)
	for i, x := range set.X {
		c.Features.Expand(feats[i*t.inputs:(i+1)*t.inputs], x)
	}
	t.autoScale(feats, set.Y, trainIdx)

	t.xScale = make([]data.Scaler, t.inputs)
	if c.ScaleX {
		col := make([]float64, len(trainIdx))
		for j := range t.inputs {
			for k, i := range trainIdx {
				col[k] = feats[i*t.inputs+j]
			}
			t.xScale[j] = data.FitScaler(col)
		}
	}
	if c.ScaleY {
		t.yScale = data.FitScaler(pick(set.Y, trainIdx))
	}
	t.train = t.makeRows(feats, set, trainIdx)
	t.val = t.makeRows(feats, set, valIdx)

	xm, xs := data.MeanStd(t.train.xRaw)
	if data.IsConstant(xm, xs) {
		t.note(fmt.Sprintf("x is constant (%.4g) on the training rows; there is nothing to learn", xm))
	}
}

// autoScale turns on scaling, with a note, when unscaled values are too
// large for float32 training (CASES B23).
func (t *Trainer) autoScale(feats, y []float64, trainIdx []int) {
	if !t.cfg.ScaleX && maxAbs(feats) > hugeValue {
		t.cfg.ScaleX = true
		t.note(fmt.Sprintf("inputs reach %.3g; values beyond %.0e overflow 32-bit floats "+
			"when squared, so x is standardized", maxAbs(feats), hugeValue))
	}
	if !t.cfg.ScaleY && maxAbs(y) > hugeValue {
		t.cfg.ScaleY = true
		t.note(fmt.Sprintf("targets reach %.3g; values beyond %.0e overflow 32-bit floats "+
			"when squared, so y is standardized", maxAbs(y), hugeValue))
	}
}

// makeRows gathers the rows idx in model units.
func (t *Trainer) makeRows(feats []float64, set data.Set, idx []int) rowSet {
	n, in := len(idx), t.inputs
	r := rowSet{
		n: n, x: make([]float32, n*in), y: make([]float32, n),
		xRaw: make([]float64, n), yOrig: make([]float64, n),
		pred32: make([]float32, n), pred: make([]float64, n),
	}
	for k, i := range idx {
		for j := range in {
			r.x[k*in+j] = float32(t.xScale[j].Apply(feats[i*in+j]))
		}
		r.y[k] = float32(t.yScale.Apply(set.Y[i]))
		r.xRaw[k] = set.X[i]
		r.yOrig[k] = set.Y[i]
	}
	return r
}

// setupOptimizer builds the optimizer named in the config.
func (t *Trainer) setupOptimizer() {
	c := &t.cfg
	t.lr = c.LearningRate
	switch c.Optimizer {
	case SGD:
		t.opt = &optim.SGD{LearningRate: c.LearningRate, Momentum: c.Momentum, Nesterov: c.Nesterov}
	case RMSprop:
		t.opt = &optim.RMSprop{LearningRate: c.LearningRate, Rho: c.Rho,
			Momentum: c.Momentum, Epsilon: c.Epsilon}
	case LBFGS:
		t.lr = 0
		t.lb = newLBFGSRun(len(t.model.Params))
		t.note(fmt.Sprintf("L-BFGS uses all %d training rows in every step; batch size, "+
			"learning rate and schedule do not apply; one epoch is %d L-BFGS iterations",
			t.train.n, lbfgsItersPerEpoch))
	default:
		t.opt = &optim.Adam{LearningRate: c.LearningRate, Beta1: c.Beta1,
			Beta2: c.Beta2, Epsilon: c.Epsilon}
	}
}

// setupBatches clamps the batch size to the training rows (CASES B26) and
// allocates the batch buffers.
func (t *Trainer) setupBatches() {
	n := t.train.n
	t.batch = t.cfg.BatchSize
	if t.lb != nil {
		t.batch = n
	} else if t.batch > n {
		t.batch = n
		t.note(fmt.Sprintf("batch size %d > %d training rows; using %d (1 step per epoch)",
			t.cfg.BatchSize, n, n))
	}
	t.order = make([]int, n)
	for i := range t.order {
		t.order[i] = i
	}
	t.bx = make([]float32, t.batch*t.inputs)
	t.by = make([]float32, t.batch)
	t.dy = make([]float32, t.batch)
	t.epochStart = make([]float32, len(t.model.Params))
	if t.cfg.RestoreBest {
		t.best = make([]float32, len(t.model.Params))
	}
}

// measureStart records the spread of the initial predictions (which the
// initial scoring pass left in t.train) and the loss of predicting the
// mean target, both used to spot a collapse.
func (t *Trainer) measureStart() {
	r := &t.train
	t.startSpread = stdOf(r.pred)
	_, t.yStd = data.MeanStd(r.yOrig)

	mean, _ := meanStd32(r.y)
	for i := range r.pred32 {
		r.pred32[i] = float32(mean)
	}
	t.baseLoss = t.cfg.Loss.Eval(nil, r.pred32, r.y)
}

// note adds a message for [Trainer.Notes].
func (t *Trainer) note(s string) { t.notes = append(t.notes, s) }

// Advance trains until maxSteps optimizer steps were taken or the deadline
// passed, whichever comes first, or until training finishes. maxSteps 0
// and a zero deadline mean no limit; a negative maxSteps takes no step and
// only finishes the scoring pass in progress (Progress.Scoring), if any,
// as the page's Step does after a pause in the middle of one. Scoring the
// rows after the last step of an epoch (and the initial weights before the
// first step) does not count as a step: the epoch ends in the same call
// unless the deadline passes first. Advance always does some work (a step,
// or a chunk of scoring) when there is any left, stops between batches or
// between chunks, and returns what happened. After divergence it
// returns the same [*DivergedError] on every call; build a new Trainer
// with a lower learning rate to try again. After training finished it
// returns at once with Progress.Finished set.
func (t *Trainer) Advance(maxSteps int, deadline time.Time) (Progress, error) {
	if t.err != nil || t.finished {
		return t.progress(false), t.err
	}
	epochs := len(t.hist)
	for taken, units := 0, 0; !t.finished; units++ {
		if !t.pass.active && (maxSteps < 0 || maxSteps > 0 && taken >= maxSteps) {
			t.reason = "step limit"
			break
		}
		if units > 0 && !deadline.IsZero() && time.Now().After(deadline) {
			t.reason = "deadline"
			break
		}
		stepped, err := t.advanceOne()
		if stepped {
			taken++
		}
		if err != nil {
			return t.progress(len(t.hist) > epochs), err
		}
	}
	if t.lb != nil && !t.finished {
		t.lb.restoreAccepted(t.model.Params)
	}
	return t.progress(len(t.hist) > epochs), nil
}

// progress reports the current state.
func (t *Trainer) progress(epochDone bool) Progress {
	return Progress{Epoch: len(t.hist), Step: t.steps, EpochDone: epochDone,
		Finished: t.finished || t.err != nil, Scoring: t.pass.active && !t.finished,
		Reason: t.reason}
}

// History returns the figures of every completed epoch, oldest first. The
// slice is shared with the Trainer; do not modify it.
func (t *Trainer) History() []EpochStats { return t.hist }

// Notes returns messages about choices the Trainer made for the user, such
// as a clamped batch size or scaling turned on for huge values.
func (t *Trainer) Notes() []string { return t.notes }

// Model returns the network being trained.
func (t *Trainer) Model() *nn.MLP { return t.model }

// Scalers returns the scaler of the x input column and of the targets; the
// zero Scaler (identity) when scaling is off. Extra feature columns have
// their own scalers, fitted the same way.
func (t *Trainer) Scalers() (x, y data.Scaler) { return t.xScale[0], t.yScale }

// Config returns the configuration in use, with defaults filled in and
// scaling turned on where [Trainer.Notes] says so.
func (t *Trainer) Config() Config { return t.cfg }

// BatchSize returns the batch size in use, after clamping to the training
// rows (all rows for L-BFGS).
func (t *Trainer) BatchSize() int { return t.batch }

// StepsPerEpoch returns the optimizer steps in one epoch: ⌈training rows ÷
// batch size⌉, since the last partial batch is kept as Keras does (for
// L-BFGS it varies with the line searches and StepsPerEpoch returns 0).
func (t *Trainer) StepsPerEpoch() int {
	if t.lb != nil {
		return 0
	}
	return (t.train.n + t.batch - 1) / t.batch
}

// Split returns the indices, into the data set given to [New], of the
// training rows and of the validation rows, as [SplitRows] computes them.
// The slices are shared with the Trainer; do not modify them.
func (t *Trainer) Split() (train, val []int) { return t.trainIdx, t.valIdx }

// Rows returns the number of training and validation rows.
func (t *Trainer) Rows() (train, val int) { return t.train.n, t.val.n }

// TrainXRange returns the smallest and largest x of the training rows.
func (t *Trainer) TrainXRange() (lo, hi float64) { return minMax(t.train.xRaw) }

// ValXRange returns the smallest and largest x of the validation rows; ok
// is false when there are none. With a last-rows split of data sorted by x,
// the range sits beyond the training range: validation then measures
// extrapolation (CASES B12).
func (t *Trainer) ValXRange() (lo, hi float64, ok bool) {
	if t.val.n == 0 {
		return 0, 0, false
	}
	lo, hi = minMax(t.val.xRaw)
	return lo, hi, true
}

// BestEpoch returns the 1-based epoch with the lowest monitored loss
// (validation loss, or training loss without validation rows), 0 before
// the first epoch ends.
func (t *Trainer) BestEpoch() int { return t.bestEpoch + 1 }

// Predict returns the network's predictions for x, in original units.
func (t *Trainer) Predict(x []float64) []float64 {
	dst := make([]float64, len(x))
	t.PredictTo(dst, x)
	return dst
}

// PredictTo writes the predictions for x into dst, in original units. It
// panics if dst is shorter than x.
func (t *Trainer) PredictTo(dst, x []float64) {
	if len(dst) < len(x) {
		panic(fmt.Sprintf("train: prediction buffer has %d values, want %d", len(dst), len(x)))
	}
	if len(x) == 0 {
		return
	}
	in := make([]float32, len(x)*t.inputs)
	feat := make([]float64, t.inputs)
	for i, v := range x {
		t.cfg.Features.Expand(feat, v)
		for j, f := range feat {
			in[i*t.inputs+j] = float32(t.xScale[j].Apply(f))
		}
	}
	out := make([]float32, len(x))
	t.model.Predict(out, in, len(x))
	for i, p := range out {
		dst[i] = t.yScale.Invert(float64(p))
	}
}
