//go:build js && wasm

package main

import "syscall/js"

// The few DOM types the page uses, called straight through syscall/js.
// honnef.co/go/js/dom/v2 would give each element a Go type found from its
// constructor, which keeps every element type's methods in the binary:
// about 80 kB of the gzip-compressed netfit.wasm, more than core/export.

// window is the browser window.
type window struct{ js.Value }

// Location returns window.location.
func (w window) Location() js.Value { return w.Get("location") }

// Document returns the window's document.
func (w window) Document() document { return document{w.Get("document")} }

// document is the page's document.
type document struct{ js.Value }

// GetElementByID returns the element with the given id; its Exists is
// false when there is none.
func (d document) GetElementByID(id string) node { return node{d.Call("getElementById", id)} }

// CreateElement makes a new element with the given tag.
func (d document) CreateElement(tag string) node { return node{d.Call("createElement", tag)} }

// canvasElement is a <canvas>.
type canvasElement struct{ js.Value }

// rect is a DOMRect.
type rect struct{ js.Value }

func (r rect) Width() float64  { return r.Get("width").Float() }
func (r rect) Height() float64 { return r.Get("height").Float() }

// GetBoundingClientRect returns the canvas's box in CSS pixels.
func (c canvasElement) GetBoundingClientRect() rect { return rect{c.Call("getBoundingClientRect")} }

// Width and Height are the size of the backing store in device pixels.
func (c canvasElement) Width() int  { return c.Get("width").Int() }
func (c canvasElement) Height() int { return c.Get("height").Int() }

func (c canvasElement) SetWidth(v int)  { c.Set("width", v) }
func (c canvasElement) SetHeight(v int) { c.Set("height", v) }

// Underlying returns the canvas's js.Value.
func (c canvasElement) Underlying() js.Value { return c.Value }
