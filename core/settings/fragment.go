package settings

import (
	"fmt"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"netfit/core/train"
)

// Problem is one part of a URL fragment that [ParseFragment] could not use.
type Problem struct {
	Key     string // the key as written, "" for a problem with the whole fragment
	Value   string // the value as written, after percent-decoding
	Message string // a sentence naming the key, the value, what is allowed and what is used instead
}

// String returns the message.
func (p Problem) String() string { return p.Message }

// Fragment returns s as a URL fragment, without the leading "#": key=value
// pairs joined by "&", in a fixed order, for example
//
//	data=sine&n=1000&noise=3&xmin=-15&xmax=15&seed=1&feat=none&layers=64,64&act=tanh&...
//
// Every setting that changes a run is written. A few keys are left out when
// they are empty or off, as in [Default]: preset, f, xcol, ycol, trainseed
// (when it equals seed), act and acts (with no hidden layers), embed, hide and
// points. So ParseFragment(s.Fragment(), Default()) gives s back. Values are
// percent-encoded only where needed: "&", "=", "#", "%", "+", spaces, and
// characters outside printable ASCII.
func (s Settings) Fragment() string {
	s = s.normalize()
	var b strings.Builder
	if s.Preset != "" {
		b.WriteString("preset=" + escape(s.Preset))
	}
	for _, st := range steps {
		for _, k := range st {
			if k.omit != nil && k.omit(&s) {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(k.name)
			b.WriteByte('=')
			b.WriteString(escape(k.get(&s)))
		}
	}
	return b.String()
}

// ParseFragment reads a URL fragment written by [Settings.Fragment] or by a
// person, with or without the leading "#", on top of base: keys that are
// missing keep base's values. Keys may come in any order; they are applied
// in the order Fragment writes them, and preset=name first replaces the
// data and training settings with those of the named preset. A formula f
// without data or preset means data=formula.
//
// Each unknown key, repeated key, badly encoded pair, or value that is out of
// range or does not fit with the other settings (a model too large to train,
// dropout with lbfgs) keeps the value it had and adds a [Problem]. A repeated
// key uses its last value. If base itself is invalid, [Default] is used in its
// place, with a Problem. The settings returned are always valid.
func ParseFragment(frag string, base Settings) (Settings, []Problem) {
	var problems []Problem
	s := base.clone().normalize()
	if err := s.Validate(); err != nil {
		problems = append(problems, Problem{Message: fmt.Sprintf(
			"The starting settings are invalid (%v); the defaults are used instead.", err)})
		s = Default()
	}

	frag = strings.TrimPrefix(frag, "#")
	if len(frag) > maxFragment {
		problems = append(problems, Problem{Message: fmt.Sprintf(
			"The link's settings are %d bytes long, more than the %d allowed; they are ignored.",
			len(frag), maxFragment)})
		return s, problems
	}
	values, ps := splitPairs(frag)
	problems = append(problems, ps...)
	impliedFormula(values)

	if v, ok := values["preset"]; ok {
		problems = append(problems, applyPreset(&s, v)...)
	}
	before := s
	for _, st := range steps {
		problems = append(problems, st.apply(&s, values)...)
	}
	if !namesTraining(values) {
		s.TableSetup(before)
	}
	s = s.normalize()
	if !s.matchesPreset() {
		s.Preset = ""
	}
	return s, problems
}

// TableSetup gives s the general training setup (train.Recommended("")) when
// its data changed from a built-in curve, trained with that curve's
// recommended setup, to a table: the sine's setup leaves x unscaled for its
// sin units, and a table's x may be years. Any other training stays as it
// is. The page's Source menu and a link that names data=csv and no
// training key do the same.
func (s *Settings) TableSetup(before Settings) {
	if s.Data.Source != SourceCSV || before.Data.Source != SourcePreset && before.Data.Source != "" {
		return
	}
	untouched := before
	untouched.Train = train.Recommended(before.Data.Preset)
	untouched.Train.Seed = before.Train.Seed
	if before.Fragment() != untouched.Fragment() {
		return
	}
	s.Train = train.Recommended("")
	s.Train.Seed = s.Data.Seed
}

// namesTraining reports whether a fragment's values name a model or
// training key: a key after seed in steps, display keys aside.
func namesTraining(values map[string]string) bool {
	after := false
	for _, st := range steps {
		for _, k := range st {
			if _, ok := values[k.name]; ok && after && k.name != "embed" && k.name != "hide" && k.name != "points" {
				return true
			}
		}
		after = after || st[0].name == "seed"
	}
	return false
}

// matchesPreset reports whether s.Preset names a preset whose data and
// training settings s still has.
func (s Settings) matchesPreset() bool {
	p, ok := LookupPreset(s.Preset)
	return ok && reflect.DeepEqual(p.Data, s.Data) && reflect.DeepEqual(p.Train, s.Train)
}

// splitPairs splits a fragment into its key=value pairs and decodes them. It
// reports unknown keys, repeated keys and bad percent-encoding.
func splitPairs(frag string) (map[string]string, []Problem) {
	values := map[string]string{}
	var problems []Problem
	for _, pair := range strings.Split(frag, "&") {
		if pair == "" {
			continue
		}
		key, value, p := readPair(pair, values)
		if p.Message != "" {
			problems = append(problems, p)
		}
		if key != "" {
			values[key] = value
		}
	}
	return values, problems
}

// readPair decodes one key=value pair given the values read so far. It
// returns the key and value to keep (key "" for none) and the problem
// with the pair, if any (an empty Message for none).
func readPair(pair string, values map[string]string) (key, value string, p Problem) {
	rawKey, rawValue, _ := strings.Cut(pair, "=")
	key, err1 := url.PathUnescape(rawKey)
	value, err2 := url.PathUnescape(rawValue)
	badValue := err2 != nil || !utf8.ValidString(value)
	switch {
	case err1 != nil || !utf8.ValidString(key) || badValue && (!knownKey(key) || !utf8.ValidString(rawValue)):
		return "", "", Problem{Key: show(rawKey), Value: show(rawValue), Message: fmt.Sprintf(
			"%q is not a valid key=value pair (bad %%-encoding or UTF-8); it is ignored.", show(pair))}
	case badValue:
		// A formula or a column name with a stray % keeps its text, so the
		// page shows what was written and what is wrong with it.
		return key, rawValue, Problem{Key: key, Value: rawValue, Message: fmt.Sprintf(
			"%s=%s has a bad %%-encoding (%% must be followed by two hex digits; write %%25 "+
				"for %%); the text is read as written.", key, show(rawValue))}
	case !knownKey(key):
		known := "Known settings: " + strings.Join(keyNames(), ", ")
		if lower := strings.ToLower(key); knownKey(lower) {
			known = "Settings are lower case: write " + lower + "=" + show(value)
		}
		return "", "", Problem{Key: key, Value: value, Message: fmt.Sprintf(
			"Unknown setting %q (in %s=%s); it is ignored. %s.", show(key), show(key), show(value), known)}
	}
	if old, ok := values[key]; ok {
		p = Problem{Key: key, Value: old, Message: fmt.Sprintf(
			"%s is given more than once; the last value, %s, is used.", key, show(value))}
	}
	return key, value, p
}

// applyPreset replaces the data and training settings of s with those of the
// named preset, keeping the display flags.
func applyPreset(s *Settings, name string) []Problem {
	p, ok := LookupPreset(name)
	if !ok {
		return []Problem{{Key: "preset", Value: name, Message: fmt.Sprintf(
			"preset=%s: there is no such preset; want one of %s. The settings are used as they are.",
			show(name), strings.Join(presetNames(), ", "))}}
	}
	s.Data, s.Train, s.Preset = p.Data, p.Train, p.Preset
	return nil
}

// step is a group of keys applied together and then checked with the rest
// of the settings; most steps hold one key. If the settings are invalid
// after a step, the whole step is undone.
type step []key

// key is one URL key: how to print its setting and how to set it. set
// changes nothing when it returns an error; the error says what is allowed,
// as in "the noise σ must be a number from 0 to 1e+06".
type key struct {
	name string
	get  func(s *Settings) string
	set  func(s *Settings, v string) error
	omit func(s *Settings) bool // leave the key out of Fragment; nil means never
}

// apply sets the keys of the step that values holds, then validates.
func (st step) apply(s *Settings, values map[string]string) []Problem {
	before := s.clone()
	var problems []Problem
	var applied []key
	for _, k := range st {
		v, ok := values[k.name]
		if !ok {
			continue
		}
		if err := k.set(s, v); err != nil {
			problems = append(problems, Problem{Key: k.name, Value: v, Message: fmt.Sprintf(
				"%s=%s is not allowed: %v. %s", k.name, show(v), err, kept(k, s))})
			continue
		}
		applied = append(applied, k)
	}
	if len(applied) == 0 {
		return problems
	}
	err := s.normalize().Validate()
	if err == nil {
		return problems
	}
	*s = before
	return append(problems, mismatch(s, values, applied, err))
}

// kept says which value a refused key keeps: "Using 32." or, when that
// value is empty (no formula, nothing hidden), "Leaving hide out."
func kept(k key, s *Settings) string {
	if v := k.get(s); v != "" {
		return "Using " + show(v) + "."
	}
	return "Leaving " + k.name + " out."
}

// impliedFormula reads a fragment that gives a formula f but neither data
// nor preset as data=formula, as the README promises: "f=x^2" alone fits
// y = x².
func impliedFormula(values map[string]string) {
	_, hasData := values["data"]
	_, hasPreset := values["preset"]
	if f, ok := values["f"]; ok && strings.TrimSpace(f) != "" && len(f) <= MaxFormulaLen &&
		!hasData && !hasPreset {
		values["data"] = SourceFormula
	}
}

// mismatch is the one [Problem] of a step whose keys were read but do not
// fit with the other settings, such as xmin=5&xmax=-5:
//
//	xmin (5) must be below xmax (-5); using xmin=-15, xmax=15 instead.
func mismatch(s *Settings, values map[string]string, applied []key, err error) Problem {
	given, used := make([]string, len(applied)), make([]string, len(applied))
	for i, k := range applied {
		given[i] = k.name + "=" + show(values[k.name])
		used[i] = k.name + "=" + show(k.get(s))
	}
	return Problem{Key: applied[0].name, Value: values[applied[0].name], Message: fmt.Sprintf(
		"%s: %s; using %s instead.", strings.Join(given, ", "), plain(err),
		strings.Join(used, ", "))}
}

// plain is err for the page: its lines joined with "; ", without the
// package prefixes that Go errors carry.
func plain(err error) string {
	s := oneLine(err)
	for _, p := range []string{ErrData.Error() + ": ", ErrDisplay.Error() + ": ", "train: "} {
		s = strings.ReplaceAll(s, p, "")
	}
	return s
}

// knownKey reports whether name is a key of the fragment.
func knownKey(name string) bool {
	return name == "preset" || slices.Contains(keyNames(), name)
}

// keyNames returns every key in the order Fragment writes them.
func keyNames() []string {
	names := []string{"preset"}
	for _, st := range steps {
		for _, k := range st {
			names = append(names, k.name)
		}
	}
	return names
}

// escape percent-encodes the bytes of a value that would end it or change
// its meaning in a fragment, and every byte outside printable ASCII. It
// keeps the characters that formulas and lists use readable: ( ) * , . / ^ - ! etc.
func escape(v string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c > ' ' && c < 0x7f && !strings.ContainsRune("&=#%+\"<>`[]{}|\\", rune(c)) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// show shortens a value quoted in a message.
func show(v string) string {
	if len(v) <= maxShownValue {
		return v
	}
	cut := maxShownValue
	for cut > 0 && !utf8.RuneStart(v[cut]) {
		cut--
	}
	return v[:cut] + "…"
}

// oneLine joins the lines of an error from errors.Join with "; ".
func oneLine(err error) string {
	return strings.ReplaceAll(err.Error(), "\n", "; ")
}
