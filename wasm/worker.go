//go:build js && wasm

package main

import (
	"errors"
	"syscall/js"
	"time"

	"netfit/core/data"
	"netfit/core/settings"
	"netfit/core/train"
	"netfit/core/view"
)

// Worker timing. A slice is how long one call to Advance may run before the
// worker returns to its event loop to read pause and configure messages; a
// batch of the tutorial's sine model can take longer than that on its own,
// since Advance stops only between batches.
const (
	sliceTime = 40 * time.Millisecond
	postEvery = 100 * time.Millisecond // at most ~10 progress messages a second
)

// worker owns the trainer. All its fields are used by one goroutine (run);
// message callbacks only queue messages on inbox.
type worker struct {
	self  js.Value      // the worker's global scope
	inbox chan js.Value // messages from the page, in order
	wake  chan struct{} // signalled by the yield channel
	port  js.Value      // posting here wakes us after the event loop ran

	token    int // the page's configure counter, echoed in replies
	settings settings.Settings
	set      data.Set
	tr       *train.Trainer
	err      error  // the trainer's error (divergence), or nil
	model    []byte // a model file the next trainer starts from (export.go), or nil

	runID    int  // the page's train/step counter, echoed in progress messages
	running  bool // training until done or paused
	stepOnly bool // stop at the end of the current epoch
	elapsed  time.Duration
	clock    view.Clock // counts elapsed, leaving out time the tab was frozen (B30)
	lastPost time.Time
	last     train.Progress // what the last Advance returned
	sent     int            // epochs of history already posted
	hinted   int            // epochs of history when hints were last posted
	budget   view.Budget    // when the prediction curve may be recomputed
	rows     []int          // subsample of the data drawn as prediction points
	rowX     []float64      // x at rows
}

// startWorker runs the worker side: it answers the page's messages and
// trains in slices, yielding to the event loop between them.
func startWorker() {
	w := &worker{
		self:  js.Global(),
		inbox: make(chan js.Value, 1024),
		wake:  make(chan struct{}, 1),
	}
	channel := js.Global().Get("MessageChannel").New()
	channel.Get("port1").Set("onmessage", js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case w.wake <- struct{}{}:
		default:
		}
		return nil
	}))
	w.port = channel.Get("port2")

	receive := js.FuncOf(func(_ js.Value, args []js.Value) any {
		w.queue(args[0].Get("data"))
		return nil
	})
	// Messages that came before Go started wait in self.netfitInbox.
	early := w.self.Get("netfitInbox")
	for i := 0; early.Truthy() && i < early.Length(); i++ {
		w.queue(early.Index(i))
	}
	w.self.Set("onmessage", receive)
	w.post(object{"type": msgReady, "kernel": kernelLabel()})
	go w.run()
}

// queue adds a message to the inbox without blocking the event loop.
func (w *worker) queue(m js.Value) {
	select {
	case w.inbox <- m:
	default:
		// 1024 unread messages: the page is flooding us; drop the oldest.
		<-w.inbox
		w.inbox <- m
	}
}

// run is the worker's loop: wait for a message when idle; when training,
// advance one slice, post progress now and then, and yield.
func (w *worker) run() {
	for {
		if !w.running {
			w.handle(<-w.inbox)
		}
		w.drain()
		if w.running {
			w.slice()
			w.yield()
		}
	}
}

// drain handles every queued message.
func (w *worker) drain() {
	for {
		select {
		case m := <-w.inbox:
			w.handle(m)
		default:
			return
		}
	}
}

// yield lets the event loop run (and deliver messages), then returns.
func (w *worker) yield() {
	w.port.Call("postMessage", nil)
	<-w.wake
}

// post sends a message to the page.
func (w *worker) post(m object) {
	w.self.Call("postMessage", js.ValueOf(m))
}

// handle acts on one message from the page.
func (w *worker) handle(m js.Value) {
	switch str(m, "type") {
	case msgConfigure:
		w.configure(m)
	case msgTrain, msgStep:
		w.runID = int(num(m, "run", 0))
		w.start(str(m, "type") == msgStep)
	case msgPause:
		if w.running {
			w.running = false
			w.postProgress(true)
		}
	case msgReset:
		w.build()
	case msgPredict:
		w.predict(m)
	case msgExport:
		w.export(m)
	}
}

// configure takes new settings and data and builds a trainer.
func (w *worker) configure(m js.Value) {
	w.token = int(num(m, "token", 0))
	s, _ := settings.ParseFragment(str(m, "fragment"), settings.Default())
	w.settings = s
	w.set = data.Set{X: floats(m.Get("x")), Y: floats(m.Get("y"))}
	w.rows = view.Subsample(w.set.Len(), view.MaxPoints)
	w.rowX = view.Pick(w.set.X, w.rows)
	w.model = goBytes(m.Get("model"))
	w.build()
}

// build makes a new trainer from the settings and data, forgetting the
// history, and tells the page.
func (w *worker) build() {
	wasRunning := w.running
	w.running, w.stepOnly = false, false
	w.elapsed, w.sent, w.err, w.last = 0, 0, nil, train.Progress{}
	w.clock.Reset()
	w.hinted = -1
	w.budget.Reset()
	w.tr, w.err = w.newTrainer()

	reply := object{"type": msgConfigured, "token": w.token}
	if w.err != nil {
		reply["error"] = w.err.Error()
		reply["field"] = errorField(w.err)
		w.tr = nil
		w.post(reply)
		return
	}
	nt, nv := w.tr.Rows()
	reply["weights"] = len(w.tr.Model().Params)
	reply["trainRows"], reply["valRows"] = nt, nv
	reply["batch"] = w.tr.BatchSize()
	reply["notes"] = stringList(w.tr.Notes())
	w.post(reply)
	if wasRunning {
		w.postSnapshot(true, false)
	}
	w.postSnapshot(false, false)
	w.hinted = -1 // the next snapshot repeats the hints, with predictions
	w.postProgress(false)
}

// errorField names the train.Config field an error is about, or "".
func errorField(err error) string {
	var fe *train.FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

// start begins training; with stepOnly it stops after one epoch. A
// finished run starts over from new initial weights.
func (w *worker) start(stepOnly bool) {
	if w.tr == nil {
		w.postProgress(true)
		return
	}
	if w.err != nil || w.last.Finished {
		w.build()
	}
	w.running, w.stepOnly = true, stepOnly
	w.lastPost = time.Now()
}

// slice trains for up to sliceTime, then posts progress when due.
func (w *worker) slice() {
	maxSteps := 0
	if spe := w.tr.StepsPerEpoch(); w.stepOnly && w.last.Scoring {
		maxSteps = -1 // no step: finish scoring the epoch (or the initial weights)
	} else if w.stepOnly && spe > 0 {
		maxSteps = spe - w.last.Step%spe // the steps left in this epoch
	}
	start, before := time.Now(), w.last.Step
	p, err := w.tr.Advance(maxSteps, start.Add(sliceTime))
	w.elapsed += w.clock.Add(time.Since(start), p.Step-before) // not a frozen tab's time
	w.last = p

	stop := err != nil || p.Finished || (w.stepOnly && p.EpochDone)
	if err != nil {
		w.err = err
	}
	if stop {
		w.running = false
	}
	if stop || time.Since(w.lastPost) >= postEvery {
		w.postProgress(stop)
	}
}
