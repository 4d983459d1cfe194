package export

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/settings"
	"netfit/core/train"
)

// kerasCases are the settings the Keras script tests use: the page's
// presets and a few runs that turn on every other option.
func kerasCases(t testing.TB) map[string]settings.Settings {
	t.Helper()
	cases := map[string]settings.Settings{}
	for _, p := range settings.Presets() {
		cases[p.Name] = p.Settings
	}

	s := settings.Default()
	s.Data = settings.DataSettings{Source: settings.SourceFormula,
		Formula: "max(0, round(x))^2 - 2*min(x, pi, e)/--x + pow(x, 0.5)*sign(x)",
		N:       321, Noise: 0.25, XMin: 0.5, XMax: 7.75, Seed: 42}
	s.Train.Features = data.Features{Square: true, Cube: true, Period: 6.5}
	s.Train.Optimizer, s.Train.LearningRate = train.SGD, 0.05
	s.Train.Momentum, s.Train.Nesterov = 0.85, true
	s.Train.Schedule, s.Train.Patience, s.Train.RestoreBest = train.ScheduleCosine, 17, true
	s.Train.Loss, s.Train.BatchSize, s.Train.Epochs = nn.Huber, 48, 222
	s.Train.Seed = 9
	cases["formula sgd"] = s

	s = settings.Default()
	s.Data = settings.DataSettings{Source: settings.SourceCSV, XCol: "year", YCol: `p"pm`,
		N: 100, Noise: 0, XMin: 0, XMax: 1, Seed: 3}
	s.Train.Model.Hidden = []nn.Layer{{Units: 12, Activation: nn.Sin}, {Units: 7, Activation: nn.GELU}}
	s.Train.Model.Output, s.Train.Model.Init = nn.Softplus, nn.HeUniform
	s.Train.Model.Dropout, s.Train.Model.L2 = 0.125, 0.0003
	s.Train.Optimizer, s.Train.LearningRate = train.RMSprop, 0.002
	s.Train.Rho, s.Train.Momentum, s.Train.Epsilon = 0.8, 0.3, 1e-6
	s.Train.Loss, s.Train.ValFraction, s.Train.Split = nn.MAE, 0, data.SplitLast
	s.Train.ScaleX, s.Train.ScaleY, s.Train.Schedule = false, true, train.ScheduleStep
	cases["csv rmsprop"] = s
	for name, s := range cases {
		if err := s.Validate(); err != nil {
			t.Fatalf("case %s: %v", name, err)
		}
	}
	return cases
}

// settingLines returns, for the settings s, a line of Python code that
// the script must hold for each setting of the run.
func settingLines(s settings.Settings) []string {
	c, d := s.Train, s.Data
	num := pyNumber
	lines := []string{
		"TRAIN_SEED = " + strconv.FormatUint(c.Seed, 10),
		"VALIDATION_SPLIT = " + num(c.ValFraction),
		fmt.Sprintf("SCALE_X, SCALE_Y = %s, %s", pyBool(c.ScaleX), pyBool(c.ScaleY)),
		"OUTPUT_ACTIVATION = " + kerasActivation(c.Model.Output),
		"DROPOUT = " + num(c.Model.Dropout),
		"L2 = " + num(c.Model.L2),
		"LEARNING_RATE = " + num(c.EffectiveLearningRate()),
		"BATCH_SIZE = " + strconv.Itoa(c.BatchSize),
		"EPOCHS = " + strconv.Itoa(c.EffectiveEpochs()),
		"PATIENCE = " + strconv.Itoa(c.Patience),
		"RESTORE_BEST = " + pyBool(c.RestoreBest),
		"loss=" + kerasLoss(c.Loss),
		"return " + kerasInit(c.Model.Init),
	}
	var hidden []string
	for _, l := range c.Model.Hidden {
		hidden = append(hidden, fmt.Sprintf("(%d, %s)", l.Units, kerasActivation(l.Activation)))
	}
	lines = append(lines, "HIDDEN = ["+strings.Join(hidden, ", "))
	if c.Split == data.SplitRandom {
		lines = append(lines, "order = np.random.default_rng(TRAIN_SEED).permutation(N)")
	} else {
		lines = append(lines, "order = np.arange(N)")
	}
	switch c.Optimizer {
	case train.SGD:
		lines = append(lines, fmt.Sprintf("SGD(learning_rate=LEARNING_RATE, momentum=%s, nesterov=%s)",
			num(c.Momentum), pyBool(c.Nesterov)))
	case train.RMSprop:
		lines = append(lines, fmt.Sprintf("rho=%s, momentum=%s, epsilon=%s",
			num(c.Rho), num(c.Momentum), num(c.Epsilon)))
	default:
		lines = append(lines, fmt.Sprintf("beta_1=%s, beta_2=%s, epsilon=%s",
			num(c.Beta1), num(c.Beta2), num(c.Epsilon)))
	}
	if c.Schedule != "" {
		lines = append(lines, fmt.Sprintf("SCHEDULE = %q", c.Schedule))
	}
	if c.Features.Square {
		lines = append(lines, "columns.append(x**2)")
	}
	if c.Features.Cube {
		lines = append(lines, "columns.append(x**3)")
	}
	if c.Features.Period > 0 {
		lines = append(lines, "PERIOD = "+num(c.Features.Period))
	}
	if d.Source == settings.SourceCSV {
		return append(lines, "X_COLUMN, Y_COLUMN = "+pyString(d.XCol)+", "+pyString(d.YCol))
	}
	return append(lines, "DATA_SEED = "+strconv.FormatUint(d.Seed, 10),
		"N = "+strconv.Itoa(d.N), "NOISE = "+num(d.Noise),
		"X_MIN, X_MAX = "+num(d.XMin)+", "+num(d.XMax))
}

// codeOnly drops comment lines, so a setting counts only where the code
// uses it, not in the header's URL fragment.
func codeOnly(script string) string {
	var keep []string
	for _, l := range strings.Split(script, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "#") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

// TestKerasScriptSettings checks that the script's code names every
// setting of the run.
func TestKerasScriptSettings(t *testing.T) {
	for name, s := range kerasCases(t) {
		t.Run(name, func(t *testing.T) {
			script, err := KerasScript(s, "co2.csv")
			if err != nil {
				t.Fatal(err)
			}
			code := codeOnly(script)
			for _, want := range settingLines(s) {
				if !strings.Contains(code, want) {
					t.Errorf("script lacks %q", want)
				}
			}
			if !strings.Contains(script, s.Fragment()) {
				t.Errorf("script lacks the fragment %q", s.Fragment())
			}
			if s.Data.Source == settings.SourceCSV && !strings.Contains(code, `CSV_FILE = "co2.csv"`) {
				t.Errorf("script does not read co2.csv")
			}
		})
	}
}

// TestPythonFormula checks the translation of formulas to NumPy.
func TestPythonFormula(t *testing.T) {
	cases := []struct{ in, want string }{
		{"10*sin(x) + x", "10*np.sin(x) + x"},
		{"x^4 + x**3 + x", "x**4 + x**3 + x"},
		{"-x^2", "-x**2"},
		{"2^-1", "2**-1"},
		{"x--1", "x - -1"},
		{"max(0, x, 2)", "fold_max(0, x, 2)"},
		{"round(x) + log(e) + 1e-3*pi", "round_half_away(x) + np.log(np.e) + 0.001*np.pi"},
		{"asin(x/20) + cbrt(x)", "np.arcsin(x/20) + np.cbrt(x)"},
	}
	for _, c := range cases {
		t.Run(c.in, func(t *testing.T) {
			got, _, err := pythonFormula(c.in)
			if err != nil || got != c.want {
				t.Fatalf("pythonFormula(%q) = %q, %v; want %q", c.in, got, err, c.want)
			}
		})
	}
	if _, _, err := pythonFormula("2x"); err == nil {
		t.Error("pythonFormula(2x) gave no error")
	}
}
