package data

import (
	"errors"
	"math"
	"slices"
	"testing"
)

func TestTrainRows(t *testing.T) {
	// want = floor(n·(1 − frac)) as Keras' train_validation_split computes
	// it, clamped to [1, n] where Keras raises an error instead.
	tests := []struct {
		name string
		n    int
		frac float64
		want int
	}{
		{"sine default", 1000, 0.2, 800},
		{"poly default", 500, 0.2, 400},
		{"rounds down", 7, 0.2, 5},     // 5.6 → 5
		{"float rounding", 10, 0.3, 7}, // 10·0.7 = 7.000000000000001 → 7
		{"no validation", 9, 0, 9},
		{"one row", 1, 0.2, 1},       // Keras: floor(0.8) = 0 → error; we keep it
		{"two rows high", 2, 0.9, 1}, // floor(0.2) = 0 → 1
		{"empty", 0, 0.5, 0},
		{"tiny frac", 5, 1e-18, 5}, // 1 − 1e-18 == 1 in float64
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TrainRows(tt.n, tt.frac); got != tt.want {
				t.Errorf("TrainRows(%d, %v) = %d, want %d", tt.n, tt.frac, got, tt.want)
			}
		})
	}
}

func TestSplitLast(t *testing.T) {
	train, val := Split(10, 0.3, SplitLast, nil)
	if !slices.Equal(train, []int{0, 1, 2, 3, 4, 5, 6}) || !slices.Equal(val, []int{7, 8, 9}) {
		t.Errorf("Split(10, 0.3, last) = %v, %v; want rows 0-6 and 7-9", train, val)
	}
}

func TestSplitRandom(t *testing.T) {
	train, val := Split(1000, 0.2, SplitRandom, NewRand(1))
	if len(train) != 800 || len(val) != 200 {
		t.Fatalf("got %d train and %d val rows, want 800 and 200", len(train), len(val))
	}
	all := slices.Concat(train, val)
	slices.Sort(all)
	for i, r := range all {
		if r != i {
			t.Fatalf("rows are not a permutation of 0..999: position %d holds %d", i, r)
		}
	}
	// The held-out rows must be spread over the whole range, not the tail.
	low := 0
	for _, r := range val {
		if r < 500 {
			low++
		}
	}
	if low < 70 || low > 130 {
		t.Errorf("%d of 200 validation rows below 500, want about 100", low)
	}
	// Same seed, same split.
	train2, val2 := Split(1000, 0.2, SplitRandom, NewRand(1))
	if !slices.Equal(train, train2) || !slices.Equal(val, val2) {
		t.Errorf("same seed gave a different split")
	}
	// Appending to train must not overwrite val (train has capacity len).
	_ = append(train, -1)
	if val[0] == -1 {
		t.Errorf("append to train overwrote val")
	}
}

func TestSplitEdges(t *testing.T) {
	tests := []struct {
		name         string
		n            int
		frac         float64
		ntrain, nval int
	}{
		{"frac 0", 5, 0, 5, 0},
		{"single row", 1, 0.2, 1, 0},
		{"two rows", 2, 0.5, 1, 1},
		{"empty", 0, 0.2, 0, 0},
	}
	for _, tt := range tests {
		for _, kind := range []SplitKind{SplitRandom, SplitLast} {
			t.Run(tt.name+"/"+kind.String(), func(t *testing.T) {
				train, val := Split(tt.n, tt.frac, kind, NewRand(2))
				if len(train) != tt.ntrain || len(val) != tt.nval {
					t.Errorf("Split(%d, %v) = %d train, %d val; want %d, %d",
						tt.n, tt.frac, len(train), len(val), tt.ntrain, tt.nval)
				}
			})
		}
	}
}

func TestSplitPanics(t *testing.T) {
	tests := []struct {
		name string
		n    int
		frac float64
		kind SplitKind
	}{
		{"negative n", -1, 0.2, SplitLast},
		{"frac 1", 10, 1, SplitLast},
		{"negative frac", 10, -0.1, SplitLast},
		{"NaN frac", 10, math.NaN(), SplitLast},
		{"unknown kind", 10, 0.2, SplitKind(7)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Errorf("Split(%d, %v, %v) did not panic", tt.n, tt.frac, tt.kind)
				}
			}()
			Split(tt.n, tt.frac, tt.kind, NewRand(1))
		})
	}
}

func TestSplitKindStrings(t *testing.T) {
	for _, k := range []SplitKind{SplitRandom, SplitLast} {
		got, err := ParseSplitKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseSplitKind(%q) = %v, %v; want %v", k.String(), got, err, k)
		}
	}
	if got, err := ParseSplitKind(" LAST "); err != nil || got != SplitLast {
		t.Errorf("ParseSplitKind(\" LAST \") = %v, %v", got, err)
	}
	if _, err := ParseSplitKind("tail"); !errors.Is(err, ErrUnknownSplitKind) {
		t.Errorf("ParseSplitKind(tail) error = %v, want ErrUnknownSplitKind", err)
	}
	if got := SplitKind(9).String(); got != "SplitKind(9)" {
		t.Errorf("SplitKind(9).String() = %q", got)
	}
}

func TestShuffle(t *testing.T) {
	idx := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	Shuffle(idx, NewRand(4))
	if slices.IsSorted(idx) {
		t.Errorf("Shuffle left %v sorted", idx)
	}
	again := []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}
	Shuffle(again, NewRand(4))
	if !slices.Equal(idx, again) {
		t.Errorf("same seed: %v then %v", idx, again)
	}
	slices.Sort(idx)
	for i, v := range idx {
		if v != i {
			t.Fatalf("Shuffle lost or duplicated rows: %v", idx)
		}
	}
}
