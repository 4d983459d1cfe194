//go:build js && wasm

package main

import (
	"syscall/js"

	"netfit/core/settings"
	"netfit/core/source"
)

// bindAPI gives site/api.js the functions behind window.netfit (see
// the README's "JavaScript API"). They live as long as the page, so they are never released.
func (p *page) bindAPI() {
	// A panic becomes {error} (api.js rejects with it), and the page says so.
	fn := func(f func(args []js.Value) any) js.Func {
		return js.FuncOf(func(_ js.Value, args []js.Value) (out any) {
			defer func() {
				if r := recover(); r != nil {
					out = js.ValueOf(object{"error": reportPanic(r)})
				}
			}()
			return f(args)
		})
	}
	impl := object{
		"configure": fn(func(args []js.Value) any {
			return p.configure(stringArg(args, 0), len(args) > 1 && args[1].Truthy())
		}),
		"train": fn(func([]js.Value) any { return p.startRun(false) }),
		"step":  fn(func([]js.Value) any { return p.startRun(true) }),
		"pause": fn(func([]js.Value) any { return p.pause() }),
		"reset": fn(func([]js.Value) any {
			p.reset()
			return nil
		}),
		"loadCSV": fn(func(args []js.Value) any {
			return js.ValueOf(p.loadCSV(stringArg(args, 0), stringArg(args, 1), stringArg(args, 2)))
		}),
		"metrics":  fn(func([]js.Value) any { return js.ValueOf(p.metrics()) }),
		"view":     fn(func([]js.Value) any { return js.ValueOf(p.viewState()) }),
		"settings": fn(func([]js.Value) any { return p.s.Fragment() }),
		"data": fn(func([]js.Value) any {
			val := make([]byte, len(p.isVal))
			for i, v := range p.isVal {
				if v {
					val[i] = 1
				}
			}
			return js.ValueOf(object{"x": float64Array(p.set.X), "y": float64Array(p.set.Y),
				"val": bytesArray(val)})
		}),
		"predict": fn(func(args []js.Value) any {
			if len(args) < 2 {
				return nil
			}
			p.nextID++
			p.predictions[p.nextID] = args[1]
			p.send(object{"type": msgPredict, "id": p.nextID, "x": args[0]})
			return nil
		}),
	}
	js.Global().Get("netfit").Call("_bind", js.ValueOf(impl))
}

// startRun starts training for the API and returns {run, error}: the id
// of the run, which its "stopped" event carries, or why it cannot start.
func (p *page) startRun(stepOnly bool) object {
	if problem := p.train(stepOnly); problem != "" {
		return object{"error": problem}
	}
	return object{"run": p.run}
}

// stringArg returns args[i] as a string, or "".
func stringArg(args []js.Value, i int) string {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return ""
	}
	return args[i].String()
}

// configure applies a fragment from the API: a whole configuration (keys
// left out take their defaults), or with patch only the keys given over the
// current settings. It returns {fragment, problems}.
func (p *page) configure(frag string, patch bool) object {
	base := settings.Default()
	if patch {
		base = p.s
	}
	s, problems := settings.ParseFragment(frag, base)
	p.showProblems("API", problems)
	p.replace(s, loadedStatus(s.Preset, "Settings changed: the model starts over. Press Train."))
	list := make([]any, 0, len(problems)+1)
	for _, pr := range problems {
		list = append(list, pr.Message)
	}
	if p.dataErr != nil {
		// A formula that does not read, such as f=sin(x, is kept as in a
		// link and shown under the formula box; the caller hears of it here.
		list = append(list, "No data to train on: "+source.Explain(p.dataErr))
	}
	return object{"fragment": p.s.Fragment(), "problems": list}
}

// predicted hands a worker's predictions to the waiting callback.
func (p *page) predicted(m js.Value) {
	id := int(num(m, "id", 0))
	cb, ok := p.predictions[id]
	if !ok {
		return
	}
	delete(p.predictions, id)
	if e := str(m, "error"); e != "" {
		cb.Invoke(e)
		return
	}
	cb.Invoke(nil, m.Get("y"), m.Get("extrapolated"))
}

// emit fires a netfit event ("epoch", "stopped", "configured").
func (p *page) emit(kind string, detail object) {
	js.Global().Get("netfit").Call("_emit", kind, js.ValueOf(detail))
}
