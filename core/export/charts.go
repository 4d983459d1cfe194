package export

import (
	"fmt"

	"netfit/core/data"
	"netfit/core/train"
	"netfit/core/view"
)

// DataChart is what the data chart shows: the samples, coloured by split,
// and the prediction curve on a grid.
type DataChart struct {
	X, Y           []float64 // the samples
	Train, Val     []int     // row indices of the training and validation rows
	CurveX, CurveY []float64 // the prediction curve, original units
}

// DataChartOf returns the data chart of a trainer on its data set: the
// split the trainer made and its predictions on [view.CurvePoints] grid
// points across the x range widened by [view.ExtrapolationPad].
func DataChartOf(t *train.Trainer, set data.Set) DataChart {
	trainRows, valRows := view.Rows(len(set.X), t.Config())
	r := view.XRegions(set.X, trainRows, valRows)
	grid := view.Grid(r.View.Lo, r.View.Hi, view.CurvePoints)
	return DataChart{X: set.X, Y: set.Y, Train: trainRows, Val: valRows,
		CurveX: grid, CurveY: t.Predict(grid)}
}

// DataChartSVG draws c as an SVG of w×h pixels, like the page's data chart:
// the extrapolation on either side of the training rows shaded grey, the
// validation range in pale orange, at most [view.MaxPoints] samples, and
// the prediction curve clipped to the chart (it may leave the data's y
// range where it extrapolates). The y axis spans the samples.
//
// DataChartSVG panics if X and Y or CurveX and CurveY differ in length.
func DataChartSVG(c DataChart, w, h int) []byte {
	if len(c.X) != len(c.Y) || len(c.CurveX) != len(c.CurveY) {
		panic(fmt.Sprintf("export: data chart with %d x and %d y, curve %d x and %d y",
			len(c.X), len(c.Y), len(c.CurveX), len(c.CurveY)))
	}
	r := view.XRegions(c.X, c.Train, c.Val)
	xs := r.View
	if s := view.SpanOf(c.CurveX, nil); s.OK {
		xs = xs.Union(s)
	}
	p := newPlot(w, h, "Data and prediction", xs, view.SpanOf(c.Y, nil).Pad(0.08))
	p.band(r.Left, colorExtrap)
	p.band(r.Right, colorExtrap)
	// Validation rows beyond the training range (a "last rows" split of
	// sorted data) are an extrapolation test: shade that part.
	if r.Val.OK && r.Train.OK {
		p.band(view.Span{Lo: r.Val.Lo, Hi: min(r.Val.Hi, r.Train.Lo), OK: true}, colorValBand)
		p.band(view.Span{Lo: max(r.Val.Lo, r.Train.Hi), Hi: r.Val.Hi, OK: true}, colorValBand)
	}
	p.axes("x", "y")

	shown := view.Subsample(len(c.X), 0)
	isVal := make(map[int]bool, len(c.Val))
	for _, i := range c.Val {
		isVal[i] = true
	}
	var trainShown, valShown []int
	for _, i := range shown {
		if isVal[i] {
			valShown = append(valShown, i)
		} else {
			trainShown = append(trainShown, i)
		}
	}
	p.points(c.X, c.Y, trainShown, colorTrain)
	p.points(c.X, c.Y, valShown, colorVal)
	p.clip("netfit-data-area")
	p.polyline(c.CurveX, c.CurveY, colorCurve, false)
	p.b.WriteString("</g>\n")
	items := [][2]string{{"training", colorTrain}}
	if len(c.Val) > 0 {
		items = append(items, [2]string{"validation", colorVal})
	}
	p.legend(append(items, [2]string{"prediction", colorCurve})...)
	return p.bytes()
}

// LossChart is what the loss chart shows: the loss of each epoch, and the
// validation loss when there are validation rows (nil otherwise).
type LossChart struct {
	Loss, ValLoss []float64
}

// LossChartOf returns the loss chart of a trainer's history.
func LossChartOf(t *train.Trainer) LossChart {
	var c LossChart
	_, nVal := t.Rows()
	for _, e := range t.History() {
		c.Loss = append(c.Loss, e.Loss)
		if nVal > 0 {
			c.ValLoss = append(c.ValLoss, e.ValLoss)
		}
	}
	return c
}

// LossChartSVG draws c as an SVG of w×h pixels: the loss per epoch on a
// log scale (powers of ten on the axis), the validation loss dashed.
// Losses at or below zero sit at [view.LogFloor]; non-finite ones leave a
// gap.
func LossChartSVG(c LossChart, w, h int) []byte {
	epochs := make([]float64, max(len(c.Loss), len(c.ValLoss)))
	for i := range epochs {
		epochs[i] = float64(i + 1)
	}
	loss, val := view.Log10(c.Loss), view.Log10(c.ValLoss)
	ys := view.SpanOf(loss, nil).Union(view.SpanOf(val, nil)).Pad(0.05)
	xs := view.SpanOf(epochs, nil)
	if xs.Width() == 0 {
		xs = xs.Pad(0.5)
	}
	p := newPlot(w, h, "Loss", xs, ys)
	p.yLog = true
	p.axes("epoch", "loss (log scale)")
	p.clip("netfit-loss-area")
	p.polyline(epochs[:len(loss)], loss, colorTrain, false)
	p.polyline(epochs[:len(val)], val, colorVal, true)
	p.b.WriteString("</g>\n")
	items := [][2]string{{"loss", colorTrain}}
	if len(c.ValLoss) > 0 {
		items = append(items, [2]string{"validation loss", colorVal})
	}
	p.legend(items...)
	return p.bytes()
}

// clip opens a group clipped to the plot area; close it with "</g>".
func (p *plot) clip(id string) {
	fmt.Fprintf(&p.b, `<clipPath id="%s"><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`+
		"</clipPath>\n<g clip-path=\"url(#%s)\">\n", id, p.x0, p.y1, p.x1-p.x0, p.y0-p.y1, id)
}
