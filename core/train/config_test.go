package train

import (
	"errors"
	"math"
	"strings"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
)

func TestValidateZeroValue(t *testing.T) {
	if err := (Config{}).Validate(); err != nil {
		t.Fatalf("zero Config: %v, want nil", err)
	}
	for _, p := range []string{"sine", "poly"} {
		if err := Recommended(p).Validate(); err != nil {
			t.Errorf("Recommended(%q): %v", p, err)
		}
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(c *Config)
		field string // FieldError.Field expected
		words string // substring of the message
	}{
		{"negative learning rate", func(c *Config) { c.LearningRate = -1 }, "LearningRate", "learning rate -1, want a value in [0, 10]"},
		{"huge learning rate", func(c *Config) { c.LearningRate = 11 }, "LearningRate", "learning rate 11"},
		{"NaN learning rate", func(c *Config) { c.LearningRate = math.NaN() }, "LearningRate", "NaN"},
		{"momentum 1", func(c *Config) { c.Momentum = 1 }, "Momentum", "momentum 1, want a value in [0, 1)"},
		{"beta1", func(c *Config) { c.Beta1 = 1.5 }, "Beta1", "beta1 1.5"},
		{"beta2", func(c *Config) { c.Beta2 = -0.1 }, "Beta2", "beta2 -0.1"},
		{"epsilon", func(c *Config) { c.Epsilon = 2 }, "Epsilon", "epsilon 2"},
		{"rho", func(c *Config) { c.Rho = 1 }, "Rho", "rho 1"},
		{"val fraction", func(c *Config) { c.ValFraction = 0.95 }, "ValFraction", "validation fraction 0.95, want a value in [0, 0.9]"},
		{"period", func(c *Config) { c.Features.Period = math.Inf(1) }, "Features.Period", "feature period +Inf"},
		{"batch size", func(c *Config) { c.BatchSize = -1 }, "BatchSize", "batch size -1, want a whole number in [0, 1000000]"},
		{"epochs", func(c *Config) { c.Epochs = MaxEpochs + 1 }, "Epochs", "epochs 100001"},
		{"patience", func(c *Config) { c.Patience = -2 }, "Patience", "patience -2"},
		{"optimizer", func(c *Config) { c.Optimizer = "adagrad" }, "Optimizer", `optimizer "adagrad"`},
		{"loss", func(c *Config) { c.Loss = nn.Loss(7) }, "Loss", "loss 7, want mse, mae or huber"},
		{"split", func(c *Config) { c.Split = data.SplitKind(5) }, "Split", "split 5"},
		{"schedule", func(c *Config) { c.Schedule = "linear" }, "Schedule", `schedule "linear"`},
		{"units", func(c *Config) { c.Model.Hidden = dense(nn.ReLU, 0) }, "Model", "model: nn:"},
		{"dropout", func(c *Config) { c.Model.Dropout = 1 }, "Model", "dropout"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := Config{}
			tc.edit(&c)
			err := c.Validate()
			if !errors.Is(err, ErrInvalidConfig) {
				t.Fatalf("Validate() = %v, want an error wrapping ErrInvalidConfig", err)
			}
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tc.field {
				t.Errorf("Validate() = %v, want a FieldError for %s", err, tc.field)
			}
			if !strings.Contains(err.Error(), tc.words) {
				t.Errorf("Validate() = %q, want it to contain %q", err, tc.words)
			}
		})
	}
}

func TestValidateReportsEveryField(t *testing.T) {
	c := Config{BatchSize: -1, Epochs: -1, LearningRate: -1}
	err := c.Validate()
	for _, want := range []string{"batch size", "epochs", "learning rate"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate() = %q, want it to mention %q", err, want)
		}
	}
}

func TestValidateModelTooBig(t *testing.T) {
	// 1 → 4096 → 4096 → 1 has 2·4096 + 4097·4096 + 4097 = 16,793,601
	// weights and biases, over nn.MaxParams (5 million).
	c := Config{Model: nn.Spec{Hidden: dense(nn.ReLU, 4096, 4096)}}
	err := c.Validate()
	if !errors.Is(err, ErrModelTooBig) || !errors.Is(err, ErrInvalidConfig) {
		t.Fatalf("Validate() = %v, want ErrModelTooBig and ErrInvalidConfig", err)
	}
	if !strings.Contains(err.Error(), "16793601 weights") || !strings.Contains(err.Error(), "browser") {
		t.Errorf("Validate() = %q, want the count and the browser limit", err)
	}
	if _, err := New(c, sineSet(10, 1)); !errors.Is(err, ErrModelTooBig) {
		t.Errorf("New() = %v, want ErrModelTooBig", err)
	}
}

func TestScheduledRate(t *testing.T) {
	cases := []struct {
		schedule string
		e, n     int
		want     float64
	}{
		{"", 7, 10, 0.1},
		{"step", 0, 100, 0.1},
		{"step", 24, 100, 0.1},
		{"step", 25, 100, 0.05},   // one quarter: halved
		{"step", 99, 100, 0.0125}, // three quarters: halved three times
		{"exp", 0, 10, 0.1},
		{"exp", 5, 10, 0.01}, // 0.1·0.01^0.5
		{"cosine", 0, 10, 0.1},
		{"cosine", 5, 10, 0.05}, // ½(1 + cos π/2)
		{"step", 3, 2, 0.0125},  // n/4 = 0 → halve every epoch
	}
	for _, tc := range cases {
		got := scheduledRate(tc.schedule, 0.1, tc.e, tc.n)
		if math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("scheduledRate(%q, 0.1, %d, %d) = %g, want %g", tc.schedule, tc.e, tc.n, got, tc.want)
		}
	}
}

func TestRoundRate(t *testing.T) {
	for _, tc := range []struct{ in, want float64 }{{0.0003, 0.0003}, {0.1 / 10, 0.01}, {0.00012345, 0.00012}} {
		if got := roundRate(tc.in); math.Abs(got-tc.want) > 1e-15 {
			t.Errorf("roundRate(%g) = %g, want %g", tc.in, got, tc.want)
		}
	}
}
