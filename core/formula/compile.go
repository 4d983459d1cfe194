package formula

import "math"

// fn is a compiled formula or part of one.
type fn = func(x float64) float64

// compile turns a syntax tree into a tree of closures. Every subtree that
// does not use x is evaluated once here and replaced by its value, so
// 2*pi*x costs one multiplication per sample.
func compile(n *node) fn {
	if n.kind != nodeNumber && !n.usesX() {
		v := compileNode(n)(0)
		return func(float64) float64 { return v }
	}
	return compileNode(n)
}

// compileNode compiles n without folding n itself.
func compileNode(n *node) fn {
	switch n.kind {
	case nodeNumber, nodeConst:
		v := n.val
		return func(float64) float64 { return v }
	case nodeX:
		return func(x float64) float64 { return x }
	case nodeNeg:
		a := compile(n.args[0])
		return func(x float64) float64 { return -a(x) }
	case nodeBinary:
		return compileBinary(n.op, n.args[0], n.args[1])
	}
	return compileCall(n.fn, n.args)
}

// compileBinary compiles left op right.
func compileBinary(op byte, left, right *node) fn {
	a, b := compile(left), compile(right)
	switch op {
	case '+':
		return func(x float64) float64 { return a(x) + b(x) }
	case '-':
		return func(x float64) float64 { return a(x) - b(x) }
	case '*':
		return func(x float64) float64 { return a(x) * b(x) }
	case '/':
		return func(x float64) float64 { return a(x) / b(x) }
	}
	return compilePower(a, b, right)
}

// compilePower compiles a^b. Small constant integer exponents, the common
// x^2 to x^4, are multiplied out: about ten times faster than math.Pow and
// within one rounding of it.
func compilePower(a, b fn, exponent *node) fn {
	if exponent.usesX() {
		return func(x float64) float64 { return math.Pow(a(x), b(x)) }
	}
	switch b(0) {
	case 1:
		return a
	case 2:
		return func(x float64) float64 { v := a(x); return v * v }
	case 3:
		return func(x float64) float64 { v := a(x); return v * v * v }
	case 4:
		return func(x float64) float64 { v := a(x); v *= v; return v * v }
	}
	return func(x float64) float64 { return math.Pow(a(x), b(x)) }
}

// compileCall compiles a call of f. min and max with more than two
// arguments fold left: min(a, b, c) = min(min(a, b), c).
func compileCall(f *function, args []*node) fn {
	if f.f1 != nil {
		g, a := f.f1, compile(args[0])
		return func(x float64) float64 { return g(a(x)) }
	}
	g, acc := f.f2, compile(args[0])
	for _, arg := range args[1:] {
		a, b := acc, compile(arg)
		acc = func(x float64) float64 { return g(a(x), b(x)) }
	}
	return acc
}
