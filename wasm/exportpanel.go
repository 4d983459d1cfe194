//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"

	"netfit/core/data"
	"netfit/core/export"
	"netfit/core/settings"
)

// revokeAfter is how long, in milliseconds, a download's object URL lives:
// long enough for the browser to start reading it.
const revokeAfter = 10_000

// exportButtons maps each button of the export panel that the worker
// answers to the kind of file it asks for.
var exportButtons = map[string]string{
	idExportTFJS:        exportTFJS,
	idExportModel:       exportModel,
	idExportKeras:       exportKeras,
	idExportDataSVG:     exportDataSVG,
	idExportLossSVG:     exportLossSVG,
	idExportPredictions: exportPredictions,
}

// exportTitles names each kind of export in messages.
var exportTitles = map[string]string{
	exportTFJS:        "TensorFlow.js model",
	exportModel:       "Model file",
	exportKeras:       "Keras script",
	exportDataSVG:     "Data chart",
	exportLossSVG:     "Loss chart",
	exportPredictions: "Predictions",
}

// tfjsNote follows the two downloads of a TensorFlow.js model.
const tfjsNote = " Keep both in one folder: tf.loadLayersModel(\"model.json\") reads the " +
	"weights file next to it. Your browser may ask whether this page may download " +
	"several files."

// buildExport wires the export panel: the buttons the worker answers, the
// PNG buttons (drawn from the page's canvases), the model file upload and
// the embed code.
func (p *page) buildExport() {
	for id, kind := range exportButtons {
		p.onClick(id, func() { p.requestExport(kind) })
	}
	p.onClick(idExportDataPNG, func() { p.downloadCanvas(idDataChart, "netfit-data.png") })
	p.onClick(idExportLossPNG, func() { p.downloadCanvas(idLossChart, "netfit-loss.png") })
	p.el(idLoadModel).AddEventListener("change", func(js.Value) {
		input := p.el(idLoadModel)
		if files := input.Get("files"); files.Length() > 0 {
			p.readModelFile(files.Index(0))
		}
		input.Set("value", "") // so picking the same file again loads it again
	})
	p.buildEmbed()
}

// requestExport asks the worker for the files of one kind; exported
// downloads them when they come.
func (p *page) requestExport(kind string) {
	p.showExport("", "")
	if p.dataErr != nil && kind != exportKeras {
		p.showExport(exportTitles[kind]+": there are no data, so there is no model to export.", "")
		return
	}
	m := object{"type": msgExport, "kind": kind}
	if kind == exportKeras && p.s.Data.Source == settings.SourceCSV {
		m["csvName"] = csvFileName(p.input.name)
	}
	p.send(m)
}

// csvFileName is the file the Keras script reads a table from: the name of
// the file the user picked, else export.DefaultCSVName.
func csvFileName(name string) string {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".csv") || strings.HasSuffix(lower, ".tsv") ||
		strings.HasSuffix(lower, ".txt") {
		return name
	}
	return export.DefaultCSVName
}

// exported downloads the files of an export reply, or shows its error next
// to the export buttons.
func (p *page) exported(m js.Value) {
	kind := str(m, "kind")
	if e := str(m, "error"); e != "" {
		p.showExport(exportTitles[kind]+": "+strings.TrimPrefix(e, "export: ")+".", "")
		return
	}
	files := m.Get("files")
	var names []string
	for i := 0; i < files.Length(); i++ {
		f := files.Index(i)
		p.download(str(f, "name"), str(f, "type"), f.Get("bytes"))
		names = append(names, str(f, "name"))
	}
	note := "Downloaded " + strings.Join(names, " and ") + "."
	switch kind {
	case exportTFJS:
		note += tfjsNote
	case exportKeras:
		if p.s.Data.Source == settings.SourceCSV {
			note += " It reads your table from " + csvFileName(p.input.name) +
				" in the folder it runs in."
		}
	}
	p.showExport("", note)
}

// showExport shows an error (red) and a note next to the export buttons;
// "" clears either.
func (p *page) showExport(errText, note string) {
	p.setText(idExportError, errText)
	p.setText(idExportNote, note)
}

// download saves body (a Uint8Array or a Blob) as a file: through an object
// URL and a link with a download attribute, the URL released afterwards.
func (p *page) download(name, mime string, body js.Value) {
	blob := body
	if !body.InstanceOf(js.Global().Get("Blob")) {
		blob = js.Global().Get("Blob").New([]any{body}, object{"type": mime})
	}
	urls := js.Global().Get("URL")
	href := urls.Call("createObjectURL", blob)
	a := p.create("a")
	a.Set("href", href)
	a.Set("download", name)
	a.Get("style").Set("display", "none")
	p.body().AppendChild(a)
	a.Call("click")
	a.Call("remove")
	// Release the blob once the browser has started saving it.
	js.Global().Call("setTimeout", urls.Get("revokeObjectURL").Call("bind", urls, href), revokeAfter)
}

// downloadCanvas saves one of the page's charts as a PNG, at the canvas'
// resolution (devicePixelRatio times its CSS size).
func (p *page) downloadCanvas(id, name string) {
	p.showExport("", "")
	var done js.Func
	done = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer done.Release()
		if len(args) == 0 || args[0].IsNull() {
			p.showExport("The chart could not be turned into a PNG image.", "")
			return nil
		}
		p.download(name, "image/png", args[0])
		p.showExport("", "Downloaded "+name+".")
		return nil
	})
	p.el(id).Call("toBlob", done, "image/png")
}

// readModelFile reads a model file the user picked.
func (p *page) readModelFile(file js.Value) {
	name := file.Get("name").String()
	p.showExport("", "Reading "+name+"…")
	var then, fail js.Func
	release := func() { then.Release(); fail.Release() }
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		p.loadModel(goBytes(js.Global().Get("Uint8Array").New(args[0])), name)
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		p.showExport("Could not read "+name+": "+args[0].Call("toString").String(), "")
		return nil
	})
	file.Call("arrayBuffer").Call("then", then, fail)
}

// loadModel installs a model file: its settings (the display flags stay),
// its table when it carries one, and a trainer that starts from its
// weights, so training continues where the file left off.
func (p *page) loadModel(b []byte, name string) {
	m, err := export.Load(b)
	if err != nil {
		reason := strings.TrimSuffix(strings.TrimPrefix(err.Error(), "export: "), ".")
		p.showExport(name+": "+reason+". The file was not loaded; nothing changed.", "")
		return
	}
	s := m.Settings
	s.Embed, s.Hide = p.s.Embed, p.s.Hide
	if m.Rows != nil {
		table := rowsTable(*m.Rows, s.Data.XCol, s.Data.YCol)
		p.useTable(table, name, s.Data.XCol, s.Data.YCol, false)
	}
	p.showProblems("", nil)
	p.modelFile = b
	p.replace(s, "Model file loaded: press Train to continue training from its weights.")
	p.showExport("", "Loaded "+name+": its settings, data and weights ("+
		strconv.Itoa(m.Epochs)+" epochs trained).")
}

// rowsTable writes a model file's rows as a CSV table with the columns the
// settings name (x and y when they name none).
func rowsTable(set data.Set, xCol, yCol string) string {
	if xCol == "" || yCol == "" {
		xCol, yCol = "x", "y"
	}
	var b strings.Builder
	b.WriteString(csvField(xCol) + "," + csvField(yCol) + "\n")
	for i := range set.X {
		b.WriteString(strconv.FormatFloat(set.X[i], 'g', -1, 64) + "," +
			strconv.FormatFloat(set.Y[i], 'g', -1, 64) + "\n")
	}
	return b.String()
}

// csvField quotes a column name that holds a comma, quote or line break.
func csvField(s string) string {
	if !strings.ContainsAny(s, ",;\t\"\r\n") {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}
