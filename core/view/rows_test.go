package view

import (
	"math"
	"slices"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

// TestRowsMatchTrainer checks that Rows picks the same rows as the trainer,
// index for index (Trainer.Split), with the same x ranges, for both split
// kinds.
func TestRowsMatchTrainer(t *testing.T) {
	p, _ := data.LookupPreset("sine")
	set := p.Generate(data.NewRand(1))
	for _, kind := range []data.SplitKind{data.SplitRandom, data.SplitLast} {
		t.Run(kind.String(), func(t *testing.T) {
			c := train.Config{
				Model:       nn.Spec{Hidden: []nn.Layer{{Units: 4, Activation: nn.Tanh}}},
				ValFraction: 0.2, Split: kind, Seed: 7,
			}
			tr, err := train.New(c, set)
			if err != nil {
				t.Fatal(err)
			}
			trainRows, valRows := Rows(set.Len(), c)
			wantTrain, wantVal := tr.Split()
			if !slices.Equal(trainRows, wantTrain) || !slices.Equal(valRows, wantVal) {
				t.Fatalf("Rows differs from the trainer's Split: %d/%d rows, first %v/%v; "+
					"trainer %d/%d, first %v/%v", len(trainRows), len(valRows),
					trainRows[:3], valRows[:3], len(wantTrain), len(wantVal), wantTrain[:3], wantVal[:3])
			}
			nt, nv := tr.Rows()
			if len(trainRows) != nt || len(valRows) != nv {
				t.Fatalf("Rows: %d train, %d val; trainer: %d, %d", len(trainRows), len(valRows), nt, nv)
			}
			lo, hi := tr.TrainXRange()
			got := SpanOf(set.X, trainRows)
			if math.Abs(got.Lo-lo) > 0 || math.Abs(got.Hi-hi) > 0 {
				t.Errorf("training x range %v…%v, trainer %v…%v", got.Lo, got.Hi, lo, hi)
			}
			vlo, vhi, _ := tr.ValXRange()
			if v := SpanOf(set.X, valRows); v.Lo != vlo || v.Hi != vhi {
				t.Errorf("validation x range %v…%v, trainer %v…%v", v.Lo, v.Hi, vlo, vhi)
			}
		})
	}
}
