package export

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// This file writes and reads the little JSON the package needs. It avoids
// encoding/json, which would add about 140 kB (gzip) to the page's
// WebAssembly binary, a tenth of its size budget.

// jsonString quotes s as a JSON string.
func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// jsonNumber writes a finite v in the shortest form that reads back
// exactly; NaN and ±Inf, which JSON lacks, become null.
func jsonNumber(v float64) string {
	if v != v || v > 1.7976931348623157e308 || v < -1.7976931348623157e308 {
		return "null"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// jsonNumbers writes a JSON array of numbers on one line.
func jsonNumbers(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = jsonNumber(x)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// jsonObject writes an object from alternating keys and raw JSON values,
// on one line when indent is "", otherwise one member per line indented by
// indent.
func jsonObject(indent string, kv ...string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
			if indent == "" {
				b.WriteByte(' ')
			}
		}
		if indent != "" {
			b.WriteString("\n" + indent)
		}
		b.WriteString(jsonString(kv[i]) + ": " + kv[i+1])
	}
	if indent != "" {
		b.WriteByte('\n')
	}
	b.WriteByte('}')
	return b.String()
}

// maxJSONDepth bounds the nesting parseJSON accepts.
const maxJSONDepth = 64

// parseJSON reads one JSON value: objects become map[string]any, arrays
// []any, numbers float64, and strings, booleans and null as Go's string,
// bool and nil, as encoding/json does into an any.
func parseJSON(text string) (any, error) {
	p := &jsonParser{s: text}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i < len(p.s) {
		return nil, p.errorf("text after the value")
	}
	return v, nil
}

type jsonParser struct {
	s string
	i int
}

func (p *jsonParser) errorf(format string, args ...any) error {
	return fmt.Errorf("JSON at byte %d: %s", p.i, fmt.Sprintf(format, args...))
}

func (p *jsonParser) space() {
	for p.i < len(p.s) && strings.IndexByte(" \t\r\n", p.s[p.i]) >= 0 {
		p.i++
	}
}

// value reads any value at nesting depth d.
func (p *jsonParser) value(d int) (any, error) {
	if d > maxJSONDepth {
		return nil, p.errorf("nested more than %d deep", maxJSONDepth)
	}
	p.space()
	if p.i >= len(p.s) {
		return nil, p.errorf("unexpected end")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(d)
	case c == '[':
		return p.array(d)
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	}
	for word, v := range map[string]any{"true": true, "false": false, "null": nil} {
		if strings.HasPrefix(p.s[p.i:], word) {
			p.i += len(word)
			return v, nil
		}
	}
	return nil, p.errorf("unexpected %q", p.s[p.i])
}

func (p *jsonParser) object(d int) (any, error) {
	m := map[string]any{}
	p.i++ // {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return m, nil
	}
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			return nil, p.errorf("want a member name")
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		p.space()
		if p.i >= len(p.s) || p.s[p.i] != ':' {
			return nil, p.errorf("want ':'")
		}
		p.i++
		if m[k], err = p.value(d + 1); err != nil {
			return nil, err
		}
		if done, err := p.next('}'); done || err != nil {
			return m, err
		}
	}
}

func (p *jsonParser) array(d int) (any, error) {
	a := []any{}
	p.i++ // [
	p.space()
	if p.i < len(p.s) && p.s[p.i] == ']' {
		p.i++
		return a, nil
	}
	for {
		v, err := p.value(d + 1)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		if done, err := p.next(']'); done || err != nil {
			return a, err
		}
	}
}

// next reads the ',' between members or the closing bracket.
func (p *jsonParser) next(closing byte) (done bool, err error) {
	p.space()
	switch {
	case p.i < len(p.s) && p.s[p.i] == ',':
		p.i++
		return false, nil
	case p.i < len(p.s) && p.s[p.i] == closing:
		p.i++
		return true, nil
	}
	return true, p.errorf("want ',' or '%c'", closing)
}

func (p *jsonParser) number() (any, error) {
	start := p.i
	for p.i < len(p.s) && strings.IndexByte("+-0123456789.eE", p.s[p.i]) >= 0 {
		p.i++
	}
	v, err := strconv.ParseFloat(p.s[start:p.i], 64)
	if err != nil {
		return nil, p.errorf("bad number %q", p.s[start:p.i])
	}
	return v, nil
}

func (p *jsonParser) str() (string, error) {
	p.i++ // opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == '"':
			p.i++
			return b.String(), nil
		case c < 0x20:
			return "", p.errorf("control character in a string")
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		if p.i+1 >= len(p.s) {
			break
		}
		esc := p.s[p.i+1]
		p.i += 2
		if r, ok := map[byte]byte{'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
			'n': '\n', 'r': '\r', 't': '\t'}[esc]; ok {
			b.WriteByte(r)
			continue
		}
		if esc != 'u' {
			return "", p.errorf("bad escape \\%c", esc)
		}
		r, err := p.hex4()
		if err != nil {
			return "", err
		}
		if utf16.IsSurrogate(r) && strings.HasPrefix(p.s[p.i:], `\u`) {
			p.i += 2
			r2, err := p.hex4()
			if err != nil {
				return "", err
			}
			r = utf16.DecodeRune(r, r2)
		}
		b.WriteRune(r)
	}
	return "", p.errorf("unterminated string")
}

func (p *jsonParser) hex4() (rune, error) {
	if p.i+4 > len(p.s) {
		return 0, p.errorf("short \\u escape")
	}
	n, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 32)
	if err != nil {
		return 0, p.errorf("bad \\u escape %q", p.s[p.i:p.i+4])
	}
	p.i += 4
	return rune(n), nil
}
