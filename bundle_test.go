//go:build !js

package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestBundleFile checks the single file without a browser: no reference
// to another file of the site, the wasm inside, the scripts inlined.
func TestBundleFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "netfit.html")
	n, err := writeBundle(BuiltSite(t), out)
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil || len(b) != n {
		t.Fatalf("read %d bytes (%v), wrote %d", len(b), err, n)
	}
	page := string(b)
	for _, bad := range []string{`src="main.js"`, `href="style.css"`, `src="wasm_exec.js"`} {
		if strings.Contains(page, bad) {
			t.Errorf("bundle still refers to a file: %s", bad)
		}
	}
	for _, want := range []string{`id="netfit-files"`, `"netfit.wasm": "`, `id="netfit-worker"`, "DecompressionStream", "<style>"} {
		if !strings.Contains(page, want) {
			t.Errorf("bundle lacks %s", want)
		}
	}
	t.Logf("offline/netfit.html would be %.2f MB", float64(n)/1e6)
}

// TestBundleRefusesFiles checks that a page referring to a file the bundle
// cannot inline is refused, naming the file.
func TestBundleRefusesFiles(t *testing.T) {
	dir := t.TempDir()
	page := `<html><head><link rel="stylesheet" href="a.css"></head>` +
		`<body><img src="logo.png"><a href="#top">top</a></body></html>`
	os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644)
	os.WriteFile(filepath.Join(dir, "a.css"), []byte("body{}"), 0o644)
	_, err := writeBundle(dir, filepath.Join(dir, "out.html"))
	if err == nil || !strings.Contains(err.Error(), "logo.png") {
		t.Fatalf("writeBundle: %v, want an error naming logo.png", err)
	}
}

// bundleSetup is the training setup of TestBrowserBundle, on the default data.
const bundleSetup = "layers=64,64&act=relu&out=linear&init=glorot_uniform&scale=xy&opt=adam" +
	"&lr=0.01&batch=32&epochs=300&val=0.2&split=random"

// TestBrowserBundle opens the single file from disk (file://, no server)
// with the browser's network switched off, presses Train on the default
// data and waits for a validation R² of at least 0.85 (the figure
// TestBrowserDefaultTrain asks of the served page). The setup is spelled
// out in the fragment, so that the test checks the file, not the default
// setup of the day: two ReLU layers of 64, x and y standardized, Adam at
// 0.01 for 300 epochs (validation R² 0.91 natively).
func TestBrowserBundle(t *testing.T) {
	dir := t.TempDir()
	if _, err := writeBundle(BuiltSite(t), filepath.Join(dir, "netfit.html")); err != nil {
		t.Fatal(err)
	}
	tab := NewTab(t)
	offline := func(ctx context.Context, _ *chromedp.Target) (chromedp.Void, error) {
		_, err := chromedp.Call(ctx, network.EmulateNetworkConditionsByRule,
			network.EmulateNetworkConditionsByRuleParams{MatchedNetworkConditions: []*network.Conditions{
				{Offline: true, DownloadThroughput: -1, UploadThroughput: -1}}})
		if err != nil {
			return chromedp.Void{}, err
		}
		_, err = chromedp.Call(ctx, network.OverrideNetworkState,
			network.OverrideNetworkStateParams{Offline: true, DownloadThroughput: -1, UploadThroughput: -1})
		return chromedp.Void{}, err
	}
	tab.Do(offline)
	tab.URL = "file://" + filepath.ToSlash(dir) + "/"
	tab.OpenPath("netfit.html", bundleSetup)
	tab.WaitReady()
	if Eval[bool](tab, `navigator.onLine`) {
		t.Error("navigator.onLine is true; the network should be off")
	}
	if !Eval[bool](tab, `window.netfitBundle === true`) {
		t.Error("the page did not run the bundle's boot script")
	}
	// The worker's kernels: simd.wasm and simd.js come from the file too.
	const footer = `document.getElementById("kernel").textContent`
	tab.WaitTrue(footer+` !== "–"`, 30*time.Second)
	if got := Eval[string](tab, footer); got != "simd128" {
		t.Errorf("footer kernels in the single file: %q, want simd128", got)
	}

	// An embed code would point at the disk: the page says to use a server.
	tab.Do(chromedp.Click(chromedp.CSS("#copy-embed")))
	note := Eval[map[string]any](tab, `({note: document.getElementById("embed-note").textContent,
		hidden: document.getElementById("embed-code").hidden})`)
	if s, _ := note["note"].(string); !strings.Contains(s, "web server") || note["hidden"] != true {
		t.Errorf("Copy embed code in the single file: note %q, code box hidden %v; want the "+
			"box hidden and a note that the site must be on a web server", note["note"], note["hidden"])
	}

	tab.Do(chromedp.Click(chromedp.CSS("#train")))
	start := time.Now()
	tab.WaitTrue(`(() => { const m = netfit.metrics(); return m && m.valR2 >= 0.85; })()`, 90*time.Second)
	t.Logf("validation R² %.3f after %v", Eval[float64](tab, `netfit.metrics().valR2`),
		time.Since(start).Round(100*time.Millisecond))
	tab.Screenshot("bundle-trained")
	tab.CheckConsole()
}

// TestSiteRelativeURLs checks that the site works under any sub-path of a
// static host (make dist): no file of it refers to another by an absolute
// path ("/style.css") or by this machine's address.
func TestSiteRelativeURLs(t *testing.T) {
	absolute := regexp.MustCompile(`(?:\b(?:src|href|action)=["']|url\(["']?|` +
		`\b(?:fetch|Worker|importScripts|compileStreaming)\(\s*["'])(/[^/"']|https?://(?:localhost|127\.0\.0\.1))`)
	files, err := filepath.Glob(filepath.Join("site", "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range files {
		ext := filepath.Ext(name)
		if ext != ".html" && ext != ".js" && ext != ".css" || filepath.Base(name) == "wasm_exec.js" {
			continue
		}
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range absolute.FindAllString(string(b), -1) {
			t.Errorf("%s: %q is not relative; a static host may serve the site under a sub-path", name, m)
		}
	}
}

// TestSiteOnlyServedFiles checks that site/, which make dist copies to the
// static host, holds only files the page loads: each one is named by
// index.html or a script. Files for the README (its screenshot) live in
// docs/. It also checks that make bundle writes outside dist/, which make
// dist wipes.
func TestSiteOnlyServedFiles(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("site", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var pages strings.Builder
	for _, name := range files {
		if ext := filepath.Ext(name); ext == ".html" || ext == ".js" || ext == ".css" {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			pages.Write(b)
		}
	}
	for _, name := range files {
		base := filepath.Base(name)
		if base == "index.html" {
			continue
		}
		if !strings.Contains(pages.String(), `"`+base+`"`) {
			t.Errorf("site/%s is named by no page or script of the site, yet make dist deploys it", base)
		}
	}

	makefile, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	out := regexp.MustCompile(`-bundle (\S+)`).FindSubmatch(makefile)
	if out == nil {
		t.Fatal("Makefile: no -bundle output in the bundle target")
	}
	if dir := filepath.Dir(string(out[1])); dir == "dist" || strings.HasPrefix(dir, "dist/") {
		t.Errorf("make bundle writes %s, inside dist/, which make dist wipes", out[1])
	}
}
