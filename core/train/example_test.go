package train_test

import (
	"errors"
	"fmt"
	"time"

	"netfit/core/data"
	"netfit/core/train"
)

// Example trains the recommended setup on the blog's polynomial, in slices
// of 100 steps as a web page would between frames.
func Example() {
	p, _ := data.LookupPreset("poly")
	set := p.Generate(data.NewRand(1))
	tr, err := train.New(train.Recommended("poly"), set)
	if err != nil {
		fmt.Println(err)
		return
	}
	for {
		prog, err := tr.Advance(100, time.Time{})
		if err != nil {
			fmt.Println(err)
			return
		}
		if prog.Finished {
			fmt.Println(prog.Reason)
			break
		}
	}
	h := tr.History()
	last := h[len(h)-1]
	fmt.Printf("%d steps, validation R² %.4f\n", last.Steps, last.Val.R2)
	// Output:
	// finished: 100 epochs
	// 700 steps, validation R² 0.9999
}

// ExampleDivergedError shows the message of a run that blows up: SGD on
// x = 0 … 199 without scaling (CASES B03).
func ExampleDivergedError() {
	var set data.Set
	for i := range 200 {
		set.X = append(set.X, float64(i))
		set.Y = append(set.Y, 2*float64(i))
	}
	c := train.Config{Optimizer: train.SGD, LearningRate: 0.001, BatchSize: 1, Epochs: 2, Seed: 1}
	tr, _ := train.New(c, set)
	_, err := tr.Advance(0, time.Time{})
	var de *train.DivergedError
	fmt.Println(errors.As(err, &de), de.Epoch, de.LearningRate)
	fmt.Println(de.Hint)
	// Output:
	// true 1 0.001
	// try a learning rate of 0.0001 (10× lower); x spans 0 … 199 unscaled: standardize x; y spans 0 … 398 unscaled: standardize y
}
