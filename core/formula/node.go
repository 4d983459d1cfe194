package formula

import (
	"strconv"
	"strings"
)

// nodeKind is the kind of a syntax tree node.
type nodeKind byte

const (
	nodeNumber nodeKind = iota // val
	nodeX                      // the variable x
	nodeConst                  // a named constant: name and val
	nodeNeg                    // -args[0]
	nodeBinary                 // args[0] op args[1], op one of + - * / ^
	nodeCall                   // fn(args...)
)

// node is one node of the syntax tree that [Compile] builds and [Expr.String]
// prints.
type node struct {
	kind nodeKind
	op   byte      // nodeBinary: '+', '-', '*', '/' or '^'
	val  float64   // nodeNumber, nodeConst
	name string    // nodeConst, nodeCall
	fn   *function // nodeCall
	args []*node
}

// usesX reports whether the value of n depends on x.
func (n *node) usesX() bool {
	if n.kind == nodeX {
		return true
	}
	for _, a := range n.args {
		if a.usesX() {
			return true
		}
	}
	return false
}

// Binding levels used when printing; higher binds tighter. They mirror the
// grammar in doc.go.
const (
	levelSum     = 1 // + -
	levelProduct = 2 // * /
	levelUnary   = 3 // unary minus
	levelPower   = 4 // ^
	levelPrimary = 5 // numbers, names, calls, parentheses
)

// level returns how tightly n binds.
func (n *node) level() int {
	switch {
	case n.kind == nodeNeg:
		return levelUnary
	case n.kind != nodeBinary:
		return levelPrimary
	case n.op == '+' || n.op == '-':
		return levelSum
	case n.op == '*' || n.op == '/':
		return levelProduct
	}
	return levelPower
}

// write prints n to b, wrapped in parentheses when n binds looser than min.
// Parentheses that the grammar would not need are still kept when they
// change the order of floating-point operations, as in a+(b+c), so that the
// printed text computes exactly the same values.
func (n *node) write(b *strings.Builder, min int) {
	paren := n.level() < min
	if paren {
		b.WriteByte('(')
	}
	switch n.kind {
	case nodeNumber:
		b.WriteString(strconv.FormatFloat(n.val, 'g', -1, 64))
	case nodeX:
		b.WriteByte('x')
	case nodeConst:
		b.WriteString(n.name)
	case nodeNeg:
		b.WriteByte('-')
		// -(-x) rather than --x, which reads like a decrement.
		n.args[0].write(b, levelPower)
	case nodeBinary:
		n.writeBinary(b)
	case nodeCall:
		b.WriteString(n.name)
		b.WriteByte('(')
		for i, a := range n.args {
			if i > 0 {
				b.WriteString(", ")
			}
			a.write(b, levelSum)
		}
		b.WriteByte(')')
	}
	if paren {
		b.WriteByte(')')
	}
}

// writeBinary prints a binary operation with the least parentheses that
// keep its tree: the left operand of + - * / may bind as loosely as the
// operator itself (left associativity), the right operand must bind
// tighter; for the right-associative ^ it is the other way round, and a
// signed base needs parentheses, (-x)^2.
func (n *node) writeBinary(b *strings.Builder) {
	level := n.level()
	left, right := level, level+1
	if n.op == '^' {
		left, right = levelPrimary, levelUnary
	}
	n.args[0].write(b, left)
	if n.op == '^' {
		b.WriteByte('^')
	} else {
		b.WriteString(" " + string(n.op) + " ")
	}
	n.args[1].write(b, right)
}
