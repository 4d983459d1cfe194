//go:build !js

package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// testSite writes a small site into a temporary folder, next to a secret file
// that must never be served, and returns the handler for the site.
func testSite(t *testing.T) http.Handler {
	t.Helper()
	top := t.TempDir()
	site := filepath.Join(top, "site")
	files := map[string]string{
		"index.html":      "<!doctype html><title>netfit</title>",
		"netfit.wasm":     "\x00asm plain",
		"netfit.wasm.gz":  "gzip bytes",
		"netfit.wasm.br":  "brotli bytes",
		"app.js":          "console.log(1)",
		"app.js.gz":       "gzip js",
		"style.css":       "body{}",
		"data/index.html": "<p>data</p>",
		"data/sine.csv":   "x,y\n1,2\n",
		"blob.unknownext": "?",
	}
	for name, body := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(top, "go.mod"), []byte("SECRET module"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A symbolic link that leads out of the folder must not be followed.
	if err := os.Symlink(filepath.Join(top, "go.mod"), filepath.Join(site, "link.txt")); err != nil {
		t.Logf("no symlink test: %v", err)
	}

	root, err := os.OpenRoot(site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { root.Close() })
	return newSiteHandler(root.FS())
}

// get sends one request with a raw target, as a client would write it on the
// request line, and returns the recorded response.
func get(t *testing.T, h http.Handler, target, acceptEncoding string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, target, nil)
	if acceptEncoding != "" {
		req.Header.Set("Accept-Encoding", acceptEncoding)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServeContentType(t *testing.T) {
	h := testSite(t)
	tests := []struct {
		name, target, want string
	}{
		{"root", "/", "text/html; charset=utf-8"},
		{"index", "/index.html", "text/html; charset=utf-8"},
		{"wasm", "/netfit.wasm", "application/wasm"},
		{"js", "/app.js", "text/javascript; charset=utf-8"},
		{"css", "/style.css", "text/css; charset=utf-8"},
		{"csv", "/data/sine.csv", "text/csv; charset=utf-8"},
		{"folder index", "/data/", "text/html; charset=utf-8"},
		{"unknown", "/blob.unknownext", "application/octet-stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target, "")
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s: status %d, want 200", tt.target, rec.Code)
			}
			if got := rec.Header().Get("Content-Type"); got != tt.want {
				t.Errorf("GET %s: Content-Type %q, want %q", tt.target, got, tt.want)
			}
		})
	}
}

func TestServeCompression(t *testing.T) {
	h := testSite(t)
	tests := []struct {
		name, target, accept string
		wantEncoding         string // "" means identity
		wantBody             string
	}{
		{"none accepted", "/netfit.wasm", "", "", "\x00asm plain"},
		{"gzip only", "/netfit.wasm", "gzip", "gzip", "gzip bytes"},
		{"brotli preferred", "/netfit.wasm", "gzip, deflate, br", "br", "brotli bytes"},
		{"brotli refused by q=0", "/netfit.wasm", "gzip, br;q=0", "gzip", "gzip bytes"},
		{"all refused", "/netfit.wasm", "gzip;q=0, br;q=0", "", "\x00asm plain"},
		{"star", "/netfit.wasm", "*", "br", "brotli bytes"},
		{"star but not br", "/netfit.wasm", "*, br;q=0", "gzip", "gzip bytes"},
		{"upper case", "/netfit.wasm", "GZIP", "gzip", "gzip bytes"},
		{"no br sibling", "/app.js", "br, gzip", "gzip", "gzip js"},
		{"no sibling at all", "/style.css", "br, gzip", "", "body{}"},
		{"identity only", "/app.js", "identity", "", "console.log(1)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := get(t, h, tt.target, tt.accept)
			if rec.Code != http.StatusOK {
				t.Fatalf("GET %s (Accept-Encoding %q): status %d", tt.target, tt.accept, rec.Code)
			}
			if got := rec.Header().Get("Content-Encoding"); got != tt.wantEncoding {
				t.Errorf("Accept-Encoding %q: Content-Encoding %q, want %q",
					tt.accept, got, tt.wantEncoding)
			}
			if got := rec.Body.String(); got != tt.wantBody {
				t.Errorf("Accept-Encoding %q: body %q, want %q", tt.accept, got, tt.wantBody)
			}
			if got := rec.Header().Get("Vary"); got != "Accept-Encoding" {
				t.Errorf("Vary %q, want Accept-Encoding", got)
			}
			// The type is the original file's, never application/gzip.
			want := contentType(tt.target)
			if got := rec.Header().Get("Content-Type"); got != want {
				t.Errorf("Content-Type %q, want %q", got, want)
			}
		})
	}
}

// traversalTargets are request targets that try to leave the site folder or
// use a path the site's own links never produce.
var traversalTargets = []string{
	"/../go.mod",
	"/%2e%2e/go.mod",
	"/%2E%2E/go.mod",
	"/.%2e/go.mod",
	"/data/../../go.mod",
	"/data/%2e%2e/%2e%2e/go.mod",
	"/..%2fgo.mod",
	"/..%2Fgo.mod",
	"/%2e%2e%2fgo.mod",
	"/..%5cgo.mod",
	"/..\\go.mod",
	"/data\\..\\..\\go.mod",
	"/%252e%252e/go.mod",
	"//go.mod",
	"/./index.html",
	"/data//sine.csv",
	"/index.html%00.png",
	"/link.txt",
}

func TestServeTraversal(t *testing.T) {
	h := testSite(t)
	for _, target := range traversalTargets {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, target, "")
			if rec.Code == http.StatusOK || strings.Contains(rec.Body.String(), "SECRET") {
				t.Errorf("GET %s: status %d, body %q; want it refused", target, rec.Code, rec.Body)
			}
		})
	}
}

// TestServeTraversalOverTCP sends the raw request lines through a real
// server, so that nothing in net/http cleans the path before the handler.
func TestServeTraversalOverTCP(t *testing.T) {
	srv := httptest.NewServer(testSite(t))
	defer srv.Close()
	for _, target := range traversalTargets {
		t.Run(target, func(t *testing.T) {
			conn, err := net.Dial("tcp", srv.Listener.Addr().String())
			if err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
			resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK || strings.Contains(string(body), "SECRET") {
				t.Errorf("GET %s: status %d, body %q; want it refused", target, resp.StatusCode, body)
			}
		})
	}
}

func TestServeHeaders(t *testing.T) {
	h := testSite(t)
	for _, target := range []string{"/", "/netfit.wasm", "/missing", "/../go.mod"} {
		t.Run(target, func(t *testing.T) {
			rec := get(t, h, target, "")
			hdr := rec.Header()
			csp := hdr.Get("Content-Security-Policy")
			for _, want := range []string{"'wasm-unsafe-eval'", "worker-src 'self' blob:",
				"default-src 'self'", "object-src 'none'"} {
				if !strings.Contains(csp, want) {
					t.Errorf("Content-Security-Policy %q lacks %q", csp, want)
				}
			}
			// Any frame-ancestors, even *, refuses some parent: * matches
			// only network schemes, so a post opened from file:// shows a
			// blank frame. A static host sends none.
			if strings.Contains(csp, "frame-ancestors") {
				t.Errorf("Content-Security-Policy %q limits who may embed the page", csp)
			}
			if strings.Contains(csp, "'unsafe-eval'") {
				t.Errorf("Content-Security-Policy %q allows eval", csp)
			}
			if got := hdr.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", got)
			}
			if got := hdr.Get("Referrer-Policy"); got == "" {
				t.Error("no Referrer-Policy")
			}
			if got := hdr.Get("X-Frame-Options"); got != "" {
				t.Errorf("X-Frame-Options %q stops embedding", got)
			}
		})
	}
}

func TestServeStatus(t *testing.T) {
	h := testSite(t)
	tests := []struct {
		name, method, target string
		want                 int
	}{
		{"missing file", http.MethodGet, "/nope.js", http.StatusNotFound},
		{"folder without slash", http.MethodGet, "/data", http.StatusMovedPermanently},
		{"head", http.MethodHead, "/index.html", http.StatusOK},
		{"post", http.MethodPost, "/index.html", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tt.method, tt.target, nil))
			if rec.Code != tt.want {
				t.Errorf("%s %s: status %d, want %d", tt.method, tt.target, rec.Code, tt.want)
			}
		})
	}
}

func TestAcceptsEncoding(t *testing.T) {
	tests := []struct {
		header, coding string
		want           bool
	}{
		{"", "gzip", false},
		{"gzip", "gzip", true},
		{"gzip;q=0", "gzip", false},
		{"gzip; q=0.001", "gzip", true},
		{"gzip;q=bad", "gzip", false},
		{"deflate, br", "gzip", false},
		{"*;q=0", "br", false},
		{"br;q=1.0, *;q=0", "br", true},
		{"br;q=0, *", "br", false},
	}
	for _, tt := range tests {
		if got := acceptsEncoding(tt.header, tt.coding); got != tt.want {
			t.Errorf("acceptsEncoding(%q, %q) = %v, want %v", tt.header, tt.coding, got, tt.want)
		}
	}
}

// TestServingAt checks the address the server prints: as given, with the
// port it got, and 127.0.0.1 for all interfaces rather than [::].
func TestServingAt(t *testing.T) {
	cases := []struct{ addr, listening, want string }{
		{"127.0.0.1:8080", "127.0.0.1:8080", "http://127.0.0.1:8080/ (Ctrl-C stops)"},
		{"localhost:8090", "127.0.0.1:8090", "http://localhost:8090/ (Ctrl-C stops)"},
		{"127.0.0.1:0", "127.0.0.1:41234", "http://127.0.0.1:41234/ (Ctrl-C stops)"},
		{"0.0.0.0:8091", "[::]:8091", "http://127.0.0.1:8091/ (all interfaces; Ctrl-C stops)"},
		{":8091", "[::]:8091", "http://127.0.0.1:8091/ (all interfaces; Ctrl-C stops)"},
		{"[::1]:8092", "[::1]:8092", "http://[::1]:8092/ (Ctrl-C stops)"},
	}
	for _, c := range cases {
		t.Run(c.addr, func(t *testing.T) {
			ln, err := net.ResolveTCPAddr("tcp", c.listening)
			if err != nil {
				t.Fatal(err)
			}
			if got := servingAt(c.addr, ln); got != c.want {
				t.Errorf("servingAt(%q, %s) = %q, want %q", c.addr, c.listening, got, c.want)
			}
		})
	}
}

// TestServeFirstLine runs the command as make serve does and reads its
// first line: the README's "netfit: serving site at http://…/ (Ctrl-C
// stops)", with no date in front.
func TestServeFirstLine(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command; skipped with -short")
	}
	exe := filepath.Join(t.TempDir(), "netfit")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(exe, "-dir", t.TempDir(), "-addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v", err)
	}
	want := regexp.MustCompile(`^netfit: serving \S+ at http://127\.0\.0\.1:\d+/ \(Ctrl-C stops\)\n$`)
	if !want.MatchString(line) {
		t.Errorf("first line %q, want it to match %s", line, want)
	}
}
