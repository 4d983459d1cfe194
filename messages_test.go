//go:build !js

// This file checks the page's messages for bad input: a rejected table, a
// reversed x range, a formula typo or a formula without finite values, a
// learning rate that diverges, a step too slow to pause, and misuse of the
// JavaScript API. Each message must say plainly what to change, once, and
// the page must keep what the user entered.
package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// messagesJS collects the page's visible messages, one "slot: text" a line.
const messagesJS = `(() => { const out = [];
 const add = (k, v) => { if (v && v.trim()) out.push(k + ": " + v.trim()); };
 add("status", document.getElementById("status").textContent);
 const pr = document.getElementById("problems");
 add("problems", pr.hidden ? "" : pr.textContent);
 document.querySelectorAll(".error").forEach(e => add(e.id, e.textContent));
 add("hints", document.getElementById("hints").innerText);
 add("report", document.getElementById("data-report").innerText);
 return out.join("\n"); })()`

// messages returns the page's visible messages.
func messages(tab *Tab) string { return Eval[string](tab, messagesJS) }

// textOf returns the text of the element with the given id.
func textOf(tab *Tab, id string) string {
	return Eval[string](tab, `document.getElementById(`+jsString(id)+`).textContent`)
}

// TestBrowserMessageLoadCSVRejected checks that a table the API cannot fit
// (a constant y) leaves the page as it was and says why in a sentence.
func TestBrowserMessageLoadCSVRejected(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=300")
	tab.WaitReady()
	before := Eval[string](tab, `netfit.settings()`)
	rows := Eval[int](tab, `netfit.data().x.length`)

	got := Eval[string](tab, `netfit.loadCSV("x,y\n1,2\n3,2\n").then(() => "loaded", e => e.message)`)
	want := `y is constant (every "y" is 2); R² is undefined and there is nothing to fit.`
	if got != want {
		t.Errorf("loadCSV rejected with %q, want %q", got, want)
	}
	if after := Eval[string](tab, `netfit.settings()`); after != before {
		t.Errorf("settings after a rejected load:\n%s\nwant them unchanged:\n%s", after, before)
	}
	if n := Eval[int](tab, `netfit.data().x.length`); n != rows {
		t.Errorf("%d rows after a rejected load, want the %d before", n, rows)
	}
	msgs := messages(tab)
	if !strings.Contains(msgs, "was not loaded: "+want) || strings.Contains(msgs, "train:") ||
		strings.Contains(msgs, "Read 2 of 2") {
		t.Errorf("messages:\n%s\nwant the status to say the table was not loaded, and why", msgs)
	}
	tab.Screenshot("rejected-csv")
	tab.CheckConsole()
}

// TestBrowserMessageXRange checks the one plain message of xmin > xmax.
func TestBrowserMessageXRange(t *testing.T) {
	tab := NewTab(t)
	tab.Open("xmin=5&xmax=-5")
	tab.WaitReady()
	msgs := messages(tab)
	if strings.Count(msgs, "xmin (5) must be below xmax (-5)") != 1 ||
		!strings.Contains(msgs, "using xmin=-15, xmax=15 instead") ||
		strings.Contains(msgs, "settings:") || strings.Contains(msgs, "≤") {
		t.Errorf("messages:\n%s\nwant one plain sentence about xmin and xmax", msgs)
	}
	tab.Screenshot("x-range")
	tab.CheckConsole()
}

// TestBrowserMessageFormulaTypo checks that a formula typo in a link stays
// in the formula box and the URL, with the parser's message once, and that
// nothing trains until it is fixed.
func TestBrowserMessageFormulaTypo(t *testing.T) {
	tests := []struct{ formula, escaped, want string }{
		{"sinn(x)", "sinn(x)", `Unknown name "sinn" at column 1.`},
		{"2x", "2x", `at column 2; to multiply write 2*x.`},
		{"0,5*x", "0,5*x", `Unexpected "," at column 2; write decimals with a point: 0.5.`},
		{"10*sin(", "10*sin(", `at column 8.`},
	}
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	for _, tt := range tests {
		t.Run(tt.formula, func(t *testing.T) {
			tab.T = t
			Eval[bool](tab, `(location.hash = "data=formula&f=`+tt.escaped+`", true)`)
			tab.WaitTrue(`document.getElementById("formula").value === `+jsString(tt.formula), 10*time.Second)
			if h := Eval[string](tab, `location.hash`); !strings.Contains(h, "f="+tt.escaped) {
				t.Errorf("URL fragment %q lost the formula %s", h, tt.formula)
			}
			msgs := messages(tab)
			if e := textOf(tab, "formula-error"); !strings.HasSuffix(e, tt.want) {
				t.Errorf("formula error %q, want it to end %q", e, tt.want)
			}
			if strings.Count(msgs, "column") != 1 || strings.Contains(msgs, "Using .") ||
				strings.Contains(msgs, "empty") || strings.Contains(msgs, "train:") {
				t.Errorf("messages:\n%s\nwant the parser's message once", msgs)
			}
			if n := Eval[int](tab, `netfit.data().x.length`); n != 0 {
				t.Errorf("%d rows of data for a formula that does not read, want none", n)
			}
			if e := Eval[string](tab, `netfit.train().then(() => "trained", e => e.message)`); !strings.Contains(e, "column") {
				t.Errorf("train() = %q, want a refusal that names the column", e)
			}
		})
	}
	tab.T = t
	tab.Screenshot("formula-typo")
	tab.CheckConsole()
}

// TestBrowserMessageBadEncoding: a link whose formula has a stray %
// (f=x%ZZ) keeps the text in the formula box, with the parser's message
// under it and a note about the encoding, instead of falling back to the
// sine data.
func TestBrowserMessageBadEncoding(t *testing.T) {
	tab := NewTab(t)
	tab.Open("f=x%ZZ")
	tab.WaitReady()
	tab.WaitTrue(`document.getElementById("formula").value === "x%ZZ"`, 10*time.Second)
	if e := textOf(tab, "formula-error"); !strings.HasPrefix(e, `Unexpected "%" at column 2`) {
		t.Errorf("formula error %q, want the parser's message at column 2", e)
	}
	if msgs := messages(tab); !strings.Contains(msgs, "f=x%ZZ has a bad %-encoding") {
		t.Errorf("messages:\n%s\nwant one about the bad %%-encoding", msgs)
	}
	if n := Eval[int](tab, `netfit.data().x.length`); n != 0 {
		t.Errorf("%d rows of data, want none until the formula reads", n)
	}
	tab.CheckConsole()
}

// TestBrowserMessageNoData checks the one message of a formula with no
// finite value and of data=csv before a table is given.
func TestBrowserMessageNoData(t *testing.T) {
	tests := []struct{ fragment, slot, want string }{
		{"data=formula&f=1/0", "formula-error",
			"The formula gives no finite value on [-15, 15] (1/0 is infinite everywhere); change the formula."},
		{"data=formula&f=10^400", "formula-error",
			"The formula gives no finite value on [-15, 15] (10^400 is infinite everywhere); change the formula."},
		{"data=csv", "csv-text-error", "No table loaded yet: paste or drop a CSV file in the Data panel."},
	}
	for _, tt := range tests {
		t.Run(tt.fragment, func(t *testing.T) {
			tab := NewTab(t)
			tab.Open(tt.fragment)
			tab.WaitReady()
			tab.WaitTrue(`document.getElementById("status").textContent.startsWith("Nothing to train")`, 10*time.Second)
			if got := textOf(tab, tt.slot); got != tt.want {
				t.Errorf("%s: %q, want %q", tt.slot, got, tt.want)
			}
			msgs := messages(tab)
			if strings.Contains(msgs, "train:") || strings.Contains(msgs, "undefined") ||
				strings.Contains(msgs, "x range") || textOf(tab, "run-error") != "" {
				t.Errorf("messages:\n%s\nwant only %q and the status", msgs, tt.want)
			}
			tab.Screenshot("no-data")
			tab.CheckConsole()
		})
	}
}

// TestBrowserMessageDiverged checks the messages of a learning rate that
// diverges: epochs counted from 1 in the status and the note, one
// suggestion, no red line repeating the note.
func TestBrowserMessageDiverged(t *testing.T) {
	tab := NewTab(t)
	tab.Open("opt=sgd&lr=10&epochs=100")
	tab.WaitReady()
	Eval[map[string]any](tab, `netfit.train()`)
	tab.WaitTrue(`document.getElementById("hints").innerText.includes("Training stopped")`, 10*time.Second)
	status := textOf(tab, "status")
	hints := Eval[string](tab, `document.getElementById("hints").innerText`)
	if !strings.HasPrefix(status, "Stopped in epoch 1 of 100") || !strings.Contains(hints, "stopped in epoch 1:") {
		t.Errorf("status %q and note %q; want both at epoch 1", status, hints)
	}
	if strings.Contains(hints, "Try: try") || strings.Count(hints, "very high") != 1 {
		t.Errorf("note %q, want one plain suggestion", hints)
	}
	patches := Eval[[]string](tab, `Array.from(document.querySelectorAll("#hints button"), b => b.dataset.patch)`)
	lr := 0
	for _, p := range patches {
		if strings.Contains(p, "lr=") {
			lr++
			if !strings.Contains(p, "lr=0.01") {
				t.Errorf("fix %q, want lr=0.01", p)
			}
		}
	}
	if lr != 1 {
		t.Errorf("fixes %q, want one learning-rate fix", patches)
	}
	if e := textOf(tab, "run-error"); e != "" {
		t.Errorf("red line %q repeats the note", e)
	}
	if n := Eval[string](tab, `document.querySelector(".numbers").innerText`); strings.Contains(n, "NaN") {
		t.Errorf("the numbers show NaN: %q", n)
	}
	tab.Screenshot("diverged")
	// The fix alone must fit: it once also standardized x, which divides
	// the sin units' frequencies by the spread of x (R² 0.65, a line's).
	if !Eval[bool](tab, `(() => { const b = document.querySelector('#hints button[data-patch="lr=0.01"]');
		return b ? (b.click(), true) : false; })()`) {
		t.Fatalf("no fix button with exactly lr=0.01 among %q", patches)
	}
	m := caseTrain(tab)
	if r2, _ := m["valR2"].(float64); r2 < 0.9 || !strings.Contains(Eval[string](tab, `location.hash`), "scale=y&") {
		t.Errorf("after the fix: validation R² %v, address %s; want ≥ 0.9 with scale=y kept",
			m["valR2"], Eval[string](tab, `location.hash`))
	}
	tab.CheckConsole()
}

// TestBrowserMessageSlowStep checks the warning before a step that takes
// minutes, with a fix to a smaller batch size.
func TestBrowserMessageSlowStep(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=100000&layers=2048,2048&batch=100000")
	tab.WaitReady()
	tab.WaitTrue(`document.getElementById("hints").innerText.includes("One step of this setup takes about")`, 150*time.Second)
	hints := Eval[string](tab, `document.getElementById("hints").innerText`)
	if !strings.Contains(hints, "Pause and Stop answer only between steps") {
		t.Errorf("note %q, want it to say Pause waits for the step", hints)
	}
	patch := Eval[string](tab, `document.querySelector('#hints [data-hint="slow-step"]').dataset.patch`)
	if patch != "batch=128" {
		t.Errorf("fix %q, want batch=128", patch)
	}
	tab.Screenshot("slow-step")
	tab.CheckConsole()
}

// TestBrowserMessageAPI checks the API's refusals: predict with a value that
// is not a number, and an unknown postMessage command, which gets a reply.
func TestBrowserMessageAPI(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200&epochs=2")
	tab.WaitReady()
	got := Eval[string](tab, `netfit.predict([null]).then(() => "predicted", e => e.message)`)
	if got != "netfit.predict: x[0] is null (object); every x must be a finite number" {
		t.Errorf("predict([null]) = %q, want a refusal", got)
	}
	reply := Eval[map[string]any](tab, `new Promise((resolve, reject) => {
		const frame = document.createElement('iframe');
		frame.src = 'index.html#embed=1&n=200&epochs=2&layers=8';
		window.addEventListener('message', e => {
			const m = e.data;
			if (e.source !== frame.contentWindow || !m) return;
			if (m.netfit === 'ready') frame.contentWindow.postMessage({netfit: 'bogus', id: 1}, '*');
			if (m.netfit === 'result') resolve(m);
		});
		setTimeout(() => reject(new Error('no answer from the iframe in 30 s')), 30000);
		document.body.appendChild(frame);
	})`)
	if e, _ := reply["error"].(string); reply["id"] != 1.0 ||
		!strings.HasPrefix(e, `unknown command "bogus"; commands are configure, train`) {
		t.Errorf("reply %v, want id 1 and an error naming the commands", reply)
	}
	tab.CheckConsole()
}

// TestBrowserMessageEmbedMAPE checks that the unreliable MAPE tile of the
// embed view, at a phone's width, never leaves ")" alone on a line.
func TestBrowserMessageEmbedMAPE(t *testing.T) {
	tab := NewTab(t)
	tab.Do(chromedp.EmulateViewport(360, 700))
	tab.Open("embed=1&n=300&epochs=3&layers=8")
	tab.WaitReady()
	Eval[map[string]any](tab, `netfit.train()`)
	tab.WaitTrue(`document.getElementById("num-mape").textContent.includes("unreliable")`, 10*time.Second)
	same := Eval[bool](tab, `(() => {
		const t = document.getElementById("num-mape").firstChild, s = t.textContent;
		const top = i => { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1);
			return r.getBoundingClientRect().top; };
		return top(s.indexOf("(")) === top(s.indexOf(")"));
	})()`)
	if !same {
		t.Errorf("MAPE tile %q wraps inside \"(unreliable)\"", textOf(tab, "num-mape"))
	}
	Eval[bool](tab, `(document.getElementById("num-mape").scrollIntoView(), true)`)
	tab.Screenshot("embed-mape")
	tab.CheckConsole()
}

// TestBrowserMessageFileTexts checks the messages of files and boxes that
// hold no table or model: an empty paste box, a PNG picked as a CSV file,
// and a model file whose settings are refused (no "Using 0.01", no double
// period); an export's error goes once the user trains.
func TestBrowserMessageFileTexts(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200&layers=8&epochs=2&batch=50")
	tab.WaitReady()
	dir := t.TempDir()

	choose(tab, "data-source", "csv")
	tab.Do(chromedp.Click(chromedp.CSS("#csv-use")))
	want := "The text box is empty: paste a table (CSV or TSV) into it, then press Use pasted table."
	if got := textOf(tab, "csv-text-error"); got != want {
		t.Errorf("Use pasted table with an empty box: %q, want %q", got, want)
	}

	// A real PNG: this test's own screenshot of the page.
	png := filepath.Join(dir, "picture.png")
	if err := os.WriteFile(png, mustRead(t, tab.Screenshot("before-png")), 0o644); err != nil {
		t.Fatal(err)
	}
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("#csv-file"), []string{png}))
	tab.WaitTrue(`document.getElementById("csv-text-error").textContent.includes("picture.png") ||
		document.getElementById("status").textContent.includes("picture.png")`, 10*time.Second)
	tab.WaitTrue(`!document.getElementById("status").textContent.startsWith("Reading")`, 10*time.Second)
	if got := textOf(tab, "status"); !strings.Contains(got, "This file is not a text table (CSV or TSV)") ||
		strings.Contains(got, "fields") {
		t.Errorf("status after picking a PNG as the table: %q, want it to say the file is not a text table", got)
	}

	model := filepath.Join(dir, "bad-model.json")
	body := `{"format": "netfit-model", "version": 1, "settings": "lr=banana"}`
	if err := os.WriteFile(model, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("#load-model"), []string{model}))
	tab.WaitTrue(`document.getElementById("export-error").textContent !== ""`, 10*time.Second)
	got := textOf(tab, "export-error")
	if !strings.Contains(got, "lr=banana is not allowed") || strings.Contains(got, "Using") ||
		strings.Contains(got, "..") || !strings.HasSuffix(got, "The file was not loaded; nothing changed.") {
		t.Errorf("loading a model file with lr=banana says %q, want the refused setting, "+
			"no \"Using\", no double period, and that nothing changed", got)
	}

	choose(tab, "data-source", "preset")
	trainToEnd(tab)
	if got := textOf(tab, "export-error"); got != "" {
		t.Errorf("after training, the export panel still says %q", got)
	}
	tab.CheckConsole()
}

// mustRead returns the bytes of a file.
func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestBrowserMessageStatusFollowsFormula follows the newcomer's sequence:
// a formula that does not read, Train, a second typo, a valid formula, the
// API. The status line must speak of the formula in the box each time, not
// keep the first refusal; and with no data the parity chart must not keep
// the points of the data trained before.
func TestBrowserMessageStatusFollowsFormula(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200&epochs=2")
	tab.WaitReady()
	Eval[float64](tab, `netfit.train().then(m => m.epoch)`)
	time.Sleep(300 * time.Millisecond) // a few frames: drawOneMore takes turns
	trained := tab.CanvasInk("#parity-chart")[0]

	Eval[bool](tab, typeJS("data-source", "formula"))
	Eval[bool](tab, typeJS("formula", "sin(x"))
	tab.Do(chromedp.Click(chromedp.CSS("#train")))
	if s := textOf(tab, "status"); s != "No data to train on: Missing ) at column 6." {
		t.Errorf("status after Train with sin(x: %q, want the refusal naming column 6", s)
	}
	if r := Eval[string](tab, `netfit.view().ranges + "|" + document.getElementById("x-ranges").textContent`); r != "|" {
		t.Errorf("x ranges under the chart with no data: %q, want none", r)
	}
	// The parity chart of the sine shows no more: it says to train instead.
	tab.WaitTrue(`netfit.frames > 0`, 10*time.Second)
	time.Sleep(300 * time.Millisecond) // a few frames: drawOneMore takes turns
	ink := tab.CanvasInk("#parity-chart")[0]
	// Axes and "Train to see predictions" alone: about half the ink of 200
	// points over the same axes (3039 against 5914 when written).
	if ink*4 > trained*3 {
		t.Errorf("parity chart with no data has %d pixels of ink, want well under the %d of the trained one",
			ink, trained)
	}

	// Typing (input events only, as before Enter) replaces the old refusal.
	typing := func(text string) string {
		return Eval[string](tab, `(() => { const e = document.getElementById("formula");
 e.value = `+jsString(text)+`; e.dispatchEvent(new Event("input"));
 return document.getElementById("status").textContent; })()`)
	}
	if s := typing("x^^2"); strings.Contains(s, "column 6") || !strings.HasPrefix(s, "Nothing to train on") {
		t.Errorf("status while x^^2 is typed: %q, want the no-data sentence without column 6", s)
	}
	if e := textOf(tab, "formula-error"); !strings.HasSuffix(e, "at column 3.") {
		t.Errorf("formula error %q, want column 3", e)
	}
	if s := typing("x^2"); !strings.HasPrefix(s, "Ready: press Train") {
		t.Errorf("status while a valid x^2 is typed: %q, want Ready: press Train…", s)
	}

	// A second typo applied, then a valid formula from the API.
	Eval[bool](tab, typeJS("formula", "x^^2"))
	want := "Nothing to train on yet: see the message in red in the Data panel."
	if s := textOf(tab, "status"); s != want {
		t.Errorf("status after x^^2 is applied: %q, want %q", s, want)
	}
	Eval[map[string]any](tab, `netfit.configure({f: "x*2"}, true)`)
	if s := textOf(tab, "status"); strings.Contains(s, "No data") || strings.Contains(s, "Nothing") {
		t.Errorf("status after configure({f: 'x*2'}): %q, want no word of missing data", s)
	}
	time.Sleep(300 * time.Millisecond) // the worker's answer must not bring it back
	if s := textOf(tab, "status"); s != "Settings changed: the model starts over. Press Train." {
		t.Errorf("status after the worker answered: %q, want Settings changed…", s)
	}
	tab.CheckConsole()
}

// TestBrowserMessageLinkStatus opens another link in the same tab, after
// a preset button: the status says the link's settings are loaded.
func TestBrowserMessageLinkStatus(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	tab.Do(chromedp.Click(chromedp.CSS("#preset-keras-sine")))
	if s := textOf(tab, "status"); s != `Preset "keras-sine" loaded. Press Train.` {
		t.Errorf("status after the Keras sine button: %q", s)
	}
	if l := Eval[string](tab, `location.hash`); !strings.HasPrefix(l, "#preset=keras-sine&data=sine&") {
		t.Errorf("link after the Keras sine button: %q, want preset=keras-sine first", l)
	}
	tests := []struct{ hash, status, link string }{
		{"preset=recommended-poly", `Preset "recommended-poly" loaded. Press Train.`, "#preset=recommended-poly&data=poly&"},
		{"data=cubic&n=300", "Settings from the link loaded. Press Train.", "#data=cubic&n=300&"},
	}
	for _, tt := range tests {
		Eval[bool](tab, `(location.hash = `+jsString(tt.hash)+`, true)`)
		tab.WaitTrue(`location.hash.startsWith(`+jsString(tt.link)+`)`, 10*time.Second)
		if s := textOf(tab, "status"); s != tt.status {
			t.Errorf("status after #%s: %q, want %q", tt.hash, s, tt.status)
		}
		// The button writes the same form of link as the hash.
		if l := Eval[string](tab, `location.hash`); strings.Count(l, "preset=") > 1 {
			t.Errorf("link %q names the preset twice", l)
		}
	}
	tab.CheckConsole()
}
