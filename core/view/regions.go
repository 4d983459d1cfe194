package view

// Regions are the x ranges the data chart shades: where the training rows
// lie, where the validation rows lie, and the extrapolation on either side,
// where the model predicts beyond every training x (CASES B11). With a
// Keras-style "last rows" split of sorted data, Train and Val do not
// overlap, which shows at once why validation looks bad (B12).
type Regions struct {
	View  Span // the whole x axis of the chart
	Train Span // x range of the training rows
	Val   Span // x range of the validation rows; empty without validation

	// Left and Right are the parts of View outside Train, where the
	// prediction curve is an extrapolation. Either may be empty.
	Left, Right Span
}

// ExtrapolationPad is how far, as a fraction of the data's x width, the
// prediction curve runs past the data on each side so extrapolation shows.
const ExtrapolationPad = 0.1

// XRegions computes the [Regions] of the points x split into rows train and
// val (val may be nil). The view spans all of x widened by
// [ExtrapolationPad] on each side.
func XRegions(x []float64, train, val []int) Regions {
	all := SpanOf(x, nil)
	r := Regions{View: all.Pad(ExtrapolationPad), Train: SpanOf(x, train)}
	if len(val) > 0 {
		r.Val = SpanOf(x, val)
	}
	if !r.Train.OK {
		return r
	}
	if r.View.Lo < r.Train.Lo {
		r.Left = Span{Lo: r.View.Lo, Hi: r.Train.Lo, OK: true}
	}
	if r.View.Hi > r.Train.Hi {
		r.Right = Span{Lo: r.Train.Hi, Hi: r.View.Hi, OK: true}
	}
	return r
}

// Extrapolated reports whether x lies outside the training range, where the
// model's prediction is a guess (CASES B11).
func (r Regions) Extrapolated(x float64) bool { return r.Train.OK && !r.Train.Contains(x) }

// RangeText describes the x ranges of r in a line for the data chart:
// "training x −15 to 15 · validation x −14.9 to 14.8". When the validation
// range lies wholly beyond the training range, as a last-rows split of data
// sorted by x gives, it adds that validation is an extrapolation test
// (CASES B12). Empty spans are left out; no training rows gives "".
func RangeText(r Regions) string {
	if !r.Train.OK {
		return ""
	}
	s := "training x " + spanText(r.Train)
	if !r.Val.OK {
		return s
	}
	s += " · validation x " + spanText(r.Val)
	if r.Val.Lo >= r.Train.Hi || r.Val.Hi <= r.Train.Lo {
		s += ": all beyond the training x, so validation is an extrapolation test"
	}
	return s
}

// spanText formats a span as "lo to hi" with 3 significant digits.
func spanText(s Span) string { return Number(s.Lo, 3) + " to " + Number(s.Hi, 3) }
