package table

import "fmt"

// column holds one column read as numbers.
type column struct {
	index        int
	values       []float64 // values[i] for row i, valid where ok[i]
	ok           []bool
	reason       []Reason // why row i is not ok
	dates        bool     // cells were dates, values are decimal years
	decimalComma bool     // numbers were written with a decimal comma
}

// readColumn reads column j of every row. With dates set and most cells
// dates, the column is read as dates.
func (t *Table) readColumn(j int, dates bool) (column, error) {
	classes := make([]cellClass, len(t.Rows))
	var counts [classText + 1]int
	for i, row := range t.Rows {
		classes[i] = classify(row[j])
		counts[classes[i]]++
	}
	c := column{index: j, values: make([]float64, len(t.Rows)),
		ok: make([]bool, len(t.Rows)), reason: make([]Reason, len(t.Rows))}
	numbers := counts[classPlain] + counts[classPoint] + counts[classComma] +
		counts[classCommaOrPoint]
	c.dates = dates && counts[classDate] > numbers

	if err := t.checkNumeric(j, classes, counts, numbers, c.dates); err != nil {
		return c, err
	}
	if !c.dates {
		var err error
		if c.decimalComma, err = t.decimalComma(j, classes, counts); err != nil {
			return c, err
		}
	}
	for i, row := range t.Rows {
		c.values[i], c.ok[i], c.reason[i] = c.read(row[j], classes[i])
	}
	return c, nil
}

// read converts one cell of class k.
func (c *column) read(s string, k cellClass) (float64, bool, Reason) {
	switch {
	case k == classEmpty:
		return 0, false, ReasonEmpty
	case k == classNA:
		return 0, false, ReasonNA
	case k == classNaN:
		return 0, false, ReasonNaN
	case k == classInfinite:
		return 0, false, ReasonNonFinite
	case c.dates && k == classDate:
		if v, ok := parseDate(s); ok {
			return v, true, 0
		}
	case !c.dates && k.isNumber():
		v := parseNumber(s, k, c.decimalComma)
		if v > maxFloat || v < -maxFloat {
			return 0, false, ReasonNonFinite // 1e309 overflows to ±Inf
		}
		return v, true, 0
	}
	return 0, false, ReasonNonNumeric
}

const maxFloat = 1.7976931348623157e308

// checkNumeric refuses a column where text (or, in a number column, dates)
// outnumbers the usable cells, quoting the first such cell.
func (t *Table) checkNumeric(j int, classes []cellClass, counts [classText + 1]int,
	numbers int, dates bool) error {
	usable, bad := numbers, counts[classText]+counts[classDate]
	if dates {
		usable, bad = counts[classDate], counts[classText]+numbers
	}
	if usable > 0 && usable >= bad {
		return nil
	}
	for i, k := range classes {
		if k == classText || (k == classDate) != dates && (k == classDate || k.isNumber()) {
			return fmt.Errorf("%w: %q holds %q at line %d; choose a column of numbers",
				ErrNotNumeric, t.Columns[j], t.Rows[i][j], t.Lines[i])
		}
	}
	return fmt.Errorf("%w: %q has no numbers", ErrNotNumeric, t.Columns[j])
}

// decimalComma decides whether column j writes numbers with a decimal
// comma, as described at [Table.XY].
func (t *Table) decimalComma(j int, classes []cellClass, counts [classText + 1]int) (bool, error) {
	comma, point, either := counts[classComma] > 0, counts[classPoint] > 0,
		counts[classCommaOrPoint] > 0
	switch {
	case comma && point:
		ci, pi := t.first(classes, classComma), t.first(classes, classPoint)
		return false, fmt.Errorf("%w: %q mixes a decimal comma (%q at line %d) and a decimal "+
			"point (%q at line %d); write all numbers one way",
			ErrAmbiguous, t.Columns[j], t.Rows[ci][j], t.Lines[ci], t.Rows[pi][j], t.Lines[pi])
	case comma:
		return true, nil
	case point || !either:
		return false, nil
	case t.Delimiter != ',':
		return true, nil // 1,234 in a semicolon or tab file: a decimal comma
	}
	i := t.first(classes, classCommaOrPoint)
	return false, fmt.Errorf("%w: cannot tell whether %q at line %d in %q means %s or %s; "+
		"write it with a decimal point", ErrAmbiguous, t.Rows[i][j], t.Lines[i], t.Columns[j],
		normalize(t.Rows[i][j], ',', '.'), normalize(t.Rows[i][j], '.', ','))
}

// first returns the first row whose class is k.
func (t *Table) first(classes []cellClass, k cellClass) int {
	for i, c := range classes {
		if c == k {
			return i
		}
	}
	return -1
}
