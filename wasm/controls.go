//go:build js && wasm

package main

import (
	"errors"
	"math"
	"strconv"
	"strings"
	"syscall/js"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/settings"
	"netfit/core/train"
	"netfit/core/view"
)

// effect says what a control change needs besides saving the settings.
type effect int

const (
	retrain    effect = iota // a new trainer in the worker
	redata                   // new data, then a new trainer
	resplit                  // a new split of the same data, then a new trainer
	redrawOnly               // a display setting: only redraw
)

// control binds one element to one setting. read stores the element's value
// into the settings and returns an error for an invalid value; write shows
// the setting in the element.
type control struct {
	id     string
	event  string // "input" for sliders (live), "change" for the rest
	key    string // the URL fragment key of the setting, or "" (keyControl)
	effect effect
	read   func(s *settings.Settings, v js.Value) error
	write  func(s *settings.Settings, v js.Value)
	inUse  func(s *settings.Settings) string // the value in use, when key does not say it; or nil
}

// errNotNumber is the message for an empty or malformed number field.
var errNotNumber = errors.New("enter a number")

// numberOf reads an input's valueAsNumber, refusing an empty field.
func numberOf(v js.Value) (float64, error) {
	f := v.Get("valueAsNumber").Float()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errNotNumber
	}
	return f, nil
}

// intOf reads a whole number.
func intOf(v js.Value) (int, error) {
	f, err := numberOf(v)
	if err != nil {
		return 0, err
	}
	if f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, errors.New("enter a whole number")
	}
	return int(f), nil
}

// setNumber shows a number in an input, as the shortest exact decimal.
func setNumber(v js.Value, f float64) {
	s := strconv.FormatFloat(f, 'g', -1, 64)
	s = strings.Replace(strings.Replace(s, "e-0", "e-", 1), "e+0", "e+", 1) // 1e-08 → 1e-8
	v.Set("value", s)
}

// keyControl binds a number input to the setting of a URL fragment key.
// What may be typed follows the link's rules ([settings.Settings.Set]), so
// the page never takes a value that its own link would refuse.
func keyControl(id, key string, e effect, whole bool, get func(s *settings.Settings) float64) control {
	return control{id: id, event: "change", effect: e, key: key,
		read:  func(s *settings.Settings, v js.Value) error { return s.Set(key, numberText(v, whole)) },
		write: func(s *settings.Settings, v js.Value) { setNumber(v, get(s)) },
	}
}

// numberText returns a number input's value as a link writes it, or ""
// when the field holds no number (empty, or text the browser cannot read).
// A whole number is written without an exponent, so 1e9 reads as
// 1000000000 and is refused for being too large, not for not being whole.
func numberText(v js.Value, whole bool) string {
	f := v.Get("valueAsNumber").Float()
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	if whole && f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// checkControl binds a checkbox to a bool setting.
func checkControl(id string, e effect, field func(s *settings.Settings) *bool) control {
	return control{id: id, event: "change", effect: e,
		read: func(s *settings.Settings, v js.Value) error {
			*field(s) = v.Get("checked").Bool()
			return nil
		},
		write: func(s *settings.Settings, v js.Value) { v.Set("checked", *field(s)) },
	}
}

// selectControl binds a select to a setting kept as a string.
func selectControl(id string, e effect, set func(s *settings.Settings, value string) error,
	get func(s *settings.Settings) string) control {
	return control{id: id, event: "change", effect: e,
		read:  func(s *settings.Settings, v js.Value) error { return set(s, v.Get("value").String()) },
		write: func(s *settings.Settings, v js.Value) { v.Set("value", get(s)) },
	}
}

// controls lists every control except the layer editor (layers.go).
func controls() []control {
	t := func(s *settings.Settings) *train.Config { return &s.Train }
	return []control{
		selectControl(idDataPreset, redata, setDataPreset,
			func(s *settings.Settings) string { return s.Data.Preset }),
		withEvent("input", keyControl(idSamples, "n", redata, true,
			func(s *settings.Settings) float64 { return float64(s.Data.N) })),
		withEvent("input", keyControl(idNoise, "noise", redata, false,
			func(s *settings.Settings) float64 { return s.Data.Noise })),
		keyControl(idXMin, "xmin", redata, false, func(s *settings.Settings) float64 { return s.Data.XMin }),
		keyControl(idXMax, "xmax", redata, false, func(s *settings.Settings) float64 { return s.Data.XMax }),
		keyControl(idSeed, "seed", redata, true, func(s *settings.Settings) float64 { return float64(s.Data.Seed) }),

		selectControl(idOutputActivation, retrain,
			func(s *settings.Settings, v string) (err error) {
				s.Train.Model.Output, err = nn.ParseActivation(v)
				return err
			},
			func(s *settings.Settings) string { return s.Train.Model.Output.String() }),
		selectControl(idInitializer, retrain,
			func(s *settings.Settings, v string) (err error) {
				s.Train.Model.Init, err = nn.ParseInitializer(v)
				return err
			},
			func(s *settings.Settings) string { return s.Train.Model.Init.String() }),
		checkControl(idScaleX, retrain, func(s *settings.Settings) *bool { return &t(s).ScaleX }),
		checkControl(idScaleY, retrain, func(s *settings.Settings) *bool { return &t(s).ScaleY }),
		keyControl(idDropout, "dropout", retrain, false, func(s *settings.Settings) float64 { return t(s).Model.Dropout }),
		keyControl(idL2, "l2", retrain, false, func(s *settings.Settings) float64 { return t(s).Model.L2 }),

		selectControl(idOptimizer, retrain,
			func(s *settings.Settings, v string) error { s.Train.Optimizer = v; return nil },
			func(s *settings.Settings) string { return s.Train.Optimizer }),
		{id: idLearningRate, event: "input", effect: retrain,
			read: func(s *settings.Settings, v js.Value) error {
				f, err := numberOf(v)
				if err == nil {
					s.Train.LearningRate = roundRate(math.Pow(10, f))
				}
				return err
			},
			write: func(s *settings.Settings, v js.Value) {
				setSlider(v, math.Log10(s.Train.EffectiveLearningRate()))
			}},
		keyControl(idBeta1, "beta1", retrain, false, func(s *settings.Settings) float64 { return t(s).Beta1 }),
		keyControl(idBeta2, "beta2", retrain, false, func(s *settings.Settings) float64 { return t(s).Beta2 }),
		keyControl(idEpsilon, "eps", retrain, false, func(s *settings.Settings) float64 { return t(s).Epsilon }),
		keyControl(idMomentum, "momentum", retrain, false, func(s *settings.Settings) float64 { return t(s).Momentum }),
		keyControl(idRho, "rho", retrain, false, func(s *settings.Settings) float64 { return t(s).Rho }),
		checkControl(idNesterov, retrain, func(s *settings.Settings) *bool { return &t(s).Nesterov }),
		selectControl(idSchedule, retrain,
			func(s *settings.Settings, v string) error { s.Train.Schedule = v; return nil },
			func(s *settings.Settings) string { return strings.TrimPrefix(s.Train.Schedule, "constant") }),
		selectControl(idLoss, retrain,
			func(s *settings.Settings, v string) (err error) {
				s.Train.Loss, err = nn.ParseLoss(v)
				return err
			},
			func(s *settings.Settings) string { return s.Train.Loss.String() }),
		keyControl(idBatchSize, "batch", retrain, true, func(s *settings.Settings) float64 { return float64(t(s).BatchSize) }),
		keyControl(idEpochs, "epochs", retrain, true, func(s *settings.Settings) float64 { return float64(t(s).Epochs) }),
		keyControl(idValFraction, "val", resplit, false, func(s *settings.Settings) float64 { return t(s).ValFraction }),
		selectControl(idSplit, resplit,
			func(s *settings.Settings, v string) (err error) {
				s.Train.Split, err = data.ParseSplitKind(v)
				return err
			},
			func(s *settings.Settings) string { return s.Train.Split.String() }),
		keyControl(idPatience, "patience", retrain, true, func(s *settings.Settings) float64 { return float64(t(s).Patience) }),
		checkControl(idRestoreBest, retrain, func(s *settings.Settings) *bool { return &t(s).RestoreBest }),
		checkControl(idShowPoints, redrawOnly, func(s *settings.Settings) *bool { return &s.ShowPoints }),
	}
}

// withEvent returns c listening to another event ("input" for a slider).
func withEvent(event string, c control) control {
	c.event = event
	return c
}

// setDataPreset switches to a data preset with its own sample count, noise
// and x range, keeping the seed.
func setDataPreset(s *settings.Settings, name string) error {
	p, ok := data.LookupPreset(name)
	if !ok {
		return errors.New("unknown data set " + strconv.Quote(name))
	}
	s.Data.Source, s.Data.Preset = settings.SourcePreset, p.Name
	s.Data.N, s.Data.Noise, s.Data.XMin, s.Data.XMax = p.N, p.Noise, p.XMin, p.XMax
	return nil
}

// setSlider shows v on a range input, widening its range when v lies
// outside (a link may ask for more samples than the slider's usual range).
func setSlider(v js.Value, f float64) {
	if lo, err := strconv.ParseFloat(v.Get("min").String(), 64); err == nil && f < lo {
		v.Set("min", strconv.FormatFloat(f, 'g', -1, 64))
	}
	if hi, err := strconv.ParseFloat(v.Get("max").String(), 64); err == nil && f > hi {
		v.Set("max", strconv.FormatFloat(f, 'g', -1, 64))
	}
	setNumber(v, f)
}

// roundRate rounds a learning rate from the log slider to two significant
// digits, so the slider gives 0.0032 rather than 0.0031622776601683794.
func roundRate(lr float64) float64 {
	f, _ := strconv.ParseFloat(strconv.FormatFloat(lr, 'g', 2, 64), 64)
	return f
}

// buildControls fills the select menus and listens to every control.
func (p *page) buildControls() {
	p.fillSelect(idDataPreset, dataPresetOptions())
	var acts, inits, losses [][2]string
	for _, a := range nn.Activations() {
		acts = append(acts, [2]string{a.String(), a.String()})
	}
	for i := nn.GlorotUniform; i <= nn.Zeros; i++ {
		inits = append(inits, [2]string{i.String(), initializerLabel(i)})
	}
	for _, l := range []nn.Loss{nn.MSE, nn.MAE, nn.Huber} {
		losses = append(losses, [2]string{l.String(), strings.ToUpper(l.String())})
	}
	p.fillSelect(idOutputActivation, acts)
	p.fillSelect(idInitializer, inits)
	p.fillSelect(idLoss, losses)

	for _, c := range controls() {
		p.listen(c)
	}
	p.buildLayerEditor()
	p.buildButtons()
	p.buildDataInput()
}

// initializerLabel names an initializer in the menu.
func initializerLabel(i nn.Initializer) string {
	switch i {
	case nn.Normal:
		return "normal (N(0, 0.05), the tutorial's)"
	case nn.Zeros:
		return "zeros (every unit starts the same)"
	case nn.GlorotUniform:
		return "glorot_uniform (Keras default)"
	}
	return i.String()
}

// dataPresetOptions lists the data presets for the menu.
func dataPresetOptions() [][2]string {
	var opts [][2]string
	for _, pr := range data.Presets() {
		opts = append(opts, [2]string{pr.Name, pr.Title})
	}
	return opts
}

// fillSelect replaces a select's options with (value, label) pairs.
func (p *page) fillSelect(id string, options [][2]string) {
	sel := p.el(id)
	sel.SetInnerHTML("")
	for _, o := range options {
		opt := p.create("option")
		opt.SetAttribute("value", o[0])
		opt.SetTextContent(o[1])
		sel.AppendChild(opt)
	}
}

// listen applies a control's value when it changes.
func (p *page) listen(c control) {
	el := p.el(c.id)
	el.AddEventListener(c.event, func(js.Value) {
		next := p.s
		next.Train.Model.Hidden = append([]nn.Layer(nil), p.s.Train.Model.Hidden...)
		if err := c.read(&next, el.Value); err != nil {
			// The typed text stays in the field, the settings (and the link)
			// keep the value in use, and Train refuses until it is fixed.
			p.refuse(c.id, err.Error())
			return
		}
		p.untype(c.id)
		p.apply(next, c.effect)
		p.retryTyped()
	})
}

// untype forgets that the value typed in a field was refused, and clears
// its message.
func (p *page) untype(id string) {
	if e := p.doc.GetElementByID(id); e.Exists() { // a layer's row may be gone
		e.RemoveAttribute("aria-invalid")
	}
	delete(p.typed, id)
	p.setError(errorSlot(id), "")
}

// refuse records that the value typed in a field was refused, and shows
// why in red; the text stays in the field.
func (p *page) refuse(id, msg string) {
	if p.typed == nil {
		p.typed = map[string]string{}
	}
	p.typed[id] = msg
	p.setError(errorSlot(id), msg)
	if e := p.doc.GetElementByID(id); e.Exists() {
		e.SetAttribute("aria-invalid", "true")
	}
}

// retryTyped reads again each field whose typed value was refused, and
// takes those that now fit: xmin=20 is refused while xmax is 15, and is
// taken once xmax=30 is.
func (p *page) retryTyped() {
	for _, c := range p.allControls() {
		if _, bad := p.typed[c.id]; !bad {
			continue
		}
		next := p.s
		next.Train.Model.Hidden = append([]nn.Layer(nil), p.s.Train.Model.Hidden...)
		if c.read(&next, p.el(c.id).Value) == nil {
			p.untype(c.id)
			p.apply(next, c.effect)
		}
	}
}

// errorSlot returns the id of the element that shows a control's errors.
func errorSlot(id string) string {
	switch id {
	case idXMin, idXMax:
		return idXRange
	case idBeta1, idBeta2, idEpsilon, idMomentum, idRho, idNesterov, idSchedule:
		return idAdvanced
	case idSplit:
		return idValFraction
	case idRestoreBest:
		return idPatience
	case idLoss, idShowPoints, idScaleX, idScaleY:
		return idRunError
	case idFeaturePeriodic:
		return idFeaturePeriod
	}
	if strings.HasPrefix(id, layerUnitsPrefix) {
		return idLayers
	}
	return id
}

// writeControls shows the settings in every control, except a field whose
// typed value was refused: it keeps the text until the user changes it or
// new settings replace them all (forgetTyped).
func (p *page) writeControls() {
	for _, c := range controls() {
		if _, bad := p.typed[c.id]; bad {
			continue
		}
		v := p.el(c.id).Value
		c.write(&p.s, v)
	}
	p.writeLayers()
	p.writeOutputs()
	p.writeDataInput()
}

// writeOutputs updates the texts derived from the settings: slider
// values, the formula of the data set and the number of weights.
func (p *page) writeOutputs() {
	s := &p.s
	p.setText(idSamples+"-value", strconv.Itoa(s.Data.N))
	p.setText(idNoise+"-value", view.Number(s.Data.Noise, 3))
	p.setText(idLearningRate+"-value", view.Number(s.Train.EffectiveLearningRate(), 2))
	p.writeRateHelp()
	formula := ""
	if pr, ok := data.LookupPreset(s.Data.Preset); ok && s.Data.Source != settings.SourceFormula {
		formula = "y = " + pr.Formula + " + noise"
	}
	p.setText(idDataFormula, formula)

	spec := s.Train.Model
	spec.Inputs = s.Train.Features.Count()
	n := spec.NumParams()
	text := groupDigits(n)
	if n > nn.MaxParams {
		text += " (too many: at most " + groupDigits(nn.MaxParams) + ")"
	}
	p.setText(idWeightsCount, text)
}

// groupDigits writes n with thin spaces between groups of three digits.
func groupDigits(n int) string {
	s := strconv.Itoa(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202f")
		}
		b.WriteRune(r)
	}
	return b.String()
}

// setError shows (or, with "", clears) an error next to a control.
func (p *page) setError(id, msg string) {
	if id == idRunError {
		p.showRunError(msg)
		return
	}
	if e := p.doc.GetElementByID(id + "-error"); e.Exists() {
		e.SetTextContent(msg)
	}
	if id == idAdvanced && msg != "" {
		p.el(idAdvanced).SetAttribute("open", "")
	}
}

// showRunError shows a message under the Train button.
func (p *page) showRunError(msg string) { p.setText(idRunError, msg) }

// clearFieldErrors clears the error slots of the training settings, then
// shows again why a typed value is not used.
func (p *page) clearFieldErrors() {
	for _, id := range fieldControls {
		if id != idRunError {
			p.setError(id, "")
		}
	}
	for id, msg := range p.typed {
		p.setError(errorSlot(id), msg)
	}
}

// forgetTyped drops the refused typed values and their messages, before
// new settings (a link, a preset, the API) rewrite every field.
func (p *page) forgetTyped() {
	for id := range p.typed {
		p.untype(id)
	}
}

// allControls lists the controls of controls() and of the data panel
// (dataInputControls), every field that may hold a refused value but the
// layer widths (layers.go).
func (p *page) allControls() []control {
	return append(controls(), dataInputControls(p)...)
}

// typedProblem returns why training cannot start while fields hold refused
// values, or "": with one field, its message and the value in use; with
// several, how many and each one's message, so the count is the number of
// fields in red.
func (p *page) typedProblem() string {
	var msgs []string
	inUse := ""
	for _, c := range p.allControls() {
		msg, bad := p.typed[c.id]
		if !bad || (len(msgs) > 0 && msgs[len(msgs)-1] == msg) {
			continue // the box and the field of P share one message
		}
		msgs = append(msgs, msg)
		switch {
		case c.inUse != nil:
			inUse = c.inUse(&p.s)
		case c.key != "":
			inUse = p.s.Value(c.key)
		}
	}
	for i := range p.s.Train.Model.Hidden {
		if msg, bad := p.typed[layerUnitsID(i)]; bad {
			msgs = append(msgs, msg)
			inUse = strconv.Itoa(p.s.Train.Model.Hidden[i].Units)
		}
	}
	switch {
	case len(msgs) == 0:
		return ""
	case len(msgs) == 1 && inUse != "":
		return "Not training: fix the field marked in red. " + msgs[0] +
			" The value in use is " + inUse + "."
	case len(msgs) == 1:
		return "Not training: fix the field marked in red. " + msgs[0]
	}
	return "Not training: fix the " + strconv.Itoa(len(msgs)) + " fields marked in red. " +
		strings.Join(msgs, " ")
}

// apply takes new settings after a control changed: it saves them, tells
// the worker and redraws.
func (p *page) apply(next settings.Settings, e effect) {
	next.Preset = ""
	p.s = next
	p.save()
	p.writeOutputs()
	switch e {
	case redrawOnly:
		p.dirty = true
		return
	case redata:
		p.regenerate()
	case resplit:
		p.resplit()
	}
	p.showValidation()
	p.configureWorker()
	p.setStatus("Settings changed: the model starts over. Press Train.")
	p.noDataStatus()
}

// showValidation shows the errors of the settings next to their controls.
func (p *page) showValidation() {
	p.clearFieldErrors()
	err := p.s.Train.Validate()
	if err == nil {
		return
	}
	var errs interface{ Unwrap() []error }
	list := []error{err}
	if errors.As(err, &errs) {
		list = errs.Unwrap()
	}
	for _, e := range list {
		id := idRunError
		var fe *train.FieldError
		if errors.As(e, &fe) && fieldControls[fe.Field] != "" {
			id = fieldControls[fe.Field]
		}
		p.setError(id, e.Error())
	}
}
