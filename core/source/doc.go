// Package source turns the page's data settings, and the table a user
// pasted or uploaded, into the [data.Set] a network is trained on, with a
// [Report] that tells the user what was read and what was left out.
//
// There are three sources (see [settings.DataSettings]):
//
//   - a data preset, drawn with [data.Generate];
//   - a formula, compiled by core/formula and drawn the same way, with the
//     same sample count, noise and x range as a preset; samples where the
//     formula is undefined (NaN or infinite, as log(x) for x ≤ 0) are left
//     out and the report says how many and where;
//   - a CSV or TSV text, read by core/table: delimiter and header detected,
//     x and y chosen by column name, unusable rows dropped and reported.
//
// [Load] is the one entry point; the page calls it in the browser's main
// thread and sends the resulting x and y to the training worker, so the
// text is parsed once. [Recommended] picks the training setup for a
// source, and [Explain] turns any error of [Load] into a sentence for the
// page.
//
// The package sits above core/settings, core/formula and core/table and
// below the page; it draws nothing and keeps no state.
package source
