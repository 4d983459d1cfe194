package data

import (
	"fmt"
	"math"
)

// Features lists extra inputs computed from x, so a network can fit curves
// that a few units find hard (a polynomial, a periodic signal). The zero
// value adds nothing: the input is x alone.
type Features struct {
	Square bool    // add x²; false by default
	Cube   bool    // add x³; false by default
	Period float64 // > 0 adds sin(2πx/Period) and cos(2πx/Period); 0 by default
}

// Count returns the number of inputs per sample: 1 for x, plus one for each
// of x² and x³, plus two when Period is positive and finite.
func (f Features) Count() int {
	n := 1
	if f.Square {
		n++
	}
	if f.Cube {
		n++
	}
	if f.periodic() {
		n += 2
	}
	return n
}

// Expand writes the inputs of one sample into dst in this order:
//
//	x, x² (if Square), x³ (if Cube), sin(2πx/P), cos(2πx/P) (if Period P > 0)
//
// Expand panics if dst is shorter than [Features.Count].
func (f Features) Expand(dst []float64, x float64) {
	if len(dst) < f.Count() {
		panic(fmt.Sprintf("data: feature buffer has %d values, want %d", len(dst), f.Count()))
	}
	dst[0] = x
	i := 1
	if f.Square {
		dst[i] = x * x
		i++
	}
	if f.Cube {
		dst[i] = float64(x*x) * x
		i++
	}
	if f.periodic() {
		angle := 2 * math.Pi * x / f.Period
		dst[i], dst[i+1] = math.Sincos(angle)
	}
}

// periodic reports whether Period adds the sine and cosine features. NaN,
// negative and infinite periods add nothing (an infinite period would give
// the constant features 0 and 1).
func (f Features) periodic() bool {
	return f.Period > 0 && !math.IsInf(f.Period, 1)
}
