package table

import "time"

// dateLayouts are the ISO 8601 forms read as dates, tried in order.
// Fractional seconds are accepted after the seconds by time.Parse.
var dateLayouts = []string{
	"2006-01-02",
	"2006-01",
	"2006-01-02T15:04:05Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
}

// looksLikeDate reports whether s starts like an ISO date, YYYY-MM.
func looksLikeDate(s string) bool {
	if len(s) < 7 || s[4] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// DecimalYear converts a time to a decimal year, the x that a date becomes:
//
//	year + (day of year − 1 + seconds since midnight / 86400) / days in year
//
// where days in year is 365 or 366. So 1958-03-01 is 1958 + 59/365 ≈
// 1958.1616, and 2000-12-31T12:00 is 2000 + 365.5/366. Times with a zone
// offset are first converted to UTC; times without one are taken as they
// are written.
func DecimalYear(t time.Time) float64 {
	t = t.UTC()
	days := 365.0
	if y := t.Year(); y%4 == 0 && (y%100 != 0 || y%400 == 0) {
		days = 366
	}
	h, m, s := t.Clock()
	seconds := float64(h*3600+m*60+s) + float64(t.Nanosecond())/1e9
	return float64(t.Year()) + (float64(t.YearDay()-1)+seconds/86400)/days
}

// parseDate reads an ISO date (YYYY-MM, YYYY-MM-DD, or a date and time) as
// a decimal year; ok is false if s is none of the forms in dateLayouts or
// not a real date (1958-02-30).
func parseDate(s string) (year float64, ok bool) {
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return DecimalYear(t), true
		}
	}
	return 0, false
}
