package hint

import (
	"errors"
	"fmt"
	"math"
	"sort"

	"netfit/core/data"
	"netfit/core/metrics"
	"netfit/core/train"
)

// Severity ranks a hint.
type Severity int

const (
	// Info is worth knowing but not wrong, such as a clamped batch size.
	Info Severity = iota
	// Warning marks a setup that usually trains badly.
	Warning
	// Problem marks a setup or run that cannot give a good fit as it is.
	Problem
)

// String returns "info", "warning" or "problem".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Problem:
		return "problem"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// Hint is one piece of advice.
type Hint struct {
	ID       string   // stable key, e.g. "output-range"
	Severity Severity // how bad it is
	Message  string   // what is wrong and why, in full sentences
	Fix      string   // a short action label, e.g. "Use a linear output"; "" when none
	// Patch holds the settings that apply Fix, in URL-fragment form
	// ("out=linear", "scale=xy&lr=0.0001"), using the keys out, scale, lr,
	// opt, init, split, epochs and batch; "" when there is nothing to apply.
	Patch string
}

// IDs of the hints.
const (
	OutputRange         = "output-range"         // B08, B09
	UnscaledTargets     = "unscaled-targets"     // B02, B05
	UnscaledInputs      = "unscaled-inputs"      // B03
	LearningRateHigh    = "learning-rate-high"   // B04
	Diverged            = "diverged"             // B03, B04, B05
	ConstantPredictions = "constant-predictions" // B04 B, B07
	ZerosInit           = "zeros-init"           // B07
	SlowSGD             = "slow-sgd"             // B10
	NotConverged        = "not-converged"        // B01
	NearLine            = "near-line"            // B01
	ExtrapolationSplit  = "extrapolation-split"  // B12
	BatchClamped        = "batch-clamped"        // B26
	SlowStep            = "slow-step"            // one step takes seconds: Pause waits
	WideTargets         = "wide-targets"         // y spans too many orders of magnitude
)

// Thresholds; each is explained where it is used.
const (
	bigTarget    = 100            // |y| beyond this needs target scaling (B02: y up to 54,000)
	bigInput     = train.BigInput // |x| beyond this needs input scaling (B03: x up to 199)
	adamHighRate = 0.1            // Adam or RMSprop above this diverges or collapses (B04)
	sgdHighRate  = 0.5            // SGD above this diverges on standardized data (B04 A: 1.0 fails, 0.03 works)
	sgdSlowRate  = 1e-3           // plain SGD at or below this barely moves in a few hundred steps (B10)
	flatRatio    = 1e-3           // prediction spread below this share of the target spread is constant
	largeValue   = 1e15           // beyond this, squares (and sums of them) overflow 32-bit floats
	squareLimit  = 1e150          // beyond this, squares (and sums of them) overflow 64-bit floats
	wideOrders   = 8              // |y| spanning more orders of magnitude than this trains as a spike
)

// Check returns the hints for training cfg on set, given the epochs run so
// far (hist may be nil before training). An invalid cfg gives no hints:
// [train.Config.Validate] explains it. The hints come most severe first.
func Check(cfg train.Config, set data.Set, hist []train.EpochStats) []Hint {
	return CheckRun(cfg, set, hist, nil)
}

// CheckRun is [Check] plus the advice for err, the error that ended
// training (nil if none); a [train.DivergedError] gives a "diverged" hint.
func CheckRun(cfg train.Config, set data.Set, hist []train.EpochStats, err error) []Hint {
	if cfg.Validate() != nil || len(set.X) != len(set.Y) || len(set.X) < 2 {
		return nil
	}
	r := newRun(cfg, set, hist)
	checks := []func(*run) *Hint{
		checkOutputRange, checkWideTargets, checkUnscaledTargets, checkUnscaledInputs, checkZerosInit,
		checkLearningRate, checkConstant, checkSlowSGD, checkNotConverged, checkNearLine,
		checkSplit, checkBatch, checkSlowStep,
	}
	var hints []Hint
	var de *train.DivergedError
	if errors.As(err, &de) {
		hints = append(hints, diverged(r, de))
		r.divergedFired = true
	}
	for _, c := range checks {
		if h := c(r); h != nil {
			hints = append(hints, *h)
		}
	}
	sort.SliceStable(hints, func(i, j int) bool { return hints[i].Severity > hints[j].Severity })
	return hints
}

// run gathers what the checks share: the training rows as the trainer will
// split them, in original units and as the network sees them.
type run struct {
	cfg        train.Config
	hist       []train.EpochStats
	trainX     []float64
	trainY     []float64 // original units
	modelY     []float64 // standardized when cfg.ScaleY
	valX       []float64
	yStd       float64 // spread of trainY
	lr         float64 // effective learning rate
	optimizer  string
	rangeFired bool    // the output-range hint fired
	lineR2     float64 // the straight-line baseline, see [LineR2]
	lineErr    error   // why lineR2 is undefined, or nil

	divergedFired bool // the run diverged: the diverged hint gives the learning rate advice
}

// newRun splits set exactly as train.New does, with [train.SplitRows].
func newRun(cfg train.Config, set data.Set, hist []train.EpochStats) *run {
	trainIdx, valIdx := train.SplitRows(len(set.X), cfg)
	r := &run{cfg: cfg, hist: hist, lr: cfg.EffectiveLearningRate(), optimizer: cfg.Optimizer}
	if r.optimizer == "" {
		r.optimizer = train.Adam
	}
	for _, i := range trainIdx {
		r.trainX = append(r.trainX, set.X[i])
		r.trainY = append(r.trainY, set.Y[i])
	}
	for _, i := range valIdx {
		r.valX = append(r.valX, set.X[i])
	}
	r.modelY = r.trainY
	if cfg.ScaleY {
		s := data.FitScaler(r.trainY)
		r.modelY = make([]float64, len(r.trainY))
		for i, y := range r.trainY {
			r.modelY[i] = s.Apply(y)
		}
	}
	_, r.yStd = data.MeanStd(r.trainY)
	r.lineR2, r.lineErr = metrics.LineR2(r.trainX, r.trainY)
	return r
}

// LineR2 returns the R² of the straight-line baseline for training cfg on
// set, the one figure the page's "R² straight line" tile and the hints
// show: the least-squares line y ≈ α + β·x fitted to the training rows (as
// [train.SplitRows] splits them) and scored on those same rows, so it
// compares with the network's training R². The error is that of
// [metrics.LineR2], or wraps [metrics.ErrTooFew] for fewer than 2 rows.
// LineR2 panics if set.X and set.Y differ in length.
func LineR2(cfg train.Config, set data.Set) (float64, error) {
	if len(set.X) != len(set.Y) {
		panic(fmt.Sprintf("hint: %d x values but %d targets", len(set.X), len(set.Y)))
	}
	if len(set.X) < 2 {
		return metrics.LineR2(set.X, set.Y)
	}
	trainIdx, _ := train.SplitRows(len(set.X), cfg)
	x, y := make([]float64, len(trainIdx)), make([]float64, len(trainIdx))
	for k, i := range trainIdx {
		x[k], y[k] = set.X[i], set.Y[i]
	}
	return metrics.LineR2(x, y)
}

// last returns the last epoch's figures; ok is false before any epoch.
func (r *run) last() (st train.EpochStats, ok bool) {
	if len(r.hist) == 0 {
		return st, false
	}
	return r.hist[len(r.hist)-1], true
}

// lowerRate returns a tenth of the learning rate, rounded for display.
func (r *run) lowerRate() string { return fmtNum(r.lr / 10) }

// minMax returns the smallest and largest value of v.
func minMax(v []float64) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		lo, hi = min(lo, x), max(hi, x)
	}
	return lo, hi
}

// maxAbs returns the largest |v|.
func maxAbs(v []float64) float64 {
	lo, hi := minMax(v)
	return max(math.Abs(lo), math.Abs(hi))
}
