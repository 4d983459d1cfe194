package settings

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"netfit/core/data"
	"netfit/core/nn"
	"netfit/core/train"
)

func TestFragmentRoundTrip(t *testing.T) {
	cases := map[string]Settings{"default": Default()}
	for _, p := range Presets() {
		s, _ := LookupPreset(p.Name)
		cases[p.Name] = s
	}
	custom := Default()
	custom.Data = DataSettings{Source: SourceFormula, Formula: "x^2 + 3*sin(x) - 1/(1+x^2)",
		N: 250, Noise: 0.25, XMin: -2.5, XMax: 7, Seed: 42}
	custom.Train.Model.Hidden = []nn.Layer{{Units: 8, Activation: nn.ReLU}, {Units: 3, Activation: nn.Sin}}
	custom.Train.Features = data.Features{Square: true, Period: 6.283185307179586}
	custom.Train.Optimizer, custom.Train.Momentum, custom.Train.Nesterov = "sgd", 0.9, true
	custom.Train.Seed = 7
	custom.Train.Schedule = "cosine"
	custom.Embed, custom.Hide, custom.ShowPoints = true, []string{"model", "training"}, true
	cases["custom"] = custom
	csv := Default()
	csv.Data.Source, csv.Data.XCol, csv.Data.YCol = SourceCSV, "time & place", "größe=%"
	csv.Train.Model.Hidden = nil
	cases["csv, no hidden layers"] = csv

	for name, s := range cases {
		t.Run(name, func(t *testing.T) {
			frag := s.Fragment()
			got, problems := ParseFragment(frag, Default())
			if len(problems) > 0 {
				t.Errorf("ParseFragment(%q) problems: %v", frag, problems)
			}
			if !reflect.DeepEqual(got, s.normalize()) {
				t.Errorf("ParseFragment(%q) =\n%+v\nwant\n%+v", frag, got, s)
			}
		})
	}
}

func TestParseFragmentValues(t *testing.T) {
	tests := []struct {
		name, frag string
		check      func(s Settings) bool
	}{
		{"empty keeps base", "", func(s Settings) bool { return reflect.DeepEqual(s, twoLayerBase()) }},
		{"hash and order", "#lr=0.05&n=200", func(s Settings) bool {
			return s.Train.LearningRate == 0.05 && s.Data.N == 200
		}},
		{"data preset sets its defaults", "data=poly", func(s Settings) bool {
			return s.Data.Preset == "poly" && s.Data.N == 500 && s.Data.Noise == 2
		}},
		{"n after data wins, whatever the written order", "n=123&data=poly", func(s Settings) bool {
			return s.Data.Preset == "poly" && s.Data.N == 123
		}},
		{"x range moved together", "xmin=20&xmax=30", func(s Settings) bool {
			return s.Data.XMin == 20 && s.Data.XMax == 30
		}},
		{"formula with plus and spaces", "data=formula&f=x^2%20%2B%201", func(s Settings) bool {
			return s.Data.Source == SourceFormula && s.Data.Formula == "x^2 + 1"
		}},
		{"literal plus is a plus", "data=formula&f=x^2+1", func(s Settings) bool {
			return s.Data.Formula == "x^2+1"
		}},
		{"seed sets both seeds", "seed=9", func(s Settings) bool {
			return s.Data.Seed == 9 && s.Train.Seed == 9
		}},
		{"trainseed after seed", "trainseed=3&seed=9", func(s Settings) bool {
			return s.Data.Seed == 9 && s.Train.Seed == 3
		}},
		{"layers keep their activation, new ones take the last", "layers=5,6,7", func(s Settings) bool {
			return reflect.DeepEqual(s.Train.Model.Hidden, []nn.Layer{
				{Units: 5, Activation: nn.Tanh}, {Units: 6, Activation: nn.Tanh}, {Units: 7, Activation: nn.Tanh}})
		}},
		{"act for all", "layers=5,6&act=relu", func(s Settings) bool {
			return reflect.DeepEqual(s.Train.Model.Hidden, []nn.Layer{
				{Units: 5, Activation: nn.ReLU}, {Units: 6, Activation: nn.ReLU}})
		}},
		{"acts per layer", "layers=5,6&acts=sin,gelu", func(s Settings) bool {
			return reflect.DeepEqual(s.Train.Model.Hidden, []nn.Layer{
				{Units: 5, Activation: nn.Sin}, {Units: 6, Activation: nn.GELU}})
		}},
		{"no hidden layers", "layers=none", func(s Settings) bool { return s.Train.Model.Hidden == nil }},
		{"features", "feat=x3,sin6.5,x2", func(s Settings) bool {
			return s.Train.Features == data.Features{Square: true, Cube: true, Period: 6.5}
		}},
		{"scale y only", "scale=y", func(s Settings) bool { return !s.Train.ScaleX && s.Train.ScaleY }},
		{"booleans", "nesterov=true&restore=1&points=on&embed=yes", func(s Settings) bool {
			return s.Train.Nesterov && s.Train.RestoreBest && s.ShowPoints && s.Embed
		}},
		{"zero learning rate means the default", "opt=sgd&lr=0", func(s Settings) bool {
			return s.Train.Optimizer == "sgd" && s.Train.LearningRate == 0.01
		}},
		{"case of names", "opt=RMSprop&loss=Huber&out=ReLU&split=LAST", func(s Settings) bool {
			return s.Train.Optimizer == "rmsprop" && s.Train.Loss == nn.Huber &&
				s.Train.Model.Output == nn.ReLU && s.Train.Split == data.SplitLast
		}},
		{"preset then changes", "preset=keras-sine&epochs=5", func(s Settings) bool {
			return s.Train.Epochs == 5 && s.Train.BatchSize == 200 && s.Preset == ""
		}},
		{"preset alone is kept", "preset=keras-poly", func(s Settings) bool {
			return s.Preset == "keras-poly" && s.Data.Preset == "poly"
		}},
		{"hide", "hide=model,training,model", func(s Settings) bool {
			return reflect.DeepEqual(s.Hide, []string{"model", "training"})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, problems := ParseFragment(tt.frag, twoLayerBase())
			if len(problems) > 0 {
				t.Errorf("ParseFragment(%q) problems: %v", tt.frag, problems)
			}
			if !tt.check(s) {
				t.Errorf("ParseFragment(%q) = %+v", tt.frag, s)
			}
			if err := s.Validate(); err != nil {
				t.Errorf("ParseFragment(%q) gave invalid settings: %v", tt.frag, err)
			}
		})
	}
}

// TestParseFragmentProblems checks that each bad value is reported, naming
// its key and value, and that the setting keeps the base's value.
func TestParseFragmentProblems(t *testing.T) {
	tests := []struct {
		frag, key string
	}{
		{"n=1000000000", "n"},
		{"n=-5", "n"},
		{"n=1e3", "n"},
		{"n=99999999999999999999999", "n"},
		{"noise=NaN", "noise"},
		{"noise=-1", "noise"},
		{"noise=Inf", "noise"},
		{"noise=1e400", "noise"},
		{"xmin=-Inf", "xmin"},
		{"xmin=20", "xmin"}, // 20 > xmax 15
		{"lr=-0.1", "lr"},
		{"lr=100", "lr"},
		{"lr=0x", "lr"},
		{"beta1=1", "beta1"},
		{"dropout=1", "dropout"},
		{"val=0.95", "val"},
		{"batch=0", "batch"},
		{"epochs=1000000000", "epochs"},
		{"layers=0", "layers"},
		{"layers=64,abc", "layers"},
		{"layers=5000", "layers"},
		{"layers=" + strings.Repeat("1,", 20) + "1", "layers"},
		{"layers=4096,4096,4096,4096", "layers"}, // 50 million weights
		{"acts=relu", "acts"},                    // two layers, one name
		{"act=softmax", "act"},
		{"out=cubic", "out"},
		{"init=ones", "init"},
		{"opt=lion", "opt"},
		{"loss=hinge", "loss"},
		{"split=middle", "split"},
		{"sched=warm", "sched"},
		{"scale=z", "scale"},
		{"feat=x4", "feat"},
		{"feat=sin0", "feat"},
		{"feat=sinNaN", "feat"},
		{"seed=-1", "seed"},
		{"seed=18446744073709551615", "seed"},
		{"data=mnist", "data"},
		{"data=formula&f=" + strings.Repeat("x", 2000), "f"},
		{"nesterov=maybe", "nesterov"},
		{"hide=everything", "hide"},
		{"preset=keras-cosine", "preset"},
		{"bogus=1", "bogus"},
		{"n=%zz", "n"},
		{"xcol=a%00b", "xcol"},
	}
	base := twoLayerBase()
	for _, tt := range tests {
		t.Run(tt.frag[:min(len(tt.frag), 40)], func(t *testing.T) {
			s, problems := ParseFragment(tt.frag, base)
			if err := s.Validate(); err != nil {
				t.Errorf("ParseFragment(%q) gave invalid settings: %v", tt.frag, err)
			}
			found := false
			for _, p := range problems {
				if p.Key == tt.key && strings.Contains(p.Message, tt.key) {
					found = true
				}
			}
			if !found {
				t.Errorf("ParseFragment(%q) problems %v, want one about %q", tt.frag, problems, tt.key)
			}
			if !reflect.DeepEqual(s.Train, base.Train) || s.Data.N != base.Data.N ||
				s.Data.Noise != base.Data.Noise || s.Data.XMin != base.Data.XMin {
				t.Errorf("ParseFragment(%q) changed settings:\n%+v\nbase\n%+v", tt.frag, s, base)
			}
		})
	}
}

// TestParseFragmentBadEncodingKeepsText: a formula with a stray % keeps
// its text (the formula box shows it with the parser's message) rather
// than falling back to the default data.
func TestParseFragmentBadEncodingKeepsText(t *testing.T) {
	s, problems := ParseFragment("f=x%ZZ&n=200", Default())
	if s.Data.Source != SourceFormula || s.Data.Formula != "x%ZZ" || s.Data.N != 200 {
		t.Errorf("settings %+v, want the formula x%%ZZ kept as written with n=200", s.Data)
	}
	if len(problems) != 1 || problems[0].Key != "f" ||
		!strings.Contains(problems[0].Message, "f=x%ZZ has a bad %-encoding") {
		t.Errorf("problems %v, want one saying f=x%%ZZ has a bad %%-encoding", problems)
	}
}

func TestParseFragmentMessages(t *testing.T) {
	_, problems := ParseFragment("noise=-1&n=1&n=2&xyz=3&N=50", Default())
	got := fmt.Sprint(problems)
	for _, want := range []string{
		`Unknown setting "N" (in N=50); it is ignored. Settings are lower case: write n=50.`,
		"noise=-1 is not allowed: the noise σ must be a number from 0 to 1e+06. Using 3.",
		"n is given more than once; the last value, 2, is used.",
		`Unknown setting "xyz"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("problems %s\nlack %q", got, want)
		}
	}
}

func TestParseFragmentTooLong(t *testing.T) {
	s, problems := ParseFragment("n=5&"+strings.Repeat("a", maxFragment), Default())
	if len(problems) != 1 || !reflect.DeepEqual(s, Default()) {
		t.Errorf("a fragment of %d bytes: problems %v, settings changed %v",
			maxFragment+4, problems, !reflect.DeepEqual(s, Default()))
	}
}

func TestParseFragmentInvalidBase(t *testing.T) {
	base := Default()
	base.Data.N = -1
	s, problems := ParseFragment("lr=0.5", base)
	if len(problems) != 1 || s.Data.N != Default().Data.N || s.Train.LearningRate != 0.5 {
		t.Errorf("invalid base: problems %v, N %d, lr %v; want one problem, N 1000, lr 0.5",
			problems, s.Data.N, s.Train.LearningRate)
	}
}

// TestParseFragmentKeepsBase checks that parsing never changes the base's
// slices.
func TestParseFragmentKeepsBase(t *testing.T) {
	base := Default()
	base.Hide = []string{"model"}
	ParseFragment("act=relu&layers=3,3&hide=data", base)
	if base.Train.Model.Hidden[0].Activation != Default().Train.Model.Hidden[0].Activation ||
		base.Hide[0] != "model" {
		t.Errorf("ParseFragment changed its base: %+v", base)
	}
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"64,64", "64,64"},
		{"x^2 + 1", "x^2%20%2B%201"},
		{"a&b=c#d%e", "a%26b%3Dc%23d%25e"},
		{"größe", "gr%C3%B6%C3%9Fe"},
		{"sin(x)/x*-1", "sin(x)/x*-1"},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.want {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func ExampleParseFragment() {
	s, problems := ParseFragment("#data=poly&layers=32,32&act=relu&lr=abc", Default())
	fmt.Println(s.Data.Preset, s.Data.N, s.Train.Model.Hidden, s.Train.LearningRate)
	for _, p := range problems {
		fmt.Println(p)
	}
	// Output:
	// poly 500 [{32 relu} {32 relu}] 0.01
	// lr=abc is not allowed: the learning rate (0 for the optimizer's default) must be a number from 0 to 10. Using 0.01.
}

func ExampleSettings_Fragment() {
	s := Default()
	s.Data.N = 200
	s.Train.Model.Hidden = s.Train.Model.Hidden[:1]
	frag := s.Fragment()
	fmt.Println(frag[:strings.Index(frag, "&out=")])
	// Output:
	// data=sine&n=200&noise=3&xmin=-15&xmax=15&seed=1&feat=none&layers=32&act=sin
}

// twoLayerBase is the default with two hidden layers of 64 tanh units, the
// base that the layer-editing cases are written against.
func twoLayerBase() Settings {
	s := Default()
	s.Train.Model.Hidden = []nn.Layer{{Units: 64, Activation: nn.Tanh}, {Units: 64, Activation: nn.Tanh}}
	return s
}

// TestParseFragmentKeepsBadFormula checks that a formula that does not read
// stays in the settings (and the fragment) with no problem: the page shows
// core/source's message next to the formula box instead of dropping it.
func TestParseFragmentKeepsBadFormula(t *testing.T) {
	for _, f := range []string{"sinn(x)", "2x", "sin("} {
		t.Run(f, func(t *testing.T) {
			s, problems := ParseFragment("data=formula&f="+f, Default())
			if len(problems) != 0 {
				t.Errorf("problems %v, want none", problems)
			}
			if s.Data.Source != SourceFormula || s.Data.Formula != f {
				t.Errorf("source %q formula %q, want formula %q", s.Data.Source, s.Data.Formula, f)
			}
			if got := s.Fragment(); !strings.Contains(got, "f="+f) {
				t.Errorf("Fragment() = %q, want it to hold f=%s", got, f)
			}
		})
	}
}

// TestParseFragmentXRangeMessage checks the one plain message of a reversed
// x range: no package prefixes, said once, and what is used instead.
func TestParseFragmentXRangeMessage(t *testing.T) {
	s, problems := ParseFragment("xmin=5&xmax=-5", Default())
	if len(problems) != 1 {
		t.Fatalf("problems %v, want one", problems)
	}
	want := "xmin=5, xmax=-5: xmin (5) must be below xmax (-5); using xmin=-15, xmax=15 instead."
	if problems[0].Message != want {
		t.Errorf("message %q, want %q", problems[0].Message, want)
	}
	if s.Data.XMin != -15 || s.Data.XMax != 15 {
		t.Errorf("x range [%v, %v], want the default [-15, 15]", s.Data.XMin, s.Data.XMax)
	}
}

// TestParseFragmentTableSetup: a link that switches the default page to a
// table without naming any training key gets the general setup, as the
// Source menu gives it; training keys given, or training already changed,
// keep their say.
func TestParseFragmentTableSetup(t *testing.T) {
	want := Default()
	want.Data.Source, want.Data.Preset, want.Embed = SourceCSV, "", true
	want.Train = train.Recommended("")
	want.Train.Seed = want.Data.Seed
	s, problems := ParseFragment("data=csv&embed=1", Default())
	if len(problems) != 0 || s.Fragment() != want.Fragment() || !s.Train.ScaleX {
		t.Errorf("data=csv: %s (%v), want the general setup %s", s.Fragment(), problems, want.Fragment())
	}
	s, _ = ParseFragment("data=csv&layers=8", Default())
	if s.Train.Model.Hidden[0].Units != 8 || s.Train.ScaleX {
		t.Errorf("data=csv&layers=8: %+v, want the sine's setup with 8 units", s.Train)
	}
	tweaked, _ := ParseFragment("lr=0.003", Default())
	s, _ = ParseFragment("data=csv", tweaked)
	if s.Train.LearningRate != 0.003 || s.Train.ScaleX {
		t.Errorf("data=csv over lr=0.003: %+v, want the changed training kept", s.Train)
	}
	// A link the page wrote names every training key: it comes back as written.
	sine := Default()
	sine.Data.Source = SourceCSV
	if back, _ := ParseFragment(sine.Fragment(), Default()); !reflect.DeepEqual(back.Train, sine.Train) {
		t.Errorf("round trip of %s changed the training", sine.Fragment())
	}
}
