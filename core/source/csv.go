package source

import (
	"fmt"
	"strings"

	"netfit/core/data"
	"netfit/core/settings"
	"netfit/core/table"
)

// loadCSV reads the x and y columns of a pasted or uploaded table.
func loadCSV(text, xCol, yCol string) (data.Set, Report, error) {
	rep := Report{Source: settings.SourceCSV}
	if strings.TrimSpace(text) == "" {
		return data.Set{}, rep, fmt.Errorf("%w yet: paste or drop a CSV file in the Data panel", ErrNoText)
	}
	t, err := table.Parse(text, table.Options{})
	if err != nil {
		return data.Set{}, rep, err
	}
	rep.Columns = t.Columns

	x, y, trep, err := t.XY(xCol, yCol)
	rep.Table = trep
	rep.XColumn, rep.YColumn = trep.XColumn, trep.YColumn
	rep.Rows, rep.Kept, rep.Dropped = trep.Rows, trep.Kept, trep.Dropped
	if trep.Rows > 0 {
		rep.Messages = tableMessages(t, trep)
	}
	if err != nil {
		return data.Set{}, rep, err
	}
	rep.Warnings = trep.Warnings
	return data.Set{X: x, Y: y}, rep, nil
}

// tableMessages describes what was read: the summary, the detected format
// and the first few dropped rows, e.g.
//
//	read 392 of 406 rows; dropped 14: 14 × empty cell (lines 12, ...)
//	comma-separated, with a header row; x = "Horsepower", y = "Miles_per_Gallon"
//	line 12: empty cell in "Horsepower"
func tableMessages(t *table.Table, r table.Report) []string {
	header := "with a header row"
	if !t.HasHeader {
		header = "no header row (columns are numbered)"
	}
	msgs := []string{r.String(), fmt.Sprintf("%s, %s; x = %q, y = %q",
		delimiterAdjective(t.Delimiter), header, r.XColumn, r.YColumn)}
	if r.XDates {
		msgs = append(msgs, fmt.Sprintf("%q holds dates, read as decimal years "+
			"(1958-03-01 is 1958.16)", r.XColumn))
	}
	if r.DecimalComma {
		msgs = append(msgs, "numbers are written with a decimal comma (0,5 is read as 0.5)")
	}
	for _, p := range r.Problems {
		msgs = append(msgs, p.String())
	}
	return msgs
}

// delimiterAdjective names how the fields are separated: "comma-separated",
// "tab-separated", "'|'-separated".
func delimiterAdjective(d rune) string {
	return table.DelimiterName(d) + "-separated"
}
