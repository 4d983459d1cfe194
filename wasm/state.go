//go:build js && wasm

package main

import (
	"strconv"
	"strings"
	"syscall/js"

	"netfit/core/settings"
)

// storageKey is where localStorage keeps the last configuration.
const storageKey = "netfit.settings"

// initialSettings reads the settings from the URL fragment; without one,
// from the last visit (localStorage); else the defaults. Problems with the
// fragment are shown at the top of the page, and so is a note when the
// last visit's settings came back, with a button to start fresh.
func (p *page) initialSettings() settings.Settings {
	frag := strings.TrimPrefix(p.win.Location().Get("hash").String(), "#")
	source := "link"
	if frag == "" {
		frag = p.loadSaved()
		source = "last visit"
	}
	if frag == "" {
		return settings.Default()
	}
	s, problems := settings.ParseFragment(frag, settings.Default())
	p.showProblems(source, problems)
	if source == "last visit" && s.Fragment() != settings.Default().Fragment() {
		p.showRestored()
		// The address shows them too, so that copying it shares this run.
		js.Global().Get("history").Call("replaceState", nil, "", "#"+s.Fragment())
	}
	return s
}

// showRestored shows the note that the settings of the last visit are
// back; its Start fresh button installs the defaults. The note goes away
// with the first change of settings that replaces them all.
func (p *page) showRestored() {
	p.el(idRestored).RemoveAttribute("hidden")
	p.onClick(idStartFresh, func() {
		p.showProblems("", nil)
		p.replace(settings.Default(), "Started fresh with the default settings. Press Train.")
	})
}

// loadSaved returns the fragment saved by the last visit, or "". Storage
// may be unavailable (private mode, a sandboxed iframe): then it is "".
func (p *page) loadSaved() (frag string) {
	defer func() {
		if recover() != nil {
			frag = ""
		}
	}()
	v := js.Global().Get("localStorage").Call("getItem", storageKey)
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// save writes the settings to the URL fragment (without a history entry or
// a hashchange event) and to localStorage.
func (p *page) save() {
	frag := p.s.Fragment()
	js.Global().Get("history").Call("replaceState", nil, "", "#"+frag)
	p.updateFullLink()
	func() {
		defer func() { recover() }() // storage refused: the URL still holds the state
		js.Global().Get("localStorage").Call("setItem", storageKey, frag)
	}()
}

// showProblems lists what could not be used from a fragment.
func (p *page) showProblems(source string, problems []settings.Problem) {
	box := p.el(idProblems)
	if len(problems) == 0 {
		box.SetAttribute("hidden", "")
		box.SetTextContent("")
		return
	}
	lines := []string{"Some settings from the " + source + " could not be used:"}
	for _, pr := range problems {
		lines = append(lines, "• "+pr.Message)
	}
	box.SetTextContent(strings.Join(lines, "\n"))
	box.RemoveAttribute("hidden")
}

// listenHash applies a fragment that the user typed or a link changed.
func (p *page) listenHash() {
	node{js.Global()}.AddEventListener("hashchange", func(js.Value) {
		frag := strings.TrimPrefix(p.win.Location().Get("hash").String(), "#")
		if frag == p.s.Fragment() {
			return
		}
		s, problems := settings.ParseFragment(frag, settings.Default())
		p.showProblems("link", problems)
		p.replace(s, loadedStatus(s.Preset, "Settings from the link loaded. Press Train."))
	})
}

// loadedStatus is the status line after new settings came in whole: it
// names the preset they are, else says where they came from (other).
func loadedStatus(preset, other string) string {
	if preset != "" {
		return "Preset " + strconv.Quote(preset) + " loaded. Press Train."
	}
	return other
}

// replace installs whole new settings (a preset, a link, the API): all
// controls, data and the worker's trainer. The status line says status,
// or that there is nothing to train on when the new data cannot be made:
// what it said before is about the old settings.
func (p *page) replace(s settings.Settings, status string) {
	p.s = s
	p.save()
	p.el(idRestored).SetAttribute("hidden", "")
	p.forgetTyped()
	p.writeControls()
	p.applyDisplay()
	p.regenerate()
	p.showValidation()
	p.configureWorker()
	p.setStatus(status)
	p.noDataStatus()
}

// applyDisplay shows the compact embed view and hides the parts the
// settings name (settings.HideNames); each part is an element with a
// matching data-part attribute.
func (p *page) applyDisplay() {
	body := p.body()
	if p.s.Embed {
		body.AddClass("embed")
	} else {
		body.RemoveClass("embed")
	}
	for _, name := range settings.HideNames() {
		for _, e := range p.body().QuerySelectorAll(`[data-part="` + name + `"]`) {
			if contains(p.s.Hide, name) {
				e.SetAttribute("hidden", "")
			} else {
				e.RemoveAttribute("hidden")
			}
		}
	}
	// With the three settings panels hidden, the results take the whole
	// width instead of leaving an empty column (style.css, .no-settings).
	if contains(p.s.Hide, "data") && contains(p.s.Hide, "model") && contains(p.s.Hide, "training") {
		body.AddClass("no-settings")
	} else {
		body.RemoveClass("no-settings")
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
