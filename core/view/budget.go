package view

import "time"

// Budget decides when a costly side job (recomputing the prediction curve
// and the predictions at the data's x) may run, so that it takes at most
// Share of the time. For the tutorial's sine model (about 1.45 million
// weights) one prediction pass over 1,300 points costs as much as several
// training batches; recomputing it ten times a second would stall training.
//
// The zero value allows the job whenever at least Interval (default
// 100 ms) has passed, with Share 0.2.
type Budget struct {
	Share    float64       // largest fraction of time the job may use; 0 means 0.2
	Interval time.Duration // shortest time between runs; 0 means 100 ms

	last time.Time     // when the job last ran
	cost time.Duration // how long it took
}

// Due reports whether the job may run at now: it never ran, or the time
// since its last run is at least Interval and at least cost/Share.
func (b *Budget) Due(now time.Time) bool {
	if b.last.IsZero() {
		return true
	}
	share, every := b.Share, b.Interval
	if share <= 0 {
		share = 0.2
	}
	if every <= 0 {
		every = 100 * time.Millisecond
	}
	wait := max(every, time.Duration(float64(b.cost)/share))
	return now.Sub(b.last) >= wait
}

// Ran records that the job started at start and took cost.
func (b *Budget) Ran(start time.Time, cost time.Duration) {
	b.last, b.cost = start, cost
}

// Reset forgets the last run, so the next [Budget.Due] is true.
func (b *Budget) Reset() { *b = Budget{Share: b.Share, Interval: b.Interval} }

// PredictionFlops is the work, in floating-point operations, one refresh of
// the prediction curve and points may take: about a tenth of a second in
// WebAssembly, so a pause request never waits long behind it.
const PredictionFlops = 150e6

// Points returns how many predictions one refresh can afford for a network
// of params weights and biases, each prediction costing about 2·params
// operations: at most CurvePoints+MaxPoints, at least 2·MinPoints.
func Points(params int) int {
	n := int(PredictionFlops / (2 * float64(max(params, 1))))
	return min(max(n, 2*MinPoints), CurvePoints+MaxPoints)
}

// MinPoints is the fewest grid points of a prediction curve.
const MinPoints = 60

// Split divides a prediction allowance (from [Points]) between the curve
// grid and the points at the data's x: the curve gets up to CurvePoints,
// the rest goes to the points, and each gets at least MinPoints.
func Split(points int) (curve, rows int) {
	curve = min(CurvePoints, max(MinPoints, points/2))
	rows = max(MinPoints, points-curve)
	return curve, rows
}
