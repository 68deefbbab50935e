package exchange

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"daicho/store"
)

// streamBatch is how many customers StreamCustomers gives at a time: a
// multiple of the store's rows per INSERT (32), so only the last statement
// is short, and small enough that SQLite starts writing almost at once.
const streamBatch = 1024

// StreamCustomers is, for a customer file of the usual shape (UTF-8 JSON,
// every element an object of known keys with scalar values that read
// without a problem), a source of its customers for
// store.(*Store).CreateCustomersFrom, read while SQLite writes the ones
// read before. ok is false for any other file (CSV, Shift_JIS, too large);
// the source itself reports false when it meets anything else, and the
// caller then reads the file whole with ReadCustomers, which says what.
//
// data is never written afterwards: the customers' texts are substrings of
// it, as in ReadCustomers.
func StreamCustomers(data []byte) (from store.CustomerSource, ok bool) {
	if len(data) > MaxFileSize || DetectFormat(data) != JSON || !utf8.Valid(data) {
		return nil, false
	}
	text := bytes.TrimPrefix(data, utf8BOM)
	return func(yield func([]store.Customer) bool) bool {
		return newJSONScan(textString(text)).stream(yield)
	}, true
}

// stream reads the array at p.i as records does, giving its customers
// streamBatch at a time, and reports whether every element was of the
// usual shape and read without a problem, and the array ended the text.
func (p *jsonScan) stream(yield func([]store.Customer) bool) bool {
	p.space()
	if !p.eat('[') {
		return false
	}
	p.space()
	// One slice for all, as records makes: each batch given is a part of it.
	cs := make([]store.Customer, 0, strings.Count(p.s[p.i:], "{"))
	given := 0
	for record := 1; ; record++ {
		cs = append(cs, store.Customer{})
		if problems, usual := p.customer(record, &cs[len(cs)-1]); !usual || len(problems) > 0 {
			return false
		}
		if len(cs)-given == streamBatch {
			if !yield(cs[given:len(cs):len(cs)]) {
				return true
			}
			given = len(cs)
		}
		p.space()
		if p.eat(',') {
			p.space()
			continue
		}
		if !p.eat(']') {
			return false
		}
		p.space()
		if p.i != len(p.s) {
			return false
		}
		if given < len(cs) {
			yield(cs[given:len(cs):len(cs)])
		}
		return true
	}
}
