package formula

import (
	"fmt"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"
	"unicode/utf8"
)

// tokenKind is the kind of a formula token. Operators and punctuation use
// their own character; '^' stands for both ^ and **.
type tokenKind byte

const (
	tokEOF    tokenKind = 0
	tokNumber tokenKind = 'n'
	tokName   tokenKind = 'a'
)

// tok is one token: its kind, its text, its value for numbers and its byte
// offset in the source.
type tok struct {
	kind tokenKind
	text string
	val  float64
	off  int
}

// lex splits src into tokens with go/scanner. The Go scanner knows nothing
// of formulas, so lex translates: ^ arrives as XOR, ** as two adjacent MUL
// tokens, -- and ++ as DEC and INC, and a newline-semicolon is inserted after
// the last name or number. Go keywords become names, so "if" is reported as
// an unknown name.
func lex(src string) ([]tok, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	// Errors come back as ILLEGAL tokens or malformed literals; we report
	// those ourselves, with our own wording, so the handler is nil.
	s.Init(file, []byte(src), nil, scanner.ScanComments)

	var toks []tok
	for {
		pos, t, lit := s.Scan()
		off := file.Offset(pos)
		switch {
		case t == token.EOF:
			return append(toks, tok{kind: tokEOF, off: len(src)}), nil
		case t == token.SEMICOLON && lit == "\n":
			continue // inserted by the scanner, not typed
		case t == token.INT || t == token.FLOAT || t == token.IMAG:
			v, err := parseNumber(lit)
			if underflow(v, err) {
				v, err = 0, nil // 1e-400 is zero for every purpose here
			}
			if err != nil {
				return nil, numberError(src, off, lit, err)
			}
			toks = append(toks, tok{kind: tokNumber, text: lit, val: v, off: off})
		case t == token.IDENT || t.IsKeyword():
			toks = append(toks, tok{kind: tokName, text: lit, off: off})
		case t == token.XOR:
			toks = append(toks, tok{kind: '^', text: "^", off: off})
		case t == token.MUL && len(toks) > 0 && toks[len(toks)-1].kind == '*' &&
			toks[len(toks)-1].off == off-1:
			toks[len(toks)-1] = tok{kind: '^', text: "**", off: off - 1}
		case t == token.DEC || t == token.INC:
			c := tokenKind(t.String()[0])
			toks = append(toks, tok{kind: c, text: string(c), off: off},
				tok{kind: c, text: string(c), off: off + 1})
		case t == token.ADD || t == token.SUB || t == token.MUL || t == token.QUO ||
			t == token.LPAREN || t == token.RPAREN || t == token.COMMA:
			c := tokenKind(t.String()[0])
			toks = append(toks, tok{kind: c, text: string(c), off: off})
		default:
			text := lit
			if text == "" || text == "\n" {
				text = t.String()
			}
			return nil, &Error{Pos: column(src, off), Msg: fmt.Sprintf("unexpected %q", text),
				Hint: lookupHint(symbolHints[:], text)}
		}
	}
}

// symbols are the typographic signs read as their ASCII operators: the page
// itself writes − for minus, and word processors turn a minus into a dash.
// Each is one character, so columns stay right.
var symbols = strings.NewReplacer("−", "-", "–", "-", "—", "-", "×", "*", "·", "*", "⋅", "*", "÷", "/")

// symbolHints say what to write for characters a formula cannot hold.
var symbolHints = [...][2]string{
	{"²", "for a square write ^2, as in x^2"}, {"³", "for a cube write ^3, as in x^3"},
	{"|", "for an absolute value write abs(x)"}, {"√", "for a square root write sqrt(x)"},
	{"=", "write only the right-hand side, as in x^2 for y = x^2"},
	{"%", "there is no remainder operator; floor gives one: x - 3*floor(x/3)"},
}

// numberError explains why a number literal was refused.
func numberError(src string, off int, lit string, err error) error {
	msg := fmt.Sprintf("bad number %q", lit)
	if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
		msg = fmt.Sprintf("number %s is out of range", lit)
	}
	return &Error{Pos: column(src, off), Msg: msg}
}

// column converts a byte offset in src into a 1-based column counted in
// characters.
func column(src string, off int) int {
	if off > len(src) {
		off = len(src)
	}
	return utf8.RuneCountInString(src[:off]) + 1
}

// parseNumber reads a decimal literal as scanned by go/scanner. Go's other
// spellings (0x1F, 1_000, 2i) are refused: the grammar promises decimal
// numbers only.
func parseNumber(lit string) (float64, error) {
	if strings.Trim(lit, "0123456789.eE+-") != "" {
		return 0, strconv.ErrSyntax
	}
	return strconv.ParseFloat(lit, 64)
}

// underflow reports whether ParseFloat's error only says the number was too
// small to represent.
func underflow(v float64, err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange && v == 0
}
