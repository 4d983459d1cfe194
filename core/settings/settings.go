package settings

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"netfit/core/data"
	"netfit/core/train"
)

// Where the data comes from, the values of [DataSettings.Source].
const (
	SourcePreset  = "preset"  // a built-in curve, [data.LookupPreset]; "" means this too
	SourceFormula = "formula" // y = f(x) typed by the user
	SourceCSV     = "csv"     // the user's own table, kept by the page, not in the URL
)

// Limits on the data settings, checked by [Settings.Validate]. They keep a
// crafted link from asking the page for more than it can do.
const (
	MinSamples    = 2
	MaxSamples    = 100_000
	MaxNoise      = 1e6       // noise σ, in y units
	MaxAbsX       = 1e6       // |xmin| and |xmax|
	MaxFormulaLen = 1000      // bytes of formula text
	MaxColumnLen  = 100       // bytes of a CSV column name
	MaxSeed       = 1<<53 - 1 // seeds stay exact as JavaScript numbers
	MaxHidden     = 16        // names in Hide
	maxNameLen    = 32        // bytes of one name in Hide
	maxShownValue = 40        // bytes of a bad value quoted in a Problem
	maxFragment   = 16 << 10  // bytes of a fragment that ParseFragment reads
)

// Settings is everything the page shows and runs: with the same Settings
// and data, a run is the same. The zero value is not useful; start from
// [Default] or a preset.
type Settings struct {
	Data  DataSettings
	Train train.Config // Train.Model.Inputs is left 0; the trainer sets it from Train.Features

	// Preset names the entry of [Presets] these settings started from, or "";
	// the page clears it when the user changes a setting. Empty by default.
	Preset string
	// Embed shows the compact view for an <iframe>; false by default.
	Embed bool
	// Hide lists the parts of the page to hide when embedding (see
	// [HideNames]); none by default.
	Hide []string
	// ShowPoints draws the prediction at each sample's x as well as the
	// curve; false by default.
	ShowPoints bool
}

// BUG(settings): a link holds the settings, not the user's own table: with
// data=csv it names the columns, and the table itself stays in the browser
// that loaded it, so the link replays the run only there.

// BUG(settings): as in core/optim, beta1=0, beta2=0, rho=0, eps=0 and lr=0
// mean the optimizer's default, so those values cannot be chosen exactly.

// DataSettings says which data to fit.
type DataSettings struct {
	Source  string // SourcePreset (also ""), SourceFormula or SourceCSV
	Preset  string // the data preset when Source is SourcePreset, e.g. "sine"; "" otherwise
	Formula string // y = f(x) when Source is SourceFormula, e.g. "x^2 - 4"; kept for later otherwise; not checked here (core/source compiles it)

	N          int     // samples to draw, MinSamples to MaxSamples
	Noise      float64 // standard deviation σ of the normal noise added to y, ≥ 0
	XMin, XMax float64 // x is drawn uniformly from [XMin, XMax]; XMin < XMax
	Seed       uint64  // seed of the sample, 0 to MaxSeed

	XCol, YCol string // the CSV columns used as x and y when Source is SourceCSV; "" means the first two
}

// HideNames returns the parts of the page that [Settings.Hide] may name.
func HideNames() []string {
	return []string{"header", "data", "model", "training", "buttons",
		"numbers", "hints", "data-chart", "parity-chart", "loss-chart", "export", "footer"}
}

// Validate checks every setting and returns nil or the problems joined with
// errors.Join. Data problems wrap [ErrData], display problems [ErrDisplay],
// and training problems come from [train.Config.Validate].
func (s Settings) Validate() error {
	var errs []error
	if err := s.Data.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := s.Train.Validate(); err != nil {
		errs = append(errs, err)
	}
	if err := validateDisplay(s); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// Validate checks the data settings; each error wraps [ErrData].
func (d DataSettings) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrData, fmt.Sprintf(format, args...))
	}
	switch d.Source {
	case SourcePreset, "":
		if _, ok := data.LookupPreset(d.Preset); !ok || d.Preset != strings.ToLower(d.Preset) {
			return bad("data preset %q, want one of %s", d.Preset, strings.Join(dataPresetNames(), ", "))
		}
	case SourceFormula:
		if len(d.Formula) > MaxFormulaLen {
			return bad("formula of %d bytes, want at most %d", len(d.Formula), MaxFormulaLen)
		}
	case SourceCSV:
	default:
		return bad("source %q, want preset, formula or csv", d.Source)
	}
	if d.N < MinSamples || d.N > MaxSamples {
		return bad("%d samples, want %d to %d", d.N, MinSamples, MaxSamples)
	}
	if !(d.Noise >= 0 && d.Noise <= MaxNoise) {
		return bad("noise %v, want 0 to %g", d.Noise, float64(MaxNoise))
	}
	if !(d.XMin >= -MaxAbsX && d.XMin < d.XMax && d.XMax <= MaxAbsX) {
		return xRangeError(d.XMin, d.XMax)
	}
	if d.Seed > MaxSeed {
		return bad("seed %d, want 0 to %d", d.Seed, uint64(MaxSeed))
	}
	for _, col := range []string{d.XCol, d.YCol} {
		if err := checkText(col, MaxColumnLen); err != nil {
			return bad("column name %q: %v", col, err)
		}
	}
	return nil
}

// validateDisplay checks the display flags and the preset name.
func validateDisplay(s Settings) error {
	if s.Preset != "" {
		if _, ok := LookupPreset(s.Preset); !ok {
			return fmt.Errorf("%w: preset %q, want one of %s", ErrDisplay, s.Preset,
				strings.Join(presetNames(), ", "))
		}
	}
	if len(s.Hide) > MaxHidden {
		return fmt.Errorf("%w: %d names to hide, want at most %d", ErrDisplay, len(s.Hide), MaxHidden)
	}
	for _, name := range s.Hide {
		if !slices.Contains(HideNames(), name) {
			return fmt.Errorf("%w: cannot hide %q, want one of %s", ErrDisplay, name,
				strings.Join(HideNames(), ", "))
		}
	}
	return nil
}

// xRangeError says plainly what is wrong with an x range, wrapping
// [ErrData].
func xRangeError(lo, hi float64) error {
	if !(lo < hi) {
		return fmt.Errorf("%w: xmin (%v) must be below xmax (%v)", ErrData, lo, hi)
	}
	return fmt.Errorf("%w: xmin and xmax (%v and %v) must lie from -%g to %g",
		ErrData, lo, hi, float64(MaxAbsX), float64(MaxAbsX))
}

// checkText refuses text longer than max bytes, text that is not UTF-8, and
// control characters.
func checkText(s string, max int) error {
	if len(s) > max {
		return fmt.Errorf("%d bytes, want at most %d", len(s), max)
	}
	for _, r := range s {
		// A range loop yields utf8.RuneError for invalid bytes; the
		// replacement character itself is refused along with them.
		if unicode.IsControl(r) || r == utf8.RuneError {
			return errors.New("holds control characters or invalid UTF-8")
		}
	}
	return nil
}

// dataPresetNames returns the names of the data presets.
func dataPresetNames() []string {
	var names []string
	for _, p := range data.Presets() {
		names = append(names, p.Name)
	}
	return names
}

// finite reports whether v is neither NaN nor infinite.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// normalize returns s with every setting that train reads as "the default"
// when zero replaced by that default, and empty lists as nil, so that two
// Settings that run the same compare equal and print the same fragment.
func (s Settings) normalize() Settings {
	c := &s.Train
	c.Optimizer = strings.ToLower(strings.TrimSpace(c.Optimizer))
	if c.Optimizer == "" {
		c.Optimizer = train.Adam
	}
	if c.LearningRate == 0 {
		c.LearningRate = train.DefaultLearningRate(c.Optimizer)
	}
	fill := func(v *float64, def float64) {
		if *v == 0 {
			*v = def
		}
	}
	fill(&c.Beta1, 0.9)
	fill(&c.Beta2, 0.999)
	fill(&c.Epsilon, 1e-7)
	fill(&c.Rho, 0.9)
	if c.BatchSize == 0 {
		c.BatchSize = train.DefaultBatchSize
	}
	if c.Epochs == 0 {
		c.Epochs = train.DefaultEpochs
	}
	if c.Schedule == "constant" {
		c.Schedule = train.ScheduleConstant
	}
	c.Model.Inputs = 0
	if len(c.Model.Hidden) == 0 {
		c.Model.Hidden = nil
	}
	if len(s.Hide) == 0 {
		s.Hide = nil
	}
	if s.Data.Source == "" {
		s.Data.Source = SourcePreset
	}
	if s.Data.Source != SourcePreset {
		s.Data.Preset = ""
	}
	return s
}

// clone returns a copy of s that shares no slice with it.
func (s Settings) clone() Settings {
	s.Train.Model.Hidden = slices.Clone(s.Train.Model.Hidden)
	s.Hide = slices.Clone(s.Hide)
	return s
}
