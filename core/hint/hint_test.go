package hint

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"netfit/core/data"
	"netfit/core/metrics"
	"netfit/core/nn"
	"netfit/core/train"
)

// sine draws CASES' S(x) = 10·sin x + x, σ 3, on [−15, 15] (about half the
// targets are negative).
func sine(n int) data.Set {
	f := func(x float64) float64 { return 10*math.Sin(x) + x }
	return data.Generate(f, n, 3, -15, 15, data.NewRand(1))
}

// quartic draws CASES' P4(x) = x⁴ + x³ + x, σ 2 (targets up to ~54,000).
func quartic(n int) data.Set {
	f := func(x float64) float64 { return x*x*x*x + x*x*x + x }
	return data.Generate(f, n, 2, -15, 15, data.NewRand(1))
}

// relu64 is CASES' 1 → 64 relu → 64 relu → 1 network with output out.
func relu64(out nn.Activation) nn.Spec {
	return nn.Spec{Hidden: []nn.Layer{{Units: 64, Activation: nn.ReLU}, {Units: 64, Activation: nn.ReLU}},
		Output: out}
}

// good is a setup that should raise no hint.
func good() train.Config {
	return train.Config{Model: relu64(nn.Linear), ValFraction: 0.2, ScaleX: true, ScaleY: true,
		Epochs: 10, Seed: 1}
}

// stats builds a history of losses, with the given final spread and R².
func stats(spread, r2 float64, losses ...float64) []train.EpochStats {
	h := make([]train.EpochStats, len(losses))
	for i, l := range losses {
		h[i] = train.EpochStats{Epoch: i + 1, Loss: l, Steps: 25 * (i + 1), Spread: spread,
			Train: metrics.Report{N: 800, R2: r2, R2Defined: true},
			Val:   metrics.Report{N: 200, R2: r2, R2Defined: true}}
	}
	return h
}

// flat returns n equal losses.
func flat(n int, v float64) []float64 {
	l := make([]float64, n)
	for i := range l {
		l[i] = v
	}
	return l
}

// falling returns n losses halving every epoch.
func falling(n int) []float64 {
	l := make([]float64, n)
	for i := range l {
		l[i] = math.Pow(0.5, float64(i))
	}
	return l
}

// steady returns n losses falling by drop per epoch from first, with the
// relative noise ±noise on alternate epochs. The B01 recipe's losses fall
// about this way over its first 30 epochs: 0.39 to 0.333 (core/train with
// CASES B01's settings, seed 1).
func steady(n int, first, drop, noise float64) []float64 {
	l := make([]float64, n)
	for i := range l {
		l[i] = (first - drop*float64(i)) * (1 + noise*float64(1-2*(i%2)))
	}
	return l
}

func TestCheck(t *testing.T) {
	sineSet, quartSet := sine(1000), quartic(1000)
	line := data.Set{}
	for i := range 200 {
		line.X = append(line.X, float64(i))
		line.Y = append(line.Y, 2*float64(i))
	}
	parabola := data.Generate(func(x float64) float64 { return x*x + 1 }, 200, 0, -5, 5, data.NewRand(1))
	sorted := sine(1000)
	sortByX(sorted)

	cases := []struct {
		name  string
		cfg   func(c *train.Config)
		set   data.Set
		hist  []train.EpochStats
		id    string // hint expected, "" for none
		patch string
		words string
	}{
		{"good setup", nil, sineSet, stats(5, 0.9, flat(10, 1)...), "", "", ""},
		{"B08 relu output", func(c *train.Config) { c.Model = relu64(nn.ReLU); c.ScaleY = false },
			sineSet, nil, OutputRange, "out=linear", "relu output can only give values in [0, +∞)"},
		{"B08 relu output, scaled y", func(c *train.Config) { c.Model = relu64(nn.ReLU) },
			sineSet, nil, OutputRange, "out=linear", "after standardizing"},
		{"relu output, positive y", func(c *train.Config) { c.Model = relu64(nn.ReLU); c.ScaleY = false },
			parabola, nil, "", "", ""},
		{"B09 tanh output", func(c *train.Config) { c.Model = relu64(nn.Tanh); c.ScaleY = false },
			sineSet, nil, OutputRange, "out=linear", "[-1, 1]"},
		{"B09 sigmoid output", func(c *train.Config) { c.Model = relu64(nn.Sigmoid); c.ScaleY = false },
			quartSet, nil, OutputRange, "out=linear", "above 1"},
		{"B02 unscaled targets", func(c *train.Config) { c.ScaleY = false }, quartSet, nil,
			UnscaledTargets, "scale=xy", "Targets reach"},
		{"small unscaled targets", func(c *train.Config) { c.ScaleX, c.ScaleY = false, false },
			sineSet, nil, "", "", ""},
		{"B03 unscaled inputs", func(c *train.Config) { c.ScaleX = false }, line, nil,
			UnscaledInputs, "scale=xy", "x runs from 0 to"},
		{"B04 adam lr 1", func(c *train.Config) { c.LearningRate = 1 }, sineSet, nil,
			LearningRateHigh, "lr=0.001", "very high for adam"},
		{"adam lr 0.1 is fine", func(c *train.Config) { c.LearningRate = 0.1 }, sineSet, nil, "", "", ""},
		{"B04 sgd lr 1", func(c *train.Config) { c.Optimizer, c.LearningRate = "sgd", 1 }, sineSet, nil,
			LearningRateHigh, "lr=0.01", "very high for sgd"},
		{"B07 zeros init", func(c *train.Config) { c.Model.Init = nn.Zeros }, sineSet, nil,
			ZerosInit, "init=glorot_uniform", "starts at zero"},
		{"zeros init, no hidden layer", func(c *train.Config) { c.Model = nn.Spec{Init: nn.Zeros} },
			sineSet, nil, "", "", ""},
		{"B07 constant predictions", func(c *train.Config) { c.Model.Init = nn.Zeros }, sineSet,
			stats(0, 0, flat(10, 1)...), ConstantPredictions, "init=glorot_uniform", "nearly the same value"},
		{"B04 B collapsed", nil, sineSet, stats(1e-6, 0, flat(10, 1)...), ConstantPredictions,
			"lr=0.0001", "predicts a constant"},
		{"B10 slow sgd", func(c *train.Config) { c.Optimizer, c.LearningRate = "sgd", 1e-3 }, sineSet,
			stats(0.5, -0.14, flat(10, 1)...), SlowSGD, "opt=adam&lr=0.01", "worse than predicting the mean"},
		{"sgd that fits", func(c *train.Config) { c.Optimizer, c.LearningRate = "sgd", 1e-3 }, sineSet,
			stats(5, 0.9, flat(10, 1)...), "", "", ""},
		{"B01 not converged", nil, sineSet, stats(5, 0.69, falling(10)...), NotConverged,
			"epochs=20", "a straight line through the training rows scores 0.6"},
		{"stopped early is not 'not converged'", nil, sineSet, stats(5, 0.69, falling(6)...), "", "", ""},
		{"B01 slow steady fall", func(c *train.Config) { c.Epochs = 30 }, sineSet,
			stats(5, 0.69, steady(30, 0.39, 0.0019, 0)...), NotConverged, "epochs=60", "not converged"},
		{"converged with noise", func(c *train.Config) { c.Epochs = 30 }, sineSet,
			stats(5, 0.9, steady(30, 0.2, 0, 0.01)...), "", "", ""},
		{"B01 near a line", nil, sineSet, stats(5, 0.62, flat(10, 1)...), NearLine, "", "straight line"},
		{"B12 last rows of sorted data", func(c *train.Config) { c.Split = data.SplitLast }, sorted, nil,
			ExtrapolationSplit, "split=random", "extrapolation"},
		{"last rows of shuffled data", func(c *train.Config) { c.Split = data.SplitLast }, sineSet, nil,
			"", "", ""},
		{"B26 batch clamped", func(c *train.Config) { c.BatchSize = 128 }, sine(50), nil,
			BatchClamped, "", "Batch size 128 > 40 training rows; using 40"},
		{"invalid config", func(c *train.Config) { c.BatchSize = -1; c.LearningRate = 1 }, sineSet, nil,
			"", "", ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := good()
			if tc.cfg != nil {
				tc.cfg(&c)
			}
			hints := Check(c, tc.set, tc.hist)
			if tc.id == "" {
				if len(hints) != 0 {
					t.Fatalf("Check() = %+v, want no hints", hints)
				}
				return
			}
			h, ok := find(hints, tc.id)
			if !ok {
				t.Fatalf("Check() = %+v, want a %q hint", hints, tc.id)
			}
			if h.Patch != tc.patch || !strings.Contains(h.Message, tc.words) {
				t.Errorf("hint %+v, want patch %q and message containing %q", h, tc.patch, tc.words)
			}
			for _, h := range hints {
				if strings.Contains(h.Message, "%!") || strings.Contains(h.Message, "Inf") ||
					strings.Contains(h.Message, "NaN,") || strings.Contains(h.Message, "NaN)") {
					t.Errorf("message %q shows NaN or Inf", h.Message)
				}
			}
		})
	}
}

// find returns the hint with the given ID.
func find(hints []Hint, id string) (Hint, bool) {
	for _, h := range hints {
		if h.ID == id {
			return h, true
		}
	}
	return Hint{}, false
}

// sortByX sorts the rows of s by x.
func sortByX(s data.Set) {
	for i := 1; i < len(s.X); i++ {
		for j := i; j > 0 && s.X[j] < s.X[j-1]; j-- {
			s.X[j], s.X[j-1] = s.X[j-1], s.X[j]
			s.Y[j], s.Y[j-1] = s.Y[j-1], s.Y[j]
		}
	}
}

// TestOutputRangeCounts checks the numbers in the B08 message against a
// direct count of the negative training targets.
func TestOutputRangeCounts(t *testing.T) {
	set := sine(1000)
	c := good()
	c.Model, c.ScaleY = relu64(nn.ReLU), false
	h, _ := find(Check(c, set, nil), OutputRange)
	trainIdx, _ := data.Split(1000, 0.2, data.SplitRandom, data.NewRand(1))
	neg := 0
	for _, i := range trainIdx {
		if set.Y[i] < 0 {
			neg++
		}
	}
	want := percent(neg, 800)
	if !strings.Contains(h.Message, want) || h.Severity != Problem {
		t.Errorf("message %q (severity %v), want %d negative targets (%s) and severity problem",
			h.Message, h.Severity, neg, want)
	}
}

// TestDiverged runs CASES B03 and turns its error into a hint.
func TestDiverged(t *testing.T) {
	set := data.Set{}
	for i := range 200 {
		set.X = append(set.X, float64(i))
		set.Y = append(set.Y, 2*float64(i))
	}
	c := train.Config{Optimizer: train.SGD, LearningRate: 1e-3, BatchSize: 1, Epochs: 2, Seed: 1}
	tr, err := train.New(c, set)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tr.Advance(0, time.Time{})
	if !errors.Is(err, train.ErrDiverged) {
		t.Fatalf("Advance() = %v, want divergence", err)
	}
	hints := CheckRun(c, set, tr.History(), err)
	if len(hints) == 0 || hints[0].ID != Diverged {
		t.Fatalf("CheckRun() = %+v, want the diverged hint first", hints)
	}
	h := hints[0]
	if h.Patch != "lr=0.0001&scale=xy" || h.Fix != "Lower the learning rate 10× to 0.0001 and standardize x and y" ||
		!strings.Contains(h.Message, "epoch 1") {
		t.Errorf("hint %+v, want lr 0.0001 and scaling", h)
	}
	if _, ok := find(hints, UnscaledInputs); !ok {
		t.Errorf("CheckRun() = %+v, want the unscaled-inputs hint too", hints)
	}
}

// TestFmtSpan: a range of dates in decimal years keeps its ends apart.
func TestFmtSpan(t *testing.T) {
	for _, tc := range []struct {
		lo, hi float64
		a, b   string
	}{
		{2020, 2020.25, "2020", "2020.2"},
		{-15, 15, "-15", "15"},
		{1958.2, 2023.9, "1958", "2024"},
		{3, 3, "3", "3"},
	} {
		if a, b := fmtSpan(tc.lo, tc.hi); a != tc.a || b != tc.b {
			t.Errorf("fmtSpan(%g, %g) = %s, %s; want %s, %s", tc.lo, tc.hi, a, b, tc.a, tc.b)
		}
	}
}

func TestFmtNum(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{{54000, "54,000"}, {-123456.7, "-123,457"}, {0.6034, "0.6034"}, {1e-5, "1e-05"},
		{2e10, "2e+10"}, {0.0001, "0.0001"}, {math.Inf(1), "+∞"}, {-1, "-1"}} {
		if got := fmtNum(tc.v); got != tc.want {
			t.Errorf("fmtNum(%g) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// TestDivergedOneSuggestion checks the page's case of opt=sgd&lr=10 (CASES
// B04): the diverged hint suggests the usual rate, 0.01 (the same as the
// learning-rate hint would), and that hint is left out, so the page shows
// one suggestion; the epoch counts from 1 and no "Try: try" is left.
func TestDivergedOneSuggestion(t *testing.T) {
	set := data.Set{}
	for i := range 100 {
		set.X = append(set.X, float64(i)/10)
		set.Y = append(set.Y, math.Sin(float64(i)/10))
	}
	c := train.Config{Optimizer: train.SGD, LearningRate: 10, ScaleX: true, ScaleY: true, Seed: 1}
	de := &train.DivergedError{Epoch: 1, Batch: 17, LearningRate: 10, Loss: math.NaN(),
		What: "loss became NaN", Hint: "try a learning rate of 0.01 (the usual rate for sgd)",
		RetryRate: train.RetryRate(train.SGD, 10)}
	hints := CheckRun(c, set, nil, de)
	if _, ok := find(hints, LearningRateHigh); ok {
		t.Errorf("CheckRun() = %+v, want no separate learning-rate hint", hints)
	}
	h, ok := find(hints, Diverged)
	if !ok {
		t.Fatalf("CheckRun() = %+v, want the diverged hint", hints)
	}
	want := "Training stopped in epoch 1: the loss became NaN. The weights were put back to " +
		"the start of that epoch. A learning rate of 10 is very high for sgd (usual: 0.001 to 0.1)."
	if h.Message != want || h.Fix != "Use learning rate 0.01" || h.Patch != "lr=0.01" {
		t.Errorf("hint %+v, want message %q, fix Use learning rate 0.01, patch lr=0.01", h, want)
	}
}

// TestDivergedAdviceAgrees runs the page's opt=sgd&lr=10&scale=none case on
// CASES B03's line and checks that every hint offering a learning rate
// offers the one the error suggests, train.RetryRate's 0.01 (the usual
// rate for SGD): the page shows one piece of advice.
func TestDivergedAdviceAgrees(t *testing.T) {
	set := data.Set{}
	for i := range 200 {
		set.X = append(set.X, float64(i))
		set.Y = append(set.Y, 2*float64(i))
	}
	c := train.Config{Optimizer: train.SGD, LearningRate: 10, Epochs: 5, ValFraction: 0.2, Seed: 1}
	tr, err := train.New(c, set)
	if err != nil {
		t.Fatal(err)
	}
	_, err = tr.Advance(0, time.Time{})
	var de *train.DivergedError
	if !errors.As(err, &de) {
		t.Fatalf("Advance() = %v, want divergence", err)
	}
	if de.RetryRate != 0.01 || !strings.Contains(err.Error(), "try a learning rate of 0.01 ") {
		t.Errorf("error %q with RetryRate %g, want 0.01", err, de.RetryRate)
	}
	for _, h := range CheckRun(c, set, tr.History(), err) {
		if strings.Contains(h.Patch, "lr=") && !strings.Contains(h.Patch, "lr=0.01") {
			t.Errorf("hint %s: fix %q (%s), want lr=0.01 as the error says", h.ID, h.Fix, h.Patch)
		}
	}
}

// TestSlowStep checks the warning before a step that takes minutes: the
// page's n=100000&layers=2048,2048&batch=100000 case. The model has
// 1·2048+2048 + 2048·2048+2048 + 2048+1 = 4,202,497 weights; 80,000
// training rows (val 0.2) make one step 6·4,202,497·80,000 flops, at
// 2 GFLOP/s about 1009 s. Batch size 256 would still take 3.2 s, 128 takes
// 1.6 s: the suggested one.
func TestSlowStep(t *testing.T) {
	set := data.Set{}
	for i := range 100000 {
		set.X = append(set.X, float64(i)/1e4)
		set.Y = append(set.Y, math.Sin(float64(i)/1e4))
	}
	c := train.Config{Model: nn.Spec{Hidden: []nn.Layer{{Units: 2048}, {Units: 2048}}},
		BatchSize: 100000, ValFraction: 0.2, ScaleX: true, ScaleY: true, Seed: 1}
	h, ok := find(Check(c, set, nil), SlowStep)
	if !ok {
		t.Fatalf("Check() gives no %s hint", SlowStep)
	}
	want := "One step of this setup takes about 1009 s; Pause and Stop answer only between " +
		"steps. Use a smaller batch size."
	if h.Message != want || h.Patch != "batch=128" || h.Severity != Warning {
		t.Errorf("hint %+v, want message %q, patch batch=128", h, want)
	}

	c.BatchSize = 32 // 6·4.2e6·32 flops ≈ 0.4 s: no warning
	if h, ok := find(Check(c, set, nil), SlowStep); ok {
		t.Errorf("batch size 32: hint %+v, want none", h)
	}
}

// TestLargeTargets checks the advice for huge targets: exp(x*100) on
// [−15, 15] (up to 1.7e308, all but a few near 0) gets a wide-targets
// problem whether or not y is standardized, while x*1e30 (up to 1.5e31,
// one order of magnitude) trains fine standardized and gets no hint, and
// unscaled gets the scaling advice with the 32-bit note.
func TestLargeTargets(t *testing.T) {
	gen := func(f func(float64) float64) data.Set {
		set := data.Generate(f, 1000, 3, -15, 15, data.NewRand(1))
		var out data.Set
		for i, y := range set.Y { // core/source leaves out the infinite rows
			if !math.IsInf(y, 0) {
				out.X, out.Y = append(out.X, set.X[i]), append(out.Y, y)
			}
		}
		return out
	}
	expSet := gen(func(x float64) float64 { return math.Exp(x * 100) })
	bigLine := gen(func(x float64) float64 { return x * 1e30 })
	// A CSV of 1e300, 2e300, …: evenly spread, too large only.
	hugeEven := data.Set{}
	for i := range 50 {
		hugeEven.X = append(hugeEven.X, float64(i))
		hugeEven.Y = append(hugeEven.Y, float64(i+1)*1e300)
	}
	cases := []struct {
		name   string
		set    data.Set
		scaleY bool
		want   []string // hint IDs, in order
		words  string   // in the first hint's message
	}{
		{"exp(x*100), y standardized", expSet, true, []string{WideTargets}, "log(y)"},
		{"exp(x*100), y unscaled", expSet, false, []string{WideTargets, UnscaledTargets},
			"overflow even 64-bit floats"},
		{"x*1e30, y standardized", bigLine, true, nil, ""},
		{"1e300 to 5e301, y standardized", hugeEven, true, []string{WideTargets},
			"reach 5e+301: their squares overflow even 64-bit floats, so the MSE and R² in the " +
				"units of y cannot be computed. Divide y by a power of ten (units of 1e301, say)"},
		{"x*1e30, y unscaled", bigLine, false, []string{UnscaledTargets},
			"overflow the 32-bit floats"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := good()
			c.ScaleY = tc.scaleY
			var got []string
			hints := Check(c, tc.set, nil)
			for _, h := range hints {
				got = append(got, h.ID)
			}
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Fatalf("hints %v, want %v: %+v", got, tc.want, hints)
			}
			if len(hints) > 0 && !strings.Contains(hints[0].Message, tc.words) {
				t.Errorf("message %q lacks %q", hints[0].Message, tc.words)
			}
		})
	}
}

// TestNotConvergedJudgement checks when a finished run counts as still
// falling: not when the loss oscillates (the Keras polynomial's loss jumps
// 10× up and down between epochs), not when the training R² is already
// near 1, and with the cosine schedule the hint says that more epochs mean
// a new schedule.
func TestNotConvergedJudgement(t *testing.T) {
	// A loss that swings between 3e5 and 3e6 and ends on a low: the old
	// rule (last against 5 epochs before) read it as 89 % lower.
	oscillating := make([]float64, 50)
	for i := range oscillating {
		oscillating[i] = 3e5 * math.Pow(10, float64((i*7)%3)/2)
	}
	oscillating[49] = 2e5
	cases := []struct {
		name  string
		cfg   func(c *train.Config)
		hist  []train.EpochStats
		want  bool
		words string
	}{
		{"halving", nil, stats(5, 0.69, falling(10)...), true, "average 88% lower than the 3 before"},
		{"oscillating", func(c *train.Config) { c.Epochs = 50 }, stats(5, 0.69, oscillating...), false, ""},
		{"already near-perfect", nil, stats(5, 0.9995, falling(10)...), false, ""},
		{"cosine", func(c *train.Config) { c.Schedule = train.ScheduleCosine },
			stats(5, 0.69, falling(10)...), true, "training 20 epochs starts a new, longer schedule"},
		{"flat", nil, stats(5, 0.69, flat(10, 1)...), false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := good()
			if tc.cfg != nil {
				tc.cfg(&c)
			}
			h, got := find(Check(c, sine(1000), tc.hist), NotConverged)
			if got != tc.want || !strings.Contains(h.Message, tc.words) {
				t.Errorf("not-converged %v (%q), want %v with %q", got, h.Message, tc.want, tc.words)
			}
		})
	}
}

// TestLineR2 checks that the baseline is fitted and scored on the training
// rows only: with the last-rows split of a sorted parabola, the training
// rows (x < 3) and all rows give different lines.
func TestLineR2(t *testing.T) {
	set := data.Generate(func(x float64) float64 { return x * x }, 100, 0, -5, 5, data.NewRand(1))
	sortByX(set)
	c := good()
	c.Split = data.SplitLast
	got, err := LineR2(c, set)
	if err != nil {
		t.Fatal(err)
	}
	trainIdx, _ := train.SplitRows(set.Len(), c)
	want, _ := metrics.LineR2(set.X[:len(trainIdx)], set.Y[:len(trainIdx)])
	all, _ := metrics.LineR2(set.X, set.Y)
	if math.Abs(got-want) > 1e-12 || math.Abs(got-all) < 0.01 {
		t.Errorf("LineR2 = %v, want %v (training rows), not %v (all rows)", got, want, all)
	}
	hist := stats(5, got+0.01, flat(10, 1)...)
	h, ok := find(Check(c, set, hist), NearLine)
	if !ok || !strings.Contains(h.Message, fmtNum(got)) {
		t.Errorf("near-line hint %q, want the same baseline %s", h.Message, fmtNum(got))
	}
}

// TestUnscaledInputsFix: with y already standardized the fix names only x,
// and keeps y standardized; with neither it names both.
func TestUnscaledInputsFix(t *testing.T) {
	set := data.Set{}
	for i := range 200 {
		set.X = append(set.X, float64(i))
		set.Y = append(set.Y, math.Sin(float64(i)/20))
	}
	for _, tc := range []struct {
		scaleY     bool
		fix, patch string
	}{
		{true, "Standardize x", "scale=xy"},
		{false, "Standardize x and y", "scale=xy"},
	} {
		c := good()
		c.ScaleX, c.ScaleY = false, tc.scaleY
		h, ok := find(Check(c, set, nil), UnscaledInputs)
		if !ok || h.Fix != tc.fix || h.Patch != tc.patch {
			t.Errorf("scale y %v: hint %+v (found %v), want %q (%s)", tc.scaleY, h, ok, tc.fix, tc.patch)
		}
	}
}
