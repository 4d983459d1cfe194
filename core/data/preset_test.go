package data

import (
	"math"
	"testing"
)

func TestPresetsGolden(t *testing.T) {
	// Hashes and sums of each preset's default sample with seed 7, printed by
	// this package. Presets that call math.Exp differ in the last bit between
	// amd64 and wasm (see the BUG note on Presets), so for them only the sums
	// are checked, within 1e-12 relative.
	tests := []struct {
		name       string
		hash       uint64 // 0: not bit-exact across machines
		sumX, sumY float64
	}{
		{"sine", 0x27438ae34f3c2030, -160.89207809012885, -545.3795802815805},
		{"poly", 0x2c5d56c0fd66ec79, -107.1479944973952, 5.469696789745328e+06},
		{"linear", 0xaddd25de2fbb0059, -87.63565106822072, 40.83320731498971},
		{"quadratic", 0xe7b0dc710e885d9f, -29.033966548517427, 1383.1072259500143},
		{"cubic", 0xc79499573aea1104, -23.227173238813876, -62.470300023322366},
		{"abs", 0xa2499bb4e3e5be64, -29.033966548517427, 765.6866711666689},
		{"step", 0xc90fdb993bd784f3, -17.42037992911044, 426.01771161137157},
		{"gaussian", 0, -29.033966548517427, 367.45175680900815},
		{"sinc", 0xa1a9af728fca12f5, -107.1479944973952, 477.2824205999972},
		{"sawtooth", 0x6b6b1010f64a0a32, -21.42959889947901, 237.59776140039082},
		{"damped", 0, -134.0081841116311, 45.77021905369405},
		{"tanh", 0x2d85983fd880f3a2, -29.033966548517427, -57.17919507486342},
	}
	if got := len(Presets()); got != len(tests) {
		t.Fatalf("%d presets, test knows %d", got, len(tests))
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Presets()[i]
			if p.Name != tt.name {
				t.Fatalf("preset %d is %q, want %q", i, p.Name, tt.name)
			}
			set := p.Generate(NewRand(7))
			if tt.hash != 0 && hashSet(set) != tt.hash {
				t.Errorf("hash %#x, want %#x", hashSet(set), tt.hash)
			}
			var sx, sy float64
			for j := range set.X {
				sx += set.X[j]
				sy += set.Y[j]
			}
			if sx != tt.sumX || math.Abs(sy-tt.sumY) > 1e-12*math.Abs(tt.sumY) {
				t.Errorf("Σx, Σy = %v, %v, want %v, %v", sx, sy, tt.sumX, tt.sumY)
			}
		})
	}
}

func TestPresetsFirstTwo(t *testing.T) {
	ps := Presets()
	sine, poly := ps[0], ps[1]
	if sine.Name != "sine" || sine.N != 1000 || sine.Noise != 3 ||
		sine.XMin != -15 || sine.XMax != 15 {
		t.Errorf("sine preset = %+v, want n 1000 σ 3 on [-15, 15]", sine)
	}
	if poly.Name != "poly" || poly.N != 500 || poly.Noise != 2 ||
		poly.XMin != -15 || poly.XMax != 15 {
		t.Errorf("poly preset = %+v, want n 500 σ 2 on [-15, 15]", poly)
	}
	// Reference values computed by hand from 10·sin(x) + x and x⁴ + x³ + x.
	if got, want := sine.F(math.Pi/2), 10+math.Pi/2; math.Abs(got-want) > 1e-12 {
		t.Errorf("sine F(π/2) = %v, want %v", got, want)
	}
	if got, want := poly.F(-2), 16.0-8-2; got != want {
		t.Errorf("poly F(-2) = %v, want %v", got, want)
	}
}

func TestPresetsWellFormed(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Presets() {
		t.Run(p.Name, func(t *testing.T) {
			if seen[p.Name] {
				t.Errorf("duplicate name %q", p.Name)
			}
			seen[p.Name] = true
			if p.Title == "" || p.Formula == "" || p.F == nil {
				t.Errorf("missing title, formula or F: %+v", p)
			}
			if p.N < 10 || p.Noise < 0 || !(p.XMin < p.XMax) {
				t.Errorf("bad defaults n %d σ %v [%v, %v]", p.N, p.Noise, p.XMin, p.XMax)
			}
			// F must be finite everywhere, including exactly 0 and far away.
			xs := []float64{0, math.Copysign(0, -1), 1e-300, -1e-300, p.XMin, p.XMax, 1e6, -1e6}
			for k := range 1001 {
				xs = append(xs, p.XMin+(p.XMax-p.XMin)*float64(k)/1000)
			}
			for _, x := range xs {
				if y := p.F(x); math.IsNaN(y) || math.IsInf(y, 0) {
					t.Errorf("F(%v) = %v, want a finite value", x, y)
				}
			}
			got, ok := LookupPreset(" " + p.Name + " ")
			if !ok || got.Name != p.Name {
				t.Errorf("LookupPreset(%q) = %q, %v", p.Name, got.Name, ok)
			}
		})
	}
	if _, ok := LookupPreset("nope"); ok {
		t.Errorf("LookupPreset(nope) found something")
	}
}

func TestPresetShapes(t *testing.T) {
	// Hand-computed values of the noiseless targets at telling points.
	get := func(name string) func(float64) float64 {
		p, ok := LookupPreset(name)
		if !ok {
			t.Fatalf("no preset %q", name)
		}
		return p.F
	}
	tests := []struct {
		preset string
		x      float64
		want   float64
	}{
		{"linear", 3, 7},
		{"quadratic", -3, 5},
		{"cubic", 2, -4},
		{"abs", -2.5, 2.5},
		{"step", -1e-9, 0},
		{"step", 0, 3},
		{"gaussian", 0, 5},
		{"gaussian", 2, 5 * math.Exp(-2)},
		{"sinc", 0, 10},
		{"sinc", math.Pi / 2, 20 / math.Pi},
		{"sawtooth", 2.25, 0.25},
		{"sawtooth", -0.75, 0.25},
		{"damped", math.Pi / 4, 10 * math.Exp(-0.05*math.Pi)},
		{"tanh", 0, 0},
	}
	for _, tt := range tests {
		if got := get(tt.preset)(tt.x); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("%s F(%v) = %v, want %v", tt.preset, tt.x, got, tt.want)
		}
	}
}
