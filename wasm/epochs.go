//go:build js && wasm

package main

import (
	"math"
	"syscall/js"

	"netfit/core/metrics"
	"netfit/core/train"
)

// Per-epoch figures travel from the worker to the page in one Float64Array
// ("stats"), epochStride numbers an epoch, so that a snapshot holding
// thousands of short epochs costs the worker a handful of calls:
//
//	step, then n, mse, rmse, mae, mape, mapeReliable (1 or 0), r2 (NaN when
//	undefined) of the training rows, then the same 7 of the validation rows
const (
	reportStride = 7
	epochStride  = 1 + 2*reportStride
)

// packEpochs returns the stats of the epochs in hist, epochStride numbers
// each.
func packEpochs(hist []train.EpochStats) []float64 {
	out := make([]float64, 0, len(hist)*epochStride)
	for _, h := range hist {
		out = append(out, float64(h.Steps))
		out = packReport(out, h.Train)
		out = packReport(out, h.Val)
	}
	return out
}

// packReport appends the reportStride numbers of r to dst.
func packReport(dst []float64, r metrics.Report) []float64 {
	reliable, r2 := 0.0, math.NaN()
	if r.MAPEReliable {
		reliable = 1
	}
	if r.R2Defined {
		r2 = r.R2
	}
	return append(dst, float64(r.N), r.MSE, r.RMSE, r.MAE, r.MAPE, reliable, r2)
}

// unpackReport turns reportStride numbers back into a report for the page,
// as report does. The notes come from last, the report of the snapshot's
// last epoch, when they apply: the MAPE note depends on the targets only,
// and the R² note when R² is undefined or below 0 in both.
func unpackReport(v []float64, last js.Value) object {
	o := object{"n": int(v[0]), "mse": number(v[1]), "rmse": number(v[2]),
		"mae": number(v[3]), "mape": number(v[4]), "mapeReliable": v[5] == 1,
		"mapeNote": "", "r2": number(v[6]), "r2Note": ""}
	if flag(last, "mapeReliable") == (v[5] == 1) {
		o["mapeNote"] = str(last, "mapeNote")
	}
	lastR2 := last.Get("r2")
	switch defined := !math.IsNaN(v[6]); {
	case !defined && lastR2.Type() != js.TypeNumber:
		o["r2Note"] = str(last, "r2Note")
	case defined && v[6] < 0 && lastR2.Type() == js.TypeNumber && lastR2.Float() < 0:
		o["r2Note"] = str(last, "r2Note")
	}
	return o
}

// epochEvent is the detail of the "epoch" event for epoch index e
// (0-based), i the epoch's index in the snapshot m: the latest metrics
// with everything that belongs to one epoch (step, loss, valLoss, r2,
// valR2, mse, mae, mape, mapeReliable, train, val) taken from that epoch,
// so that an event carries its own epoch's figures even when several
// epochs arrived in one snapshot.
func (p *page) epochEvent(m js.Value, e, i int) object {
	out := p.metrics()
	out["epoch"] = e + 1
	if e < len(p.loss) {
		out["loss"] = number(p.loss[e])
	}
	stats := floats(m.Get("stats"))
	if len(stats) < (i+1)*epochStride {
		return out // not in this snapshot (a bug in the worker): keep the latest
	}
	row := stats[i*epochStride : (i+1)*epochStride]
	train := unpackReport(row[1:1+reportStride], m.Get("train"))
	val := unpackReport(row[1+reportStride:], m.Get("val"))
	out["step"], out["train"], out["val"] = int(row[0]), train, val
	out["r2"] = train["r2"]

	shown := val
	if val["n"] == 0 {
		shown = train
	} else {
		out["valR2"] = val["r2"]
		if e < len(p.valLoss) {
			out["valLoss"] = number(p.valLoss[e])
		}
	}
	out["mse"], out["mae"], out["mape"] = shown["mse"], shown["mae"], shown["mape"]
	out["mapeReliable"] = shown["mapeReliable"]
	return out
}
