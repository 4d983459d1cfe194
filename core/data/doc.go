// Package data makes the samples a network learns from: preset target
// functions with noise (Generate, Presets), the split into training and
// validation rows (Split), per-epoch batch order (Shuffle), standardization
// (Scaler) and extra input features such as x² or sin(2πx/P) (Features).
//
// All randomness comes from a *rand.Rand built by NewRand, so a seed fully
// determines the data, natively and in the browser.
package data
