// Package view turns a data set and a model's predictions into the series the
// page draws: a prediction curve on an evenly spaced grid (so unsorted data
// never draws a zig-zag, CASES B25), an even subsample of the points (so a
// large data set never floods a canvas, B27), the x ranges of the training
// rows, the validation rows and the extrapolation beyond them (B11, B12),
// residuals, "nice" axis ticks, a log scale for the loss chart, and numbers
// formatted for people, never as NaN or Infinity (B14).
//
// Everything here is plain arithmetic on float64 slices: the browser binding
// in wasm/ only maps the values it returns to pixels. The package also holds
// [Budget], which decides how often the trainer can afford to recompute the
// prediction curve of a large network without slowing training down.
package view
