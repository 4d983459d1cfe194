package formula

import (
	"fmt"
	"strings"
)

// parser turns tokens into a syntax tree by precedence climbing: one method
// per binding level of the grammar in doc.go.
type parser struct {
	src   string
	toks  []tok
	i     int // index of the next token
	depth int // current nesting, bounded by MaxDepth
}

// parse parses the whole of src.
func parse(src string) (*node, error) {
	if strings.TrimSpace(src) == "" {
		return nil, &Error{Msg: "formula is empty; write y in terms of x, e.g. 10*sin(x) + x"}
	}
	if len(src) > MaxLength {
		return nil, &Error{Msg: fmt.Sprintf("formula is %d bytes long, at most %d allowed",
			len(src), MaxLength)}
	}
	src = symbols.Replace(src)
	toks, err := lex(src)
	if err != nil {
		return nil, err
	}

	p := &parser{src: src, toks: toks}
	n, err := p.expr()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		if t.kind == ')' {
			return nil, p.errorf(t, "unmatched )")
		}
		return nil, p.trailing(t)
	}
	return n, nil
}

// trailing explains token t, left over after a whole expression: a comma
// outside a call, or two operands side by side ("2x", "2(x+1)").
func (p *parser) trailing(t tok) error {
	prev := p.toks[p.i-1]
	e := &Error{Pos: column(p.src, t.off), Msg: fmt.Sprintf("unexpected %q", t.text)}
	switch {
	case t.kind == ',' && prev.kind == tokNumber && p.toks[p.i+1].kind == tokNumber:
		e.Hint = fmt.Sprintf("write decimals with a point: %s.%s", prev.text, p.toks[p.i+1].text)
	case t.kind == ',':
		e.Hint = "a comma only separates a function's arguments, as in pow(x, 2)"
	case t.kind == tokNumber || t.kind == tokName || t.kind == '(':
		e.Msg += " (missing operator?)"
		e.Hint = fmt.Sprintf("to multiply write %s*%s", prev.text, t.text)
	default:
		e.Msg += " (missing operator?)"
	}
	return e
}

// peek returns the next token without consuming it.
func (p *parser) peek() tok { return p.toks[p.i] }

// next consumes and returns the next token.
func (p *parser) next() tok {
	t := p.toks[p.i]
	if t.kind != tokEOF {
		p.i++
	}
	return t
}

// errorf returns an *Error placed at token t.
func (p *parser) errorf(t tok, format string, args ...any) error {
	return &Error{Pos: column(p.src, t.off), Msg: fmt.Sprintf(format, args...)}
}

// enter counts one more level of nesting at token t; leave undoes it.
func (p *parser) enter(t tok) error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errorf(t, "formula nested more than %d levels deep", MaxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

// expr parses sums: term { ("+" | "-") term }, left-associative.
func (p *parser) expr() (*node, error) {
	return p.binary(p.term, '+', '-')
}

// term parses products: unary { ("*" | "/") unary }, left-associative.
func (p *parser) term() (*node, error) {
	return p.binary(p.unary, '*', '/')
}

// binary parses operand { (op1 | op2) operand } into a left-leaning tree.
func (p *parser) binary(operand func() (*node, error), op1, op2 tokenKind) (*node, error) {
	left, err := operand()
	if err != nil {
		return nil, err
	}
	for k := p.peek().kind; k == op1 || k == op2; k = p.peek().kind {
		p.next()
		right, err := operand()
		if err != nil {
			return nil, err
		}
		left = &node{kind: nodeBinary, op: byte(k), args: []*node{left, right}}
	}
	return left, nil
}

// unary parses ("-" | "+") unary | power. A sign binds looser than ^, so
// -x^2 is -(x^2).
func (p *parser) unary() (*node, error) {
	t := p.peek()
	if t.kind != '-' && t.kind != '+' {
		return p.power()
	}
	p.next()
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	n, err := p.unary()
	if err != nil || t.kind == '+' {
		return n, err
	}
	return &node{kind: nodeNeg, args: []*node{n}}, nil
}

// power parses primary [ "^" unary ]. The exponent is parsed by unary, which
// comes back here, so 2^3^2 is 2^(3^2) and 2^-1 is allowed.
func (p *parser) power() (*node, error) {
	base, err := p.primary()
	if err != nil {
		return nil, err
	}
	t := p.peek()
	if t.kind != '^' {
		return base, nil
	}
	p.next()
	if err := p.enter(t); err != nil {
		return nil, err
	}
	defer p.leave()
	exp, err := p.unary()
	if err != nil {
		return nil, err
	}
	return &node{kind: nodeBinary, op: '^', args: []*node{base, exp}}, nil
}

// primary parses a number, a name, a call or a parenthesized expression.
func (p *parser) primary() (*node, error) {
	t := p.next()
	switch t.kind {
	case tokNumber:
		return &node{kind: nodeNumber, val: t.val}, nil
	case tokName:
		return p.name(t)
	case '(':
		if err := p.enter(t); err != nil {
			return nil, err
		}
		defer p.leave()
		n, err := p.expr()
		if err != nil {
			return nil, err
		}
		return n, p.closing()
	case tokEOF:
		return nil, p.errorf(t, "formula ends too early")
	}
	return nil, p.errorf(t, "unexpected %q", t.text)
}

// closing consumes the ) that ends a group or a call.
func (p *parser) closing() error {
	if t := p.peek(); t.kind != ')' {
		return p.errorf(t, "missing )")
	}
	p.next()
	return nil
}

// name resolves x, a constant or a function call.
func (p *parser) name(t tok) (*node, error) {
	if t.text == "x" {
		return &node{kind: nodeX}, nil
	}
	if v, ok := constants[t.text]; ok {
		name := t.text
		if name == "π" {
			name = "pi"
		}
		return &node{kind: nodeConst, name: name, val: v}, nil
	}
	fn, ok := functions[t.text]
	if !ok {
		return nil, &Error{Pos: column(p.src, t.off), Msg: fmt.Sprintf("unknown name %q", t.text),
			Hint: nameHint(t.text)}
	}
	if p.peek().kind != '(' {
		return nil, p.errorf(p.peek(), "missing ( after %s", fn.name)
	}
	open := p.next()
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	args, err := p.arguments()
	if err != nil {
		return nil, err
	}
	if err := p.closing(); err != nil {
		return nil, err
	}
	return p.call(t, fn, args)
}

// arguments parses expr { "," expr } inside a call's parentheses; an empty
// list is allowed here and refused by call.
func (p *parser) arguments() ([]*node, error) {
	if p.peek().kind == ')' {
		return nil, nil
	}
	var args []*node
	for {
		a, err := p.expr()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if p.peek().kind != ',' {
			return args, nil
		}
		p.next()
	}
}

// call checks the number of arguments and builds the call node.
func (p *parser) call(t tok, fn *function, args []*node) (*node, error) {
	want := fn.arity()
	switch {
	case fn.variadic && len(args) < want:
		return nil, p.arity(t, fn, fmt.Sprintf("at least %d arguments", want), len(args))
	case !fn.variadic && len(args) != want:
		return nil, p.arity(t, fn, fmt.Sprintf("%d %s", want, plural(want, "argument")), len(args))
	}
	return &node{kind: nodeCall, name: fn.name, fn: fn, args: args}, nil
}

// arity is the error of a call to fn with got arguments where it takes
// want, with an example of a right call.
func (p *parser) arity(t tok, fn *function, want string, got int) error {
	example := fn.name + "(x)"
	switch {
	case fn.name == "pow":
		example = "pow(x, 2)"
	case fn.variadic:
		example = fn.name + "(x, 0)"
	}
	return &Error{Pos: column(p.src, t.off),
		Msg:  fmt.Sprintf("the function %s takes %s, got %d", fn.name, want, got),
		Hint: "write it as in " + example}
}

// aliases are names from other notations, with what to write here. A table
// rather than a map: a map literal costs kilobytes of code in the browser's
// binary, and the lookup happens once per mistake.
var aliases = [...][2]string{
	{"ln", "for the natural logarithm write log"}, {"lg", "for the base-10 logarithm write log10"},
	{"arcsin", "write asin"}, {"arccos", "write acos"}, {"arctan", "write atan"},
	{"sgn", "write sign"}, {"exponent", "write exp"}, {"sqr", "for a square write x^2"},
	{"mod", "there is no remainder function; floor gives one: x - 3*floor(x/3)"},
	{"t", "the variable is x"}, {"X", "the variable is x (lower case)"},
}

// nameHint says what to write instead of an unknown name: the name of
// another notation, or a known name in other letter case ("Sin", "PI").
func nameHint(name string) string {
	if h := lookupHint(aliases[:], name); h != "" {
		return h
	}
	lower := strings.ToLower(name)
	if _, ok := functions[lower]; ok || lower == "x" || constants[lower] != 0 {
		return "names are lower case: write " + lower
	}
	return ""
}

// lookupHint returns the hint paired with key in table, or "".
func lookupHint(table [][2]string, key string) string {
	for _, e := range table {
		if e[0] == key {
			return e[1]
		}
	}
	return ""
}

// plural returns word with an s unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
