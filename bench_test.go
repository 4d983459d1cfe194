//go:build !js

// This file is make bench: TestBenchTable times one training setup after
// another on every runner and prints one table of training throughput, so
// netfit's speed stands next to TensorFlow.js' on the same machine in the
// same run. It runs only with NETFIT_BENCH=1:
//
//	NETFIT_BENCH=1 go test -count=1 -run '^TestBenchTable$' -v -timeout 15m .
//
// The runners are
//
//   - netfit native and netfit wasm/node go: the Epoch benchmarks of
//     core/train (go test -bench, natively and with GOOS=js GOARCH=wasm),
//     with the pure-Go kernels of core/kernel;
//   - netfit wasm/node simd: the Epoch benchmarks of wasm/trainbench, which
//     install the SIMD kernels of wasm/simd, under node through the -exec
//     wrapper testdata/simd/go_js_wasm_exec_simd that loads the module;
//   - netfit Chromium go and simd: the page's window.netfit API in headless
//     Chromium, through the chromedp harness of browser_test.go, opened
//     with ?kernels=go (the page skips simd.wasm) and without (the page
//     loads it); the footer's kernel name is checked;
//   - TF.js wasm and TF.js cpu under node: testdata/tfjs/bench.mjs, after
//     npm ci in testdata/tfjs on first use.
//
// Every figure is training throughput over whole epochs of training rows:
//
//	samples/s = training samples ÷ seconds
//	GFLOP/s   = 6 × weights × samples/s ÷ 1e9
//
// 6 = 2 (multiply and add) × 3 (forward, gradient of the input, gradient of
// the weights); weights counts kernels and biases. The slow runners time a
// few epochs only, and the table says how many. NETFIT_BENCH_PARTS=tfjs,wasm
// (any of native, wasm, tfjs, chromium) runs only those parts.
//
// Below the table it checks the targets of issue 7 (netfit as shipped, with
// the pure-Go fallback shown for reference) and issue 8 (the SIMD kernels):
// throughput ratios to TF.js and the time to fit the recommended setups in
// Chromium.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"netfit/core/data"
	"netfit/core/parity"
	"netfit/core/settings"
	"netfit/core/train"
)

// benchDir is the node project holding bench.mjs.
var benchDir = filepath.Join("testdata", "tfjs")

// The runners, in the order of the table.
const (
	runNative       = "netfit native"
	runWasmGo       = "netfit wasm/node go"
	runWasmSIMD     = "netfit wasm/node simd"
	runChromiumGo   = "netfit Chromium go"
	runChromiumSIMD = "netfit Chromium simd"
	runTFWasm       = "TF.js wasm/node"
	runTFCPU        = "TF.js cpu/node"
)

var runners = []string{runNative, runWasmGo, runWasmSIMD, runChromiumGo, runChromiumSIMD,
	runTFWasm, runTFCPU}

// benchSetup is one group of rows of the table: a named preset of the page
// (core/settings) and how many epochs each slow runner trains.
type benchSetup struct {
	Preset  string         // "keras-poly", "recommended-sine", ...
	Epochs  map[string]int // epochs per runner; 0: the preset's own; go test -bench chooses its own
	FitR2   float64        // validation R² that counts as fitted; 0: no time-to-fit
	Weights int            // weights and biases, from the preset
	Rows    int            // training rows per epoch
	Batch   int
	Config  train.Config
	Data    settings.DataSettings
}

// benchSetups are the table's setups. The tutorial's models take seconds per
// epoch on TF.js' cpu backend, so they train two or three epochs; the first
// epoch carries start-up costs and only the later ones are timed. The page
// trains the recommended setups for 300 epochs (a second or a few), so that
// several progress reports come.
func benchSetups(t *testing.T) []*benchSetup {
	setups := []*benchSetup{
		{Preset: "keras-poly", Epochs: map[string]int{runChromiumGo: 5, runChromiumSIMD: 10,
			runTFWasm: 4, runTFCPU: 3}},
		{Preset: "keras-sine", Epochs: map[string]int{runChromiumGo: 3, runChromiumSIMD: 6,
			runTFWasm: 4, runTFCPU: 3}},
		{Preset: "recommended-sine", FitR2: 0.9,
			Epochs: map[string]int{runChromiumGo: 300, runChromiumSIMD: 300,
				runTFWasm: 6, runTFCPU: 6}},
		{Preset: "recommended-poly", FitR2: 0.999,
			Epochs: map[string]int{runChromiumGo: 300, runChromiumSIMD: 300,
				runTFWasm: 6, runTFCPU: 6}},
	}
	for _, s := range setups {
		st, ok := settings.LookupPreset(s.Preset)
		if !ok {
			t.Fatalf("core/settings has no preset %q", s.Preset)
		}
		s.Config, s.Data = st.Train, st.Data
		spec := st.Train.Model
		spec.Inputs = st.Train.Features.Count()
		s.Weights = spec.NumParams()
		s.Rows = data.TrainRows(st.Data.N, st.Train.ValFraction)
		s.Batch = min(max(st.Train.BatchSize, 1), s.Rows)
	}
	return setups
}

// measurement is one cell group of the table: a runner's throughput on a
// setup, or why there is none.
type measurement struct {
	SamplesPerSec float64
	Timed         string // how it was timed, e.g. "2 of 3 epochs"
	Missing       string // why there is no figure; "" when there is one
	Weights       int    // weights of the model timed, when not the setup's; 0 otherwise
	Note          string // a footnote, such as why Weights differs
}

func missing(why string) measurement { return measurement{Missing: why} }

// measured reports whether m holds a figure.
func (m measurement) measured() bool { return m.Missing == "" && m.SamplesPerSec > 0 }

// benchResults holds the measurements by setup and runner.
type benchResults map[string]map[string]measurement

func (r benchResults) set(setup, runner string, m measurement) {
	if r[setup] == nil {
		r[setup] = map[string]measurement{}
	}
	r[setup][runner] = m
}

// fitResults holds the times to fit by setup and runner.
type fitResults map[string]map[string]fitResult

// fitResult is the time-to-fit of one setup on one runner.
type fitResult struct {
	Seconds float64 // wall time from the start of training; <0: not reached
	Epoch   int
	R2      float64 // validation R² when reached, or the best seen
	Note    string  // why there is no figure, or what stopped training
}

func TestBenchTable(t *testing.T) {
	if os.Getenv("NETFIT_BENCH") != "1" {
		t.Skip("set NETFIT_BENCH=1 (make bench) to time training on every runner")
	}
	start := time.Now()
	load0 := loadAverage()
	setups := benchSetups(t)
	results := benchResults{}
	fits := fitResults{}
	var loads []string // "runner load", as each part starts
	mark := func(name string) { loads = append(loads, name+" "+loadAverage()) }

	for _, run := range goRuns {
		if benchPart(run.part) {
			mark(run.runner)
			benchGo(t, run, setups, results)
		}
	}
	if benchPart("tfjs") {
		mark("TF.js")
		benchTFJS(t, setups, results)
	}
	if benchPart("chromium") {
		for _, p := range pagePaths {
			mark(p.runner)
			t.Run(p.runner, func(t *testing.T) { benchChromium(t, p, setups, results, fits) })
		}
	}
	if benchPart("native") {
		benchFitNative(t, setups, fits)
	}

	var out bytes.Buffer
	writeHeader(&out, start, load0, loads)
	writeTable(&out, setups, results)
	writeFits(&out, setups, fits)
	writeTargets(&out, setups, results, fits)
	fmt.Fprintf(&out, "\nmake bench took %s in all.\n", time.Since(start).Round(time.Second))
	fmt.Print("\n" + out.String())
	keepTable(t, out.Bytes())
}

// benchPart reports whether a part of the table runs: all of them by
// default, or those listed in NETFIT_BENCH_PARTS (comma-separated: native,
// wasm, tfjs, chromium), for working on one part.
func benchPart(name string) bool {
	parts := os.Getenv("NETFIT_BENCH_PARTS")
	return parts == "" || slices.Contains(strings.Split(parts, ","), name)
}

// loadAverage returns the first field of /proc/loadavg, or "?".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) > 0 {
		return f[0]
	}
	return "?"
}

// keepTable writes the table to bench.txt in a new folder under the system's
// temporary folder (it outlives the test, unlike t.TempDir) and, when
// NETFIT_BENCH_OUT names a file, there too.
func keepTable(t *testing.T, table []byte) {
	dir, err := os.MkdirTemp("", "netfit-bench-")
	if err == nil {
		p := filepath.Join(dir, "bench.txt")
		if err = os.WriteFile(p, table, 0o644); err == nil {
			fmt.Printf("(table saved in %s)\n", p)
		}
	}
	if err != nil {
		t.Errorf("saving the table: %v", err)
	}
	if p := os.Getenv("NETFIT_BENCH_OUT"); p != "" {
		if err := os.WriteFile(p, table, 0o644); err != nil {
			t.Errorf("NETFIT_BENCH_OUT: %v", err)
		}
	}
}

// ---------------------------------------------------------------- Go benchmarks

// goBenchTime is the -benchtime of the core/train benchmarks: long enough
// for a few epochs of the small setups, one epoch of the big ones in wasm.
const goBenchTime = "2s"

// goRun is one go test -bench run that fills a runner's column.
type goRun struct {
	runner string // the table's runner
	part   string // the part of NETFIT_BENCH_PARTS that runs it
	pkg    string // the package whose Epoch benchmarks run
	bench  string // the -bench pattern
	wasm   bool   // GOOS=js GOARCH=wasm, under node
	exec   string // the -exec wrapper, relative to the repository; "": Go's go_js_wasm_exec
}

// goRuns are the runners that go test -bench measures. core/train cannot
// import the SIMD kernels (the core imports nothing from wasm/), so the SIMD
// figures come from wasm/trainbench, which installs them with kernel.Use and
// names its sub-benchmarks after the kernels it installed.
var goRuns = []goRun{
	{runner: runNative, part: "native", pkg: "./core/train/", bench: "Epoch"},
	{runner: runWasmGo, part: "wasm", pkg: "./core/train/", bench: "Epoch", wasm: true},
	{runner: runWasmSIMD, part: "wasm", pkg: "./wasm/trainbench/", bench: "Epoch/.*/simd128",
		wasm: true, exec: filepath.Join("testdata", "simd", "go_js_wasm_exec_simd")},
}

// benchGo runs the Epoch benchmarks of one goRun and records their
// samples/s.
func benchGo(t *testing.T, run goRun, setups []*benchSetup, results benchResults) {
	runner := run.runner
	args := []string{"test", "-count=1", "-run", "^$", "-bench", run.bench,
		"-benchtime", goBenchTime, "-benchmem"}
	if run.exec != "" {
		wrapper, err := filepath.Abs(run.exec)
		if err != nil {
			t.Errorf("%s: %v", run.exec, err)
		}
		args = append(args, "-exec", wrapper)
	}
	args = append(args, run.pkg)
	t.Logf("%s: go %s …", runner, strings.Join(args, " "))
	cmd := exec.Command("go", args...)
	if run.wasm {
		goroot, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			t.Errorf("go env GOROOT: %v", err)
		}
		wasmBin := filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm")
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm",
			"PATH="+os.Getenv("PATH")+string(os.PathListSeparator)+wasmBin)
	}
	out, err := runTimeout(cmd, 5*time.Minute)
	lines := parseBench(string(out))
	t.Logf("%s output:\n%s", runner, out)

	found := map[string]bool{}
	for _, l := range lines {
		setup := setupOfBenchmark(l.Name)
		sps, ok := l.Metrics["samples/s"]
		if setup == "" || !ok || found[setup] {
			continue
		}
		found[setup] = true
		timed := fmt.Sprintf("go bench, %d epoch", l.N) + plural(l.N)
		if a, ok := l.Metrics["allocs/op"]; ok {
			timed += fmt.Sprintf(", %.0f allocs", a)
		}
		m := measurement{SamplesPerSec: sps, Timed: timed}
		if w := benchWeights(l); w > 0 && math.Abs(w/float64(weightsOf(setups, setup))-1) > 0.01 {
			m.Weights = int(math.Round(w))
			m.Note = fmt.Sprintf("%s trains another model than the page's %s preset "+
				"(%s weights, not %s)", l.Name, setup,
				thousands(m.Weights), thousands(weightsOf(setups, setup)))
		}
		results.set(setup, runner, m)
	}
	for _, s := range setups {
		if found[s.Preset] {
			continue
		}
		why := "no Epoch benchmark in " + run.pkg
		if err != nil {
			why = "go test failed: " + firstLine(string(out), err)
		}
		results.set(s.Preset, runner, missing(why))
	}
}

// benchWeights returns the weights a benchmark's model has, from its
// samples/s and GFLOP/s (GFLOP/s = 6 × weights × samples/s ÷ 1e9), or 0.
func benchWeights(l benchLine) float64 {
	sps, gflops := l.Metrics["samples/s"], l.Metrics["GFLOP/s"]
	if sps <= 0 || gflops <= 0 {
		return 0
	}
	return gflops * 1e9 / (6 * sps)
}

// weightsOf returns the weights of the named setup.
func weightsOf(setups []*benchSetup, preset string) int {
	for _, s := range setups {
		if s.Preset == preset {
			return s.Weights
		}
	}
	return 0
}

// benchLine is one result line of go test -bench.
type benchLine struct {
	Name    string             // without the "-GOMAXPROCS" suffix
	N       int                // iterations
	Metrics map[string]float64 // by unit: "ns/op", "samples/s", "allocs/op", ...
}

// parseBench reads the result lines of go test -bench output, such as
//
//	BenchmarkEpochKerasPoly-2   3   412345678 ns/op   970.1 samples/s   0 allocs/op
//
// and skips every other line.
func parseBench(out string) []benchLine {
	var lines []benchLine
	for _, text := range strings.Split(out, "\n") {
		f := strings.Fields(text)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		l := benchLine{Name: trimProcs(f[0]), N: n, Metrics: map[string]float64{}}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				l.Metrics[f[i+1]] = v
			}
		}
		lines = append(lines, l)
	}
	return lines
}

// trimProcs removes the "-2" that go test appends for GOMAXPROCS.
func trimProcs(name string) string {
	i := strings.LastIndexByte(name, '-')
	if i < 0 {
		return name
	}
	if _, err := strconv.Atoi(name[i+1:]); err != nil {
		return name
	}
	return name[:i]
}

// setupOfBenchmark maps a benchmark name to the preset it times:
// "recommended-sine" when it mentions "rec" and "sine", "keras-poly" when it
// mentions "poly" only, and "" when it names neither data set.
func setupOfBenchmark(name string) string {
	n := strings.ToLower(name)
	dataName := ""
	switch {
	case strings.Contains(n, "sine"):
		dataName = "sine"
	case strings.Contains(n, "poly"):
		dataName = "poly"
	default:
		return ""
	}
	if strings.Contains(n, "rec") {
		return "recommended-" + dataName
	}
	return "keras-" + dataName
}

// ------------------------------------------------------------------- TF.js

// benchTFJS runs bench.mjs for every setup on both TF.js backends.
func benchTFJS(t *testing.T, setups []*benchSetup, results benchResults) {
	if why := ensureBenchModules(t); why != "" {
		for _, s := range setups {
			results.set(s.Preset, runTFWasm, missing(why))
			results.set(s.Preset, runTFCPU, missing(why))
		}
		return
	}
	for _, s := range setups {
		args, why := tfjsArgs(s)
		for _, runner := range []string{runTFWasm, runTFCPU} {
			if why != "" {
				results.set(s.Preset, runner, missing(why))
				continue
			}
			results.set(s.Preset, runner, runTFJS(t, s, runner, args))
		}
	}
}

// ensureBenchModules installs TF.js in testdata/tfjs on first use (see
// parity.EnsureTFJS). It returns why TF.js cannot run, or "".
func ensureBenchModules(t *testing.T) string {
	skip, err := parity.EnsureTFJS(benchDir)
	if err != nil {
		t.Error(err)
		return err.Error()
	}
	return skip
}

// tfjsActivations and tfjsInits map netfit's names to TF.js' where TF.js has
// the same function ("sin" is bench.mjs' own).
var (
	tfjsActivations = map[string]string{"linear": "linear", "relu": "relu", "elu": "elu",
		"selu": "selu", "tanh": "tanh", "sigmoid": "sigmoid", "softplus": "softplus",
		"swish": "swish", "sin": "sin"}
	tfjsInits = map[string]string{"normal": "randomNormal", "glorot_uniform": "glorotUniform",
		"glorot_normal": "glorotNormal", "he_normal": "heNormal", "he_uniform": "heUniform",
		"lecun_normal": "leCunNormal", "zeros": "zeros"}
)

// tfjsArgs returns bench.mjs' arguments for a setup (without backend and
// epochs), or why TF.js cannot train it the same way.
func tfjsArgs(s *benchSetup) ([]string, string) {
	c := s.Config
	switch {
	case c.Optimizer != "" && c.Optimizer != train.Adam:
		return nil, "bench.mjs trains with Adam only, not " + c.Optimizer
	case c.Features.Count() != 1:
		return nil, "bench.mjs has no extra input features"
	case !presetData(s.Data) || (s.Data.Preset != "poly" && s.Data.Preset != "sine"):
		return nil, "bench.mjs has the poly and sine data only"
	}
	var units []string
	act := ""
	for _, l := range c.Model.Hidden {
		units = append(units, strconv.Itoa(l.Units))
		if act != "" && act != l.Activation.String() {
			return nil, "bench.mjs has one hidden activation only"
		}
		act = l.Activation.String()
	}
	if act == "" {
		act = "linear"
	}
	tfAct, ok1 := tfjsActivations[act]
	tfOut, ok2 := tfjsActivations[c.Model.Output.String()]
	tfInit, ok3 := tfjsInits[c.Model.Init.String()]
	if !ok1 || !ok2 || !ok3 {
		return nil, "TF.js lacks an activation or initializer of this setup"
	}
	args := []string{"--data", s.Data.Preset, "--n", strconv.Itoa(s.Data.N),
		"--layers", strings.Join(units, ","), "--act", tfAct, "--out", tfOut,
		"--init", tfInit, "--batch", strconv.Itoa(s.Batch),
		"--lr", fmtFloat(c.EffectiveLearningRate()), "--eps", fmtFloat(epsilon(c))}
	if c.ScaleX {
		args = append(args, "--scale-x")
	}
	if c.ScaleY {
		args = append(args, "--scale-y")
	}
	return args, ""
}

// epsilon is Adam's ε of a config, with the trainer's default.
func epsilon(c train.Config) float64 {
	if c.Epsilon == 0 {
		return 1e-7
	}
	return c.Epsilon
}

// tfjsRun is the part of bench.mjs' JSON line that the table uses.
type tfjsRun struct {
	Params        int       `json:"params"`
	Epochs        int       `json:"epochs"`
	TimedEpochs   int       `json:"timedEpochs"`
	EpochSec      []float64 `json:"epochSec"`
	SamplesPerSec float64   `json:"samplesPerSec"`
}

// runTFJS runs bench.mjs once and returns its steady throughput.
func runTFJS(t *testing.T, s *benchSetup, runner string, args []string) measurement {
	backend := map[string]string{runTFWasm: "wasm", runTFCPU: "cpu"}[runner]
	epochs := s.Epochs[runner]
	args = append([]string{"bench.mjs"}, args...)
	args = append(args, "--backend", backend, "--epochs", strconv.Itoa(epochs), "--json")
	t.Logf("%s, %s: node %s", runner, s.Preset, strings.Join(args, " "))
	cmd := exec.Command("node", args...)
	cmd.Dir = benchDir
	out, err := runTimeout(cmd, 4*time.Minute)
	if err != nil {
		t.Errorf("%s on %s: %v\n%s", runner, s.Preset, err, out)
		return missing("bench.mjs failed: " + firstLine(string(out), err))
	}

	var r tfjsRun
	if err := json.Unmarshal(lastJSONLine(out), &r); err != nil {
		t.Errorf("%s on %s: reading the JSON line: %v\n%s", runner, s.Preset, err, out)
		return missing("bench.mjs printed no JSON")
	}
	t.Logf("%s, %s: epochs took %v s", runner, s.Preset, r.EpochSec)
	if r.Params != s.Weights {
		t.Errorf("%s on %s: TF.js counts %d weights, netfit %d", runner, s.Preset, r.Params, s.Weights)
	}
	return measurement{SamplesPerSec: r.SamplesPerSec,
		Timed: fmt.Sprintf("%d of %d epochs", r.TimedEpochs, r.Epochs)}
}

// lastJSONLine returns the last line of out that starts with "{".
func lastJSONLine(out []byte) []byte {
	lines := bytes.Split(out, []byte("\n"))
	for i := len(lines) - 1; i >= 0; i-- {
		if l := bytes.TrimSpace(lines[i]); bytes.HasPrefix(l, []byte("{")) {
			return l
		}
	}
	return nil
}

// presetData reports whether a setup's data is a preset of core/data (a
// Source of "" means a preset too).
func presetData(d settings.DataSettings) bool {
	return d.Source == settings.SourcePreset || d.Source == ""
}

// ---------------------------------------------------------------- Chromium

// epochTimeLimit is the longest one epoch may take in the page before the
// run counts as stalled.
const epochTimeLimit = 90 * time.Second

// fitTimeLimit is how long a time-to-fit run may train before it counts as
// not fitted.
const fitTimeLimit = 30 * time.Second

// pagePath is one kernel path of the page in Chromium: the page address's
// query and the kernel name the footer must show (the start of it: the
// pure-Go label goes on with why SIMD is off).
type pagePath struct {
	runner, query, kernel string
}

// pagePaths are the page's two kernel paths: ?kernels=go makes site/main.js
// skip simd.wasm, so the worker keeps the pure-Go kernels; by default it
// loads the module and installs the SIMD kernels.
var pagePaths = []pagePath{
	{runner: runChromiumGo, query: "?kernels=go", kernel: "go"},
	{runner: runChromiumSIMD, query: "", kernel: "simd128"},
}

// benchChromium opens the page once with one kernel path, checks the
// footer's kernel name, trains each setup through window.netfit, then times
// the recommended setups to their fit. Each path gets its own browser,
// which stops at the end of the subtest.
func benchChromium(t *testing.T, p pagePath, setups []*benchSetup, results benchResults,
	fits fitResults) {
	fail := func(why string) {
		for _, s := range setups {
			results.set(s.Preset, p.runner, missing(why))
		}
	}
	fail("Chromium run failed (see the log)")
	tab := NewTab(t) // skips without Chromium; the cells then say it failed
	tab.OpenPath(p.query, "")
	if why := pageReady(tab); why != "" {
		fail(why)
		return
	}
	if why := pageKernel(tab, p.kernel); why != "" {
		t.Errorf("%s: %s", p.runner, why)
		fail(why)
		return
	}
	for _, s := range setups {
		results.set(s.Preset, p.runner, trainInPage(t, tab, p.runner, s))
	}
	for _, s := range setups {
		if s.FitR2 > 0 {
			setFit(fits, s.Preset, p.runner, fitInPage(t, tab, p.runner, s))
		}
	}
	tab.CheckConsole()
}

// pageKernel waits for the footer's kernel name, which the worker sends
// when it starts, and returns why it is not the wanted one, or "".
func pageKernel(tab *Tab, want string) string {
	const footer = `document.getElementById("kernel").textContent`
	ctx, cancel := context.WithTimeout(tab.Ctx, readyTimeout)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](footer+` !== "–"`,
		chromedp.WithPollingInterval(100*time.Millisecond),
		chromedp.WithPollingTimeout(readyTimeout)))
	if err != nil {
		return "no kernel name in the footer"
	}
	got := Eval[string](tab, footer)
	tab.T.Logf("footer: kernels: %s", got)
	if got != want && !strings.HasPrefix(got, want+" (") {
		return "the page runs kernels " + got + ", want " + want
	}
	return ""
}

// pageReady waits for the page and its window.netfit API, and returns why
// they are not there, or "".
func pageReady(tab *Tab) string {
	ctx, cancel := context.WithTimeout(tab.Ctx, readyTimeout+5*time.Second)
	defer cancel()
	expr := `document.body && document.body.dataset.ready === "1" && typeof window.netfit === "object" &&
		typeof netfit.configure === "function" && typeof netfit.train === "function"`
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr,
		chromedp.WithPollingInterval(100*time.Millisecond),
		chromedp.WithPollingTimeout(readyTimeout)))
	if err != nil {
		tab.T.Logf("the page is not ready: %v\nconsole:\n%s", err, tab.consoleText())
		return "page not ready"
	}
	return ""
}

// pageScript defines __bench in the page, the steps every measurement
// takes through window.netfit:
//
//   - prepare(fragment) configures the page and draws fresh initial weights,
//     and returns the problems with the fragment, or "";
//   - run(onEpoch) starts training, calls onEpoch(metrics) at each epoch
//     event and resolves with the metrics once training stops after at least
//     one epoch (or with an error, or finished). The page may still send the
//     stop of an earlier reset after train() is called; run skips it. When
//     no epoch ends within epochTimeLimit, it pauses and resolves with the
//     metrics and stalled: true.
var pageScript = fmt.Sprintf(`window.__bench = window.__bench || {
	async prepare(fragment) {
		await netfit.ready;
		const c = await netfit.configure(fragment);
		if (c && c.problems && c.problems.length) {
			return JSON.stringify(c.problems);
		}
		await netfit.reset();
		return "";
	},
	run(onEpoch) {
		return new Promise((resolve, reject) => {
			let watchdog = null;
			const done = (m, err) => {
				clearTimeout(watchdog);
				offEpoch();
				offStop();
				err ? reject(err) : resolve(m);
			};
			const watch = () => {
				clearTimeout(watchdog);
				watchdog = setTimeout(() => {
					netfit.pause();
					done({...netfit.metrics(), stalled: true});
				}, %d);
			};
			const offEpoch = netfit.on("epoch", (m) => {
				watch();
				onEpoch(m);
			});
			const offStop = netfit.on("stopped", (m) => {
				if (m.epoch > 0 || m.error || m.finished) {
					done(m);
				}
			});
			watch();
			netfit.train().catch((e) => done(null, e));
		});
	},
};
`, epochTimeLimit.Milliseconds())

// pageRun is what the page's metrics say after a run.
type pageRun struct {
	Epoch            int          `json:"epoch"`
	Elapsed          float64      `json:"elapsed"`
	SamplesPerSecond *float64     `json:"samplesPerSecond"`
	ValR2            *float64     `json:"valR2"`
	Error            *string      `json:"error"`
	Problems         string       `json:"problems"`
	Stalled          bool         `json:"stalled"`
	Events           [][2]float64 `json:"events"` // [worker's elapsed in ms, epoch]
}

// trainInPage configures a preset with a few epochs, trains it and reads the
// page's samples per second.
func trainInPage(t *testing.T, tab *Tab, runner string, s *benchSetup) measurement {
	frag := "preset=" + s.Preset
	if epochs := s.Epochs[runner]; epochs > 0 {
		frag += fmt.Sprintf("&epochs=%d", epochs)
	}
	t.Logf("%s, %s: netfit.configure(%q); netfit.train() …", runner, s.Preset, frag)
	raw := Eval[json.RawMessage](tab, pageScript+`(async () => {
		const problems = await __bench.prepare(`+jsString(frag)+`);
		if (problems) {
			return {problems};
		}
		const events = [];
		const m = await __bench.run((m) => events.push([m.elapsed * 1000, m.epoch]));
		return {...m, events};
	})()`)
	var r pageRun
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Errorf("%s: netfit.train() resolved with %s: %v", s.Preset, raw, err)
		return missing("unexpected netfit.train() result")
	}
	switch {
	case r.Problems != "":
		t.Errorf("%s: configure(%q): %s", s.Preset, frag, r.Problems)
		return missing("configure: " + r.Problems)
	case r.Stalled:
		// TODO(bench): drop this case once the page trains reliably.
		t.Logf("%s: no epoch ended in %v; metrics %s", s.Preset, epochTimeLimit, raw)
		return missing(fmt.Sprintf("page: no epoch in %v", epochTimeLimit))
	case r.Error != nil && *r.Error != "":
		t.Errorf("%s: training in the page: %s", s.Preset, *r.Error)
		return missing("page: " + *r.Error)
	case r.SamplesPerSecond == nil:
		t.Errorf("%s: netfit.train() resolved with %s, without samplesPerSecond", s.Preset, raw)
		return missing("the page reported no samplesPerSecond")
	}
	t.Logf("%s, %s: %d epochs in %.2f s, %.1f samples/s by the page's count",
		runner, s.Preset, r.Epoch, r.Elapsed, *r.SamplesPerSecond)
	if epochs, sec := steadyEpochs(r.Events); epochs > 0 {
		return measurement{SamplesPerSec: float64(epochs*s.Rows) / sec,
			Timed: fmt.Sprintf("%d of %d epochs", epochs, r.Epoch)}
	}
	return measurement{SamplesPerSec: *r.SamplesPerSecond,
		Timed: fmt.Sprintf("%d epoch", r.Epoch) + plural(r.Epoch)}
}

// steadyEpochs returns how many epochs ended after the first progress report
// of a run and the seconds they took, from the page's epoch events as
// [time in ms, epoch] pairs. The time is the worker's training clock
// (elapsed) at each report, not when the page received it: a fast setup
// trains dozens of epochs between two reports, and the page may receive
// two reports back to back. The epoch events of one report carry the same
// time; the count starts after the report's last epoch, so that the first
// epoch (wasm compilation and tier-up, buffers) is left out as TF.js' is.
// It returns 0, 0 when fewer than two reports came.
func steadyEpochs(events [][2]float64) (epochs int, seconds float64) {
	const sameReport = 5 // ms
	if len(events) < 2 {
		return 0, 0
	}
	t0, e0 := events[0][0], events[0][1]
	for _, ev := range events[1:] {
		if ev[0]-t0 > sameReport {
			break
		}
		e0 = ev[1]
	}
	last := events[len(events)-1]
	if last[1] <= e0 || last[0]-t0 <= sameReport {
		return 0, 0
	}
	return int(last[1] - e0), (last[0] - t0) / 1000
}

// fitRun is what fitInPage's script returns: the first epoch at the target,
// or seconds -1 and the best validation R² seen.
type fitRun struct {
	Seconds  float64 `json:"seconds"`
	Epoch    int     `json:"epoch"`
	R2       float64 `json:"r2"`
	Best     float64 `json:"best"`
	Problems string  `json:"problems"`
	Error    string  `json:"error"`
}

// fitInPage trains a preset with its own epochs and returns the wall time
// from netfit.train() to the first epoch event with validation R² at or
// above the setup's target.
func fitInPage(t *testing.T, tab *Tab, runner string, s *benchSetup) fitResult {
	frag := "preset=" + s.Preset
	r := Eval[fitRun](tab, pageScript+fmt.Sprintf(`(async () => {
		const problems = await __bench.prepare(%s);
		if (problems) {
			return {problems};
		}
		let hit = null, best = -Infinity;
		const t0 = performance.now();
		const timer = setTimeout(() => netfit.pause(), %d);
		const m = await __bench.run((m) => {
			const r2 = m.valR2;
			if (typeof r2 !== "number") {
				return;
			}
			best = Math.max(best, r2);
			if (hit === null && r2 >= %g) {
				hit = {seconds: (performance.now() - t0) / 1000, epoch: m.epoch, r2: r2};
				netfit.pause();
			}
		});
		clearTimeout(timer);
		if (hit) {
			return hit;
		}
		const stalled = m.stalled ? "no epoch ended in %s" : "";
		return {seconds: -1, epoch: m.epoch, best: best, error: m.error || stalled};
	})()`, jsString(frag), fitTimeLimit.Milliseconds(), s.FitR2, epochTimeLimit))
	switch {
	case r.Problems != "":
		return fitResult{Seconds: -1, Note: "configure: " + r.Problems}
	case r.Seconds < 0:
		note := fmt.Sprintf("not reached in %d epochs (best %.4f)", r.Epoch, r.Best)
		if r.Error != "" {
			note += ": " + r.Error
		}
		return fitResult{Seconds: -1, Epoch: r.Epoch, R2: r.Best, Note: note}
	}
	t.Logf("%s, %s: validation R² %.4f after %.2f s (epoch %d)",
		runner, s.Preset, r.R2, r.Seconds, r.Epoch)
	return fitResult{Seconds: r.Seconds, Epoch: r.Epoch, R2: r.R2}
}

func setFit(fits fitResults, setup, runner string, f fitResult) {
	if fits[setup] == nil {
		fits[setup] = map[string]fitResult{}
	}
	fits[setup][runner] = f
}

// -------------------------------------------------------- native time to fit

// benchFitNative trains each recommended setup natively with core/train and
// times it to its validation R² target, checking after every epoch.
func benchFitNative(t *testing.T, setups []*benchSetup, fits fitResults) {
	for _, s := range setups {
		if s.FitR2 > 0 {
			setFit(fits, s.Preset, runNative, fitNative(t, s))
		}
	}
}

// fitNative is benchFitNative for one setup.
func fitNative(t *testing.T, s *benchSetup) fitResult {
	p, ok := data.LookupPreset(s.Data.Preset)
	if !ok || !presetData(s.Data) {
		return fitResult{Seconds: -1, Note: "not a preset data set"}
	}
	d := s.Data
	set := data.Generate(p.F, d.N, d.Noise, d.XMin, d.XMax, data.NewRand(d.Seed))
	start := time.Now()
	tr, err := train.New(s.Config, set)
	if err != nil {
		return fitResult{Seconds: -1, Note: err.Error()}
	}

	best := math.Inf(-1)
	deadline := start.Add(fitTimeLimit)
	for time.Now().Before(deadline) {
		prog, err := tr.Advance(max(tr.StepsPerEpoch(), 1), deadline)
		if err != nil {
			return fitResult{Seconds: -1, Epoch: prog.Epoch, R2: best, Note: err.Error()}
		}
		hist := tr.History()
		if len(hist) > 0 && hist[len(hist)-1].Val.R2Defined {
			last := hist[len(hist)-1]
			best = max(best, last.Val.R2)
			if last.Val.R2 >= s.FitR2 {
				sec := time.Since(start).Seconds()
				t.Logf("%s, %s: validation R² %.4f after %.2f s (epoch %d)",
					runNative, s.Preset, last.Val.R2, sec, last.Epoch)
				return fitResult{Seconds: sec, Epoch: last.Epoch, R2: last.Val.R2}
			}
		}
		if prog.Finished {
			return fitResult{Seconds: -1, Epoch: prog.Epoch, R2: best,
				Note: fmt.Sprintf("not reached in %d epochs (best %.4f)", prog.Epoch, best)}
		}
	}
	note := fmt.Sprintf("not reached in %v (best %.4f)", fitTimeLimit, best)
	return fitResult{Seconds: -1, R2: best, Note: note}
}

// ---------------------------------------------------------------- the table

// writeHeader writes what was measured and on what.
// The load average of each part shows how busy the machine was: on a shared
// machine the runners, which run one after another, may see different loads,
// and the ratios move with them.
func writeHeader(w *bytes.Buffer, start time.Time, load0 string, loads []string) {
	fmt.Fprintf(w, "netfit training throughput, %s, %s/%s, %d CPUs, load average %s at start, %s at end\n",
		start.Format("2006-01-02 15:04"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(),
		load0, loadAverage())
	fmt.Fprintf(w, "load average as each part started:\n  %s\n", strings.Join(loads, ", "))
	fmt.Fprintln(w, "samples/s: training samples over whole epochs, each with its end-of-epoch")
	fmt.Fprintln(w, "evaluation pass; GFLOP/s = 6 × weights × samples/s ÷ 1e9. Kernels: go = pure Go")
	fmt.Fprintln(w, "(core/kernel), simd = the SIMD128 module (wasm/simd); Chromium go is the page")
	fmt.Fprintln(w, "opened with ?kernels=go, and the footer's kernel name is checked.")
	fmt.Fprintln(w, "Slow runners time a few epochs only (column \"timed\"); TF.js and Chromium skip")
	fmt.Fprintln(w, "the first epoch (start-up; Chromium: by the worker's training clock),")
	fmt.Fprintln(w, "go test -bench warms up first.")
	fmt.Fprintln(w, "×TF.js: this row's samples/s divided by TF.js' on the same setup.")
	fmt.Fprintln(w)
}

// tableFormat is one line of the table.
const tableFormat = "%-20s %-21s %-32s %10s %8s %12s %11s\n"

// writeTable writes the throughput table, one group of rows per setup.
func writeTable(w *bytes.Buffer, setups []*benchSetup, results benchResults) {
	fmt.Fprintf(w, tableFormat, "setup", "runner", "timed", "samples/s", "GFLOP/s", "×TF.js wasm", "×TF.js cpu")
	var notes []string
	for _, s := range setups {
		left := []string{s.Preset, fmt.Sprintf("%s weights", thousands(s.Weights)),
			fmt.Sprintf("%d rows, batch %d", s.Rows, s.Batch)}
		tfWasm, tfCPU := results[s.Preset][runTFWasm], results[s.Preset][runTFCPU]
		for i, runner := range runners {
			label := ""
			if i < len(left) {
				label = left[i]
			}
			m := results[s.Preset][runner]
			if !m.measured() {
				why := m.Missing
				if why == "" {
					why = "not measured"
				}
				if short := shorten(why, 27); short != why {
					notes = append(notes, fmt.Sprintf("%s, %s: %s", s.Preset, runner, why))
				}
				cell := "n/a (" + shorten(why, 27) + ")"
				fmt.Fprintf(w, tableFormat, label, runner, cell, "–", "–", "–", "–")
				continue
			}
			weights, toWasm, toCPU := s.Weights, ratio(m, tfWasm), ratio(m, tfCPU)
			if m.Note != "" {
				notes = append(notes, fmt.Sprintf("%s, %s: %s", s.Preset, runner, m.Note))
				m.Timed = "* " + m.Timed
			}
			if m.Weights > 0 { // another model: no ratios to TF.js' figures
				weights, toWasm, toCPU = m.Weights, "–", "–"
			}
			gflops := 6 * float64(weights) * m.SamplesPerSec / 1e9
			fmt.Fprintf(w, tableFormat, label, runner, m.Timed, fmtRate(m.SamplesPerSec),
				fmt.Sprintf("%.3f", gflops), toWasm, toCPU)
		}
	}
	if len(notes) > 0 {
		fmt.Fprintln(w, "\nnotes (* and cut-off reasons):")
		for _, n := range notes {
			fmt.Fprintln(w, "  "+n)
		}
	}
}

// writeFits writes the time-to-fit lines of the recommended setups.
func writeFits(w *bytes.Buffer, setups []*benchSetup, fits fitResults) {
	fmt.Fprintln(w, "\ntime to fit: wall time from Train until validation R² first reaches the target")
	fmt.Fprintf(w, "(checked at each epoch's end; at most %v; Chromium: the page's epoch events)\n",
		fitTimeLimit)
	const format = "%-20s %-11s %-21s %s\n"
	fmt.Fprintf(w, format, "setup", "target", "runner", "time")
	for _, s := range setups {
		if s.FitR2 <= 0 {
			continue
		}
		for _, runner := range []string{runNative, runChromiumGo, runChromiumSIMD} {
			f, ok := fits[s.Preset][runner]
			cell := "n/a (not measured)"
			switch {
			case ok && f.Seconds >= 0:
				cell = fmt.Sprintf("%.2f s (epoch %d, R² %.4f)", f.Seconds, f.Epoch, f.R2)
			case ok:
				cell = "n/a (" + f.Note + ")"
			}
			fmt.Fprintf(w, format, s.Preset, fmt.Sprintf("R² ≥ %g", s.FitR2), runner, cell)
		}
	}
}

// A speedTarget asks a runner to train a setup at least Times as fast as a
// TF.js runner (issues 7 and 8).
type speedTarget struct {
	Issue         int
	Setup, Runner string
	Over          string // the TF.js runner
	Times         float64
	Fallback      bool // the pure-Go fallback: printed for reference, not counted
}

// A fitTarget asks a runner to fit a recommended setup within Seconds.
type fitTarget struct {
	Issue   int
	Runner  string
	Seconds float64
}

// speedTargets are the throughput targets. Issue 7 asks netfit as shipped
// for ≥ 2.5× TF.js wasm and ≥ 10× TF.js cpu on both tutorial models: the
// page and the SIMD exec wrapper use the SIMD kernels, so those rows count;
// the pure-Go fallback's rows are printed beside them for reference. Issue
// 8 asks the SIMD kernels for ≥ 8× TF.js wasm on the sine model and ≥ 5× on
// the polynomial one. Each is checked under node and in Chromium.
func speedTargets() []speedTarget {
	var ts []speedTarget
	for _, setup := range []string{"keras-poly", "keras-sine"} {
		for _, runner := range []string{runWasmSIMD, runChromiumSIMD, runWasmGo, runChromiumGo} {
			fallback := runner == runWasmGo || runner == runChromiumGo
			ts = append(ts, speedTarget{7, setup, runner, runTFWasm, 2.5, fallback},
				speedTarget{7, setup, runner, runTFCPU, 10, fallback})
		}
	}
	simd := map[string]float64{"keras-poly": 5, "keras-sine": 8}
	for _, setup := range []string{"keras-poly", "keras-sine"} {
		for _, runner := range []string{runWasmSIMD, runChromiumSIMD} {
			ts = append(ts, speedTarget{8, setup, runner, runTFWasm, simd[setup], false})
		}
	}
	return ts
}

// fitTargets are the time-to-fit targets in Chromium: 2 s with the pure-Go
// kernels (issue 7), 1 s with the SIMD ones (issue 8).
var fitTargets = []fitTarget{{7, runChromiumGo, 2}, {8, runChromiumSIMD, 1}}

// writeTargets writes, one line each, whether this run met the targets of
// issues 7 and 8, and a count.
func writeTargets(w *bytes.Buffer, setups []*benchSetup, results benchResults, fits fitResults) {
	fmt.Fprintln(w, "\ntargets: issue 7 (netfit as shipped: SIMD kernels; the pure-Go fallback "+
		"for reference) and issue 8 (SIMD kernels)")
	const format = "issue %d  %-17s %-21s %-26s %-22s %s\n"
	met, checked := 0, 0
	verdict := func(ok bool) string {
		checked++
		if ok {
			met++
			return "met"
		}
		return "MISSED"
	}
	for _, tg := range speedTargets() {
		m, ref := results[tg.Setup][tg.Runner], results[tg.Setup][tg.Over]
		want := fmt.Sprintf("≥ %g× %s", tg.Times, tg.Over)
		if !m.measured() || !ref.measured() {
			fmt.Fprintf(w, format, tg.Issue, tg.Setup, tg.Runner, want, "–", "not checked")
			continue
		}
		got := m.SamplesPerSec / ref.SamplesPerSec
		result := "fallback, not counted"
		if !tg.Fallback {
			result = verdict(got >= tg.Times)
		}
		fmt.Fprintf(w, format, tg.Issue, tg.Setup, tg.Runner, want, fmt.Sprintf("%.2f×", got), result)
	}
	for _, tg := range fitTargets {
		for _, s := range setups {
			if s.FitR2 <= 0 {
				continue
			}
			want := fmt.Sprintf("fit R² ≥ %g in ≤ %g s", s.FitR2, tg.Seconds)
			f, ok := fits[s.Preset][tg.Runner]
			switch {
			case !ok:
				fmt.Fprintf(w, format, tg.Issue, s.Preset, tg.Runner, want, "–", "not checked")
			case f.Seconds < 0:
				fmt.Fprintf(w, format, tg.Issue, s.Preset, tg.Runner, want, "not reached",
					verdict(false))
			default:
				fmt.Fprintf(w, format, tg.Issue, s.Preset, tg.Runner, want,
					fmt.Sprintf("%.2f s", f.Seconds), verdict(f.Seconds <= tg.Seconds))
			}
		}
	}
	fmt.Fprintf(w, "%d of %d checked targets met", met, checked)
	all := len(fitTargets) * 2
	for _, tg := range speedTargets() {
		if !tg.Fallback {
			all++
		}
	}
	if checked < all {
		fmt.Fprintf(w, " (%d not checked: figures missing)", all-checked)
	}
	fmt.Fprintln(w)
}

// ratio formats m's samples/s divided by ref's, or "–".
func ratio(m, ref measurement) string {
	if !ref.measured() {
		return "–"
	}
	return fmt.Sprintf("%.2f×", m.SamplesPerSec/ref.SamplesPerSec)
}

// fmtRate formats a samples/s figure with about four significant digits.
func fmtRate(v float64) string {
	switch {
	case v >= 1000:
		return fmt.Sprintf("%.0f", v)
	case v >= 100:
		return fmt.Sprintf("%.1f", v)
	default:
		return fmt.Sprintf("%.2f", v)
	}
}

// thousands writes n with commas between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// fmtFloat formats v as the shortest decimal that reads back exactly.
func fmtFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// shorten cuts s to at most n runes, ending in "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// firstLine returns the first line of out that mentions a failure, or err.
func firstLine(out string, err error) string {
	for _, l := range strings.Split(out, "\n") {
		l = strings.TrimSpace(l)
		if strings.Contains(l, "error") || strings.Contains(l, "FAIL") || strings.HasPrefix(l, "#") {
			return l
		}
	}
	return err.Error()
}

// runTimeout runs cmd with a time limit and returns its combined output.
func runTimeout(cmd *exec.Cmd, limit time.Duration) ([]byte, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return out.Bytes(), err
	case <-time.After(limit):
		cmd.Process.Kill()
		<-done
		return out.Bytes(), fmt.Errorf("%s: killed after %v", cmd.Path, limit)
	}
}

// TestSteadyEpochs checks the epoch count and time after the first progress
// report of a run.
func TestSteadyEpochs(t *testing.T) {
	tests := []struct {
		name    string
		events  [][2]float64
		epochs  int
		seconds float64
	}{
		{"one report", [][2]float64{{100, 1}, {101, 2}}, 0, 0},
		{"a report per epoch", [][2]float64{{1000, 1}, {2000, 2}, {3000, 3}}, 2, 2},
		// Reports of three epochs each: epochs 4-9 ended in 0.5 s.
		{"grouped", [][2]float64{{100, 1}, {101, 2}, {102, 3}, {350, 4}, {351, 5}, {352, 6},
			{598, 7}, {599, 8}, {600, 9}}, 6, 0.5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			epochs, sec := steadyEpochs(tc.events)
			if epochs != tc.epochs || math.Abs(sec-tc.seconds) > 1e-9 {
				t.Errorf("steadyEpochs(%v) = %d, %g; want %d, %g",
					tc.events, epochs, sec, tc.epochs, tc.seconds)
			}
		})
	}
}

// TestParseBench checks the go test -bench parser on lines in the format of
// go test's output (the numbers are made up).
func TestParseBench(t *testing.T) {
	out := `goos: linux
BenchmarkEpochKerasPoly-2        	       3	 412345678 ns/op	       970.1 samples/s	         4.062 GFLOP/s	       0 B/op	       0 allocs/op
BenchmarkEpoch/recommended-sine  	      40	  25000000 ns/op	     32000 samples/s
BenchmarkBroken-2 x
PASS`
	lines := parseBench(out)
	if len(lines) != 2 {
		t.Fatalf("parsed %d lines, want 2: %+v", len(lines), lines)
	}
	first := lines[0]
	if first.Name != "BenchmarkEpochKerasPoly" || first.N != 3 {
		t.Errorf("first line: name %q N %d, want BenchmarkEpochKerasPoly 3", first.Name, first.N)
	}
	if got := first.Metrics["samples/s"]; math.Abs(got-970.1) > 1e-9 {
		t.Errorf("samples/s = %v, want 970.1", got)
	}
	if got, ok := first.Metrics["allocs/op"]; !ok || got != 0 {
		t.Errorf("allocs/op = %v (present %v), want 0", got, ok)
	}
	for name, want := range map[string]string{
		"BenchmarkEpochKerasPoly": "keras-poly", "BenchmarkEpoch/recommended-sine": "recommended-sine",
		"BenchmarkEpochKerasSine": "keras-sine", "BenchmarkEpochRecommendedPoly": "recommended-poly",
		"BenchmarkMatMul": "",
	} {
		if got := setupOfBenchmark(name); got != want {
			t.Errorf("setupOfBenchmark(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestWriteTargets checks the verdicts with the figures of the quiet run of
// 2026-12-03 (samples/s): the SIMD rows count for issue 7 and 8, the Go
// rows are printed but not counted, and the one sine ratio under 8× is
// reported as missed.
func TestWriteTargets(t *testing.T) {
	results := benchResults{}
	for setup, bySpeed := range map[string]map[string]float64{
		"keras-poly": {runWasmGo: 562.8, runChromiumGo: 703.4, runWasmSIMD: 2573,
			runChromiumSIMD: 4011, runTFWasm: 313.1, runTFCPU: 43.66},
		"keras-sine": {runWasmGo: 411.4, runChromiumGo: 423.0, runWasmSIMD: 1708,
			runChromiumSIMD: 2410, runTFWasm: 292.1, runTFCPU: 64.33},
	} {
		for runner, v := range bySpeed {
			results.set(setup, runner, measurement{SamplesPerSec: v})
		}
	}
	var w bytes.Buffer
	writeTargets(&w, nil, results, fitResults{})
	out := w.String()
	// Counted: 8 issue-7 rows on SIMD (all met) and 4 issue-8 rows, of which
	// keras-sine under node (1708/292.1 = 5.85×) misses 8×.
	if !strings.Contains(out, "11 of 12 checked targets met") {
		t.Errorf("writeTargets:\n%s\nwant 11 of 12 met", out)
	}
	if got := strings.Count(out, "fallback, not counted"); got != 8 {
		t.Errorf("%d fallback rows, want 8:\n%s", got, out)
	}
	if got := strings.Count(out, "MISSED"); got != 1 {
		t.Errorf("%d missed rows, want 1:\n%s", got, out)
	}
}
