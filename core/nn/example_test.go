package nn_test

import (
	"fmt"

	"netfit/core/data"
	"netfit/core/nn"
)

// A network with two ReLU units can represent y = relu(x) − relu(−x) = x.
// Here the weights are set by hand through the Dense views.
func ExampleMLP_Predict() {
	spec := nn.Spec{Hidden: []nn.Layer{{Units: 2, Activation: nn.ReLU}}}
	m, err := nn.New(spec, data.NewRand(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	d := m.Dense()
	// Hidden units relu(x) and relu(−x); the output is their difference.
	copy(d[0].W, []float32{1, -1})
	copy(d[1].W, []float32{1, -1})

	pred := make([]float32, 3)
	m.Predict(pred, []float32{-2, 0.5, 3}, 3)
	fmt.Println(spec.NumParams(), "parameters:", pred)
	// Output: 7 parameters: [-2 0.5 3]
}

// One training step by hand: forward, loss and its gradient, backward, and a
// plain gradient-descent update (package optim does this in netfit).
func ExampleMLP_Backward() {
	spec := nn.Spec{Hidden: []nn.Layer{{Units: 8, Activation: nn.Tanh}}}
	m, _ := nn.New(spec, data.NewRand(2))
	x := []float32{-1, -0.5, 0, 0.5, 1}
	y := []float32{1, 0.25, 0, 0.25, 1} // y = x²
	grad := make([]float32, len(x))

	for step := range 301 {
		loss := nn.MSE.Eval(grad, m.Forward(x, len(x), true, nil), y)
		m.Backward(grad)
		for i, g := range m.Grads {
			m.Params[i] -= 0.2 * g
		}
		if step%100 == 0 {
			fmt.Printf("step %d: loss %.3f\n", step, loss)
		}
	}
	// Output:
	// step 0: loss 0.448
	// step 100: loss 0.160
	// step 200: loss 0.010
	// step 300: loss 0.002
}

func ExampleSpec_Validate() {
	spec := nn.Spec{Hidden: []nn.Layer{{Units: 64, Activation: nn.ReLU}, {Units: 0}}}
	fmt.Println(spec.Validate())
	// Output: nn: number of units out of range: Hidden[1].Units = 0, want 1 to 4096
}

func ExampleLoss_Eval() {
	pred := []float32{2, -1, 0.5}
	target := []float32{1, 2, 0}
	grad := make([]float32, 3)
	for _, l := range []nn.Loss{nn.MSE, nn.MAE, nn.Huber} {
		loss := l.Eval(grad, pred, target)
		fmt.Printf("%-5s %.4f %.4f\n", l, loss, grad)
	}
	// Output:
	// mse   3.4167 [0.6667 -2.0000 0.3333]
	// mae   1.5000 [0.3333 -0.3333 0.3333]
	// huber 1.0417 [0.3333 -0.3333 0.1667]
}

func ExampleActivation_Range() {
	for _, a := range []nn.Activation{nn.ReLU, nn.Tanh, nn.SELU, nn.GELU} {
		lo, hi := a.Range()
		fmt.Printf("%s [%.4f, %v]\n", a, lo, hi)
	}
	// Output:
	// relu [0.0000, +Inf]
	// tanh [-1.0000, 1]
	// selu [-1.7581, +Inf]
	// gelu [-0.1700, +Inf]
}
