package formula

import "fmt"

// Error is a mistake in a formula's text. Pos is the 1-based column (in
// characters, not bytes) of the token where the mistake was found; 0 means
// the mistake has no place, as for an empty formula.
type Error struct {
	Pos  int
	Msg  string // what is wrong, e.g. `unknown name "ln"`
	Hint string // what to write instead, e.g. "for the natural logarithm write log"; may be ""
}

// Error returns Msg followed by " at column Pos" (left out when Pos is 0)
// and by "; " and Hint when there is one.
func (e *Error) Error() string {
	s := e.Msg
	if e.Pos != 0 {
		s = fmt.Sprintf("%s at column %d", e.Msg, e.Pos)
	}
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

// Limits on formulas, so that a pasted novel or a fuzzer cannot exhaust memory
// or the stack.
const (
	MaxLength = 4096 // bytes of text
	MaxDepth  = 100  // nesting of parentheses, calls, signs and powers
)
