package export

import (
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"math"
	"strconv"
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

// The model file is a JSON object with these members, in this order:
//
//	format    "netfit-model"
//	version   1
//	settings  the run's URL fragment ([settings.Settings.Fragment])
//	data      the data settings again, for people (Load reads settings)
//	layers    units of every dense layer, output last, for people
//	scalers   {"x": {"mean", "std"}, "y": {"mean", "std"}}
//	epochs    epochs trained
//	params    every weight and bias, little-endian float32, base64
//	rows      {"x": [...], "y": [...]}, only when the data are stored
//
// Load ignores members it does not know, so later versions may add some.

// Save writes the trainer's network as a netfit model file (indented JSON)
// with the settings s of the run. rows, when not nil, are stored too: pass
// the data when they come from a CSV file, which the settings cannot
// regenerate, and nil for generated data.
func Save(s settings.Settings, t *train.Trainer, rows *data.Set) ([]byte, error) {
	x, y := t.Scalers()
	m := t.Model()
	d := s.Data
	q, num := jsonString, jsonNumber
	var units []string
	for _, l := range m.Dense() {
		units = append(units, strconv.Itoa(l.Out))
	}
	scaler := func(s data.Scaler) string { return jsonObject("", "mean", num(s.Mean), "std", num(s.Std)) }
	kv := []string{
		"format", q(ModelFormat),
		"version", strconv.Itoa(ModelVersion),
		"settings", q(s.Fragment()),
		"data", jsonObject("", "source", q(d.Source), "preset", q(d.Preset),
			"formula", q(d.Formula), "n", strconv.Itoa(d.N), "noise", num(d.Noise),
			"xmin", num(d.XMin), "xmax", num(d.XMax), "seed", strconv.FormatUint(d.Seed, 10),
			"xcol", q(d.XCol), "ycol", q(d.YCol)),
		"layers", "[" + strings.Join(units, ", ") + "]",
		"scalers", jsonObject("", "x", scaler(x), "y", scaler(y)),
		"epochs", strconv.Itoa(len(t.History())),
		"params", q(base64.StdEncoding.EncodeToString(float32Bytes(m.Params))),
	}
	if rows != nil {
		kv = append(kv, "rows", jsonObject("", "x", jsonNumbers(rows.X), "y", jsonNumbers(rows.Y)))
	}
	return []byte(jsonObject("  ", kv...) + "\n"), nil
}

// Load reads a model file written by [Save]. It returns an error wrapping
// [ErrFormat] for anything that is not a complete, consistent netfit model
// file (settings that do not read, weights that do not fit the network)
// and [ErrVersion] for a file from a newer netfit.
func Load(b []byte) (*Model, error) {
	v, err := parseJSON(string(b))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	f, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%w: not a JSON object", ErrFormat)
	}
	if format, _ := f["format"].(string); format != ModelFormat {
		return nil, fmt.Errorf("%w: format %q, want %q", ErrFormat, format, ModelFormat)
	}
	version, _ := f["version"].(float64)
	if !(version >= 1 && version <= ModelVersion) {
		return nil, fmt.Errorf("%w: version %v, this netfit reads 1 to %d",
			ErrVersion, f["version"], ModelVersion)
	}
	fragment, _ := f["settings"].(string)
	s, problems := settings.ParseFragment(fragment, settings.Default())
	if len(problems) > 0 {
		msgs := make([]string, len(problems))
		for i, p := range problems {
			msgs[i] = refusedSetting(p.Message)
		}
		return nil, fmt.Errorf("%w: settings: %s", ErrFormat, strings.Join(msgs, "; "))
	}
	text, _ := f["params"].(string)
	params, err := decodeParams(text, s)
	if err != nil {
		return nil, err
	}
	m := &Model{Settings: s, Params: params}
	if e, ok := f["epochs"].(float64); ok {
		m.Epochs = int(e)
	}
	scalers, _ := f["scalers"].(map[string]any)
	if m.X, err = readScaler(scalers, "x"); err != nil {
		return nil, err
	}
	if m.Y, err = readScaler(scalers, "y"); err != nil {
		return nil, err
	}
	if rows, ok := f["rows"].(map[string]any); ok {
		if m.Rows, err = readRows(rows); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// readScaler reads the scaler named key from the scalers member.
func readScaler(scalers map[string]any, key string) (data.Scaler, error) {
	o, _ := scalers[key].(map[string]any)
	mean, ok1 := o["mean"].(float64)
	std, ok2 := o["std"].(float64)
	if !ok1 || !ok2 {
		return data.Scaler{}, fmt.Errorf("%w: scalers.%s needs a numeric mean and std", ErrFormat, key)
	}
	return data.Scaler{Mean: mean, Std: std}, nil
}

// readRows reads the stored data: two arrays of numbers of equal length.
func readRows(rows map[string]any) (*data.Set, error) {
	xs, _ := rows["x"].([]any)
	ys, _ := rows["y"].([]any)
	if len(xs) != len(ys) {
		return nil, fmt.Errorf("%w: rows hold %d x values and %d targets", ErrFormat, len(xs), len(ys))
	}
	set := &data.Set{X: make([]float64, len(xs)), Y: make([]float64, len(ys))}
	for i := range xs {
		x, ok1 := xs[i].(float64)
		y, ok2 := ys[i].(float64)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("%w: row %d is not two numbers", ErrFormat, i+1)
		}
		set.X[i], set.Y[i] = x, y
	}
	return set, nil
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

// BUG(export): A model file keeps the weights but not the optimizer's
// moments, so training that continues from it starts Adam, RMSprop or
// momentum afresh, and counts epochs from 0 again.

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

// refusedSetting turns the message of a settings problem into a reason for
// refusing the file: settings.ParseFragment says what it uses instead
// ("… Using 0.01." or "…; using xmin=-15, xmax=15 instead."), which does not
// apply to a file that is not loaded, and the final period goes, as in any
// error string.
func refusedSetting(msg string) string {
	msg = strings.TrimSuffix(msg, ".")
	for _, sep := range []string{". Using ", "; using "} {
		if i := strings.LastIndex(msg, sep); i >= 0 {
			msg = msg[:i]
		}
	}
	return msg
}
