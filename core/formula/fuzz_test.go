package formula

import (
	"math"
	"testing"
)

// FuzzCompile checks that Compile never panics, that a compiled formula
// never panics when evaluated, and that its String compiles back to a
// formula with bit-for-bit the same values.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"10*sin(x) + x", "x**4 + x**3 + x", "-x^2", "2^3^2", "(x))", "sin(x,2)",
		"min(x, 1, -x)", "1e-3*.5", "log(x)", "x--x", "π*x", "2^-x^2", "sqrt(abs(x))",
	} {
		f.Add(s)
	}
	xs := []float64{-15, -1, -0.5, 0, 0.25, 1, 2, 15, math.Inf(1), math.NaN()}
	f.Fuzz(func(t *testing.T, src string) {
		e, err := Compile(src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("Compile(%q) error %T, want *Error", src, err)
			}
			return
		}
		canon := e.String()
		again, err := Compile(canon)
		if err != nil {
			t.Fatalf("Compile(%q).String() = %q does not compile: %v", src, canon, err)
		}
		for _, x := range xs {
			a, b := e.Eval(x), again.Eval(x)
			if math.Float64bits(a) != math.Float64bits(b) && !(math.IsNaN(a) && math.IsNaN(b)) {
				t.Fatalf("%q at x=%g = %g, but its String %q gives %g", src, x, a, canon, b)
			}
		}
	})
}
