package nn

import (
	"fmt"
	"math"
)

// Limits checked by [Spec.Validate].
const (
	MaxInputs = 4096      // most features per sample
	MaxLayers = 16        // most hidden layers
	MaxUnits  = 4096      // most units in one hidden layer
	MaxParams = 5_000_000 // most weights and biases in a network
)

// Layer describes one hidden layer.
type Layer struct {
	Units      int        // number of units, 1 to MaxUnits
	Activation Activation // zero value Linear
}

// Spec describes a network: its inputs, hidden layers and single output
// unit. The zero value is a one-input linear model, y = w·x + b.
type Spec struct {
	Inputs  int         // features per sample; 0 means 1
	Hidden  []Layer     // 0 to MaxLayers hidden layers
	Output  Activation  // activation of the single output unit; zero value Linear
	Init    Initializer // kernel initializer of every layer; zero value GlorotUniform
	Dropout float64     // inverted dropout rate after each hidden layer, training only, [0, 1)
	L2      float64     // Keras-style kernel penalty: loss += L2·Σw² (weights only), ≥ 0
}

// inputs returns the number of features per sample, 1 when Inputs is 0.
func (s Spec) inputs() int { return max(s.Inputs, 1) }

// widths returns the number of inputs of the first layer followed by the
// number of units of every layer, the output included.
func (s Spec) widths() []int {
	w := make([]int, 0, len(s.Hidden)+2)
	w = append(w, s.inputs())
	for _, l := range s.Hidden {
		w = append(w, l.Units)
	}
	return append(w, 1)
}

// NumParams returns the number of weights and biases: Σ (in+1)·out over the
// layers. It assumes the sizes are in range (see [Spec.Validate]).
func (s Spec) NumParams() int {
	w := s.widths()
	n := 0
	for l := 1; l < len(w); l++ {
		n += (w[l-1] + 1) * w[l]
	}
	return n
}

// Validate reports the first field out of range, naming the field, its value
// and the allowed range, wrapped around one of the sentinel errors
// ([ErrInputs], [ErrLayers], [ErrUnits], [ErrActivation], [ErrInitializer],
// [ErrDropout], [ErrL2], [ErrTooLarge]). It returns nil for a usable spec.
func (s Spec) Validate() error {
	if s.Inputs < 0 || s.Inputs > MaxInputs {
		return fmt.Errorf("%w: Inputs = %d, want 0 to %d", ErrInputs, s.Inputs, MaxInputs)
	}
	if len(s.Hidden) > MaxLayers {
		return fmt.Errorf("%w: %d hidden layers, want 0 to %d", ErrLayers, len(s.Hidden), MaxLayers)
	}
	for i, l := range s.Hidden {
		if l.Units < 1 || l.Units > MaxUnits {
			return fmt.Errorf("%w: Hidden[%d].Units = %d, want 1 to %d",
				ErrUnits, i, l.Units, MaxUnits)
		}
		if !l.Activation.valid() {
			return fmt.Errorf("%w: Hidden[%d].Activation = %d, want 0 to %d",
				ErrActivation, i, int(l.Activation), numActivations-1)
		}
	}
	if !s.Output.valid() {
		return fmt.Errorf("%w: Output = %d, want 0 to %d",
			ErrActivation, int(s.Output), numActivations-1)
	}
	if !s.Init.valid() {
		return fmt.Errorf("%w: Init = %d, want 0 to %d",
			ErrInitializer, int(s.Init), numInitializers-1)
	}
	if !(s.Dropout >= 0 && s.Dropout < 1) { // also rejects NaN
		return fmt.Errorf("%w: Dropout = %v, want at least 0 and below 1", ErrDropout, s.Dropout)
	}
	if !(s.L2 >= 0) || math.IsInf(s.L2, 1) {
		return fmt.Errorf("%w: L2 = %v, want a finite value at least 0", ErrL2, s.L2)
	}
	if n := s.NumParams(); n > MaxParams {
		return fmt.Errorf("%w: %d weights and biases, want at most %d", ErrTooLarge, n, MaxParams)
	}
	return nil
}
