package export

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/settings"
	"netfit/core/view"
)

// modelSettings is a small run on 200 sine samples (seed 7, as sineSet).
func modelSettings() settings.Settings {
	s := settings.Default()
	s.Data.N, s.Data.Seed = 200, 7
	s.Train = config(nn.Tanh, nn.Linear)
	s.Train.Model.Hidden[0].Units, s.Train.Model.Hidden[1].Units = 64, 64
	return s
}

// TestModelFileRoundTrip saves a trained model, loads it and checks that
// the restored trainer predicts exactly as the original (the weights and
// scalers are stored bit for bit) and keeps training from there.
func TestModelFileRoundTrip(t *testing.T) {
	s := modelSettings()
	tr := trained(t, s.Train, 500)
	b, err := Save(s, tr, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"format": "netfit-model"`, `"version": 1`, `"layers": [`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("model file lacks %s", want)
		}
	}
	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := m.Settings.Fragment(), s.Fragment(); got != want {
		t.Errorf("settings %q, want %q", got, want)
	}
	re, err := m.Trainer(sineSet(200, 7))
	if err != nil {
		t.Fatal(err)
	}
	xs := view.Grid(-15, 15, 50)
	want, got := tr.Predict(xs), re.Predict(xs)
	for i := range xs {
		if got[i] != want[i] {
			t.Fatalf("x=%g: restored model predicts %v, original %v", xs[i], got[i], want[i])
		}
	}

	// Continuing: the restored run's first epoch (5 steps of 32 of the 160
	// training rows) ends near where the original stopped, far below the
	// first epoch of a fresh run.
	last := tr.History()[len(tr.History())-1].Loss
	if _, err := re.Advance(5, time.Time{}); err != nil {
		t.Fatal(err)
	}
	first := trained(t, s.Train, 5).History()[0].Loss
	got0 := re.History()[0].Loss
	if !(got0 < 1.25*last && got0 < 0.8*first) {
		t.Errorf("restored run's first epoch loss %g, want near the original's last %g "+
			"and below a fresh run's first %g", got0, last, first)
	}
}

// TestModelFileRows checks that a CSV's rows are stored and come back.
func TestModelFileRows(t *testing.T) {
	s := modelSettings()
	s.Data.Source, s.Data.XCol, s.Data.YCol = settings.SourceCSV, "year", "ppm"
	set := sineSet(200, 7)
	tr := trained(t, s.Train, 10)
	b, err := Save(s, tr, &set)
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if m.Rows == nil || len(m.Rows.X) != 200 || m.Rows.Y[3] != set.Y[3] {
		t.Fatalf("rows did not round-trip: %+v", m.Rows)
	}
	if _, err := m.Trainer(*m.Rows); err != nil {
		t.Fatal(err)
	}
}

// TestModelFileErrors checks what Load and Trainer refuse.
func TestModelFileErrors(t *testing.T) {
	s := modelSettings()
	b, err := Save(s, trained(t, s.Train, 1), nil)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	cases := []struct {
		name string
		file string
		want error
	}{
		{"not json", "hello", ErrFormat},
		{"other format", `{"format": "layers-model", "version": 1}`, ErrFormat},
		{"newer", strings.Replace(text, `"version": 1`, `"version": 2`, 1), ErrVersion},
		{"short params", strings.Replace(text, `"params": "`, `"params": "AAAA`, 1), ErrFormat},
		{"bad settings", strings.Replace(text, `"settings": "`, `"settings": "lr=banana&`, 1),
			ErrFormat},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Load([]byte(c.file)); !errors.Is(err, c.want) {
				t.Fatalf("Load: %v, want %v", err, c.want)
			}
		})
	}

	// A refused setting is named with what is allowed, but not with what a
	// page would use instead: the file is not loaded at all.
	bad := text
	for _, kv := range []string{"lr=banana", "xmin=5", "xmax=-5"} {
		k, _, _ := strings.Cut(kv, "=")
		bad = regexp.MustCompile(`\b`+k+`=[^&"]*`).ReplaceAllString(bad, kv)
	}
	_, err = Load([]byte(bad))
	if msg := fmt.Sprint(err); !strings.Contains(msg, "lr=banana is not allowed") ||
		strings.Contains(strings.ToLower(msg), "using") || strings.HasSuffix(msg, ".") {
		t.Errorf("Load with lr=banana, xmin=5, xmax=-5: %q, want the refused settings without "+
			"\"using\" and no final period", msg)
	}

	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	other := data.Set{X: []float64{1, 2, 3, 4, 5, 6}, Y: []float64{1, 4, 9, 16, 25, 36}}
	if _, err := m.Trainer(other); !errors.Is(err, ErrDataChanged) {
		t.Fatalf("Trainer on other data: %v, want ErrDataChanged", err)
	}
}
