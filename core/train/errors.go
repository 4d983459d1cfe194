package train

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Errors returned by this package wrap one of them, so
// callers can test with errors.Is.
var (
	// ErrInvalidConfig is wrapped by every [FieldError] from [Config.Validate].
	ErrInvalidConfig = errors.New("train: invalid config")
	// ErrModelTooBig is wrapped when a model has more than nn.MaxParams
	// weights and biases, too many to train in a browser tab.
	ErrModelTooBig = errors.New("train: model too big")
	// ErrTooFewRows is wrapped when the data cannot give a training row.
	ErrTooFewRows = errors.New("train: too few rows")
	// ErrBadData is wrapped when x or y holds NaN or ±Inf, or when x and y
	// differ in length.
	ErrBadData = errors.New("train: bad data")
	// ErrDiverged is wrapped by [DivergedError]: the loss became NaN or
	// infinite, or training collapsed.
	ErrDiverged = errors.New("train: training diverged")
)

// FieldError reports one bad [Config] field. It wraps [ErrInvalidConfig],
// and [ErrModelTooBig] when the model is too big.
type FieldError struct {
	Field string // Go name of the field, e.g. "BatchSize" or "Model"
	Name  string // words used in the message, e.g. "batch size"
	Value string // the value as given
	Want  string // the allowed range, e.g. "at least 1"
	Err   error  // an underlying error (from nn), or nil

	sentinel error // an extra sentinel to wrap, such as ErrModelTooBig
}

// Error reads like "train: batch size -1, want at least 1".
func (e *FieldError) Error() string {
	if e.Want == "" && e.Err != nil {
		return "train: " + e.Name + ": " + e.Err.Error()
	}
	return fmt.Sprintf("train: %s %s, want %s", e.Name, e.Value, e.Want)
}

// Unwrap returns ErrInvalidConfig, the underlying error if any, and
// ErrModelTooBig for an oversized model.
func (e *FieldError) Unwrap() []error {
	errs := []error{ErrInvalidConfig}
	if e.Err != nil {
		errs = append(errs, e.Err)
	}
	if e.sentinel != nil {
		errs = append(errs, e.sentinel)
	}
	return errs
}

// DivergedError says where training diverged and what to try. It wraps
// [ErrDiverged].
type DivergedError struct {
	Epoch        int     // 1-based epoch in which it happened
	Batch        int     // 1-based batch (L-BFGS: evaluation) in that epoch; 0 when found at the epoch's end
	LearningRate float64 // learning rate in use (0 for L-BFGS)
	Loss         float64 // the offending loss: NaN, ±Inf or the collapsed epoch loss
	Collapsed    bool    // true when the loss stayed finite but training collapsed
	What         string  // what happened, e.g. "loss became NaN"
	Hint         string  // what to try, e.g. "try a learning rate of 0.0001 (10× lower)"
	RetryRate    float64 // the learning rate Hint suggests ([RetryRate]); 0 for L-BFGS
}

// Error reads like "train: loss became NaN at epoch 1, batch 3 (learning
// rate 0.001); weights restored from the start of epoch 1; try ...".
func (e *DivergedError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "train: %s at epoch %d", e.What, e.Epoch)
	if e.Batch > 0 {
		fmt.Fprintf(&b, ", batch %d", e.Batch)
	}
	if e.LearningRate > 0 {
		fmt.Fprintf(&b, " (learning rate %g)", e.LearningRate)
	}
	fmt.Fprintf(&b, "; weights restored from the start of epoch %d", e.Epoch)
	if e.Hint != "" {
		b.WriteString("; ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Unwrap returns [ErrDiverged].
func (e *DivergedError) Unwrap() error { return ErrDiverged }
