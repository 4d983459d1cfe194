package nn

import (
	"errors"
	"math"
	"testing"
)

// TestLossGradient compares Eval's gradient with central differences of the
// mean loss computed in float64 with h = 1e-4. The losses are piecewise
// quadratic and no error lies within h of a kink (MAE at 0, Huber at ±1),
// so the difference is exact up to rounding; the gradient itself is
// float32, hence the relative tolerance 1e-5.
func TestLossGradient(t *testing.T) {
	pred := []float32{0.5, -1.25, 3, 0.125, -4, 2.5}
	target := []float32{0, 0.5, 1, 0.5, -1, 2.75}
	for _, l := range []Loss{MSE, MAE, Huber} {
		t.Run(l.String(), func(t *testing.T) {
			grad := make([]float32, len(pred))
			l.Eval(grad, pred, target)
			for i := range pred {
				fd := numericLossGrad(l, pred, target, i, 1e-4)
				if !close64(float64(grad[i]), fd, 1e-5) {
					t.Errorf("dL/dpred[%d] = %v, want %v", i, grad[i], fd)
				}
			}
		})
	}
}

// numericLossGrad is the central difference of the mean loss in pred[i],
// computed in float64.
func numericLossGrad(l Loss, pred, target []float32, i int, h float64) float64 {
	eval := func(d float64) float64 {
		sum := 0.0
		for j := range pred {
			p := float64(pred[j])
			if j == i {
				p += d
			}
			sum += losses[l].f(p - float64(target[j]))
		}
		return sum / float64(len(pred))
	}
	return (eval(h) - eval(-h)) / (2 * h)
}

// TestLossValues checks Eval against values worked by hand for the errors
// e = (1, −3, 0.5): MSE (1+9+0.25)/3, MAE 4.5/3, Huber (0.5+2.5+0.125)/3.
func TestLossValues(t *testing.T) {
	pred := []float32{2, -1, 0.5}
	target := []float32{1, 2, 0}
	cases := []struct {
		l    Loss
		want float64
		grad []float64
	}{
		{MSE, 10.25 / 3, []float64{2.0 / 3, -6.0 / 3, 1.0 / 3}},
		{MAE, 4.5 / 3, []float64{1.0 / 3, -1.0 / 3, 1.0 / 3}},
		{Huber, 3.125 / 3, []float64{1.0 / 3, -1.0 / 3, 0.5 / 3}},
	}
	for _, c := range cases {
		grad := make([]float32, 3)
		if got := c.l.Eval(grad, pred, target); !close64(got, c.want, 1e-12) {
			t.Errorf("%v: loss %v, want %v", c.l, got, c.want)
		}
		for i, g := range grad {
			if !close64(float64(g), c.grad[i], 1e-6) {
				t.Errorf("%v: grad[%d] = %v, want %v", c.l, i, g, c.grad[i])
			}
		}
		if got := c.l.Eval(nil, pred, target); !close64(got, c.want, 1e-12) {
			t.Errorf("%v with nil grad: loss %v, want %v", c.l, got, c.want)
		}
	}
	if got := MSE.Eval(nil, nil, nil); got != 0 {
		t.Errorf("MSE of no samples = %v, want 0", got)
	}
	if got := MAE.Eval([]float32{9}, []float32{1}, []float32{1}); got != 0 {
		t.Errorf("MAE at e = 0 = %v, want 0", got)
	}
}

// TestLossNames checks String and ParseLoss both ways.
func TestLossNames(t *testing.T) {
	for i, name := range []string{"mse", "mae", "huber"} {
		l := Loss(i)
		if l.String() != name {
			t.Errorf("Loss(%d).String() = %q, want %q", i, l.String(), name)
		}
		if got, err := ParseLoss(" " + name); err != nil || got != l {
			t.Errorf("ParseLoss(%q) = %v, %v, want %v", name, got, err, l)
		}
	}
	if _, err := ParseLoss("rmse"); !errors.Is(err, ErrLoss) {
		t.Errorf("ParseLoss(rmse) error = %v, want ErrLoss", err)
	}
	if got := Loss(7).String(); got != "Loss(7)" {
		t.Errorf("Loss(7).String() = %q", got)
	}
}

// TestLossPanics checks the panics that Eval promises.
func TestLossPanics(t *testing.T) {
	two := []float32{1, 2}
	mustPanic(t, "unknown loss", func() { Loss(9).Eval(nil, two, two) })
	mustPanic(t, "short target", func() { MSE.Eval(nil, two, two[:1]) })
	mustPanic(t, "short grad", func() { MSE.Eval(two[:1], two, two) })
	if math.IsNaN(MSE.Eval(nil, two[:1], two)) {
		t.Error("longer target: NaN")
	}
}
