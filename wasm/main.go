//go:build js && wasm

// Command wasm is netfit in the browser. The same netfit.wasm runs twice:
// on the page, where it reads the controls and draws the charts, and in a
// Web Worker (site/worker.js), where it trains, so training never freezes
// the page (CASES B28). main tells the two apart by the missing document in
// a worker.
//
// The page and the worker talk with postMessage. The page sends the
// settings as a URL fragment (core/settings) and the data as two
// Float64Arrays; the worker answers with progress snapshots: new epochs of
// the loss history, the latest metrics, the prediction curve, hints and
// errors. The maths of every series lives in core/view; this package only
// maps values to pixels.
package main

import (
	"syscall/js"
)

func main() {
	if js.Global().Get("document").IsUndefined() {
		startWorker()
	} else {
		startPage()
	}
	select {} // live in callbacks from now on
}
