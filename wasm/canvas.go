//go:build js && wasm

package main

import (
	"math"
	"strconv"
	"syscall/js"

	"netfit/core/view"
)

// Colours of the charts; the legends in index.html and style.css match.
const (
	colourTrain  = "#1f77b4"
	colourVal    = "#e6550d"
	colourCurve  = "#222222"
	colourPoints = "#2ca02c"
	colourAxis   = "#888888"
	colourGrid   = "#ececec"
	colourText   = "#555555"
	colourExtra  = "rgba(120,120,120,0.13)"
	chartFont    = "11px system-ui, sans-serif"
)

// Shapes of points.
const (
	shapeCircle = iota
	shapeTriangle
	shapeCross
)

// plot draws one chart on a canvas: it maps values to pixels and draws
// axes, points, lines and bands. Sizes are in CSS pixels; the canvas
// backing store is devicePixelRatio times larger, so lines stay sharp.
type plot struct {
	canvas canvasElement
	ctx    js.Value // the 2D context, called directly: the hot path of drawing

	w, h           float64 // CSS size of the canvas
	left, right    float64 // plot area, CSS pixels from the canvas's left
	top, bottom    float64 // plot area, CSS pixels from the canvas's top
	xSpan, ySpan   view.Span
	xLabel, yLabel string
	dpr            float64

	// What the canvas shows, to skip redrawing the same picture: the
	// content key of the last drawing and the size it was drawn at.
	shownKey      string
	shownW, shown float64

	// A copy of a static background (axes and data points), so a frame
	// that only moves the prediction curve costs one image copy.
	layer    js.Value
	layerKey string

	resized    *bool // set by the page when the window was resized
	measured   bool
	cssW, cssH float64
}

// size returns the CSS size of the canvas, measured again only after the
// window was resized (measuring forces a layout of the page).
func (pl *plot) size() (w, h float64) {
	if !pl.measured || *pl.resized {
		r := pl.canvas.GetBoundingClientRect()
		pl.cssW, pl.cssH = r.Width(), r.Height()
		pl.measured = pl.cssW > 0
	}
	return pl.cssW, pl.cssH
}

// unchanged reports whether the canvas already shows the picture with
// this key at its current size; if not, it records the key as shown (the
// caller draws it next).
func (pl *plot) unchanged(key string) bool {
	w, h := pl.size()
	if key == pl.shownKey && w == pl.shownW && h == pl.shown {
		return true
	}
	pl.shownKey, pl.shownW, pl.shown = key, w, h
	return false
}

// pending reports whether the canvas does not show the picture with this
// key at its current size yet, like [plot.unchanged] but recording nothing.
func (pl *plot) pending(key string) bool {
	w, h := pl.size()
	return key != pl.shownKey || w != pl.shownW || h != pl.shown
}

// background draws the static part of a chart with draw, or copies it from
// the layer kept from the last call with the same key. Call it right after
// begin.
func (pl *plot) background(key string, draw func()) {
	bw, bh := pl.canvas.Width(), pl.canvas.Height()
	key += "@" + strconv.Itoa(bw) + "x" + strconv.Itoa(bh)
	if key == pl.layerKey {
		pl.ctx.Call("setTransform", 1, 0, 0, 1, 0, 0)
		pl.ctx.Call("drawImage", pl.layer, 0, 0)
		pl.ctx.Call("setTransform", pl.dpr, 0, 0, pl.dpr, 0, 0)
		return
	}
	draw()
	if pl.layer.IsUndefined() {
		pl.layer = js.Global().Get("document").Call("createElement", "canvas")
	}
	pl.layer.Set("width", bw)
	pl.layer.Set("height", bh)
	pl.layer.Call("getContext", "2d").Call("drawImage", pl.canvas.Underlying(), 0, 0)
	pl.layerKey = key
}

// newPlot wraps the canvas with the given id.
func newPlot(doc document, id string, resized *bool) *plot {
	c := canvasElement{doc.GetElementByID(id).Value}
	return &plot{canvas: c, ctx: c.Underlying().Call("getContext", "2d"), resized: resized}
}

// begin sizes the backing store to the canvas's CSS box, clears it and sets
// the value ranges of the axes. It returns false when the canvas is not
// shown (no size), so nothing is drawn.
func (pl *plot) begin(x, y view.Span) bool {
	pl.w, pl.h = pl.size()
	if pl.w < 10 || pl.h < 10 {
		return false
	}
	dpr := js.Global().Get("devicePixelRatio").Float()
	if dpr <= 0 || math.IsNaN(dpr) {
		dpr = 1
	}
	pl.dpr = dpr
	bw, bh := int(math.Round(pl.w*dpr)), int(math.Round(pl.h*dpr))
	if pl.canvas.Width() != bw || pl.canvas.Height() != bh {
		pl.canvas.SetWidth(bw)
		pl.canvas.SetHeight(bh)
	}
	pl.ctx.Call("setTransform", dpr, 0, 0, dpr, 0, 0)
	pl.ctx.Call("clearRect", 0, 0, pl.w, pl.h)
	pl.ctx.Set("font", chartFont)

	pl.left, pl.right = 54, pl.w-10
	pl.top, pl.bottom = 8, pl.h-30
	pl.xSpan, pl.ySpan = x, y
	return true
}

// px maps an x value to a horizontal pixel position.
func (pl *plot) px(x float64) float64 {
	return pl.left + pl.xSpan.Frac(x)*(pl.right-pl.left)
}

// py maps a y value to a vertical pixel position (up is larger).
func (pl *plot) py(y float64) float64 {
	return pl.bottom - pl.ySpan.Frac(y)*(pl.bottom-pl.top)
}

// axes draws the grid, tick labels and axis titles. With logY the y
// values are log10 of the quantity and the labels show powers of ten.
func (pl *plot) axes(logY bool) {
	c := pl.ctx
	xt := view.Ticks(pl.xSpan.Lo, pl.xSpan.Hi, max(2, int((pl.right-pl.left)/70)))
	var yt []float64
	if logY {
		yt = view.LogTicks(pl.ySpan.Lo, pl.ySpan.Hi, max(2, int((pl.bottom-pl.top)/28)))
	} else {
		yt = view.Ticks(pl.ySpan.Lo, pl.ySpan.Hi, max(2, int((pl.bottom-pl.top)/32)))
	}

	c.Set("lineWidth", 1)
	c.Set("strokeStyle", colourGrid)
	c.Call("beginPath")
	for _, v := range xt {
		x := math.Round(pl.px(v)) + 0.5
		c.Call("moveTo", x, pl.top)
		c.Call("lineTo", x, pl.bottom)
	}
	for _, v := range yt {
		y := math.Round(pl.py(v)) + 0.5
		c.Call("moveTo", pl.left, y)
		c.Call("lineTo", pl.right, y)
	}
	c.Call("stroke")
	c.Set("strokeStyle", colourAxis)
	c.Call("strokeRect", pl.left+0.5, pl.top+0.5, pl.right-pl.left, pl.bottom-pl.top)

	c.Set("fillStyle", colourText)
	c.Set("textAlign", "center")
	c.Set("textBaseline", "top")
	for i, label := range view.TickLabels(xt, 3, false) {
		c.Call("fillText", label, pl.px(xt[i]), pl.bottom+4)
	}
	c.Set("textAlign", "right")
	c.Set("textBaseline", "middle")
	for i, label := range view.TickLabels(yt, 3, logY) {
		// At most the margin's width: the canvas squeezes a long label
		// such as 1.50e+308 rather than cut it off at the edge.
		c.Call("fillText", label, pl.left-4, pl.py(yt[i]), pl.left-6)
	}
	if pl.xLabel != "" {
		c.Set("textAlign", "right")
		c.Set("textBaseline", "bottom")
		c.Call("fillText", pl.xLabel, pl.right, pl.h-1)
	}
	if pl.yLabel != "" {
		c.Set("textAlign", "left")
		c.Set("textBaseline", "top")
		c.Call("fillText", pl.yLabel, pl.left+4, pl.top+3)
	}
}

// clip limits drawing to the plot area until unclip.
func (pl *plot) clip() {
	pl.ctx.Call("save")
	pl.ctx.Call("beginPath")
	pl.ctx.Call("rect", pl.left, pl.top, pl.right-pl.left, pl.bottom-pl.top)
	pl.ctx.Call("clip")
}

func (pl *plot) unclip() { pl.ctx.Call("restore") }

// band shades the x range [lo, hi] over the whole height, with a label.
func (pl *plot) band(s view.Span, fill, label string) {
	if !s.OK {
		return
	}
	x0, x1 := pl.px(s.Lo), pl.px(s.Hi)
	pl.ctx.Set("fillStyle", fill)
	pl.ctx.Call("fillRect", x0, pl.top, x1-x0, pl.bottom-pl.top)
	if label != "" && x1-x0 > 80 {
		pl.ctx.Set("fillStyle", colourText)
		pl.ctx.Set("textAlign", "center")
		pl.ctx.Set("textBaseline", "top")
		pl.ctx.Call("fillText", label, (x0+x1)/2, pl.top+3)
	}
}

// rug draws a thin bar under the plot area along the x range s, at row
// 0 or 1, to show where the training or validation rows lie.
func (pl *plot) rug(s view.Span, row int, colour string) {
	if !s.OK {
		return
	}
	x0, x1 := pl.px(s.Lo), pl.px(s.Hi)
	pl.ctx.Set("fillStyle", colour)
	pl.ctx.Call("fillRect", x0, pl.bottom-5-4*float64(row), math.Max(x1-x0, 1), 3)
}

// dots draws the points (x[i], y[i]) for i in rows (every i when rows is
// nil) that keep(i) accepts (all when keep is nil) with one shape and
// colour, as a single path.
func (pl *plot) dots(x, y []float64, rows []int, keep func(i int) bool, shape int, colour string) {
	c := pl.ctx
	c.Call("beginPath")
	draw := func(i int) {
		if keep != nil && !keep(i) {
			return
		}
		if !finite(x[i]) || !finite(y[i]) {
			return
		}
		px, py := pl.px(x[i]), pl.py(y[i])
		switch shape {
		case shapeTriangle:
			c.Call("moveTo", px, py-3)
			c.Call("lineTo", px+2.8, py+2)
			c.Call("lineTo", px-2.8, py+2)
			c.Call("closePath")
		case shapeCross:
			c.Call("moveTo", px-2.5, py-2.5)
			c.Call("lineTo", px+2.5, py+2.5)
			c.Call("moveTo", px+2.5, py-2.5)
			c.Call("lineTo", px-2.5, py+2.5)
		default:
			c.Call("moveTo", px+2.2, py)
			c.Call("arc", px, py, 2.2, 0, 2*math.Pi)
		}
	}
	if rows == nil {
		for i := range x {
			draw(i)
		}
	} else {
		for _, i := range rows {
			draw(i)
		}
	}
	if shape == shapeCross {
		c.Set("strokeStyle", colour)
		c.Set("lineWidth", 1.2)
		c.Call("stroke")
		return
	}
	c.Set("fillStyle", colour)
	c.Set("globalAlpha", 0.7)
	c.Call("fill")
	c.Set("globalAlpha", 1)
}

// line draws the polyline through (x[i], y[i]); NaN values break it.
func (pl *plot) line(x, y []float64, colour string, width float64, dashed bool) {
	c := pl.ctx
	c.Call("beginPath")
	pen := false
	for i := range x {
		if !finite(x[i]) || !finite(y[i]) {
			pen = false
			continue
		}
		if pen {
			c.Call("lineTo", pl.px(x[i]), pl.py(y[i]))
		} else {
			c.Call("moveTo", pl.px(x[i]), pl.py(y[i]))
			pen = true
		}
	}
	c.Set("strokeStyle", colour)
	c.Set("lineWidth", width)
	c.Set("lineJoin", "round")
	if dashed {
		c.Call("setLineDash", []any{5, 4})
	}
	c.Call("stroke")
	if dashed {
		c.Call("setLineDash", []any{})
	}
}

// message writes a line of text in the middle of the plot area.
func (pl *plot) message(text string) {
	pl.ctx.Set("fillStyle", colourText)
	pl.ctx.Set("textAlign", "center")
	pl.ctx.Set("textBaseline", "middle")
	pl.ctx.Call("fillText", text, (pl.left+pl.right)/2, (pl.top+pl.bottom)/2)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
