package formula

import (
	"math"
	"strings"
)

// Expr is a compiled formula, y = f(x). It is immutable after [Compile], so
// one Expr may be evaluated from several goroutines at once.
type Expr struct {
	src  string
	tree *node
	eval func(x float64) float64
}

// BUG(formula): Multiplication must be written out: 2x and 2(x+1) are
// refused with a hint ("to multiply write 2*x") rather than read as 2*x.

// Compile parses src and compiles it for fast evaluation. A mistake in src
// comes back as an [*Error] naming the column, for example
//
//	unknown name "sinn" at column 3
func Compile(src string) (*Expr, error) {
	tree, err := parse(src)
	if err != nil {
		return nil, err
	}
	return &Expr{src: src, tree: tree, eval: compile(tree)}, nil
}

// Eval returns the formula's value at x. The result is NaN or ±Inf where the
// formula is undefined or overflows, e.g. log(x) for x < 0; it never panics
// and does not allocate. Eval panics if e is nil or was not made by
// [Compile].
func (e *Expr) Eval(x float64) float64 {
	return e.eval(x)
}

// Source returns the text given to [Compile].
func (e *Expr) Source() string { return e.src }

// String returns the formula in a canonical spelling: ^ for power, one space
// around + - * /, and only the parentheses needed to keep the order of
// operations. Compiling the result gives a formula with the same values.
func (e *Expr) String() string {
	var b strings.Builder
	e.tree.write(&b, levelSum)
	return b.String()
}

// UsesX reports whether the formula depends on x at all; a formula such as
// "2*pi" gives a constant target, about which the page should warn.
func (e *Expr) UsesX() bool { return e.tree.usesX() }

// Sample evaluates e at every x in xs. It returns the values, one per x, and
// the indices into xs where the value is NaN or infinite, in increasing
// order; bad is nil when every value is finite.
func Sample(e *Expr, xs []float64) (ys []float64, bad []int) {
	ys = make([]float64, len(xs))
	for i, x := range xs {
		y := e.eval(x)
		ys[i] = y
		if math.IsNaN(y) || math.IsInf(y, 0) {
			bad = append(bad, i)
		}
	}
	return ys, bad
}
