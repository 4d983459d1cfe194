package formula

import "math"

// function is a built-in function callable from a formula. Exactly one of
// f1 (one argument) and f2 (two arguments, or a fold over two or more when
// variadic) is set.
type function struct {
	name     string
	f1       func(float64) float64
	f2       func(a, b float64) float64
	variadic bool // min and max: f2 folded left over two or more arguments
}

// arity returns the least number of arguments the function takes.
func (f *function) arity() int {
	if f.f1 != nil {
		return 1
	}
	return 2
}

// functions lists the built-in functions by name. Angles are in radians and
// log is the natural logarithm, as in Go's math package, which computes them.
var functions = map[string]*function{}

func init() {
	one := map[string]func(float64) float64{
		"sin": math.Sin, "cos": math.Cos, "tan": math.Tan,
		"asin": math.Asin, "acos": math.Acos, "atan": math.Atan,
		"sinh": math.Sinh, "cosh": math.Cosh, "tanh": math.Tanh,
		"exp": math.Exp, "log": math.Log, "log2": math.Log2, "log10": math.Log10,
		"sqrt": math.Sqrt, "cbrt": math.Cbrt, "abs": math.Abs, "sign": sign,
		"floor": math.Floor, "ceil": math.Ceil, "round": math.Round,
	}
	for name, f := range one {
		functions[name] = &function{name: name, f1: f}
	}
	functions["pow"] = &function{name: "pow", f2: math.Pow}
	functions["min"] = &function{name: "min", f2: math.Min, variadic: true}
	functions["max"] = &function{name: "max", f2: math.Max, variadic: true}
}

// sign returns -1, 0 or 1 with the sign of v, and NaN for NaN.
func sign(v float64) float64 {
	switch {
	case v > 0:
		return 1
	case v < 0:
		return -1
	}
	return v // 0, -0 or NaN
}

// constants lists the named constants.
var constants = map[string]float64{"pi": math.Pi, "π": math.Pi, "e": math.E}
