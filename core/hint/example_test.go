package hint_test

import (
	"fmt"

	"netfit/core/data"
	"netfit/core/hint"
	"netfit/core/nn"
	"netfit/core/train"
)

// ExampleCheck warns before training that a relu output cannot fit the
// negative half of the blog's sine (CASES B08).
func ExampleCheck() {
	p, _ := data.LookupPreset("sine")
	set := p.Generate(data.NewRand(1))
	cfg := train.Recommended("sine")
	cfg.Model.Output = nn.ReLU
	cfg.ScaleY = false
	for _, h := range hint.Check(cfg, set, nil) {
		fmt.Printf("%s %s: %s (%s)\n", h.Severity, h.ID, h.Fix, h.Patch)
	}
	// Output:
	// problem output-range: Use a linear output (out=linear)
}
