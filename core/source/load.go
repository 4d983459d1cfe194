package source

import (
	"fmt"

	"netfit/core/data"
	"netfit/core/settings"
	"netfit/core/train"
)

// Load returns the data that d describes and a report about it.
//
// For a data preset or a formula it draws d.N samples with d's noise, x
// range and seed exactly as [data.Generate] does, so a formula equal to a
// preset's gives the same sample. For the CSV source it reads text (the
// table the user gave; ignored otherwise) and takes the columns d.XCol and
// d.YCol ("" picks the first numeric ones, see [table.Table.XY]).
//
// Errors: a formula that does not compile returns its [*formula.Error]
// (with the column), an unusable table returns core/table's error (too
// few rows, constant y, too large, ...), and out-of-range settings return
// the error of [settings.DataSettings.Validate]. For the CSV source the
// report keeps the column names whenever the text could be split, so the
// page can offer other columns after an error. [Explain] turns any of
// these into a sentence.
func Load(d settings.DataSettings, text string) (data.Set, Report, error) {
	switch d.Source {
	case settings.SourceFormula:
		return loadFormula(d)
	case settings.SourceCSV:
		return loadCSV(text, d.XCol, d.YCol)
	}
	rep := Report{Source: settings.SourcePreset}
	if err := d.Validate(); err != nil {
		return data.Set{}, rep, err
	}
	p, _ := data.LookupPreset(d.Preset) // Validate checked the name
	set := data.Generate(p.F, d.N, d.Noise, d.XMin, d.XMax, data.NewRand(d.Seed))
	rep.Rows, rep.Kept = d.N, d.N
	rep.Messages = []string{fmt.Sprintf("%d samples of %s, noise σ %g, x from %g to %g",
		d.N, p.Formula, d.Noise, d.XMin, d.XMax)}
	return set, rep, nil
}

// Recommended returns the training setup the page offers for d's data:
// core/train's setup for the data preset, or, for a formula or a table,
// its general one ([train.Recommended] of ""): 1 → 64 relu → 64 relu → 1
// linear, x and y standardized, Adam 0.01 with cosine decay, batch 64,
// 100 epochs, a random 20% validation split.
//
// The general setup is kept rather than tuned per table because it
// already meets issue 5's targets on the real data sets (TestRealData):
// on the Mauna Loa CO₂ series validation R² ≈ 0.993 on x alone and ≈
// 0.9997 with the yearly features (Period 1), and ≈ 0.62 on the cars'
// miles per gallon against horsepower. The sine preset's setup (sine
// units on unscaled x) would not do: it needs x of order 1, and dates
// as decimal years are near 2000.
func Recommended(d settings.DataSettings) train.Config {
	if d.Source == settings.SourcePreset || d.Source == "" {
		return train.Recommended(d.Preset)
	}
	return train.Recommended("")
}
