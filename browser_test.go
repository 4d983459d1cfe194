//go:build !js

// This file is the browser test layer's harness and its smoke test. It builds
// the site once per test binary (wasm/ compiled into a copy of site/), serves
// it with the same handler as serve.go on a free loopback port, and drives
// headless Chromium with chromedp. Browser tests are named TestBrowser…, so
// that make test runs them as their own layer.
//
// A test reads like this:
//
//	tab := NewTab(t)              // a fresh Chromium, collecting console messages
//	tab.Open("data=poly&n=500")   // the page, with this URL fragment
//	tab.WaitReady()               // until document.body.dataset.ready == "1"
//	r2 := Eval[float64](tab, `netfit.metrics().valR2`)
//	tab.Screenshot("poly")        // PNG under t.TempDir(), and in $NETFIT_SHOTS
//	tab.CheckConsole()            // fails on console errors and exceptions
//
// Chromium is found at $NETFIT_CHROMIUM, /usr/bin/chromium, or as chromium,
// chromium-browser, google-chrome or headless-shell on the PATH. Without it a
// browser test skips with a loud message, or fails when CI=true.
package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// wasmBuildFlags are the flags of the WebAssembly build, as WASMFLAGS in the
// Makefile.
var wasmBuildFlags = []string{"-trimpath", "-ldflags=-s -w"}

// Timeouts of the harness. A cold wasm start in headless Chromium on a busy
// two-core machine takes a few seconds; these leave a wide margin.
const (
	tabTimeout   = 5 * time.Minute  // the whole life of one tab
	readyTimeout = 60 * time.Second // from navigation to dataset.ready == "1"
)

// firstLoadLimit is the most the first page load may transfer, gzip -9
// compressed: 1.5 MB.
const firstLoadLimit = 1_500_000

// site is the built site, shared by all tests of the binary.
var site struct {
	once sync.Once
	dir  string // the built copy of site/
	srv  *httptest.Server
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if site.srv != nil {
		site.srv.Close()
	}
	if site.dir != "" {
		os.RemoveAll(site.dir)
	}
	os.Exit(code)
}

// BuiltSite returns the folder of the built site: a copy of site/ with
// netfit.wasm compiled from wasm/ and Go's wasm_exec.js. It builds once per
// test binary and fails the test when the build fails.
func BuiltSite(t testing.TB) string {
	t.Helper()
	site.once.Do(func() {
		site.dir, site.err = buildSite()
		if site.err != nil {
			return
		}
		var root *os.Root
		root, site.err = os.OpenRoot(site.dir)
		if site.err != nil {
			return
		}
		// The root stays open until the process ends, as the server does.
		site.srv = httptest.NewServer(newSiteHandler(root.FS()))
	})
	if site.err != nil {
		t.Fatalf("building the site: %v", site.err)
	}
	return site.dir
}

// SiteURL returns the base URL of the served site, ending in "/".
func SiteURL(t testing.TB) string {
	t.Helper()
	BuiltSite(t)
	return site.srv.URL + "/"
}

// buildSite copies site/ into a new temporary folder, compiles wasm/ into it,
// copies wasm_exec.js from GOROOT and assembles simd.wasm, as make build does.
func buildSite() (string, error) {
	dir, err := os.MkdirTemp("", "netfit-site-")
	if err != nil {
		return "", err
	}
	if err := os.CopyFS(dir, os.DirFS("site")); err != nil {
		return dir, fmt.Errorf("copying site/: %w", err)
	}
	for _, generated := range []string{"netfit.wasm", "wasm_exec.js", "simd.wasm"} {
		os.Remove(filepath.Join(dir, generated))
	}

	args := append([]string{"build"}, wasmBuildFlags...)
	args = append(args, "-o", filepath.Join(dir, "netfit.wasm"), "./wasm")
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		return dir, fmt.Errorf("GOOS=js GOARCH=wasm go %s: %v\n%s",
			strings.Join(args, " "), err, out)
	}

	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return dir, fmt.Errorf("go env GOROOT: %w", err)
	}
	src := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js")
	js, err := os.ReadFile(src)
	if err != nil {
		return dir, err
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), js, 0o644); err != nil {
		return dir, err
	}

	// The SIMD kernels, assembled as make build does (wasm/simd/doc.go).
	wat := exec.Command("wat2wasm", "wasm/simd/simd.wat", "-o", filepath.Join(dir, "simd.wasm"))
	if out, err := wat.CombinedOutput(); err != nil {
		return dir, fmt.Errorf("wat2wasm (apt-get install wabt): %v\n%s", err, out)
	}
	return dir, nil
}

// chromiumPath returns the Chromium to run, or "" when there is none.
func chromiumPath() string {
	if p := os.Getenv("NETFIT_CHROMIUM"); p != "" {
		return p
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// RequireChromium returns the path of Chromium. Without one it skips the test
// with a loud message, or fails it when the environment says CI=true.
func RequireChromium(t testing.TB) string {
	t.Helper()
	p := chromiumPath()
	if p != "" {
		return p
	}
	msg := "\n!!! BROWSER TEST NOT RUN: no Chromium found (install it: apt-get install chromium,\n" +
		"!!! or set NETFIT_CHROMIUM to its path). The page itself was NOT tested.\n"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg + "CI=true, so this is a failure.")
	}
	fmt.Fprint(os.Stderr, msg)
	t.Skip(msg)
	return ""
}

// Tab is one page in a fresh headless Chromium, with the console messages
// the page wrote since the tab opened.
type Tab struct {
	T   testing.TB
	Ctx context.Context // the chromedp context of the tab; pass it to chromedp.Run
	URL string          // the base URL of the served site, ending in "/"

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
	shots   int
}

// NewTab builds and serves the site if needed, starts Chromium with a fresh
// profile under t.TempDir() and opens a blank tab. The browser stops when the
// test ends; if the test failed by then, a screenshot is kept (see
// [Tab.Screenshot]) and the console is logged.
func NewTab(t testing.TB) *Tab {
	t.Helper()
	exe := RequireChromium(t)
	url := SiteURL(t)
	profile := t.TempDir()

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.UserDataDir(profile),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-sync", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	tab := &Tab{T: t, Ctx: ctx, URL: url}

	// Subscribe to the console before anything loads, so nothing is lost.
	// This starts the browser.
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			tab.mu.Lock()
			tab.console = append(tab.console, m)
			tab.mu.Unlock()
		}
	}()
	// Cleanups run last-in first-out: the failure report, then the browser
	// stops, then t.TempDir() removes the profile.
	t.Cleanup(func() {
		closeCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		chromedp.Cancel(closeCtx)
		cancelTab()
		cancelAlloc()
	})
	t.Cleanup(func() {
		if t.Failed() {
			tab.reportFailure()
		}
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium %s: %v", exe, err)
	}
	return tab
}

// Do runs chromedp actions in the tab with the tab's timeout, and fails the
// test on an error.
func (tab *Tab) Do(actions ...chromedp.Action[chromedp.Void]) {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, tabTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tab.T.Fatalf("chromedp: %v", err)
	}
}

// Open navigates to the site's index.html with the URL fragment given (none
// when empty) and waits for the load event. Use [Tab.OpenPath] for other
// pages.
func (tab *Tab) Open(fragment string) {
	tab.T.Helper()
	tab.OpenPath("", fragment)
}

// OpenPath navigates to a page of the site, such as "embed.html", with a URL
// fragment (none when empty), and waits for the load event.
func (tab *Tab) OpenPath(page, fragment string) {
	tab.T.Helper()
	u := tab.URL + page
	if fragment != "" {
		u += "#" + strings.TrimPrefix(fragment, "#")
	}
	tab.Do(chromedp.Navigate(u))
}

// WaitReady waits until the page marks itself ready, with
// document.body.dataset.ready == "1": the wasm has started and drawn. It
// fails the test at once when the page throws an uncaught exception (such as
// a Go panic) before that, and after readyTimeout otherwise.
func (tab *Tab) WaitReady() {
	tab.T.Helper()
	const ready = `!!(document.body && document.body.dataset.ready === "1")`
	deadline := time.Now().Add(readyTimeout)
	for {
		ctx, cancel := context.WithTimeout(tab.Ctx, 10*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](ready))
		cancel()
		switch {
		case err == nil && ok:
			return
		case tab.hasException():
			tab.T.Fatalf("the page threw before it was ready:\n%s", tab.consoleText())
		case time.Now().After(deadline):
			tab.T.Fatalf("the page was not ready after %v (last error: %v):\n%s",
				readyTimeout, err, tab.consoleText())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// hasException reports whether the page threw an uncaught exception.
func (tab *Tab) hasException() bool {
	return slices.ContainsFunc(tab.Console(), chromedp.ConsoleMessage.IsException)
}

// WaitTrue polls a JavaScript expression every 50 ms until it is truthy, and
// fails the test when the timeout passes first.
func (tab *Tab) WaitTrue(expr string, timeout time.Duration) {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, timeout+5*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(50*time.Millisecond),
		chromedp.WithPollingTimeout(timeout)))
	if err != nil {
		tab.T.Fatalf("waiting %v for %s: %v\nconsole:\n%s",
			timeout, expr, err, tab.consoleText())
	}
}

// Eval evaluates a JavaScript expression in the tab and decodes its value
// into T, awaiting it when it is a promise. It fails the test on an
// exception or when the value does not decode into T.
func Eval[T any](tab *Tab, expr string) T {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, tabTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tab.T.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// Screenshot saves a PNG of the viewport as name.png under t.TempDir() and
// logs its path; when NETFIT_SHOTS names a folder, it also writes a copy
// there, named after the test. It returns the path under t.TempDir().
func (tab *Tab) Screenshot(name string) string {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 30*time.Second)
	defer cancel()
	img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tab.T.Fatalf("screenshot %s: %v", name, err)
	}
	p := filepath.Join(tab.T.TempDir(), name+".png")
	if err := os.WriteFile(p, img, 0o644); err != nil {
		tab.T.Fatal(err)
	}
	tab.T.Logf("screenshot: %s", p)
	if dir := os.Getenv("NETFIT_SHOTS"); dir != "" {
		tab.keepShot(dir, name, img)
	}
	return p
}

// keepShot writes a screenshot into dir as <test>-<name>.png.
func (tab *Tab) keepShot(dir, name string, img []byte) string {
	tab.T.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tab.T.Errorf("NETFIT_SHOTS: %v", err)
		return ""
	}
	file := fileSafe.ReplaceAllString(tab.T.Name()+"-"+name, "_") + ".png"
	p := filepath.Join(dir, file)
	if err := os.WriteFile(p, img, 0o644); err != nil {
		tab.T.Errorf("NETFIT_SHOTS: %v", err)
		return ""
	}
	tab.T.Logf("screenshot kept: %s", p)
	return p
}

var fileSafe = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// reportFailure keeps a screenshot of a failed test, in NETFIT_SHOTS or else
// in a new folder under the system's temporary folder that outlives the test,
// and logs the console.
func (tab *Tab) reportFailure() {
	ctx, cancel := context.WithTimeout(tab.Ctx, 10*time.Second)
	defer cancel()
	if img, err := chromedp.Run(ctx, chromedp.CaptureScreenshot()); err == nil {
		dir := os.Getenv("NETFIT_SHOTS")
		if dir == "" {
			dir, _ = os.MkdirTemp("", "netfit-failed-")
		}
		tab.keepShot(dir, "failed", img)
	}
	tab.T.Logf("console of the failed test:\n%s", tab.consoleText())
}

// Console returns the messages the page wrote to the console so far.
func (tab *Tab) Console() []chromedp.ConsoleMessage {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), tab.console...)
}

// ConsoleErrors returns the console errors and uncaught exceptions so far,
// including the browser's own (a failed load, a refused script).
func (tab *Tab) ConsoleErrors() []string {
	var errs []string
	for _, m := range tab.Console() {
		if m.Type != chromedp.ConsoleError && !m.IsException() {
			continue
		}
		if m.URL != "" {
			errs = append(errs, fmt.Sprintf("%s (%s:%d)", m, m.URL, m.Line+1))
		} else {
			errs = append(errs, m.String())
		}
	}
	return errs
}

// CheckConsole fails the test for each console error and uncaught
// exception. Messages arrive asynchronously, so it first lets a short moment
// pass.
func (tab *Tab) CheckConsole() {
	tab.T.Helper()
	time.Sleep(200 * time.Millisecond)
	for _, e := range tab.ConsoleErrors() {
		tab.T.Errorf("console: %s", e)
	}
}

func (tab *Tab) consoleText() string {
	var b strings.Builder
	for _, m := range tab.Console() {
		if m.URL != "" && (m.Type == chromedp.ConsoleError || m.IsException()) {
			fmt.Fprintf(&b, "  %s (%s:%d)\n", m, m.URL, m.Line+1)
			continue
		}
		fmt.Fprintf(&b, "  %s\n", m)
	}
	if b.Len() == 0 {
		return "  (empty)\n"
	}
	return b.String()
}

// CanvasInk returns, for each element matching a CSS selector (such as
// "canvas" or "#data-chart"), how many of its pixels differ clearly from its
// background (its most common colour), as seen on the screen. It works for
// every kind of canvas, including one a Web Worker draws through an
// OffscreenCanvas. A blank chart gives 0. It fails the test when nothing
// matches.
func (tab *Tab) CanvasInk(selector string) []int {
	tab.T.Helper()
	ctx, cancel := context.WithTimeout(tab.Ctx, 30*time.Second)
	defer cancel()
	nodes, err := chromedp.Run(ctx, chromedp.Nodes(chromedp.CSSAll(selector)))
	if err != nil {
		tab.T.Fatalf("finding %s: %v", selector, err)
	}
	var inks []int
	for _, n := range nodes {
		shot, err := chromedp.Run(ctx, chromedp.ScreenshotNodes([]*chromedp.Node{n}, 1))
		if err != nil {
			tab.T.Fatalf("screenshot of %s: %v", selector, err)
		}
		img, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			tab.T.Fatalf("screenshot of %s: %v", selector, err)
		}
		inks = append(inks, ink(img))
	}
	return inks
}

// ink counts the pixels whose colour is more than a small distance (the sum
// of the channel differences, 0..765 over 8-bit channels) from the most
// common colour of the image.
func ink(img image.Image) int {
	const minDistance = 48
	type rgb struct{ r, g, b int }
	pixel := func(x, y int) rgb {
		r, g, b, _ := img.At(x, y).RGBA()
		return rgb{int(r >> 8), int(g >> 8), int(b >> 8)}
	}

	counts := map[rgb]int{}
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			counts[pixel(x, y)]++
		}
	}
	var bg rgb
	for c, n := range counts {
		if n > counts[bg] {
			bg = c
		}
	}

	abs := func(v int) int { return max(v, -v) }
	n := 0
	for c, count := range counts {
		if abs(c.r-bg.r)+abs(c.g-bg.g)+abs(c.b-bg.b) > minDistance {
			n += count
		}
	}
	return n
}

// TestBrowserSmoke opens the default page: the wasm starts, the page marks
// itself ready, a chart has ink, and the console has no errors.
func TestBrowserSmoke(t *testing.T) {
	tab := NewTab(t)
	tab.Open("")
	tab.WaitReady()
	tab.Screenshot("default")

	// The default data set has 1000 points; 300 pixels of ink is far less
	// than they cover on any sensible chart, and far more than a frame.
	inks := tab.CanvasInk("canvas")
	if len(inks) == 0 {
		t.Fatal("the page has no canvas")
	}
	if best := slices.Max(inks); best < 300 {
		t.Errorf("canvases have %v pixels of ink, want one with at least 300", inks)
	}
	tab.CheckConsole()
}

// TestBrowserFirstLoadSize checks that the files a first visit loads (the
// HTML, scripts, styles and the wasm) stay within 1.5 MB compressed with
// gzip -9, as a static host would send them.
func TestBrowserFirstLoadSize(t *testing.T) {
	dir := BuiltSite(t)
	firstLoad := map[string]bool{".html": true, ".js": true, ".css": true, ".wasm": true,
		".json": true, ".svg": true, ".ico": true}
	total := 0
	err := fs.WalkDir(os.DirFS(dir), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !firstLoad[filepath.Ext(name)] {
			return err
		}
		n, err := gzipSize(filepath.Join(dir, name))
		t.Logf("%-24s %8d bytes gzip -9", name, n)
		total += n
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("first load: %d bytes gzip -9 (limit %d)", total, firstLoadLimit)
	if total > firstLoadLimit {
		t.Errorf("first load is %d bytes with gzip -9, want at most %d", total, firstLoadLimit)
	}
}

// gzipSize returns the size of a file compressed with Go's gzip at level 9,
// which comes out about 1% larger than the gzip -9 command: on the safe side.
func gzipSize(path string) (int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		return 0, err
	}
	return buf.Len(), nil
}

// jsString quotes s as a JavaScript string literal, for building
// expressions for [Eval] and [Tab.WaitTrue].
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
