package settings

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

// steps lists the keys of the fragment in the order Fragment writes them and
// ParseFragment applies them: data, model, training, display. Keys in one
// step are applied together (x range; layers with their activations).
var steps = []step{
	{
		{name: "data", get: getData, set: setData},
		{name: "f", get: func(s *Settings) string { return s.Data.Formula }, set: setFormula,
			omit: func(s *Settings) bool { return s.Data.Formula == "" }},
		textKey("xcol", func(s *Settings) *string { return &s.Data.XCol }),
		textKey("ycol", func(s *Settings) *string { return &s.Data.YCol }),
	},
	{intKey("n", "the number of samples", MinSamples, MaxSamples,
		func(s *Settings) *int { return &s.Data.N })},
	{floatKey("noise", "the noise σ", 0, MaxNoise, closed,
		func(s *Settings) *float64 { return &s.Data.Noise })},
	{
		floatKey("xmin", "xmin", -MaxAbsX, MaxAbsX, closed,
			func(s *Settings) *float64 { return &s.Data.XMin }),
		floatKey("xmax", "xmax", -MaxAbsX, MaxAbsX, closed,
			func(s *Settings) *float64 { return &s.Data.XMax }),
	},
	{{name: "seed", get: func(s *Settings) string { return fmtUint(s.Data.Seed) }, set: setSeed}},

	{{name: "feat", get: getFeatures, set: setFeatures}},
	{
		{name: "layers", get: getLayers, set: setLayers},
		{name: "act", get: getAct, set: setAct, omit: func(s *Settings) bool {
			return len(s.Train.Model.Hidden) == 0 || !sameActs(s)
		}},
		{name: "acts", get: getActs, set: setActs, omit: func(s *Settings) bool { return sameActs(s) }},
	},
	{enumKey("out", "the output activation", activationNames(),
		func(s *Settings) string { return s.Train.Model.Output.String() },
		func(s *Settings, v string) error {
			a, err := nn.ParseActivation(v)
			s.Train.Model.Output = a
			return err
		})},
	{enumKey("init", "the initializer", initializerNames(),
		func(s *Settings) string { return s.Train.Model.Init.String() },
		func(s *Settings, v string) error {
			i, err := nn.ParseInitializer(v)
			s.Train.Model.Init = i
			return err
		})},
	{enumKey("scale", "scaling", []string{"xy", "x", "y", "none"}, getScale, setScale)},
	{floatKey("dropout", "the dropout rate", 0, 1, halfOpen,
		func(s *Settings) *float64 { return &s.Train.Model.Dropout })},
	{floatKey("l2", "the L2 penalty", 0, 1e6, closed,
		func(s *Settings) *float64 { return &s.Train.Model.L2 })},

	{enumKey("opt", "the optimizer", []string{train.Adam, train.SGD, train.RMSprop, train.LBFGS},
		func(s *Settings) string { return s.Train.Optimizer },
		func(s *Settings, v string) error { s.Train.Optimizer = v; return nil })},
	{floatKey("lr", "the learning rate (0 for the optimizer's default)", 0, train.MaxLearningRate, closed,
		func(s *Settings) *float64 { return &s.Train.LearningRate })},
	{floatKey("beta1", "Adam's β1 (0 for 0.9)", 0, 1, halfOpen,
		func(s *Settings) *float64 { return &s.Train.Beta1 })},
	{floatKey("beta2", "Adam's β2 (0 for 0.999)", 0, 1, halfOpen,
		func(s *Settings) *float64 { return &s.Train.Beta2 })},
	{floatKey("eps", "ε (0 for 1e-7)", 0, 1, closed,
		func(s *Settings) *float64 { return &s.Train.Epsilon })},
	{floatKey("momentum", "the momentum", 0, 1, halfOpen,
		func(s *Settings) *float64 { return &s.Train.Momentum })},
	{boolKey("nesterov", func(s *Settings) *bool { return &s.Train.Nesterov })},
	{floatKey("rho", "RMSprop's ρ (0 for 0.9)", 0, 1, halfOpen,
		func(s *Settings) *float64 { return &s.Train.Rho })},
	{enumKey("loss", "the loss", []string{"mse", "mae", "huber"},
		func(s *Settings) string { return s.Train.Loss.String() },
		func(s *Settings, v string) error {
			l, err := nn.ParseLoss(v)
			s.Train.Loss = l
			return err
		})},
	{intKey("batch", "the batch size", 1, train.MaxBatchSize,
		func(s *Settings) *int { return &s.Train.BatchSize })},
	{intKey("epochs", "the number of epochs", 1, train.MaxEpochs,
		func(s *Settings) *int { return &s.Train.Epochs })},
	{floatKey("val", "the validation fraction", 0, train.MaxValFraction, closed,
		func(s *Settings) *float64 { return &s.Train.ValFraction })},
	{enumKey("split", "the split", []string{"random", "last"},
		func(s *Settings) string { return s.Train.Split.String() },
		func(s *Settings, v string) error {
			k, err := data.ParseSplitKind(v)
			s.Train.Split = k
			return err
		})},
	{intKey("patience", "the patience", 0, train.MaxPatience,
		func(s *Settings) *int { return &s.Train.Patience })},
	{boolKey("restore", func(s *Settings) *bool { return &s.Train.RestoreBest })},
	{enumKey("sched", "the learning-rate schedule", []string{"constant", "step", "exp", "cosine"},
		func(s *Settings) string {
			if s.Train.Schedule == train.ScheduleConstant {
				return "constant"
			}
			return s.Train.Schedule
		},
		func(s *Settings, v string) error {
			if v == "constant" {
				v = train.ScheduleConstant
			}
			s.Train.Schedule = v
			return nil
		})},
	{{name: "trainseed", get: func(s *Settings) string { return fmtUint(s.Train.Seed) },
		set:  func(s *Settings, v string) error { return parseSeed(v, &s.Train.Seed) },
		omit: func(s *Settings) bool { return s.Train.Seed == s.Data.Seed }}},

	{boolKey("embed", func(s *Settings) *bool { return &s.Embed })},
	{{name: "hide", get: func(s *Settings) string { return strings.Join(s.Hide, ",") }, set: setHide,
		omit: func(s *Settings) bool { return len(s.Hide) == 0 }}},
	{boolKey("points", func(s *Settings) *bool { return &s.ShowPoints })},
}

// Interval kinds of floatKey: [lo, hi] or [lo, hi).
const (
	closed   = true
	halfOpen = false
)

// floatKey is a key for a finite number in [lo, hi] (closed) or [lo, hi).
func floatKey(name, what string, lo, hi float64, isClosed bool, field func(*Settings) *float64) key {
	upper := "to"
	if !isClosed {
		upper = "up to but not including"
	}
	return key{
		name: name,
		get:  func(s *Settings) string { return fmtFloat(*field(s)) },
		set: func(s *Settings, v string) error {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			inRange := f >= lo && (f < hi || isClosed && f <= hi)
			if err != nil || !inRange || !finite(f) {
				return fmt.Errorf("%s must be a number from %s %s %s",
					what, fmtFloat(lo), upper, fmtFloat(hi))
			}
			*field(s) = f
			return nil
		},
	}
}

// intKey is a key for a whole number in [lo, hi].
func intKey(name, what string, lo, hi int, field func(*Settings) *int) key {
	return key{
		name: name,
		get:  func(s *Settings) string { return strconv.Itoa(*field(s)) },
		set: func(s *Settings, v string) error {
			n, err := strconv.Atoi(strings.TrimSpace(v))
			if err != nil || n < lo || n > hi {
				return fmt.Errorf("%s must be a whole number from %d to %d", what, lo, hi)
			}
			*field(s) = n
			return nil
		},
	}
}

// boolKey is a key for an on/off setting, written 1 or 0; true, yes and on
// (and false, no, off) are read too. It is left out of the fragment when
// off, as in [Default], except for the training switches.
func boolKey(name string, field func(*Settings) *bool) key {
	k := key{
		name: name,
		get: func(s *Settings) string {
			if *field(s) {
				return "1"
			}
			return "0"
		},
		set: func(s *Settings, v string) error {
			switch strings.ToLower(strings.TrimSpace(v)) {
			case "1", "true", "yes", "on":
				*field(s) = true
			case "0", "false", "no", "off":
				*field(s) = false
			default:
				return errors.New("want 1 (on) or 0 (off)")
			}
			return nil
		},
	}
	if name == "embed" || name == "points" {
		k.omit = func(s *Settings) bool { return !*field(s) }
	}
	return k
}

// enumKey is a key whose value is one of a few names; set parses the
// lower-cased name after checking it is one of them.
func enumKey(name, what string, allowed []string, get func(*Settings) string,
	set func(*Settings, string) error) key {
	return key{
		name: name,
		get:  get,
		set: func(s *Settings, v string) error {
			v = strings.ToLower(strings.TrimSpace(v))
			want := fmt.Errorf("%s must be one of %s", what, strings.Join(allowed, ", "))
			for _, a := range allowed {
				if v == a {
					saved := *s
					if set(s, v) != nil {
						*s = saved
						return want
					}
					return nil
				}
			}
			return want
		},
	}
}

// textKey is a key for a short line of text; empty text is left out.
func textKey(name string, field func(*Settings) *string) key {
	return key{
		name: name,
		get:  func(s *Settings) string { return *field(s) },
		set: func(s *Settings, v string) error {
			if err := checkText(v, MaxColumnLen); err != nil {
				return fmt.Errorf("a column name must be printable text of at most %d bytes", MaxColumnLen)
			}
			*field(s) = v
			return nil
		},
		omit: func(s *Settings) bool { return *field(s) == "" },
	}
}

// getData returns the data key: the data preset's name, "formula" or "csv".
func getData(s *Settings) string {
	if s.Data.Source == SourcePreset || s.Data.Source == "" {
		return s.Data.Preset
	}
	return s.Data.Source
}

// setData reads the data key. Choosing a data preset also sets its sample
// count, noise and x range; the keys n, noise, xmin and xmax, applied after,
// change them.
func setData(s *Settings, v string) error {
	v = strings.ToLower(strings.TrimSpace(v))
	switch v {
	case SourceFormula, SourceCSV:
		s.Data.Source = v
		return nil
	}
	p, ok := data.LookupPreset(v)
	if !ok {
		return fmt.Errorf("the data must be one of %s, formula or csv",
			strings.Join(dataPresetNames(), ", "))
	}
	s.Data.Source, s.Data.Preset = SourcePreset, p.Name
	s.Data.N, s.Data.Noise, s.Data.XMin, s.Data.XMax = p.N, p.Noise, p.XMin, p.XMax
	return nil
}

// setFormula reads the formula key f. A formula that does not read is kept,
// as a table that cannot be fitted is: the page shows it in the formula box
// with core/source's message and trains on nothing until it is fixed.
func setFormula(s *Settings, v string) error {
	if len(v) > MaxFormulaLen {
		return fmt.Errorf("a formula can have at most %d characters", MaxFormulaLen)
	}
	s.Data.Formula = v // kept even when it does not read: core/source says why
	return nil
}

// setSeed reads the seed key: the seed of the data, and of training too
// unless the key trainseed follows.
func setSeed(s *Settings, v string) error {
	if err := parseSeed(v, &s.Data.Seed); err != nil {
		return err
	}
	s.Train.Seed = s.Data.Seed
	return nil
}

func parseSeed(v string, dst *uint64) error {
	n, err := strconv.ParseUint(strings.TrimSpace(v), 10, 64)
	if err != nil || n > MaxSeed {
		return fmt.Errorf("a seed must be a whole number from 0 to %d", uint64(MaxSeed))
	}
	*dst = n
	return nil
}

// getFeatures writes the extra inputs: none, or x2, x3 and sinP (for a
// period P) joined by commas.
func getFeatures(s *Settings) string {
	f := s.Train.Features
	var parts []string
	if f.Square {
		parts = append(parts, "x2")
	}
	if f.Cube {
		parts = append(parts, "x3")
	}
	if f.Period != 0 {
		parts = append(parts, "sin"+fmtFloat(f.Period))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ",")
}

func setFeatures(s *Settings, v string) error {
	want := errors.New("the features must be none, or some of x2, x3 and sinP " +
		"(P a period above 0), joined by commas")
	var f data.Features
	if strings.TrimSpace(v) == "none" || strings.TrimSpace(v) == "" {
		s.Train.Features = f
		return nil
	}
	for part := range strings.SplitSeq(v, ",") {
		part = strings.ToLower(strings.TrimSpace(part))
		switch {
		case part == "x2":
			f.Square = true
		case part == "x3":
			f.Cube = true
		case strings.HasPrefix(part, "sin"):
			p, err := strconv.ParseFloat(part[len("sin"):], 64)
			if err != nil || !(p > 0) || !finite(p) || p > 1e6 {
				// The page's field for P says this too, so it names P.
				return errors.New("the period P (of sinP) must be a number above 0 and " +
					"at most 1e+06 (1 is a year when x holds dates)")
			}
			f.Period = p
		default:
			return want
		}
	}
	s.Train.Features = f
	return nil
}

// getLayers writes the hidden layers' widths, such as 64,64, or none.
func getLayers(s *Settings) string {
	if len(s.Train.Model.Hidden) == 0 {
		return "none"
	}
	parts := make([]string, len(s.Train.Model.Hidden))
	for i, l := range s.Train.Model.Hidden {
		parts[i] = strconv.Itoa(l.Units)
	}
	return strings.Join(parts, ",")
}

// setLayers reads the widths of the hidden layers. A layer keeps the
// activation of the layer it replaces; a new layer takes the activation of
// the last one (ReLU when there was none). The keys act and acts, applied
// after, change them.
func setLayers(s *Settings, v string) error {
	want := fmt.Errorf("the layers must be none or up to %d widths from 1 to %d, joined by commas",
		nn.MaxLayers, nn.MaxUnits)
	v = strings.TrimSpace(v)
	var units []int
	if v != "none" && v != "" {
		parts := strings.Split(v, ",")
		if len(parts) > nn.MaxLayers {
			return want
		}
		for _, p := range parts {
			u, err := strconv.Atoi(strings.TrimSpace(p))
			if err != nil || u < 1 || u > nn.MaxUnits {
				return want
			}
			units = append(units, u)
		}
	}

	old := s.Train.Model.Hidden
	last := nn.ReLU
	if len(old) > 0 {
		last = old[len(old)-1].Activation
	}
	var hidden []nn.Layer
	for i, u := range units {
		act := last
		if i < len(old) {
			act = old[i].Activation
		}
		hidden = append(hidden, nn.Layer{Units: u, Activation: act})
	}
	s.Train.Model.Hidden = hidden
	return nil
}

// sameActs reports whether all hidden layers share one activation, so the
// key act describes them; true when there are none.
func sameActs(s *Settings) bool {
	for _, l := range s.Train.Model.Hidden {
		if l.Activation != s.Train.Model.Hidden[0].Activation {
			return false
		}
	}
	return true
}

func getAct(s *Settings) string {
	if len(s.Train.Model.Hidden) == 0 {
		return nn.ReLU.String()
	}
	return s.Train.Model.Hidden[0].Activation.String()
}

// setAct sets the activation of every hidden layer.
func setAct(s *Settings, v string) error {
	a, err := nn.ParseActivation(v)
	if err != nil {
		return fmt.Errorf("the activation must be one of %s", strings.Join(activationNames(), ", "))
	}
	hidden := make([]nn.Layer, len(s.Train.Model.Hidden))
	for i, l := range s.Train.Model.Hidden {
		hidden[i] = nn.Layer{Units: l.Units, Activation: a}
	}
	s.Train.Model.Hidden = hidden
	return nil
}

func getActs(s *Settings) string {
	parts := make([]string, len(s.Train.Model.Hidden))
	for i, l := range s.Train.Model.Hidden {
		parts[i] = l.Activation.String()
	}
	return strings.Join(parts, ",")
}

// setActs sets the activation of each hidden layer, one name per layer.
func setActs(s *Settings, v string) error {
	old := s.Train.Model.Hidden
	parts := strings.Split(v, ",")
	if len(parts) != len(old) {
		return fmt.Errorf("acts must name one activation per hidden layer, %d here, joined by commas",
			len(old))
	}
	hidden := make([]nn.Layer, len(old))
	for i, p := range parts {
		a, err := nn.ParseActivation(p)
		if err != nil {
			return fmt.Errorf("each activation must be one of %s", strings.Join(activationNames(), ", "))
		}
		hidden[i] = nn.Layer{Units: old[i].Units, Activation: a}
	}
	s.Train.Model.Hidden = hidden
	return nil
}

// getScale writes which of x and y are standardized.
func getScale(s *Settings) string {
	switch {
	case s.Train.ScaleX && s.Train.ScaleY:
		return "xy"
	case s.Train.ScaleX:
		return "x"
	case s.Train.ScaleY:
		return "y"
	}
	return "none"
}

func setScale(s *Settings, v string) error {
	s.Train.ScaleX = v == "xy" || v == "x"
	s.Train.ScaleY = v == "xy" || v == "y"
	return nil
}

// setHide reads the parts of the page to hide, joined by commas.
func setHide(s *Settings, v string) error {
	want := fmt.Errorf("hide must list up to %d of %s, joined by commas",
		MaxHidden, strings.Join(HideNames(), ", "))
	var names []string
	if strings.TrimSpace(v) != "" {
		for name := range strings.SplitSeq(v, ",") {
			name = strings.ToLower(strings.TrimSpace(name))
			if !slices.Contains(HideNames(), name) {
				return want
			}
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	}
	if len(names) > MaxHidden {
		return want
	}
	s.Hide = names
	return nil
}

// activationNames returns the names of the activations.
func activationNames() []string {
	var names []string
	for _, a := range nn.Activations() {
		names = append(names, a.String())
	}
	return names
}

// initializerNames returns the names of the initializers.
func initializerNames() []string {
	var names []string
	for i := nn.Initializer(0); ; i++ {
		name := i.String()
		if _, err := nn.ParseInitializer(name); err != nil {
			return names
		}
		names = append(names, name)
	}
}

// fmtFloat writes v in the shortest form that reads back to the same
// float64: 0.001, 1e-08, -15.
func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func fmtUint(v uint64) string { return strconv.FormatUint(v, 10) }
