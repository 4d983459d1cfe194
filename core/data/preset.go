package data

import (
	"math"
	"math/rand/v2"
	"strings"
)

// Preset is a named target function with the sampling a lesson would use.
//
// Formula is written in the syntax of the page's formula box: + - * / ^,
// the functions sin cos tan exp log sqrt abs tanh pow min max floor ceil, and
// the constants pi and e. Parsing Formula gives F (up to rounding in the last
// bits) unless FormulaNote is non-empty. Then the formula is only a
// description (for example sin(x)/x, which is 0/0 at x = 0) and the note
// says where F differs.
type Preset struct {
	Name        string                  // short key used in URLs, e.g. "sine"
	Title       string                  // human-readable name for menus
	Formula     string                  // the noiseless target, e.g. "10*sin(x) + x"
	FormulaNote string                  // empty when Formula parses to F; else where they differ
	F           func(x float64) float64 // the noiseless target; finite for every finite x
	N           int                     // default number of samples
	Noise       float64                 // default noise standard deviation σ, in y units
	XMin, XMax  float64                 // default x range
}

// Generate draws the preset's default sample with [Generate].
func (p Preset) Generate(rng *rand.Rand) Set {
	return Generate(p.F, p.N, p.Noise, p.XMin, p.XMax, rng)
}

// Presets returns the built-in target functions: "sine" and "poly" (the two
// curves of the blog post this demo follows) first, then simpler shapes a
// lesson can start from. Each call returns a new slice.
//
// BUG(data): the presets that call exp or tanh ("gaussian", "damped",
// "tanh") may differ in the last bit between a native amd64 or arm64 build and
// WebAssembly, because Go's math.Exp uses assembly on those machines and pure
// Go in wasm. The other presets are bit-for-bit the same everywhere.
func Presets() []Preset {
	return []Preset{
		{Name: "sine", Title: "Sine plus line (the blog's sine)", Formula: "10*sin(x) + x",
			F: sinePlusLine, N: 1000, Noise: 3, XMin: -15, XMax: 15},
		{Name: "poly", Title: "Quartic (the blog's polynomial)", Formula: "x^4 + x^3 + x",
			F: quartic, N: 500, Noise: 2, XMin: -15, XMax: 15},
		{Name: "linear", Title: "Straight line", Formula: "2*x + 1",
			F: line, N: 200, Noise: 2, XMin: -10, XMax: 10},
		{Name: "quadratic", Title: "Parabola", Formula: "x^2 - 4",
			F: parabola, N: 300, Noise: 1.5, XMin: -5, XMax: 5},
		{Name: "cubic", Title: "Cubic", Formula: "x^3 - 6*x",
			F: cubic, N: 300, Noise: 2, XMin: -4, XMax: 4},
		{Name: "abs", Title: "Absolute value (a kink)", Formula: "abs(x)",
			F: math.Abs, N: 300, Noise: 0.3, XMin: -5, XMax: 5},
		{Name: "step", Title: "Step (a jump at x = 0)",
			Formula: "3*min(1, max(0, floor(x) + 1))",
			F:       step, N: 300, Noise: 0.2, XMin: -3, XMax: 3},
		{Name: "gaussian", Title: "Gaussian bump", Formula: "5*exp(-0.5*x^2)",
			F: gaussian, N: 300, Noise: 0.3, XMin: -5, XMax: 5},
		{Name: "sinc", Title: "Sinc (sin x / x)", Formula: "10*sin(x)/x",
			FormulaNote: "sin(x)/x is 0/0 at x = 0; F uses the limit 10 there",
			F:           sinc, N: 500, Noise: 0.5, XMin: -15, XMax: 15},
		{Name: "sawtooth", Title: "Sawtooth", Formula: "x - floor(x)",
			F: sawtooth, N: 500, Noise: 0.05, XMin: -3, XMax: 3},
		{Name: "damped", Title: "Damped oscillation",
			Formula: "10*exp(-0.2*abs(x))*sin(2*x)",
			F:       damped, N: 800, Noise: 0.5, XMin: -10, XMax: 10},
		{Name: "tanh", Title: "Smooth step (tanh)", Formula: "5*tanh(x)",
			F: smoothStep, N: 300, Noise: 0.3, XMin: -5, XMax: 5},
	}
}

// LookupPreset returns the preset with the given name; case and surrounding
// spaces are ignored.
func LookupPreset(name string) (Preset, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// The target functions below wrap each product in float64(...) so the
// compiler cannot fuse it with the following addition (Go spec, "Floating-
// point operators"); that keeps results identical on every machine.

func sinePlusLine(x float64) float64 { return float64(10*math.Sin(x)) + x }

func quartic(x float64) float64 {
	x2 := float64(x * x)
	return float64(x2*x2) + float64(x2*x) + x
}

func line(x float64) float64 { return float64(2*x) + 1 }

func parabola(x float64) float64 { return float64(x*x) - 4 }

func cubic(x float64) float64 { return float64(float64(x*x)*x) - float64(6*x) }

// step is 0 for x < 0 and 3 for x ≥ 0.
func step(x float64) float64 {
	if x >= 0 {
		return 3
	}
	return 0
}

func gaussian(x float64) float64 { return 5 * math.Exp(float64(-0.5*x)*x) }

// sinc is 10·sin(x)/x with its limit 10 at x = 0.
func sinc(x float64) float64 {
	if x == 0 {
		return 10
	}
	return 10 * math.Sin(x) / x
}

// sawtooth is the fractional part of x: it rises from 0 towards 1 on every
// unit interval, then drops.
func sawtooth(x float64) float64 { return x - math.Floor(x) }

func damped(x float64) float64 {
	return float64(10*math.Exp(-0.2*math.Abs(x))) * math.Sin(2*x)
}

func smoothStep(x float64) float64 { return 5 * math.Tanh(x) }
