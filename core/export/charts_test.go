package export

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"netfit/core/nn"
	"netfit/core/view"
)

// elements parses an SVG as XML (failing the test when it is not
// well-formed) and counts its elements by name.
func elements(t *testing.T, svg []byte) map[string]int {
	t.Helper()
	count := map[string]int{}
	d := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return count
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok {
			count[se.Name.Local]++
		}
	}
}

// TestDataChartSVG draws the chart of a trained run: one circle per sample
// (200 < view.MaxPoints), one curve, the legend's three labels.
func TestDataChartSVG(t *testing.T) {
	set := sineSet(200, 7)
	tr := trained(t, config(nn.Tanh, nn.Linear), 20)
	c := DataChartOf(tr, set)
	if len(c.Train) != 160 || len(c.Val) != 40 {
		t.Fatalf("split %d/%d rows, want 160/40 (val 0.2 of 200)", len(c.Train), len(c.Val))
	}
	svg := DataChartSVG(c, 640, 360)
	n := elements(t, svg)
	if n["svg"] != 1 || n["circle"] != 200 || n["polyline"] != 1 {
		t.Errorf("elements %v, want 1 svg, 200 circles, 1 polyline", n)
	}
	for _, want := range []string{`width="640"`, ">training<", ">validation<", ">prediction<"} {
		if !bytes.Contains(svg, []byte(want)) {
			t.Errorf("SVG lacks %s", want)
		}
	}
}

// TestDataChartSubsample checks that a large data set draws at most
// view.MaxPoints circles.
func TestDataChartSubsample(t *testing.T) {
	x := view.Grid(0, 1, 10_000)
	c := DataChart{X: x, Y: x, Train: nil, CurveX: []float64{0, 1}, CurveY: []float64{0, 1}}
	if n := elements(t, DataChartSVG(c, 400, 300))["circle"]; n != view.MaxPoints {
		t.Errorf("%d circles, want %d", n, view.MaxPoints)
	}
}

// TestLossChartSVG checks the two curves and the gap a diverged epoch
// leaves: the loss with an Inf in the middle draws as two polylines.
func TestLossChartSVG(t *testing.T) {
	c := LossChart{Loss: []float64{1, 0.5, math.Inf(1), 0.2, 0.1}, ValLoss: []float64{1.2, 0.6, 0.5, 0.3, 0.25}}
	svg := LossChartSVG(c, 500, 300)
	n := elements(t, svg)
	if n["polyline"] != 3 {
		t.Errorf("%d polylines, want 3 (loss in two pieces, validation loss)", n["polyline"])
	}
	if !bytes.Contains(svg, []byte(">validation loss<")) || !bytes.Contains(svg, []byte(">0.1<")) {
		t.Errorf("SVG lacks the legend or the 10^-1 tick:\n%s", svg)
	}
	if bytes.Contains(svg, []byte("NaN")) || bytes.Contains(svg, []byte("Inf")) {
		t.Errorf("SVG holds NaN or Inf")
	}

	tr := trained(t, config(nn.Tanh, nn.Linear), 25) // 5 epochs of 5 steps
	if lc := LossChartOf(tr); len(lc.Loss) != 5 || len(lc.ValLoss) != 5 {
		t.Errorf("LossChartOf: %d losses, %d validation losses, want 5 and 5",
			len(lc.Loss), len(lc.ValLoss))
	}
	elements(t, LossChartSVG(LossChart{Loss: []float64{0.3}}, 300, 200))
}

// TestPredictionsCSV reads the table back and checks every field.
func TestPredictionsCSV(t *testing.T) {
	set := sineSet(200, 7)
	tr := trained(t, config(nn.ReLU, nn.Linear), 10)
	rows, err := csv.NewReader(bytes.NewReader(PredictionsOf(tr, set))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); got != "x,y,y_pred,split" {
		t.Fatalf("header %q", got)
	}
	pred := tr.Predict(set.X)
	_, val := view.Rows(200, tr.Config())
	isVal := map[int]bool{}
	for _, i := range val {
		isVal[i] = true
	}
	if len(rows) != 201 {
		t.Fatalf("%d lines, want 201", len(rows))
	}
	for i, r := range rows[1:] {
		want := []float64{set.X[i], set.Y[i], pred[i]}
		for j, w := range want {
			if v, err := strconv.ParseFloat(r[j], 64); err != nil || v != w {
				t.Fatalf("row %d field %d: %q, want %v", i, j, r[j], w)
			}
		}
		if (r[3] == "val") != isVal[i] || (r[3] != "val" && r[3] != "train") {
			t.Fatalf("row %d split %q, validation row: %v", i, r[3], isVal[i])
		}
	}
}
