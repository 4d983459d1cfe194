package train

import (
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
)

// Faithful returns the blog's setups as the Keras tutorial wrote them:
// normal(0, 0.05) weights, ReLU everywhere including the output, Adam
// 0.001 with ε 1e-8, the last 20% of rows for validation, no scaling, MSE.
//
//	"poly": 1-32-256-512-512-512-64-1, batch 10, 50 epochs
//	"sine": 1-1024-512-512-512-512-256-1, batch 200, 50 epochs
func faithful(preset string) Config {
	widths := []int{32, 256, 512, 512, 512, 64}
	batch := 10
	if preset == "sine" {
		widths = []int{1024, 512, 512, 512, 512, 256}
		batch = 200
	}
	return Config{
		Model:     nn.Spec{Hidden: dense(nn.ReLU, widths...), Output: nn.ReLU, Init: nn.Normal},
		Optimizer: Adam, LearningRate: 0.001, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8,
		BatchSize: batch, Epochs: 50, ValFraction: 0.2, Split: data.SplitLast, Seed: 1,
	}
}

// TestRecommendedSine: CASES B01's data with the recommended setup beats
// the straight line (R² ≈ 0.6) by far; issue 3 asks val R² ≥ 0.88 and the
// noise caps it near 0.94.
func TestRecommendedSine(t *testing.T) {
	st := run(t, mustNew(t, Recommended("sine"), presetSet(t, "sine", 1)))
	t.Logf("sine: val R² %.4f, train R² %.4f", st.Val.R2, st.Train.R2)
	if st.Val.R2 < 0.9 {
		t.Errorf("val R² %.4f, want ≥ 0.9", st.Val.R2)
	}
}

func TestRecommendedPoly(t *testing.T) {
	st := run(t, mustNew(t, Recommended("poly"), presetSet(t, "poly", 1)))
	t.Logf("poly: val R² %.5f, train R² %.5f", st.Val.R2, st.Train.R2)
	if st.Val.R2 < 0.999 {
		t.Errorf("val R² %.5f, want ≥ 0.999", st.Val.R2)
	}
}

// TestFaithfulPoly trains the tutorial's 698,000-weight network for 50
// epochs (about 84 GFLOP, the slowest test of the core: about 65 s natively
// and 110 s under node on a busy 2-core machine; -short skips it). Issue 3:
// train R² ≥ 0.95 on the polynomial data.
func TestFaithfulPoly(t *testing.T) {
	if testing.Short() {
		t.Skip("84 GFLOP; skipped with -short")
	}
	tr := mustNew(t, faithful("poly"), presetSet(t, "poly", 1))
	st := run(t, tr)
	t.Logf("faithful poly: train R² %.4f, val R² %.4f (%s)", st.Train.R2, st.Val.R2, st.Val.R2Note)
	if st.Train.R2 < 0.95 {
		t.Errorf("train R² %.4f, want ≥ 0.95", st.Train.R2)
	}
}
