package settings

import (
	"math"
	"reflect"
	"strings"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

func TestDefault(t *testing.T) {
	s := Default()
	if err := s.Validate(); err != nil {
		t.Fatalf("Default().Validate() = %v", err)
	}
	// The reference sine data: 1000 points, x uniform in [-15, 15], σ 3.
	wantData := DataSettings{Source: SourcePreset, Preset: "sine", N: 1000, Noise: 3,
		XMin: -15, XMax: 15, Seed: 1}
	if s.Data != wantData {
		t.Errorf("Default().Data = %+v, want %+v", s.Data, wantData)
	}
	// The recommended sine setup of core/train: 1 → 32 sin → 1 linear on raw
	// x and standardized y, Adam 0.01 with a cosine schedule, batch 32.
	c := s.Train
	if len(c.Model.Hidden) != 1 || c.Model.Hidden[0] != (nn.Layer{Units: 32, Activation: nn.Sin}) ||
		c.Model.Output != nn.Linear || c.ScaleX || !c.ScaleY || c.LearningRate != 0.01 ||
		c.Optimizer != train.Adam || c.BatchSize != 32 || c.Epochs != 100 ||
		c.Schedule != train.ScheduleCosine ||
		c.ValFraction != 0.2 || c.Split != data.SplitRandom || c.Seed != 1 {
		t.Errorf("Default().Train = %+v, want 32 sin → linear, y scaled, Adam 0.01 cosine, "+
			"batch 32, 100 epochs, random split 0.2, seed 1", c)
	}
	if s.Preset != "" || s.Embed || s.Hide != nil || s.ShowPoints {
		t.Errorf("Default() display flags = %q %v %v %v, want all off",
			s.Preset, s.Embed, s.Hide, s.ShowPoints)
	}
}

func TestDefaultFragment(t *testing.T) {
	const want = "data=sine&n=1000&noise=3&xmin=-15&xmax=15&seed=1&feat=none" +
		"&layers=32&act=sin&out=linear&init=he_uniform&scale=y&dropout=0&l2=0" +
		"&opt=adam&lr=0.01&beta1=0.9&beta2=0.999&eps=1e-07&momentum=0&nesterov=0&rho=0.9" +
		"&loss=mse&batch=32&epochs=100&val=0.2&split=random&patience=0&restore=0&sched=cosine"
	if got := Default().Fragment(); got != want {
		t.Errorf("Default().Fragment() =\n%s\nwant\n%s", got, want)
	}
}

// TestKerasPresets checks the tutorial's two setups field by field against
// the blog post's code.
func TestKerasPresets(t *testing.T) {
	tests := []struct {
		name      string
		data      DataSettings
		units     []int
		batch     int
		epochs    int
		numParams int // Σ (in+1)·out over the layers, counted by hand
	}{
		{"keras-poly", DataSettings{Source: SourcePreset, Preset: "poly", N: 500, Noise: 2,
			XMin: -15, XMax: 15, Seed: 1}, []int{32, 256, 512, 512, 512, 64}, 10, 50,
			// 2·32 + 33·256 + 257·512 + 2·513·512 + 513·64 + 65
			64 + 8448 + 131584 + 525312 + 32832 + 65},
		{"keras-sine", DataSettings{Source: SourcePreset, Preset: "sine", N: 1000, Noise: 3,
			XMin: -15, XMax: 15, Seed: 1}, []int{1024, 512, 512, 512, 512, 256}, 200, 100,
			// 2·1024 + 1025·512 + 3·513·512 + 513·256 + 257: about 1.45 million
			2048 + 524800 + 787968 + 131328 + 257},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ok := LookupPreset(tt.name)
			if !ok {
				t.Fatalf("LookupPreset(%q) not found", tt.name)
			}
			if err := s.Validate(); err != nil {
				t.Fatalf("Validate() = %v", err)
			}
			if s.Data != tt.data {
				t.Errorf("Data = %+v, want %+v", s.Data, tt.data)
			}
			var hidden []nn.Layer
			for _, u := range tt.units {
				hidden = append(hidden, nn.Layer{Units: u, Activation: nn.ReLU})
			}
			want := train.Config{
				Model:     nn.Spec{Hidden: hidden, Output: nn.ReLU, Init: nn.Normal},
				Optimizer: "adam", LearningRate: 0.001, Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8,
				Rho: 0.9, Loss: nn.MSE, BatchSize: tt.batch, Epochs: tt.epochs,
				ValFraction: 0.2, Split: data.SplitLast, Seed: 1,
			}
			if !reflect.DeepEqual(s.Train, want) {
				t.Errorf("Train =\n%+v\nwant\n%+v", s.Train, want)
			}
			if n := s.Train.Model.NumParams(); n != tt.numParams {
				t.Errorf("NumParams() = %d, want %d", n, tt.numParams)
			}
			if s.Preset != tt.name {
				t.Errorf("Preset = %q, want %q", s.Preset, tt.name)
			}
		})
	}
}

func TestPresetsValid(t *testing.T) {
	names := map[string]bool{}
	for _, p := range Presets() {
		if err := p.Settings.Validate(); err != nil {
			t.Errorf("preset %s: Validate() = %v", p.Name, err)
		}
		if p.Title == "" || names[p.Name] {
			t.Errorf("preset %q: empty title or repeated name", p.Name)
		}
		names[p.Name] = true
	}
	for _, want := range []string{"keras-poly", "keras-sine", "recommended-sine", "recommended-poly"} {
		if !names[want] {
			t.Errorf("Presets() lacks %q", want)
		}
	}
	// Presets share no slices: changing one leaves the next call alone.
	Presets()[0].Settings.Train.Model.Hidden[0].Units = 7
	if Presets()[0].Settings.Train.Model.Hidden[0].Units == 7 {
		t.Error("Presets() returns shared slices")
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(s *Settings)
	}{
		{"unknown data preset", func(s *Settings) { s.Data.Preset = "nope" }},
		{"upper-case data preset", func(s *Settings) { s.Data.Preset = "SINE" }},
		{"unknown source", func(s *Settings) { s.Data.Source = "web" }},
		{"long formula", func(s *Settings) {
			s.Data.Source, s.Data.Formula = SourceFormula, strings.Repeat("x+", 600)+"x"
		}},
		{"too few samples", func(s *Settings) { s.Data.N = 1 }},
		{"too many samples", func(s *Settings) { s.Data.N = MaxSamples + 1 }},
		{"negative noise", func(s *Settings) { s.Data.Noise = -1 }},
		{"NaN noise", func(s *Settings) { s.Data.Noise = math.NaN() }},
		{"empty x range", func(s *Settings) { s.Data.XMin, s.Data.XMax = 3, 3 }},
		{"reversed x range", func(s *Settings) { s.Data.XMin, s.Data.XMax = 3, -3 }},
		{"infinite x", func(s *Settings) { s.Data.XMax = math.Inf(1) }},
		{"huge seed", func(s *Settings) { s.Data.Seed = MaxSeed + 1 }},
		{"control character in column", func(s *Settings) { s.Data.XCol = "a\x00b" }},
		{"negative batch size", func(s *Settings) { s.Train.BatchSize = -1 }},
		{"model too big", func(s *Settings) {
			s.Train.Model.Hidden = []nn.Layer{{Units: 4096}, {Units: 4096}, {Units: 4096}, {Units: 4096}}
		}},
		{"unknown hide name", func(s *Settings) { s.Hide = []string{"everything"} }},
		{"unknown preset", func(s *Settings) { s.Preset = "keras-cosine" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Default()
			tt.change(&s)
			if err := s.Validate(); err == nil {
				t.Errorf("Validate() of %+v = nil, want an error", s)
			}
		})
	}
}
