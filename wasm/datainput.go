//go:build js && wasm

package main

import (
	"errors"
	"strconv"
	"strings"
	"syscall/js"

	"netfit/core/data"
	"netfit/core/formula"
	"netfit/core/settings"
	"netfit/core/source"
	"netfit/core/table"
	"netfit/core/view"
)

// Where localStorage keeps the user's table between visits: the text and
// where it came from (a file name, "pasted", ...).
const (
	tableKey     = "netfit.table"
	tableNameKey = "netfit.table-name"
)

// maxShownTable is the largest table copied into the paste box; a bigger
// file stays out of it, so the text area does not slow the page down.
const maxShownTable = 256 << 10

// dataInput is the state of the data panel's own sources: the user's table
// and what the last load of the data made of it.
type dataInput struct {
	text    string // the user's table, "" when none was given
	name    string // where it came from, for messages
	version int    // counts changes of text, the key of the cache below
	stored  string // a sentence when the table could not be kept for reload, else ""

	lastPreset string // the data preset to go back to from a formula or a table

	// The last source.Load of the table, reused while the text and the
	// columns stay the same (a setting of the model changed, say): a big
	// table is parsed once.
	cache struct {
		version    int
		xCol, yCol string
		set        data.Set
		rep        source.Report
		err        error
	}
	columns string // the column names shown in the menus, joined, to skip refilling them
}

// buildDataInput wires the source menu, the formula box, the table's paste
// box, file picker and column menus, drag and drop, and the extra inputs;
// it restores the table of the last visit.
func (p *page) buildDataInput() {
	p.input.lastPreset = "sine"
	p.input.text, p.input.name = storedTable()
	p.input.version = 1
	p.fillSelect(idDataSource, [][2]string{
		{settings.SourcePreset, "Built-in data set"},
		{settings.SourceFormula, "Your formula"},
		{settings.SourceCSV, "Your data (CSV or TSV table)"},
	})
	for _, c := range dataInputControls(p) {
		p.listen(c)
	}
	// Say what is wrong with a formula while it is typed; apply it on change.
	p.el(idFormula).AddEventListener("input", func(js.Value) {
		err := checkFormula(p.el(idFormula).Get("value").String())
		p.setError(idFormula, source.Explain(err))
		p.typingStatus(err)
	})
	p.onClick(idCSVUse, func() {
		text := p.el(idCSVText).Get("value").String()
		if strings.TrimSpace(text) == "" {
			msg := "The text box is empty: paste a table (CSV or TSV) into it, then press Use pasted table."
			p.setError(idCSVText, msg)
			p.setStatus("No table was loaded: the text box is empty.")
			return
		}
		p.useTable(text, "pasted", "", "", true)
	})
	p.el(idCSVFile).AddEventListener("change", func(js.Value) {
		if files := p.el(idCSVFile).Get("files"); files.Length() > 0 {
			p.readFile(files.Index(0))
		}
	})
	p.listenDrop()
}

// dataInputControls lists the data panel's own controls.
func dataInputControls(p *page) []control {
	feat := func(s *settings.Settings) *data.Features { return &s.Train.Features }
	return []control{
		selectControl(idDataSource, redata,
			func(s *settings.Settings, v string) error { return p.setSource(s, v) },
			func(s *settings.Settings) string { return s.Data.Source }),
		// A formula that does not read is taken all the same, as
		// configure("f=…") takes it: the data becomes empty, the message
		// shows under the box and Train refuses with it, rather than
		// training the last formula that read.
		{id: idFormula, event: "change", effect: redata,
			read: func(s *settings.Settings, v js.Value) error {
				text := v.Get("value").String()
				if len(text) > settings.MaxFormulaLen {
					return errors.New(source.Explain(checkFormula(text)))
				}
				s.Data.Source, s.Data.Formula = settings.SourceFormula, text
				return nil
			},
			write: func(s *settings.Settings, v js.Value) { v.Set("value", s.Data.Formula) },
		},
		selectControl(idXColumn, redata,
			func(s *settings.Settings, v string) error { s.Data.XCol = v; return nil },
			func(s *settings.Settings) string { return orChosen(p.input.cache.rep.XColumn, s.Data.XCol) }),
		selectControl(idYColumn, redata,
			func(s *settings.Settings, v string) error { s.Data.YCol = v; return nil },
			func(s *settings.Settings) string { return orChosen(p.input.cache.rep.YColumn, s.Data.YCol) }),
		checkControl(idFeatureSquare, retrain,
			func(s *settings.Settings) *bool { return &feat(s).Square }),
		checkControl(idFeatureCube, retrain,
			func(s *settings.Settings) *bool { return &feat(s).Cube }),
		{id: idFeaturePeriodic, event: "change", effect: retrain, inUse: periodInUse,
			read: func(s *settings.Settings, v js.Value) error {
				feat(s).Period = 0
				if v.Get("checked").Bool() {
					return readPeriod(s, p.el(idFeaturePeriod).Value)
				}
				p.untype(idFeaturePeriod) // unticked, P is not used: its text cannot stop Train
				return nil
			},
			write: func(s *settings.Settings, v js.Value) { v.Set("checked", feat(s).Period > 0) },
		},
		{id: idFeaturePeriod, event: "change", effect: retrain, inUse: periodInUse,
			read: func(s *settings.Settings, v js.Value) error {
				p.el(idFeaturePeriodic).Set("checked", true)
				return readPeriod(s, v)
			},
			write: func(s *settings.Settings, v js.Value) {
				if feat(s).Period > 0 || v.Get("value").String() == "" {
					setNumber(v, max(feat(s).Period, 1)) // a year, for dates
				}
			},
		},
	}
}

// readPeriod reads the period P of the sin and cos inputs through the
// link's key feat (sinP), so the field allows what a link allows.
func readPeriod(s *settings.Settings, v js.Value) error {
	var parts []string
	if s.Train.Features.Square {
		parts = append(parts, "x2")
	}
	if s.Train.Features.Cube {
		parts = append(parts, "x3")
	}
	return s.Set("feat", strings.Join(append(parts, "sin"+numberText(v, false)), ","))
}

// periodInUse says which period the settings use, for a refusal of Train.
func periodInUse(s *settings.Settings) string {
	if s.Train.Features.Period == 0 {
		return "none (sin and cos are off)"
	}
	return strconv.FormatFloat(s.Train.Features.Period, 'g', -1, 64)
}

// checkFormula checks a formula's text as the settings will.
func checkFormula(text string) error {
	if len(text) > settings.MaxFormulaLen {
		return errors.New("a formula can have at most " +
			strconv.Itoa(settings.MaxFormulaLen) + " characters")
	}
	_, err := formula.Compile(text)
	return err
}

// setSource switches the data source. Going back to the built-in data
// picks the last data preset again; a formula starts from that preset's;
// a table keeps the one already given. Switching to a table, a training
// setup left as the data preset's recommended one becomes the general one
// (Settings.TableSetup): the sine's setup needs x of order 1, and a
// table's x may be years.
func (p *page) setSource(s *settings.Settings, v string) error {
	if s.Data.Source == settings.SourcePreset && s.Data.Preset != "" {
		p.input.lastPreset = s.Data.Preset
	}
	before := *s
	switch v {
	case settings.SourcePreset:
		return setDataPreset(s, p.input.lastPreset)
	case settings.SourceFormula:
		if s.Data.Formula == "" {
			pr, _ := data.LookupPreset(p.input.lastPreset)
			s.Data.Formula = pr.Formula
		}
	case settings.SourceCSV:
	default:
		return errors.New("unknown source " + strconv.Quote(v))
	}
	s.Data.Source, s.Data.Preset = v, ""
	s.TableSetup(before)
	return nil
}

// loadData makes the data for the settings, shows the report and any
// error next to the control concerned, and fills the column menus.
func (p *page) loadData() {
	d := p.s.Data
	for _, id := range []string{idDataPreset, idFormula, idCSVText} {
		p.setError(id, "")
	}
	var rep source.Report
	if d.Source == settings.SourceCSV {
		p.set, rep, p.dataErr = p.loadTable(d.XCol, d.YCol)
		p.fillColumns(rep)
	} else {
		p.set, rep, p.dataErr = source.Load(d, "")
	}
	if p.dataErr != nil {
		p.set = data.Set{}
		p.setError(dataErrorSlot(d.Source), source.Explain(p.dataErr))
	}
	p.showReport(rep)
	p.writeDataInput()
}

// loadTable reads the user's table with the given columns, reusing the last
// result when neither changed.
func (p *page) loadTable(xCol, yCol string) (data.Set, source.Report, error) {
	c := &p.input.cache
	if c.version != p.input.version || c.xCol != xCol || c.yCol != yCol {
		d := p.s.Data
		d.Source, d.XCol, d.YCol = settings.SourceCSV, xCol, yCol
		c.set, c.rep, c.err = source.Load(d, p.input.text)
		c.version, c.xCol, c.yCol = p.input.version, xCol, yCol
	}
	return c.set, c.rep, c.err
}

// dataErrorSlot is the control next to which a data error shows.
func dataErrorSlot(src string) string {
	switch src {
	case settings.SourceFormula:
		return idFormula
	case settings.SourceCSV:
		return idCSVText
	}
	return idDataPreset
}

// useTable installs a table the user pasted, picked or dropped, or that
// came through the API, and reports how it read. With keepColumns the
// columns chosen before stay when the new table has them; otherwise the
// given ones are used ("" picks the first numeric columns).
func (p *page) useTable(text, name, xCol, yCol string, keepColumns bool) (source.Report, error) {
	before := p.input
	p.input.text, p.input.name = text, name
	p.input.version++
	if keepColumns {
		xCol, yCol = p.s.Data.XCol, p.s.Data.YCol
		if _, _, err := p.loadTable(xCol, yCol); errors.Is(err, table.ErrColumn) {
			xCol, yCol = "", ""
		}
	}

	// A table that cannot be fitted changes nothing: the data, the
	// settings and the table kept for the next visit stay as they were.
	_, rep, err := p.loadTable(xCol, yCol)
	if err != nil {
		p.input = before
		msg := source.Explain(err)
		if p.s.Data.Source == settings.SourceCSV {
			p.setError(idCSVText, msg)
		}
		p.setStatus("The table (" + name + ") was not loaded: " + msg + " Nothing else changed.")
		return rep, err
	}
	p.storeTable()

	next := p.s
	next.Train.Model.Hidden = append(next.Train.Model.Hidden[:0:0], next.Train.Model.Hidden...)
	if next.Data.Source != settings.SourceCSV {
		if err := p.setSource(&next, settings.SourceCSV); err != nil {
			return source.Report{}, err
		}
	}
	next.Data.XCol, next.Data.YCol = xCol, yCol
	featureNote := p.tableFeatures(&next, before, rep)
	p.apply(next, redata)
	p.writeControls()
	if len(text) <= maxShownTable {
		p.el(idCSVText).Set("value", text)
	} else {
		p.el(idCSVText).Set("value", "")
	}
	p.setStatus("Loaded the table (" + name + "): " + strconv.Itoa(rep.Kept) +
		" rows kept, " + strconv.Itoa(rep.Dropped) + " dropped." + featureNote + " Press Train.")
	return rep, nil
}

// tableFeatures decides the extra inputs of a new table: those of the
// previous data made sense for its x (sin and cos of 2πx/P with P a year,
// for dates), so they stay only when the new table is read with the same x
// and y columns as the last table, an edited copy of it. It returns a
// sentence for the status line, or "" when no extra input was on.
func (p *page) tableFeatures(next *settings.Settings, before dataInput, rep source.Report) string {
	if next.Train.Features == (data.Features{}) {
		return ""
	}
	last := before.cache.rep
	if p.s.Data.Source == settings.SourceCSV && last.XColumn == rep.XColumn &&
		last.YColumn == rep.YColumn {
		return " The extra inputs (features) stay on: the table has the same columns as before."
	}
	next.Train.Features = data.Features{}
	return " The extra inputs (features) of the previous data are switched off; tick them " +
		"again if this table needs them."
}

// readFile reads a file the user picked or dropped.
func (p *page) readFile(file js.Value) {
	name := file.Get("name").String()
	if size := file.Get("size").Float(); size > table.MaxBytes {
		p.setError(idCSVText, name+" is "+view.Number(size/(1<<20), 3)+" MB; at most "+
			strconv.Itoa(table.MaxBytes>>20)+" MB can be loaded in a browser tab.")
		return
	}
	p.setStatus("Reading " + name + "…")
	var then, fail js.Func
	release := func() { then.Release(); fail.Release() }
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		p.useTable(args[0].String(), name, "", "", true)
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		p.setError(idCSVText, "Could not read "+name+": "+args[0].Call("toString").String())
		return nil
	})
	file.Call("text").Call("then", then, fail)
}

// listenDrop takes a file (or text) dropped anywhere on the page.
func (p *page) listenDrop() {
	doc := node{js.Global().Get("document")}
	doc.AddEventListener("dragover", func(e js.Value) {
		e.Call("preventDefault")
		p.body().AddClass("dropping")
	})
	doc.AddEventListener("dragleave", func(e js.Value) {
		if e.Get("relatedTarget").IsNull() {
			p.body().RemoveClass("dropping")
		}
	})
	doc.AddEventListener("drop", func(e js.Value) {
		e.Call("preventDefault")
		p.body().RemoveClass("dropping")
		dt := e.Get("dataTransfer")
		if files := dt.Get("files"); files.Length() > 0 {
			p.readFile(files.Index(0))
		} else if text := dt.Call("getData", "text/plain").String(); text != "" {
			p.useTable(text, "dropped text", "", "", true)
		}
	})
}

// fillColumns offers the table's columns in the x and y menus.
func (p *page) fillColumns(rep source.Report) {
	if key := strings.Join(rep.Columns, "\x00"); key != p.input.columns {
		p.input.columns = key
		opts := make([][2]string, len(rep.Columns))
		for i, c := range rep.Columns {
			opts[i] = [2]string{c, c}
		}
		p.fillSelect(idXColumn, opts)
		p.fillSelect(idYColumn, opts)
	}
	p.el(idXColumn).Set("value", orChosen(rep.XColumn, p.s.Data.XCol))
	p.el(idYColumn).Set("value", orChosen(rep.YColumn, p.s.Data.YCol))
}

// orChosen returns the column the table used, or, when it refused the pair
// (x and y the same column) and so used none, the one chosen: the menus
// keep showing the choice next to its error.
func orChosen(used, chosen string) string {
	if used == "" {
		return chosen
	}
	return used
}

// showReport lists what the data source made of the data: the summary,
// what was detected and dropped, and warnings.
func (p *page) showReport(rep source.Report) {
	list := p.el(idDataReport)
	list.SetInnerHTML("")
	add := func(text, class string) {
		li := p.create("li")
		li.SetTextContent(text)
		if class != "" {
			li.AddClass(class)
		}
		list.AppendChild(li)
	}
	if rep.Source == settings.SourcePreset {
		return // the formula line above the sliders says it all
	}
	if rep.Source == settings.SourceCSV && p.input.text != "" {
		add("Table: "+p.input.name+" ("+sizeText(len(p.input.text))+")", "")
	}
	for _, m := range rep.Messages {
		add(sentenceCase(m), "")
	}
	for _, w := range rep.Warnings {
		add("Warning: "+w+".", "warn")
	}
	if rep.Source == settings.SourceCSV && p.input.stored != "" {
		add(p.input.stored, "warn")
	}
}

// sizeText writes a size in bytes, kB or MB.
func sizeText(n int) string {
	switch {
	case n < 1000:
		return strconv.Itoa(n) + " bytes"
	case n < 1_000_000:
		return view.Number(float64(n)/1e3, 3) + " kB"
	}
	return view.Number(float64(n)/1e6, 3) + " MB"
}

// sentenceCase capitalizes a report line and ends it with a period.
func sentenceCase(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// showSource shows the controls of the current source and hides the rest:
// the preset menu, the formula box or the table's inputs; sample count,
// noise, x range and seed only for generated data.
func (p *page) showSource() {
	src := p.s.Data.Source
	show := func(id string, on bool) {
		e := p.el(id)
		if f := e.Call("closest", ".field"); f.Truthy() {
			e = node{f}
		}
		if on {
			e.RemoveAttribute("hidden")
		} else {
			e.SetAttribute("hidden", "")
		}
	}
	csv := src == settings.SourceCSV
	show(idDataPreset, src == settings.SourcePreset)
	show(idFormula, src == settings.SourceFormula)
	show(idCSVPanel, csv)
	for _, id := range []string{idSamples, idNoise, idXMin, idSeed} {
		show(id, !csv)
	}
}

// storeTable keeps the table in localStorage for the next visit when it
// fits; when the browser refuses (quota, private mode), the page says so.
func (p *page) storeTable() {
	p.input.stored = ""
	ok := func() (ok bool) {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		ls := js.Global().Get("localStorage")
		ls.Call("removeItem", tableKey)
		ls.Call("setItem", tableKey, p.input.text)
		ls.Call("setItem", tableNameKey, p.input.name)
		return true
	}()
	if !ok {
		p.input.stored = "This table is too large for the browser's storage, so it will be " +
			"gone after a reload; load it again then."
	}
}

// storedTable returns the table kept by the last visit, or "".
func storedTable() (text, name string) {
	defer func() {
		if recover() != nil {
			text, name = "", ""
		}
	}()
	ls := js.Global().Get("localStorage")
	t, n := ls.Call("getItem", tableKey), ls.Call("getItem", tableNameKey)
	if t.Type() != js.TypeString {
		return "", ""
	}
	name = "from the last visit"
	if n.Type() == js.TypeString && n.String() != "" {
		name = n.String()
	}
	return t.String(), name
}

// writeDataInput shows the settings in the data panel's own controls.
func (p *page) writeDataInput() {
	for _, c := range dataInputControls(p) {
		if _, bad := p.typed[c.id]; !bad {
			c.write(&p.s, p.el(c.id).Value)
		}
	}
	p.showSource()
}

// loadCSV is the API's netfit.loadCSV(text, {x, y}): it installs the table
// and returns {kept, dropped, columns, x, y, messages, warnings}, with
// error set to a sentence when the table cannot be fitted.
func (p *page) loadCSV(text, xCol, yCol string) object {
	rep, err := p.useTable(text, "from the API", xCol, yCol, false)
	out := object{"kept": rep.Kept, "dropped": rep.Dropped,
		"columns": stringList(rep.Columns), "x": rep.XColumn, "y": rep.YColumn,
		"messages": stringList(rep.Messages), "warnings": stringList(rep.Warnings)}
	if err != nil {
		out["error"] = source.Explain(err)
	}
	return out
}

// useRecommended installs the recommended training setup for the user's
// formula or table (source.Recommended), keeping the data.
func (p *page) useRecommended() {
	next := p.s
	next.Train = source.Recommended(next.Data)
	next.Train.Seed = next.Data.Seed
	p.apply(next, resplit)
	p.writeControls()
	p.setStatus("Recommended setup for your own data loaded. Press Train.")
	p.noDataStatus()
}
