package hint

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

// checkOutputRange warns when the output activation cannot produce some of
// the targets the network is trained on (CASES B08: relu output and
// negative y; B09: tanh or sigmoid output and y beyond [−1, 1] or [0, 1]).
func checkOutputRange(r *run) *Hint {
	out := r.cfg.Model.Output
	lo, hi := out.Range()
	if math.IsInf(lo, -1) && math.IsInf(hi, 1) {
		return nil
	}
	below, above := 0, 0
	for _, y := range r.modelY {
		if y < lo {
			below++
		} else if y > hi {
			above++
		}
	}
	n := below + above
	if n == 0 {
		return nil
	}
	r.rangeFired = true

	where := fmt.Sprintf("%d are below %s", below, fmtNum(lo))
	if above > 0 && below > 0 {
		where = fmt.Sprintf("%d are below %s and %d above %s", below, fmtNum(lo), above, fmtNum(hi))
	} else if above > 0 {
		where = fmt.Sprintf("%d are above %s", above, fmtNum(hi))
	}
	scaled := ""
	if r.cfg.ScaleY {
		scaled = " after standardizing"
	}
	ylo, yhi := minMax(r.modelY)
	sev := Warning
	if float64(n) >= 0.05*float64(len(r.modelY)) {
		sev = Problem
	}
	return &Hint{
		ID: OutputRange, Severity: sev,
		Message: fmt.Sprintf("The %s output can only give values in %s, but the training targets%s "+
			"run from %s to %s: %d of %d (%s) fall outside (%s). Those predictions "+
			"are stuck at the edge of the range.", out, fmtRange(lo, hi), scaled,
			fmtNum(ylo), fmtNum(yhi), n, len(r.modelY), percent(n, len(r.modelY)), where),
		Fix: "Use a linear output", Patch: "out=linear",
	}
}

// checkWideTargets reports targets that span so many orders of magnitude
// that standardizing cannot help (exp(x*100) on [−15, 15] reaches 1.7e308):
// the few largest values set the spread, so the rest become nearly one
// value and the network sees a flat line with a spike. It measures the span
// from the 10th percentile of the non-zero |y| to the largest; beyond about
// 1e150 the squares in the loss, MSE and R² overflow even 64-bit floats.
func checkWideTargets(r *run) *Hint {
	var abs []float64
	for _, y := range r.trainY {
		if a := math.Abs(y); a > 0 && !math.IsInf(a, 0) {
			abs = append(abs, a)
		}
	}
	if len(abs) < 2 {
		return nil
	}
	sort.Float64s(abs)
	small, big := abs[len(abs)/10], abs[len(abs)-1]
	orders := math.Log10(big) - math.Log10(small) // big/small may overflow
	if orders <= wideOrders && big <= squareLimit {
		return nil
	}
	if orders <= wideOrders { // evenly spread, only too large: a change of units fits them
		return &Hint{ID: WideTargets, Severity: Warning, Message: fmt.Sprintf("The training "+
			"targets reach %s: their squares overflow even 64-bit floats, so the MSE and R² "+
			"in the units of y cannot be computed. Divide y by a power of ten (units of "+
			"1e%.0f, say) before loading it.", fmtNum(big), math.Floor(math.Log10(big)))}
	}
	msg := fmt.Sprintf("The training targets span %.0f orders of magnitude (a tenth of them "+
		"are below %s, the largest is %s). ", orders, fmtNum(small), fmtNum(big))
	if big > squareLimit {
		msg += "Their squares overflow even 64-bit floats, so the MSE and R² in the units " +
			"of y cannot be computed. "
	}
	msg += "The network trains in 32-bit floats on targets standardized by their spread, " +
		"which the few largest values set: all the others become nearly one value, and the " +
		"network sees a flat line with a spike. Fit log(y) instead (for a formula, take its " +
		"log, e.g. x*100 for exp(x*100)), or narrow the x range."
	return &Hint{ID: WideTargets, Severity: Problem, Message: msg}
}

// checkUnscaledTargets warns when target scaling is off and |y| is large
// (CASES B02: y up to 54,000 under-fits; B05: house prices give NaN).
func checkUnscaledTargets(r *run) *Hint {
	m := maxAbs(r.trainY)
	if r.cfg.ScaleY || m <= bigTarget {
		return nil
	}
	sc := r.standardize()
	return &Hint{
		ID: UnscaledTargets, Severity: Warning,
		Message: fmt.Sprintf("Targets reach %s and target scaling is off. A freshly "+
			"initialized network outputs values near ±1, so it must grow huge weights "+
			"to reach them: expect a flat, poor fit or a loss that turns NaN. "+
			"Standardizing y (predictions are mapped back) avoids this.%s", fmtNum(m),
			overflowNote(m)),
		Fix: joinFix("", sc.fix), Patch: sc.patch,
	}
}

// checkUnscaledInputs warns when input scaling is off and |x| is large
// (CASES B03: x up to 199 makes SGD diverge).
func checkUnscaledInputs(r *run) *Hint {
	m := maxAbs(r.trainX)
	if r.cfg.ScaleX || m <= bigInput {
		return nil
	}
	lo, hi := fmtSpan(minMax(r.trainX))
	sc := r.standardize()
	return &Hint{
		ID: UnscaledInputs, Severity: Warning,
		Message: fmt.Sprintf("x runs from %s to %s and input scaling is off. Gradients grow "+
			"with |x|, so a learning rate that suits standardized inputs can make the "+
			"loss explode.%s", lo, hi, overflowNote(maxAbs(r.trainX))),
		Fix: joinFix("", sc.fix), Patch: sc.patch,
	}
}

// overflowNote returns a sentence for unscaled values as large as m
// whose squares overflow 32-bit floats, or "".
func overflowNote(m float64) string {
	if m <= largeValue {
		return ""
	}
	return " Beyond about 1e15 their squares overflow the 32-bit floats training uses, " +
		"so these values must be standardized."
}

// checkZerosInit warns about the all-zeros initializer in a network with
// hidden layers (CASES B07).
func checkZerosInit(r *run) *Hint {
	if r.cfg.Model.Init != nn.Zeros || len(r.cfg.Model.Hidden) == 0 {
		return nil
	}
	return &Hint{
		ID: ZerosInit, Severity: Problem,
		Message: "Every weight starts at zero, so all units of a layer compute the same " +
			"thing and receive the same update: they never become different, and the " +
			"prediction stays a flat line.",
		Fix: "Use Glorot-uniform weights", Patch: "init=glorot_uniform",
	}
}

// highRate returns the usual learning rates of the optimizer and the one
// to suggest when lr is far above them (CASES B04: Adam lr 1 collapses, SGD
// lr 1 gives NaN); high is false otherwise, and always for L-BFGS.
func (r *run) highRate() (usual, suggest string, high bool) {
	limit, usual, suggest := adamHighRate, "0.0001 to 0.01", "0.001"
	switch r.optimizer {
	case train.SGD:
		limit, usual, suggest = sgdHighRate, "0.001 to 0.1", "0.01"
	case train.LBFGS:
		return "", "", false
	}
	return usual, suggest, r.lr > limit
}

// checkLearningRate warns about a learning rate far above the usual range.
func checkLearningRate(r *run) *Hint {
	usual, suggest, high := r.highRate()
	if !high || r.divergedFired {
		return nil // the diverged hint makes the same suggestion
	}
	return &Hint{
		ID: LearningRateHigh, Severity: Warning,
		Message: fmt.Sprintf("A learning rate of %s is very high for %s (usual: %s). "+
			"Training may diverge to NaN or collapse to a constant prediction.",
			fmtNum(r.lr), r.optimizer, usual),
		Fix: "Use learning rate " + suggest, Patch: "lr=" + suggest,
	}
}

// diverged turns a [train.DivergedError] into a hint (CASES B03, B04, B05)
// with one suggestion: the learning rate the error suggests
// ([train.RetryRate]: the usual rate when the one in use is far above it,
// else a tenth of it), so that the page, the error and the API say the same;
// and standardized x and y when they are not. Epochs count from 1, as
// everywhere on the page.
func diverged(r *run, de *train.DivergedError) Hint {
	h := Hint{ID: Diverged, Severity: Problem,
		Message: fmt.Sprintf("Training stopped in epoch %d: the %s. The weights were put "+
			"back to the start of that epoch.", de.Epoch, strings.TrimPrefix(de.What, "the "))}
	patch := ""
	retry := de.RetryRate
	if retry == 0 {
		retry = train.RetryRate(r.optimizer, r.lr)
	}
	suggest := fmtNum(retry)
	reg := r.regularization()
	if usual, _, high := r.highRate(); high {
		h.Message += fmt.Sprintf(" A learning rate of %s is very high for %s (usual: %s).",
			fmtNum(r.lr), r.optimizer, usual)
		h.Fix, patch = "Use learning rate "+suggest, "lr="+suggest
	} else if reg.fix != "" {
		h.Message += reg.message
		h.Fix, patch = reg.fix, reg.patch
	} else if retry > 0 {
		h.Fix, patch = "Lower the learning rate 10× to "+suggest, "lr="+suggest
	}
	if sc := r.standardize(); sc.fix != "" {
		h.Message += " Unscaled " + sc.names + " can make the steps too large."
		h.Fix = joinFix(h.Fix, sc.fix)
		patch = joinPatch(patch, sc.patch)
	}
	h.Patch = patch
	return h
}

// scaling is the advice to standardize what needs it.
type scaling struct {
	names string // what gets standardized: "x", "y" or "x and y"; "" for nothing
	fix   string // "standardize y" and so on; "" when nothing changes
	patch string // "scale=y" and so on
}

// standardize returns the advice that turns on target scaling, and input
// scaling only where |x| exceeds bigInput: inputs in a small range may be
// unscaled on purpose, as the recommended sine setup leaves them for its
// sin units (standardizing x there divides every learned frequency by the
// spread of x and the fit turns into a near-straight line). Scaling already
// on stays on.
func (r *run) standardize() scaling {
	x := !r.cfg.ScaleX && maxAbs(r.trainX) > bigInput
	y := !r.cfg.ScaleY
	var sc scaling
	switch {
	case x && y:
		sc.names = "x and y"
	case x:
		sc.names = "x"
	case y:
		sc.names = "y"
	default:
		return sc
	}
	sc.fix = "standardize " + sc.names
	scale := ""
	if x || r.cfg.ScaleX {
		scale += "x"
	}
	if y || r.cfg.ScaleY {
		scale += "y"
	}
	sc.patch = "scale=" + scale
	return sc
}

// checkConstant reports predictions that are (nearly) one value while the
// targets vary (CASES B07, B04 B).
func checkConstant(r *run) *Hint {
	st, ok := r.last()
	if !ok || r.yStd == 0 || st.Spread > flatRatio*r.yStd {
		return nil
	}
	mean, _ := data.MeanStd(r.trainY)
	if data.IsConstant(mean, r.yStd) {
		return nil
	}
	h := &Hint{ID: ConstantPredictions, Severity: Problem,
		Message: fmt.Sprintf("Every prediction is nearly the same value (spread %s, against %s "+
			"for the targets): the network predicts a constant, so R² is about 0 or below.",
			fmtNum(st.Spread), fmtNum(r.yStd))}
	reg := r.regularization()
	switch {
	case r.cfg.Model.Init == nn.Zeros:
		h.Fix, h.Patch = "Use Glorot-uniform weights", "init=glorot_uniform"
	case r.rangeFired:
		h.Fix, h.Patch = "Use a linear output", "out=linear"
	case reg.fix != "":
		h.Message += reg.message
		h.Fix, h.Patch = reg.fix, reg.patch
	case r.optimizer == train.SGD && r.lr <= sgdSlowRate:
		h.Fix, h.Patch = "Use Adam, learning rate 0.01", "opt=adam&lr=0.01"
	case r.optimizer != train.LBFGS && !r.divergedFired: // else the diverged hint's rate
		h.Fix, h.Patch = "Lower the learning rate 10×", "lr="+r.lowerRate()
	}
	return h
}

// checkSlowSGD reports plain SGD with a small learning rate that left a
// poor fit (CASES B10: 500 steps at lr 0.001, R² −0.14).
func checkSlowSGD(r *run) *Hint {
	st, ok := r.last()
	if !ok || r.optimizer != train.SGD || r.lr > sgdSlowRate || r.cfg.Momentum > 0 {
		return nil
	}
	r2 := st.Train.R2
	if !st.Train.R2Defined || r2 >= 0.5 {
		return nil
	}
	worse := ""
	if r2 < 0 {
		worse = " (below 0: worse than predicting the mean)"
	}
	return &Hint{
		ID: SlowSGD, Severity: Warning,
		Message: fmt.Sprintf("Plain SGD with learning rate %s moves the weights slowly: after %d "+
			"steps the predictions spread only %s against %s for the targets, and training "+
			"R² is %s%s.", fmtNum(r.lr), st.Steps, fmtNum(st.Spread), fmtNum(r.yStd),
			fmtNum(r2), worse),
		Fix: "Use Adam, learning rate 0.01", Patch: "opt=adam&lr=0.01",
	}
}

// Thresholds of [checkNotConverged].
const (
	nearPerfect = 0.999 // training R² at or above this leaves nothing for more epochs to gain
	minDrop     = 0.03  // a fall of the mean loss by less than 3 % between windows is flat...
	trendDrop   = 0.1   // ...unless its trend takes another 10 % off in as many epochs again
)

// checkNotConverged reports a finished run whose loss was still falling
// (CASES B01: the sine needs ~300 epochs at lr 0.001). A fit that is
// already near-perfect gets no advice.
func checkNotConverged(r *run) *Hint {
	n := len(r.hist)
	epochs := r.cfg.EffectiveEpochs()
	st, _ := r.last()
	if n < 6 || n < epochs || (st.Train.R2Defined && st.Train.R2 >= nearPerfect) {
		return nil
	}
	before, last, k, falling := lossFalling(r.hist)
	if !falling {
		return nil
	}
	msg := fmt.Sprintf("The loss was still falling when training stopped (the last %d epochs "+
		"average %s lower than the %d before): the network has not converged, and more "+
		"epochs may help.", k, fmtPercentDrop(before, last), k)
	msg += r.lineComparison()
	more := min(2*epochs, train.MaxEpochs)
	if r.cfg.Schedule == train.ScheduleCosine {
		msg += fmt.Sprintf(" The cosine schedule brought the learning rate down to 0 by the "+
			"last epoch; training %d epochs starts a new, longer schedule from fresh weights.", more)
	}
	return &Hint{ID: NotConverged, Severity: Info, Message: msg,
		Fix: fmt.Sprintf("Train %d epochs", more), Patch: fmt.Sprintf("epochs=%d", more)}
}

// lossFalling compares the last k epochs of h with the k before them
// (k = max(3, n/10)) on a log scale, so that an oscillating loss is not
// called falling. With m the mean of log₁₀ loss over a window, the loss
// falls when
//
//	drop = m(before) − m(last) > noise = mean |log₁₀ loss_i − log₁₀ loss_{i−1}|
//
// over the 2k epochs (the fall beats the epoch-to-epoch jitter), and either
// the drop is at least 3 % or its trend, drop/k per epoch, would take
// another 10 % off in n more epochs (CASES B01 at 30 epochs falls 2.4 % over
// the last 3). before and last are the two windows' geometric mean losses.
func lossFalling(h []train.EpochStats) (before, last float64, k int, ok bool) {
	n := len(h)
	k = max(3, n/10)
	if n < 2*k {
		return 0, 0, k, false
	}
	logs := make([]float64, 2*k)
	for i, st := range h[n-2*k:] {
		if !(st.Loss > 0) || math.IsInf(st.Loss, 0) {
			return 0, 0, k, false
		}
		logs[i] = math.Log10(st.Loss)
	}
	var mBefore, mLast, noise float64
	for i := range k {
		mBefore += logs[i] / float64(k)
		mLast += logs[k+i] / float64(k)
	}
	for i := 1; i < 2*k; i++ {
		noise += math.Abs(logs[i]-logs[i-1]) / float64(2*k-1)
	}
	drop := mBefore - mLast
	big := drop >= -math.Log10(1-minDrop) || drop/float64(k)*float64(n) >= -math.Log10(1-trendDrop)
	return math.Pow(10, mBefore), math.Pow(10, mLast), k, drop > noise && big
}

// checkNearLine reports a fit barely better than a straight line (CASES
// B01: R² 0.69 against 0.60 for a line), unless not-converged says it.
// Both R² are on the training rows, as [LineR2] defines the baseline.
func checkNearLine(r *run) *Hint {
	st, ok := r.last()
	if !ok || !st.Train.R2Defined {
		return nil
	}
	line, err := r.lineR2, r.lineErr
	if err != nil || line > 0.95 || st.Train.R2 > line+0.05 || checkNotConverged(r) != nil {
		return nil
	}
	reg := r.regularization()
	return &Hint{ID: NearLine, Severity: Info,
		Message: fmt.Sprintf("The network's training R² is %s; a straight line fitted to the "+
			"same training rows scores %s, so the network has learned little beyond a line.",
			fmtNum(st.Train.R2), fmtNum(line)) + reg.message,
		Fix: reg.fix, Patch: reg.patch}
}

// advice is a sentence for a hint's message with the fix it leads to.
type advice struct {
	message    string // starts with a space; "" when there is nothing to say
	fix, patch string
}

// regularization returns the advice to turn off dropout or the L2 penalty
// when either is strong enough to explain a poor fit (at or above
// train.StrongDropout or train.StrongL2), or no advice. The
// checks that find a poor fit (constant predictions, divergence, a fit
// near a straight line) give it instead of a learning rate.
func (r *run) regularization() advice {
	m := r.cfg.Model
	var a advice
	if m.Dropout >= train.StrongDropout {
		a.message += fmt.Sprintf(" Dropout %s zeroes %s of the hidden units at every step "+
			"and multiplies the others by %s, so each step fits a different, much smaller "+
			"network; for fitting a curve, 0 to 0.1 is usual.",
			strconv.FormatFloat(m.Dropout, 'g', 6, 64), fmtPercent(m.Dropout), fmtNum(1/(1-m.Dropout)))
		a.fix, a.patch = "turn off dropout", "dropout=0"
	}
	if m.L2 >= train.StrongL2 {
		a.message += fmt.Sprintf(" An L2 penalty of %s adds %s·Σw² to the loss, so keeping "+
			"the weights small counts for more than fitting the data; 0 to 0.0001 is usual.",
			fmtNum(m.L2), fmtNum(m.L2))
		if a.fix == "" {
			a.fix, a.patch = "turn off the L2 penalty", "l2=0"
		} else {
			a.fix, a.patch = "turn off dropout and the L2 penalty", "dropout=0&l2=0"
		}
	}
	if a.fix != "" {
		a.fix = joinFix("", a.fix)
	}
	return a
}

// lineComparison returns a sentence comparing the last training R² with
// the straight-line baseline on the same rows ([LineR2]), or "".
func (r *run) lineComparison() string {
	st, _ := r.last()
	if r.lineErr != nil || !st.Train.R2Defined {
		return ""
	}
	return fmt.Sprintf(" Network training R² %s; a straight line through the training rows "+
		"scores %s.", fmtNum(st.Train.R2), fmtNum(r.lineR2))
}

// checkSplit warns when the last-rows split puts the validation rows
// outside the training x range (CASES B12: sorted data).
func checkSplit(r *run) *Hint {
	if r.cfg.Split != data.SplitLast || len(r.valX) == 0 {
		return nil
	}
	tlo, thi := minMax(r.trainX)
	outside := 0
	for _, x := range r.valX {
		if x < tlo || x > thi {
			outside++
		}
	}
	if 2*outside < len(r.valX) {
		return nil
	}
	vlo, vhi := minMax(r.valX)
	return &Hint{ID: ExtrapolationSplit, Severity: Warning,
		Message: fmt.Sprintf("Validation takes the last %s of the rows as given, and their x "+
			"(%s to %s) lies outside the training x (%s to %s) for %d of %d rows: validation "+
			"measures extrapolation, not the fit.", fmtNum(100*r.cfg.ValFraction)+"%",
			fmtNum(vlo), fmtNum(vhi), fmtNum(tlo), fmtNum(thi), outside, len(r.valX)),
		Fix: "Split at random", Patch: "split=random"}
}

// checkBatch notes a batch size larger than the training rows (CASES B26).
func checkBatch(r *run) *Hint {
	batch := r.cfg.BatchSize
	if batch == 0 {
		batch = train.DefaultBatchSize
	}
	n := len(r.trainX)
	if r.optimizer == train.LBFGS || batch <= n {
		return nil
	}
	return &Hint{ID: BatchClamped, Severity: Info,
		Message: fmt.Sprintf("Batch size %d > %d training rows; using %d: one update per epoch.",
			batch, n, n)}
}

// Step time estimate of [checkSlowStep]: a dense layer's forward pass costs
// 2 flops per weight and sample, the backward pass 4 (the gradients of the
// weights and of the inputs), so one step costs about 6·weights·batch size
// flops. A browser tab's pure-Go or SIMD kernels run about 2 GFLOP/s on a
// laptop core (make bench).
const (
	flopsPerSecond = 2e9
	slowStep       = 3.0 // seconds: longer, and Pause visibly does not answer
	smallBatch     = 256 // the batch size suggested for a slow step
)

// stepSeconds estimates the seconds of one optimizer step of batch samples.
func (r *run) stepSeconds(batch int) float64 {
	spec := r.cfg.Model
	spec.Inputs = r.cfg.Features.Count()
	return 6 * float64(spec.NumParams()) * float64(batch) / flopsPerSecond
}

// checkSlowStep warns before training when one optimizer step will take
// seconds: the worker can pause only between steps, so Pause and Stop seem
// dead meanwhile (n=100000&layers=2048,2048&batch=100000 takes minutes).
func checkSlowStep(r *run) *Hint {
	batch := r.cfg.BatchSize
	if batch == 0 {
		batch = train.DefaultBatchSize
	}
	batch = min(batch, len(r.trainX))
	if r.optimizer == train.LBFGS { // every evaluation uses all training rows
		batch = len(r.trainX)
	}
	sec := r.stepSeconds(batch)
	if sec <= slowStep {
		return nil
	}
	h := &Hint{ID: SlowStep, Severity: Warning, Message: fmt.Sprintf(
		"One step of this setup takes about %s s; Pause and Stop answer only between steps. "+
			"Use a smaller batch size.", fmtNum(math.Round(sec)))}
	suggest := smallBatch
	for suggest > 1 && r.stepSeconds(suggest) > slowStep {
		suggest /= 2
	}
	if r.optimizer != train.LBFGS && suggest < batch {
		h.Fix = fmt.Sprintf("Use batch size %d", suggest)
		h.Patch = fmt.Sprintf("batch=%d", suggest)
	}
	return h
}

// joinFix joins two action labels.
func joinFix(a, b string) string {
	if a == "" {
		return string(b[0]-'a'+'A') + b[1:]
	}
	return a + " and " + b
}

// joinPatch joins two fragments with &.
func joinPatch(a, b string) string {
	if a == "" {
		return b
	}
	return a + "&" + b
}

// fmtPercent formats a fraction as a percentage with up to six digits:
// 0.9 is "90%", 0.99999 is "99.999%".
func fmtPercent(f float64) string {
	return strconv.FormatFloat(100*f, 'g', 6, 64) + "%"
}

// fmtPercentDrop formats the drop from before to after as a percentage.
func fmtPercentDrop(before, after float64) string {
	return fmt.Sprintf("%.0f%%", 100*(before-after)/before)
}
