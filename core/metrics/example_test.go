package metrics_test

import (
	"fmt"

	"netfit/core/data"
	"netfit/core/metrics"
)

func ExampleEvaluate() {
	target := []float64{1, 3, 5, 7}
	pred := []float64{0.5, 3.5, 4, 8}
	r := metrics.Evaluate(pred, target)
	fmt.Printf("MSE %.3f RMSE %.3f MAE %.2f MAPE %.1f%% R² %.3f\n", r.MSE, r.RMSE, r.MAE, r.MAPE, r.R2)

	one := metrics.Evaluate([]float64{7}, []float64{7.1})
	fmt.Println(one.R2Defined, one.R2Note)
	// Output:
	// MSE 0.625 RMSE 0.791 MAE 0.75 MAPE 25.2% R² 0.875
	// false undefined: fewer than 2 points
}

func ExampleLineR2() {
	// The sine preset (10·sin x + x, σ 3): a straight line explains about
	// 60% of the variance, the noise ceiling is about 94% (CASES, reference
	// numbers).
	p, _ := data.LookupPreset("sine")
	set := p.Generate(data.NewRand(1))
	r2, err := metrics.LineR2(set.X, set.Y)
	fmt.Printf("%.2f %v\n", r2, err)

	// The noiseless curve as prediction gives the ceiling.
	clean := make([]float64, set.Len())
	for i, x := range set.X {
		clean[i] = p.F(x)
	}
	ceiling, _ := metrics.R2(clean, set.Y)
	fmt.Printf("%.2f\n", ceiling)
	// Output:
	// 0.62 <nil>
	// 0.94
}
