package view

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestGrid(t *testing.T) {
	g := Grid(-15, 15, 7)
	want := []float64{-15, -10, -5, 0, 5, 10, 15}
	for i := range want {
		if math.Abs(g[i]-want[i]) > 1e-12 {
			t.Fatalf("Grid(-15, 15, 7) = %v, want %v", g, want)
		}
	}
	if !slices.IsSorted(Grid(3, 9, CurvePoints)) {
		t.Error("Grid(3, 9, 300) is not sorted")
	}
	if got := Grid(2, 5, 1); len(got) != 1 || got[0] != 2 {
		t.Errorf("Grid(2, 5, 1) = %v, want [2]", got)
	}
}

func TestSubsample(t *testing.T) {
	tests := []struct {
		name      string
		n, max    int
		wantLen   int
		wantFirst int
		wantLast  int
	}{
		{"fewer than max", 10, 3000, 10, 0, 9},
		{"many", 1_000_000, 3000, 3000, 0, 999666},
		{"default max", 5000, 0, MaxPoints, 0, 4998},
		{"empty", 0, 10, 0, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Subsample(tt.n, tt.max)
			if len(r) != tt.wantLen {
				t.Fatalf("Subsample(%d, %d) has %d rows, want %d", tt.n, tt.max, len(r), tt.wantLen)
			}
			if len(r) == 0 {
				return
			}
			if r[0] != tt.wantFirst || r[len(r)-1] != tt.wantLast {
				t.Errorf("Subsample(%d, %d) runs %d…%d, want %d…%d",
					tt.n, tt.max, r[0], r[len(r)-1], tt.wantFirst, tt.wantLast)
			}
			if !slices.IsSorted(r) || slices.Compact(slices.Clone(r)) == nil {
				t.Errorf("Subsample(%d, %d) not ascending", tt.n, tt.max)
			}
		})
	}
}

func TestSpan(t *testing.T) {
	v := []float64{3, math.NaN(), -2, math.Inf(1), 7}
	s := SpanOf(v, nil)
	if !s.OK || s.Lo != -2 || s.Hi != 7 {
		t.Errorf("SpanOf(%v) = %+v, want [-2, 7]", v, s)
	}
	if s := SpanOf(v, []int{0, 4}); s.Lo != 3 || s.Hi != 7 {
		t.Errorf("SpanOf rows 0,4 = %+v, want [3, 7]", s)
	}
	if s := SpanOf([]float64{math.NaN()}, nil); s.OK {
		t.Errorf("SpanOf(NaN) = %+v, want empty", s)
	}
	// A constant series still gets a non-zero axis range (CASES B15).
	p := SpanOf([]float64{3.7, 3.7}, nil).Pad(0.1)
	if !(p.Hi > p.Lo) || math.Abs(p.Lo-3.33) > 1e-9 {
		t.Errorf("Pad of constant 3.7 = %+v, want [3.33, 4.07]", p)
	}
	if p := (Span{}).Pad(0.1); p.Lo != -1 || p.Hi != 1 {
		t.Errorf("Pad of empty span = %+v, want [-1, 1]", p)
	}
	u := Span{}.Union(Span{Lo: 1, Hi: 2, OK: true}).Union(Span{Lo: -1, Hi: 0, OK: true})
	if u.Lo != -1 || u.Hi != 2 {
		t.Errorf("Union = %+v, want [-1, 2]", u)
	}
}

func TestXRegionsLastSplit(t *testing.T) {
	// Sorted x with the last 20 % as validation (CASES B12): the ranges
	// must not overlap and the right extrapolation starts at the last
	// training x.
	x := Grid(-15, 15, 101)
	train, val := make([]int, 0, 80), make([]int, 0, 21)
	for i := range x {
		if i < 80 {
			train = append(train, i)
		} else {
			val = append(val, i)
		}
	}
	r := XRegions(x, train, val)
	if math.Abs(r.Train.Hi-x[79]) > 1e-12 || math.Abs(r.Val.Lo-x[80]) > 1e-12 {
		t.Errorf("train %+v val %+v, want train up to %v and val from %v", r.Train, r.Val, x[79], x[80])
	}
	if !r.Right.OK || r.Right.Lo != r.Train.Hi || math.Abs(r.Right.Hi-18) > 1e-12 {
		t.Errorf("right extrapolation %+v, want [%v, 18]", r.Right, r.Train.Hi)
	}
	if !r.Left.OK || math.Abs(r.Left.Lo+18) > 1e-12 {
		t.Errorf("left extrapolation %+v, want from -18", r.Left)
	}
	if !r.Extrapolated(12) || r.Extrapolated(0) {
		t.Error("Extrapolated(12) should be true and Extrapolated(0) false")
	}
	// x[79] = −15 + 79·0.3 = 8.7, x[80] = 9.
	want := "training x -15 to 8.7 · validation x 9 to 15: all beyond the training x, " +
		"so validation is an extrapolation test"
	if got := RangeText(r); got != want {
		t.Errorf("RangeText = %q, want %q", got, want)
	}
}

// TestRangeTextOverlap checks the line for a random split, whose ranges
// overlap: no extrapolation remark, and none of the validation part
// without validation rows.
func TestRangeTextOverlap(t *testing.T) {
	x := []float64{-2, 3, -1, 1, 2}
	r := XRegions(x, []int{0, 1, 2}, []int{3, 4})
	if got, want := RangeText(r), "training x -2 to 3 · validation x 1 to 2"; got != want {
		t.Errorf("RangeText = %q, want %q", got, want)
	}
	r = XRegions(x, []int{0, 1, 2, 3, 4}, nil)
	if got, want := RangeText(r), "training x -2 to 3"; got != want {
		t.Errorf("RangeText without validation = %q, want %q", got, want)
	}
}

func TestResiduals(t *testing.T) {
	r := Residuals([]float64{1, 2}, []float64{1.5, 1})
	if r[0] != 0.5 || r[1] != -1 {
		t.Errorf("Residuals = %v, want [0.5 -1]", r)
	}
	defer func() {
		if e := recover(); e == nil || !strings.HasPrefix(e.(string), "view: ") {
			t.Errorf("Residuals of unequal lengths: panic %v, want one starting with view:", e)
		}
	}()
	Residuals([]float64{1}, nil)
}

func TestLog10(t *testing.T) {
	got := Log10([]float64{100, 0, math.NaN(), math.Inf(1), 1e-3})
	want := []float64{2, -12, math.NaN(), math.NaN(), -3}
	for i := range want {
		same := math.IsNaN(got[i]) == math.IsNaN(want[i]) &&
			(math.IsNaN(want[i]) || math.Abs(got[i]-want[i]) < 1e-12)
		if !same {
			t.Errorf("Log10[%d] = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		name   string
		lo, hi float64
		n      int
		want   []float64
	}{
		{"sine x", -16.5, 16.5, 7, []float64{-15, -10, -5, 0, 5, 10, 15}},
		{"unit", 0, 1, 6, []float64{0, 0.2, 0.4, 0.6, 0.8, 1}},
		{"crossing zero", -0.3, 0.3, 4, []float64{-0.2, 0, 0.2}},
		{"empty", 1, 1, 5, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Ticks(tt.lo, tt.hi, tt.n)
			if len(got) != len(tt.want) {
				t.Fatalf("Ticks(%v, %v, %d) = %v, want %v", tt.lo, tt.hi, tt.n, got, tt.want)
			}
			for i := range got {
				if math.Abs(got[i]-tt.want[i]) > 1e-9 {
					t.Fatalf("Ticks(%v, %v, %d) = %v, want %v", tt.lo, tt.hi, tt.n, got, tt.want)
				}
			}
		})
	}
	if got := LogTicks(-3.2, 1.5, 10); !slices.Equal(got, []float64{-3, -2, -1, 0, 1}) {
		t.Errorf("LogTicks(-3.2, 1.5, 10) = %v, want [-3 -2 -1 0 1]", got)
	}
	if got := LogTicks(-12, 8, 5); !slices.Equal(got, []float64{-12, -7, -2, 3, 8}) {
		t.Errorf("LogTicks(-12, 8, 5) = %v, want every 5th decade", got)
	}
	// Within one decade: 2× and 5× of the powers of ten join them. The
	// default page's loss runs from about 0.05 to 0.8 (one label, 0.1, before).
	values := func(lo, hi float64, n int) []float64 {
		var v []float64
		for _, e := range LogTicks(math.Log10(lo), math.Log10(hi), n) {
			v = append(v, math.Round(math.Pow(10, e)*1e6)/1e6)
		}
		return v
	}
	for _, tt := range []struct {
		lo, hi float64
		n      int
		want   []float64
	}{
		{0.05, 0.8, 6, []float64{0.05, 0.1, 0.2, 0.5}},
		{3, 40, 6, []float64{5, 10, 20}},
		{0.058, 0.067, 6, []float64{0.06, 0.062, 0.064, 0.066}}, // within a factor 2: linear
		{0.05, 0.8, 3, []float64{0.05, 0.2}},                    // more than n: every 2nd
	} {
		if got := values(tt.lo, tt.hi, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("LogTicks over [%g, %g], n %d = %v, want %v", tt.lo, tt.hi, tt.n, got, tt.want)
		}
	}
}

// TestTickLabels: labels get the digits it takes to tell neighbours apart.
func TestTickLabels(t *testing.T) {
	for _, tc := range []struct {
		ticks []float64
		log   bool
		want  []string
	}{
		{[]float64{2020, 2020.2, 2020.4, 2020.6}, false, []string{"2020", "2020.2", "2020.4", "2020.6"}},
		{[]float64{-10, 0, 10}, false, []string{"-10", "0", "10"}},
		{[]float64{math.Log10(1.789), math.Log10(1.791)}, true, []string{"1.789", "1.791"}},
		{[]float64{-1, math.Log10(0.2)}, true, []string{"0.1", "0.2"}},
	} {
		if got := TickLabels(tc.ticks, 3, tc.log); !slices.Equal(got, tc.want) {
			t.Errorf("TickLabels(%v, 3, %v) = %q, want %q", tc.ticks, tc.log, got, tc.want)
		}
	}
}

func TestNumber(t *testing.T) {
	tests := []struct {
		v    float64
		sig  int
		want string
	}{
		{0.91234, 3, "0.912"},
		{1234.5678, 3, "1235"},
		{12.5, 3, "12.5"},
		{2.0, 3, "2"},
		{4.9e7, 2, "4.9e+07"},
		{-0.0004, 2, "-4.0e-04"},
		{-1e-300 * 0, 3, "0"},
		{math.NaN(), 3, "undefined"},
		{math.Inf(-1), 3, "undefined"},
		{2416.2, 0, "2416"},
	}
	for _, tt := range tests {
		if got := Number(tt.v, tt.sig); got != tt.want {
			t.Errorf("Number(%v, %d) = %q, want %q", tt.v, tt.sig, got, tt.want)
		}
	}
	if got := Undefined("undefined: fewer than 2 points"); got != "undefined (fewer than 2 points)" {
		t.Errorf("Undefined = %q", got)
	}
	if got := Duration(125); got != "2 min 05 s" {
		t.Errorf("Duration(125) = %q, want 2 min 05 s", got)
	}
}

func TestBudget(t *testing.T) {
	var b Budget
	t0 := time.Unix(1000, 0)
	if !b.Due(t0) {
		t.Fatal("a fresh Budget must be due")
	}
	// A 1 s job at share 0.2 may run again only after 5 s.
	b.Ran(t0, time.Second)
	if b.Due(t0.Add(4 * time.Second)) {
		t.Error("due 4 s after a 1 s job, want not due before 5 s")
	}
	if !b.Due(t0.Add(5 * time.Second)) {
		t.Error("not due 5 s after a 1 s job")
	}
	// A cheap job is limited by the 100 ms interval.
	b.Ran(t0, time.Millisecond)
	if b.Due(t0.Add(50*time.Millisecond)) || !b.Due(t0.Add(100*time.Millisecond)) {
		t.Error("cheap job: want due after 100 ms, not at 50 ms")
	}
	b.Reset()
	if !b.Due(t0) {
		t.Error("Reset Budget must be due")
	}
}

func TestPoints(t *testing.T) {
	tests := []struct {
		name              string
		params            int
		wantCurve, wantAt int
	}{
		// 1 → 64 → 64 → 1 has 4,353 weights: everything fits.
		{"small", 4353, CurvePoints, MaxPoints},
		// The tutorial's sine model, about 1.45M weights: 150e6/2.9e6 ≈ 51
		// predictions, raised to the minimum of 60 + 60.
		{"tutorial sine", 1_450_000, MinPoints, MinPoints},
		// 100k weights: 750 predictions, 300 curve + 450 points.
		{"medium", 100_000, CurvePoints, 450},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, r := Split(Points(tt.params))
			if c != tt.wantCurve || r != tt.wantAt {
				t.Errorf("Split(Points(%d)) = %d, %d; want %d, %d", tt.params, c, r, tt.wantCurve, tt.wantAt)
			}
		})
	}
}

// TestHugeSpan checks axes for y = exp(100x), which reaches 1.7e308: the
// padded span stays finite, values map into [0, 1] without overflow, and
// the ticks are few and finite (Hi − Lo alone would be +Inf).
func TestHugeSpan(t *testing.T) {
	s := Span{Lo: 0, Hi: 1.73e308, OK: true}.Pad(0.12)
	if math.IsInf(s.Lo, 0) || math.IsInf(s.Hi, 0) || s.Lo >= 0 || s.Hi < 1.73e308 {
		t.Fatalf("Pad(0.12) = %+v, want finite ends around [0, 1.73e308]", s)
	}
	for _, v := range []float64{0, 1e300, 1.73e308} {
		if f := s.Frac(v); !(f > 0 && f < 1) {
			t.Errorf("Frac(%g) = %v, want inside (0, 1)", v, f)
		}
	}
	ticks := Ticks(s.Lo, s.Hi, 9)
	if len(ticks) < 2 || len(ticks) > 9 {
		t.Errorf("Ticks(%g, %g, 9) = %v, want 2 to 9 ticks", s.Lo, s.Hi, ticks)
	}
	for _, v := range ticks {
		if math.IsInf(v, 0) || math.IsNaN(v) {
			t.Errorf("tick %v is not finite", v)
		}
	}
}
