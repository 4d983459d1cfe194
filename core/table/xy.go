package table

import (
	"fmt"
	"math"
	"strings"

	"netfit/core/data"
)

// BUG(table): "1,234" in a comma-separated file is refused as ambiguous
// unless other cells of its column show whether commas are decimal commas
// or thousands separators.

// XY reads columns xCol and yCol as numbers, one pair per usable row.
//
// An empty name picks a default: x is the first column holding numbers or
// dates, y the first other column holding numbers. Names match exactly, or
// failing that ignoring case and surrounding spaces.
//
// Each column's number format is decided from all its cells: a decimal
// point (1.5, 1,234.5) or a decimal comma (0,5; 1.234,5). A column that
// uses both is refused (ErrAmbiguous) quoting a cell of each, and so is
// "1,234" in a comma-separated file when nothing else tells whether it is
// 1.234 or 1234; with a semicolon or tab delimiter it is read as 1.234.
// ISO dates in x become decimal years (see [DecimalYear]); y cannot be a
// date.
//
// A row is dropped, and counted in rep, when either cell is empty, NA, NaN,
// infinite (inf, Infinity, or beyond ±1.8e308 such as 1e309) or not a
// number. A column whose cells are mostly not numbers is refused with
// ErrNotNumeric instead.
//
// XY returns an error, leaving x and y nil, when fewer than 2 rows are
// usable (ErrTooFewRows), when y is constant (ErrConstantY: R² is
// undefined) or x has no spread (ErrConstantX). Constant means a standard
// deviation at most 1e-9·|mean|, which also catches the tiny
// nonzero spread that rounding leaves in a column of one repeated value.
func (t *Table) XY(xCol, yCol string) (x, y []float64, rep Report, err error) {
	if len(t.Rows) == 0 {
		return nil, nil, Report{}, fmt.Errorf("%w: the table has a header but no data rows "+
			"(need at least 2, more than about 10 recommended)", ErrTooFewRows)
	}
	xi, yi, err := t.chooseColumns(xCol, yCol)
	if err != nil {
		return nil, nil, Report{}, err
	}
	rep = Report{XColumn: t.Columns[xi], YColumn: t.Columns[yi], Rows: len(t.Rows)}

	xc, err := t.readColumn(xi, true)
	if err != nil {
		return nil, nil, rep, err
	}
	yc, err := t.readColumn(yi, false)
	if err != nil {
		return nil, nil, rep, err
	}
	rep.XDates, rep.DecimalComma = xc.dates, xc.decimalComma || yc.decimalComma

	x, y = t.pairs(xc, yc, &rep)
	if err := checkFit(x, y, &rep); err != nil {
		return nil, nil, rep, err
	}
	return x, y, rep, nil
}

// pairs keeps the rows where both cells were read and records the others.
func (t *Table) pairs(xc, yc column, rep *Report) (x, y []float64) {
	x = make([]float64, 0, len(t.Rows))
	y = make([]float64, 0, len(t.Rows))
	for i := range t.Rows {
		switch {
		case !xc.ok[i]:
			rep.drop(t.Lines[i], rep.XColumn, t.Rows[i][xc.index], xc.reason[i])
		case !yc.ok[i]:
			rep.drop(t.Lines[i], rep.YColumn, t.Rows[i][yc.index], yc.reason[i])
		default:
			x, y = append(x, xc.values[i]), append(y, yc.values[i])
		}
	}
	rep.Kept = len(x)
	return x, y
}

// checkFit refuses data that cannot be fitted and warns about huge values.
func checkFit(x, y []float64, rep *Report) error {
	if len(x) < 2 {
		return fmt.Errorf("%w: need at least 2 rows with numbers in both %q and %q, found %d "+
			"(more than about 10 recommended)", ErrTooFewRows, rep.XColumn, rep.YColumn, len(x))
	}
	if mean, flat := data.Constant(y); flat {
		return fmt.Errorf("%w (every %q is %.6g); R² is undefined and there is nothing to fit",
			ErrConstantY, rep.YColumn, mean)
	}
	if mean, flat := data.Constant(x); flat {
		return fmt.Errorf("%w (every %q is %.6g); nothing to learn",
			ErrConstantX, rep.XColumn, mean)
	}
	// Large finite values are kept without a warning here: they only
	// overflow 32-bit floats when scaling is off, which core/hint says
	// (unscaled-targets, unscaled-inputs), as it does for formulas.
	return nil
}

// maxAbs returns the largest |a| in v.
func maxAbs(v []float64) float64 {
	m := 0.0
	for _, a := range v {
		m = math.Max(m, math.Abs(a))
	}
	return m
}

// chooseColumns resolves the requested column names, applying defaults.
func (t *Table) chooseColumns(xCol, yCol string) (xi, yi int, err error) {
	xi, yi = -1, -1
	if xCol != "" {
		if xi, err = t.lookup(xCol); err != nil {
			return 0, 0, err
		}
	}
	if yCol != "" {
		if yi, err = t.lookup(yCol); err != nil {
			return 0, 0, err
		}
	}
	if xi < 0 && yCol == "" {
		xi, yi = t.namedXY()
	}
	if xi < 0 {
		xi = t.firstNumeric(yi, true)
	}
	if yi < 0 {
		yi = t.firstNumeric(xi, false)
	}
	switch {
	case xi < 0 || yi < 0:
		return 0, 0, fmt.Errorf("%w: need two columns of numbers, the table has %s",
			ErrNotNumeric, t.describeColumns())
	case xi == yi:
		return 0, 0, fmt.Errorf("%w: %q", ErrSameColumns, t.Columns[xi])
	}
	return xi, yi, nil
}

// namedXY returns the columns named x and y (ignoring case and spaces)
// when the table has both, else -1, -1: "id,name,x,y" means x and y.
func (t *Table) namedXY() (xi, yi int) {
	xi, errX := t.lookup("x")
	yi, errY := t.lookup("y")
	if errX != nil || errY != nil {
		return -1, -1
	}
	return xi, yi
}

// lookup finds a column by name, exactly or else ignoring case and spaces.
func (t *Table) lookup(name string) (int, error) {
	for i, c := range t.Columns {
		if c == name {
			return i, nil
		}
	}
	for i, c := range t.Columns {
		if strings.EqualFold(c, strings.TrimSpace(name)) {
			return i, nil
		}
	}
	return -1, fmt.Errorf("%w %q; the columns are %s", ErrColumn, name, t.describeColumns())
}

// describeColumns lists the column names, quoted, for error messages.
func (t *Table) describeColumns() string {
	if len(t.Columns) == 1 {
		return fmt.Sprintf("one column, %q", t.Columns[0])
	}
	q := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		q[i] = fmt.Sprintf("%q", c)
	}
	return strings.Join(q, ", ")
}

// firstNumeric returns the first column other than skip whose cells are
// mostly numbers (or dates, if dates is set), judged on the first 1000 rows;
// -1 if there is none.
//
// A column named like a row index (id, index, #, or no name at all, as
// pandas writes its index) is passed over when two other columns of
// numbers exist: a fit of temperature against row numbers is rarely what a
// table is for.
func (t *Table) firstNumeric(skip int, dates bool) int {
	rows := t.Rows
	if len(rows) > 1000 {
		rows = rows[:1000]
	}
	plain := 0
	for j := range t.Columns {
		if !t.indexColumn(j) && mostlyOf(rows, j, true) {
			plain++
		}
	}
	for j := range t.Columns {
		if j != skip && mostlyOf(rows, j, dates) && (plain < 2 || !t.indexColumn(j)) {
			return j
		}
	}
	return -1
}

// indexColumn reports whether column j is named as a row index: id, index,
// #, row or no, or the first column with an empty header cell.
func (t *Table) indexColumn(j int) bool {
	if !t.HasHeader {
		return false
	}
	switch name := strings.ToLower(strings.TrimSpace(t.Columns[j])); name {
	case "id", "index", "#", "row", "no", "no.", "unnamed: 0":
		return true
	case "column 1":
		return j == 0 // the name columnNames gives an empty header cell
	}
	return false
}

// mostlyOf reports whether column j has some number (or date) and more
// numbers than text.
func mostlyOf(rows [][]string, j int, dates bool) bool {
	numeric, other := 0, 0
	for _, row := range rows {
		switch c := classify(row[j]); {
		case c.isNumber() || (dates && c == classDate):
			numeric++
		case c == classText || c == classDate:
			other++
		}
	}
	return numeric > 0 && numeric > other
}
