package view

import "math"

// Span is a closed interval [Lo, Hi] on one axis. The zero value is the empty
// span (OK false), which [Span.Union] treats as the identity.
type Span struct {
	Lo, Hi float64
	OK     bool // false for the empty span: no finite value was seen
}

// SpanOf returns the smallest span holding v[i] for every i in rows, or every
// value of v when rows is nil. Non-finite values are skipped; if none is
// finite the span is empty.
func SpanOf(v []float64, rows []int) Span {
	var s Span
	add := func(x float64) {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return
		}
		if !s.OK {
			s = Span{Lo: x, Hi: x, OK: true}
			return
		}
		s.Lo = math.Min(s.Lo, x)
		s.Hi = math.Max(s.Hi, x)
	}
	if rows == nil {
		for _, x := range v {
			add(x)
		}
		return s
	}
	for _, i := range rows {
		add(v[i])
	}
	return s
}

// Union returns the smallest span holding both s and o.
func (s Span) Union(o Span) Span {
	switch {
	case !o.OK:
		return s
	case !s.OK:
		return o
	}
	return Span{Lo: math.Min(s.Lo, o.Lo), Hi: math.Max(s.Hi, o.Hi), OK: true}
}

// Width returns Hi − Lo, or 0 for the empty span.
func (s Span) Width() float64 {
	if !s.OK {
		return 0
	}
	return s.Hi - s.Lo
}

// Contains reports whether x lies in s.
func (s Span) Contains(x float64) bool { return s.OK && x >= s.Lo && x <= s.Hi }

// Pad widens s by frac of its width on each side, so points at the edges are
// not drawn on the frame. A span of zero width (one point, or constant data)
// is widened by frac·max(1, |Lo|) instead, and the empty span becomes [−1, 1],
// so an axis always has a usable, non-zero range. The padded ends stay finite:
// near ±math.MaxFloat64 (y = exp(100x) reaches 1.7e308) they stop there.
func (s Span) Pad(frac float64) Span {
	if !s.OK {
		return Span{Lo: -1, Hi: 1, OK: true}
	}
	d := frac * (s.Hi/2 - s.Lo/2) * 2 // Hi − Lo, without overflow on the way
	if d == 0 {
		d = frac * math.Max(1, math.Abs(s.Lo))
		if d == 0 {
			d = 1
		}
	}
	lo := math.Max(s.Lo-d, -math.MaxFloat64)
	hi := math.Min(s.Hi+d, math.MaxFloat64)
	return Span{Lo: lo, Hi: hi, OK: true}
}

// Frac returns where v lies in s, 0 at Lo and 1 at Hi, computed with
// halved values so that a span as wide as the float64 range does not
// overflow (Hi − Lo would be +Inf for [−1e308, 1e308]).
func (s Span) Frac(v float64) float64 {
	return (v/2 - s.Lo/2) / (s.Hi/2 - s.Lo/2)
}
