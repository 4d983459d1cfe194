package formula

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// close reports whether got is within tol of want, relative to max(1, |want|).
// NaN equals NaN and infinities must match exactly.
func close(got, want, tol float64) bool {
	switch {
	case math.IsNaN(want):
		return math.IsNaN(got)
	case math.IsInf(want, 0):
		return got == want
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// TestCompileValues checks formulas against values computed by hand or
// with Go's math package directly.
func TestCompileValues(t *testing.T) {
	cases := []struct {
		name, src string
		f         func(x float64) float64
	}{
		{"sine preset", "10*sin(x) + x", func(x float64) float64 { return 10*math.Sin(x) + x }},
		{"poly preset", "x^4 + x^3 + x", func(x float64) float64 { return x*x*x*x + x*x*x + x }},
		{"double star", "x**4 + x**3 + x", func(x float64) float64 { return x*x*x*x + x*x*x + x }},
		// The page's help writes − for minus; ×, · and ÷ read as * and /.
		{"typographic signs", "x − 2×x·x ÷ 4", func(x float64) float64 { return x - 2*x*x/4 }},
		{"dashes as minus", "x – 1 — x", func(x float64) float64 { return x - 1 - x }},
		{"number forms", "1e-3*x + .5 + 2.", func(x float64) float64 { return 0.001*x + 2.5 }},
		{"constants", "pi*x + e", func(x float64) float64 { return math.Pi*x + math.E }},
		{"pi letter", "π", func(float64) float64 { return math.Pi }},
		{"unary plus", "+x - +1", func(x float64) float64 { return x - 1 }},
		{"double minus", "x--x", func(x float64) float64 { return 2 * x }},
		{"double plus", "x++x", func(x float64) float64 { return 2 * x }},
		{"division", "1/(1 + exp(-x))", func(x float64) float64 { return 1 / (1 + math.Exp(-x)) }},
		{"trig", "sin(x)*cos(x) - tan(x/4)", func(x float64) float64 {
			return math.Sin(x)*math.Cos(x) - math.Tan(x/4)
		}},
		{"log sqrt abs", "log(abs(x) + 1) + sqrt(abs(x))", func(x float64) float64 {
			return math.Log(math.Abs(x)+1) + math.Sqrt(math.Abs(x))
		}},
		{"tanh", "tanh(x/2)", func(x float64) float64 { return math.Tanh(x / 2) }},
		{"pow", "pow(2, x)", func(x float64) float64 { return math.Pow(2, x) }},
		{"min max", "min(x, 1, -x) + max(x, 0)", func(x float64) float64 {
			return math.Min(math.Min(x, 1), -x) + math.Max(x, 0)
		}},
		{"floor ceil", "floor(x) + ceil(x/3)", func(x float64) float64 {
			return math.Floor(x) + math.Ceil(x/3)
		}},
		{"more functions", "sign(x) + round(x) + cbrt(x) + atan(x) + log10(abs(x)+1)",
			func(x float64) float64 {
				return sign(x) + math.Round(x) + math.Cbrt(x) + math.Atan(x) +
					math.Log10(math.Abs(x)+1)
			}},
		{"spaces and newline", " x *\n 2 ", func(x float64) float64 { return 2 * x }},
		{"constant only", "2*pi", func(float64) float64 { return 2 * math.Pi }},
		{"undefined", "log(x)", math.Log},
	}
	xs := []float64{-2.5, -1, 0, 0.5, 3, 7.25}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := Compile(c.src)
			if err != nil {
				t.Fatalf("Compile(%q): %v", c.src, err)
			}
			for _, x := range xs {
				if got, want := e.Eval(x), c.f(x); !close(got, want, 1e-12) {
					t.Errorf("%q at x=%g = %g, want %g", c.src, x, got, want)
				}
			}
		})
	}
}

// TestPrecedence checks binding and associativity with constant formulas
// whose values follow from the rules in doc.go.
func TestPrecedence(t *testing.T) {
	cases := []struct {
		name, src string
		x, want   float64
	}{
		{"power binds tighter than minus", "-x^2", 3, -9},
		{"power of a negative base", "(-x)^2", 3, 9},
		{"power is right-associative", "2^3^2", 0, 512},
		{"double star is right-associative", "2**3**2", 0, 512},
		{"mixed power spellings", "2^3**2", 0, 512},
		{"negative exponent", "2^-1", 0, 0.5},
		{"negative exponent binds the power", "2^-x^2", 1, 0.5},
		{"product before sum", "1 + 2*3", 0, 7},
		{"minus is left-associative", "10 - 4 - 3", 0, 3},
		{"division is left-associative", "64/4/2", 0, 8},
		{"power before product", "2*x^2", 3, 18},
		{"power before division", "x^2/2", 3, 4.5},
		{"unary minus in product", "2*-x", 3, -6},
		{"minus then power", "1 - x^2", 3, -8},
		{"parentheses", "(1 + 2)*3", 0, 9},
		{"e is a constant", "e^x", 1, math.E},
		{"exponent notation is a number", "1e2 + x", 1, 101},
		{"function then power", "sin(x)^2 + cos(x)^2", 0.7, 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := Compile(c.src)
			if err != nil {
				t.Fatalf("Compile(%q): %v", c.src, err)
			}
			if got := e.Eval(c.x); !close(got, c.want, 1e-12) {
				t.Errorf("%q at x=%g = %g, want %g", c.src, c.x, got, c.want)
			}
		})
	}
}

// TestCompileErrors checks every kind of mistake, its message and column.
func TestCompileErrors(t *testing.T) {
	cases := []struct {
		name, src string
		pos       int
		msg       string
		hint      string // Error.Hint: what to write instead
	}{
		{"empty", "", 0, "formula is empty", ""},
		{"blank", "  \t", 0, "formula is empty", ""},
		{"unknown name", "x+sinn(x)", 3, `unknown name "sinn"`, ""},
		{"upper case x", "X + 1", 1, `unknown name "X"`, "the variable is x (lower case)"},
		{"keyword", "if + x", 1, `unknown name "if"`, ""},
		{"missing paren", "sin(x + 2", 10, "missing )", ""},
		{"missing paren group", "(x + 1", 7, "missing )", ""},
		{"unmatched paren", "(x))", 4, "unmatched )", ""},
		{"too many arguments", "sin(x, 2)", 1, "the function sin takes 1 argument, got 2", "write it as in sin(x)"},
		{"too few arguments", "pow(x)", 1, "the function pow takes 2 arguments, got 1", "write it as in pow(x, 2)"},
		{"no arguments", "cos()", 1, "the function cos takes 1 argument, got 0", "write it as in cos(x)"},
		{"min of one", "1 + min(x)", 5, "the function min takes at least 2 arguments, got 1", "write it as in min(x, 0)"},
		{"square sign", "x²", 2, `unexpected "²"`, "for a square write ^2, as in x^2"},
		{"bars", "|x|", 1, `unexpected "|"`, "for an absolute value write abs(x)"},
		{"root sign", "√x", 1, `unexpected "√"`, "for a square root write sqrt(x)"},
		{"y equals", "y=x^2", 2, `unexpected "="`, "write only the right-hand side, as in x^2 for y = x^2"},
		{"unicode minus then a typo", "x − sinn(x)", 5, `unknown name "sinn"`, ""}, // − is read as -, one column
		{"function without call", "sin + 1", 5, "missing ( after sin", ""},
		{"missing operator", "2x", 2, `unexpected "x" (missing operator?)`, "to multiply write 2*x"},
		{"number before group", "2(x+1)", 2, `unexpected "(" (missing operator?)`, "to multiply write 2*("},
		{"group after group", "(x+1)(x-1)", 6, `unexpected "(" (missing operator?)`, "to multiply write )*("},
		{"decimal comma", "0,5*x", 2, `unexpected ","`, "write decimals with a point: 0.5"},
		{"comma outside a call", "x, 2", 2, `unexpected ","`, "a comma only separates a function's arguments, as in pow(x, 2)"},
		{"ln", "ln(x)", 1, `unknown name "ln"`, "for the natural logarithm write log"},
		{"upper case function", "Sin(x)", 1, `unknown name "Sin"`, "names are lower case: write sin"},
		{"upper case constant", "PI*x", 1, `unknown name "PI"`, "names are lower case: write pi"},
		{"arcsin", "arcsin(x/20)", 1, `unknown name "arcsin"`, "write asin"},
		{"ends early", "x +", 4, "formula ends too early", ""},
		{"ends after power", "x^", 3, "formula ends too early", ""},
		{"spaced double star", "x* *2", 4, `unexpected "*"`, ""},
		{"triple star", "x***2", 4, `unexpected "*"`, ""},
		{"illegal character", "x @ 2", 3, `unexpected "@"`, ""},
		{"modulo", "x % 2", 3, `unexpected "%"`, "there is no remainder operator; floor gives one: x - 3*floor(x/3)"},
		{"comment", "x // 2", 3, `unexpected "// 2"`, ""},
		{"string", `"x"`, 1, `unexpected "\"x\""`, ""},
		{"semicolon", "x; 2", 2, `unexpected ";"`, ""},
		{"empty argument", "max(x,,1)", 7, `unexpected ","`, ""},
		{"imaginary", "2i", 1, `bad number "2i"`, ""},
		{"hex", "0x1F", 1, `bad number "0x1F"`, ""},
		{"underscore", "1_000", 1, `bad number "1_000"`, ""},
		{"overflow", "1e999*x", 1, "number 1e999 is out of range", ""},
		{"column counts characters", "π + é", 5, `unknown name "é"`, ""},
		{"symbol", "x + €", 5, `unexpected "€"`, ""},
		{"too deep", strings.Repeat("(", MaxDepth+1) + "x" + strings.Repeat(")", MaxDepth+1),
			MaxDepth + 1, "formula nested more than 100 levels deep", ""},
		{"too long", strings.Repeat("x+", MaxLength/2) + "x", 0, "formula is 4097 bytes long", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e, err := Compile(c.src)
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("Compile(%q) = %v, %v; want *Error %q", c.src, e, err, c.msg)
			}
			if fe.Pos != c.pos || !strings.HasPrefix(fe.Msg, c.msg) || fe.Hint != c.hint {
				t.Errorf("Compile(%q) error at column %d %q (hint %q), want column %d %q (hint %q)",
					c.src, fe.Pos, fe.Msg, fe.Hint, c.pos, c.msg, c.hint)
			}
		})
	}
}

// TestErrorString checks the text shown next to the input box.
func TestErrorString(t *testing.T) {
	_, err := Compile("x+sinn(x)")
	if got, want := err.Error(), `unknown name "sinn" at column 3`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	_, err = Compile("")
	if got := err.Error(); strings.Contains(got, "column") {
		t.Errorf("empty formula error %q names a column", got)
	}
}

// TestString checks the canonical spelling and that it compiles back to the
// same tree.
func TestString(t *testing.T) {
	cases := []struct{ src, want string }{
		{"10*sin(x)+x", "10 * sin(x) + x"},
		{"x**2", "x^2"},
		{"-x^2", "-x^2"},
		{"(-x)^2", "(-x)^2"},
		{"(2^3)^2", "(2^3)^2"},
		{"2^(3^2)", "2^3^2"},
		{"2^(-x)", "2^-x"},
		{"--x", "-(-x)"},
		{"x-(1-x)", "x - (1 - x)"},
		{"x+(1+x)", "x + (1 + x)"},
		{"(x+1)+x", "x + 1 + x"},
		{"x/(2*x)", "x / (2 * x)"},
		{"2*(-x)", "2 * -x"},
		{"-(x*2)", "-(x * 2)"},
		{"min(x,1,2)", "min(x, 1, 2)"},
		{"π*1e-7", "pi * 1e-07"},
		{"+x", "x"},
	}
	for _, c := range cases {
		t.Run(c.src, func(t *testing.T) {
			e, err := Compile(c.src)
			if err != nil {
				t.Fatal(err)
			}
			if got := e.String(); got != c.want {
				t.Errorf("Compile(%q).String() = %q, want %q", c.src, got, c.want)
			}
			again, err := Compile(e.String())
			if err != nil {
				t.Fatalf("String %q does not compile: %v", e.String(), err)
			}
			if again.String() != e.String() {
				t.Errorf("String is not stable: %q then %q", e.String(), again.String())
			}
		})
	}
}

// TestUsesX checks the constant-formula detection.
func TestUsesX(t *testing.T) {
	for src, want := range map[string]bool{"2*pi": false, "sin(1)+x*0": true, "e^2": false} {
		e, err := Compile(src)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.UsesX(); got != want {
			t.Errorf("Compile(%q).UsesX() = %v, want %v", src, got, want)
		}
	}
}

// TestSample checks that log(x) on [-15, 15] reports the x ≤ 0 samples:
// log of a negative number is NaN and log(0) is -Inf.
func TestSample(t *testing.T) {
	e, err := Compile("log(x)")
	if err != nil {
		t.Fatal(err)
	}
	xs := make([]float64, 31)
	for i := range xs {
		xs[i] = float64(i - 15) // -15 .. 15
	}
	ys, bad := Sample(e, xs)
	if len(ys) != len(xs) || len(bad) != 16 {
		t.Fatalf("Sample gave %d values and %d bad, want 31 and 16 (x = -15..0)", len(ys), len(bad))
	}
	for i, j := range bad {
		if j != i {
			t.Errorf("bad[%d] = %d, want %d", i, j, i)
		}
	}
	if !close(ys[30], math.Log(15), 1e-15) {
		t.Errorf("log(15) = %g, want %g", ys[30], math.Log(15))
	}
	if _, bad := Sample(e, []float64{1, 2}); bad != nil {
		t.Errorf("all finite: bad = %v, want nil", bad)
	}
}

// TestEvalNilPanics checks the documented panic.
func TestEvalNilPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Eval on a nil *Expr did not panic")
		}
	}()
	var e *Expr
	e.Eval(1)
}

// TestEvalAllocs checks that evaluation allocates nothing.
func TestEvalAllocs(t *testing.T) {
	e, err := Compile("10*sin(x) + x^2 - min(x, 1, 2)")
	if err != nil {
		t.Fatal(err)
	}
	x := 0.0
	if n := testing.AllocsPerRun(100, func() { x += e.Eval(x) * 1e-9 }); n != 0 {
		t.Errorf("Eval allocates %g times per call, want 0", n)
	}
}
