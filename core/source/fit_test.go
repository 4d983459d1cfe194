package source

import (
	"testing"
	"time"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/settings"
	"netfit/core/train"
)

// fit trains c on set to the end and returns the last epoch's figures.
func fit(t *testing.T, c train.Config, set data.Set) train.EpochStats {
	t.Helper()
	tr, err := train.New(c, set)
	if err != nil {
		t.Fatalf("train.New: %v", err)
	}
	if _, err := tr.Advance(0, time.Time{}); err != nil {
		t.Fatalf("Advance: %v", err)
	}
	h := tr.History()
	return h[len(h)-1]
}

// Issue 5's targets on the real data sets, with the setup [Recommended]
// gives for a table (train.Recommended("")) and its random 20% validation
// split, seed 1. Measured natively and in wasm (the trainer is
// bit-identical): CO₂ 0.9934 without features and 0.9997 with the yearly
// ones; cars 0.622. Over seeds 1-3 the CO₂ runs stay above 0.993 and
// 0.9996, the cars run between 0.62 and 0.75. A quadratic trend explains
// about 0.994 of CO₂, so ≥ 0.998 means the yearly wave was learned; a
// quadratic fit explains about 0.69 of the cars' relation.
func TestRealData(t *testing.T) {
	tests := []struct {
		name, file, x, y string
		features         data.Features
		minR2            float64
	}{
		{"co2", "co2-concentration.csv", "Date", "CO2", data.Features{}, 0.99},
		{"co2 yearly", "co2-concentration.csv", "Date", "CO2", data.Features{Period: 1}, 0.998},
		{"cars", "cars.csv", "Horsepower", "Miles_per_Gallon", data.Features{}, 0.6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := csvSettings(tt.x, tt.y)
			set, rep, err := Load(d, readData(t, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			c := Recommended(d)
			c.Features = tt.features
			st := fit(t, c, set)
			t.Logf("validation R² %.5f", st.Val.R2)
			if !st.Val.R2Defined || st.Val.R2 < tt.minR2 {
				t.Errorf("%s (%d rows): validation R² %.4f after %d epochs, want ≥ %g",
					tt.file, rep.Kept, st.Val.R2, st.Epoch, tt.minR2)
			}
		})
	}
}

// CASES B21: the European table, read right, is fitted by a single linear
// unit (1 → 1 linear, Adam 0.1, 300 epochs, no validation) to R² ≥ 0.999;
// read as integers (0,5 → 0) it could not be.
func TestFitB21(t *testing.T) {
	set, _ := mustLoad(t, b21, "", "")
	c := train.Config{Model: nn.Spec{}, Optimizer: train.Adam, LearningRate: 0.1, Epochs: 300}
	st := fit(t, c, set)
	if st.Train.R2 < 0.999 {
		t.Errorf("R² %.5f after %d epochs, want ≥ 0.999", st.Train.R2, st.Epoch)
	}
}

// Presets keep their own recommended setup; formulas and tables get the
// general one.
func TestRecommended(t *testing.T) {
	sine := Recommended(settings.Default().Data)
	if sine.Model.Hidden[0].Activation != nn.Sin {
		t.Errorf("sine preset: %v units, want sine units", sine.Model.Hidden[0].Activation)
	}
	for _, src := range []string{settings.SourceFormula, settings.SourceCSV} {
		c := Recommended(settings.DataSettings{Source: src})
		if !c.ScaleX || !c.ScaleY || len(c.Model.Hidden) != 2 || c.ValFraction != 0.2 {
			t.Errorf("%s: %+v, want the general setup (scaled, two layers, 20%% validation)",
				src, c)
		}
	}
}
