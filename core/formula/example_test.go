package formula_test

import (
	"fmt"

	"netfit/core/formula"
)

func ExampleCompile() {
	e, err := formula.Compile("10*sin(x) + x**2")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e)
	fmt.Printf("%.4f\n", e.Eval(1.5))

	_, err = formula.Compile("x + sinn(x)")
	fmt.Println(err)
	// Output:
	// 10 * sin(x) + x^2
	// 12.2249
	// unknown name "sinn" at column 5
}

func ExampleSample() {
	e, _ := formula.Compile("log(x)")
	ys, bad := formula.Sample(e, []float64{-1, 0, 1, 2})
	fmt.Printf("%.3f, undefined at %d of %d points\n", ys[3], len(bad), len(ys))
	// Output: 0.693, undefined at 2 of 4 points
}
