package export

import (
	"encoding/json"
	"reflect"
	"testing"

	"netfit/core/nn"
)

// TestParseJSON compares the package's small JSON reader with
// encoding/json on valid and invalid inputs.
func TestParseJSON(t *testing.T) {
	cases := []string{
		`{"a": [1, -2.5e3, true, false, null, "x\"y\\z\n\u00e9\ud83d\ude00"], "b": {}}`,
		`[]`, `"plain"`, `0`, ` {"nested": {"deeper": [[[]]]}} `,
		`{"a": 1,}`, `[1 2]`, `{"a" 1}`, `"unterminated`, `tru`, `{"a": 1} x`, `"\q"`,
		"\"tab\there\"",
	}
	for _, in := range cases {
		t.Run(in, func(t *testing.T) {
			var want any
			wantErr := json.Unmarshal([]byte(in), &want)
			got, err := parseJSON(in)
			if (err != nil) != (wantErr != nil) {
				t.Fatalf("parseJSON error %v, encoding/json error %v", err, wantErr)
			}
			if err == nil && !reflect.DeepEqual(got, want) {
				t.Fatalf("parseJSON = %#v, want %#v", got, want)
			}
		})
	}
}

// TestJSONOutputValid checks that what the package writes by hand is JSON
// that encoding/json reads, with strings intact.
func TestJSONOutputValid(t *testing.T) {
	s := modelSettings()
	s.Data.XCol = "odd \"name\" \\ \u2028 é"
	tr := trained(t, config(nn.LeakyReLU, nn.ReLU), 3)
	set := sineSet(5, 1)
	b, err := Save(s, tr, &set)
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Data struct{ XCol string }
		Rows struct{ X []float64 }
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("model file is not JSON: %v\n%s", err, b)
	}
	if f.Data.XCol != s.Data.XCol || !reflect.DeepEqual(f.Rows.X, set.X) {
		t.Errorf("read back xcol %q and rows %v, want %q and %v", f.Data.XCol, f.Rows.X, s.Data.XCol, set.X)
	}
	m, err := TFJS(tr, "my \"weights\".bin")
	if err != nil {
		t.Fatal(err)
	}
	var mj struct {
		WeightsManifest []struct{ Paths []string }
	}
	if err := json.Unmarshal(m.ModelJSON, &mj); err != nil {
		t.Fatalf("model.json is not JSON: %v\n%s", err, m.ModelJSON)
	}
	if p := mj.WeightsManifest[0].Paths[0]; p != "my \"weights\".bin" {
		t.Errorf("weights path %q", p)
	}
}
