//go:build !js

// This file checks what the page does with values typed out of range in
// its number fields, and with links and API calls it used to take in
// silence: the field keeps the text and says what is allowed, the settings
// and the link keep the value in use (core/settings' rules, the same as a
// link's), Train refuses until the field is fixed, and the Go program never
// stops.
package main

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// typeJS sets a field's text and fires its change event, as typing and
// pressing Enter do.
func typeJS(id, value string) string {
	return `(() => { const e = document.getElementById(` + jsString(id) + `);
 e.value = ` + jsString(value) + `; e.dispatchEvent(new Event("change")); return true; })()`
}

// fieldState returns a field's text, its error slot's text and the link.
func fieldState(tab *Tab, id, slot string) (text, msg, link string) {
	text = Eval[string](tab, `document.getElementById(`+jsString(id)+`).value`)
	msg = textOf(tab, slot+"-error")
	link = Eval[string](tab, `location.hash`)
	return text, msg, link
}

// TestBrowserInputValFraction types 1.5 into Validation fraction and
// presses Enter, as the newcomer did: the Go program panicked in
// data.Split and the page went dead.
func TestBrowserInputValFraction(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200&epochs=2")
	tab.WaitReady()

	setValue(tab, "val-fraction", "")
	tab.Do(chromedp.SendKeys(chromedp.CSS("#val-fraction"), "1.5"+kb.Enter))
	text, msg, link := fieldState(tab, "val-fraction", "val-fraction")
	if want := "The validation fraction must be a number from 0 to 0.9."; msg != want {
		t.Errorf("message %q, want %q", msg, want)
	}
	if text != "1.5" || linkHas(link, "val", "1.5") {
		t.Errorf("field %q, link %q; want the field to keep 1.5 and the link not", text, link)
	}
	if s := Eval[string](tab, `netfit.settings()`); !strings.Contains(s, "val=0.2") {
		t.Errorf("settings %q, want val=0.2 still", s)
	}

	// Train refuses and says why; the program still runs.
	got := Eval[string](tab, `netfit.train().then(() => "trained", e => e.message)`)
	want := "Not training: fix the field marked in red. The validation fraction must be " +
		"a number from 0 to 0.9. The value in use is 0.2."
	if got != want {
		t.Errorf("train() gave %q, want %q", got, want)
	}
	if status := textOf(tab, "status"); status != want {
		t.Errorf("status %q, want %q", status, want)
	}

	// Fixing the field clears the message and trains.
	Eval[bool](tab, typeJS("val-fraction", "0.5"))
	if _, msg, link := fieldState(tab, "val-fraction", "val-fraction"); msg != "" ||
		!strings.Contains(link, "val=0.5") {
		t.Errorf("after 0.5: message %q, link %q; want none and val=0.5", msg, link)
	}
	if epoch := Eval[float64](tab, `netfit.train().then(m => m.epoch)`); epoch != 2 {
		t.Errorf("trained %v epochs, want 2", epoch)
	}
	tab.CheckConsole()
}

// TestBrowserInputOutOfRange types each out-of-range value of the
// newcomer's report into its field. The messages are core/settings' (see
// its TestSet), so a field and a link allow the same values.
func TestBrowserInputOutOfRange(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200")
	tab.WaitReady()
	before := Eval[string](tab, `netfit.settings()`)

	tests := []struct{ key, id, slot, value, good, msg string }{
		{"batch", "batch-size", "batch-size", "-5", "32", "The batch size must be a whole number from 1 to 1000000."},
		{"dropout", "dropout", "dropout", "1.5", "0", "The dropout rate must be a number from 0 up to but not including 1."},
		{"l2", "l2", "l2", "-1", "0", "The L2 penalty must be a number from 0 to 1e+06."},
		{"l2", "l2", "l2", "1e7", "0", "The L2 penalty must be a number from 0 to 1e+06."},
		{"patience", "patience", "patience", "-3", "0", "The patience must be a whole number from 0 to 100000."},
		{"beta2", "beta2", "advanced", "1.5", "0.999", "Adam's β2 (0 for 0.999) must be a number from 0 up to but not including 1."},
		{"eps", "epsilon", "advanced", "-1", "1e-7", "ε (0 for 1e-7) must be a number from 0 to 1."},
		{"momentum", "momentum", "advanced", "-1", "0", "The momentum must be a number from 0 up to but not including 1."},
		{"rho", "rho", "advanced", "2", "0.9", "RMSprop's ρ (0 for 0.9) must be a number from 0 up to but not including 1."},
		{"epochs", "epochs", "epochs", "0", "100", "The number of epochs must be a whole number from 1 to 100000."},
		{"epochs", "epochs", "epochs", "1e9", "100", "The number of epochs must be a whole number from 1 to 100000."},
		{"val", "val-fraction", "val-fraction", "-0.1", "0.2", "The validation fraction must be a number from 0 to 0.9."},
		{"val", "val-fraction", "val-fraction", "0.95", "0.2", "The validation fraction must be a number from 0 to 0.9."},
		{"seed", "seed", "seed", "-1", "1", "A seed must be a whole number from 0 to 9007199254740991."},
	}
	for _, tt := range tests {
		t.Run(tt.id+"="+tt.value, func(t *testing.T) {
			tab.T = t
			Eval[bool](tab, typeJS(tt.id, tt.value))
			text, msg, link := fieldState(tab, tt.id, tt.slot)
			if msg != tt.msg || text != tt.value {
				t.Errorf("field %q, message %q; want the field to keep %q and the message %q",
					text, msg, tt.value, tt.msg)
			}
			if s := Eval[string](tab, `netfit.settings()`); s != before ||
				linkHas(link, tt.key, tt.value) {
				t.Errorf("settings %q, link %q; want the settings unchanged (%q) and "+
					"the link without %s", s, link, before, tt.value)
			}
			Eval[bool](tab, typeJS(tt.id, tt.good))
			if _, msg, _ := fieldState(tab, tt.id, tt.slot); msg != "" {
				t.Errorf("after typing %s back, the message %q stays", tt.good, msg)
			}
		})
	}
	tab.T = t
	tab.CheckConsole()
}

// linkHas reports whether a link's fragment holds key=value.
func linkHas(link, key, value string) bool {
	for pair := range strings.SplitSeq(strings.TrimPrefix(link, "#"), "&") {
		if pair == key+"="+value {
			return true
		}
	}
	return false
}

// TestBrowserInputKeepsTyped checks that a refused value and its message
// outlive a change to another field, and that new settings from the API
// replace both.
func TestBrowserInputKeepsTyped(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200")
	tab.WaitReady()
	Eval[bool](tab, typeJS("batch-size", "-5"))
	Eval[bool](tab, typeJS("dropout", "0.1"))
	text, msg, link := fieldState(tab, "batch-size", "batch-size")
	if text != "-5" || msg == "" || !strings.Contains(link, "batch=32") ||
		!strings.Contains(link, "dropout=0.1") {
		t.Errorf("after changing dropout: batch field %q, message %q, link %q; want -5, "+
			"the message, batch=32 and dropout=0.1", text, msg, link)
	}
	Eval[map[string]any](tab, `netfit.configure("n=200&batch=16")`)
	if text, msg, _ := fieldState(tab, "batch-size", "batch-size"); text != "16" || msg != "" {
		t.Errorf("after configure: batch field %q, message %q; want 16 and none", text, msg)
	}
	tab.CheckConsole()
}

// TestBrowserInputXRange moves the x range from [-15, 15] to [20, 30],
// xmin first: 20 is refused while xmax is 15, and taken once xmax is 30.
func TestBrowserInputXRange(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200")
	tab.WaitReady()
	Eval[bool](tab, typeJS("x-min", "20"))
	if _, msg, _ := fieldState(tab, "x-min", "x-range"); msg != "xmin (20) must be below xmax (15)." {
		t.Errorf("message %q, want xmin (20) must be below xmax (15).", msg)
	}
	Eval[bool](tab, typeJS("x-max", "30"))
	s := Eval[string](tab, `netfit.settings()`)
	if _, msg, _ := fieldState(tab, "x-min", "x-range"); msg != "" ||
		!strings.Contains(s, "&xmin=20&xmax=30&") {
		t.Errorf("after xmax=30: message %q, settings %q; want none and xmin=20&xmax=30", msg, s)
	}
	if lo := Eval[float64](tab, `Math.min(...netfit.data().x)`); lo < 20 {
		t.Errorf("the data starts at x = %v, want at least 20", lo)
	}
	tab.CheckConsole()
}

// TestBrowserLinkFormulaAlone opens a link with only f=: the README says
// it means a formula, as configure("f=…") does.
func TestBrowserLinkFormulaAlone(t *testing.T) {
	tab := NewTab(t)
	tab.Open("f=x%5E2&noise=0&n=50")
	tab.WaitReady()
	if s := Eval[string](tab, `netfit.settings()`); !strings.HasPrefix(s, "data=formula&f=x^2&") {
		t.Errorf("settings %q, want data=formula&f=x^2", s)
	}
	// With no noise every y is x².
	bad := Eval[int](tab, `(() => { const d = netfit.data();
 return d.x.filter((x, i) => Math.abs(d.y[i] - x * x) > 1e-9).length; })()`)
	if bad != 0 {
		t.Errorf("%d samples are not y = x²", bad)
	}
	if p := Eval[bool](tab, `document.getElementById("problems").hidden`); !p {
		t.Errorf("problems shown: %q", textOf(tab, "problems"))
	}
	tab.CheckConsole()
}

// TestBrowserConfigureProblems checks that configure reports a formula
// that does not read and refuses arguments that are no configuration.
func TestBrowserConfigureProblems(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200")
	tab.WaitReady()
	problems := Eval[[]string](tab, `netfit.configure({f: "sin(x"}).then(r => r.problems)`)
	if len(problems) != 1 || !strings.HasPrefix(problems[0], "No data to train on: ") {
		t.Errorf("configure({f: 'sin(x'}) problems %q, want one saying there is no data", problems)
	}
	for _, arg := range []string{"null", "42", "[1]", "undefined"} {
		got := Eval[string](tab, `netfit.configure(`+arg+`).then(() => "resolved", e => e.message)`)
		if !strings.HasPrefix(got, "netfit.configure wants a fragment string") {
			t.Errorf("configure(%s) gave %q, want a rejection saying what it wants", arg, got)
		}
	}
	tab.CheckConsole()
}

// TestBrowserBareURLRestores checks that a page opened with no fragment
// brings back the last visit's settings and says so, and that Start fresh
// gives the defaults.
func TestBrowserBareURLRestores(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	defaults := Eval[string](tab, `netfit.settings()`)
	if !Eval[bool](tab, `document.getElementById("restored").hidden`) {
		t.Error("a first visit says it restored settings")
	}
	Eval[map[string]any](tab, `netfit.configure("data=cubic")`)

	tab.Open("")
	tab.WaitReady()
	if s := Eval[string](tab, `netfit.settings()`); !strings.HasPrefix(s, "data=cubic&") {
		t.Errorf("settings %q, want the last visit's data=cubic", s)
	}
	if Eval[bool](tab, `document.getElementById("restored").hidden`) {
		t.Error("the note that the last visit's settings are back is hidden")
	}
	// The address holds them, so that copying it shares the run.
	if hash := Eval[string](tab, `decodeURIComponent(location.hash)`); !strings.HasPrefix(hash, "#data=cubic&") {
		t.Errorf("address fragment %q after the restore, want the restored settings", hash)
	}
	tab.Do(chromedp.Click(chromedp.CSS("#start-fresh")))
	if s := Eval[string](tab, `netfit.settings()`); s != defaults {
		t.Errorf("after Start fresh: settings %q, want the defaults %q", s, defaults)
	}
	if !Eval[bool](tab, `document.getElementById("restored").hidden`) {
		t.Error("the note stays after Start fresh")
	}
	tab.CheckConsole()
}

// TestBrowserInputPeriodAndLayers types P = 0 and a layer of 0 units: each
// field says what is allowed, and Train refuses as for the other fields
// instead of training with the value in use.
func TestBrowserInputPeriodAndLayers(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200&epochs=2")
	tab.WaitReady()
	train := func() string {
		return Eval[string](tab, `netfit.train().then(() => "trained", e => e.message)`)
	}

	Eval[bool](tab, `(document.getElementById("feature-periodic").checked = true, true)`)
	Eval[bool](tab, typeJS("feature-period", "0"))
	wantP := "The period P (of sinP) must be a number above 0 and at most 1e+06 (1 is a year when x holds dates)."
	if msg := textOf(tab, "feature-period-error"); msg != wantP {
		t.Errorf("P = 0: message %q, want %q", msg, wantP)
	}
	if got, want := train(), "Not training: fix the field marked in red. "+wantP+
		" The value in use is none (sin and cos are off)."; got != want {
		t.Errorf("train() with P = 0 gave %q, want %q", got, want)
	}
	if l := Eval[string](tab, `location.hash`); strings.Contains(l, "sin") {
		t.Errorf("link %q, want no sinP while P = 0 is refused", l)
	}
	Eval[bool](tab, typeJS("feature-period", "6"))
	if l := Eval[string](tab, `location.hash`); !linkHas(l, "feat", "sin6") || textOf(tab, "feature-period-error") != "" {
		t.Errorf("after P = 6: link %q, message %q; want feat=sin6 and none", l, textOf(tab, "feature-period-error"))
	}

	Eval[bool](tab, typeLayerJS("layer-units-0", "0"))
	wantL := "Layer 1 must have a whole number of units from 1 to 4096."
	if msg := textOf(tab, "layers-error"); msg != wantL {
		t.Errorf("layer of 0 units: message %q, want %q", msg, wantL)
	}
	if got, want := train(), "Not training: fix the field marked in red. "+wantL+" The value in use is 32."; got != want {
		t.Errorf("train() with a layer of 0 units gave %q, want %q", got, want)
	}
	Eval[bool](tab, typeLayerJS("layer-units-0", "4096"))
	Eval[bool](tab, `(document.getElementById("add-layer").click(), true)`)
	Eval[bool](tab, typeLayerJS("layer-units-1", "4096"))
	if msg := textOf(tab, "layers-error"); !strings.Contains(msg, "weights") {
		t.Errorf("4096 × 4096 layers: message %q, want it to say there are too many weights", msg)
	}
	Eval[bool](tab, typeLayerJS("layer-units-1", "8"))
	if l := Eval[string](tab, `location.hash`); !linkHas(l, "layers", "4096,8") {
		t.Errorf("link %q, want layers=4096,8", l)
	}
	if got := train(); got != "trained" {
		t.Errorf("train() with every field fixed gave %q", got)
	}
	tab.CheckConsole()
}

// typeLayerJS is typeJS for a layer's field: the layer list listens for
// the change, so the event bubbles as a typed one does.
func typeLayerJS(id, value string) string {
	return strings.Replace(typeJS(id, value), `new Event("change")`,
		`new Event("change", {bubbles: true})`, 1)
}

// TestBrowserInputManyInvalid types five bad values, as the newcomer did:
// Train counts them and gives each field's message.
func TestBrowserInputManyInvalid(t *testing.T) {
	tab := NewTab(t)
	tab.Open("n=200")
	tab.WaitReady()
	fields := []struct{ id, value, msg string }{
		{"val-fraction", "1.5", "The validation fraction must be a number from 0 to 0.9."},
		{"batch-size", "-5", "The batch size must be a whole number from 1 to 1000000."},
		{"dropout", "1.5", "The dropout rate must be a number from 0 up to but not including 1."},
		{"l2", "-1", "The L2 penalty must be a number from 0 to 1e+06."},
		{"epochs", "1e9", "The number of epochs must be a whole number from 1 to 100000."},
	}
	for _, f := range fields {
		Eval[bool](tab, typeJS(f.id, f.value))
	}
	got := Eval[string](tab, `netfit.train().then(() => "trained", e => e.message)`)
	if !strings.HasPrefix(got, "Not training: fix the 5 fields marked in red. ") {
		t.Errorf("train() gave %q, want it to count 5 fields", got)
	}
	for _, f := range fields {
		if !strings.Contains(got, f.msg) {
			t.Errorf("train() gave %q, want it to hold %q (%s = %s)", got, f.msg, f.id, f.value)
		}
	}
	if red := Eval[int](tab, `document.querySelectorAll("[aria-invalid=true]").length`); red != 5 {
		t.Errorf("%d fields marked in red, want 5", red)
	}
	if s := textOf(tab, "status"); s != got {
		t.Errorf("status %q, want the refusal %q", s, got)
	}
	tab.CheckConsole()
}
