package settings

import (
	"errors"
	"fmt"
	"strings"
)

// Set changes one setting, named by its URL fragment key (see [Settings.Fragment]),
// to value, written as in a link: the page's fields use it so that what
// may be typed and what a link may hold follow the same rules. On an error
// s is left as it was, and the error is a sentence for the page that says
// what is allowed, for example
//
//	The batch size must be a whole number from 1 to 1000000.
//
// A value that is allowed on its own but does not fit with the other
// settings (xmin above xmax) is refused too.
func (s *Settings) Set(key, value string) error {
	k, ok := findKey(key)
	if !ok {
		return fmt.Errorf("settings: unknown key %q", key)
	}
	next := s.clone()
	if err := k.set(&next, value); err != nil {
		return errors.New(sentence(err.Error()))
	}
	if err := next.normalize().Validate(); err != nil {
		return errors.New(sentence(plain(err)))
	}
	*s = next
	return nil
}

// Value returns the setting of a URL fragment key as a link writes it, or
// "" for an unknown key.
func (s Settings) Value(key string) string {
	k, ok := findKey(key)
	if !ok {
		return ""
	}
	n := s.normalize()
	return k.get(&n)
}

// findKey returns the fragment key with the given name.
func findKey(name string) (key, bool) {
	for _, st := range steps {
		for _, k := range st {
			if k.name == name {
				return k, true
			}
		}
	}
	return key{}, false
}

// sentence ends msg with a period and capitalizes a leading "the" or "a";
// a name (xmin, ε, Adam's β1) keeps its spelling.
func sentence(msg string) string {
	for _, article := range []string{"the ", "a ", "an "} {
		if strings.HasPrefix(msg, article) {
			msg = strings.ToUpper(msg[:1]) + msg[1:]
		}
	}
	if !strings.HasSuffix(msg, ".") {
		msg += "."
	}
	return msg
}
