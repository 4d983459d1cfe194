package table_test

import (
	"fmt"

	"netfit/core/table"
)

func ExampleParse() {
	text := "x;y\n0,5;1,25\n1,0;2,50\n1,5;NA\n2,0;5,00\n"
	t, err := table.Parse(text, table.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	x, y, rep, err := t.XY("", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("delimiter %s, columns %q\n", table.DelimiterName(t.Delimiter), t.Columns)
	fmt.Println(x, y)
	fmt.Println(rep)
	// Output:
	// delimiter semicolon, columns ["x" "y"]
	// [0.5 1 2] [1.25 2.5 5]
	// read 3 of 4 rows; dropped 1: 1 × missing value (NA) (line 4)
}
