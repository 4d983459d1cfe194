//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"netfit/core/settings"
	"netfit/core/source"
)

// buildButtons wires Train/Pause, Step, Reset, New sample and the presets.
func (p *page) buildButtons() {
	p.onClick(idTrain, func() {
		if p.running {
			p.pause()
		} else {
			p.train(false)
		}
	})
	p.onClick(idStep, func() { p.train(true) })
	p.onClick(idReset, p.reset)
	p.onClick(idRegenerate, func() {
		next := p.s
		next.Data.Seed++
		next.Train.Seed = next.Data.Seed
		p.apply(next, redata)
		p.writeControls()
	})
	p.onClick(idPresetKerasPoly, func() { p.usePreset("keras-poly") })
	p.onClick(idPresetKerasSine, func() { p.usePreset("keras-sine") })
	p.onClick(idPresetRecommended, func() {
		if p.s.Data.Source != settings.SourcePreset {
			p.useRecommended()
		} else if _, ok := settings.LookupPreset("recommended-" + p.s.Data.Preset); ok {
			p.usePreset("recommended-" + p.s.Data.Preset)
		} else {
			p.usePreset("recommended-sine")
		}
	})
}

// onClick calls f when the button with the given id is pressed.
func (p *page) onClick(id string, f func()) {
	p.el(id).AddEventListener("click", func(js.Value) { f() })
}

// usePreset installs the settings of a named preset.
func (p *page) usePreset(name string) {
	s, ok := settings.LookupPreset(name)
	if !ok {
		p.showRunError("unknown preset " + strconv.Quote(name))
		return
	}
	s.Embed, s.Hide, s.ShowPoints = p.s.Embed, p.s.Hide, p.s.ShowPoints
	p.showProblems("", nil)
	p.replace(s, loadedStatus(name, ""))
}

// noDataPrefix starts the status line when Train is refused for want of data.
const noDataPrefix = "No data to train on: "

// train asks the worker to train until done (or one epoch with stepOnly).
// It returns a problem that prevents training, or "".
func (p *page) train(stepOnly bool) string {
	if msg := p.typedProblem(); msg != "" {
		p.setStatus(msg)
		return msg
	}
	if p.dataErr != nil {
		msg := noDataPrefix + source.Explain(p.dataErr)
		p.setStatus(msg)
		return msg
	}
	if p.conf.Truthy() && str(p.conf, "error") != "" {
		return str(p.conf, "error")
	}
	p.showExport("", "") // an export's message is old news once training starts
	kind := msgTrain
	if stepOnly {
		kind = msgStep
	}
	p.run++
	p.send(object{"type": kind, "run": p.run})
	p.running, p.pausing = true, false
	p.runStart, p.runSeen = time.Now(), false
	p.updateButtons()
	if stepOnly {
		p.setStatus("Training one epoch…")
	} else {
		p.setStatus("Training…")
	}
	return ""
}

// pause asks the worker to stop after the current batch. It reports
// whether training was running.
func (p *page) pause() bool {
	if !p.running {
		return false
	}
	p.send(object{"type": msgPause})
	p.pausing = true
	p.setStatus("Pausing after the current batch…")
	return true
}

// reset asks the worker for a new trainer: the initial weights from the
// seed, an empty history.
func (p *page) reset() {
	p.showExport("", "")
	p.configureWorker()
	p.setStatus("Reset: new initial weights from seed " + strconv.FormatUint(p.s.Train.Seed, 10) + ".")
}

// updateButtons labels Train/Pause after the running state.
func (p *page) updateButtons() {
	b := p.el(idTrain)
	if p.running {
		b.SetTextContent("Pause")
		b.SetAttribute("aria-pressed", "true")
	} else {
		b.SetTextContent("Train")
		b.SetAttribute("aria-pressed", "false")
	}
}

// updateStatus describes a progress snapshot in the status line.
func (p *page) updateStatus(m js.Value) {
	epoch := int(num(m, "epoch", 0))
	total := p.s.Train.EffectiveEpochs()
	at := "epoch " + strconv.Itoa(epoch) + " of " + strconv.Itoa(total)
	switch {
	case str(m, "error") != "":
		// The epoch it failed in, counted from 1 as the note and the error do.
		p.setStatus(p.divergedStatus(int(num(m, "failedEpoch", float64(epoch+1)))))
	case p.running:
		p.setStatus(p.runningStatus())
	case flag(m, "finished"):
		reason := strings.TrimPrefix(str(m, "reason"), "finished: ")
		p.setStatus("Finished: " + reason + " (" + at + "). Train again to start over.")
	case epoch > 0 || num(m, "step", 0) > 0 || flag(m, "scoring"):
		p.setStatus(p.pausedStatus(m))
	}
}
