package exchange

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"daicho/store"
)

// duplicateKeys refuses every key that appears twice in one object of a
// record (encoding/json would silently keep the last), each once, on its
// path (lines.0.unit_price). raw is one record already read whole, so it is
// valid JSON; should it not be, what was found so far is returned (the
// reader reports the syntax).
//
// It scans the bytes itself rather than walking json.Decoder tokens: that
// walk allocated every key and value and took a fifth of the time of
// importing customers. Keys are compared as they are written, unescaped
// only when they hold a backslash.
func duplicateKeys(raw []byte) []*store.Error {
	s := keyScanner{b: raw}
	s.value()
	return s.errs
}

// keyScanner walks one JSON value, keeping the path to where it is.
type keyScanner struct {
	b    []byte
	i    int
	path []string // keys and array indexes down to the current value
	errs []*store.Error
	// visit, when set, is shown every value but the outermost: its path
	// and its first byte. odd records that it said false for one.
	visit func(path []string, first byte) bool
	odd   bool
}

func (s *keyScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		default:
			return
		}
	}
}

// value skips one value, looking into objects and arrays; false when the
// JSON is not what it should be.
func (s *keyScanner) value() bool {
	s.space()
	if s.i >= len(s.b) {
		return false
	}
	if s.visit != nil && len(s.path) > 0 && !s.visit(s.path, s.b[s.i]) {
		s.odd = true
	}
	switch s.b[s.i] {
	case '{':
		return s.object()
	case '[':
		return s.array()
	case '"':
		_, ok := s.str()
		return ok
	}
	for s.i < len(s.b) { // a number, true, false or null
		switch s.b[s.i] {
		case ',', ']', '}', ' ', '\t', '\r', '\n':
			return true
		}
		s.i++
	}
	return true
}

// str skips a string, returning what is between its quotes as written.
func (s *keyScanner) str() ([]byte, bool) {
	start := s.i + 1
	for j := start; j < len(s.b); j++ {
		switch s.b[j] {
		case '\\':
			j++
		case '"':
			s.i = j + 1
			return s.b[start:j], true
		}
	}
	return nil, false
}

func (s *keyScanner) object() bool {
	s.i++ // '{'
	var keys [][]byte
	var reported []string
	for {
		s.space()
		if s.i < len(s.b) && s.b[s.i] == '}' {
			s.i++
			return true
		}
		if s.i >= len(s.b) || s.b[s.i] != '"' {
			return false
		}
		key, ok := s.str()
		if !ok {
			return false
		}
		if strings.IndexByte(string(key), '\\') >= 0 {
			var k string
			if json.Unmarshal(s.b[s.i-len(key)-2:s.i], &k) != nil {
				return false
			}
			key = []byte(k)
		}
		name := ""
		for _, k := range keys {
			if string(k) == string(key) {
				name = string(key)
				break
			}
		}
		if name != "" && !slices.Contains(reported, name) {
			reported = append(reported, name)
			s.errs = append(s.errs, store.Invalid(s.field(name), "import.duplicate_key", quote(name)))
		}
		keys = append(keys, key)
		s.space()
		if s.i >= len(s.b) || s.b[s.i] != ':' {
			return false
		}
		s.i++
		s.path = append(s.path, string(key))
		ok = s.value()
		s.path = s.path[:len(s.path)-1]
		if !ok || !s.next('}') {
			return ok
		}
	}
}

func (s *keyScanner) array() bool {
	s.i++ // '['
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ']' {
		s.i++
		return true
	}
	for n := 0; ; n++ {
		s.path = append(s.path, strconv.Itoa(n))
		ok := s.value()
		s.path = s.path[:len(s.path)-1]
		if !ok || !s.next(']') {
			return ok
		}
	}
}

// next steps over the ',' between members (true: another follows) or the
// closing delimiter (false).
func (s *keyScanner) next(closing byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ',' {
		s.i++
		return true
	}
	if s.i < len(s.b) && s.b[s.i] == closing {
		s.i++
	}
	return false
}

// field is the path of key in the current object (lines.0.unit_price).
func (s *keyScanner) field(key string) string {
	return strings.Join(append(s.path[:len(s.path):len(s.path)], key), ".")
}
