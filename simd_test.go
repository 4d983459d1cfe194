//go:build !js

// This file runs the SIMD kernels' tests (wasm/simd) in headless Chromium:
// the package's test binary, compiled for GOOS=js GOARCH=wasm, is loaded by
// testdata/simd/browser.html together with the SIMD module, exactly as the
// node wrapper testdata/simd/go_js_wasm_exec_simd does, so the same checks
// run in both engines.

package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// simdTestTimeout bounds one run of the test binary in the browser.
const simdTestTimeout = 3 * time.Minute

// TestBrowserSIMD runs wasm/simd's tests in Chromium: the products on odd
// and tutorial shapes, the elementwise steps bit for bit, the 20-step
// training runs with both kernel paths, and the fallback. A second run
// without the module checks that the tests notice its absence.
//
// With NETFIT_SIMD_BENCH=1 it also runs the package's benchmarks of both
// paths in Chromium and logs them.
func TestBrowserSIMD(t *testing.T) {
	RequireChromium(t)
	dir := simdTestSite(t)
	srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
	defer srv.Close()
	tab := NewTab(t)

	out, code := runInBrowser(t, tab, srv.URL, "-test.v")
	if code != 0 || !strings.Contains(out, "--- PASS: TestTraining") {
		t.Fatalf("wasm/simd tests in Chromium: exit code %d, output:\n%s", code, out)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "largest weight difference") || strings.HasPrefix(line, "ok") ||
			strings.HasPrefix(line, "--- ") {
			t.Log(strings.TrimSpace(line))
		}
	}

	// Without the module the kernel tests skip (CI unset in the browser),
	// and the fallback test still passes.
	out, code = runInBrowser(t, tab, srv.URL, "nosimd -test.v -test.run=TestProducts|TestFallback")
	if code != 0 || !strings.Contains(out, "--- SKIP: TestProducts") ||
		!strings.Contains(out, "--- PASS: TestFallback") {
		t.Fatalf("wasm/simd tests in Chromium without the module: exit code %d, output:\n%s",
			code, out)
	}

	if os.Getenv("NETFIT_SIMD_BENCH") == "1" {
		out, code = runInBrowser(t, tab, srv.URL, "-test.run=^$ -test.bench=. -test.benchtime=2x")
		t.Logf("benchmarks in Chromium (exit code %d):\n%s", code, out)
	}
}

// runs counts the runs of runInBrowser.
var runs int

// runInBrowser opens browser.html with the given flags and waits for the
// test binary to exit; it returns the output and the exit code.
func runInBrowser(t *testing.T, tab *Tab, base, flags string) (string, int) {
	t.Helper()
	// A fresh query string makes each run a new document, not a hash change.
	runs++
	tab.Do(chromedp.Navigate(fmt.Sprintf("%s/browser.html?run=%d#%s", base, runs, flags)))
	tab.WaitTrue(`window.testExit !== undefined`, simdTestTimeout)
	out := Eval[string](tab, `window.testOutput.join("\n")`)
	return out, Eval[int](tab, `window.testExit`)
}

// simdTestSite builds the folder that browser.html runs in: the test binary
// of wasm/simd, the assembled SIMD module and Go's wasm_exec.js.
func simdTestSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	build := exec.Command("go", "test", "-c", "-o", filepath.Join(dir, "simd.test.wasm"), "./wasm/simd")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("GOOS=js GOARCH=wasm go test -c ./wasm/simd: %v\n%s", err, out)
	}
	wat := exec.Command("wat2wasm", "wasm/simd/simd.wat", "-o", filepath.Join(dir, "simd.wasm"))
	if out, err := wat.CombinedOutput(); err != nil {
		t.Fatalf("wat2wasm (apt-get install wabt): %v\n%s", err, out)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	copyFile(t, filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"),
		filepath.Join(dir, "wasm_exec.js"))
	copyFile(t, filepath.Join("testdata", "simd", "browser.html"), filepath.Join(dir, "browser.html"))
	return dir
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(fmt.Errorf("writing %s: %w", dst, err))
	}
}

// TestBrowserSIMDPage checks that the page's worker trains with the SIMD
// kernels and the footer says so, and that without simd.wasm the page falls
// back to the pure-Go kernels and the footer says why. (Chromium logs the
// 404 of simd.wasm as a console error, so that case does not check the
// console.)
func TestBrowserSIMDPage(t *testing.T) {
	RequireChromium(t)
	dir := BuiltSite(t)
	module := filepath.Join(dir, "simd.wasm") // assembled by buildSite
	const footer = `document.getElementById("kernel").textContent`

	t.Run("simd", func(t *testing.T) {
		tab := NewTab(t)
		tab.Open("")
		tab.WaitReady()
		tab.WaitTrue(footer+` !== "–"`, 30*time.Second)
		if got := Eval[string](tab, footer); got != "simd128" {
			t.Errorf("footer kernels: %q, want simd128", got)
		}
		tab.CheckConsole()
	})

	t.Run("fallback", func(t *testing.T) {
		saved, err := os.ReadFile(module)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(module); err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(module, saved, 0o644)
		tab := NewTab(t)
		tab.Open("")
		tab.WaitReady()
		tab.WaitTrue(footer+` !== "–"`, 30*time.Second)
		got := Eval[string](tab, footer)
		if !strings.HasPrefix(got, "go (SIMD kernels unavailable: ") || !strings.Contains(got, "404") {
			t.Errorf("footer kernels without simd.wasm: %q, want go (SIMD kernels unavailable: …404…)", got)
		}
		t.Log("footer without simd.wasm: " + got)
	})

	t.Run("not wasm", func(t *testing.T) {
		saved, err := os.ReadFile(module)
		if err != nil {
			t.Fatal(err)
		}
		defer os.WriteFile(module, saved, 0o644)
		if err := os.WriteFile(module, []byte("<!doctype html><p>Not found</p>"), 0o644); err != nil {
			t.Fatal(err)
		}
		tab := NewTab(t)
		tab.Open("")
		tab.WaitReady()
		tab.WaitTrue(footer+` !== "–"`, 30*time.Second)
		want := `go (SIMD kernels unavailable: simd.wasm is not a WebAssembly file: it begins ` +
			`"<!doctype html><", perhaps an error page of the server)`
		if got := Eval[string](tab, footer); got != want {
			t.Errorf("footer kernels with an HTML simd.wasm: %q, want %q", got, want)
		}
	})
}
