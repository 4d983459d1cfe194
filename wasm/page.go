//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"time"

	"netfit/core/data"
	"netfit/core/hint"
	"netfit/core/settings"
	"netfit/core/source"
	"netfit/core/view"
)

// redrawEvery is the longest time between two chart redraws while training,
// so the page visibly moves even when one batch of a big network takes a
// second in the worker.
const redrawEvery = 100 * time.Millisecond

// page is the page side: it owns the settings and the data, sends them to
// the worker, keeps the worker's latest snapshot and draws it.
type page struct {
	win    window
	doc    document
	worker js.Value

	s        settings.Settings
	set      data.Set
	dataErr  error  // why there is no data, or nil
	trainIdx []int  // rows used for training, as the trainer splits them
	isVal    []bool // per row: a validation row
	regions  view.Regions
	drawRows []int    // the rows the data chart draws: all, or a subsample of large data
	lineR2   string   // R² of the straight line through the training rows (hint.LineR2), formatted
	lineFit  any      // the same R² for the API, or nil when undefined
	token    int      // counts configure messages; stale snapshots are ignored
	kernel   string   // the worker's kernel name
	workerUp bool     // the worker's Go code runs
	queue    []object // messages waiting for the worker to start

	// From the worker.
	conf     js.Value  // the last configured message
	latest   js.Value  // the last progress message
	loss     []float64 // training loss per epoch
	valLoss  []float64 // validation loss per epoch
	curveX   []float64 // prediction curve
	curveY   []float64
	predRows []int     // rows with a prediction at their x
	pred     []float64 // the predictions at those rows
	running  bool      // training, as far as the page knows
	pausing  bool      // Pause was pressed; the worker has not stopped yet
	runStart time.Time // when Train or Step was pressed
	runSeen  bool      // a snapshot of the current run arrived
	run      int       // counts train and step commands; older progress says nothing about running
	runError string
	hintsKey string // the hints shown, to skip rebuilding the same list

	charts   charts
	versions struct{ data, pred, loss int } // bumped when a chart's input changes
	latestAt time.Time                      // when the latest snapshot arrived
	dirty    bool
	resized  bool // the window changed size: measure the canvases again
	lastDraw time.Time
	frames   int
	drawn    bool // the data chart was drawn once (body.dataset.ready)
	turn     int  // the chart drawOneMore tries first

	nodes       map[string]node   // elements by id, see el
	shown       map[string]string // the text of each number shown, see setNumber
	predictions map[int]js.Value  // predict callbacks by request id
	nextID      int

	input dataInput         // the formula and table sources' state (datainput.go)
	typed map[string]string // control id → why the value typed there is refused (controls.go)

	modelFile []byte // a model file the next trainer starts from (exportpanel.go), or nil
}

// startPage builds the page: settings from the URL (or localStorage, or the
// defaults), controls, data, the worker, the charts and the API.
func startPage() {
	p := &page{win: window{js.Global()}, predictions: map[int]js.Value{},
		nodes: map[string]node{}, shown: map[string]string{}}
	p.doc = p.win.Document()
	p.charts = newCharts(p.doc, &p.resized)
	p.resized = true
	node{js.Global()}.AddEventListener("resize", func(js.Value) {
		p.resized, p.dirty = true, true
	})

	p.s = p.initialSettings()
	p.buildControls()
	p.buildExport()
	p.writeControls()
	p.applyDisplay()
	p.regenerate()

	// The worker loads the same SIMD module as the page (main.js), so the
	// page's kernels stand for the worker's until its ready message names
	// them: the footer never reads "–" while the worker starts.
	p.setText(idKernel, kernelLabel())
	p.connectWorker()
	p.configureWorker()
	p.bindAPI()
	p.listenHints()
	p.listenHash()
	p.startFrames()
	p.setStatus("Ready: press Train to fit the network to the data.")
	p.noDataStatus()
}

// noDataStatus says in the status line that there is nothing to train on
// while the data cannot be made; the reason shows in red in the Data panel.
func (p *page) noDataStatus() {
	if p.dataErr == nil {
		return
	}
	// A refusal of Train (buttons.go) for this same reason stays: the
	// worker's answer to the settings change before it must not replace it.
	refusal := noDataPrefix + source.Explain(p.dataErr)
	if p.el(idStatus).Get("textContent").String() != refusal {
		p.setStatus(noDataSentence)
	}
}

// noDataSentence is the status line while the data cannot be made.
const noDataSentence = "Nothing to train on yet: see the message in red in the Data panel."

// typingStatus keeps the status line in step with a formula being typed,
// once it speaks of the formula in use (a refusal of Train, or no data):
// that formula is about to be replaced, so its message is old news.
func (p *page) typingStatus(err error) {
	status := p.el(idStatus).Get("textContent").String()
	if p.dataErr == nil && !strings.HasPrefix(status, noDataPrefix) {
		return
	}
	if err != nil {
		p.setStatus(noDataSentence)
	} else {
		p.setStatus("Ready: press Train to fit the network to the new formula.")
	}
}

// el returns the element with the given id; it panics when the page lacks
// it, which is a bug in index.html or ids.go.
//
// Elements are looked up once and kept, so drawing a frame makes no
// lookups.
func (p *page) el(id string) node {
	if n, ok := p.nodes[id]; ok {
		return n
	}
	e := p.doc.GetElementByID(id)
	if !e.Exists() {
		panic("wasm: the page has no element #" + id)
	}
	p.nodes[id] = e
	return p.nodes[id]
}

// create makes a new element with the given tag.
func (p *page) create(tag string) node { return p.doc.CreateElement(tag) }

// body returns the page's body element.
func (p *page) body() node { return node{js.Global().Get("document").Get("body")} }

// setText sets the text of the element with the given id.
func (p *page) setText(id, text string) { p.el(id).SetTextContent(text) }

// setStatus shows a sentence in the status line.
func (p *page) setStatus(text string) { p.setText(idStatus, text) }

// regenerate rebuilds the data set from the data settings, the split from
// the training settings, and marks the charts for redrawing.
func (p *page) regenerate() {
	p.loadData()
	p.resplit()
	p.dirty = true
}

// resplit recomputes which rows are validation rows, and the straight-line
// baseline, which is fitted to and scored on the training rows.
func (p *page) resplit() {
	p.lineR2, p.lineFit = "–", nil
	if r2, err := hint.LineR2(p.s.Train, p.set); err == nil {
		p.lineR2, p.lineFit = view.Number(r2, 3), number(r2)
	} else if p.set.Len() > 0 {
		p.lineR2 = view.Undefined(err.Error())
	}
	n := p.set.Len()
	p.isVal = make([]bool, n)
	p.drawRows = view.Subsample(n, view.MaxPoints)
	if n < 2 {
		p.trainIdx = nil
		p.regions = view.XRegions(p.set.X, nil, nil)
		p.setText(idXRanges, "") // the ranges of the data before are no more
		p.versions.data++
		return
	}
	train, val := view.Rows(n, p.s.Train)
	p.trainIdx = train
	for _, i := range val {
		p.isVal[i] = true
	}
	p.regions = view.XRegions(p.set.X, train, val)
	p.setText(idXRanges, view.RangeText(p.regions))
	p.versions.data++
}

// connectWorker takes the worker main.js started and listens to it.
func (p *page) connectWorker() {
	p.worker = js.Global().Get("netfitWorker")
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer func() {
			if r := recover(); r != nil {
				reportPanic(r)
			}
		}()
		start := time.Now()
		p.receive(args[0].Get("data"))
		slowest("slowestMessageMs", time.Since(start))
		return nil
	})
	early := js.Global().Get("netfitWorkerInbox")
	p.worker.Set("onmessage", onMessage)
	for i := 0; early.Truthy() && i < early.Length(); i++ {
		p.receive(early.Index(i))
	}
	p.worker.Set("onerror", js.FuncOf(func(_ js.Value, args []js.Value) any {
		p.showRunError("The training worker failed: " + args[0].Get("message").String())
		return nil
	}))
}

// slowest sets netfit[key] to d in milliseconds when d is longer, so the
// tests see the longest time so far (they may set it back to 0).
func slowest(key string, d time.Duration) {
	api, ms := js.Global().Get("netfit"), float64(d.Microseconds())/1000
	if ms > api.Get(key).Float() {
		api.Set(key, ms)
	}
}

// configureWorker sends the settings and data to the worker, which builds a
// new trainer; the charts forget the previous run.
func (p *page) configureWorker() {
	p.token++
	p.loss, p.valLoss = nil, nil
	p.curveX, p.curveY, p.pred, p.predRows = nil, nil, nil, nil
	p.latest, p.conf = js.Undefined(), js.Undefined()
	p.showHints(js.Undefined())
	p.versions.pred++
	p.versions.loss++
	p.running, p.runError = false, ""
	p.showRunError("")
	p.updateButtons()

	m := object{"type": msgConfigure, "token": p.token, "fragment": p.s.Fragment(),
		"x": float64Array(p.set.X), "y": float64Array(p.set.Y)}
	if p.modelFile != nil {
		m["model"] = bytesArray(p.modelFile)
		p.modelFile = nil
	}
	p.send(m)
	p.dirty = true
}

// send posts a message to the worker, or queues it until the worker runs;
// a configure makes the messages queued before it moot.
func (p *page) send(m object) {
	if !p.workerUp {
		if m["type"] == msgConfigure {
			p.queue = p.queue[:0]
		}
		p.queue = append(p.queue, m)
		return
	}
	p.worker.Call("postMessage", js.ValueOf(m))
}

// receive handles one message from the worker.
func (p *page) receive(m js.Value) {
	switch str(m, "type") {
	case msgReady:
		p.workerUp = true
		p.kernel = str(m, "kernel")
		p.setText(idKernel, p.kernel)
		for _, q := range p.queue {
			p.send(q)
		}
		p.queue = nil
	case msgConfigured:
		if int(num(m, "token", -1)) == p.token {
			p.configured(m)
		}
	case msgProgress:
		if int(num(m, "token", -1)) == p.token {
			p.progress(m)
		}
	case msgPredicted:
		p.predicted(m)
	case msgExported:
		p.exported(m)
	case msgFatal:
		p.showRunError("The training worker could not start: " + str(m, "message"))
	}
}

// configured shows what the worker made of the settings.
func (p *page) configured(m js.Value) {
	p.conf = m
	p.clearFieldErrors()
	if p.dataErr != nil {
		// The trainer refused the empty data; the Data panel says why.
		p.noDataStatus()
		return
	}
	if msg := str(m, "error"); msg != "" {
		id := fieldControls[str(m, "field")]
		if id == "" {
			id = idRunError
		}
		p.setError(id, msg)
		p.setStatus("The settings have a problem; see the message in red.")
	}
	p.dirty = true
}

// progress takes a snapshot from the worker.
func (p *page) progress(m js.Value) {
	p.latest, p.latestAt = m, time.Now()
	current := int(num(m, "run", 0)) >= p.run
	if current {
		p.running, p.runSeen = flag(m, "running"), true
		p.pausing = p.pausing && p.running
	}
	from := int(num(m, "from", 0))
	loss, valLoss := floats(m.Get("loss")), floats(m.Get("valLoss"))
	p.loss = append(p.loss[:min(from, len(p.loss))], loss...)
	p.valLoss = append(p.valLoss[:min(from, len(p.valLoss))], valLoss...)
	if len(loss) > 0 {
		p.versions.loss++
	}
	if cx := m.Get("curveX"); !cx.IsUndefined() {
		p.curveX, p.curveY = floats(cx), floats(m.Get("curveY"))
		p.pred = floats(m.Get("points"))
		p.versions.pred++
		rows := floats(m.Get("rows"))
		p.predRows = make([]int, len(rows))
		for i, r := range rows {
			p.predRows[i] = int(r)
		}
	}
	if h := m.Get("hints"); !h.IsUndefined() {
		p.showHints(h)
	}
	p.runError = str(m, "error")
	if strings.Contains(p.hintsKey, hint.Diverged+"|") {
		p.showRunError("") // the diverged hint says it, with its fix
	} else {
		p.showRunError(p.runError)
	}
	p.updateButtons()
	p.updateStatus(m)
	p.dirty = true

	for i := range loss {
		p.emit("epoch", p.epochEvent(m, from+i, i))
	}
	if flag(m, "stopped") {
		// An earlier run stopped by a configure or reset also ends its
		// train() promise; api.js matches the run ids.
		if current {
			p.draw()
		}
		detail := p.metrics()
		detail["run"] = int(num(m, "run", 0))
		p.emit("stopped", detail)
	}
}
