//go:build js && wasm

package main

import (
	"errors"
	"strconv"
	"strings"
	"syscall/js"

	"netfit/core/data"
	"netfit/core/export"
	"netfit/core/settings"
	"netfit/core/train"
)

// The kinds of file an export message asks the worker for. Each button of
// the page's export panel sends one; core/export writes the bytes.
const (
	exportTFJS        = "tfjs"        // model.json and its weights file
	exportModel       = "model"       // netfit's own model file
	exportKeras       = "keras"       // a Keras script of the run
	exportDataSVG     = "data-svg"    // the data chart as SVG
	exportLossSVG     = "loss-svg"    // the loss chart as SVG
	exportPredictions = "predictions" // x, y, y_pred, split as CSV
)

// The size in pixels of the exported SVG charts.
const (
	svgWidth      = 800
	svgDataHeight = 500
	svgLossHeight = 400
)

// errNoModel is why nothing but the Keras script can be exported while the
// settings do not build a trainer.
var errNoModel = errors.New("the settings have a problem (see the message in red), " +
	"so there is no model to export")

// exportFile is one file the worker made for the page to download.
type exportFile struct {
	name, mime string
	body       []byte
}

// export answers an export message with the files of its kind, or an error.
func (w *worker) export(m js.Value) {
	kind := str(m, "kind")
	reply := object{"type": msgExported, "id": num(m, "id", 0), "kind": kind}
	files, err := w.exportFiles(kind, str(m, "csvName"))
	if err != nil {
		reply["error"] = err.Error()
		w.post(reply)
		return
	}
	list := make([]any, len(files))
	for i, f := range files {
		list[i] = object{"name": f.name, "type": f.mime, "bytes": bytesArray(f.body)}
	}
	reply["files"] = list
	w.post(reply)
}

// exportFiles runs core/export on the worker's trainer, settings and data.
func (w *worker) exportFiles(kind, csvName string) ([]exportFile, error) {
	if kind == exportKeras {
		if csvName == "" {
			csvName = export.DefaultCSVName
		}
		script, err := export.KerasScript(w.settings, csvName)
		return []exportFile{{"netfit_keras.py", "text/x-python", []byte(script)}}, err
	}
	if w.tr == nil {
		return nil, errNoModel
	}
	switch kind {
	case exportTFJS:
		m, err := export.TFJS(w.tr, "")
		if err != nil {
			return nil, err
		}
		return []exportFile{{"model.json", "application/json", m.ModelJSON},
			{m.WeightsName, "application/octet-stream", m.Weights}}, nil
	case exportModel:
		var rows *data.Set
		if w.settings.Data.Source == settings.SourceCSV {
			rows = &w.set // a table cannot be regenerated from the settings
		}
		b, err := export.Save(w.settings, w.tr, rows)
		return []exportFile{{"netfit-model.json", "application/json", b}}, err
	case exportDataSVG:
		svg := export.DataChartSVG(export.DataChartOf(w.tr, w.set), svgWidth, svgDataHeight)
		return []exportFile{{"netfit-data.svg", "image/svg+xml", svg}}, nil
	case exportLossSVG:
		svg := export.LossChartSVG(export.LossChartOf(w.tr), svgWidth, svgLossHeight)
		return []exportFile{{"netfit-loss.svg", "image/svg+xml", svg}}, nil
	case exportPredictions:
		csv := export.PredictionsOf(w.tr, w.set)
		return []exportFile{{"netfit-predictions.csv", "text/csv", csv}}, nil
	}
	return nil, errors.New("unknown export " + strconv.Quote(kind))
}

// newTrainer builds the trainer from the settings and data, starting from
// the weights of the model file the page loaded, if any. The file is used
// once: Reset and a new run start from the seed's initial weights.
func (w *worker) newTrainer() (*train.Trainer, error) {
	file := w.model
	w.model = nil
	if file == nil {
		return train.New(w.settings.Train, w.set)
	}
	m, err := export.Load(file)
	if err != nil {
		return nil, err
	}
	return m.Trainer(w.set)
}

// exportMessage turns a core/export error into a sentence for the page.
func exportMessage(what string, err error) string {
	return what + ": " + strings.TrimPrefix(err.Error(), "export: ") + "."
}
