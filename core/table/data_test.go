package table

import (
	"testing"
)

// TestCO2 reads the Mauna Loa CO₂ table: 741 monthly rows, Date → CO2, none
// missing. The first and last values are the file's first and last lines.
func TestCO2(t *testing.T) {
	tab, err := Parse(readData(t, "co2-concentration.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, y, rep, err := tab.XY("Date", "CO2")
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != 741 || rep.Rows != 741 || rep.Dropped != 0 || !rep.XDates {
		t.Fatalf("got %d values, report %+v; want 741 dates, none dropped", len(x), rep)
	}
	// 1958-03-01: 59 days into a 365-day year; 2020-04-01: 31+29+31 days
	// into a leap year.
	if !near(x[0], 1958+59.0/365, 1e-12) || !near(y[0], 315.70, 1e-12) ||
		!near(x[740], 2020+91.0/366, 1e-12) || !near(y[740], 416.18, 1e-12) {
		t.Errorf("first (%v, %v), last (%v, %v); want (1958.1616, 315.70), (2020.2486, 416.18)",
			x[0], y[0], x[740], y[740])
	}
	// With no columns named, Date and CO2 are the defaults.
	if _, _, rep, _ := tab.XY("", ""); rep.XColumn != "Date" || rep.YColumn != "CO2" {
		t.Errorf("default columns %q, %q; want Date, CO2", rep.XColumn, rep.YColumn)
	}
}

// TestCars reads the auto-mpg table, Horsepower → Miles_per_Gallon. Of its
// 406 rows, 8 have no Miles_per_Gallon and 6 no Horsepower (counted with
// awk on the file), so 392 remain; the first gaps are on lines 12-16.
func TestCars(t *testing.T) {
	tab, err := Parse(readData(t, "cars.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	x, y, rep, err := tab.XY("Horsepower", "Miles_per_Gallon")
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != 392 || len(y) != 392 || rep.Rows != 406 || rep.Kept != 392 ||
		rep.Dropped != 14 || rep.ByReason[ReasonEmpty] != 14 {
		t.Fatalf("kept %d, report %+v; want 392 kept, 14 empty dropped", len(x), rep)
	}
	for i, line := range []int{12, 13, 14, 15, 16} {
		if p := rep.Problems[i]; p.Line != line || p.Column != "Miles_per_Gallon" {
			t.Errorf("problem %d: %v, want line %d in Miles_per_Gallon", i, p, line)
		}
	}
	// Line 2: chevrolet chevelle malibu, 130 hp, 18 mpg.
	if x[0] != 130 || y[0] != 18 {
		t.Errorf("first row (%v, %v), want (130, 18)", x[0], y[0])
	}
}
