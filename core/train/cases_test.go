package train

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"netfit/core/data"
	"netfit/core/nn"
)

// TestB02ScaledPolynomial: the blog's quartic with targets up to ~54,000
// fits once x and y are standardized (CASES B02: val R² ≥ 0.99 within 200
// epochs; the recipe's 1 → 64 relu → 64 relu → 1 reaches it in 60 here).
func TestB02ScaledPolynomial(t *testing.T) {
	f := func(x float64) float64 { return x*x*x*x + x*x*x + x }
	set := data.Generate(f, 1000, 2, -15, 15, data.NewRand(1))
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 64, 64)}, BatchSize: 32, Epochs: 60,
		ValFraction: 0.2, ScaleX: true, ScaleY: true, Seed: 1}
	st := run(t, mustNew(t, c, set))
	if st.Val.R2 < 0.99 {
		t.Errorf("val R² %.4f, want ≥ 0.99", st.Val.R2)
	}
}

// TestB03DivergenceRollback: SGD on unscaled x = 0..199 turns the loss
// non-finite in epoch 1; training stops, the weights go back to the last
// finite state and the error says where and what to try.
func TestB03DivergenceRollback(t *testing.T) {
	set := data.Set{}
	for i := range 200 {
		set.X = append(set.X, float64(i))
		set.Y = append(set.Y, 2*float64(i))
	}
	c := Config{Optimizer: SGD, LearningRate: 1e-3, BatchSize: 1, Epochs: 2, Seed: 1}
	tr := mustNew(t, c, set)
	start := append([]float32(nil), tr.Model().Params...)
	p, err := tr.Advance(0, time.Time{})

	if !errors.Is(err, ErrDiverged) {
		t.Fatalf("Advance() error = %v, want ErrDiverged", err)
	}
	var de *DivergedError
	if !errors.As(err, &de) || de.Epoch != 1 || de.Batch < 1 || de.Batch > 200 {
		t.Fatalf("error %#v, want a DivergedError in epoch 1", de)
	}
	if !p.Finished || p.Reason != "diverged" {
		t.Errorf("progress %+v, want finished with reason diverged", p)
	}
	if !allFinite(tr.Model().Params) {
		t.Errorf("weights not finite after rollback: %v", tr.Model().Params)
	}
	for i, w := range tr.Model().Params {
		if w != start[i] {
			t.Errorf("weight %d = %g, want the epoch-1 start %g", i, w, start[i])
		}
	}
	msg := err.Error()
	for _, want := range []string{"epoch 1, batch", "learning rate 0.001", "0.0001 (10× lower)",
		"x spans 0 … 199 unscaled", "standardize"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
	for _, x := range tr.Predict([]float64{0, 100, 199}) {
		if !finite(x) {
			t.Errorf("prediction %g after rollback, want finite", x)
		}
	}
	if _, again := tr.Advance(1, time.Time{}); again != err {
		t.Errorf("second Advance() = %v, want the same error", again)
	}

	// Standardized x and y: the same optimizer fits the line (CASES B03).
	c.ScaleX, c.ScaleY, c.Epochs = true, true, 20
	if st := run(t, mustNew(t, c, set)); st.Train.R2 < 0.999 {
		t.Errorf("standardized: R² %.5f, want ≥ 0.999", st.Train.R2)
	}
}

// TestB04HighLearningRate: A, SGD lr 1 on a tanh net gives NaN; B, Adam lr 1
// collapses without NaN and is caught all the same.
func TestB04HighLearningRate(t *testing.T) {
	set := sineSet(1000, 1)
	t.Run("A sgd nan", func(t *testing.T) {
		c := Config{Model: nn.Spec{Hidden: dense(nn.Tanh, 8)}, Optimizer: SGD, LearningRate: 1,
			BatchSize: 1, Epochs: 5, ScaleX: true, ScaleY: true, Seed: 1}
		tr := mustNew(t, c, set)
		_, err := tr.Advance(0, time.Time{})
		var de *DivergedError
		if !errors.As(err, &de) || de.Collapsed {
			t.Fatalf("Advance() = %v, want a NaN DivergedError", err)
		}
		// lr 1 is far above SGD's usual range: its default, as core/hint says.
		if !strings.Contains(err.Error(), "try a learning rate of 0.01 (the usual rate for sgd)") ||
			de.RetryRate != 0.01 || !allFinite(tr.Model().Params) {
			t.Errorf("error %q or weights not as wanted", err)
		}
	})
	t.Run("B adam collapse", func(t *testing.T) {
		c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 64, 64)}, LearningRate: 1,
			BatchSize: 32, Epochs: 20, ValFraction: 0.2, ScaleX: true, ScaleY: true, Seed: 1}
		tr := mustNew(t, c, set)
		_, err := tr.Advance(0, time.Time{})
		var de *DivergedError
		if !errors.As(err, &de) || !de.Collapsed {
			t.Fatalf("Advance() = %v, want a collapse DivergedError", err)
		}
		// CASES B04 B: "lower the learning rate (try 1e-3)".
		if !strings.Contains(err.Error(), "collapsed") || !strings.Contains(err.Error(), "try a learning rate of 0.001 (") {
			t.Errorf("message %q, want it to say collapsed and suggest 0.001", err)
		}
		if len(tr.History()) != de.Epoch-1 {
			t.Errorf("History() has %d epochs after a collapse in epoch %d, want %d (the collapsed one dropped)",
				len(tr.History()), de.Epoch, de.Epoch-1)
		}
		t.Logf("%v", err)
	})
	t.Run("A at 0.03 trains", func(t *testing.T) {
		c := Config{Model: nn.Spec{Hidden: dense(nn.Tanh, 8)}, Optimizer: SGD, LearningRate: 0.03,
			BatchSize: 1, Epochs: 2, ScaleX: true, ScaleY: true, Seed: 1}
		run(t, mustNew(t, c, set))
	})
}

// housePrices is CASES B05's CSV: price = 150·area + 50,000 + N(0, 20,000).
func housePrices() data.Set {
	f := func(a float64) float64 { return 150*a + 50000 }
	return data.Generate(f, 200, 20000, 500, 3500, data.NewRand(5))
}

// TestB05HousePrices: with x scaled but y raw, SGD lr 0.1 diverges and the
// message asks to standardize y; with both scaled it fits.
func TestB05HousePrices(t *testing.T) {
	set := housePrices()
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 16)}, Optimizer: SGD, LearningRate: 0.1,
		BatchSize: 16, Epochs: 5, ValFraction: 0.2, ScaleX: true, Seed: 5}
	_, err := mustNew(t, c, set).Advance(0, time.Time{})
	if !errors.Is(err, ErrDiverged) || !strings.Contains(err.Error(), "standardize y") {
		t.Fatalf("y raw: Advance() = %v, want ErrDiverged suggesting to standardize y", err)
	}

	c.ScaleY, c.Epochs = true, 50
	if st := run(t, mustNew(t, c, set)); st.Val.R2 < 0.95 {
		t.Errorf("x and y standardized: val R² %.4f, want ≥ 0.95", st.Val.R2)
	}
}

// TestB07ZerosInit: all-zero weights give a constant prediction and R² ≈ 0;
// the trainer does not mistake it for divergence (the hint package warns).
func TestB07ZerosInit(t *testing.T) {
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 64, 64), Init: nn.Zeros}, BatchSize: 32,
		Epochs: 10, ValFraction: 0.2, ScaleX: true, ScaleY: true, Seed: 1}
	st := run(t, mustNew(t, c, sineSet(1000, 1)))
	if st.Spread > 1e-3 || math.Abs(st.Train.R2) > 0.01 {
		t.Errorf("spread %g, train R² %.4f; want a constant prediction and R² ≈ 0", st.Spread, st.Train.R2)
	}
}

// TestB10PlainSGDFlat: plain SGD lr 1e-3 on (x − 0.5)² leaves the
// prediction almost flat after 500 full-batch steps; Adam lr 1e-2 fits.
func TestB10PlainSGDFlat(t *testing.T) {
	set := data.Set{}
	for i := range 100 {
		x := float64(i) / 99
		set.X = append(set.X, x)
		set.Y = append(set.Y, (x-0.5)*(x-0.5))
	}
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 10, 10)}, Optimizer: SGD,
		LearningRate: 1e-3, BatchSize: 100, Epochs: 500, Seed: 1}
	st := run(t, mustNew(t, c, set))
	// The targets' standard deviation is 0.075; a third of it is "nearly flat".
	if st.Steps != 500 || st.Train.R2 > 0.1 || st.Spread > 0.025 {
		t.Errorf("SGD: %d steps, R² %.3f, spread %.4g; want 500 steps, R² ≤ 0.1, spread ≤ 0.025",
			st.Steps, st.Train.R2, st.Spread)
	}

	c.Optimizer, c.LearningRate = Adam, 1e-2
	if st := run(t, mustNew(t, c, set)); st.Train.R2 < 0.98 {
		t.Errorf("Adam lr 0.01: R² %.4f, want ≥ 0.98", st.Train.R2)
	}
}

// TestB12LastRowsSplit: on data sorted by x, the last-rows split validates
// on the largest x only; the random split spreads it over the range.
func TestB12LastRowsSplit(t *testing.T) {
	set := sineSet(1000, 1)
	sortByX(set)
	c := Config{ValFraction: 0.2, Split: data.SplitLast, Seed: 1}
	tr := mustNew(t, c, set)
	_, trainHi := tr.TrainXRange()
	lo, hi, ok := tr.ValXRange()
	if !ok || lo < trainHi || hi != set.X[999] {
		t.Errorf("last split: val x [%g, %g] (ok %v), train up to %g; want val above train", lo, hi, ok, trainHi)
	}

	c.Split = data.SplitRandom
	tr = mustNew(t, c, set)
	lo, hi, _ = tr.ValXRange()
	if lo > -13 || hi < 13 {
		t.Errorf("random split: val x [%g, %g], want it to span most of [−15, 15]", lo, hi)
	}
}

// sortByX sorts the rows of s by x (insertion sort keeps the test simple).
func sortByX(s data.Set) {
	for i := 1; i < len(s.X); i++ {
		for j := i; j > 0 && s.X[j] < s.X[j-1]; j-- {
			s.X[j], s.X[j-1] = s.X[j-1], s.X[j]
			s.Y[j], s.Y[j-1] = s.Y[j-1], s.Y[j]
		}
	}
}

// TestB14TinyData: one row is refused with a clear message; two rows train
// and report R² as undefined, never NaN.
func TestB14TinyData(t *testing.T) {
	_, err := New(Config{ValFraction: 0.2}, data.Set{X: []float64{2.5}, Y: []float64{7.1}})
	if !errors.Is(err, ErrTooFewRows) || !strings.Contains(err.Error(), "need at least 2") {
		t.Fatalf("New(1 row) = %v, want ErrTooFewRows saying at least 2", err)
	}

	set := data.Set{X: []float64{2.5, 3.5}, Y: []float64{7.1, 8.2}}
	st := run(t, mustNew(t, Config{ValFraction: 0.2, Epochs: 3, Seed: 1}, set))
	if st.Train.N != 1 || st.Val.N != 1 || st.Train.R2Defined || st.Val.R2Defined {
		t.Errorf("reports %+v / %+v, want one row each and R² undefined", st.Train, st.Val)
	}
	checkFiniteStats(t, st)
}

// checkFiniteStats fails when any figure of st is NaN or infinite.
func checkFiniteStats(t *testing.T, st EpochStats) {
	t.Helper()
	for name, v := range map[string]float64{
		"loss": st.Loss, "val loss": st.ValLoss, "spread": st.Spread,
		"train MSE": st.Train.MSE, "train MAPE": st.Train.MAPE, "train R²": st.Train.R2,
		"val MSE": st.Val.MSE, "val MAPE": st.Val.MAPE, "val R²": st.Val.R2,
	} {
		if !finite(v) {
			t.Errorf("%s = %g, want finite", name, v)
		}
	}
}

// TestB15ConstantTarget: y = 3.7 everywhere (whose float std is not 0)
// trains without NaN; R² is undefined and says y is constant.
func TestB15ConstantTarget(t *testing.T) {
	set := data.Set{}
	for i := 1; i <= 50; i++ {
		set.X = append(set.X, float64(i)/10)
		set.Y = append(set.Y, 3.7)
	}
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 16)}, Epochs: 50, ScaleX: true, ScaleY: true, Seed: 1}
	tr := mustNew(t, c, set)
	st := run(t, tr)
	checkFiniteStats(t, st)
	if st.Train.R2Defined || !strings.Contains(st.Train.R2Note, "constant") {
		t.Errorf("R² defined %v, note %q; want undefined because y is constant", st.Train.R2Defined, st.Train.R2Note)
	}
	for _, p := range tr.Predict([]float64{0.1, 2.5, 5}) {
		if math.Abs(p-3.7) > 0.5 {
			t.Errorf("prediction %g, want about 3.7", p)
		}
	}

	// Constant x: a note says there is nothing to learn.
	flat := data.Set{X: []float64{1, 1, 1, 1}, Y: []float64{1, 2, 3, 4}}
	tr = mustNew(t, Config{ScaleX: true, Seed: 1}, flat)
	if n := tr.Notes(); !hasNote(tr, "x is constant") {
		t.Errorf("notes %q, want one saying x is constant", n)
	}
}

// TestB16MAPENearZero: the quartic passes near zero, so MAPE is flagged as
// unreliable while R² is fine, and no figure is infinite.
func TestB16MAPENearZero(t *testing.T) {
	c := Recommended("poly")
	c.Epochs = 30
	st := run(t, mustNew(t, c, presetSet(t, "poly", 1)))
	checkFiniteStats(t, st)
	if st.Val.MAPEReliable || st.Val.MAPENote == "" || st.Val.R2 < 0.99 {
		t.Errorf("val MAPE %.4g reliable %v note %q, R² %.4f; want unreliable with a note and R² ≥ 0.99",
			st.Val.MAPE, st.Val.MAPEReliable, st.Val.MAPENote, st.Val.R2)
	}
}

// TestB23NonFiniteData: ±Inf and NaN are refused with the row number; 1e20
// is accepted and y is standardized with a note.
func TestB23NonFiniteData(t *testing.T) {
	for _, bad := range []float64{math.Inf(1), math.Inf(-1), math.NaN()} {
		set := data.Set{X: []float64{1, 2, 3}, Y: []float64{2, bad, 12.1}}
		_, err := New(Config{}, set)
		if !errors.Is(err, ErrBadData) || !strings.Contains(err.Error(), "row 2") {
			t.Errorf("y = %g: New() = %v, want ErrBadData naming row 2", bad, err)
		}
	}
	if _, err := New(Config{}, data.Set{X: []float64{1, 2}, Y: []float64{1}}); !errors.Is(err, ErrBadData) {
		t.Errorf("mismatched lengths: New() = %v, want ErrBadData", err)
	}

	set := data.Set{X: []float64{1, 4, 5, 6}, Y: []float64{2.0, 1e20, 1e19, 12.1}}
	tr := mustNew(t, Config{Epochs: 5, Seed: 1}, set)
	if !tr.Config().ScaleY || !hasNote(tr, "targets reach 1e+20") {
		t.Fatalf("ScaleY %v, notes %q; want y standardized with a note", tr.Config().ScaleY, tr.Notes())
	}
	st := run(t, tr)
	checkFiniteStats(t, st)
	for _, p := range tr.Predict(set.X) {
		if !finite(p) {
			t.Errorf("prediction %g, want finite", p)
		}
	}
}

// TestB26BatchClamp: a batch larger than the training rows is clamped
// with a note, and a leftover row is kept as a last batch.
func TestB26BatchClamp(t *testing.T) {
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 16)}, BatchSize: 128, Epochs: 3,
		ValFraction: 0.2, ScaleX: true, ScaleY: true, Seed: 1}
	tr := mustNew(t, c, sineSet(50, 1))
	if tr.BatchSize() != 40 || tr.StepsPerEpoch() != 1 {
		t.Errorf("batch %d, %d steps per epoch; want 40 and 1", tr.BatchSize(), tr.StepsPerEpoch())
	}
	want := "batch size 128 > 40 training rows; using 40 (1 step per epoch)"
	if n := tr.Notes(); len(n) != 1 || n[0] != want {
		t.Errorf("notes %q, want %q", n, want)
	}
	if st := run(t, tr); st.Steps != 3 {
		t.Errorf("%d steps after 3 epochs, want 3", st.Steps)
	}

	// 41 rows, batch 40: two steps per epoch, the second with one row.
	c.BatchSize, c.ValFraction = 40, 0
	tr = mustNew(t, c, sineSet(41, 1))
	if tr.StepsPerEpoch() != 2 || len(tr.Notes()) != 0 {
		t.Errorf("%d steps per epoch, notes %q; want 2 and none", tr.StepsPerEpoch(), tr.Notes())
	}
	if st := run(t, tr); st.Steps != 6 {
		t.Errorf("%d steps after 3 epochs, want 6", st.Steps)
	}
}

// hasNote reports whether one of tr's notes contains s.
func hasNote(tr *Trainer, s string) bool {
	for _, n := range tr.Notes() {
		if strings.Contains(n, s) {
			return true
		}
	}
	return false
}
