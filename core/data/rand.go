package data

import "math/rand/v2"

// pcgStream is the golden-ratio constant XORed into the seed to pick the
// second PCG word, so seed 0 still gives a well-mixed generator.
const pcgStream = 0x9e3779b97f4a7c15

// NewRand returns the project's seeded random source: a PCG generator from
// math/rand/v2 built as rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)).
// PCG is pure integer arithmetic, so the same seed gives the same numbers
// natively and in WebAssembly.
func NewRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, seed^pcgStream))
}
