package nn

import (
	"fmt"
	"math"
	"strings"
)

// Loss measures how far predictions are from targets. The zero value is
// [MSE].
type Loss int

// The losses, as Keras defines them, for the error e = prediction − target.
const (
	MSE   Loss = iota // mean of e²
	MAE               // mean of |e|
	Huber             // mean of e²/2 for |e| ≤ δ, else δ·(|e| − δ/2); δ = 1 as in Keras
	numLosses
)

// huberDelta is δ of the Huber loss (Huber, Ann. Math. Statist. 35(1),
// 1964, §2), Keras's default.
const huberDelta = 1.0

// lossFuncs holds one loss for a single error e: its value and its
// derivative with respect to the prediction.
type lossFuncs struct {
	name string
	f    func(e float64) float64
	df   func(e float64) float64
}

// losses is indexed by Loss. Each f sits next to its f'.
var losses = [numLosses]lossFuncs{
	MSE: {"mse",
		func(e float64) float64 { return e * e },
		func(e float64) float64 { return 2 * e }},
	MAE: {"mae",
		math.Abs,
		func(e float64) float64 { return sign(e) }}, // 0 at e = 0, as TensorFlow
	Huber: {"huber",
		func(e float64) float64 {
			if a := math.Abs(e); a > huberDelta {
				return huberDelta * (a - huberDelta/2)
			}
			return e * e / 2
		},
		func(e float64) float64 { return max(-huberDelta, min(e, huberDelta)) }},
}

// sign returns −1, 0 or 1.
func sign(e float64) float64 {
	switch {
	case e > 0:
		return 1
	case e < 0:
		return -1
	}
	return 0
}

// String returns the Keras name of l ("mse", "mae", "huber"), or "Loss(n)"
// for an unknown value.
func (l Loss) String() string {
	if l < 0 || l >= numLosses {
		return fmt.Sprintf("Loss(%d)", int(l))
	}
	return losses[l].name
}

// ParseLoss returns the loss named s (see [Loss.String]); case and
// surrounding spaces are ignored. An unknown name gives an error wrapping
// [ErrLoss].
func ParseLoss(s string) (Loss, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for i, fs := range losses {
		if fs.name == name {
			return Loss(i), nil
		}
	}
	return 0, fmt.Errorf("%w %q, want one of mse, mae, huber", ErrLoss, s)
}

// Eval returns the mean loss over the len(pred) samples,
//
//	L = (1/N) Σ f(pred_i − target_i),
//
// and, unless grad is nil, writes dL/dpred_i = f'(pred_i − target_i)/N into
// grad[i]. It returns 0 for no samples. The sum runs in float64. Eval panics
// for an unknown loss, if target is shorter than pred, or if grad is neither
// nil nor at least as long as pred.
func (l Loss) Eval(grad, pred, target []float32) float64 {
	if l < 0 || l >= numLosses {
		panic(fmt.Sprintf("nn: unknown loss %d", int(l)))
	}
	if len(target) < len(pred) || (grad != nil && len(grad) < len(pred)) {
		panic(fmt.Sprintf("nn: Loss.Eval: %d predictions, %d targets and %d gradients",
			len(pred), len(target), len(grad)))
	}
	if len(pred) == 0 {
		return 0
	}

	fs := &losses[l]
	n := float64(len(pred))
	target = target[:len(pred)]
	sum := 0.0
	for i, p := range pred {
		e := float64(p) - float64(target[i])
		sum += fs.f(e)
		if grad != nil {
			grad[i] = float32(fs.df(e) / n)
		}
	}
	return sum / n
}
