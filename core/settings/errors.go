package settings

import "errors"

// Sentinel errors wrapped by [Settings.Validate].
var (
	// ErrData is wrapped when the data settings are out of range.
	ErrData = errors.New("settings: invalid data settings")
	// ErrDisplay is wrapped when a display flag is out of range.
	ErrDisplay = errors.New("settings: invalid display settings")
)
