package nn

import "errors"

// Sentinel errors returned, wrapped with the offending value, by
// [Spec.Validate] and the Parse functions. Test for them with [errors.Is].
var (
	ErrInputs      = errors.New("nn: number of inputs out of range")
	ErrLayers      = errors.New("nn: number of hidden layers out of range")
	ErrUnits       = errors.New("nn: number of units out of range")
	ErrActivation  = errors.New("nn: unknown activation")
	ErrInitializer = errors.New("nn: unknown initializer")
	ErrDropout     = errors.New("nn: dropout rate out of range")
	ErrL2          = errors.New("nn: L2 factor out of range")
	ErrTooLarge    = errors.New("nn: too many parameters")
	ErrLoss        = errors.New("nn: unknown loss")
)
