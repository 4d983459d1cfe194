package settings

import (
	"strings"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

// Named is a setup the page offers as a one-click preset.
type Named struct {
	Name     string // the key used in URLs (preset=...), e.g. "keras-sine"
	Title    string // the label of the button
	Settings Settings
}

// Presets returns the named setups, the two Keras tutorial setups first.
// Each call returns new values that share nothing with earlier calls.
//
//   - "keras-poly" and "keras-sine" reproduce the tutorial exactly: its data,
//     its ReLU networks (a ReLU output too), RandomNormal(0, 0.05)
//     initialization, Adam with ε = 1e-8, and Keras' validation_split = 0.2,
//     which holds out the last 20% of the rows as given, with no scaling.
//   - "recommended-sine" and "recommended-poly" fit the same data well with
//     train.Recommended: a linear output, Adam with learning rate 0.01 and
//     a cosine schedule, a random split, y standardized; the sine data
//     through one layer of 32 sine units on x as given, the polynomial
//     through two ReLU layers of 64 units on standardized x.
func Presets() []Named {
	return []Named{
		{"keras-poly", "Keras tutorial: polynomial", kerasPoly()},
		{"keras-sine", "Keras tutorial: sine", kerasSine()},
		{"recommended-sine", "Recommended: sine", recommended("sine")},
		{"recommended-poly", "Recommended: polynomial", recommended("poly")},
	}
}

// LookupPreset returns the settings of the named preset, with Preset set to
// its name. Case and surrounding spaces are ignored.
func LookupPreset(name string) (Settings, bool) {
	name = strings.ToLower(strings.TrimSpace(name))
	for _, p := range Presets() {
		if p.Name == name {
			s := p.Settings
			s.Preset = p.Name
			return s, true
		}
	}
	return Settings{}, false
}

// Default returns the settings the page opens with: the tutorial's sine
// data with the recommended setup ("recommended-sine"). Preset is empty.
func Default() Settings {
	return recommended("sine")
}

// presetNames returns the names of the presets.
func presetNames() []string {
	var names []string
	for _, p := range Presets() {
		names = append(names, p.Name)
	}
	return names
}

// dataOf returns the data settings of a data preset with its own sample
// count, noise and x range, and seed 1.
func dataOf(name string) DataSettings {
	p, ok := data.LookupPreset(name)
	if !ok {
		panic("settings: no data preset " + name)
	}
	return DataSettings{Source: SourcePreset, Preset: p.Name,
		N: p.N, Noise: p.Noise, XMin: p.XMin, XMax: p.XMax, Seed: 1}
}

// recommended is a setup that fits the named data set well: the data
// preset with core/train's recommended configuration for it.
func recommended(dataPreset string) Settings {
	return Settings{Data: dataOf(dataPreset), Train: train.Recommended(dataPreset)}.normalize()
}

// kerasPoly is the tutorial's polynomial setup: 1 → 32 → 256 → 512 → 512 →
// 512 → 64 → 1, all ReLU, batch 10, 50 epochs.
func kerasPoly() Settings {
	return keras(dataOf("poly"), []int{32, 256, 512, 512, 512, 64}, 10, 50)
}

// kerasSine is the tutorial's sine setup: 1 → 1024 → 512 → 512 → 512 → 512 →
// 256 → 1, all ReLU (about 1.45 million weights), batch 200, 100 epochs.
func kerasSine() Settings {
	return keras(dataOf("sine"), []int{1024, 512, 512, 512, 512, 256}, 200, 100)
}

// keras is the tutorial's way to train: ReLU everywhere, the output too,
// RandomNormal init, Adam(lr 0.001, β1 0.9, β2 0.999, ε 1e-8), MSE, and
// validation_split 0.2 (the last rows), without scaling.
func keras(d DataSettings, units []int, batch, epochs int) Settings {
	hidden := make([]nn.Layer, len(units))
	for i, u := range units {
		hidden[i] = nn.Layer{Units: u, Activation: nn.ReLU}
	}
	return Settings{
		Data: d,
		Train: train.Config{
			Model:     nn.Spec{Hidden: hidden, Output: nn.ReLU, Init: nn.Normal},
			Optimizer: train.Adam, LearningRate: 0.001,
			Beta1: 0.9, Beta2: 0.999, Epsilon: 1e-8, Rho: 0.9,
			Loss:      nn.MSE,
			BatchSize: batch, Epochs: epochs,
			ValFraction: 0.2, Split: data.SplitLast,
			Seed: 1,
		},
	}
}
