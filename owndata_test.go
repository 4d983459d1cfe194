//go:build !js

// This file holds the browser tests of the data panel's own sources (issue
// 5): a pasted table, an uploaded file, a typed formula, the real data sets
// and the cases of CASES.md for tables (B14, B21, B23).
package main

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// b21Table is CASES B21's table: y = 2.5·x, semicolons and decimal commas.
const b21Table = "x;y\n0,5;1,25\n1,0;2,50\n1,5;3,75\n2,0;5,00\n2,5;6,25\n3,0;7,50\n"

// choose picks a value in a select and fires its change event, as a person
// choosing from the menu does.
func choose(tab *Tab, id, value string) {
	tab.T.Helper()
	Eval[bool](tab, `(() => { const s = document.getElementById(`+jsString(id)+`);
		s.value = `+jsString(value)+`; s.dispatchEvent(new Event("change")); return true; })()`)
}

// setValue sets an input's value without events (chromedp.SetValue cannot
// set "").
func setValue(tab *Tab, id, value string) {
	tab.T.Helper()
	Eval[bool](tab, `(() => { document.getElementById(`+jsString(id)+`).value = `+
		jsString(value)+`; return true; })()`)
}

// text returns an element's text.
func text(tab *Tab, id string) string {
	tab.T.Helper()
	return Eval[string](tab, `document.getElementById(`+jsString(id)+`).textContent`)
}

// trainToEnd presses Train and waits until training stops; it returns the
// metrics.
func trainToEnd(tab *Tab) map[string]any {
	tab.T.Helper()
	return Eval[map[string]any](tab, `netfit.train()`)
}

// readTestData returns a file of testdata/data.
func readTestData(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "data", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestBrowserPasteCSV pastes CASES B21's European table and fits it with a
// single linear unit (Adam 0.1, 300 epochs, no validation) to R² ≥ 0.999:
// read as integers it could not be.
func TestBrowserPasteCSV(t *testing.T) {
	tab := NewTab(t)
	tab.Open("data=csv&layers=none&opt=adam&lr=0.1&epochs=300&val=0&scale=none&sched=constant")
	tab.WaitReady()
	if msg := text(tab, "csv-text-error"); !strings.Contains(msg, "No table loaded") {
		t.Errorf("without a table the page says %q, want it to ask for one", msg)
	}

	tab.Do(chromedp.SetValue(chromedp.CSS("#csv-text"), b21Table),
		chromedp.Click(chromedp.CSS("#csv-use")))
	tab.WaitTrue(`netfit.data().x.length === 6`, 10*time.Second)
	report := text(tab, "data-report")
	for _, want := range []string{"Read 6 of 6 rows", "Semicolon-separated", "decimal comma"} {
		if !strings.Contains(report, want) {
			t.Errorf("report %q, want it to contain %q", report, want)
		}
	}
	if x := Eval[[]float64](tab, `netfit.data().x`); x[0] != 0.5 || x[5] != 3 {
		t.Errorf("x = %v, want 0.5 … 3", x)
	}

	m := trainToEnd(tab)
	if r2, _ := m["r2"].(float64); r2 < 0.999 {
		t.Errorf("R² %v after training, want ≥ 0.999 (metrics %v)", m["r2"], m)
	}
	tab.Screenshot("pasted-b21")
	noNaNText(t, tab)
	tab.CheckConsole()
}

// TestBrowserUploadFile picks the cars file with the file input, chooses
// the columns by name and trains with the recommended setup for a table to
// a validation R² ≥ 0.6 (a quadratic explains about 0.69).
func TestBrowserUploadFile(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	path, err := filepath.Abs(filepath.Join("testdata", "data", "cars.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("#csv-file"), []string{path}))
	tab.WaitTrue(`document.getElementById("data-report").textContent.includes("cars.csv")`,
		10*time.Second)
	if got := Eval[string](tab, `document.getElementById("data-source").value`); got != "csv" {
		t.Errorf("source %q after the upload, want csv", got)
	}

	choose(tab, "x-column", "Horsepower")
	choose(tab, "y-column", "Miles_per_Gallon")
	tab.WaitTrue(`netfit.data().x.length === 392`, 10*time.Second)
	report := text(tab, "data-report")
	for _, want := range []string{"Read 392 of 406 rows; dropped 14",
		`Line 12: empty cell in "Miles_per_Gallon"`} {
		if !strings.Contains(report, want) {
			t.Errorf("report %q, want it to contain %q", report, want)
		}
	}
	frag := Eval[string](tab, `netfit.settings()`)
	if !strings.Contains(frag, "xcol=Horsepower&ycol=Miles_per_Gallon") ||
		!strings.Contains(frag, "layers=64,64&act=relu") {
		t.Errorf("settings %s, want the columns and the general recommended setup", frag)
	}

	m := trainToEnd(tab)
	t.Logf("cars: validation R² %v", m["valR2"])
	if r2, _ := m["valR2"].(float64); r2 < 0.6 {
		t.Errorf("validation R² %v, want ≥ 0.6", m["valR2"])
	}
	tab.Screenshot("cars")
	noNaNText(t, tab)
	tab.CheckConsole()
}

// TestBrowserDropFile drops a CSV file on the page, as a user dragging it
// from their desktop would, and then plain text: each becomes the data, and
// the page's "dropping" highlight comes and goes with the drag.
func TestBrowserDropFile(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	// A drag over the page highlights it; the drop reads the file.
	tab.Do(chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer();
		dt.items.add(new File(["x,y\n1,2\n2,4.5\n3,5.9\n4,8.2\n5,9.8\n6,12.1\n"],
			"dropped.csv", { type: "text/csv" }));
		document.body.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
		window.highlighted = document.body.classList.contains("dropping");
		document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
	})()`))
	if !Eval[bool](tab, `window.highlighted`) {
		t.Error("no dropping highlight while a file is dragged over the page")
	}
	tab.WaitTrue(`document.getElementById("data-report").textContent.includes("dropped.csv")`,
		10*time.Second)
	if Eval[bool](tab, `document.body.classList.contains("dropping")`) {
		t.Error("the dropping highlight stays after the drop")
	}
	if got := Eval[string](tab, `document.getElementById("data-source").value`); got != "csv" {
		t.Errorf("source %q after the drop, want csv", got)
	}
	tab.WaitTrue(`netfit.data().x.length === 6`, 10*time.Second)
	if got := Eval[[]float64](tab, `netfit.data().y`); len(got) != 6 || got[1] != 4.5 {
		t.Errorf("y after the drop %v, want the file's 2, 4.5, …", got)
	}

	// Text dragged from another page arrives as text/plain.
	tab.Do(chromedp.Evaluate[chromedp.Void](`(() => {
		const dt = new DataTransfer();
		dt.setData("text/plain", "a\tb\n1\t10\n2\t20\n3\t31\n4\t39\n");
		document.body.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
	})()`))
	tab.WaitTrue(`netfit.data().x.length === 4`, 10*time.Second)
	if got := Eval[[]float64](tab, `netfit.data().y`); len(got) != 4 || got[3] != 39 {
		t.Errorf("y after dropping text %v, want 10, 20, 31, 39", got)
	}
	if report := text(tab, "data-report"); !strings.Contains(report, "dropped text") {
		t.Errorf("report %q, want it to name the dropped text", report)
	}
	tab.CheckConsole()
}

// TestBrowserFormula types a formula with a mistake, sees the message with
// its column, corrects it, and sees log(x)'s undefined samples reported.
func TestBrowserFormula(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	choose(tab, "data-source", "formula")
	got := Eval[string](tab, `document.getElementById("formula").value`)
	if got != "10*sin(x) + x" {
		t.Errorf("the formula box starts with %q, want the sine preset's formula", got)
	}

	setValue(tab, "formula", "")
	tab.Do(chromedp.SendKeys(chromedp.CSS("#formula"), "10*sinn(x) + x"))
	tab.WaitTrue(`document.getElementById("formula-error").textContent !== ""`, 5*time.Second)
	if msg := text(tab, "formula-error"); msg != `Unknown name "sinn" at column 4.` {
		t.Errorf("formula error %q, want the unknown name at column 4", msg)
	}
	tab.Screenshot("formula-error")

	setValue(tab, "formula", "")
	tab.Do(chromedp.SendKeys(chromedp.CSS("#formula"), "log(x)"+kb.Enter)) // Enter applies it
	tab.WaitTrue(`netfit.settings().includes("f=log(x)")`, 5*time.Second)
	if msg := text(tab, "formula-error"); msg != "" {
		t.Errorf("formula error %q after correcting it", msg)
	}
	report := text(tab, "data-report")
	if !strings.Contains(report, "undefined (NaN or infinite) at") ||
		!strings.Contains(report, "left out") {
		t.Errorf("report %q, want it to say which samples were left out", report)
	}
	n := Eval[int](tab, `netfit.data().x.length`)
	if n < 400 || n > 600 {
		t.Errorf("%d samples kept of 1000 on [-15, 15], want about half", n)
	}
	tab.Screenshot("formula-log")

	// The API: f= alone means a formula.
	Eval[map[string]any](tab, `netfit.configure("f=x^2")`)
	frag := Eval[string](tab, `netfit.settings()`)
	if !strings.HasPrefix(frag, "data=formula&f=x^2") {
		t.Errorf("configure(f=x^2) gave %s, want data=formula&f=x^2…", frag)
	}
	noNaNText(t, tab)
	tab.CheckConsole()
}

// TestBrowserFormulaSyntaxTrain types a formula with a syntax error and
// presses Train at once, as the newcomer did: Train refuses with the
// parser's message instead of training the last formula that read, and the
// typed text stays. The status then follows each new formula.
func TestBrowserFormulaSyntaxTrain(t *testing.T) {
	tab := NewTab(t)
	tab.Open("data=formula&f=x^2&n=200&layers=8&epochs=3&batch=50")
	tab.WaitReady()
	trainToEnd(tab)

	typeAndTrain := func(formula string) string {
		setValue(tab, "formula", "")
		tab.Do(chromedp.SendKeys(chromedp.CSS("#formula"), formula),
			chromedp.Click(chromedp.CSS("#train")))
		time.Sleep(500 * time.Millisecond) // a training run would have begun by now
		return text(tab, "status")
	}

	status := typeAndTrain("sin(x")
	if want := "No data to train on: Missing ) at column 6."; status != want {
		t.Errorf("status %q after typing sin(x and pressing Train, want %q", status, want)
	}
	got := Eval[map[string]any](tab, `({epoch: netfit.metrics().epoch, rows: netfit.data().x.length,
		box: document.getElementById("formula").value, settings: netfit.settings()})`)
	if got["epoch"] != 0.0 || got["rows"] != 0.0 {
		t.Errorf("after Train with sin(x: epoch %v and %v rows of data, want nothing trained "+
			"and no data", got["epoch"], got["rows"])
	}
	if got["box"] != "sin(x" || !strings.Contains(got["settings"].(string), "f=sin(x") {
		t.Errorf("formula box %q, settings %q; want the typed sin(x kept", got["box"], got["settings"])
	}

	// The status names the problem of the current formula, not of the last.
	if status := typeAndTrain("1/(x-x)"); !strings.Contains(status, "no finite value") {
		t.Errorf("status %q for 1/(x-x), want it to say the formula has no finite value", status)
	}
	if status := typeAndTrain("sin(x"); !strings.HasSuffix(status, "Missing ) at column 6.") ||
		strings.Contains(status, "finite") {
		t.Errorf("status %q after going from 1/(x-x) to sin(x, want the missing )", status)
	}
	tab.Screenshot("formula-syntax-train")
	tab.CheckConsole()
}

// TestBrowserNewTableFeatures loads the CO₂ table with its yearly
// features, then cars.csv: the new table starts without them (x is
// horsepower, not a date), and the status says so. A table read with the
// same columns as the last one (an edited copy) keeps them.
func TestBrowserNewTableFeatures(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200&layers=8&epochs=2&batch=50")
	tab.WaitReady()
	co2 := readTestData(t, "co2-concentration.csv")
	Eval[map[string]any](tab, `netfit.loadCSV(`+jsString(co2)+`, {x: "Date", y: "CO2"})`)
	Eval[map[string]any](tab, `netfit.configure({feat: "sin1"})`)

	cars := jsString(readTestData(t, "cars.csv"))
	Eval[map[string]any](tab, `netfit.loadCSV(`+cars+`, {x: "Horsepower", y: "Miles_per_Gallon"})`)
	if frag := Eval[string](tab, `netfit.settings()`); !strings.Contains(frag, "feat=none") {
		t.Errorf("after loading cars.csv: %s, want feat=none (the CO₂ table's sin1 off)", frag)
	}
	if status := text(tab, "status"); !strings.Contains(status, "switched off") {
		t.Errorf("status %q, want it to say the extra inputs were switched off", status)
	}

	// An edited copy of the CO₂ table: the same columns, the features stay.
	Eval[map[string]any](tab, `netfit.loadCSV(`+jsString(co2)+`, {x: "Date", y: "CO2"})`)
	Eval[map[string]any](tab, `netfit.configure({feat: "sin1"})`)
	edited := co2[:strings.LastIndex(co2[:len(co2)/2], "\n")+1] // the first half of the lines
	Eval[map[string]any](tab, `netfit.loadCSV(`+jsString(edited)+`, {x: "Date", y: "CO2"})`)
	if frag := Eval[string](tab, `netfit.settings()`); !strings.Contains(frag, "feat=sin1") {
		t.Errorf("after loading half of the CO₂ table again: %s, want feat=sin1 kept", frag)
	}
	if status := text(tab, "status"); !strings.Contains(status, "stay on") {
		t.Errorf("status %q, want it to say the extra inputs stay on", status)
	}
	tab.CheckConsole()
}

// TestBrowserCO2 loads the Mauna Loa CO₂ series through netfit.loadCSV,
// trains to a validation R² ≥ 0.99 on x alone, reloads (the table comes back
// from the browser's storage), adds the yearly features and trains to
// ≥ 0.998 (a quadratic trend alone explains about 0.994).
func TestBrowserCO2(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	co2 := jsString(readTestData(t, "co2-concentration.csv"))
	got := Eval[map[string]any](tab, `netfit.loadCSV(`+co2+
		`, {x: "Date", y: "CO2"})`)
	if got["kept"] != 741.0 || got["dropped"] != 0.0 || got["x"] != "Date" {
		t.Fatalf("loadCSV = %v, want 741 rows kept of Date → CO2", got)
	}
	m := trainToEnd(tab)
	t.Logf("CO₂: validation R² %v", m["valR2"])
	if r2, _ := m["valR2"].(float64); r2 < 0.99 {
		t.Errorf("validation R² %v, want ≥ 0.99", m["valR2"])
	}
	tab.Screenshot("co2")

	// Reload: the settings come from the URL, the table from localStorage.
	frag := Eval[string](tab, `location.hash`)
	if !strings.Contains(frag, "data=csv&xcol=Date&ycol=CO2") {
		t.Errorf("the URL holds %s, want the table's columns", frag)
	}
	tab.Do(chromedp.Reload())
	tab.WaitReady()
	tab.WaitTrue(`netfit.data().x.length === 741`, 10*time.Second)
	// Tick "sin and cos of 2πx/P"; P starts at 1, a year.
	Eval[bool](tab, `(() => { const c = document.getElementById("feature-periodic");
		c.checked = true; c.dispatchEvent(new Event("change")); return true; })()`)
	if frag := Eval[string](tab, `netfit.settings()`); !strings.Contains(frag, "feat=sin1&") {
		t.Fatalf("settings %s, want feat=sin1", frag)
	}
	if n := Eval[int](tab, `netfit.data().x.length`); n != 741 {
		t.Fatalf("%d rows after a model change, want the table's 741", n)
	}
	m = trainToEnd(tab)
	t.Logf("CO₂ with yearly features: validation R² %v", m["valR2"])
	if r2, _ := m["valR2"].(float64); r2 < 0.998 {
		t.Errorf("validation R² %v with the yearly features, want ≥ 0.998", m["valR2"])
	}
	tab.Screenshot("co2-yearly")
	noNaNText(t, tab)
	tab.CheckConsole()
}

// TestBrowserBadTables loads CASES B14's one-row table (refused with a
// clear message, the page's data left as it was, no NaN shown) and B23's
// infinities (dropped with their lines, 1e20 kept with a warning).
func TestBrowserBadTables(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	msg := Eval[string](tab, `netfit.loadCSV("x,y\n2.5,7.1\n").then(() => "", e => e.message)`)
	if !strings.Contains(msg, "need at least 2 rows") || !strings.Contains(msg, "found 1") {
		t.Errorf("loadCSV of one row: %q, want it to ask for at least 2 rows", msg)
	}
	// The refused table is not installed: the page says why and keeps the
	// data it had (the default sine, 1000 rows), so nothing trains on it.
	if shown := messages(tab); !strings.Contains(shown, msg) {
		t.Errorf("the page shows:\n%s\nwant it to contain %q", shown, msg)
	}
	if n := Eval[int](tab, `netfit.data().x.length`); n != 1000 {
		t.Errorf("%d rows after the refused one-row table, want the default's 1000", n)
	}
	tab.Screenshot("b14-single-row")
	noNaNText(t, tab)

	got := Eval[map[string]any](tab,
		`netfit.loadCSV("x,y\n1,2.0\n2,Infinity\n3,1e309\n4,inf\n5,1e20\n6,12.1\n")`)
	if got["kept"] != 3.0 || got["dropped"] != 3.0 {
		t.Errorf("B23: loadCSV = %v, want 3 kept, 3 dropped", got)
	}
	report := text(tab, "data-report")
	for _, want := range []string{"3 × infinite value", "Line 3"} {
		if !strings.Contains(report, want) {
			t.Errorf("report %q, want it to contain %q", report, want)
		}
	}
	if ys := Eval[[]float64](tab, `netfit.data().y`); !slices.Contains(ys, 1e20) {
		t.Errorf("B23: y %v, want the finite 1e20 kept", ys)
	}
	tab.Screenshot("b23-infinities")
	// Values like 1e20 only overflow float32 arithmetic when y is not
	// standardized, and then a hint says so; with y standardized nothing
	// warns.
	Eval[map[string]any](tab, `netfit.loadCSV("x,y\n1,1e20\n2,3e20\n3,2e20\n4,5e20\n5,4e20\n6,6e20\n7,8e20\n8,7e20\n9,9e20\n10,1e21\n")`)
	Eval[map[string]any](tab, `netfit.configure({scale: "x"})`)
	tab.WaitTrue(`document.getElementById("hints").textContent.includes("overflow")`, 10*time.Second)
	Eval[map[string]any](tab, `netfit.configure({scale: "xy"})`)
	tab.WaitTrue(`!document.getElementById("hints").textContent.includes("overflow")`, 10*time.Second)
	if body := Eval[string](tab, `document.body.innerText`); strings.Contains(body, "must be scaled") || strings.Contains(body, "must be standardized") {
		t.Errorf("with y standardized the page still says the values must be scaled")
	}
	tab.CheckConsole()
}

// TestBrowserTableTooBigToKeep loads a table of about 9 million characters,
// more than the browser's storage holds (5 MB in Chromium): it is used, the
// page says it will be gone after a reload, and after one it asks for a
// table again.
func TestBrowserTableTooBigToKeep(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	got := Eval[map[string]any](tab, `netfit.loadCSV("x,y\n" + Array.from({length: 600000},
		(_, i) => i + "," + (2 * i + 0.25)).join("\n"))`)
	if got["kept"] != 600000.0 {
		t.Fatalf("loadCSV = %v, want 600000 rows kept", got)
	}
	report := text(tab, "data-report")
	if !strings.Contains(report, "too large for the browser's storage") {
		t.Errorf("report %q, want it to say the table cannot be kept", report)
	}
	tab.Screenshot("too-big-to-keep")

	tab.Do(chromedp.Reload())
	tab.WaitReady()
	if msg := text(tab, "csv-text-error"); !strings.Contains(msg, "No table loaded") {
		t.Errorf("after a reload the page says %q, want it to ask for the table", msg)
	}
	tab.CheckConsole()
}

// TestBrowserLoadCSVMessage sends loadCSV through postMessage to a trainer
// in a cross-origin <iframe> (testdata/embed's blog post) and gets the same
// answer as netfit.loadCSV, and the refusal of a one-row table as an error.
func TestBrowserLoadCSVMessage(t *testing.T) {
	blog := httptest.NewServer(http.FileServer(http.Dir("testdata/embed")))
	defer blog.Close()
	tab := NewTab(t)
	tab.URL = blog.URL + "/"
	tab.OpenPath("index.html?site="+url.QueryEscape(SiteURL(t)), "")
	tab.WaitTrue(`embedReady.poly === true`, readyTimeout)

	got := Eval[map[string]any](tab,
		`call("poly", "loadCSV", `+jsString(b21Table)+`, {x: "x", y: "y"})`)
	if got["kept"] != 6.0 || got["dropped"] != 0.0 {
		t.Errorf("loadCSV by message = %v, want 6 rows kept", got)
	}
	msg := Eval[string](tab, `call("poly", "loadCSV", "x,y\n2.5,7.1\n")
		.then(() => "", e => String(e.message || e))`)
	if !strings.Contains(msg, "need at least 2 rows") {
		t.Errorf("loadCSV of one row by message: %q, want the refusal", msg)
	}
	tab.CheckConsole()
}

// TestBrowserSameColumnTwice: choosing for y the column x already uses is
// refused with a message, and both menus keep showing the choice (they
// went blank, and stayed blank after a reload).
func TestBrowserSameColumnTwice(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	Eval[map[string]any](tab, `netfit.loadCSV("temp,sales,price\n20,5,1\n22,7,2\n25,9,4\n27,8,3\n", {x: "temp", y: "sales"})`)
	Eval[bool](tab, `(() => { const y = document.getElementById("y-column");
		y.value = "temp"; y.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	tab.WaitTrue(`document.body.innerText.includes("same column")`, 5*time.Second)
	x, y := Eval[string](tab, `document.getElementById("x-column").value`), Eval[string](tab, `document.getElementById("y-column").value`)
	if x != "temp" || y != "temp" {
		t.Errorf("menus show x %q and y %q, want both temp next to the error", x, y)
	}
	tab.CheckConsole()
}
