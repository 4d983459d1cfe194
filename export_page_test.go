//go:build !js

package main

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"netfit/core/parity"
)

// This file tests the page's export panel, the model file round trip, the
// embed view and the "Copy embed code" button (wasm/exportpanel.go,
// wasm/embed.go).

// captureDownloads makes the page's downloads land in window.capture
// instead of the download folder: URL.createObjectURL remembers each blob,
// and a click on a link with a download attribute records the file's name
// and blob. captured(i) returns the i-th file as {name, type, base64}.
const captureDownloads = `(() => {
	if (window.capture) return true;
	window.capture = [];
	const blobs = new Map();
	const create = URL.createObjectURL.bind(URL);
	URL.createObjectURL = (b) => { const u = create(b); blobs.set(u, b); return u; };
	const click = HTMLAnchorElement.prototype.click;
	HTMLAnchorElement.prototype.click = function () {
		if (!this.download) return click.call(this);
		capture.push({name: this.download, blob: blobs.get(this.href)});
	};
	window.captured = async (i) => {
		const c = capture[i];
		const bytes = new Uint8Array(await c.blob.arrayBuffer());
		let s = "";
		for (let j = 0; j < bytes.length; j += 0x8000) {
			s += String.fromCharCode.apply(null, bytes.subarray(j, j + 0x8000));
		}
		return {name: c.name, type: c.blob.type, base64: btoa(s)};
	};
	return true;
})()`

// download is a file the page saved.
type download struct {
	Name, Type string
	Body       []byte
}

// clickDownload clicks the element with the given id and returns the n
// files the page downloads after it.
func clickDownload(tab *Tab, id string, n int) []download {
	tab.T.Helper()
	Eval[bool](tab, captureDownloads)
	before := Eval[int](tab, `capture.length`)
	tab.Do(chromedp.Click(chromedp.CSS("#" + id)))
	tab.WaitTrue(`capture.length >= `+strconv.Itoa(before+n), 30*time.Second)
	var files []download
	for i := before; i < before+n; i++ {
		f := Eval[map[string]string](tab, `captured(`+strconv.Itoa(i)+`)`)
		body, err := base64.StdEncoding.DecodeString(f["base64"])
		if err != nil {
			tab.T.Fatalf("download %s: %v", f["name"], err)
		}
		files = append(files, download{Name: f["name"], Type: f["type"], Body: body})
	}
	return files
}

// TestBrowserExportFiles trains a small tanh network and clicks every
// export button: each yields its file, and the TensorFlow.js model loads
// under node with the page's predictions (when node and TF.js are there).
// A sin network's TensorFlow.js export is refused with a message.
func TestBrowserExportFiles(t *testing.T) {
	tab := NewTab(t)
	tab.Open("data=sine&n=300&layers=16,16&act=tanh&epochs=10&batch=32&val=0.2")
	tab.WaitReady()
	trainToEnd(tab)

	tfjs := clickDownload(tab, "export-tfjs", 2)
	weights := Eval[int](tab, `netfit.metrics().weights`)
	if tfjs[0].Name != "model.json" || !bytes.Contains(tfjs[0].Body, []byte(`"Sequential"`)) ||
		!bytes.Contains(tfjs[0].Body, []byte(`"model.weights.bin"`)) {
		t.Errorf("TF.js export: first file %s, want model.json naming model.weights.bin:\n%.300s",
			tfjs[0].Name, tfjs[0].Body)
	}
	// With a linear output the folded network has the trained one's shape.
	if tfjs[1].Name != "model.weights.bin" || len(tfjs[1].Body) != 4*weights {
		t.Errorf("TF.js export: second file %s of %d bytes, want model.weights.bin of 4·%d",
			tfjs[1].Name, len(tfjs[1].Body), weights)
	}
	checkTFJSUnderNode(t, tab, tfjs)

	model := clickDownload(tab, "export-model", 1)[0]
	format := []byte(`"format": "netfit-model"`)
	if model.Name != "netfit-model.json" || !bytes.Contains(model.Body, format) {
		t.Errorf("model file %s, want netfit-model.json with its format:\n%.300s",
			model.Name, model.Body)
	}
	keras := clickDownload(tab, "export-keras", 1)[0]
	if !strings.HasSuffix(keras.Name, ".py") || !bytes.Contains(keras.Body, []byte("import keras")) ||
		!bytes.Contains(keras.Body, []byte("layers=16,16")) {
		t.Errorf("Keras script %s, want a .py importing keras and naming the run:\n%.400s",
			keras.Name, keras.Body)
	}
	for _, id := range []string{"export-data-svg", "export-loss-svg"} {
		f := clickDownload(tab, id, 1)[0]
		if !strings.HasSuffix(f.Name, ".svg") || f.Type != "image/svg+xml" ||
			!bytes.HasPrefix(f.Body, []byte("<svg")) || !bytes.Contains(f.Body, []byte("</svg>")) {
			t.Errorf("%s: %s (%s), want an SVG file:\n%.200s", id, f.Name, f.Type, f.Body)
		}
	}
	for _, id := range []string{"export-data-png", "export-loss-png"} {
		f := clickDownload(tab, id, 1)[0]
		// 1000 bytes: a drawn chart compresses to far more; an empty
		// canvas to less.
		if !strings.HasSuffix(f.Name, ".png") || f.Type != "image/png" ||
			!bytes.HasPrefix(f.Body, []byte("\x89PNG")) || len(f.Body) < 1000 {
			t.Errorf("%s: %s (%s, %d bytes), want a PNG chart", id, f.Name, f.Type, len(f.Body))
		}
	}
	csv := clickDownload(tab, "export-predictions", 1)[0]
	lines := strings.Split(strings.TrimSpace(string(csv.Body)), "\n")
	val := strings.Count(string(csv.Body), ",val\n")
	// 300 rows and a header; int(300·0.8) = 240 training rows, 60 validation.
	if csv.Name != "netfit-predictions.csv" || lines[0] != "x,y,y_pred,split" ||
		len(lines) != 301 || val != 60 {
		t.Errorf("predictions %s: header %q, %d lines, %d validation rows; want 301 lines, 60 val",
			csv.Name, lines[0], len(lines), val)
	}
	if msg := text(tab, "export-error"); msg != "" {
		t.Errorf("export error %q after the exports, want none", msg)
	}

	// sin has no TensorFlow.js Layers activation: a message, no file.
	Eval[map[string]any](tab, `netfit.configure("data=sine&n=200&layers=8&act=sin&epochs=2")`)
	before := Eval[int](tab, `capture.length`)
	tab.Do(chromedp.Click(chromedp.CSS("#export-tfjs")))
	tab.WaitTrue(`document.getElementById("export-error").textContent !== ""`, 20*time.Second)
	msg := text(tab, "export-error")
	if !strings.Contains(msg, "sin") || !strings.Contains(msg, "TensorFlow.js") {
		t.Errorf("sin network's TF.js export says %q, want it to name sin and TensorFlow.js", msg)
	}
	if n := Eval[int](tab, `capture.length`); n != before {
		t.Errorf("the refused export downloaded %d files", n-before)
	}
	tab.Screenshot("export-panel")
	tab.CheckConsole()
}

// checkTFJSUnderNode loads the downloaded model.json and weights with
// TensorFlow.js under node (testdata/tfjs/load.mjs) and compares its
// predictions at 50 x values with the page's, within 1e-5 relative to
// max(|y|, 1) (TF.js computes in float32, as netfit does). It skips the
// check when node or TF.js's node_modules are missing.
func checkTFJSUnderNode(t *testing.T, tab *Tab, files []download) {
	t.Helper()
	dir := filepath.Join("testdata", "tfjs")
	skip, err := parity.EnsureTFJS(dir)
	if err != nil {
		t.Fatal(err)
	}
	if skip != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(skip + " (CI=true: failing instead of skipping)")
		}
		t.Log("TF.js under node not checked: " + skip)
		return
	}
	out := t.TempDir()
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(out, f.Name), f.Body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	xs := make([]float64, 50)
	for i := range xs {
		xs[i] = -18 + 36*float64(i)/49 // across the data's [-15, 15] and beyond
	}
	xsJSON, _ := json.Marshal(xs)
	want := Eval[[]float64](tab, `netfit.predict(`+string(xsJSON)+`).then((r) => Array.from(r.y))`)
	cases, _ := json.Marshal([]map[string]any{
		{"name": "page", "model": filepath.Join(out, "model.json"), "x": xs}})

	cmd := exec.Command("node", "load.mjs")
	cmd.Dir = dir
	cmd.Stdin = bytes.NewReader(cases)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("node load.mjs: %v\n%s", err, stderr.String())
	}
	var got []struct {
		Y     []float64 `json:"y"`
		Error string    `json:"error"`
	}
	if err := json.Unmarshal(stdout, &got); err != nil || len(got) != 1 || got[0].Error != "" {
		t.Fatalf("node load.mjs printed %q (%v)", stdout, err)
	}
	for i, x := range xs {
		if d := math.Abs(got[0].Y[i] - want[i]); !(d <= 1e-5*math.Max(math.Abs(want[i]), 1)) {
			t.Errorf("TF.js predicts %v at x = %v, the page %v", got[0].Y[i], x, want[i])
		}
	}
}

// TestBrowserExportModelRoundTrip downloads a trained run's model file,
// opens the page afresh with other settings, uploads the file and checks
// that the settings and the predictions are back, and that training goes
// on from the trained weights.
func TestBrowserExportModelRoundTrip(t *testing.T) {
	t.Run("generated", func(t *testing.T) {
		modelRoundTrip(t, "data=poly&n=200&layers=8,8&act=tanh&epochs=10&batch=20", "")
	})
	// A table's rows travel in the model file: the fresh page has none.
	t.Run("table", func(t *testing.T) {
		modelRoundTrip(t, "data=csv&layers=8,8&act=tanh&epochs=10&batch=8&scale=xy",
			`netfit.loadCSV(`+jsString(readTestData(t, "cars.csv"))+
				`, "Horsepower", "Miles_per_Gallon")`)
	})
}

// modelRoundTrip opens the page with a fragment, runs setup (JavaScript,
// may be ""), trains, and checks the model file's round trip.
func modelRoundTrip(t *testing.T, fragment, setup string) {
	tab := NewTab(t)
	tab.Open(fragment)
	tab.WaitReady()
	if setup != "" {
		Eval[any](tab, setup)
	}
	losses := Eval[map[string]float64](tab, `(async () => {
		let first;
		const off = netfit.on("epoch", (m) => { if (first === undefined) first = m.loss; });
		const m = await netfit.train();
		off();
		return {first, last: m.loss};
	})()`)
	frag := Eval[string](tab, `netfit.settings()`)
	xs := `[-1.7, -0.9, -0.2, 0, 0.4, 1.1, 1.8, 3]`
	before := Eval[[]float64](tab, `netfit.predict(`+xs+`).then((r) => Array.from(r.y))`)
	model := clickDownload(tab, "export-model", 1)[0]
	path := filepath.Join(t.TempDir(), model.Name)
	if err := os.WriteFile(path, model.Body, 0o644); err != nil {
		t.Fatal(err)
	}

	// A fresh page with other settings, then the upload.
	tab.Do(chromedp.Navigate("about:blank"))
	tab.Open("data=sine&n=100&layers=4&act=relu")
	tab.WaitReady()
	tab.Do(chromedp.SetUploadFiles(chromedp.CSS("#load-model"), []string{path}))
	tab.WaitTrue(`netfit.settings() === `+jsString(frag), 20*time.Second)
	after := Eval[[]float64](tab, `netfit.predict(`+xs+`).then((r) => Array.from(r.y))`)
	for i := range before {
		// The same float32 weights through the same code: equal but for
		// the last bits.
		if d := math.Abs(after[i] - before[i]); !(d <= 1e-9*math.Max(math.Abs(before[i]), 1)) {
			t.Errorf("prediction %d: %v after loading the model file, %v before", i, after[i], before[i])
		}
	}
	if msg := text(tab, "export-error"); msg != "" {
		t.Errorf("loading the model file says %q", msg)
	}

	// One more epoch starts from the trained weights: its loss is nearer
	// the trained run's last than its first (a fresh start would be at the
	// first or above).
	step := Eval[map[string]any](tab, `netfit.step()`)
	loss, _ := step["loss"].(float64)
	first, last := losses["first"], losses["last"]
	t.Logf("loss: first epoch %.4g, epoch 10 %.4g, one epoch after loading %.4g", first, last, loss)
	if !(loss < (first+last)/2) {
		t.Errorf("loss %v one epoch after loading, want it below (%v + %v)/2", loss, first, last)
	}
	tab.CheckConsole()
}

// TestBrowserEmbedView opens the embed view 320×400 px, as in a narrow
// <iframe>: no sideways scroll, the data chart, Train, Reset, the numbers
// and a link to the full trainer with the same settings; Train works.
func TestBrowserEmbedView(t *testing.T) {
	tab := NewTab(t)
	tab.Do(chromedp.EmulateViewport(320, 400))
	tab.Open("embed=1&data=poly&n=200&layers=8&epochs=3&batch=50")
	tab.WaitReady()

	shown := Eval[map[string]bool](tab, `(() => {
		const on = (sel) => { const e = document.querySelector(sel);
			const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.right <= 320; };
		return {chart: on("#data-chart"), train: on("#train"), reset: on("#reset"),
			numbers: on("#numbers"), link: on("#open-full"),
			controls: on(".controls"), export: on(".export"), presets: on(".presets")};
	})()`)
	for _, part := range []string{"chart", "train", "reset", "numbers", "link"} {
		if !shown[part] {
			t.Errorf("the embed view does not show the %s within 320 px", part)
		}
	}
	for _, part := range []string{"controls", "export", "presets"} {
		if shown[part] {
			t.Errorf("the embed view shows the %s", part)
		}
	}
	link := Eval[map[string]string](tab, `(() => { const a = document.getElementById("open-full");
		return {target: a.target, hash: new URL(a.href).hash.slice(1),
			settings: netfit.settings().split("&").filter((p) => p !== "embed=1").join("&")}; })()`)
	if link["target"] != "_blank" || link["hash"] != link["settings"] ||
		strings.Contains(link["hash"], "embed") {
		t.Errorf("link to the full trainer opens %q in %q, want #%s in _blank", link["hash"],
			link["target"], link["settings"])
	}

	tab.Do(chromedp.Click(chromedp.CSS("#train")))
	tab.WaitTrue(`netfit.metrics().finished === true`, 60*time.Second)
	tab.WaitTrue(`document.getElementById("num-epoch").textContent === "3"`, 5*time.Second)
	if w := Eval[float64](tab, `document.documentElement.scrollWidth`); w > 320 {
		t.Errorf("the embed view is %v px wide in a 320 px frame; it scrolls sideways", w)
	}
	tab.Screenshot("embed-320x400")
	tab.CheckConsole()
}

// TestBrowserCopyEmbed presses "Copy embed code": the snippet, shown in a
// read-only text box, is an <iframe> whose page runs the same settings in
// the embed view.
func TestBrowserCopyEmbed(t *testing.T) {
	tab := NewTab(t)
	tab.Open("data=poly&n=300&layers=16&act=relu&epochs=5&lr=0.003")
	tab.WaitReady()
	frag := Eval[string](tab, `netfit.settings()`)
	tab.Do(chromedp.Click(chromedp.CSS("#copy-embed")))
	tab.WaitTrue(`document.getElementById("embed-note").textContent !== ""`, 10*time.Second)

	box := Eval[map[string]any](tab, `(() => { const b = document.getElementById("embed-code");
		return {code: b.value, readOnly: b.readOnly, hidden: b.hidden}; })()`)
	code, _ := box["code"].(string)
	if box["readOnly"] != true || box["hidden"] != false {
		t.Errorf("embed code box: read-only %v, hidden %v; want a shown read-only box",
			box["readOnly"], box["hidden"])
	}
	frame := Eval[map[string]string](tab, `(() => { const t = document.createElement("template");
		t.innerHTML = `+jsString(code)+`; const f = t.content.firstElementChild;
		const a = (k) => f.getAttribute(k) || "";
		return {tag: f.tagName, count: String(t.content.children.length), src: a("src"),
			width: a("width"), height: a("height"), title: a("title"), loading: a("loading")}; })()`)
	wantSrc := tab.URL + "#embed=1&" + frag
	if frame["tag"] != "IFRAME" || frame["count"] != "1" || frame["src"] != wantSrc ||
		frame["width"] != "100%" || frame["height"] != "480" || frame["title"] == "" ||
		frame["loading"] != "lazy" {
		t.Errorf("embed code %s\nreads as %v, want one iframe with src %s, width 100%%, "+
			"height 480, a title, loading=lazy", code, frame, wantSrc)
	}

	tab.Do(chromedp.Navigate("about:blank"))
	tab.Do(chromedp.Navigate(frame["src"]))
	tab.WaitReady()
	got := Eval[map[string]any](tab, `({settings: netfit.settings(),
		embed: document.body.classList.contains("embed")})`)
	settings, _ := got["settings"].(string)
	rest := strings.Replace("&"+settings+"&", "&embed=1&", "&", 1)
	if strings.Trim(rest, "&") != frag || got["embed"] != true {
		t.Errorf("the snippet's page runs %q (embed view %v), want embed=1 and %s in the embed view",
			settings, got["embed"], frag)
	}
	tab.CheckConsole()
}
