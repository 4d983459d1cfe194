//go:build js && wasm

package main

import (
	"math"
	"syscall/js"
	"unsafe"
)

// float64Array copies v into a new JavaScript Float64Array. Messages between
// the page and the worker carry series this way: a structured clone copies
// the buffer in one piece.
func float64Array(v []float64) js.Value {
	u8 := js.Global().Get("Uint8Array").New(len(v) * 8)
	if len(v) > 0 {
		// WebAssembly is little-endian, as Float64Array is on every browser.
		js.CopyBytesToJS(u8, unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), len(v)*8))
	}
	return js.Global().Get("Float64Array").New(u8.Get("buffer"))
}

// floats copies a Float64Array (or any array of numbers) into a Go slice. A
// missing value gives nil.
func floats(a js.Value) []float64 {
	if a.IsUndefined() || a.IsNull() {
		return nil
	}
	n := a.Length()
	v := make([]float64, n)
	if n == 0 {
		return v
	}
	if !a.InstanceOf(js.Global().Get("Float64Array")) {
		a = js.Global().Get("Float64Array").Call("from", a)
	}
	u8 := js.Global().Get("Uint8Array").New(a.Get("buffer"), a.Get("byteOffset"), n*8)
	js.CopyBytesToGo(unsafe.Slice((*byte)(unsafe.Pointer(&v[0])), n*8), u8)
	return v
}

// bytesArray copies b into a new Uint8Array.
func bytesArray(b []byte) js.Value {
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	return u8
}

// goBytes copies a Uint8Array into a Go slice; nil when missing.
func goBytes(a js.Value) []byte {
	if a.IsUndefined() || a.IsNull() {
		return nil
	}
	b := make([]byte, a.Length())
	js.CopyBytesToGo(b, a)
	return b
}

// object builds a plain JavaScript object from a map; values may be Go
// numbers, strings, booleans, nil, js.Value, or nested maps and slices of
// those (see js.ValueOf).
type object = map[string]any

// number returns v for JavaScript, or nil (null) when v is NaN or infinite,
// so no NaN ever crosses to the page or an embedder.
func number(v float64) any {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return v
}

// num reads a number field, or def when it is missing or not a number.
func num(v js.Value, key string, def float64) float64 {
	if v.Type() != js.TypeObject {
		return def
	}
	f := v.Get(key)
	if f.Type() != js.TypeNumber {
		return def
	}
	return f.Float()
}

// str reads a string field, or "" when it is missing.
func str(v js.Value, key string) string {
	if v.Type() != js.TypeObject {
		return ""
	}
	f := v.Get(key)
	if f.Type() != js.TypeString {
		return ""
	}
	return f.String()
}

// strings converts a Go string slice for JavaScript.
func stringList(v []string) []any {
	out := make([]any, len(v))
	for i, s := range v {
		out[i] = s
	}
	return out
}

// flag reads a boolean field; missing means false.
func flag(v js.Value, key string) bool {
	return v.Type() == js.TypeObject && v.Get(key).Truthy()
}
