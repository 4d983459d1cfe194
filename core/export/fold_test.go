package export

import (
	"errors"
	"strings"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
	"netfit/core/view"
)

// TestFold checks that the folded layers, evaluated in float64, give the
// trainer's predictions in original units. The tolerance 1e-5 relative (to
// max(|y|, 1), y being of order 10 here) covers float32 rounding of the
// folded weights and of netfit's float32 forward pass.
func TestFold(t *testing.T) {
	cases := []struct {
		name        string
		act, out    nn.Activation
		scaleX, scY bool
		wantLayers  int
	}{
		{"tanh", nn.Tanh, nn.Linear, true, true, 3},
		{"relu", nn.ReLU, nn.Linear, true, true, 3},
		{"gelu", nn.GELU, nn.Linear, true, true, 3},
		{"leaky relu output", nn.LeakyReLU, nn.LeakyReLU, true, true, 4},
		{"relu output", nn.ReLU, nn.ReLU, true, true, 4},
		{"unscaled", nn.Tanh, nn.Linear, false, false, 3},
		{"scaled x only", nn.Sigmoid, nn.Linear, true, false, 3},
	}
	xs := view.Grid(-16, 16, 100)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := config(c.act, c.out)
			cfg.ScaleX, cfg.ScaleY = c.scaleX, c.scY
			tr := trained(t, cfg, 60)
			x, y := tr.Scalers()
			layers, err := Fold(tr.Model(), cfg.Features, x, y)
			if err != nil {
				t.Fatal(err)
			}
			if len(layers) != c.wantLayers {
				t.Errorf("%d layers, want %d", len(layers), c.wantLayers)
			}
			want := tr.Predict(xs)
			for i, v := range xs {
				if got := evalLayers(t, layers, v); !relClose(got, want[i], 1e-5, 1) {
					t.Fatalf("x=%g: folded network gives %.9g, trainer %.9g", v, got, want[i])
				}
			}
		})
	}
}

// TestFoldNoHidden checks a linear model, where the first layer is also
// the last and both scalers fold into it.
func TestFoldNoHidden(t *testing.T) {
	cfg := config(nn.Tanh, nn.Linear)
	cfg.Model.Hidden = nil
	tr := trained(t, cfg, 50)
	x, y := tr.Scalers()
	layers, err := Fold(tr.Model(), cfg.Features, x, y)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []float64{-15, 0, 3.5, 15} {
		want := tr.Predict([]float64{v})[0]
		if got := evalLayers(t, layers, v); !relClose(got, want, 1e-5, 1) {
			t.Errorf("x=%g: got %.9g, want %.9g", v, got, want)
		}
	}
}

// TestFoldRefuses checks the two things a dense stack cannot hold.
func TestFoldRefuses(t *testing.T) {
	sin := config(nn.Sin, nn.Linear)
	square := config(nn.Tanh, nn.Linear)
	square.Features = data.Features{Square: true}
	periodic := config(nn.Tanh, nn.Linear)
	periodic.Features = data.Features{Period: 6.28}
	cases := []struct {
		name string
		cfg  train.Config
		want error
		text string
	}{
		{"sin", sin, ErrActivation, "sin has no TensorFlow.js Layers equivalent"},
		{"square", square, ErrFeatures, "x²"},
		{"period", periodic, ErrFeatures, "sin(2πx/6.28)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := trained(t, c.cfg, 1)
			_, err := TFJS(tr, "")
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.text) {
				t.Fatalf("TFJS: %v, want %v naming %q", err, c.want, c.text)
			}
		})
	}
}
