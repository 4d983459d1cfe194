package export

import (
	"fmt"
	"strconv"
	"strings"

	"netfit/core/data"
	"netfit/core/train"
	"netfit/core/view"
)

// PredictionsCSV returns a CSV table with a header and one line per
// sample, in the data's order:
//
//	x,y,y_pred,split
//	-3.25,-4.1,-3.87,train
//
// split is "val" for the rows listed in val and "train" for the others.
// Numbers are written in the shortest form that reads back exactly.
//
// PredictionsCSV panics if x, y and pred differ in length.
func PredictionsCSV(x, y, pred []float64, val []int) []byte {
	if len(x) != len(y) || len(x) != len(pred) {
		panic(fmt.Sprintf("export: predictions of %d x, %d y and %d predictions",
			len(x), len(y), len(pred)))
	}
	isVal := make([]bool, len(x))
	for _, i := range val {
		isVal[i] = true
	}
	var b strings.Builder
	b.WriteString("x,y,y_pred,split\n")
	for i := range x {
		split := "train"
		if isVal[i] {
			split = "val"
		}
		fmt.Fprintf(&b, "%s,%s,%s,%s\n", csvNumber(x[i]), csvNumber(y[i]), csvNumber(pred[i]), split)
	}
	return []byte(b.String())
}

// PredictionsOf returns [PredictionsCSV] for a trainer on its data set.
func PredictionsOf(t *train.Trainer, set data.Set) []byte {
	_, val := view.Rows(len(set.X), t.Config())
	return PredictionsCSV(set.X, set.Y, t.Predict(set.X), val)
}

func csvNumber(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
