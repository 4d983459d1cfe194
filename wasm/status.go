//go:build js && wasm

package main

import (
	"math"
	"strconv"
	"syscall/js"
	"time"

	"netfit/core/view"
)

// runningStatus is the status line while training runs: the epoch in
// progress, the steps done of that epoch and the time trained, which
// ticks between the worker's snapshots (an epoch of a big network takes
// many seconds, and one step can take over a second). Before the first
// snapshot of the run, the worker is still building the network.
func (p *page) runningStatus() string {
	m := p.latest
	if !p.runSeen || !m.Truthy() {
		return "Training… starting: the worker is building the network and scoring its " +
			"initial weights (" + view.Duration(time.Since(p.runStart).Seconds()) + ")."
	}
	total := p.s.Train.EffectiveEpochs()
	done := int(num(m, "epoch", 0))
	text := "Training… epoch " + strconv.Itoa(min(done+1, total)) + " of " + strconv.Itoa(total)
	switch spe := int(num(m, "stepsPerEpoch", 0)); {
	case flag(m, "scoring") && num(m, "step", 0) == 0:
		text = "Training… starting: scoring the initial weights on every training row"
	case flag(m, "scoring"):
		text += ": scoring the rows with the epoch's weights"
	case spe > 1:
		step := int(num(m, "step", 0)) - done*spe
		text += ", step " + strconv.Itoa(min(max(step, 0), spe)) + " of " + strconv.Itoa(spe)
	}
	elapsed := num(m, "elapsed", 0) + time.Since(p.latestAt).Seconds()
	return text + ", " + view.Duration(elapsed) + "."
}

// pausedStatus is the status line when training paused between batches
// (the snapshot m): after the last epoch done, or within the next one with
// the steps done of it, as the running status counts them.
func (p *page) pausedStatus(m js.Value) string {
	total := strconv.Itoa(p.s.Train.EffectiveEpochs())
	done := int(num(m, "epoch", 0))
	spe := int(num(m, "stepsPerEpoch", 0))
	if flag(m, "scoring") && num(m, "step", 0) == 0 {
		return "Paused before the first step, while scoring the initial weights. Press Train to go on."
	}
	if step := int(num(m, "step", 0)) - done*spe; spe > 1 && step > 0 && step < spe {
		return "Paused in epoch " + strconv.Itoa(done+1) + " of " + total + " at step " +
			strconv.Itoa(step) + " of " + strconv.Itoa(spe) + ". Press Train to go on."
	}
	return "Paused at epoch " + strconv.Itoa(done) + " of " + total + ". Press Train to go on."
}

// tickStatus refreshes the status line while training runs, so that it
// moves even when no snapshot arrives for a while.
func (p *page) tickStatus() {
	if p.running && !p.pausing && p.runError == "" {
		p.setStatus(p.runningStatus())
	}
}

// divergedStatus is the status line after training diverged in epoch
// failed (counted from 1, as the note and the error say).
func (p *page) divergedStatus(failed int) string {
	return "Stopped in epoch " + strconv.Itoa(failed) + " of " +
		strconv.Itoa(p.s.Train.EffectiveEpochs()) + ": training diverged (see the note below)."
}

// writeRateHelp says which learning rates the log slider spans. The slider
// widens to show a rate from the link or the API beyond its range (see
// setSlider), and the help follows, so it never claims a range the value
// exceeds.
func (p *page) writeRateHelp() {
	slider := p.el(idLearningRate).Value
	lo, errLo := strconv.ParseFloat(slider.Get("min").String(), 64)
	hi, errHi := strconv.ParseFloat(slider.Get("max").String(), 64)
	if errLo != nil || errHi != nil {
		return
	}
	p.setText(idLearningRate+"-help", "logarithmic: "+rateText(math.Pow(10, lo))+
		" … "+rateText(math.Pow(10, hi)))
}

// rateText writes a learning rate in plain decimals, as the help always
// did ("0.00001", not "1e-05").
func rateText(lr float64) string {
	return strconv.FormatFloat(roundRate(lr), 'f', -1, 64)
}

// dashWhy adds the reason to the metric tiles' dashes when training
// diverged before any epoch finished: the weights are back at their
// initial values, and no epoch's figures describe them.
func (p *page) dashWhy(m js.Value) {
	failed := int(num(m, "failedEpoch", 0))
	if failed == 0 {
		return
	}
	why := "– (diverged in epoch " + strconv.Itoa(failed) + ")"
	for _, id := range []string{idNumLoss, idNumValLoss, idNumR2, idNumValR2, idNumMSE,
		idNumMAE, idNumMAPE} {
		p.setNumber(id, why, true)
	}
}
