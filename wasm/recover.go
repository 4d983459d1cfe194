//go:build js && wasm

package main

import (
	"runtime/debug"
	"syscall/js"
)

// reportPanic is the safety net of every entry from JavaScript (event
// listeners, worker messages, the API): a panic that escaped would end the
// Go program and leave a page that looks alive but does nothing. It writes
// the panic and its stack to the console once, shows a sentence under the
// Train button, and returns that sentence. Callers recover and pass the
// value on:
//
//	defer func() {
//		if r := recover(); r != nil {
//			reportPanic(r)
//		}
//	}()
//
// A panic is still a bug to fix where it happens; this only keeps the page
// working after one.
func reportPanic(r any) string {
	what := "an unexpected failure"
	switch v := r.(type) {
	case error:
		what = v.Error()
	case string:
		what = v
	}
	msg := "Something went wrong inside the page (" + what + "). " +
		"The page keeps working; the last change may not have been applied."
	js.Global().Get("console").Call("error", "netfit: "+what+"\n"+string(debug.Stack()))
	doc := js.Global().Get("document")
	if doc.Truthy() {
		if e := doc.Call("getElementById", idRunError); e.Truthy() {
			e.Set("textContent", msg)
		}
	}
	return msg
}
