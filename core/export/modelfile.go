package export

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"netfit/core/data"
	"netfit/core/settings"
	"netfit/core/train"
)

// The format name and version of netfit's model file. [Load] reads
// versions up to ModelVersion and refuses newer ones with [ErrVersion].
const (
	ModelFormat  = "netfit-model"
	ModelVersion = 1
)

// Model is a netfit model file read by [Load]: the settings of the run,
// the scalers fitted on its training rows and the weights.
type Model struct {
	Settings settings.Settings
	X, Y     data.Scaler // the scalers of x and y; the zero value when scaling was off
	Params   []float32   // every weight and bias, in nn.MLP's layout
	Epochs   int         // epochs trained when the file was written
	// Rows holds the data when the file carries them (a CSV's rows, which
	// the settings cannot regenerate); nil otherwise.
	Rows *data.Set
}

// modelFile is the JSON form of a model file. Fields are written in this
// order; unknown fields are ignored when reading, so later versions may add
// some.
type modelFile struct {
	Format   string `json:"format"`  // "netfit-model"
	Version  int    `json:"version"` // 1
	Settings string `json:"settings"`
	// Data repeats the data settings for people reading the file; Load
	// takes them from Settings.
	Data    dataJSON    `json:"data"`
	Layers  []int       `json:"layers"` // units of every dense layer, output last, for people
	Scalers scalersJSON `json:"scalers"`
	Epochs  int         `json:"epochs"`
	// Params is every weight and bias as little-endian float32, base64.
	Params string    `json:"params"`
	Rows   *rowsJSON `json:"rows,omitempty"`
}

type dataJSON struct {
	Source  string  `json:"source"`
	Preset  string  `json:"preset,omitempty"`
	Formula string  `json:"formula,omitempty"`
	N       int     `json:"n"`
	Noise   float64 `json:"noise"`
	XMin    float64 `json:"xmin"`
	XMax    float64 `json:"xmax"`
	Seed    uint64  `json:"seed"`
	XCol    string  `json:"xcol,omitempty"`
	YCol    string  `json:"ycol,omitempty"`
}

type scalerJSON struct {
	Mean float64 `json:"mean"`
	Std  float64 `json:"std"`
}

type scalersJSON struct {
	X scalerJSON `json:"x"`
	Y scalerJSON `json:"y"`
}

type rowsJSON struct {
	X []float64 `json:"x"`
	Y []float64 `json:"y"`
}

// Save writes the trainer's network as a netfit model file (indented JSON)
// with the settings s of the run. rows, when not nil, are stored too: pass
// the data when they come from a CSV file, which the settings cannot
// regenerate, and nil for generated data.
func Save(s settings.Settings, t *train.Trainer, rows *data.Set) ([]byte, error) {
	x, y := t.Scalers()
	m := t.Model()
	d := s.Data
	f := modelFile{
		Format: ModelFormat, Version: ModelVersion,
		Settings: s.Fragment(),
		Data: dataJSON{Source: d.Source, Preset: d.Preset, Formula: d.Formula, N: d.N,
			Noise: d.Noise, XMin: d.XMin, XMax: d.XMax, Seed: d.Seed, XCol: d.XCol, YCol: d.YCol},
		Scalers: scalersJSON{X: scalerJSON{x.Mean, x.Std}, Y: scalerJSON{y.Mean, y.Std}},
		Epochs:  len(t.History()),
		Params:  base64.StdEncoding.EncodeToString(float32Bytes(m.Params)),
	}
	for _, l := range m.Dense() {
		f.Layers = append(f.Layers, l.Out)
	}
	if rows != nil {
		f.Rows = &rowsJSON{X: rows.X, Y: rows.Y}
	}
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export: model file: %v", err)
	}
	return append(b, '\n'), nil
}

// Load reads a model file written by [Save]. It returns an error wrapping
// [ErrFormat] for anything that is not a complete, consistent netfit model
// file (settings that do not read, weights that do not fit the network)
// and [ErrVersion] for a file from a newer netfit.
func Load(b []byte) (*Model, error) {
	var f modelFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if f.Format != ModelFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrFormat, f.Format, ModelFormat)
	}
	if f.Version < 1 || f.Version > ModelVersion {
		return nil, fmt.Errorf("%w: version %d, this netfit reads 1 to %d",
			ErrVersion, f.Version, ModelVersion)
	}
	s, problems := settings.ParseFragment(f.Settings, settings.Default())
	if len(problems) > 0 {
		msgs := make([]string, len(problems))
		for i, p := range problems {
			msgs[i] = p.Message
		}
		return nil, fmt.Errorf("%w: settings: %s", ErrFormat, strings.Join(msgs, "; "))
	}
	params, err := decodeParams(f.Params, s)
	if err != nil {
		return nil, err
	}
	m := &Model{Settings: s, Params: params, Epochs: f.Epochs,
		X: data.Scaler{Mean: f.Scalers.X.Mean, Std: f.Scalers.X.Std},
		Y: data.Scaler{Mean: f.Scalers.Y.Mean, Std: f.Scalers.Y.Std}}
	if f.Rows != nil {
		if len(f.Rows.X) != len(f.Rows.Y) {
			return nil, fmt.Errorf("%w: rows hold %d x values and %d targets",
				ErrFormat, len(f.Rows.X), len(f.Rows.Y))
		}
		m.Rows = &data.Set{X: f.Rows.X, Y: f.Rows.Y}
	}
	return m, nil
}

// decodeParams decodes the weights and checks their number against the
// network the settings describe.
func decodeParams(text string, s settings.Settings) ([]float32, error) {
	raw, err := base64.StdEncoding.DecodeString(text)
	if err != nil {
		return nil, fmt.Errorf("%w: params: %v", ErrFormat, err)
	}
	spec := s.Train.Model
	spec.Inputs = s.Train.Features.Count()
	want := spec.NumParams()
	if len(raw) != 4*want {
		return nil, fmt.Errorf("%w: %d bytes of weights, the network needs %d (%d float32)",
			ErrFormat, len(raw), 4*want, want)
	}
	params := make([]float32, want)
	for i := range params {
		params[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
	}
	return params, nil
}

// Trainer builds a trainer for the model's settings on set (the data the
// model was trained on: regenerate it from Settings.Data, or use Rows) and
// puts the model's weights in, so training continues where the file left
// off. The optimizer starts afresh (its moments are not stored) and the
// trainer counts epochs from 0 again. It returns an error wrapping
// [ErrDataChanged] when set's scalers differ from the file's, since the
// weights expect the file's, and the errors of [train.New].
func (m *Model) Trainer(set data.Set) (*train.Trainer, error) {
	t, err := train.New(m.Settings.Train, set)
	if err != nil {
		return nil, err
	}
	x, y := t.Scalers()
	if !sameScaler(x, m.X) || !sameScaler(y, m.Y) {
		return nil, fmt.Errorf("%w: x mean %g σ %g and y mean %g σ %g, the file has "+
			"x mean %g σ %g and y mean %g σ %g; load the data the model was trained on",
			ErrDataChanged, x.Mean, x.Std, y.Mean, y.Std, m.X.Mean, m.X.Std, m.Y.Mean, m.Y.Std)
	}
	copy(t.Model().Params, m.Params)
	return t, nil
}

// sameScaler reports whether two scalers agree within 1e-9 relative (the
// file stores them exactly; the slack covers a CSV re-read with other
// rounding).
func sameScaler(a, b data.Scaler) bool {
	near := func(u, v float64) bool {
		return math.Abs(u-v) <= 1e-9*math.Max(1, math.Max(math.Abs(u), math.Abs(v)))
	}
	return near(a.Mean, b.Mean) && near(stdOf(a), stdOf(b))
}

// float32Bytes returns v as little-endian bytes.
func float32Bytes(v []float32) []byte {
	b := make([]byte, 0, 4*len(v))
	for _, f := range v {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(f))
	}
	return b
}
