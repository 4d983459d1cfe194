package table

import (
	"strconv"
	"strings"
	"testing"
)

// benchText returns a header and n rows of "x,y" with decimals.
func benchText(n int) string {
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := range n {
		b.WriteString(strconv.FormatFloat(float64(i)*0.01, 'f', 2, 64))
		b.WriteByte(',')
		b.WriteString(strconv.FormatFloat(float64(i%977)*1.5-300, 'f', 3, 64))
		b.WriteByte('\n')
	}
	return b.String()
}

// BenchmarkParse100k parses 100 000 two-column rows and reads x and y.
func BenchmarkParse100k(b *testing.B) {
	text := benchText(100_000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		t, err := Parse(text, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := t.XY("", ""); err != nil {
			b.Fatal(err)
		}
	}
}
