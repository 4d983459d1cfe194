package source_test

import (
	"fmt"

	"netfit/core/settings"
	"netfit/core/source"
)

// A European table: semicolons, decimal commas and one missing value.
func ExampleLoad() {
	d := settings.Default().Data
	d.Source, d.XCol, d.YCol = settings.SourceCSV, "x", "y"
	text := "x;y\n0,5;1,25\n1,0;NA\n1,5;3,75\n2,0;5,00\n"

	set, rep, err := source.Load(d, text)
	if err != nil {
		fmt.Println(source.Explain(err))
		return
	}
	fmt.Println(set.X, set.Y)
	for _, m := range rep.Messages {
		fmt.Println(m)
	}
	// Output:
	// [0.5 1.5 2] [1.25 3.75 5]
	// read 3 of 4 rows; dropped 1: 1 × missing value (NA) (line 3)
	// semicolon-separated, with a header row; x = "x", y = "y"
	// numbers are written with a decimal comma (0,5 is read as 0.5)
	// line 3: missing value (NA) in "y": "NA"
}

// A formula undefined for x ≤ 0: those samples are left out, and the
// report says so.
func ExampleLoad_formula() {
	d := settings.Default().Data // 1000 samples, σ 3, x from -15 to 15
	d.Source, d.Formula = settings.SourceFormula, "log(x)"

	_, rep, _ := source.Load(d, "")
	fmt.Println(rep.Kept, "kept,", rep.Dropped, "left out")
	fmt.Println(rep.Messages[1])

	d.Formula = "10*sinn(x) + x"
	_, _, err := source.Load(d, "")
	fmt.Println(source.Explain(err))
	// Output:
	// 498 kept, 502 left out
	// the formula is undefined (NaN or infinite) at 502 of 1000 samples, for x from -15 to -0.0196; those samples are left out and 498 remain
	// Unknown name "sinn" at column 4.
}
