package view

import "math"

// Ticks returns "nice" axis tick values inside [lo, hi]: multiples of the
// smallest step of 1, 2 or 5 times a power of ten that gives at most n of
// them (after Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990).
// It returns nil when the range is empty, reversed or not finite, or n < 2.
func Ticks(lo, hi float64, n int) []float64 {
	if n < 2 || !(hi > lo) || math.IsInf(hi/2-lo/2, 0) { // halves: [−1e308, 1e308] works
		return nil
	}
	step := niceStep(lo, hi, n)
	if step == 0 || math.IsInf(step, 0) {
		return nil
	}
	first := math.Ceil(lo/step) * step
	var t []float64
	for i := 0; i <= n; i++ { // at most n ticks fit: niceStep chose step so

		v := first + float64(i)*step
		if math.IsInf(v, 0) || v > hi+step*1e-9 {
			break
		}
		if math.Abs(v) < step*1e-9 {
			v = 0 // avoid printing -0 or 1e-17
		}
		t = append(t, v)
	}
	return t
}

// niceStep returns the smallest step of 1, 2 or 5 times a power of ten that
// puts at most n ticks inside [lo, hi].
func niceStep(lo, hi float64, n int) float64 {
	p := math.Pow(10, math.Floor(math.Log10((hi/2-lo/2)/float64(n)*2)))
	for _, m := range []float64{1, 2, 5, 10, 20, 50, 100} {
		step := m * p
		if math.Floor(hi/step)-math.Ceil(lo/step)+1 <= float64(n) {
			return step
		}
	}
	return 100 * p
}

// LogTicks returns the log10 of the tick values of a log axis spanning
// [10^lo, 10^hi], where lo and hi are log10 values as [Log10] returns: the
// powers of ten inside, every k-th decade when the range spans more than n
// of them. When fewer than two powers of ten fall inside, it adds 2× and 5×
// of each power (0.05, 0.1, 0.2; every k-th of them beyond n), and when
// even those give fewer than two ticks (a range within a factor of 2 or
// so) it uses [Ticks] of the values themselves, so an axis always has
// labels to read.
func LogTicks(lo, hi float64, n int) []float64 {
	if n < 1 || !(hi >= lo) || math.IsInf(hi-lo, 0) {
		return nil
	}
	first, last := math.Ceil(lo), math.Floor(hi)
	k := math.Max(1, math.Ceil((last-first+1)/float64(n)))
	var t []float64
	for e := first; e <= last; e += k {
		t = append(t, e)
	}
	if len(t) >= 2 {
		return t
	}
	t = t[:0]
	for e := math.Floor(lo); e <= hi; e++ {
		for _, m := range []float64{1, 2, 5} {
			// With a little slack: log10(0.05) and −2 + log10(5) differ in the last bit.
			if v := e + math.Log10(m); v >= lo-1e-12 && v <= hi+1e-12 {
				t = append(t, v)
			}
		}
	}
	if len(t) >= 2 {
		step := (len(t) + n - 1) / n // every step-th, at most n
		var kept []float64
		for i := 0; i < len(t); i += step {
			kept = append(kept, t[i])
		}
		return kept
	}
	t = t[:0]
	for _, v := range Ticks(math.Pow(10, lo), math.Pow(10, hi), min(n, 5)) {
		if v > 0 {
			t = append(t, math.Log10(v))
		}
	}
	return t
}

// TickLabels formats tick values with [Number], sig significant digits or
// as many more (up to 10) as it takes for neighbouring labels to differ:
// monthly ticks of 2020 read 2020, 2020.2, 2020.4 rather than 2020 three
// times. With log set the values are log10 of the quantity labelled.
func TickLabels(ticks []float64, sig int, log bool) []string {
	labels := make([]string, len(ticks))
	for digits := sig; ; digits++ {
		for i, v := range ticks {
			if log {
				v = math.Pow(10, v)
			}
			labels[i] = Number(v, digits)
		}
		if digits >= 10 || distinct(labels) {
			return labels
		}
	}
}

// distinct reports whether no two neighbouring labels are equal.
func distinct(labels []string) bool {
	for i := 1; i < len(labels); i++ {
		if labels[i] == labels[i-1] {
			return false
		}
	}
	return true
}
