# netfit: make serve (build, then serve on http://127.0.0.1:8080) and make test.
# Each target is a few lines; the README explains them.

GO       ?= go
ADDR     ?= 127.0.0.1:8080
GO_ROOT  := $(shell $(GO) env GOROOT)
# WASMFLAGS are the flags of the WebAssembly build; browser_test.go uses the
# same ones (wasmBuildFlags), so the tests load what make serve serves.
WASMFLAGS := -trimpath -ldflags=-s\ -w
# The files a browser fetches compressed: dist/ gets a .gz and .br of each.
COMPRESS := -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \
	-o -name '*.json' -o -name '*.svg' -o -name '*.csv'

.PHONY: build serve test dist bundle bench clean

# build compiles wasm/ to site/netfit.wasm and copies Go's wasm_exec.js next to
# it. Both are generated, and .gitignore keeps them out of git.
build:
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o site/netfit.wasm ./wasm
	cp "$(GO_ROOT)/lib/wasm/wasm_exec.js" site/wasm_exec.js
	wat2wasm wasm/simd/simd.wat -o site/simd.wasm # SIMD kernels (apt-get install wabt)

serve: build
	$(GO) run . -dir site -addr $(ADDR)

test: build
	@echo "== format: gofmt -l"
	@test -z "$$(gofmt -l .)" || { gofmt -l .; echo "gofmt: the files above need gofmt -w"; exit 1; }
	@echo "== layer 1, native: go vet ./... && go test ./... (browser tests run in layer 3)"
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	$(GO) test -skip '^TestBrowser' ./...
	@echo "== layer 2, WebAssembly: GOOS=js GOARCH=wasm go test ./core/... under node"
	PATH="$$PATH:$(GO_ROOT)/lib/wasm" GOOS=js GOARCH=wasm $(GO) test ./core/...
	GOOS=js GOARCH=wasm $(GO) test -exec $(CURDIR)/testdata/simd/go_js_wasm_exec_simd ./wasm/simd
	@echo "== layer 3, browser: headless Chromium through chromedp (TestBrowser*)"
	$(GO) test -count=1 -v -run '^TestBrowser' .

# dist is the deployable static folder: the site plus a gzip -9 and, when the
# brotli command exists, a brotli copy of each text and wasm file.
dist: build
	rm -rf dist
	cp -R site dist
	find dist -type f \( $(COMPRESS) \) -exec gzip -9 -k -f {} +
	@if command -v brotli >/dev/null; then \
		find dist -type f \( $(COMPRESS) \) -exec brotli -q 11 -k -f {} +; \
	else echo "dist: brotli not found, so no .br files (apt-get install brotli)"; fi
	@echo "dist: ready; serve it with go run . -dir dist, or copy it to any static host"

# bundle writes offline/netfit.html, one self-contained file that works from
# file:// with no network: CSS and JS inlined, the wasm gzip-compressed inside
# (bundle.go explains how it boots). It is not in dist/, which make dist
# wipes and which a static host serves.
bundle: build
	$(GO) run . -dir site -bundle offline/netfit.html

bench:
	NETFIT_BENCH=1 $(GO) test -count=1 -run '^TestBenchTable$$' -v -timeout 15m .

clean:
	rm -rf dist offline site/netfit.wasm site/wasm_exec.js site/simd.wasm
