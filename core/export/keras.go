package export

import (
	"fmt"
	"strconv"
	"strings"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/settings"
	"netfit/core/train"
)

// DefaultCSVName is the file name the Keras script reads CSV data from
// when [KerasScript] is given none.
const DefaultCSVName = "data.csv"

// BUG(export): The Keras script draws its own data, initial weights and
// batches with NumPy and Keras, so it reproduces the run's setup, not its
// exact numbers; L-BFGS, which Keras lacks, becomes Adam.

// KerasScript returns a runnable Python script that repeats the run of s
// with Keras 3: the data (drawn again from the preset's or the user's
// formula with NumPy, or read from csvName with pandas when the data came
// from a CSV file; "" means [DefaultCSVName]), the features, the
// validation split, the scaling (scikit-learn's StandardScaler), the
// layers, initializers, optimizer, loss, schedule and early stopping, the
// metrics (scikit-learn's r2_score and friends) and the two plots
// (matplotlib). It returns an error for settings that do not validate.
//
// The script cannot reproduce netfit's random numbers, so its data, initial
// weights and batch order are other draws from the same distributions; it
// says so in its header.
func KerasScript(s settings.Settings, csvName string) (string, error) {
	if err := s.Validate(); err != nil {
		return "", fmt.Errorf("export: keras script: %w", err)
	}
	if csvName == "" {
		csvName = DefaultCSVName
	}
	v, err := kerasValues(s, csvName)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	writeScript(&b, v)
	return b.String(), nil
}

// kerasData holds the pieces of the script as Python text.
type kerasData struct {
	Fragment                 string
	CSV                      bool
	CSVName, XCol, YCol      string // Python expressions
	Formula, FormulaText     string
	Helpers                  []string
	N, Noise, XMin, XMax     string
	DataSeed, TrainSeed      string
	Square, Cube             bool
	Period                   string // "" when off
	ValFraction              string
	RandomSplit              bool
	ScaleX, ScaleY           string
	Hidden                   []kerasLayer
	Output                   string
	Init, InitName           string
	Dropout, L2              string
	Optimizer, OptimizerNote string
	Loss                     string
	BatchSize, Epochs, LR    string
	Schedule                 string // netfit's name, "" when constant
	Patience                 string
	RestoreBest              string
	Monitor                  string
}

type kerasLayer struct{ Units, Activation string }

// kerasValues turns the settings into Python text.
func kerasValues(s settings.Settings, csvName string) (kerasData, error) {
	c, d := s.Train, s.Data
	v := kerasData{
		Fragment: s.Fragment(),
		N:        strconv.Itoa(d.N), Noise: pyNumber(d.Noise),
		XMin: pyNumber(d.XMin), XMax: pyNumber(d.XMax),
		DataSeed: strconv.FormatUint(d.Seed, 10), TrainSeed: strconv.FormatUint(c.Seed, 10),
		Square: c.Features.Square, Cube: c.Features.Cube,
		ValFraction: pyNumber(c.ValFraction), RandomSplit: c.Split == data.SplitRandom,
		ScaleX: pyBool(c.ScaleX), ScaleY: pyBool(c.ScaleY),
		Output:  kerasActivation(c.Model.Output),
		Dropout: pyNumber(c.Model.Dropout), L2: pyNumber(c.Model.L2),
		Loss:     kerasLoss(c.Loss),
		Epochs:   strconv.Itoa(c.EffectiveEpochs()),
		Schedule: c.Schedule, Patience: strconv.Itoa(c.Patience),
		RestoreBest: pyBool(c.RestoreBest), Monitor: `"val_loss"`,
	}
	if c.Schedule == "constant" {
		v.Schedule = ""
	}
	if c.ValFraction == 0 {
		v.Monitor = `"loss"`
	}
	if c.Features.Count() > 1+boolInt(c.Features.Square)+boolInt(c.Features.Cube) {
		v.Period = pyNumber(c.Features.Period)
	}
	v.BatchSize = strconv.Itoa(c.BatchSize)
	if c.BatchSize == 0 {
		v.BatchSize = strconv.Itoa(train.DefaultBatchSize)
	}
	for _, l := range c.Model.Hidden {
		v.Hidden = append(v.Hidden, kerasLayer{strconv.Itoa(l.Units), kerasActivation(l.Activation)})
	}
	v.Init, v.InitName = kerasInit(c.Model.Init), c.Model.Init.String()
	v.Optimizer, v.OptimizerNote, v.LR = kerasOptimizer(c)

	switch d.Source {
	case settings.SourceCSV:
		v.CSV, v.CSVName = true, pyString(csvName)
		v.XCol, v.YCol = pyColumn(d.XCol, 0), pyColumn(d.YCol, 1)
		return v, nil
	case settings.SourceFormula:
		v.FormulaText = d.Formula
	default:
		p, _ := data.LookupPreset(d.Preset)
		v.FormulaText = p.Formula
	}
	expr, helpers, err := pythonFormula(v.FormulaText)
	if err != nil {
		return v, err
	}
	v.Formula, v.Helpers = expr, helpers
	return v, nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// pyColumn selects a pandas column by name, or by position when name is "".
func pyColumn(name string, pos int) string {
	if name == "" {
		return fmt.Sprintf("table.columns[%d]", pos)
	}
	return pyString(name)
}

// kerasActivation returns the Keras 3 activation as Python: a name, or
// keras.ops.sin, which Keras takes as a callable.
func kerasActivation(a nn.Activation) string {
	if a == nn.Sin {
		return "keras.ops.sin"
	}
	return strconv.Quote(a.String()) // Keras 3 names: "leaky_relu" has slope 0.2, "gelu" is exact
}

// kerasInit returns the kernel initializer as Python.
func kerasInit(i nn.Initializer) string {
	if i == nn.Normal {
		return "keras.initializers.RandomNormal(mean=0.0, stddev=0.05)"
	}
	return strconv.Quote(i.String())
}

// kerasLoss returns the loss as Python.
func kerasLoss(l nn.Loss) string {
	switch l {
	case nn.MAE:
		return `"mae"`
	case nn.Huber:
		return "keras.losses.Huber(delta=1.0)"
	}
	return `"mse"`
}

// kerasOptimizer returns the optimizer as Python, a note when Keras has no
// equivalent, and the learning rate.
func kerasOptimizer(c train.Config) (code, note, lr string) {
	lr = pyNumber(c.EffectiveLearningRate())
	def := func(v, d float64) string {
		if v == 0 {
			v = d
		}
		return pyNumber(v)
	}
	switch strings.ToLower(strings.TrimSpace(c.Optimizer)) {
	case train.SGD:
		return fmt.Sprintf("keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=%s, nesterov=%s)",
			pyNumber(c.Momentum), pyBool(c.Nesterov)), "", lr
	case train.RMSprop:
		return fmt.Sprintf("keras.optimizers.RMSprop(learning_rate=LEARNING_RATE, rho=%s, "+
			"momentum=%s, epsilon=%s)", def(c.Rho, 0.9), pyNumber(c.Momentum),
			def(c.Epsilon, 1e-7)), "", lr
	case train.LBFGS:
		return "keras.optimizers.Adam(learning_rate=LEARNING_RATE)",
			"netfit trained with L-BFGS (full batch), which Keras lacks; Adam stands in.",
			pyNumber(0.001)
	}
	return fmt.Sprintf("keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=%s, "+
		"beta_2=%s, epsilon=%s)", def(c.Beta1, 0.9), def(c.Beta2, 0.999),
		def(c.Epsilon, 1e-7)), "", lr
}
