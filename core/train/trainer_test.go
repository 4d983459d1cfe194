package train

import (
	"math"
	"testing"
	"time"

	"netfit/core/nn"
)

// smallConfig is a quick setup used by the behaviour tests.
func smallConfig() Config {
	return Config{Model: nn.Spec{Hidden: dense(nn.Tanh, 16), Dropout: 0.1}, LearningRate: 0.01,
		BatchSize: 16, Epochs: 6, ValFraction: 0.25, ScaleX: true, ScaleY: true, Seed: 7,
		Schedule: ScheduleStep}
}

func TestSameSeedSameRun(t *testing.T) {
	set := sineSet(200, 3)
	a, b := mustNew(t, smallConfig(), set), mustNew(t, smallConfig(), set)
	run(t, a)
	run(t, b)
	for i, w := range a.Model().Params {
		if w != b.Model().Params[i] {
			t.Fatalf("weight %d: %g vs %g, want identical runs", i, w, b.Model().Params[i])
		}
	}
	ha, hb := a.History(), b.History()
	for i := range ha {
		if ha[i] != hb[i] {
			t.Errorf("epoch %d: %+v vs %+v", i+1, ha[i], hb[i])
		}
	}

	c := smallConfig()
	c.Seed = 8
	other := mustNew(t, c, set)
	run(t, other)
	if other.History()[5].Loss == ha[5].Loss {
		t.Errorf("seed 8 gave the same loss as seed 7 (%g)", ha[5].Loss)
	}
}

// TestAdvanceInterleaved: training in slices of 3 steps gives exactly the
// run of one uninterrupted call.
func TestAdvanceInterleaved(t *testing.T) {
	set := sineSet(200, 3)
	whole := mustNew(t, smallConfig(), set)
	run(t, whole)

	sliced := mustNew(t, smallConfig(), set)
	calls, epochsSeen := 0, 0
	for {
		p, err := sliced.Advance(3, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		calls++
		if p.EpochDone {
			epochsSeen++
		}
		if p.Finished {
			if p.Reason != "finished: 6 epochs" || p.Epoch != 6 {
				t.Errorf("last progress %+v, want 6 epochs finished", p)
			}
			break
		}
		if p.Reason != "step limit" || p.Step != 3*calls {
			t.Fatalf("progress %+v after %d calls, want a step limit at step %d", p, calls, 3*calls)
		}
	}
	if epochsSeen != 6 {
		t.Errorf("EpochDone seen %d times, want 6", epochsSeen)
	}
	for i, w := range whole.Model().Params {
		if w != sliced.Model().Params[i] {
			t.Fatalf("weight %d: %g sliced vs %g whole", i, sliced.Model().Params[i], w)
		}
	}
	p, err := sliced.Advance(5, time.Time{})
	if err != nil || !p.Finished || p.Step != whole.History()[5].Steps {
		t.Errorf("Advance after the end = %+v, %v; want finished, no new steps", p, err)
	}
}

// TestAdvanceDeadline: a deadline already past does one unit of work, the
// scoring of the initial weights first (one chunk for a small network),
// then exactly one step.
func TestAdvanceDeadline(t *testing.T) {
	tr := mustNew(t, smallConfig(), sineSet(200, 3))
	past := time.Now().Add(-time.Second)
	p, err := tr.Advance(0, past)
	if err != nil || p.Step != 0 || p.Scoring || p.Reason != "deadline" {
		t.Errorf("first call past its deadline: %+v, %v; want the initial weights scored, no step", p, err)
	}
	p, err = tr.Advance(0, past)
	if err != nil || p.Step != 1 || p.Reason != "deadline" {
		t.Errorf("past deadline: %+v, %v; want exactly one step and reason deadline", p, err)
	}
}

// TestScoringInChunks: on a network of 2 × 512 units (264,193 weights) a
// chunk of scoring is 256 rows, so the 1,600 training and 400 validation
// rows take 7 + 2 chunks, and a deadline can stop Advance between them:
// Pause answers within a chunk, not after a whole pass. Sliced so, the run
// gives the uninterrupted run's figures and weights bit for bit. A
// negative maxSteps finishes only the pass in progress, as Step after a
// pause does.
func TestScoringInChunks(t *testing.T) {
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 512, 512)}, BatchSize: 400, Epochs: 2,
		ValFraction: 0.2, ScaleX: true, ScaleY: true, Seed: 3}
	set := sineSet(2000, 3)
	whole := mustNew(t, c, set)
	run(t, whole)

	sliced := mustNew(t, c, set)
	if got := sliced.chunkRows(); got != 256 {
		t.Fatalf("chunkRows() = %d, want 256", got)
	}
	past := time.Now().Add(-time.Second)
	chunks := 0
	for {
		p, err := sliced.Advance(0, past)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Scoring {
			break
		}
		chunks++
	}
	if chunks != 6 { // the 7th chunk of the initial pass ends it
		t.Errorf("initial pass stopped %d times between chunks, want 6", chunks)
	}
	// The four steps of epoch 1, then its scoring, stopped after 2 chunks.
	p, err := sliced.Advance(4, time.Time{})
	if err != nil || !p.EpochDone || p.Step != 4 {
		t.Fatalf("Advance(4) = %+v, %v; want epoch 1 ended in the same call", p, err)
	}
	for range 3 {
		sliced.Advance(1, time.Time{})
	}
	if p, _ = sliced.Advance(1, past); !p.Scoring || p.Step != 8 {
		t.Fatalf("progress %+v, want the 8th step taken and its pass begun", p)
	}
	if p, _ = sliced.Advance(0, past); !p.Scoring || p.Epoch != 1 || p.Step != 8 {
		t.Fatalf("progress %+v, want epoch 2 scoring after its 8th step", p)
	}
	p, err = sliced.Advance(-1, time.Time{})
	if err != nil || p.Scoring || !p.EpochDone || p.Step != 8 || !p.Finished {
		t.Fatalf("Advance(-1) = %+v, %v; want the pass finished and no step taken", p, err)
	}
	if p, _ := sliced.Advance(-1, time.Time{}); p.Step != 8 {
		t.Errorf("Advance(-1) with no pass took a step: %+v", p)
	}
	for e, st := range whole.History() {
		if got := sliced.History()[e]; got != st {
			t.Errorf("epoch %d sliced %+v, whole %+v", e+1, got, st)
		}
	}
	for i, w := range whole.Model().Params {
		if w != sliced.Model().Params[i] {
			t.Fatalf("weight %d: %g sliced vs %g whole", i, sliced.Model().Params[i], w)
		}
	}
}

// TestEpochLossIsKerasMean: with a learning rate too small to move the
// weights, Keras' epoch loss (batch losses weighted by batch size) equals
// the loss over all training rows, leftover batch included.
func TestEpochLossIsKerasMean(t *testing.T) {
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 8)}, Optimizer: SGD, LearningRate: 1e-12,
		BatchSize: 10, Epochs: 1, ScaleX: true, Seed: 2}
	set := sineSet(41, 1) // batches of 10, 10, 10, 10 and 1
	tr := mustNew(t, c, set)
	pred := tr.Predict(set.X)
	var want float64
	for i, p := range pred {
		want += (p - set.Y[i]) * (p - set.Y[i])
	}
	want /= float64(len(pred))
	st := run(t, tr)
	if st.Steps != 5 || math.Abs(st.Loss-want) > 1e-5*want {
		t.Errorf("epoch loss %.8g after %d steps, want %.8g after 5", st.Loss, st.Steps, want)
	}
	if math.Abs(st.Train.MSE-want) > 1e-5*want {
		t.Errorf("train MSE %.8g, want %.8g", st.Train.MSE, want)
	}
}

// TestEarlyStopping: a learning rate far too small for progress but large
// enough to wobble stops after Patience epochs without improvement, and
// RestoreBest puts the best epoch's weights back.
func TestEarlyStopping(t *testing.T) {
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 32)}, LearningRate: 0.05, BatchSize: 8,
		Epochs: 200, ValFraction: 0.5, ScaleX: true, ScaleY: true, Seed: 1,
		Patience: 3, RestoreBest: true}
	set := sineSet(40, 2) // too few noisy rows: validation loss soon rises
	tr := mustNew(t, c, set)
	p, err := tr.Advance(0, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	h := tr.History()
	if !p.Finished || len(h) >= 200 || len(h) != tr.BestEpoch()+3 {
		t.Fatalf("stopped after %d epochs (best %d): %+v; want Patience 3 after the best", len(h), tr.BestEpoch(), p)
	}
	best := h[tr.BestEpoch()-1].ValLoss
	for _, st := range h {
		if st.ValLoss < best {
			t.Errorf("epoch %d val loss %g below the best %g", st.Epoch, st.ValLoss, best)
		}
	}
	// The restored weights reproduce the best epoch's validation figures.
	tr.predictRange(&tr.val, 0, tr.val.n)
	got := tr.cfg.Loss.Eval(nil, tr.val.pred32, tr.val.y) + tr.model.Penalty()
	if math.Abs(got-best) > 1e-9*max(1, best) {
		t.Errorf("val loss after restore %g, want the best %g", got, best)
	}
	if !hasNote(tr, "restored the weights of epoch") {
		t.Errorf("notes %q, want one about restoring", tr.Notes())
	}
}

// TestNoAllocationsPerStep: after the first epoch, a training step (a batch
// inside an epoch) allocates nothing.
func TestNoAllocationsPerStep(t *testing.T) {
	c := smallConfig()
	c.Epochs, c.BatchSize = 1000, 4
	tr := mustNew(t, c, sineSet(2000, 1))
	if _, err := tr.Advance(tr.StepsPerEpoch()+1, time.Time{}); err != nil {
		t.Fatal(err)
	}
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := tr.Advance(1, time.Time{}); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("%g allocations per step, want 0", allocs)
	}
}

func TestPredictMatchesHistory(t *testing.T) {
	set := sineSet(100, 4)
	c := smallConfig()
	c.ValFraction = 0
	tr := mustNew(t, c, set)
	st := run(t, tr)
	pred := tr.Predict(set.X)
	var mse float64
	for i, p := range pred {
		mse += (p - set.Y[i]) * (p - set.Y[i])
	}
	mse /= float64(len(pred))
	if math.Abs(mse-st.Train.MSE) > 1e-9*st.Train.MSE {
		t.Errorf("MSE of Predict %g, history says %g", mse, st.Train.MSE)
	}
	if got := tr.Predict(nil); len(got) != 0 {
		t.Errorf("Predict(nil) = %v, want empty", got)
	}
}

// TestSameRunInWasm pins the loss of short runs of both recommended
// setups to their exact bits. The test runs natively and under GOOS=js
// GOARCH=wasm, so passing in both shows that a seed gives the same run in
// the browser. (ReLU, sin and Adam use +, ×, ÷, √, math.Sin and math.Pow,
// which agree bit for bit; activations built on math.Exp may differ in the
// last bit, see package nn.)
func TestSameRunInWasm(t *testing.T) {
	for _, tc := range []struct {
		preset string
		want   uint64 // from a native run
	}{{"poly", 0x3fc7fba6597e8f4c}, {"sine", 0x3fafc1b9d0d23a05}} {
		c := Recommended(tc.preset)
		c.Epochs = 3
		st := run(t, mustNew(t, c, presetSet(t, tc.preset, 1)))
		if got := math.Float64bits(st.Loss); got != tc.want {
			t.Errorf("%s: loss bits %#x (%.17g), want %#x", tc.preset, got, st.Loss, tc.want)
		}
	}
}
