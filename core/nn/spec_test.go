package nn

import (
	"errors"
	"math"
	"strings"
	"testing"
)

// TestValidate checks that each out-of-range field gives its sentinel error
// and a message naming the field and the value.
func TestValidate(t *testing.T) {
	relu := func(units int) Layer { return Layer{Units: units, Activation: ReLU} }
	cases := []struct {
		name    string
		spec    Spec
		err     error  // nil for a valid spec
		mention string // part of the message
	}{
		{"zero value", Spec{}, nil, ""},
		{"tutorial sine", Spec{Hidden: []Layer{relu(1024), relu(512), relu(512), relu(512),
			relu(512), relu(256)}}, nil, ""},
		{"largest layer", Spec{Hidden: []Layer{relu(4096)}, Dropout: 0.99, L2: 1e9}, nil, ""},
		{"negative inputs", Spec{Inputs: -1}, ErrInputs, "Inputs = -1"},
		{"too many inputs", Spec{Inputs: 5000}, ErrInputs, "Inputs = 5000"},
		{"17 layers", Spec{Hidden: make([]Layer, 17)}, ErrLayers, "17 hidden layers"},
		{"zero units", Spec{Hidden: []Layer{relu(3), relu(0)}}, ErrUnits, "Hidden[1].Units = 0"},
		{"too many units", Spec{Hidden: []Layer{relu(4097)}}, ErrUnits, "Hidden[0].Units = 4097"},
		{"bad hidden activation", Spec{Hidden: []Layer{{Units: 2, Activation: 11}}},
			ErrActivation, "Hidden[0].Activation = 11"},
		{"bad output", Spec{Output: -1}, ErrActivation, "Output = -1"},
		{"bad init", Spec{Init: 7}, ErrInitializer, "Init = 7"},
		{"dropout 1", Spec{Dropout: 1}, ErrDropout, "Dropout = 1"},
		{"dropout negative", Spec{Dropout: -0.1}, ErrDropout, "Dropout = -0.1"},
		{"dropout NaN", Spec{Dropout: math.NaN()}, ErrDropout, "Dropout = NaN"},
		{"L2 negative", Spec{L2: -1e-3}, ErrL2, "L2 = -0.001"},
		{"L2 infinite", Spec{L2: math.Inf(1)}, ErrL2, "L2 = +Inf"},
		{"L2 NaN", Spec{L2: math.NaN()}, ErrL2, "L2 = NaN"},
		// (1+1)·4096 + (4096+1)·4096 + (4096+1)·1 = 16793601
		{"too many params", Spec{Hidden: []Layer{relu(4096), relu(4096)}}, ErrTooLarge,
			"16793601 weights and biases"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.spec.Validate()
			if !errors.Is(err, c.err) || (err == nil) != (c.err == nil) {
				t.Fatalf("Validate(%+v) = %v, want %v", c.spec, err, c.err)
			}
			if err != nil && !strings.Contains(err.Error(), c.mention) {
				t.Errorf("Validate(%+v) = %q, want it to mention %q", c.spec, err, c.mention)
			}
		})
	}
}

// TestNumParams counts Σ (in+1)·out by hand: the tutorial's poly model
// 1-32-256-512-512-512-64-1 has 64+8448+131584+262656+262656+32832+65.
func TestNumParams(t *testing.T) {
	s := Spec{Hidden: []Layer{{Units: 32}, {Units: 256}, {Units: 512}, {Units: 512},
		{Units: 512}, {Units: 64}}}
	if got, want := s.NumParams(), 64+8448+131584+262656+262656+32832+65; got != want {
		t.Errorf("poly model: NumParams() = %d, want %d", got, want)
	}
	if got := (Spec{Inputs: 3}).NumParams(); got != 4 {
		t.Errorf("linear model with 3 inputs: NumParams() = %d, want 4", got)
	}
}
