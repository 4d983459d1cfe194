package data

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// SplitKind says which rows [Split] holds out for validation.
type SplitKind int

const (
	// SplitRandom shuffles the rows with the seeded generator, then holds
	// out the last part of the shuffled order. It is the zero value, and the
	// safe choice for data sorted by x (CASES B12).
	SplitRandom SplitKind = iota
	// SplitLast holds out the last rows in the order given, before any
	// shuffling, as Keras' validation_split does. On data sorted by x the
	// validation rows are all at the largest x: an extrapolation test.
	SplitLast
)

// String returns "random" or "last".
func (k SplitKind) String() string {
	switch k {
	case SplitRandom:
		return "random"
	case SplitLast:
		return "last"
	}
	return fmt.Sprintf("SplitKind(%d)", int(k))
}

// ParseSplitKind is the inverse of [SplitKind.String]; case and surrounding
// spaces are ignored. Other names give an error wrapping ErrUnknownSplitKind.
func ParseSplitKind(s string) (SplitKind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "random":
		return SplitRandom, nil
	case "last":
		return SplitLast, nil
	}
	return SplitRandom, fmt.Errorf("%w: got %q", ErrUnknownSplitKind, s)
}

// Split divides the row indices 0..n-1 into training and validation rows.
// frac is the fraction held out for validation. The number of training rows
// follows Keras 3 (keras/src/trainers/data_adapters/array_slicing.py,
// train_validation_split):
//
//	split_at = floor(n·(1 − frac))
//
// and the validation rows are the n − split_at rows after split_at. Where
// Keras raises an error, Split clamps instead:
//
//   - frac = 0 gives no validation rows;
//   - split_at = 0 (tiny n or frac near 1) becomes 1, so at least one row
//     trains; with n = 1 there are then no validation rows;
//   - split_at = n with frac > 0 (frac below float64 resolution) leaves no
//     validation rows.
//
// For [SplitLast], train is 0..split_at-1 and val the rest, in order, and rng
// is not used (it may be nil). For [SplitRandom], Split takes one permutation
// rng.Perm(n) and cuts it at split_at, so both slices are in shuffled order.
//
// Split panics if n < 0, if frac is outside [0, 1) or NaN, or if the kind is
// unknown.
func Split(n int, frac float64, kind SplitKind, rng *rand.Rand) (train, val []int) {
	if n < 0 {
		panic(fmt.Sprintf("data: split of %d rows, want at least 0", n))
	}
	if !(frac >= 0 && frac < 1) {
		panic(fmt.Sprintf("data: validation fraction %g, want a value in [0, 1)", frac))
	}
	at := TrainRows(n, frac)

	var rows []int
	switch kind {
	case SplitLast:
		rows = make([]int, n)
		for i := range rows {
			rows[i] = i
		}
	case SplitRandom:
		rows = rng.Perm(n)
	default:
		panic(fmt.Sprintf("data: unknown split kind %d", int(kind)))
	}
	return rows[:at:at], rows[at:]
}

// TrainRows returns how many of n rows [Split] keeps for training at
// validation fraction frac: floor(n·(1 − frac)) as Keras computes it, but at
// least 1 when n > 0, and n when frac is 0.
func TrainRows(n int, frac float64) int {
	if n == 0 {
		return 0
	}
	if frac == 0 {
		return n
	}
	at := int(math.Floor(float64(n) * (1.0 - frac)))
	return max(1, min(at, n))
}

// Shuffle puts idx in a random order using rng (a Fisher–Yates shuffle, via
// rng.Shuffle). The trainer calls it once per epoch to change the batch
// order.
func Shuffle(idx []int, rng *rand.Rand) {
	rng.Shuffle(len(idx), func(i, j int) { idx[i], idx[j] = idx[j], idx[i] })
}
