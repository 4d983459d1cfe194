//go:build js && wasm

package main

import (
	"math"
	"strconv"
	"syscall/js"
	"time"

	"netfit/core/view"
)

// charts are the page's four canvases.
type charts struct {
	data, parity, residual, loss *plot
}

func newCharts(doc document, resized *bool) charts {
	c := charts{
		data:     newPlot(doc, idDataChart, resized),
		parity:   newPlot(doc, idParityChart, resized),
		residual: newPlot(doc, idResidualChart, resized),
		loss:     newPlot(doc, idLossChart, resized),
	}
	c.data.xLabel, c.data.yLabel = "x", "y"
	c.parity.xLabel, c.parity.yLabel = "target y", "prediction"
	c.residual.xLabel, c.residual.yLabel = "x", "target − prediction"
	c.loss.xLabel, c.loss.yLabel = "epoch", "loss"
	return c
}

// startFrames redraws on animation frames: whenever something changed,
// and at least every redrawEvery while training. A hidden tab gets no
// frames; the worker trains on, and the first frame after shows the state.
func (p *page) startFrames() {
	var frame js.Func
	frame = js.FuncOf(func(js.Value, []js.Value) any {
		if p.dirty || (p.running && time.Since(p.lastDraw) >= redrawEvery) {
			p.draw()
		}
		js.Global().Call("requestAnimationFrame", frame)
		return nil
	})
	js.Global().Call("requestAnimationFrame", frame)
	p.draw()
}

// draw redraws every chart and the numbers, counts the frame and marks the
// page ready after the first.
func (p *page) draw() {
	p.dirty = false
	start := time.Now()
	p.lastDraw = start
	defer func() { slowest("slowestFrameMs", time.Since(start)) }()
	p.drawData()
	p.drawOneMore()
	p.writeNumbers()
	p.tickStatus()
	p.resized = false
	p.frames++
	js.Global().Get("netfit").Set("frames", p.frames)
	if !p.drawn {
		p.drawn = true
		p.body().Get("dataset").Set("ready", "1")
	}
}

// drawOneMore draws at most one of the loss, parity and residual charts
// whose picture is out of date, taking turns, and leaves the page dirty
// while others wait for the next frames. New predictions change two charts
// and an epoch a third; drawing them all in one frame made the longest
// frames (CASES B28).
func (p *page) drawOneMore() {
	charts := [...]struct {
		pl   *plot
		key  string
		draw func()
	}{
		{p.charts.loss, p.lossKey(), p.drawLoss},
		{p.charts.parity, p.predKey("p"), p.drawParity},
		{p.charts.residual, p.predKey("r"), p.drawResidual},
	}
	// The turn moves on when a chart is drawn; the charts are taken in
	// order from where it stood, so that none is skipped (counting from the
	// moved turn passed over a chart left waiting, and as the page is then
	// not dirty, its picture stayed out of date after training stopped).
	first, drew := p.turn, false
	for i := range charts {
		k := (first + i) % len(charts)
		if !charts[k].pl.pending(charts[k].key) {
			continue
		}
		if drew {
			p.dirty = true
			return
		}
		charts[k].draw()
		drew, p.turn = true, k+1
	}
}

// predKey and lossKey name what the prediction charts and the loss chart
// show, for [plot.unchanged].
func (p *page) predKey(chart string) string { return chart + strconv.Itoa(p.versions.pred) }
func (p *page) lossKey() string             { return "l" + strconv.Itoa(p.versions.loss) }

// hasPredictions reports whether the worker sent predictions for the
// current data.
func (p *page) hasPredictions() bool {
	return len(p.pred) > 0 && len(p.pred) == len(p.predRows) && len(p.curveX) > 0
}

// drawData draws the data (training and validation rows apart), the
// extrapolation zones, the x ranges of both row sets and the prediction.
//
// The axis fits the data, not the prediction, so the picture stays still
// while the curve moves; a wild extrapolation runs off the chart. The axes
// and points are drawn once per data set and copied in later frames.
func (p *page) drawData() {
	pl := p.charts.data
	if !pl.begin(p.regions.View, view.SpanOf(p.set.Y, nil).Pad(0.12)) {
		return
	}
	if p.set.Len() == 0 {
		pl.axes(false)
		pl.message("no data")
		return
	}
	pl.background("data"+strconv.Itoa(p.versions.data), func() {
		pl.band(p.regions.Left, colourExtra, "extrapolation")
		pl.band(p.regions.Right, colourExtra, "extrapolation")
		pl.axes(false)
		pl.clip()
		pl.dots(p.set.X, p.set.Y, p.drawRows, func(i int) bool { return !p.isVal[i] }, shapeCircle, colourTrain)
		pl.dots(p.set.X, p.set.Y, p.drawRows, func(i int) bool { return p.isVal[i] }, shapeTriangle, colourVal)
		pl.rug(p.regions.Train, 1, colourTrain)
		pl.rug(p.regions.Val, 0, colourVal)
		pl.unclip()
	})
	if !p.hasPredictions() {
		return
	}
	pl.clip()
	if p.s.ShowPoints {
		pl.dots(view.Pick(p.set.X, p.predRows), p.pred, nil, nil, shapeCross, colourPoints)
	}
	pl.line(p.curveX, p.curveY, "#ffffff", 4, false)
	pl.line(p.curveX, p.curveY, colourCurve, 2, false)
	pl.unclip()
}

// drawParity draws prediction against target with the line y = x.
func (p *page) drawParity() {
	pl := p.charts.parity
	if pl.unchanged(p.predKey("p")) {
		return
	}
	ys := view.SpanOf(p.set.Y, nil)
	if !p.hasPredictions() {
		if pl.begin(ys.Pad(0.06), ys.Pad(0.06)) {
			pl.axes(false)
			pl.message("Train to see predictions")
		}
		return
	}
	target := view.Pick(p.set.Y, p.predRows)
	span := ys.Union(view.SpanOf(p.pred, nil)).Pad(0.06)
	if !pl.begin(span, span) {
		return
	}
	pl.axes(false)
	pl.clip()
	pl.line([]float64{span.Lo, span.Hi}, []float64{span.Lo, span.Hi}, colourAxis, 1, true)
	p.dotsBySet(pl, target, p.pred)
	pl.unclip()
}

// drawResidual draws target − prediction against x.
func (p *page) drawResidual() {
	pl := p.charts.residual
	if pl.unchanged(p.predKey("r")) {
		return
	}
	if !p.hasPredictions() {
		if pl.begin(p.regions.View, view.Span{Lo: -1, Hi: 1, OK: true}) {
			pl.axes(false)
			pl.message("Train to see residuals")
		}
		return
	}
	x := view.Pick(p.set.X, p.predRows)
	r := view.Residuals(p.pred, view.Pick(p.set.Y, p.predRows))
	span := view.SpanOf(r, nil)
	m := math.Max(math.Abs(span.Lo), math.Abs(span.Hi))
	if !pl.begin(p.regions.View, view.Span{Lo: -m, Hi: m, OK: true}.Pad(0.06)) {
		return
	}
	pl.axes(false)
	pl.clip()
	pl.line([]float64{p.regions.View.Lo, p.regions.View.Hi}, []float64{0, 0}, colourAxis, 1, true)
	p.dotsBySet(pl, x, r)
	pl.unclip()
}

// dotsBySet draws points at the prediction rows, coloured by row set.
func (p *page) dotsBySet(pl *plot, x, y []float64) {
	pl.dots(x, y, nil, func(i int) bool { return !p.isVal[p.predRows[i]] }, shapeCircle, colourTrain)
	pl.dots(x, y, nil, func(i int) bool { return p.isVal[p.predRows[i]] }, shapeTriangle, colourVal)
}

// drawLoss draws the training and validation loss per epoch on a log
// scale.
func (p *page) drawLoss() {
	pl := p.charts.loss
	if pl.unchanged(p.lossKey()) {
		return
	}
	n := len(p.loss)
	if n == 0 {
		if pl.begin(view.Span{Lo: 0, Hi: 1, OK: true}, view.Span{Lo: -1, Hi: 1, OK: true}) {
			pl.message("No epochs yet")
		}
		return
	}
	epochs := view.Grid(1, float64(n), n)
	loss := view.Log10(p.loss)
	var val []float64
	if p.hasValidation() {
		val = view.Log10(p.valLoss)
	}
	ys := view.SpanOf(loss, nil).Union(view.SpanOf(val, nil)).Pad(0.05)
	xs := view.Span{Lo: 1, Hi: math.Max(float64(n), 2), OK: true}
	if !pl.begin(xs, ys) {
		return
	}
	pl.axes(true)
	pl.clip()
	if n == 1 {
		pl.dots(epochs, loss, nil, nil, shapeCircle, colourTrain)
		if val != nil {
			pl.dots(epochs, val, nil, nil, shapeTriangle, colourVal)
		}
	}
	pl.line(epochs, loss, colourTrain, 1.6, false)
	if val != nil {
		pl.line(epochs, val, colourVal, 1.6, false)
	}
	pl.unclip()
}

// hasValidation reports whether the run has validation rows.
func (p *page) hasValidation() bool {
	return p.conf.Truthy() && num(p.conf, "valRows", 0) > 0
}
