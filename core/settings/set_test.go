package settings

import (
	"reflect"
	"strings"
	"testing"
)

// TestSet checks that Set takes what a link may hold and refuses the rest
// with the link's own rule, leaving the settings as they were. The bad
// values are the ones a newcomer typed into the page's fields.
func TestSet(t *testing.T) {
	tests := []struct {
		name, key, value string
		err              string // "" when the value is taken
	}{
		{"batch", "batch", "64", ""},
		{"batch negative", "batch", "-5", "The batch size must be a whole number from 1 to 1000000."},
		{"batch fraction", "batch", "2.5", "The batch size must be a whole number from 1 to 1000000."},
		{"batch empty", "batch", "", "The batch size must be a whole number from 1 to 1000000."},
		{"epochs zero", "epochs", "0", "The number of epochs must be a whole number from 1 to 100000."},
		{"epochs 1e9", "epochs", "1000000000", "The number of epochs must be a whole number from 1 to 100000."},
		{"val 0.5", "val", "0.5", ""},
		{"val 1.5", "val", "1.5", "The validation fraction must be a number from 0 to 0.9."},
		{"val 1", "val", "1", "The validation fraction must be a number from 0 to 0.9."},
		{"val 0.95", "val", "0.95", "The validation fraction must be a number from 0 to 0.9."},
		{"val -0.1", "val", "-0.1", "The validation fraction must be a number from 0 to 0.9."},
		{"dropout 1.5", "dropout", "1.5", "The dropout rate must be a number from 0 up to but not including 1."},
		{"l2 -1", "l2", "-1", "The L2 penalty must be a number from 0 to 1e+06."},
		{"l2 1e7", "l2", "1e7", "The L2 penalty must be a number from 0 to 1e+06."},
		{"patience -3", "patience", "-3", "The patience must be a whole number from 0 to 100000."},
		{"beta2 1.5", "beta2", "1.5", "Adam's β2 (0 for 0.999) must be a number from 0 up to but not including 1."},
		{"eps -1", "eps", "-1", "ε (0 for 1e-7) must be a number from 0 to 1."},
		{"momentum -1", "momentum", "-1", "The momentum must be a number from 0 up to but not including 1."},
		{"rho 2", "rho", "2", "RMSprop's ρ (0 for 0.9) must be a number from 0 up to but not including 1."},
		{"xmin above xmax", "xmin", "20", "xmin (20) must be below xmax (15)."},
		{"seed", "seed", "7", ""},
		{"feat sin0", "feat", "sin0", "The period P (of sinP) must be a number above 0 and " +
			"at most 1e+06 (1 is a year when x holds dates)."},
		{"feat x2,sin-1", "feat", "x2,sin-1", "The period P (of sinP) must be a number above 0 and " +
			"at most 1e+06 (1 is a year when x holds dates)."},
		{"feat sin2", "feat", "sin2", ""},
		{"layers 0", "layers", "64,0", "The layers must be none or up to 16 widths from 1 to 4096, joined by commas."},
		{"layers 8,8", "layers", "8,8", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Default()
			err := s.Set(tt.key, tt.value)
			if tt.err == "" {
				if err != nil {
					t.Fatalf("Set(%q, %q) = %v, want nil", tt.key, tt.value, err)
				}
				if got := s.Fragment(); !strings.Contains(got, tt.key+"="+tt.value) {
					t.Errorf("after Set(%q, %q) the fragment is %q", tt.key, tt.value, got)
				}
				return
			}
			if err == nil || err.Error() != tt.err {
				t.Errorf("Set(%q, %q) = %v, want %q", tt.key, tt.value, err, tt.err)
			}
			if !reflect.DeepEqual(s, Default()) {
				t.Errorf("Set(%q, %q) changed the settings: %+v", tt.key, tt.value, s)
			}
			// The link reader refuses the same value.
			if _, problems := ParseFragment(tt.key+"="+tt.value, Default()); len(problems) == 0 {
				t.Errorf("ParseFragment(%s=%s) took a value Set refuses", tt.key, tt.value)
			}
		})
	}
}

func TestSetUnknownKey(t *testing.T) {
	s := Default()
	if err := s.Set("nope", "1"); err == nil {
		t.Error("Set(nope, 1) = nil, want an error")
	}
}

// TestParseFragmentFormulaAlone checks that f= alone means data=formula,
// in a link as in configure, and that data or preset given keep their say.
func TestParseFragmentFormulaAlone(t *testing.T) {
	tests := []struct{ frag, source, formula string }{
		{"f=x%5E2", SourceFormula, "x^2"},
		{"n=50&f=x", SourceFormula, "x"},
		{"f=x&data=poly", SourcePreset, "x"},
		{"f=x&preset=keras-sine", SourcePreset, "x"},
		{"f=", SourcePreset, ""},
	}
	for _, tt := range tests {
		t.Run(tt.frag, func(t *testing.T) {
			s, problems := ParseFragment(tt.frag, Default())
			if len(problems) != 0 {
				t.Errorf("problems %v, want none", problems)
			}
			if s.Data.Source != tt.source || s.Data.Formula != tt.formula {
				t.Errorf("source %q formula %q, want %q %q", s.Data.Source, s.Data.Formula,
					tt.source, tt.formula)
			}
		})
	}
}

// TestParseFragmentEmptyKept checks the message of a refused key whose
// value stays empty: it says the key is left out, not "Using .".
func TestParseFragmentEmptyKept(t *testing.T) {
	tests := []struct{ frag, want string }{
		{"hide=numbers,bogus", "hide=numbers,bogus is not allowed: hide must list up to 16 of " +
			strings.Join(HideNames(), ", ") + ", joined by commas. Leaving hide out."},
		{"f=" + strings.Repeat("x+", 600) + "x",
			"is not allowed: a formula can have at most 1000 characters. Leaving f out."},
	}
	for _, tt := range tests {
		t.Run(tt.frag[:10], func(t *testing.T) {
			s, problems := ParseFragment(tt.frag, Default())
			if len(problems) != 1 || !strings.HasSuffix(problems[0].Message, tt.want) {
				t.Fatalf("problems %v, want one ending %q", problems, tt.want)
			}
			if !reflect.DeepEqual(s, Default()) {
				t.Errorf("settings changed: %+v", s)
			}
		})
	}
}
