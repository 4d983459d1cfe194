// Package formula compiles a user's formula for y as a function of x, such as
//
//	10*sin(x) + x
//
// into a function that the data generator evaluates once per sample.
//
// The grammar, loosest binding first:
//
//	expr    = term { ("+" | "-") term }
//	term    = unary { ("*" | "/") unary }
//	unary   = ("-" | "+") unary | power
//	power   = primary [ ("^" | "**") unary ]
//	primary = number | "x" | "pi" | "π" | "e" | name "(" expr { "," expr } ")" | "(" expr ")"
//
// So power binds tighter than unary minus and is right-associative:
// -x^2 = -(x²), 2^3^2 = 2^9 = 512 and 2^-1 = 0.5. Numbers are decimal
// (3, 0.5, .5, 1e-3). Functions: sin cos tan asin acos atan sinh cosh tanh
// exp log (natural) log2 log10 sqrt cbrt abs sign floor ceil round,
// pow(a, b), min(a, b, ...) and max(a, b, ...).
//
// The text is split into tokens by the standard library's go/scanner and
// parsed by precedence climbing (a recursive descent with one function per
// binding level). [Compile] does this once and builds a tree of closures,
// folding every part that does not depend on x into a constant, so that
// [Expr.Eval] allocates nothing. Mistakes come back as an [*Error] that
// carries the 1-based column of the offending token.
//
// The package sits below the data generator: the page compiles what the
// user typed, shows any error next to the input, and samples the formula
// with [Sample], which also reports the x values where it is undefined
// (NaN or infinite, as log(x) for x ≤ 0).
package formula
