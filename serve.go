//go:build !js

// Command netfit serves the built site folder over HTTP on loopback, for local
// use and offline demos:
//
//	make serve               # builds site/netfit.wasm, then runs this
//	go run . -dir dist -addr 127.0.0.1:9000
//
// It does no more than a static host would: it serves files from one folder
// (index.html for a folder), with the right Content-Type (application/wasm for
// the WebAssembly), a pre-compressed sibling (file.br or file.gz) when the
// browser accepts it, and security headers that still let WebAssembly and a
// Web Worker run. It never serves a file outside the folder and lists no
// folders.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// contentSecurityPolicy lets the page run its own scripts and compile its own
// WebAssembly ('wasm-unsafe-eval' allows WebAssembly.instantiate, not eval),
// start a Web Worker from the site or from a blob: URL. Inline styles are
// allowed; inline scripts are not. It has no frame-ancestors directive, as a
// plain static host sends none: any page may embed the site in an <iframe>,
// which is a feature, including a post opened from disk (frame-ancestors *
// would refuse a file:// parent, since * matches only network schemes).
const contentSecurityPolicy = "default-src 'self'; " +
	"script-src 'self' 'wasm-unsafe-eval'; " +
	"worker-src 'self' blob:; " +
	"connect-src 'self' blob: data:; " +
	"img-src 'self' data: blob:; " +
	"style-src 'self' 'unsafe-inline'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'"

// contentTypes are the types of the files a site holds. Others come from
// [mime.TypeByExtension], then application/octet-stream.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".mjs":  "text/javascript; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".json": "application/json",
	".wasm": "application/wasm",
	".svg":  "image/svg+xml",
	".png":  "image/png",
	".ico":  "image/x-icon",
	".csv":  "text/csv; charset=utf-8",
	".tsv":  "text/tab-separated-values; charset=utf-8",
	".txt":  "text/plain; charset=utf-8",
}

// encodings are the pre-compressed siblings tried in order of preference:
// file.br, then file.gz.
var encodings = []struct{ name, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on (host:port)")
	dir := flag.String("dir", "site", "folder to serve")
	flag.Parse()
	log.SetFlags(0) // the lines the README shows, with no date in front
	if *bundleOut != "" {
		runBundle(*dir, *bundleOut) // bundle.go: make bundle
		return
	}
	if err := run(*addr, *dir); err != nil {
		log.Fatalf("netfit: %v", err)
	}
}

// run serves dir on addr until SIGINT or SIGTERM, then shuts down, letting
// requests in flight finish for up to five seconds.
func run(addr, dir string) error {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("site folder: %w (run make serve, which builds it)", err)
	}
	defer root.Close()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: newSiteHandler(root.FS()), ReadHeaderTimeout: 10 * time.Second}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Printf("netfit: serving %s at %s", dir, servingAt(addr, ln.Addr()))

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// servingAt returns the address to print for a server asked to listen on
// addr that listens on ln: the host as given, with the port chosen (for
// port 0), and 127.0.0.1 for all interfaces ("", 0.0.0.0, ::), which a
// browser on this machine can open.
//
//	http://127.0.0.1:8091/ (all interfaces; Ctrl-C stops)
func servingAt(addr string, ln net.Addr) string {
	host, _, err := net.SplitHostPort(addr)
	_, port, err2 := net.SplitHostPort(ln.String())
	if err != nil || err2 != nil {
		return "http://" + ln.String() + "/ (Ctrl-C stops)"
	}
	note := "(Ctrl-C stops)"
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host, note = "127.0.0.1", "(all interfaces; Ctrl-C stops)"
	}
	return "http://" + net.JoinHostPort(host, port) + "/ " + note
}

// siteHandler serves the files of one folder, as a static host does.
type siteHandler struct {
	files fs.FS
}

// newSiteHandler returns the handler for the files of a site. Give it the FS
// of an [os.Root], which also refuses symbolic links that lead out of the
// folder.
func newSiteHandler(files fs.FS) http.Handler {
	return siteHandler{files: files}
}

func (h siteHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, ok := fileName(r.URL)
	if !ok {
		http.Error(w, "400 bad path", http.StatusBadRequest)
		return
	}

	info, err := fs.Stat(h.files, name)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if info.IsDir() {
		// A static host answers /dir with a redirect to /dir/, whose
		// index.html then loads with the right relative links.
		http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
		return
	}
	h.serveFile(w, r, name)
}

// fileName maps a request URL to a file name inside the site, with
// index.html for a folder. It refuses (ok false) a path that is not
// absolute, has a ".." or "." element, an empty element, a backslash, a NUL,
// or an encoded slash or backslash: none of these come from the site's own
// links, and each has been used to escape a folder.
func fileName(u *url.URL) (name string, ok bool) {
	p := u.Path
	raw := strings.ToLower(u.EscapedPath())
	if !strings.HasPrefix(p, "/") ||
		strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") ||
		strings.ContainsAny(p, "\\\x00") {
		return "", false
	}
	name = strings.TrimPrefix(p, "/")
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	if !fs.ValidPath(name) || path.Clean(name) != name {
		return "", false
	}
	return name, true
}

// serveFile sends one regular file, or its pre-compressed sibling when the
// request accepts that encoding. The Content-Type is always the original's.
func (h siteHandler) serveFile(w http.ResponseWriter, r *http.Request, name string) {
	hdr := w.Header()
	hdr.Set("Content-Type", contentType(name))
	hdr.Set("Cache-Control", "no-cache")
	hdr.Add("Vary", "Accept-Encoding")

	send := name
	for _, enc := range encodings {
		if !acceptsEncoding(r.Header.Get("Accept-Encoding"), enc.name) {
			continue
		}
		if info, err := fs.Stat(h.files, name+enc.suffix); err == nil && info.Mode().IsRegular() {
			send = name + enc.suffix
			hdr.Set("Content-Encoding", enc.name)
			break
		}
	}

	f, err := h.files.Open(send)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		http.NotFound(w, r)
		return
	}
	rs, ok := f.(io.ReadSeeker)
	if !ok {
		http.Error(w, "500 file cannot seek", http.StatusInternalServerError)
		return
	}
	http.ServeContent(w, r, name, info.ModTime(), rs)
}

// contentType returns the media type of a file from its extension.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := contentTypes[ext]; ok {
		return t
	}
	if t := mime.TypeByExtension(ext); t != "" {
		return t
	}
	return "application/octet-stream"
}

// acceptsEncoding reports whether an Accept-Encoding header value allows a
// content coding: the coding or "*" is listed without q=0.
//
//	Accept-Encoding: gzip, deflate, br;q=0.5
func acceptsEncoding(header, coding string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		token, params, _ := strings.Cut(part, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		if token != coding && token != "*" {
			continue
		}
		allowed := qValue(params) > 0
		if token == coding {
			return allowed
		}
		star = allowed
	}
	return star
}

// qValue returns the q parameter of an Accept-Encoding element, 1 when it has
// none and 0 when it cannot be read.
func qValue(params string) float64 {
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if strings.ToLower(strings.TrimSpace(k)) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return 0
		}
		return q
	}
	return 1
}

// setSecurityHeaders sets the headers every response carries.
func setSecurityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}
