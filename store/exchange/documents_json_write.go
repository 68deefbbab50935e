package exchange

import (
	"strconv"
	"unicode/utf8"

	"daicho/store"
)

// The documents `import documents` prints (100,000 of them, say) are
// written without reflection: encoding/json took a tenth of that import's
// time to marshal and indent them. appendDocumentJSON writes exactly what
// marshalElement gives for a DocumentJSON (keys in the struct's order,
// omitempty as its tags say, strings escaped as json.Encoder does with
// SetEscapeHTML(false)); TestAppendDocumentJSONIsMarshalElement holds it
// to that, field by field and byte by byte.

// jsonIndenter writes indented JSON as json.Encoder with SetIndent("  ",
// "  ") does inside writeJSONArray: every line after the first starts with
// the prefix, then one indent per level.
type jsonIndenter struct {
	b     []byte
	depth int
	empty bool // the object or array just opened has no member yet
}

func (w *jsonIndenter) newline() {
	w.b = append(w.b, '\n', ' ', ' ') // the prefix
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

func (w *jsonIndenter) open(c byte) {
	w.b = append(w.b, c)
	w.depth++
	w.empty = true
}

func (w *jsonIndenter) close(c byte) {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.b = append(w.b, c)
	w.empty = false
}

// element starts an array's next element.
func (w *jsonIndenter) element() {
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.newline()
	w.empty = false
}

// key starts an object's next member.
func (w *jsonIndenter) key(k string) {
	w.element()
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':', ' ')
}

func (w *jsonIndenter) str(k, v string) {
	w.key(k)
	w.b = appendJSONString(w.b, v)
}

func (w *jsonIndenter) int(k string, v int64) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, v, 10)
}

func (w *jsonIndenter) null(k string) {
	w.key(k)
	w.b = append(w.b, "null"...)
}

func (w *jsonIndenter) optStr(k string, v *string) { // omitempty
	if v != nil {
		w.str(k, *v)
	}
}

func (w *jsonIndenter) optMoney(k string, v *store.Money) { // omitempty
	if v != nil {
		w.int(k, int64(*v))
	}
}

func (w *jsonIndenter) money(k string, v *store.Money) {
	if v == nil {
		w.null(k)
		return
	}
	w.int(k, int64(*v))
}

// list writes a slice's elements with each, "null" for a nil slice.
func list[T any](w *jsonIndenter, k string, s []T, each func(*T)) {
	w.key(k)
	if s == nil {
		w.b = append(w.b, "null"...)
		return
	}
	w.open('[')
	for i := range s {
		w.element()
		each(&s[i])
	}
	w.close(']')
}

// appendDocumentJSON appends j as marshalElement writes it.
func appendDocumentJSON(b []byte, j *DocumentJSON) []byte {
	w := jsonIndenter{b: b}
	w.open('{')
	w.str("kind", j.Kind)
	w.str("customer_code", j.CustomerCode)
	w.str("issue_date", j.IssueDate)
	w.str("subject", j.Subject)
	w.str("price_mode", j.PriceMode)
	w.str("notes", j.Notes)
	list(&w, "lines", j.Lines, func(l *LineJSON) {
		w.open('{')
		w.str("product_code", l.ProductCode)
		w.str("description", l.Description)
		w.str("quantity", string(l.Quantity))
		w.str("unit", l.Unit)
		w.int("unit_price", int64(l.UnitPrice))
		if l.TaxRate == nil {
			w.null("tax_rate")
		} else {
			w.int("tax_rate", int64(*l.TaxRate))
		}
		w.money("amount", l.Amount)
		w.close('}')
	})
	w.str("number", j.Number)
	w.str("status", j.Status)
	w.optStr("due_date", j.DueDate)
	w.optStr("valid_until", j.ValidUntil)
	w.optStr("delivery_date", j.DeliveryDate)
	w.optStr("closing_date", j.ClosingDate)
	list(&w, "taxes", j.Taxes, func(t *store.TaxLine) {
		w.open('{')
		w.int("rate", int64(t.Rate))
		w.int("net", int64(t.Net))
		w.int("tax", int64(t.Tax))
		w.int("gross", int64(t.Gross))
		w.close('}')
	})
	w.money("total", j.Total)
	w.optMoney("paid", j.Paid)
	w.optMoney("adjusted", j.Adjusted)
	w.optMoney("credited", j.Credited)
	w.optMoney("open", j.Open)
	if j.PaymentStatus != "" {
		w.str("payment_status", j.PaymentStatus)
	}
	list(&w, "sources", j.Sources, func(s *string) { w.b = appendJSONString(w.b, *s) })
	w.str("voided_reason", j.VoidedReason)
	if cf := j.CarryForward; cf != nil {
		w.key("carry_forward")
		w.open('{')
		w.str("previous_closing", cf.PreviousClosing)
		w.int("previous_billed", int64(cf.PreviousBilled))
		w.int("received", int64(cf.Received))
		w.int("adjusted", int64(cf.Adjusted))
		w.int("carried", int64(cf.Carried))
		w.int("current", int64(cf.Current))
		w.int("billed", int64(cf.Billed))
		w.close('}')
	}
	w.close('}')
	return w.b
}

// appendJSONString appends s quoted as encoding/json quotes it without HTML
// escaping: " and \ escaped, control characters as \b \f \n \r \t or
// \u00XX, invalid UTF-8 as \ufffd, U+2028 and U+2029 as \u2028 and \u2029.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
