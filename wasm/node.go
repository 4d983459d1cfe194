//go:build js && wasm

package main

import (
	"syscall/js"
)

// node is an element of the page; its operations go straight to the
// js.Value (see dom.go for why not honnef.co/go/js/dom/v2).
type node struct{ js.Value }

// Exists reports whether the node refers to an element.
func (n node) Exists() bool { return n.Truthy() }

func (n node) TextContent() string      { return n.Get("textContent").String() }
func (n node) SetTextContent(s string)  { n.Set("textContent", s) }
func (n node) SetInnerHTML(s string)    { n.Set("innerHTML", s) }
func (n node) AppendChild(c node)       { n.Call("appendChild", c.Value) }
func (n node) Focus()                   { n.Call("focus") }
func (n node) SetAttribute(k, v string) { n.Call("setAttribute", k, v) }
func (n node) RemoveAttribute(k string) { n.Call("removeAttribute", k) }
func (n node) AddClass(c string)        { n.Get("classList").Call("add", c) }
func (n node) RemoveClass(c string)     { n.Get("classList").Call("remove", c) }

// GetAttribute returns an attribute's value, or "" when it is missing.
func (n node) GetAttribute(k string) string {
	v := n.Call("getAttribute", k)
	if v.Type() != js.TypeString {
		return ""
	}
	return v.String()
}

// QuerySelector returns the first descendant matching a CSS selector; the
// result's Exists is false when none does.
func (n node) QuerySelector(sel string) node { return node{n.Call("querySelector", sel)} }

// QuerySelectorAll returns the descendants matching a CSS selector.
func (n node) QuerySelectorAll(sel string) []node {
	list := n.Call("querySelectorAll", sel)
	out := make([]node, list.Length())
	for i := range out {
		out[i] = node{list.Index(i)}
	}
	return out
}

// AddEventListener calls f with each event of the given type. The
// listeners of the page live as long as the page, so the js.Func is kept.
// A panic in f is reported on the page (reportPanic) instead of ending the
// program.
func (n node) AddEventListener(typ string, f func(event js.Value)) {
	n.Call("addEventListener", typ, js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer func() {
			if r := recover(); r != nil {
				reportPanic(r)
			}
		}()
		f(args[0])
		return nil
	}))
}

// target returns the element an event happened on.
func target(event js.Value) node { return node{event.Get("target")} }
