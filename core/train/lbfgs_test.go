package train

import (
	"errors"
	"testing"
	"time"

	"netfit/core/nn"
)

// lbfgsConfig is a small tanh network trained full-batch with L-BFGS.
func lbfgsConfig() Config {
	return Config{Model: nn.Spec{Hidden: dense(nn.Tanh, 16)}, Optimizer: LBFGS, Epochs: 50,
		ValFraction: 0.2, ScaleX: true, ScaleY: true, Seed: 1}
}

// TestLBFGSFitsSine: L-BFGS reaches the noise ceiling of the blog's sine
// (about 0.94) with a 49-weight network.
func TestLBFGSFitsSine(t *testing.T) {
	tr := mustNew(t, lbfgsConfig(), presetSet(t, "sine", 1))
	st := run(t, tr)
	t.Logf("L-BFGS sine: val R² %.4f after %d epochs, %d evaluations", st.Val.R2, st.Epoch, st.Steps)
	if st.Val.R2 < 0.9 {
		t.Errorf("val R² %.4f, want ≥ 0.9", st.Val.R2)
	}
	if !hasNote(tr, "L-BFGS uses all 800 training rows") || tr.StepsPerEpoch() != 0 {
		t.Errorf("notes %q, steps per epoch %d", tr.Notes(), tr.StepsPerEpoch())
	}
	for i := 1; i < len(tr.History()); i++ {
		if h := tr.History(); h[i].Loss > h[i-1].Loss {
			t.Errorf("epoch %d loss %g rose from %g; L-BFGS accepts only decreases", i+1, h[i].Loss, h[i-1].Loss)
		}
	}
}

// TestLBFGSInterleaved: pausing between evaluations does not change the run.
func TestLBFGSInterleaved(t *testing.T) {
	c := lbfgsConfig()
	c.Epochs = 4
	set := sineSet(200, 2)
	whole := mustNew(t, c, set)
	run(t, whole)
	sliced := mustNew(t, c, set)
	for {
		p, err := sliced.Advance(1, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Finished {
			break
		}
	}
	for i, w := range whole.Model().Params {
		if w != sliced.Model().Params[i] {
			t.Fatalf("weight %d: %g sliced vs %g whole", i, sliced.Model().Params[i], w)
		}
	}
}

func TestLBFGSRefusesDropout(t *testing.T) {
	c := lbfgsConfig()
	c.Model.Dropout = 0.2
	if err := c.Validate(); !errors.Is(err, ErrInvalidConfig) {
		t.Errorf("Validate() = %v, want dropout with lbfgs refused", err)
	}
}
