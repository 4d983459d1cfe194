//go:build js && wasm

package main

import "netfit/core/view"

// viewState returns what the data chart shows, for netfit.view(): the x
// ranges it shades (core/view.Regions, each [lo, hi] or null when empty),
// the prediction curve as drawn (x ascending, CASES B25) and the text of
// the x-range line under the chart. Tests compare it with the data and
// with netfit.predict.
func (p *page) viewState() object {
	r := p.regions
	return object{
		"view": spanPair(r.View), "train": spanPair(r.Train), "val": spanPair(r.Val),
		"left": spanPair(r.Left), "right": spanPair(r.Right),
		"curveX": float64Array(p.curveX), "curveY": float64Array(p.curveY),
		"ranges": view.RangeText(r),
	}
}

// spanPair is [lo, hi] for JavaScript, or nil (null) for an empty span.
func spanPair(s view.Span) any {
	if !s.OK {
		return nil
	}
	return []any{s.Lo, s.Hi}
}
