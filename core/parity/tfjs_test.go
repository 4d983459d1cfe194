//go:build !js

package parity

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// tfjsDir is the node project holding parity.mjs, relative to this package.
var tfjsDir = filepath.Join("..", "..", "testdata", "tfjs")

// spec is one training run in the JSON form parity.mjs reads (see the
// header of testdata/tfjs/parity.mjs).
type spec struct {
	Name      string      `json:"name"`
	Inputs    int         `json:"inputs"`
	Layers    []layer     `json:"layers"`
	X         [][]float32 `json:"x"` // one row of Inputs features per sample
	Y         []float32   `json:"y"`
	Batches   [][]int     `json:"batches"` // sample indices of each step
	Optimizer optSpec     `json:"optimizer"`
	Loss      string      `json:"loss"`
}

// layer is one dense layer: Kernel is in×Units row-major (Keras layout).
type layer struct {
	Units      int       `json:"units"`
	Activation string    `json:"activation"`
	Kernel     []float32 `json:"kernel"`
	Bias       []float32 `json:"bias"`
}

// optSpec names an optimizer and all its hyperparameters; every field is
// sent explicitly so neither side's defaults matter.
type optSpec struct {
	Name         string  `json:"name"` // "sgd", "rmsprop", "adam"
	LearningRate float64 `json:"learningRate"`
	Momentum     float64 `json:"momentum"` // sgd, rmsprop
	Nesterov     bool    `json:"nesterov"` // sgd
	Rho          float64 `json:"rho"`      // rmsprop
	Beta1        float64 `json:"beta1"`    // adam
	Beta2        float64 `json:"beta2"`    // adam
	Epsilon      float64 `json:"epsilon"`  // rmsprop, adam
}

// result is what parity.mjs prints per spec: the loss of each step (before
// its update) and the final weights.
type result struct {
	Name   string    `json:"name"`
	Losses []float64 `json:"losses"`
	Layers []struct {
		Kernel []float64 `json:"kernel"`
		Bias   []float64 `json:"bias"`
	} `json:"layers"`
}

// reference runs every case of the package through TF.js once and hands out
// the results by name.
var reference struct {
	once    sync.Once
	skip    string // why the tests cannot run, if they cannot
	err     error
	results map[string]result
}

// tfjsResult returns TF.js' run of the named case, skipping the test when
// node is unavailable (failing instead when CI=true, as .ci/run sets).
func tfjsResult(t *testing.T, name string) result {
	t.Helper()
	reference.once.Do(func() {
		reference.skip, reference.err = EnsureTFJS(tfjsDir)
		if reference.skip != "" || reference.err != nil {
			return
		}
		reference.results, reference.err = runTFJS(allSpecs())
	})
	if reference.skip != "" {
		if os.Getenv("CI") == "true" {
			t.Fatal(reference.skip + " (CI=true: failing instead of skipping)")
		}
		t.Skip(reference.skip)
	}
	if reference.err != nil {
		t.Fatal(reference.err)
	}
	r, ok := reference.results[name]
	if !ok {
		t.Fatalf("parity.mjs returned no result for case %q", name)
	}
	return r
}

// runTFJS sends all specs to one node process and returns its results.
func runTFJS(specs []spec) (map[string]result, error) {
	in, err := json.Marshal(specs)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command("node", "parity.mjs")
	cmd.Dir = tfjsDir
	cmd.Stdin = bytes.NewReader(in)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("node parity.mjs: %v\n%s", err, tail(stderr.Bytes(), 4000))
	}

	var results []result
	if err := json.Unmarshal(stdout.Bytes(), &results); err != nil {
		return nil, fmt.Errorf("node parity.mjs printed no JSON (%v): %q", err, tail(stdout.Bytes(), 500))
	}
	byName := make(map[string]result, len(results))
	for _, r := range results {
		byName[r.Name] = r
	}
	return byName, nil
}

// tail returns the last n bytes of b as a trimmed string.
func tail(b []byte, n int) string {
	if len(b) > n {
		b = b[len(b)-n:]
	}
	return strings.TrimSpace(string(b))
}
