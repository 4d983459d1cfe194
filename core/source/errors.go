package source

import "errors"

// Errors returned by [Load], wrapped with details; test with errors.Is.
// Errors from core/formula ([*formula.Error]) and core/table come back
// wrapped too, so errors.As and errors.Is find them.
var (
	// ErrNoText is returned for the CSV source when no table was given.
	ErrNoText = errors.New("source: no table loaded")
	// ErrUndefined is returned when a formula is undefined (NaN or
	// infinite) at so many samples that fewer than 2 remain.
	ErrUndefined = errors.New("source: too few defined samples")
)

// ErrConstantY is returned when a formula gives the same y at every
// sample, for which R² is undefined. (A table with a constant y returns
// core/table's ErrConstantY.)
var ErrConstantY = errors.New("source: y is constant")
