//go:build !js

package main

import (
	"bytes"
	"compress/gzip"
	"encoding/base64"
	"flag"
	"fmt"
	"log"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
)

// bundleOut is the -bundle flag: when set, the command writes the
// single-file page there (from the -dir folder) instead of serving.
var bundleOut = flag.String("bundle", "",
	"write one self-contained HTML file here from the -dir folder, then exit (make bundle)")

// runBundle writes the bundle and exits the program on failure.
func runBundle(siteDir, out string) {
	n, err := writeBundle(siteDir, out)
	if err != nil {
		log.Fatalf("netfit: bundle: %v", err)
	}
	log.Printf("netfit: wrote %s (%d bytes); open it from disk, no server needed", out, n)
}

// writeBundle reads the built site in siteDir (index.html, its stylesheets
// and scripts, worker.js, wasm_exec.js and netfit.wasm) and writes one HTML
// file that works when opened from file:// with no network:
//
//   - stylesheets become <style> blocks and scripts inline <script>
//     blocks (deferred ones at the end of the body, which is when a
//     deferred script runs);
//   - netfit.wasm (and any other .wasm file of the site) is
//     gzip-compressed and base64-encoded into a data block, and a small boot
//     script answers the page's fetch("netfit.wasm") with it, decompressed
//     by the browser's DecompressionStream;
//   - the same boot script starts the Web Worker from a Blob URL holding
//     wasm_exec.js, simd.js and worker.js, since a page opened from file://
//     cannot start a worker from a file. main.js then hands the worker the
//     compiled module by postMessage, as it does on a server.
//
// It refuses a page that refers to any other file, which it could not
// inline. It returns the size of the file written.
func writeBundle(siteDir, out string) (int, error) {
	read := func(name string) (string, error) {
		b, err := os.ReadFile(filepath.Join(siteDir, name))
		if err != nil {
			return "", fmt.Errorf("%w (run make build first)", err)
		}
		return string(b), nil
	}
	page, err := read("index.html")
	if err != nil {
		return 0, err
	}
	html, err := inlineAssets(page, read)
	if err != nil {
		return 0, err
	}
	boot, err := bootBlocks(siteDir, read)
	if err != nil {
		return 0, err
	}
	html, err = insertBeforeDeferred(html, boot)
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return 0, err
	}
	return len(html), os.WriteFile(out, []byte(html), 0o644)
}

var (
	stylesheetTag = regexp.MustCompile(`<link\s+rel="stylesheet"\s+href="([^"]+)"\s*/?>`)
	scriptTag     = regexp.MustCompile(`<script\s+src="([^"]+)"(\s+defer)?\s*>\s*</script>`)
	// srcOrHref matches the src="…" and href="…" attributes of a page.
	srcOrHref = regexp.MustCompile(`\b(?:src|href)="([^"]*)"`)
)

// deferredMark is where the deferred scripts go: just before </body>.
const deferredMark = "<!-- netfit: deferred scripts -->"

// inlineAssets replaces the stylesheet links and script tags of page by
// their content.
func inlineAssets(page string, read func(string) (string, error)) (string, error) {
	refs := localRefs(scriptTag.ReplaceAllString(stylesheetTag.ReplaceAllString(page, ""), ""))
	if len(refs) > 0 {
		return "", fmt.Errorf("index.html refers to %s, which the bundle cannot inline",
			strings.Join(refs, ", "))
	}
	var err error
	fail := func(e error) {
		if err == nil {
			err = e
		}
	}
	page = stylesheetTag.ReplaceAllStringFunc(page, func(tag string) string {
		css, e := read(stylesheetTag.FindStringSubmatch(tag)[1])
		fail(e)
		return "<style>\n" + escapeEnd(css, "</style") + "\n</style>"
	})
	var deferred []string
	page = scriptTag.ReplaceAllStringFunc(page, func(tag string) string {
		m := scriptTag.FindStringSubmatch(tag)
		js, e := read(m[1])
		fail(e)
		block := "<script>\n" + escapeEnd(js, "</script") + "\n</script>"
		if m[2] != "" {
			deferred = append(deferred, block)
			return ""
		}
		return block
	})
	if err != nil {
		return "", err
	}
	end := strings.LastIndex(page, "</body>") // the last: a script may hold the text
	if end < 0 {
		return "", fmt.Errorf("index.html has no </body>")
	}
	return page[:end] + deferredMark + "\n" + strings.Join(deferred, "\n") + "\n" + page[end:], nil
}

// localRefs lists the src and href values of page that name files.
func localRefs(page string) []string {
	var refs []string
	for _, m := range srcOrHref.FindAllStringSubmatch(page, -1) {
		v := m[1]
		if v == "" || strings.HasPrefix(v, "#") || strings.Contains(v, ":") {
			continue
		}
		refs = append(refs, path.Clean(v))
	}
	return refs
}

// escapeEnd keeps text from closing its <script> or <style> block early:
// "</script" becomes "<\/script", which means the same inside a JavaScript
// string, regular expression or comment, the only places it can occur.
func escapeEnd(text, end string) string {
	re := regexp.MustCompile(`(?i)` + regexp.QuoteMeta(end))
	return re.ReplaceAllStringFunc(text, func(s string) string { return "<\\/" + s[2:] })
}

// bootBlocks returns the data blocks (every .wasm file of the site, gzip
// -9 and base64, and the worker's sources) and the boot script.
func bootBlocks(siteDir string, read func(string) (string, error)) (string, error) {
	names, err := filepath.Glob(filepath.Join(siteDir, "*.wasm"))
	if err != nil || len(names) == 0 {
		return "", fmt.Errorf("no .wasm file in %s (run make build first)", siteDir)
	}
	var files []string
	for _, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return "", err
		}
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(b)
		if err := zw.Close(); err != nil {
			return "", err
		}
		files = append(files, fmt.Sprintf("%q: %q", filepath.Base(name),
			base64.StdEncoding.EncodeToString(gz.Bytes())))
	}
	var b strings.Builder
	b.WriteString(`<script type="application/json" id="netfit-files">{` + strings.Join(files, ",\n") + "}</script>\n")
	for _, f := range []struct{ id, name string }{
		{"netfit-wasm-exec", "wasm_exec.js"}, {"netfit-simd", "simd.js"},
		{"netfit-worker", "worker.js"},
	} {
		js, err := read(f.name)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(&b, "<script type=\"text/plain\" id=\"%s\">\n%s\n</script>\n",
			f.id, escapeEnd(js, "</script"))
	}
	b.WriteString("<script>\n" + bootScript + "</script>\n")
	return b.String(), nil
}

// insertBeforeDeferred puts blocks before the deferred scripts, so the boot
// script runs before main.js.
func insertBeforeDeferred(page, blocks string) (string, error) {
	i := strings.LastIndex(page, deferredMark)
	if i < 0 {
		return "", fmt.Errorf("no place for the boot script")
	}
	return page[:i] + blocks + page[i+len(deferredMark):], nil
}

// bootScript makes the single file behave like the served site: fetch()
// of a .wasm file of the site is answered from the files block, in the page
// and in the worker, and new Worker("worker.js") starts a worker from a
// Blob URL of wasm_exec.js, simd.js and worker.js.
const bootScript = `// netfit single-file boot (written by make bundle, see bundle.go).
"use strict";
(function () {
  const text = (id) => document.getElementById(id).textContent;
  const files = JSON.parse(text("netfit-files")); // name → gzip, base64

  // installFetch makes scope.fetch answer requests for the embedded files,
  // decompressing them with the browser's DecompressionStream as a
  // server's Content-Encoding would. It runs in the page and, as source
  // text, in the worker.
  function installFetch(scope, files) {
    const nativeFetch = scope.fetch.bind(scope);
    scope.fetch = function (input, init) {
      const url = String(input && input.url ? input.url : input);
      const name = url.split(/[?#]/)[0].split("/").pop();
      if (!/^https?:/.test(url) && Object.prototype.hasOwnProperty.call(files, name)) {
        const bin = atob(files[name]);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        const body = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
        const type = name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
        return Promise.resolve(new Response(body, { headers: { "Content-Type": type } }));
      }
      return nativeFetch(input, init);
    };
  }
  installFetch(window, files);

  // The worker gets every file but netfit.wasm (main.js sends it the
  // compiled module), and finds Go's wasm_exec.js and simd.js already
  // loaded when worker.js asks for them with importScripts.
  const workerFiles = Object.assign({}, files);
  delete workerFiles["netfit.wasm"];
  const workerURL = URL.createObjectURL(new Blob([
    "self.importScripts = function () {};\n",
    "(" + installFetch.toString() + ")(self, " + JSON.stringify(workerFiles) + ");\n",
    text("netfit-wasm-exec"), "\n", text("netfit-simd"), "\n", text("netfit-worker")],
    { type: "text/javascript" }));
  const NativeWorker = window.Worker;
  window.Worker = function (url, options) {
    const name = String(url).split(/[?#]/)[0].split("/").pop();
    return new NativeWorker(name === "worker.js" ? workerURL : url, options);
  };
  window.netfitBundle = true;
})();
`
