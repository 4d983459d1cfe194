package settings

import (
	"reflect"
	"testing"
)

// FuzzFragment checks the round trip of the URL state: whatever a link
// holds, ParseFragment gives valid settings s, and parsing s.Fragment()
// gives s back with no problems. The seed corpus is in testdata/fuzz.
func FuzzFragment(f *testing.F) {
	f.Add(Default().Fragment())
	for _, p := range Presets() {
		f.Add(p.Settings.Fragment())
	}
	f.Add("preset=keras-sine&epochs=5&layers=3,3&acts=sin,relu")
	f.Add("data=formula&f=10*sin(x)%20%2B%20x&xmin=20&xmax=30&seed=3&trainseed=4")
	f.Add("data=csv&xcol=a%26b&ycol=%C3%A9&hide=data,model&embed=1&points=1")
	f.Add("n=1e9&noise=NaN&lr=Inf&layers=4096,4096,4096&feat=x2,x3,sin6.28")
	f.Fuzz(func(t *testing.T, frag string) {
		s, _ := ParseFragment(frag, Default())
		if err := s.Validate(); err != nil {
			t.Fatalf("ParseFragment(%q) gave invalid settings: %v", frag, err)
		}
		again := s.Fragment()
		got, problems := ParseFragment(again, Default())
		if len(problems) > 0 {
			t.Fatalf("ParseFragment(%q) (from %q) problems: %v", again, frag, problems)
		}
		if !reflect.DeepEqual(got, s) {
			t.Fatalf("round trip of %q through %q:\n got %+v\nwant %+v", frag, again, got, s)
		}
		if got.Fragment() != again {
			t.Fatalf("Fragment() not stable: %q then %q", again, got.Fragment())
		}
	})
}
