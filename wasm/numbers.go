//go:build js && wasm

package main

import (
	"math"
	"strconv"
	"syscall/js"
	"time"

	"netfit/core/view"
)

// writeNumbers fills the numbers panel from the latest snapshot. A value
// that does not exist reads "undefined (reason)", never NaN or Infinity.
func (p *page) writeNumbers() {
	m := p.latest
	p.setNumber(idNumLineR2, p.lineR2, false)
	if p.conf.Truthy() && str(p.conf, "error") == "" {
		p.setNumber(idNumWeights, groupDigits(int(num(p.conf, "weights", 0))), false)
	}
	if !m.Truthy() || num(m, "epoch", 0) == 0 {
		for _, id := range []string{idNumLoss, idNumValLoss, idNumR2, idNumValR2, idNumMSE,
			idNumMAE, idNumMAPE, idNumSpeed} {
			p.setNumber(id, "–", false)
		}
		p.dashWhy(m)
		p.setNumber(idNumEpoch, "0", false)
		p.setNumber(idNumSteps, strconv.Itoa(int(num(m, "step", 0))), false)
		p.setNumber(idNumElapsed, view.Duration(num(m, "elapsed", 0)), false)
		return
	}

	train, val := m.Get("train"), m.Get("val")
	hasVal := num(val, "n", 0) > 0
	p.setNumber(idNumEpoch, strconv.Itoa(int(num(m, "epoch", 0))), false)
	p.setNumber(idNumSteps, strconv.Itoa(int(num(m, "step", 0))), false)
	elapsed := num(m, "elapsed", 0)
	if p.running {
		elapsed += time.Since(p.latestAt).Seconds() // the clock ticks between snapshots
	}
	p.setNumber(idNumElapsed, view.Duration(elapsed), false)
	p.setValue(idNumLoss, m.Get("lastLoss"), "", 4)
	p.setNumber(idNumR2, r2Text(train), train.Get("r2").IsNull())
	if hasVal {
		p.setValue(idNumValLoss, m.Get("lastValLoss"), "", 4)
		p.setNumber(idNumValR2, r2Text(val), val.Get("r2").IsNull())
	} else {
		p.setNumber(idNumValLoss, view.Undefined("no validation rows"), true)
		p.setNumber(idNumValR2, view.Undefined("no validation rows"), true)
	}
	shown := val
	if !hasVal {
		shown = train
	}
	p.setValue(idNumMSE, shown.Get("mse"), "", 4)
	p.setValue(idNumMAE, shown.Get("mae"), "", 4)
	mape := shown.Get("mape")
	if mape.Type() == js.TypeNumber && !flag(shown, "mapeReliable") {
		// Breaks only before "(unreliable)" (style.css), never inside a word.
		p.setNumber(idNumMAPE, view.Number(mape.Float(), 2)+"\u00a0% (unreliable)", false)
		p.el(idNumMAPE).AddClass("warn")
		p.el(idNumMAPE).SetAttribute("title", str(shown, "mapeNote"))
	} else {
		p.el(idNumMAPE).RemoveClass("warn")
		p.el(idNumMAPE).RemoveAttribute("title")
		p.setValue(idNumMAPE, mape, " %", 3)
	}
	p.setValue(idNumSpeed, m.Get("samplesPerSecond"), "", 3)
}

// r2Text formats an R² from a report, with the reason when undefined.
func r2Text(r js.Value) string {
	v := r.Get("r2")
	if v.Type() != js.TypeNumber {
		return view.Undefined(str(r, "r2Note"))
	}
	return view.Number(v.Float(), 3)
}

// setValue shows a number from a snapshot; null reads "undefined", and a
// sum that overflowed (core/metrics saturates it at the largest float64)
// says so rather than show 1.798e+308.
func (p *page) setValue(id string, v js.Value, unit string, sig int) {
	if v.Type() != js.TypeNumber {
		p.setNumber(id, "undefined", true)
		return
	}
	if saturated(v) {
		p.setNumber(id, view.Undefined("values too large"), true)
		return
	}
	p.setNumber(id, view.Number(v.Float(), sig)+unit, false)
}

// setNumber writes a number's text; undefined values are styled apart.
func (p *page) setNumber(id, text string, undefined bool) {
	key := text
	if undefined {
		key += "\x00"
	}
	if p.shown[id] == key {
		return
	}
	p.shown[id] = key
	e := p.el(id)
	e.SetTextContent(text)
	if undefined {
		e.AddClass("undefined")
	} else {
		e.RemoveClass("undefined")
	}
}

// metrics returns the latest numbers for the API: epoch, loss, valLoss,
// r2, valR2, mse, mae, mape (on validation rows, or training rows without
// them), samplesPerSecond, and more. Undefined values are null.
func (p *page) metrics() object {
	m := p.latest
	out := object{"epoch": 0, "step": 0, "loss": nil, "valLoss": nil, "r2": nil, "valR2": nil,
		"mse": nil, "mae": nil, "mape": nil, "mapeReliable": nil, "samplesPerSecond": nil,
		"elapsed": 0, "running": p.running, "scoring": false, "finished": false, "error": nil,
		"lineR2": p.lineFit, "weights": nil, "run": p.run}
	if p.conf.Truthy() {
		out["weights"] = p.conf.Get("weights")
	}
	if !m.Truthy() {
		return out
	}
	out["epoch"], out["step"] = m.Get("epoch"), m.Get("step")
	out["elapsed"], out["finished"] = m.Get("elapsed"), m.Get("finished")
	out["scoring"] = flag(m, "scoring")
	out["samplesPerSecond"] = nullable(m.Get("samplesPerSecond"))
	if e := str(m, "error"); e != "" {
		out["error"] = e
	}
	if num(m, "epoch", 0) == 0 {
		return out
	}
	train, val := m.Get("train"), m.Get("val")
	shown := val
	if num(val, "n", 0) == 0 {
		shown = train
	} else {
		out["valLoss"] = nullable(m.Get("lastValLoss"))
		out["valR2"] = nullable(val.Get("r2"))
	}
	out["loss"] = nullable(m.Get("lastLoss"))
	out["r2"] = nullable(train.Get("r2"))
	out["mse"], out["mae"] = nullable(shown.Get("mse")), nullable(shown.Get("mae"))
	out["mape"], out["mapeReliable"] = nullable(shown.Get("mape")), shown.Get("mapeReliable")
	out["train"], out["val"] = train, val
	return out
}

// nullable returns v, or nil (null) when v is missing or is a sum that
// overflowed (core/metrics saturates it at the largest float64; the page
// shows "undefined (values too large)").
func nullable(v js.Value) any {
	if v.IsUndefined() || v.IsNull() || saturated(v) {
		return nil
	}
	return v
}

// saturated reports whether v is a number core/metrics saturated at the
// largest float64 because its sum overflowed.
func saturated(v js.Value) bool {
	return v.Type() == js.TypeNumber && math.Abs(v.Float()) == math.MaxFloat64
}
