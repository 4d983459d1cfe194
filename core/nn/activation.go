package nn

import (
	"fmt"
	"math"
	"strings"

	"netfit/core/kernel"
)

// Activation is the function a layer applies to each pre-activation z.
// The zero value is [Linear].
type Activation int

// The activations, with Keras 3 definitions and defaults.
const (
	Linear    Activation = iota // f(z) = z
	ReLU                        // f(z) = max(0, z)
	LeakyReLU                   // f(z) = z for z > 0, else 0.2·z (Keras 3 default slope)
	ELU                         // f(z) = z for z > 0, else eᶻ − 1 (α = 1)
	SELU                        // f(z) = λ·z for z > 0, else λ·α·(eᶻ − 1)
	Tanh                        // f(z) = tanh z
	Sigmoid                     // f(z) = 1/(1 + e⁻ᶻ)
	Softplus                    // f(z) = ln(1 + eᶻ)
	Sin                         // f(z) = sin z
	GELU                        // f(z) = z·Φ(z), exact (erf) form, Keras 3's default
	Swish                       // f(z) = z·σ(z), also called SiLU
	numActivations
)

// Constants of the activations.
const (
	// leakySlope is the slope of LeakyReLU for z < 0: Keras 3's default
	// negative_slope (keras.layers.LeakyReLU and keras.activations.leaky_relu).
	leakySlope = 0.2

	// seluAlpha and seluLambda are α and λ of SELU, from Klambauer et al.,
	// "Self-Normalizing Neural Networks", NeurIPS 2017, eq. 14 (the values
	// that make mean 0 and variance 1 a fixed point).
	seluAlpha  = 1.6732632423543772848170429916717
	seluLambda = 1.0507009873554804934193349852946
)

// activationFuncs holds one activation: its value f(z) and its derivative
// f'(z), which also receives y = f(z) because several derivatives are
// cheaper in terms of y. lo and hi bound the output range.
type activationFuncs struct {
	name   string
	f      func(z float64) float64
	df     func(z, y float64) float64
	lo, hi float64
}

var inf = math.Inf(1)

// activations is indexed by Activation. Each f sits next to its f'.
var activations = [numActivations]activationFuncs{
	Linear: {"linear",
		func(z float64) float64 { return z },
		func(z, y float64) float64 { return 1 },
		-inf, inf},
	ReLU: {"relu",
		func(z float64) float64 { return max(z, 0) },
		func(z, y float64) float64 { return step(z) }, // 0 at z = 0, as TensorFlow
		0, inf},
	LeakyReLU: {"leaky_relu",
		func(z float64) float64 { return choose(z, z, leakySlope*z) },
		func(z, y float64) float64 { return choose(z, 1, leakySlope) },
		-inf, inf},
	ELU: {"elu",
		func(z float64) float64 { return choose(z, z, math.Expm1(z)) },
		func(z, y float64) float64 { return choose(z, 1, y+1) }, // d(eᶻ−1)/dz = eᶻ = y+1
		-1, inf},
	SELU: {"selu",
		func(z float64) float64 { return seluLambda * choose(z, z, seluAlpha*math.Expm1(z)) },
		func(z, y float64) float64 { return choose(z, seluLambda, y+seluLambda*seluAlpha) },
		-seluLambda * seluAlpha, inf},
	Tanh: {"tanh",
		math.Tanh,
		func(z, y float64) float64 { return 1 - y*y },
		-1, 1},
	Sigmoid: {"sigmoid",
		sigmoid,
		func(z, y float64) float64 { return y * (1 - y) },
		0, 1},
	Softplus: {"softplus",
		// ln(1+eᶻ) = max(z,0) + ln(1+e^−|z|), which never overflows.
		func(z float64) float64 { return max(z, 0) + math.Log1p(math.Exp(-math.Abs(z))) },
		func(z, y float64) float64 { return sigmoid(z) },
		0, inf},
	Sin: {"sin",
		math.Sin,
		func(z, y float64) float64 { return math.Cos(z) },
		-1, 1},
	GELU: {"gelu",
		// Hendrycks & Gimpel, "Gaussian Error Linear Units", 2016, §2:
		// f = z·Φ(z), Φ(z) = (1 + erf(z/√2))/2; f' = Φ(z) + z·φ(z).
		func(z float64) float64 { return z * normalCDF(z) },
		func(z, y float64) float64 { return normalCDF(z) + z*normalPDF(z) },
		geluMin, inf},
	Swish: {"swish",
		// Ramachandran et al., "Searching for Activation Functions", 2017:
		// f = z·σ(z); f' = σ + z·σ·(1−σ).
		func(z float64) float64 { return z * sigmoid(z) },
		func(z, y float64) float64 { s := sigmoid(z); return s + z*s*(1-s) },
		swishMin, inf},
}

// geluMin and swishMin are the minima of GELU (at z ≈ −0.7518) and Swish
// (at z ≈ −1.2785), found by golden-section search; TestActivationRange
// checks them.
const (
	geluMin  = -0.16997120747990363
	swishMin = -0.2784645427610737
)

func sigmoid(z float64) float64   { return 1 / (1 + math.Exp(-z)) }
func normalCDF(z float64) float64 { return 0.5 * (1 + math.Erf(z/math.Sqrt2)) }
func normalPDF(z float64) float64 { return math.Exp(-z*z/2) / math.Sqrt(2*math.Pi) }

// step is 1 for z > 0, else 0.
func step(z float64) float64 { return choose(z, 1, 0) }

// choose returns pos for z > 0 and neg otherwise.
func choose(z, pos, neg float64) float64 {
	if z > 0 {
		return pos
	}
	return neg
}

// Activations returns every activation in declaration order.
func Activations() []Activation {
	all := make([]Activation, numActivations)
	for i := range all {
		all[i] = Activation(i)
	}
	return all
}

// String returns the Keras name of a, such as "relu" or "leaky_relu", or
// "Activation(n)" for an unknown value.
func (a Activation) String() string {
	if !a.valid() {
		return fmt.Sprintf("Activation(%d)", int(a))
	}
	return activations[a].name
}

// ParseActivation returns the activation named s (see [Activation.String]);
// case and surrounding spaces are ignored. An unknown name gives an error
// wrapping [ErrActivation].
func ParseActivation(s string) (Activation, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for i, fs := range activations {
		if fs.name == name {
			return Activation(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q, want one of %s", ErrActivation, s, activationNames())
}

func activationNames() string {
	names := make([]string, numActivations)
	for i, fs := range activations {
		names[i] = fs.name
	}
	return strings.Join(names, ", ")
}

// Range returns the bounds of the output of a: lo ≤ f(z) ≤ hi, with ±Inf
// where the output is unbounded. ReLU gives (0, +Inf). The bounds are the
// closure of the range: Tanh gives (−1, 1) although it never reaches ±1.
// Range panics for an unknown activation.
func (a Activation) Range() (lo, hi float64) {
	fs := a.funcs()
	return fs.lo, fs.hi
}

func (a Activation) valid() bool { return a >= 0 && a < numActivations }

func (a Activation) funcs() *activationFuncs {
	if !a.valid() {
		panic(fmt.Sprintf("nn: unknown activation %d", int(a)))
	}
	return &activations[a]
}

// apply sets y = f(z) element by element; y may alias z. ReLU and
// LeakyReLU go through the active kernels (kernel.ActiveElementwise).
func (a Activation) apply(y, z []float32) {
	y = y[:len(z)]
	switch a {
	case Linear:
		copyUnlessSame(y, z)
	case ReLU:
		kernel.ActiveElementwise().ReLU(y, z)
	case LeakyReLU:
		kernel.ActiveElementwise().LeakyReLU(y, z, leakySlope)
	default:
		f := a.funcs().f
		for i, v := range z {
			y[i] = float32(f(float64(v)))
		}
	}
}

// backprop sets dz = dy·f'(z) element by element, given z and y = f(z);
// dz may alias dy.
func (a Activation) backprop(dz, dy, z, y []float32) {
	dz, dy, y = dz[:len(z)], dy[:len(z)], y[:len(z)]
	switch a {
	case Linear:
		copyUnlessSame(dz, dy)
	case ReLU:
		kernel.ActiveElementwise().ReLUBackprop(dz, dy, z)
	case LeakyReLU:
		kernel.ActiveElementwise().LeakyReLUBackprop(dz, dy, z, float32(leakySlope))
	default:
		df := a.funcs().df
		for i, v := range z {
			dz[i] = dy[i] * float32(df(float64(v), float64(y[i])))
		}
	}
}

// copyUnlessSame copies src to dst unless both are the same slice (a linear
// layer's output is its pre-activation), which saves a pass over memory.
func copyUnlessSame(dst, src []float32) {
	if len(src) > 0 && &dst[0] == &src[0] {
		return
	}
	copy(dst, src)
}
