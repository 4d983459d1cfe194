package train

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"netfit/core/data"
	"netfit/core/nn"
)

// Optimizer names accepted in [Config.Optimizer].
const (
	Adam    = "adam"
	SGD     = "sgd"
	RMSprop = "rmsprop"
	LBFGS   = "lbfgs"
)

// Learning-rate schedules accepted in [Config.Schedule].
const (
	ScheduleConstant = ""       // the learning rate never changes; "constant" is accepted too
	ScheduleStep     = "step"   // halve every quarter of the epochs
	ScheduleExp      = "exp"    // fall smoothly to 1% of the start by the last epoch
	ScheduleCosine   = "cosine" // half a cosine from the start down to 0
)

// Defaults filled in for zero fields, and the limits [Config.Validate] checks.
const (
	DefaultBatchSize = 32 // Keras' default batch size
	DefaultEpochs    = 1  // Keras' default number of epochs

	MaxBatchSize    = 1_000_000
	MaxEpochs       = 100_000
	MaxLearningRate = 10.0
	MaxValFraction  = 0.9
	MaxPatience     = MaxEpochs
)

// Config is everything that decides a training run; with the same Config
// and data the run is the same, natively and in WebAssembly. The zero value
// trains a linear model (no hidden layers) with Adam for one epoch.
type Config struct {
	Model    nn.Spec       // the network; Inputs is set from Features by the trainer
	Features data.Features // extra inputs computed from x; none by default

	// Optimizer is "adam" (also ""), "sgd", "rmsprop" or "lbfgs" (full
	// batch; one epoch is 20 L-BFGS iterations; no dropout).
	Optimizer string
	// LearningRate is the optimizer's step size; 0 means the optimizer's
	// default (Adam and RMSprop 0.001, SGD 0.01). L-BFGS ignores it.
	LearningRate float64
	Momentum     float64 // SGD momentum in [0, 1); 0 by default
	Nesterov     bool    // SGD Nesterov momentum; false by default
	Beta1        float64 // Adam β₁ in [0, 1); 0 means 0.9
	Beta2        float64 // Adam β₂ in [0, 1); 0 means 0.999
	Epsilon      float64 // Adam and RMSprop ε in [0, 1]; 0 means 1e-7
	Rho          float64 // RMSprop ρ in [0, 1); 0 means 0.9

	Loss      nn.Loss // MSE by default
	BatchSize int     // rows per step; 0 means 32; more than the training rows is clamped, with a note
	Epochs    int     // passes over the training rows; 0 means 1

	ValFraction float64        // share of rows held out for validation, [0, 0.9]; 0 by default
	Split       data.SplitKind // which rows are held out; random by default
	ScaleX      bool           // standardize every input column on the training rows
	ScaleY      bool           // standardize the targets on the training rows

	// Patience stops training after this many epochs without a lower
	// validation loss (training loss when there are no validation rows);
	// 0 turns early stopping off.
	Patience int
	// RestoreBest puts back the weights of the epoch with the lowest
	// monitored loss when training ends, as Keras' EarlyStopping does.
	RestoreBest bool
	// Schedule changes the learning rate at the start of each epoch: "" or
	// "constant", "step", "exp" or "cosine".
	Schedule string
	// Seed decides the split, the initial weights, the batch order and the
	// dropout masks.
	Seed uint64
}

// withDefaults returns c with zero fields replaced by their defaults.
func (c Config) withDefaults() Config {
	c.Optimizer = strings.ToLower(strings.TrimSpace(c.Optimizer))
	if c.Optimizer == "" {
		c.Optimizer = Adam
	}
	if c.Schedule == "constant" {
		c.Schedule = ScheduleConstant
	}
	if c.BatchSize == 0 {
		c.BatchSize = DefaultBatchSize
	}
	if c.Epochs == 0 {
		c.Epochs = DefaultEpochs
	}
	if c.LearningRate == 0 {
		c.LearningRate = DefaultLearningRate(c.Optimizer)
	}
	c.Model.Inputs = c.Features.Count()
	return c
}

// DefaultLearningRate returns the learning rate an optimizer uses when
// [Config.LearningRate] is 0: Keras' defaults, 0.01 for SGD, 0.001 for Adam
// and RMSprop, and 0 for L-BFGS, which has none.
func DefaultLearningRate(optimizer string) float64 {
	switch strings.ToLower(strings.TrimSpace(optimizer)) {
	case SGD:
		return 0.01
	case LBFGS:
		return 0
	}
	return 0.001
}

// EffectiveLearningRate returns the starting learning rate of c, its
// optimizer's default when LearningRate is 0.
func (c Config) EffectiveLearningRate() float64 {
	return c.withDefaults().LearningRate
}

// EffectiveEpochs returns the number of epochs c asks for, 1 when Epochs is 0.
func (c Config) EffectiveEpochs() int { return c.withDefaults().Epochs }

// Validate checks every field and returns nil or the problems joined with
// errors.Join, each a [*FieldError] that names the field, the value and the
// allowed range. A model with more than nn.MaxParams weights and biases is
// refused with an error that also wraps [ErrModelTooBig].
func (c Config) Validate() error {
	var errs []error
	add := func(e *FieldError) {
		if e != nil {
			errs = append(errs, e)
		}
	}

	add(c.validateModel())
	add(c.validateOptimizer())
	add(checkRange("LearningRate", "learning rate", c.LearningRate, 0, MaxLearningRate, true))
	add(checkRange("Momentum", "momentum", c.Momentum, 0, 1, false))
	add(checkRange("Beta1", "beta1", c.Beta1, 0, 1, false))
	add(checkRange("Beta2", "beta2", c.Beta2, 0, 1, false))
	add(checkRange("Epsilon", "epsilon", c.Epsilon, 0, 1, true))
	add(checkRange("Rho", "rho", c.Rho, 0, 1, false))
	add(checkRange("ValFraction", "validation fraction", c.ValFraction, 0, MaxValFraction, true))
	add(checkRange("Features.Period", "feature period", c.Features.Period, 0, math.MaxFloat64, true))
	add(checkInt("BatchSize", "batch size", c.BatchSize, 0, MaxBatchSize))
	add(checkInt("Epochs", "epochs", c.Epochs, 0, MaxEpochs))
	add(checkInt("Patience", "patience", c.Patience, 0, MaxPatience))
	add(c.validateEnums())
	return errors.Join(errs...)
}

// validateModel checks the network, with Inputs taken from Features, and
// its size against nn.MaxParams.
func (c Config) validateModel() *FieldError {
	spec := c.Model
	spec.Inputs = c.Features.Count()
	err := spec.Validate()
	if err == nil || errors.Is(err, nn.ErrTooLarge) {
		if n := spec.NumParams(); n > nn.MaxParams {
			return &FieldError{
				Field: "Model", Name: "model size",
				Value: fmt.Sprintf("%d weights and biases", n),
				Want: fmt.Sprintf("at most %d, the most a browser tab can train; "+
					"use fewer or narrower layers", nn.MaxParams),
				Err: err, sentinel: ErrModelTooBig,
			}
		}
	}
	if err != nil {
		return &FieldError{Field: "Model", Name: "model", Err: err}
	}
	if c.Model.Dropout > 0 && c.withDefaults().Optimizer == LBFGS {
		return &FieldError{
			Field: "Model.Dropout", Name: "dropout with lbfgs",
			Value: fmt.Sprint(c.Model.Dropout),
			Want:  "0 (L-BFGS needs a deterministic loss; use adam for dropout)",
		}
	}
	return nil
}

// validateOptimizer checks the optimizer name.
func (c Config) validateOptimizer() *FieldError {
	switch c.withDefaults().Optimizer {
	case Adam, SGD, RMSprop, LBFGS:
		return nil
	}
	return &FieldError{Field: "Optimizer", Name: "optimizer", Value: fmt.Sprintf("%q", c.Optimizer),
		Want: `one of "adam", "sgd", "rmsprop", "lbfgs"`}
}

// validateEnums checks the loss, the split kind and the schedule.
func (c Config) validateEnums() *FieldError {
	if c.Loss != nn.MSE && c.Loss != nn.MAE && c.Loss != nn.Huber {
		return &FieldError{Field: "Loss", Name: "loss", Value: fmt.Sprint(int(c.Loss)),
			Want: "mse, mae or huber"}
	}
	if c.Split != data.SplitRandom && c.Split != data.SplitLast {
		return &FieldError{Field: "Split", Name: "split", Value: fmt.Sprint(int(c.Split)),
			Want: "random or last"}
	}
	switch c.withDefaults().Schedule {
	case ScheduleConstant, ScheduleStep, ScheduleExp, ScheduleCosine:
		return nil
	}
	return &FieldError{Field: "Schedule", Name: "schedule", Value: fmt.Sprintf("%q", c.Schedule),
		Want: `one of "constant", "step", "exp", "cosine"`}
}

// checkRange checks lo ≤ v ≤ hi (v < hi when closed is false) and that v is
// finite.
func checkRange(field, name string, v, lo, hi float64, closed bool) *FieldError {
	ok := v >= lo && (v < hi || closed && v <= hi) && !math.IsInf(v, 0)
	if ok {
		return nil
	}
	want := fmt.Sprintf("a value in [%g, %g)", lo, hi)
	if closed {
		want = fmt.Sprintf("a value in [%g, %g]", lo, hi)
	}
	if hi == math.MaxFloat64 {
		want = fmt.Sprintf("a finite value of at least %g", lo)
	}
	return &FieldError{Field: field, Name: name, Value: fmt.Sprint(v), Want: want}
}

// checkInt checks lo ≤ v ≤ hi.
func checkInt(field, name string, v, lo, hi int) *FieldError {
	if v >= lo && v <= hi {
		return nil
	}
	return &FieldError{Field: field, Name: name, Value: fmt.Sprint(v),
		Want: fmt.Sprintf("a whole number in [%d, %d]", lo, hi)}
}
