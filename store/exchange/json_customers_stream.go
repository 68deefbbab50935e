package exchange

import (
	"bytes"
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
// store.(*Store).CreateCustomersFrom, read while the file is still being
// read (ReadGrowing) and while SQLite writes the customers read before. ok
// is false for any other file (CSV, too large) or one whose reading failed
// before it could tell; the source itself reports false when it meets
// anything else or the reading fails, and the caller then reads the file
// whole with ReadCustomers, which says what.
//
// The customers' texts are substrings of the file's bytes, as in
// ReadCustomers (bytes that have arrived never change).
//
// Whether the text is UTF-8 (a file that is not is read whole, as
// Shift_JIS) is checked as it is read, each batch's text before the batch
// is given: 45 MB took 13–70 ms to check, which the source spends on the
// other core instead of before the first write. The scan needs no valid
// UTF-8 to find the elements: JSON's structure is ASCII, and every byte of
// a multi-byte character is above it.
func StreamCustomers(g *Growing) (from store.CustomerSource, ok bool) {
	if len(g.buf) > MaxFileSize {
		return nil, false
	}
	head := g.Arrived()
	for len(head) < min(len(g.buf), 512) { // enough to tell the format
		if head = g.Wait(len(head)); head == nil {
			return nil, false
		}
	}
	if DetectFormat(head) != JSON {
		return nil, false
	}
	off := 0
	if bytes.HasPrefix(head, utf8BOM) {
		off = len(utf8BOM)
	}
	return func(yield func([]store.Customer) bool) bool {
		p := newJSONScan(textString(g.Arrived()[off:]))
		p.more = func(have int) string {
			b := g.Wait(off + have)
			if b == nil {
				return ""
			}
			return textString(b[off:])
		}
		return p.stream(yield) && g.Err() == nil
	}, true
}

// stream reads the array at p.i as records does, giving its customers
// streamBatch at a time, and reports whether every element was of the
// usual shape and read without a problem, the array ended the text, and
// the text is UTF-8 (each batch's part checked before it is given). Each
// batch is a slice of its own: one slice for the whole file (as records
// makes) cost SQLite, waiting for the first batch, the 46 MB of a file of
// 100,000 customers cleared and faulted in first.
func (p *jsonScan) stream(yield func([]store.Customer) bool) bool {
	checked := 0 // the text before this is UTF-8
	give := func(cs []store.Customer) (valid, more bool) {
		if !utf8.ValidString(p.s[checked:p.i]) {
			return false, false
		}
		checked = p.i
		return true, yield(cs)
	}
	p.space()
	if !p.eat('[') {
		return false
	}
	p.space()
	cs := make([]store.Customer, 0, streamBatch)
	for record := 1; ; record++ {
		cs = append(cs, store.Customer{})
		start := p.i
		problems, usual := p.customer(record, &cs[len(cs)-1])
		for !usual && p.grow() { // cut short where the reading is: read it again with more
			p.i = start
			problems, usual = p.customer(record, &cs[len(cs)-1])
		}
		if !usual || len(problems) > 0 {
			return false
		}
		if len(cs) == streamBatch {
			valid, more := give(cs)
			if !valid || !more {
				return valid
			}
			cs = make([]store.Customer, 0, streamBatch)
		}
		p.space()
		for p.i == len(p.s) && p.grow() {
			p.space()
		}
		if p.eat(',') {
			p.space()
			continue
		}
		if !p.eat(']') {
			return false
		}
		for p.grow() { // what follows the array, to its end
		}
		p.space()
		if p.i != len(p.s) {
			return false
		}
		if len(cs) == 0 { // the last batch was full: the rest of the text still to check
			return utf8.ValidString(p.s[checked:])
		}
		valid, _ := give(cs)
		return valid
	}
}
