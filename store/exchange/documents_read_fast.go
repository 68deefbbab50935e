package exchange

import (
	"bytes"
	"math"
	"unicode/utf8"

	"daicho/store"
)

// fastDocument decodes a record of the usual shape (see readDocument) in one
// pass without reflection: encoding/json's Unmarshal, with the pass that
// checks the shape first, took a tenth of importing 100,000 documents. It
// takes only what it can read exactly as json.Unmarshal into a DocumentJSON
// does — the keys of documentKeys and lineKeys spelt as listed, strings
// without escapes in valid UTF-8, integers where integers belong, null
// where Unmarshal leaves the field alone or sets it to nil — and says !ok
// for anything else (a key of another spelling, an escape, 1.5 where an
// integer belongs, …), which readDocument then reads as before.
// TestFastDocumentIsUnmarshal holds it to Unmarshal. The record is valid
// JSON (the decoder that cut it out checked it).
func fastDocument(raw []byte) (j DocumentJSON, ok bool) {
	if len(raw) == 0 || raw[0] != '{' { // as usualDocumentShape
		return j, false
	}
	r := fastReader{b: raw}
	ok = r.object(func(key []byte) bool {
		switch string(key) {
		case "kind":
			return r.text(&j.Kind)
		case "customer_code":
			return r.text(&j.CustomerCode)
		case "issue_date":
			return r.text(&j.IssueDate)
		case "subject":
			return r.text(&j.Subject)
		case "price_mode":
			return r.text(&j.PriceMode)
		case "notes":
			return r.text(&j.Notes)
		case "number":
			return r.text(&j.Number)
		case "status":
			return r.text(&j.Status)
		case "payment_status":
			return r.text(&j.PaymentStatus)
		case "voided_reason":
			return r.text(&j.VoidedReason)
		case "due_date":
			return r.optText(&j.DueDate)
		case "valid_until":
			return r.optText(&j.ValidUntil)
		case "delivery_date":
			return r.optText(&j.DeliveryDate)
		case "closing_date":
			return r.optText(&j.ClosingDate)
		case "total":
			return r.optMoney(&j.Total)
		case "paid":
			return r.optMoney(&j.Paid)
		case "adjusted":
			return r.optMoney(&j.Adjusted)
		case "credited":
			return r.optMoney(&j.Credited)
		case "open":
			return r.optMoney(&j.Open)
		case "lines":
			return array(&r, &j.Lines, r.line)
		case "taxes":
			return array(&r, &j.Taxes, r.taxLine)
		case "sources":
			return array(&r, &j.Sources, func(s *string) bool { return r.peek() == '"' && r.text(s) })
		}
		return false
	})
	return j, ok && r.end()
}

func (r *fastReader) line(l *LineJSON) bool {
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "product_code":
			return r.text(&l.ProductCode)
		case "description":
			return r.text(&l.Description)
		case "unit":
			return r.text(&l.Unit)
		case "quantity": // Decimal: a string's text, or a number's
			if r.peek() == '"' {
				return r.text((*string)(&l.Quantity))
			}
			n, ok := r.number()
			l.Quantity = Decimal(n)
			return ok
		case "unit_price":
			return r.null() || r.money(&l.UnitPrice)
		case "tax_rate":
			if r.null() {
				l.TaxRate = nil
				return true
			}
			n, ok := r.int()
			l.TaxRate = &n
			return ok
		case "amount":
			return r.optMoney(&l.Amount)
		}
		return false
	})
}

func (r *fastReader) taxLine(t *store.TaxLine) bool {
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "rate":
			if r.null() {
				return true
			}
			n, ok := r.int()
			t.Rate = n
			return ok
		case "net":
			return r.null() || r.money(&t.Net)
		case "tax":
			return r.null() || r.money(&t.Tax)
		case "gross":
			return r.null() || r.money(&t.Gross)
		}
		return false
	})
}

// array reads a JSON array into *s as Unmarshal does (null: nil; []: empty,
// not nil), each element with elem.
func array[T any](r *fastReader, s *[]T, elem func(*T) bool) bool {
	if r.null() {
		*s = nil
		return true
	}
	if !r.consume('[') {
		return false
	}
	*s = make([]T, 0, 4)
	if r.consume(']') {
		return true
	}
	for {
		var e T
		if !elem(&e) {
			return false
		}
		*s = append(*s, e)
		if r.consume(',') {
			continue
		}
		return r.consume(']')
	}
}

// fastReader reads valid JSON, token by token.
type fastReader struct {
	b []byte
	i int
}

func (r *fastReader) peek() byte {
	for r.i < len(r.b) {
		switch c := r.b[r.i]; c {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return c
		}
	}
	return 0
}

func (r *fastReader) consume(c byte) bool {
	if r.peek() == c {
		r.i++
		return true
	}
	return false
}

// end tells whether nothing but white space is left.
func (r *fastReader) end() bool { return r.peek() == 0 && r.i == len(r.b) }

func (r *fastReader) null() bool {
	if r.peek() == 'n' && bytes.HasPrefix(r.b[r.i:], []byte("null")) {
		r.i += 4
		return true
	}
	return false
}

// object reads an object, each member's value with member (given its key).
func (r *fastReader) object(member func(key []byte) bool) bool {
	if !r.consume('{') {
		return false
	}
	if r.consume('}') {
		return true
	}
	for {
		key, ok := r.plainString()
		if !ok || !r.consume(':') || !member(key) {
			return false
		}
		if r.consume(',') {
			continue
		}
		return r.consume('}')
	}
}

// plainString reads a string without escapes in valid UTF-8.
func (r *fastReader) plainString() ([]byte, bool) {
	if r.peek() != '"' {
		return nil, false
	}
	start := r.i + 1
	n := bytes.IndexByte(r.b[start:], '"')
	if n < 0 {
		return nil, false
	}
	s := r.b[start : start+n]
	if bytes.IndexByte(s, '\\') >= 0 || !utf8.Valid(s) {
		return nil, false
	}
	r.i = start + n + 1
	return s, true
}

// text reads a string into *s; null leaves *s as it is, as Unmarshal does.
func (r *fastReader) text(s *string) bool {
	if r.null() {
		return true
	}
	b, ok := r.plainString()
	*s = string(b)
	return ok
}

// optText reads a string into a new *s; null makes *s nil.
func (r *fastReader) optText(s **string) bool {
	if r.null() {
		*s = nil
		return true
	}
	b, ok := r.plainString()
	*s = new(string(b))
	return ok
}

// number reads a number's text as it is written.
func (r *fastReader) number() (string, bool) {
	if c := r.peek(); c != '-' && (c < '0' || c > '9') {
		return "", false
	}
	start := r.i
	for r.i < len(r.b) && bytes.IndexByte([]byte("+-.eE0123456789"), r.b[r.i]) >= 0 {
		r.i++
	}
	return string(r.b[start:r.i]), true
}

// int reads an integer written without a fraction or an exponent, within
// int64 (which Unmarshal takes into an int or a Money; anything else it
// refuses, and so does int).
func (r *fastReader) int() (int, bool) {
	c := r.peek()
	neg := c == '-'
	if neg {
		r.i++
	}
	start := r.i
	var n uint64
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		d := uint64(r.b[r.i] - '0')
		if n > (math.MaxUint64-d)/10 {
			return 0, false
		}
		n = n*10 + d
		r.i++
	}
	if r.i == start || (r.i < len(r.b) && bytes.IndexByte([]byte(".eE"), r.b[r.i]) >= 0) {
		return 0, false
	}
	switch {
	case !neg && n <= math.MaxInt64:
		return int(n), true
	case neg && n <= 1<<63:
		return int(-n), true // -n wraps to MinInt64 for 1<<63
	}
	return 0, false
}

func (r *fastReader) money(m *store.Money) bool {
	n, ok := r.int()
	*m = store.Money(n)
	return ok
}

// optMoney reads an integer into a new *m; null makes *m nil.
func (r *fastReader) optMoney(m **store.Money) bool {
	if r.null() {
		*m = nil
		return true
	}
	n, ok := r.int()
	*m = new(store.Money(n))
	return ok
}
