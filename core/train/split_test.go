package train

import (
	"slices"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
)

// TestSplitRows checks that SplitRows, which the page and core/hint use
// without a Trainer, picks the very rows New trains and validates on, for
// both split kinds and with defaults left to fill in (Epochs, BatchSize 0).
func TestSplitRows(t *testing.T) {
	set := sineSet(200, 3)
	for _, kind := range []data.SplitKind{data.SplitRandom, data.SplitLast} {
		t.Run(kind.String(), func(t *testing.T) {
			c := Config{Model: nn.Spec{Hidden: dense(nn.Tanh, 4)}, ValFraction: 0.25,
				Split: kind, Seed: 11}
			tr := mustNew(t, c, set)
			gotTrain, gotVal := SplitRows(set.Len(), c)
			wantTrain, wantVal := tr.Split()
			if !slices.Equal(gotTrain, wantTrain) || !slices.Equal(gotVal, wantVal) {
				t.Errorf("SplitRows gives %d/%d rows %v…/%v…, New used %d/%d %v…/%v…",
					len(gotTrain), len(gotVal), gotTrain[:4], gotVal[:4],
					len(wantTrain), len(wantVal), wantTrain[:4], wantVal[:4])
			}
			// 200·(1 − 0.25) = 150 training rows (Keras' floor).
			if len(gotTrain) != 150 || len(gotVal) != 50 {
				t.Errorf("%d training and %d validation rows, want 150 and 50", len(gotTrain), len(gotVal))
			}
		})
	}
}
