//go:build !js

// This file checks README.md against the code, so that the README cannot
// drift from what the page does, and remakes the README's screenshot.
package main

import (
	"context"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"netfit/core/settings"
)

// TestREADMEDefaults checks the defaults of the README's "URL fragment keys"
// table against [settings.Default]: each key the default fragment writes
// must be in the table, in the same order, with the same default.
func TestREADMEDefaults(t *testing.T) {
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	rows := readmeKeyTable(t, string(text))
	real, order := fragmentValues(settings.Default().Fragment())

	var tableOrder []string
	for _, r := range rows {
		tableOrder = append(tableOrder, r.key)
		want, ok := real[r.key]
		if !ok {
			continue // written only when set: preset, f, embed…
		}
		t.Run(r.key, func(t *testing.T) {
			if !r.hasDefault {
				t.Errorf("README.md: key %s shows no default in parentheses at the end of "+
					"its values, settings.Default() has %q", r.key, want)
			} else if !sameValue(r.def, want) {
				t.Errorf("README.md: key %s has default %q, settings.Default() has %q",
					r.key, r.def, want)
			}
		})
	}

	// Every key of the default fragment is in the table, in the same order.
	i := 0
	for _, k := range order {
		j := indexFrom(tableOrder, k, i)
		if j < 0 {
			t.Errorf("README.md: key %s (default %q) is missing from the table, "+
				"or out of the order Fragment writes it", k, real[k])
			continue
		}
		i = j
	}
}

// keyRow is one key of the README's table, with the default shown for it.
type keyRow struct {
	key        string
	def        string // the default as written, without backticks
	hasDefault bool
}

// readmeKeyTable returns the rows of the table under "## URL fragment keys".
// A row naming two keys ("`xmin`, `xmax`") with two defaults ("(−15, 15)")
// gives one row per key.
func readmeKeyTable(t *testing.T, readme string) []keyRow {
	t.Helper()
	_, section, ok := strings.Cut(readme, "\n## URL fragment keys\n")
	if !ok {
		t.Fatal(`README.md has no section "## URL fragment keys"`)
	}
	section, _, _ = strings.Cut(section, "\n## ")

	var rows []keyRow
	for line := range strings.SplitSeq(section, "\n") {
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| `") || len(cells) != 3 {
			continue
		}
		keys := strings.Split(strings.ReplaceAll(strings.TrimPrefix(cells[0], "| "), "`", ""), ", ")
		def, ok := lastParens(strings.TrimSuffix(cells[2], " |"))
		defs := strings.Split(def, ", ")
		if ok && len(defs) != len(keys) {
			defs = []string{def} // one default for all the keys, such as "none"
		}
		for i, k := range keys {
			d := defs[min(i, len(defs)-1)]
			rows = append(rows, keyRow{key: k, def: d, hasDefault: ok})
		}
	}
	if len(rows) < 20 {
		t.Fatalf("README.md: found %d rows in the URL fragment keys table, want 20 or more", len(rows))
	}
	return rows
}

// lastParens returns the text inside the parentheses that end cell, such as
// "sine" for "… or `csv` (`sine`)", without backticks, and whether the cell
// ends with a parenthesized group.
func lastParens(cell string) (string, bool) {
	cell = strings.TrimSpace(cell)
	if !strings.HasSuffix(cell, ")") {
		return "", false
	}
	depth := 0
	for i := len(cell) - 1; i >= 0; i-- {
		switch cell[i] {
		case ')':
			depth++
		case '(':
			depth--
			if depth == 0 {
				return strings.ReplaceAll(cell[i+1:len(cell)-1], "`", ""), true
			}
		}
	}
	return "", false
}

// fragmentValues splits a fragment written by [settings.Settings.Fragment]
// into its values by key, and the keys in order.
func fragmentValues(frag string) (map[string]string, []string) {
	values := map[string]string{}
	var order []string
	for pair := range strings.SplitSeq(frag, "&") {
		k, v, _ := strings.Cut(pair, "=")
		values[k] = v
		order = append(order, k)
	}
	return values, order
}

// sameValue reports whether the README's value a and the fragment's value b
// agree: as numbers within a relative 1e-12 ("1e-7" and "1e-07"; the README
// writes − for minus), or else as equal strings.
func sameValue(a, b string) bool {
	a = strings.ReplaceAll(a, "−", "-")
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 == nil && err2 == nil {
		return math.Abs(x-y) <= 1e-12*math.Max(math.Abs(x), math.Abs(y))
	}
	return a == b
}

// indexFrom returns the index of s in list at or after from, or -1.
func indexFrom(list []string, s string, from int) int {
	for i := from; i < len(list); i++ {
		if list[i] == s {
			return i
		}
	}
	return -1
}

// TestREADMEScreenshot remakes docs/screenshot.png, the picture at the top
// of the README: the default page at 1280×900 after one full run (100
// epochs, under a second). It runs only when NETFIT_SCREENSHOT names the
// PNG to write:
//
//	NETFIT_SCREENSHOT=$PWD/docs/screenshot.png go test -count=1 -run TestREADMEScreenshot .
func TestREADMEScreenshot(t *testing.T) {
	out := os.Getenv("NETFIT_SCREENSHOT")
	if out == "" {
		t.Skip("set NETFIT_SCREENSHOT=path.png to remake the README's screenshot")
	}
	tab := NewTab(t)
	tab.Do(chromedp.EmulateViewport(1280, 900))
	tab.Open("")
	tab.WaitReady()

	final := Eval[map[string]any](tab, `netfit.train()`)
	if final["finished"] != true {
		t.Fatalf("the default run did not finish: %v", final)
	}
	// Let the page draw the last epoch (it redraws once per animation frame).
	time.Sleep(500 * time.Millisecond)

	// The top of the page down to the bottom of the loss chart, which starts
	// just above the 900th pixel.
	bottom := Eval[float64](tab, `(() => { const r = document.querySelector(
		'[data-part="loss-chart"]').getBoundingClientRect(); return r.bottom + window.scrollY + 12; })()`)
	beyond := true
	clip := &page.Viewport{X: 0, Y: 0, Width: 1280, Height: math.Ceil(bottom), Scale: 1}
	ctx, cancel := context.WithTimeout(tab.Ctx, 30*time.Second)
	defer cancel()
	shot, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{
		Clip: clip, CaptureBeyondViewport: &beyond, FromSurface: &beyond})
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	img := shot.Data
	if err := os.WriteFile(out, img, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes), validation R² %v", out, len(img), final["valR2"])
	tab.CheckConsole()
}

// TestREADMESections checks that each section the README points to, as in
// `see "Performance"`, is a heading of the README.
func TestREADMESections(t *testing.T) {
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	headings := map[string]bool{}
	for line := range strings.SplitSeq(string(text), "\n") {
		if name, ok := strings.CutPrefix(strings.TrimLeft(line, "#"), " "); ok && line[0] == '#' {
			headings[name] = true
		}
	}
	refs := regexp.MustCompile(`see\s+"([^"]+)"`).FindAllStringSubmatch(string(text), -1)
	if len(refs) == 0 {
		t.Fatal(`README.md: no reference of the form see "Section" found; has the wording changed?`)
	}
	for _, m := range refs {
		if name := strings.Join(strings.Fields(m[1]), " "); !headings[name] {
			t.Errorf("README.md: %q points to a section %q that does not exist", m[0], name)
		}
	}
}

// TestREADMEHideNames checks that the README's row for the hide key lists
// exactly the parts [settings.HideNames] accepts, in the same order.
func TestREADMEHideNames(t *testing.T) {
	text, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, row, ok := strings.Cut(string(text), "\n| `hide` | ")
	if !ok {
		t.Fatal("README.md has no row for the hide key")
	}
	row, _, _ = strings.Cut(row, "\n")
	_, values, _ := strings.Cut(row, " | ")
	var names []string
	for i, part := range strings.Split(values, "`") {
		if i%2 == 1 {
			names = append(names, part)
		}
	}
	if want := settings.HideNames(); !slices.Equal(names, want) {
		t.Errorf("README.md: the hide row lists %q, settings.HideNames() has %q", names, want)
	}
}
