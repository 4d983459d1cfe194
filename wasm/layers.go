//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"

	"netfit/core/nn"
	"netfit/core/settings"
)

// defaultLayer is what "Add layer" appends to an empty network.
var defaultLayer = nn.Layer{Units: 32, Activation: nn.Tanh}

// buildLayerEditor listens to the layer list: one listener on the list for
// every row (event delegation), so rows can come and go freely.
func (p *page) buildLayerEditor() {
	list := p.el(idLayers)
	list.AddEventListener("change", func(e js.Value) {
		t := target(e)
		i, err := strconv.Atoi(t.GetAttribute("data-layer"))
		hidden := p.s.Train.Model.Hidden
		if err != nil || i < 0 || i >= len(hidden) {
			return
		}
		next := p.s
		next.Train.Model.Hidden = append([]nn.Layer(nil), hidden...)
		switch t.GetAttribute("data-field") {
		case "units":
			if msg := readUnits(&next, i, t.Value); msg != "" {
				p.refuse(layerUnitsID(i), msg)
				return
			}
			p.untype(layerUnitsID(i))
		case "activation":
			a, err := nn.ParseActivation(t.Value.Get("value").String())
			if err != nil {
				return
			}
			next.Train.Model.Hidden[i].Activation = a
		}
		p.apply(next, retrain)
	})
	list.AddEventListener("click", func(e js.Value) {
		t := target(e)
		if t.GetAttribute("data-field") != "remove" {
			return
		}
		i, err := strconv.Atoi(t.GetAttribute("data-layer"))
		hidden := p.s.Train.Model.Hidden
		if err != nil || i < 0 || i >= len(hidden) {
			return
		}
		next := p.s
		next.Train.Model.Hidden = append(append([]nn.Layer(nil), hidden[:i]...), hidden[i+1:]...)
		p.apply(next, retrain)
		p.writeLayers()
		p.focusLayer(min(i, len(next.Train.Model.Hidden)-1), "remove", idAddLayer)
	})
	p.el(idAddLayer).AddEventListener("click", func(js.Value) {
		hidden := p.s.Train.Model.Hidden
		if len(hidden) >= nn.MaxLayers {
			p.setError(idLayers, "at most "+strconv.Itoa(nn.MaxLayers)+" hidden layers")
			return
		}
		layer := defaultLayer
		if len(hidden) > 0 {
			layer = hidden[len(hidden)-1]
		}
		next := p.s
		next.Train.Model.Hidden = append(append([]nn.Layer(nil), hidden...), layer)
		p.apply(next, retrain)
		p.writeLayers()
		p.focusLayer(len(next.Train.Model.Hidden)-1, "units", idAddLayer)
	})
}

// layerUnitsPrefix starts the id of each layer's units field.
const layerUnitsPrefix = "layer-units-"

// layerUnitsID returns the id of the units field of hidden layer i.
func layerUnitsID(i int) string { return layerUnitsPrefix + strconv.Itoa(i) }

// readUnits sets the width of hidden layer i from its field through the
// link's key layers, so the field allows what a link allows (a width from
// 1 to nn.MaxUnits, and a network of at most nn.MaxParams weights and
// biases). It returns why the value is refused, or "".
func readUnits(s *settings.Settings, i int, v js.Value) string {
	n, err := intOf(v)
	if err != nil || n < 1 || n > nn.MaxUnits {
		return "Layer " + strconv.Itoa(i+1) + " must have a whole number of units from 1 to " +
			strconv.Itoa(nn.MaxUnits) + "."
	}
	widths := make([]string, len(s.Train.Model.Hidden))
	for j, l := range s.Train.Model.Hidden {
		widths[j] = strconv.Itoa(l.Units)
	}
	widths[i] = strconv.Itoa(n)
	if err := s.Set("layers", strings.Join(widths, ",")); err != nil {
		return err.Error()
	}
	return ""
}

// focusLayer moves the keyboard focus to a part of row i after the rows
// were rebuilt, or to the element fallback when there is no such row.
func (p *page) focusLayer(i int, part, fallback string) {
	if i >= 0 {
		sel := `[data-layer="` + strconv.Itoa(i) + `"][data-field="` + part + `"]`
		if e := p.el(idLayers).QuerySelector(sel); e.Exists() {
			e.Focus()
			return
		}
	}
	p.el(fallback).Focus()
}

// writeLayers rebuilds the rows of the layer editor from the settings:
// per layer a units field, an activation menu and a remove button.
func (p *page) writeLayers() {
	for id := range p.typed {
		if strings.HasPrefix(id, layerUnitsPrefix) {
			p.untype(id) // the rows show the settings again
		}
	}
	list := p.el(idLayers)
	list.SetInnerHTML("")
	for i, l := range p.s.Train.Model.Hidden {
		n := strconv.Itoa(i + 1)
		idx := strconv.Itoa(i)
		li := p.create("li")

		label := p.create("label")
		label.SetAttribute("for", "layer-units-"+idx)
		label.SetTextContent("Layer " + n)
		label.SetAttribute("title", "units in layer "+n)
		units := p.create("input")
		units.SetAttribute("type", "number")
		units.SetAttribute("aria-label", "Layer "+n+" units")
		units.SetAttribute("id", layerUnitsID(i))
		units.SetAttribute("min", "1")
		units.SetAttribute("max", strconv.Itoa(nn.MaxUnits))
		units.SetAttribute("step", "1")
		units.SetAttribute("data-layer", idx)
		units.SetAttribute("data-field", "units")
		units.Value.Set("value", strconv.Itoa(l.Units))

		act := p.create("select")
		act.SetAttribute("aria-label", "Layer "+n+" activation")
		act.SetAttribute("data-layer", idx)
		act.SetAttribute("data-field", "activation")
		for _, a := range nn.Activations() {
			opt := p.create("option")
			opt.SetAttribute("value", a.String())
			opt.SetTextContent(a.String())
			act.AppendChild(opt)
		}
		act.Value.Set("value", l.Activation.String())

		remove := p.create("button")
		remove.SetAttribute("type", "button")
		remove.SetAttribute("aria-label", "Remove layer "+n)
		remove.SetAttribute("title", "Remove layer "+n)
		remove.SetAttribute("data-layer", idx)
		remove.SetAttribute("data-field", "remove")
		remove.SetTextContent("✕")

		li.AppendChild(label)
		li.AppendChild(units)
		li.AppendChild(act)
		li.AppendChild(remove)
		list.AppendChild(li)
	}
	if len(p.s.Train.Model.Hidden) == 0 {
		li := p.create("li")
		li.SetTextContent("No hidden layer: the model is a straight line, y = w·x + b.")
		list.AppendChild(li)
	}
}
