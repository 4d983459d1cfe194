package export

import (
	"fmt"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"

	"netfit/core/formula"
)

// pyFunctions maps the formula language's functions to NumPy. round is
// a helper the script defines (NumPy rounds halves to even, netfit away
// from zero), and min and max fold over any number of arguments.
var pyFunctions = map[string]string{
	"sin": "np.sin", "cos": "np.cos", "tan": "np.tan",
	"asin": "np.arcsin", "acos": "np.arccos", "atan": "np.arctan",
	"sinh": "np.sinh", "cosh": "np.cosh", "tanh": "np.tanh",
	"exp": "np.exp", "log": "np.log", "log2": "np.log2", "log10": "np.log10",
	"sqrt": "np.sqrt", "cbrt": "np.cbrt", "abs": "np.abs", "sign": "np.sign",
	"floor": "np.floor", "ceil": "np.ceil", "round": "round_half_away",
	"pow": "np.power", "min": "fold_min", "max": "fold_max",
}

// pyHelpers are the definitions of the helpers in pyFunctions.
var pyHelpers = map[string]string{
	"round_half_away": "def round_half_away(v):\n" +
		"    \"\"\"Round halves away from zero, as netfit (Go's math.Round) does.\"\"\"\n" +
		"    return np.sign(v) * np.floor(np.abs(v) + 0.5)\n",
	"fold_min": "def fold_min(*args):\n" +
		"    \"\"\"min(a, b, ...) of netfit's formulas, element by element.\"\"\"\n" +
		"    return functools.reduce(np.minimum, args)\n",
	"fold_max": "def fold_max(*args):\n" +
		"    \"\"\"max(a, b, ...) of netfit's formulas, element by element.\"\"\"\n" +
		"    return functools.reduce(np.maximum, args)\n",
}

// pythonFormula translates a formula for y in x (netfit's formula
// language, see core/formula) into a NumPy expression, and returns the
// helpers it needs. Python's precedence matches the formula language's:
// ** binds tighter than unary minus and is right-associative.
func pythonFormula(src string) (expr string, helpers []string, err error) {
	if _, err := formula.Compile(src); err != nil {
		return "", nil, fmt.Errorf("export: formula %q: %v", src, err)
	}
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(file, []byte(src), nil, 0)

	var b strings.Builder
	seen := map[string]bool{}
	operand := false // the last token ends an operand, so + and - are binary
	for {
		_, tok, lit := s.Scan()
		switch {
		case tok == token.EOF:
			return b.String(), helpers, nil
		case tok == token.SEMICOLON && lit == "\n":
			continue
		case tok == token.INT || tok == token.FLOAT:
			v, err := strconv.ParseFloat(strings.ReplaceAll(lit, "_", ""), 64)
			if err != nil {
				v = 0 // underflow, as the formula package reads it
			}
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		case tok == token.IDENT:
			name := pyName(lit)
			if _, ok := pyHelpers[name]; ok && !seen[name] {
				seen[name] = true
				helpers = append(helpers, pyHelpers[name])
			}
			b.WriteString(name)
		case tok == token.XOR:
			b.WriteString("**")
		case tok == token.DEC || tok == token.INC:
			b.WriteString(pyOperator(tok.String()[:1], operand) + tok.String()[:1])
		case tok == token.ADD || tok == token.SUB:
			b.WriteString(pyOperator(tok.String(), operand))
		case tok == token.COMMA:
			b.WriteString(", ")
		default:
			b.WriteString(tok.String())
		}
		operand = tok == token.INT || tok == token.FLOAT || tok == token.IDENT ||
			tok == token.RPAREN
	}
}

// pyOperator spaces a binary + or − and leaves a unary one bare.
func pyOperator(op string, binary bool) string {
	if binary {
		return " " + op + " "
	}
	return op
}

// pyName maps a name of the formula language to Python.
func pyName(name string) string {
	switch strings.ToLower(name) {
	case "x":
		return "x"
	case "pi", "π":
		return "np.pi"
	case "e":
		return "np.e"
	}
	if f, ok := pyFunctions[strings.ToLower(name)]; ok {
		return f
	}
	return name
}

// pyNumber writes v as a Python float literal: the shortest form that
// reads back exactly, "inf" never occurring for values a formula holds.
func pyNumber(v float64) string {
	s := strconv.FormatFloat(v, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}

// pyString quotes s as a Python string literal.
func pyString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// pyBool writes a Go bool as Python's True or False.
func pyBool(v bool) string {
	if v {
		return "True"
	}
	return "False"
}
