package formula

import "fmt"

// Error is a mistake in a formula's text. Pos is the 1-based column (in
// characters, not bytes) of the token where the mistake was found; 0 means
// the mistake has no place, as for an empty formula.
type Error struct {
	Pos int
	Msg string // what is wrong, e.g. `unknown name "sinn"`
}

// Error returns Msg followed by " at column Pos", or Msg alone when Pos is 0.
func (e *Error) Error() string {
	if e.Pos == 0 {
		return e.Msg
	}
	return fmt.Sprintf("%s at column %d", e.Msg, e.Pos)
}

// Limits on formulas, so that a pasted novel or a fuzzer cannot exhaust memory
// or the stack.
const (
	MaxLength = 4096 // bytes of text
	MaxDepth  = 100  // nesting of parentheses, calls, signs and powers
)
