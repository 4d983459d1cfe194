package formula

import "testing"

// BenchmarkEval measures one evaluation per op of the two presets' formulas.
func BenchmarkEval(b *testing.B) {
	for _, src := range []string{"10*sin(x) + x", "x^4 + x^3 + x"} {
		b.Run(src, func(b *testing.B) {
			e, err := Compile(src)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			x, sum := -15.0, 0.0
			for b.Loop() {
				sum += e.Eval(x)
				x += 1e-6
			}
			_ = sum
		})
	}
}
