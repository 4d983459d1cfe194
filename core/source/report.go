package source

import "netfit/core/table"

// Report describes the data [Load] returned, in sentences the page shows
// as they are.
type Report struct {
	Source  string // settings.SourcePreset, SourceFormula or SourceCSV
	Rows    int    // samples drawn, or data rows in the table
	Kept    int    // samples in the returned set
	Dropped int    // Rows − Kept: undefined formula values or unusable table rows

	// Columns holds the table's column names, in order, for the page's x
	// and y menus; nil unless the source is CSV and the text was read.
	Columns []string
	// XColumn and YColumn are the columns read; "" unless CSV.
	XColumn, YColumn string

	// Messages says what was read, the summary first, then what was
	// detected (delimiter, header, dates, decimal comma) and what was left
	// out and why (the first few line numbers). Never empty after a
	// successful Load.
	Messages []string
	// Warnings are sentences about data that was kept but needs care, such
	// as values too large to train without scaling, or a formula that does
	// not depend on x. Nil when there is nothing to say.
	Warnings []string

	// Table is core/table's own report when the source is CSV: the
	// dropped rows by reason, the first few problems with their lines.
	Table table.Report
}
