package nn

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Initializer draws the starting weights (the kernel) of every layer; biases
// always start at zero. The zero value is [GlorotUniform], the Keras default.
// For a layer with fan_in inputs and fan_out outputs:
//
//	GlorotUniform  U(−l, l),  l = √(6/(fan_in+fan_out))
//	Normal         N(0, 0.05²), whatever the layer size
//	LecunNormal    truncated normal, σ = √(1/fan_in)
//	GlorotNormal   truncated normal, σ = √(2/(fan_in+fan_out))
//	HeNormal       truncated normal, σ = √(2/fan_in)
//	HeUniform      U(−l, l),  l = √(6/fan_in)
//	Zeros          0
//
// These are Keras 3's definitions (keras.initializers, VarianceScaling):
// Glorot & Bengio, AISTATS 2010, eq. 16; He et al., ICCV 2015, §2.2;
// LeCun et al., "Efficient BackProp", 1998, §4.6. A truncated normal redraws
// values beyond two standard deviations; since that shrinks the standard
// deviation by the factor 0.87962566103423978, the draw uses σ/0.8796… so
// that the weights end with the σ above. Normal is the old Keras
// RandomNormal that the tutorial used.
type Initializer int

// The initializers; see [Initializer] for the formulas.
const (
	GlorotUniform Initializer = iota
	Normal
	LecunNormal
	GlorotNormal
	HeNormal
	HeUniform
	Zeros
	numInitializers
)

// Constants of the initializers.
const (
	// normalStddev is the σ of Normal: Keras RandomNormal's default stddev.
	normalStddev = 0.05

	// truncatedStddev is the standard deviation of N(0,1) truncated to
	// [−2, 2], the correction Keras's VarianceScaling divides by.
	truncatedStddev = 0.87962566103423978
)

var initializerNames = [numInitializers]string{
	"glorot_uniform", "normal", "lecun_normal", "glorot_normal",
	"he_normal", "he_uniform", "zeros",
}

// String returns the Keras name of i, such as "glorot_uniform", or
// "Initializer(n)" for an unknown value.
func (i Initializer) String() string {
	if !i.valid() {
		return fmt.Sprintf("Initializer(%d)", int(i))
	}
	return initializerNames[i]
}

// ParseInitializer returns the initializer named s (see
// [Initializer.String]); case and surrounding spaces are ignored. An unknown
// name gives an error wrapping [ErrInitializer].
func ParseInitializer(s string) (Initializer, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for i, n := range initializerNames {
		if n == name {
			return Initializer(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q, want one of %s",
		ErrInitializer, s, strings.Join(initializerNames[:], ", "))
}

func (i Initializer) valid() bool { return i >= 0 && i < numInitializers }

// fill draws the weights w of a layer with fanIn inputs and fanOut outputs.
// It panics for an unknown initializer, or a nil rng unless i is Zeros.
func (i Initializer) fill(w []float32, fanIn, fanOut int, rng *rand.Rand) {
	if i == Zeros {
		clear(w)
		return
	}
	if rng == nil {
		panic("nn: initializer " + i.String() + " needs a random source, got nil")
	}
	in, sum := float64(fanIn), float64(fanIn+fanOut)
	switch i {
	case GlorotUniform:
		fillUniform(w, math.Sqrt(6/sum), rng)
	case HeUniform:
		fillUniform(w, math.Sqrt(6/in), rng)
	case Normal:
		for j := range w {
			w[j] = float32(normalStddev * rng.NormFloat64())
		}
	case LecunNormal:
		fillTruncated(w, math.Sqrt(1/in), rng)
	case GlorotNormal:
		fillTruncated(w, math.Sqrt(2/sum), rng)
	case HeNormal:
		fillTruncated(w, math.Sqrt(2/in), rng)
	default:
		panic(fmt.Sprintf("nn: unknown initializer %d", int(i)))
	}
}

// fillUniform draws w from U(−limit, limit).
func fillUniform(w []float32, limit float64, rng *rand.Rand) {
	for j := range w {
		w[j] = float32(limit * (2*rng.Float64() - 1))
	}
}

// fillTruncated draws w from a normal distribution truncated at two
// standard deviations, scaled so that the truncated values have standard
// deviation sigma.
func fillTruncated(w []float32, sigma float64, rng *rand.Rand) {
	scale := sigma / truncatedStddev
	for j := range w {
		v := rng.NormFloat64()
		for math.Abs(v) > 2 {
			v = rng.NormFloat64()
		}
		w[j] = float32(scale * v)
	}
}
