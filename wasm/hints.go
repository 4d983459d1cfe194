//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"

	"netfit/core/settings"
)

// showHints lists the worker's hints (core/hint): a plain-language
// explanation each, and a button that applies its fix. The list is rebuilt
// only when the hints change, so a focused button stays focused.
func (p *page) showHints(list js.Value) {
	var key strings.Builder
	n := 0
	if list.Truthy() {
		n = list.Length()
	}
	for i := range n {
		key.WriteString(str(list.Index(i), "id") + "|" + str(list.Index(i), "message") + "\n")
	}
	if key.String() == p.hintsKey {
		return
	}
	p.hintsKey = key.String()

	box := p.el(idHints)
	box.SetInnerHTML("")
	for i := range n {
		h := list.Index(i)
		div := p.create("div")
		div.SetAttribute("class", "hint "+str(h, "severity"))
		div.SetAttribute("role", "note")
		text := p.create("p")
		title := p.create("strong")
		title.SetTextContent(severityTitle(str(h, "severity")))
		text.AppendChild(title)
		text.AppendChild(node{js.Global().Get("document").Call("createTextNode", str(h, "message"))})
		div.AppendChild(text)
		if fix, patch := str(h, "fix"), str(h, "patch"); fix != "" && patch != "" {
			b := p.create("button")
			b.SetAttribute("type", "button")
			b.SetAttribute("data-hint", str(h, "id"))
			b.SetAttribute("data-patch", patch)
			b.SetTextContent(fix)
			div.AppendChild(b)
		}
		box.AppendChild(div)
	}
}

// severityTitle is the heading of a hint.
func severityTitle(severity string) string {
	switch severity {
	case "problem":
		return "This setup cannot fit well"
	case "warning":
		return "Likely to train badly"
	}
	return "Note"
}

// listenHints applies a hint's fix when its button is pressed: the patch
// holds settings in URL-fragment form, applied over the current ones.
func (p *page) listenHints() {
	p.el(idHints).AddEventListener("click", func(e js.Value) {
		patch := target(e).GetAttribute("data-patch")
		if patch == "" {
			return
		}
		s, problems := settings.ParseFragment(patch, p.s)
		s.Preset = ""
		p.showProblems("hint", problems)
		p.replace(s, "Applied: "+target(e).Value.Get("textContent").String()+". Press Train.")
	})
}
