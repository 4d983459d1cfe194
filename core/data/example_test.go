package data_test

import (
	"fmt"

	"netfit/core/data"
)

func Example() {
	p, _ := data.LookupPreset("sine")
	set := p.Generate(data.NewRand(1))
	train, val := data.Split(set.Len(), 0.2, data.SplitRandom, data.NewRand(1))

	ys := make([]float64, len(train))
	for i, r := range train {
		ys[i] = set.Y[r]
	}
	scale := data.FitScaler(ys)

	fmt.Println(p.Formula, set.Len(), len(train), len(val))
	fmt.Printf("first x %.3f, y %.3f\n", set.X[0], set.Y[0])
	fmt.Printf("y scaled: %.3f\n", scale.Apply(set.Y[0]))
	// Output:
	// 10*sin(x) + x 1000 800 200
	// first x -7.851, y -21.758
	// y scaled: -1.743
}
