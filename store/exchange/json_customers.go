package exchange

import (
	"encoding/json"
	"strings"
	"sync"
	"unsafe"

	"daicho/store"
)

// readJSONFast is readJSON for a file in the usual shape, in one pass over
// the text and without a map or an allocation per field: a record whose
// keys are all keys of the format, each once and unescaped, with a text,
// number, true, false or null for each, is decoded straight into its
// customer, each field's text a substring of the file (one copy of it in
// all). Any other element (an unknown or repeated key, a nested value, not
// an object) is handed whole to customerRecord, as readJSON would hand it.
// readJSON decoded each record into a map and then each value on its own:
// on 100,000 customers that was two thirds of the time of reading them.
//
// text is valid UTF-8 (decodeText makes it so), which the scan takes on
// trust. The scan checks the JSON syntax itself, strictly. ok is false when it
// finds anything off (broken syntax, nesting deeper than it cares to
// follow, something after the array): readJSON then reads the file again
// and says what is wrong in encoding/json's words, the reference for what
// is read and how. TestReadJSONFastAsReadJSON holds the two to the same
// results.
func readJSONFast(text []byte) (cs []store.Customer, lines []int, problems store.BatchError, ok bool) {
	p := newJSONScan(textString(text))
	p.space()
	if !p.eat('[') {
		return nil, nil, nil, false
	}
	p.space()
	if p.eat(']') {
		p.space()
		return nil, nil, nil, p.i == len(p.s)
	}
	if r, done := readJSONHalves(p); done {
		return r.cs, r.lines, r.problems, r.ok
	}
	r := p.records(-1)
	return r.cs, r.lines, r.problems, r.ok
}

// textString is text as a string without a copy. text is never written
// after it is read: it is the reader's own buffer, or a *bytes.Buffer's
// contents that ReadCustomers takes over, or the decoded copy of a
// Shift_JIS file. A copy cost more than the scan itself on a large file:
// 45 MB of fresh memory, and on a virtual machine every new page is a fault.
func textString(text []byte) string {
	return unsafe.String(unsafe.SliceData(text), len(text))
}

func newJSONScan(s string) *jsonScan {
	return &jsonScan{s: s, vals: make([]jsonSpan, len(columns))}
}

// jsonRecords is what records read.
type jsonRecords struct {
	cs       []store.Customer
	lines    []int
	problems store.BatchError
	count    int  // elements read
	ok       bool // false: broken JSON (see readJSONFast)
	stopped  bool // stopped at stopAt
}

// records reads the elements of the array from p.i (an element's start),
// numbering them from 1, to the array's end and what follows it; or, when
// an element starts at stopAt, up to there. The customers go into a slice
// with room for every object from p.i to the end of the text (a '{' in a
// text only adds room): growing a slice of 100,000 customers step by step
// copied it twenty times, and the first of two halves (readJSONHalves)
// takes the second's customers in without a copy of itself.
func (p *jsonScan) records(stopAt int) jsonRecords {
	objects := strings.Count(p.s[p.i:], "{")
	r := jsonRecords{cs: make([]store.Customer, 0, objects), lines: make([]int, 0, objects)}
	for record := 1; ; record++ {
		start := p.i
		// Decoded in its place in the slice: a customer decoded on its
		// own escaped to the heap (the columns set fields through
		// functions), 46 MB more to allocate and collect on 100,000.
		r.cs = append(r.cs, store.Customer{})
		more, usual := p.customer(record, &r.cs[len(r.cs)-1])
		if !usual {
			r.cs = r.cs[:len(r.cs)-1]
			p.i = start
			if !p.skip(0) {
				return jsonRecords{}
			}
			raw := []byte(p.s[start:p.i])
			var cp *store.Customer
			cp, more = customerRecord(record, rawRecord{raw: raw, dups: duplicateKeys(raw)})
			if cp != nil {
				r.cs = append(r.cs, *cp)
			}
			usual = cp != nil
		}
		r.count = record
		r.problems = append(r.problems, more...)
		if usual {
			r.lines = append(r.lines, record)
		}
		p.space()
		if p.eat(',') {
			p.space()
			if p.i == stopAt {
				r.ok, r.stopped = true, true
				return r
			}
			continue
		}
		if !p.eat(']') {
			return jsonRecords{}
		}
		p.space()
		r.ok = p.i == len(p.s)
		return r
	}
}

// columnIndex is each key's place in columns.
var columnIndex = sync.OnceValue(func() map[string]int {
	m := make(map[string]int, len(columns))
	for i, col := range columns {
		m[col.key] = i
	}
	return m
})

// jsonScan walks JSON text held as a string.
type jsonScan struct {
	s    string
	i    int
	vals []jsonSpan // the current record's value of each column
	// more, for a text still being read (StreamCustomers), waits for more
	// than have bytes of it and returns all that arrived, or "" when no
	// more will come; nil for a whole text.
	more func(have int) string
}

// grow takes in more of a text still being read: false when there is no
// more (the text is whole, or its reading ended).
func (p *jsonScan) grow() bool {
	if p.more == nil {
		return false
	}
	s := p.more(len(p.s))
	if s == "" {
		p.more = nil
		return false
	}
	p.s = s
	return true
}

// jsonSpan is where a value is in the text; kind is its first byte ('"'),
// or '\\' for a text with escapes, 0 for a key the record lacks.
type jsonSpan struct {
	start, end int
	kind       byte
}

func (p *jsonScan) space() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\r', '\n':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonScan) eat(b byte) bool {
	if p.i < len(p.s) && p.s[p.i] == b {
		p.i++
		return true
	}
	return false
}

// customer decodes the object at p.i into c, as jsonRecord would, if it
// is of the usual shape; usual is false (and p.i anywhere, c unchanged)
// when it is not.
func (p *jsonScan) customer(record int, c *store.Customer) (problems store.BatchError, usual bool) {
	if !p.eat('{') {
		return nil, false
	}
	clear(p.vals)
	index := columnIndex()
	p.space()
	if !p.eat('}') {
		for {
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return nil, false
			}
			start := p.i
			escaped, ok := p.str()
			if !ok || escaped {
				return nil, false
			}
			col, known := index[p.s[start+1:p.i-1]]
			if !known || p.vals[col].kind != 0 {
				return nil, false
			}
			p.space()
			if !p.eat(':') {
				return nil, false
			}
			p.space()
			if p.vals[col], ok = p.scalar(); !ok {
				return nil, false
			}
			p.space()
			if p.eat(',') {
				p.space()
				continue
			}
			if p.eat('}') {
				break
			}
			return nil, false
		}
	}
	*c = store.NewCustomer()
	for i, col := range columns { // in the order of the format, as jsonRecord reports
		if v := p.vals[i]; v.kind != 0 {
			if e := p.set(col, c, v); e != nil {
				problems = append(problems, store.RowError{Line: record, Err: e})
			}
		}
	}
	return problems, true
}

// scalar reads a text, number, true, false or null.
func (p *jsonScan) scalar() (jsonSpan, bool) {
	v := jsonSpan{start: p.i}
	if p.i >= len(p.s) {
		return v, false
	}
	ok := false
	switch b := p.s[p.i]; {
	case b == '"':
		var escaped bool
		escaped, ok = p.str()
		v.kind = '"'
		if escaped {
			v.kind = '\\'
		}
	case b == 't':
		ok, v.kind = p.word("true"), b
	case b == 'f':
		ok, v.kind = p.word("false"), b
	case b == 'n':
		ok, v.kind = p.word("null"), b
	case b == '-' || '0' <= b && b <= '9':
		ok, v.kind = p.number(), '0'
	}
	v.end = p.i
	return v, ok
}

// set sets one field as setJSON does from the same value.
func (p *jsonScan) set(col column, c *store.Customer, v jsonSpan) *store.Error {
	s := p.s[v.start:v.end]
	switch v.kind {
	case 'n':
		return nil
	case '"':
		s = s[1 : len(s)-1]
	case '\\':
		if err := json.Unmarshal([]byte(s), &s); err != nil {
			return store.Invalid(col.key, "import.json_text")
		}
	default:
		if col.text != nil {
			return store.Invalid(col.key, "import.json_text")
		}
	}
	return col.set(c, s)
}

// str steps over the text at p.i; escaped tells whether it holds a
// backslash. ok is false for a text that is not valid JSON.
func (p *jsonScan) str() (escaped, ok bool) {
	for j := p.i + 1; j < len(p.s); j++ {
		switch b := p.s[j]; {
		case b == '"':
			p.i = j + 1
			return escaped, true
		case b < 0x20:
			return escaped, false
		case b == '\\':
			escaped = true
			j++
			if j >= len(p.s) {
				return escaped, false
			}
			switch p.s[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(p.s) || !hex4(p.s[j+1:j+5]) {
					return escaped, false
				}
				j += 4
			default:
				return escaped, false
			}
		}
	}
	return escaped, false
}

func hex4(s string) bool {
	for i := range 4 {
		b := s[i]
		if !('0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F') {
			return false
		}
	}
	return true
}

func (p *jsonScan) word(w string) bool {
	if len(p.s)-p.i >= len(w) && p.s[p.i:p.i+len(w)] == w {
		p.i += len(w)
		return true
	}
	return false
}

// number steps over a number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonScan) number() bool {
	p.eat('-')
	switch {
	case p.eat('0'):
	case p.i < len(p.s) && '1' <= p.s[p.i] && p.s[p.i] <= '9':
		p.digits()
	default:
		return false
	}
	if p.eat('.') && !p.digits() {
		return false
	}
	if p.eat('e') || p.eat('E') {
		if !p.eat('+') {
			p.eat('-')
		}
		if !p.digits() {
			return false
		}
	}
	return true
}

// digits steps over [0-9]+; false when there is none.
func (p *jsonScan) digits() bool {
	start := p.i
	for p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		p.i++
	}
	return p.i > start
}

// maxSkipDepth is how deep skip follows nested values; deeper, the file
// goes to readJSON, which knows encoding/json's own limit.
const maxSkipDepth = 64

// skip steps over any value, checking its syntax; false when it is not
// valid JSON (or deeper than maxSkipDepth).
func (p *jsonScan) skip(depth int) bool {
	if depth > maxSkipDepth || p.i >= len(p.s) {
		return false
	}
	var closing byte
	switch p.s[p.i] {
	case '{':
		closing = '}'
	case '[':
		closing = ']'
	default:
		_, ok := p.scalar()
		return ok
	}
	p.i++
	p.space()
	if p.eat(closing) {
		return true
	}
	for {
		if closing == '}' {
			if p.i >= len(p.s) || p.s[p.i] != '"' {
				return false
			}
			if _, ok := p.str(); !ok {
				return false
			}
			p.space()
			if !p.eat(':') {
				return false
			}
			p.space()
		}
		if !p.skip(depth + 1) {
			return false
		}
		p.space()
		if p.eat(',') {
			p.space()
			continue
		}
		return p.eat(closing)
	}
}
