//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
	"time"

	"netfit/core/hint"
	"netfit/core/metrics"
	"netfit/core/train"
	"netfit/core/view"
)

// postProgress sends the page a snapshot: counters, the epochs of history
// not sent yet, the latest metrics and, when the budget allows or training
// stopped, fresh predictions. stopped says training just ended or paused.
func (w *worker) postProgress(stopped bool) {
	w.postSnapshot(stopped, true)
}

// postSnapshot is postProgress; withPredictions false leaves the
// predictions out, so that the counters, notes and hints of a new trainer
// reach the page before a big network's first predictions are computed.
func (w *worker) postSnapshot(stopped, withPredictions bool) {
	now := time.Now()
	w.lastPost = now
	m := object{"type": msgProgress, "token": w.token, "run": w.runID,
		"running": w.running, "stopped": stopped}
	if w.tr == nil {
		w.post(m)
		return
	}

	hist := w.tr.History()
	m["epoch"], m["step"] = len(hist), w.last.Step
	m["finished"], m["reason"] = w.last.Finished, w.last.Reason
	m["scoring"] = w.last.Scoring
	m["elapsed"] = w.elapsed.Seconds()
	if s := w.elapsed.Seconds(); s > 0 {
		m["samplesPerSecond"] = float64(w.samples()) / s
	}
	m["stepsPerEpoch"] = w.tr.StepsPerEpoch()
	m["notes"] = stringList(w.tr.Notes())
	if w.err != nil {
		m["error"] = w.err.Error()
	}
	var de *train.DivergedError
	if errors.As(w.err, &de) {
		m["failedEpoch"] = de.Epoch // counted from 1; the history holds the epochs before it
	}
	if len(hist) != w.hinted || stopped {
		m["hints"] = w.hints(hist)
		w.hinted = len(hist)
	}
	w.addHistory(m, hist)
	if withPredictions && (stopped || w.budget.Due(now)) {
		w.addPredictions(m)
		w.budget.Ran(now, time.Since(now))
	}
	w.post(m)
}

// hints returns the advice for the run so far (core/hint) for the page.
func (w *worker) hints(hist []train.EpochStats) []any {
	var out []any
	for _, h := range hint.CheckRun(w.settings.Train, w.set, hist, w.err) {
		out = append(out, object{"id": h.ID, "severity": h.Severity.String(),
			"message": h.Message, "fix": h.Fix, "patch": h.Patch})
	}
	return out
}

// samples counts the training samples processed so far: full epochs, then
// the batches of the current one.
func (w *worker) samples() int {
	nt, _ := w.tr.Rows()
	spe := w.tr.StepsPerEpoch()
	if spe == 0 { // L-BFGS: every evaluation uses all training rows
		return w.last.Step * nt
	}
	epochs := w.last.Step / spe
	return epochs*nt + min(nt, (w.last.Step%spe)*w.tr.BatchSize())
}

// addHistory adds the epochs not yet sent (from, loss, valLoss, and stats
// for the page's epoch events, see epochs.go) and the metrics of the last
// epoch.
func (w *worker) addHistory(m object, hist []train.EpochStats) {
	fresh := hist[w.sent:]
	loss := make([]float64, len(fresh))
	valLoss := make([]float64, len(fresh))
	for i, h := range fresh {
		loss[i], valLoss[i] = h.Loss, h.ValLoss
	}
	m["from"] = w.sent
	m["loss"], m["valLoss"] = float64Array(loss), float64Array(valLoss)
	m["stats"] = float64Array(packEpochs(fresh))
	w.sent = len(hist)
	if len(hist) == 0 {
		return
	}
	last := hist[len(hist)-1]
	m["train"], m["val"] = report(last.Train), report(last.Val)
	m["lastLoss"], m["lastValLoss"] = number(last.Loss), number(last.ValLoss)
	m["learningRate"] = number(last.LearningRate)
	m["bestEpoch"] = w.tr.BestEpoch()
}

// addPredictions adds the prediction curve over the chart's x range and
// the predictions at the subsample of rows, sized so that one refresh
// stays cheap even for a big network.
func (w *worker) addPredictions(m object) {
	curveN, rowsN := view.Split(view.Points(len(w.tr.Model().Params)))
	if len(w.rows) != min(rowsN, w.set.Len()) {
		w.rows = view.Subsample(w.set.Len(), rowsN)
		w.rowX = view.Pick(w.set.X, w.rows)
	}
	span := view.SpanOf(w.set.X, nil).Pad(view.ExtrapolationPad)
	grid := view.Grid(span.Lo, span.Hi, curveN)
	m["curveX"] = float64Array(grid)
	m["curveY"] = float64Array(w.tr.Predict(grid))

	rows := make([]float64, len(w.rows))
	for i, r := range w.rows {
		rows[i] = float64(r)
	}
	m["rows"] = float64Array(rows)
	m["points"] = float64Array(w.tr.Predict(w.rowX))
}

// report converts a metrics report for the page; undefined values are null.
func report(r metrics.Report) object {
	o := object{
		"n": r.N, "mse": number(r.MSE), "rmse": number(r.RMSE), "mae": number(r.MAE),
		"mape": number(r.MAPE), "mapeReliable": r.MAPEReliable, "mapeNote": r.MAPENote,
		"r2": nil, "r2Note": r.R2Note,
	}
	if r.R2Defined {
		o["r2"] = number(r.R2)
	}
	return o
}

// predict answers a predict message: predictions at x, and which x lie
// outside the training range (extrapolation, CASES B11).
func (w *worker) predict(m js.Value) {
	reply := object{"type": msgPredicted, "id": m.Get("id")}
	if w.tr == nil {
		reply["error"] = "no model: the settings have an error"
		w.post(reply)
		return
	}
	x := floats(m.Get("x"))
	lo, hi := w.tr.TrainXRange()
	out := make([]byte, len(x))
	for i, v := range x {
		if v < lo || v > hi {
			out[i] = 1
		}
	}
	reply["y"] = float64Array(w.tr.Predict(x))
	reply["extrapolated"] = bytesArray(out)
	w.post(reply)
}
