package source

import (
	"os"
	"testing"

	"netfit/core/data"
	"netfit/core/settings"
)

// csvSettings returns data settings for the CSV source with the given
// columns and the sample settings of the default (ignored for CSV).
func csvSettings(xCol, yCol string) settings.DataSettings {
	d := settings.Default().Data
	d.Source, d.Preset, d.XCol, d.YCol = settings.SourceCSV, "", xCol, yCol
	return d
}

// formulaSettings returns data settings for a formula with the default's
// sample count, noise, x range and seed (1000 samples, σ 3, [-15, 15]).
func formulaSettings(f string) settings.DataSettings {
	d := settings.Default().Data
	d.Source, d.Preset, d.Formula = settings.SourceFormula, "", f
	return d
}

// readData returns a file of testdata/data as text.
func readData(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile("../../testdata/data/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// mustLoad loads a table or fails the test.
func mustLoad(t testing.TB, text, xCol, yCol string) (data.Set, Report) {
	t.Helper()
	set, rep, err := Load(csvSettings(xCol, yCol), text)
	if err != nil {
		t.Fatalf("Load(%q, %q): %v", xCol, yCol, err)
	}
	return set, rep
}
