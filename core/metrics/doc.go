// Package metrics measures how well predictions match targets: mean squared
// error, root mean squared error, mean absolute error, mean absolute
// percentage error and the coefficient of determination R², collected in a
// [Report] by [Evaluate]. [LineR2] gives the R² of the best straight line, a
// baseline a network should beat.
//
// Everything is float64 and no field of a Report is ever NaN or ±Inf: rows
// with a non-finite prediction or target are left out and counted, sums too
// large for float64 saturate at math.MaxFloat64, and undefined values (R² of
// one point, or of a constant target) are reported as undefined with a note
// instead of a number.
package metrics
