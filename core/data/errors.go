package data

import "errors"

// ErrUnknownSplitKind is returned by [ParseSplitKind] for a name other than
// "random" or "last".
var ErrUnknownSplitKind = errors.New(`data: unknown split kind, want "random" or "last"`)
