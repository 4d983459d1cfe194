//go:build !js

package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"netfit/core/nn"
	"netfit/core/parity"
	"netfit/core/view"
)

// tfjsDir is the node project holding load.mjs, relative to this package.
var tfjsDir = filepath.Join("..", "..", "testdata", "tfjs")

// TestTFJSLoad exports several trained networks, loads each with
// tf.loadLayersModel (TensorFlow.js 4.22.0 under node, cpu backend) in one
// node run, and compares the predictions at 100 x values, inside and beyond
// the data's range, with the trainer's: within 1e-5 relative to
// max(|y|, 0.1). TF.js computes in float32, and a prediction is a sum of
// terms of y's order (10), each rounded to about 1e-6, so near y = 0 only
// an absolute bound makes sense (one run put a leaky-ReLU prediction of
// 0.0024 1.04e-7 apart). TF.js' erf for GELU is a polynomial
// approximation good to about 1e-7.
func TestTFJSLoad(t *testing.T) {
	cases := []struct {
		name     string
		act, out nn.Activation
		scale    bool
	}{
		{"tanh", nn.Tanh, nn.Linear, true},
		{"relu", nn.ReLU, nn.Linear, true},
		{"gelu", nn.GELU, nn.Linear, true},
		{"swish", nn.Swish, nn.Linear, true},
		{"elu", nn.ELU, nn.Linear, true},
		{"selu", nn.SELU, nn.Linear, true},
		{"softplus", nn.Softplus, nn.Linear, true},
		{"sigmoid", nn.Sigmoid, nn.Linear, true},
		{"leaky relu", nn.LeakyReLU, nn.Linear, true},
		{"relu output (tutorial)", nn.ReLU, nn.ReLU, true},
		{"unscaled", nn.Tanh, nn.Linear, false},
	}
	xs := view.Grid(-18, 18, 100)
	dir := t.TempDir()
	type job struct {
		Name  string    `json:"name"`
		Model string    `json:"model"`
		X     []float64 `json:"x"`
	}
	var jobs []job
	want := map[string][]float64{}
	for i, c := range cases {
		cfg := config(c.act, c.out)
		cfg.ScaleX, cfg.ScaleY = c.scale, c.scale
		tr := trained(t, cfg, 80)
		m, err := TFJS(tr, "")
		if err != nil {
			t.Fatalf("%s: TFJS: %v", c.name, err)
		}
		sub := filepath.Join(dir, fmt.Sprint(i))
		writeFiles(t, sub, map[string][]byte{"model.json": m.ModelJSON, m.WeightsName: m.Weights})
		jobs = append(jobs, job{c.name, filepath.Join(sub, "model.json"), xs})
		want[c.name] = tr.Predict(xs)
	}

	results := runNode(t, "load.mjs", jobs)
	for _, r := range results {
		t.Run(r.Name, func(t *testing.T) {
			if r.Error != "" {
				t.Fatalf("tf.loadLayersModel: %s", r.Error)
			}
			w := want[r.Name]
			if len(r.Y) != len(w) {
				t.Fatalf("%d predictions, want %d", len(r.Y), len(w))
			}
			for i := range w {
				if !relClose(r.Y[i], w[i], 1e-5, 0.1) {
					t.Fatalf("x=%g: TF.js predicts %.9g, netfit %.9g", xs[i], r.Y[i], w[i])
				}
			}
		})
	}
	if len(results) != len(cases) {
		t.Fatalf("load.mjs returned %d results, want %d", len(results), len(cases))
	}
}

// writeFiles writes each named file into dir, creating it.
func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// loadResult is what load.mjs prints per case.
type loadResult struct {
	Name  string    `json:"name"`
	Y     []float64 `json:"y"`
	Error string    `json:"error"`
}

// runNode runs script in testdata/tfjs with in as JSON on stdin. It skips
// the test when node or TF.js is unavailable, failing instead when
// CI=true (as .ci/run sets), like core/parity.
func runNode(t *testing.T, script string, in any) []loadResult {
	t.Helper()
	skip, err := parity.EnsureTFJS(tfjsDir)
	if err != nil {
		t.Fatal(err)
	}
	if skip != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(skip + " (CI=true: failing instead of skipping)")
		}
		t.Skip(skip)
	}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", script)
	cmd.Dir = tfjsDir
	cmd.Stdin = bytes.NewReader(b)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, tail(stderr.String(), 4000))
	}
	var out []loadResult
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("node %s printed no JSON (%v): %q", script, err, tail(stdout.String(), 500))
	}
	return out
}

// tail returns the last n bytes of s, trimmed.
func tail(s string, n int) string {
	if len(s) > n {
		s = s[len(s)-n:]
	}
	return strings.TrimSpace(s)
}
