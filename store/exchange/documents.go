package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"iter"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"daicho/store"
)

// DocumentJSON is one document in the JSON of ARCHITECTURE.md §8: what
// `daicho list documents --format json` prints and `daicho import documents`
// reads, so the two round-trip. The fields are in the order §8 lists them.
//
// On input, kind, customer_code, issue_date, subject, price_mode, notes and
// lines are the document; the dates of its kind are taken when given (else
// issuing fills them, as for a draft made by hand). The rest is computed:
// number, status and voided_reason are ignored (an import makes new drafts,
// or issues them); sources name the documents it is made from (a credit
// note's invoice, a closing invoice's delivery notes, an estimate), held to
// the rules of the editor's conversions; and
// amount, taxes and total, when given, must equal what daicho computes, so a
// file from a system that rounds per line is refused rather than stored with
// different figures.
//
// An issued invoice also carries what is paid, closed as a shortfall,
// credited and open on it, and its payment_status (unpaid, partly_paid or
// paid): the figures of the overdue list. Other documents (drafts and void
// invoices included) leave these keys out: nothing is owed on them. On
// input they are ignored.
type DocumentJSON struct {
	Kind         string     `json:"kind"`
	CustomerCode string     `json:"customer_code"`
	IssueDate    string     `json:"issue_date"`
	Subject      string     `json:"subject"`
	PriceMode    string     `json:"price_mode"`
	Notes        string     `json:"notes"`
	Lines        []LineJSON `json:"lines"`

	Number string `json:"number"` // "" for a draft
	Status string `json:"status"` // as the bookkeeper sees it today ("expired" included)
	// Only the dates of the document's kind appear (see kindDates).
	DueDate      *string         `json:"due_date,omitempty"`
	ValidUntil   *string         `json:"valid_until,omitempty"`
	DeliveryDate *string         `json:"delivery_date,omitempty"`
	ClosingDate  *string         `json:"closing_date,omitempty"`
	Taxes        []store.TaxLine `json:"taxes"`
	Total        *store.Money    `json:"total"`
	// Issued invoices only (see above).
	Paid          *store.Money `json:"paid,omitempty"`
	Adjusted      *store.Money `json:"adjusted,omitempty"`
	Credited      *store.Money `json:"credited,omitempty"`
	Open          *store.Money `json:"open,omitempty"`
	PaymentStatus string       `json:"payment_status,omitempty"`
	Sources       []string     `json:"sources"`
	VoidedReason  string       `json:"voided_reason"`

	// The closing run (issue 16): a carry-forward closing invoice's head,
	// kept when the run made it. Ignored on input.
	CarryForward *CarryForwardJSON `json:"carry_forward,omitempty"`
}

// CarryForwardJSON is a carry-forward invoice's figures (store.CarryForward):
// previous_billed − received − adjusted = carried; billed = carried + current.
type CarryForwardJSON struct {
	PreviousClosing string      `json:"previous_closing"`
	PreviousBilled  store.Money `json:"previous_billed"`
	Received        store.Money `json:"received"`
	Adjusted        store.Money `json:"adjusted"`
	Carried         store.Money `json:"carried"`
	Current         store.Money `json:"current"`
	Billed          store.Money `json:"billed"`
}

// ToCarryForwardJSON is cf in the JSON shape (nil for nil).
func ToCarryForwardJSON(cf *store.CarryForward) *CarryForwardJSON {
	if cf == nil {
		return nil
	}
	return &CarryForwardJSON{PreviousClosing: store.FormatDate(cf.PreviousClosing), PreviousBilled: cf.PreviousBilled,
		Received: cf.Received, Adjusted: cf.Adjusted, Carried: cf.Carried, Current: cf.Current, Billed: cf.Billed}
}

// LineJSON is one line of a DocumentJSON.
type LineJSON struct {
	ProductCode string       `json:"product_code"` // "" for a free-text line
	Description string       `json:"description"`
	Quantity    Decimal      `json:"quantity"`
	Unit        string       `json:"unit"`
	UnitPrice   store.Money  `json:"unit_price"`
	TaxRate     *int         `json:"tax_rate"` // percent; null: no tax category yet (a draft)
	Amount      *store.Money `json:"amount"`
}

// Decimal is a quantity as §8 writes it, a decimal string ("1.5"). A JSON
// number (1.5) is read as its text too, as spreadsheets write numbers.
type Decimal string

func (d *Decimal) UnmarshalJSON(b []byte) error {
	if bytes.HasPrefix(b, []byte(`"`)) {
		return json.Unmarshal(b, (*string)(d))
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	*d = Decimal(n)
	return nil
}

// kindDates are the date keys that belong to each kind: only these are
// written, and only these are read.
var kindDates = map[string][]string{
	store.KindEstimate:     {"valid_until"},
	store.KindDeliveryNote: {"delivery_date"},
	store.KindInvoice:      {"due_date", "closing_date"},
	store.KindCreditNote:   nil,
}

// dateField binds a date key to its place in DocumentJSON and store.Document.
func dateField(key string, j *DocumentJSON, d *store.Document) (**string, *time.Time) {
	switch key {
	case "due_date":
		return &j.DueDate, &d.DueDate
	case "valid_until":
		return &j.ValidUntil, &d.ValidUntil
	case "delivery_date":
		return &j.DeliveryDate, &d.DeliveryDate
	}
	return &j.ClosingDate, &d.ClosingDate
}

// ToDocumentJSON is d in the §8 shape, its status as seen on today.
func ToDocumentJSON(d store.Document, today time.Time) DocumentJSON {
	total := d.Totals.Total
	j := DocumentJSON{Kind: d.Kind, CustomerCode: d.CustomerCode, IssueDate: store.FormatDate(d.IssueDate),
		Subject: d.Subject, PriceMode: d.PriceMode, Notes: d.Notes, Lines: make([]LineJSON, len(d.Lines)),
		Number: d.Number, Status: d.DisplayStatus(today), Taxes: d.Totals.Taxes, Total: &total,
		Sources: make([]string, 0, len(d.Sources)), VoidedReason: d.VoidedReason}
	for _, key := range kindDates[d.Kind] {
		js, date := dateField(key, &j, &d)
		*js = new(store.FormatDate(*date))
	}
	for i, l := range d.Lines {
		j.Lines[i] = LineJSON{ProductCode: l.ProductCode, Description: l.Description,
			Quantity: Decimal(l.Quantity.String()), Unit: l.Unit, UnitPrice: l.UnitPrice, Amount: new(l.Amount)}
		if l.TaxCategory != "" {
			j.Lines[i].TaxRate = new(l.TaxRate)
		}
	}
	if j.Taxes == nil {
		j.Taxes = []store.TaxLine{} // [] rather than null: a reader can always expect a list
	}
	for _, s := range d.Sources {
		j.Sources = append(j.Sources, s.Number)
	}
	if b := d.Balance; b != nil {
		j.Paid, j.Adjusted, j.Credited, j.Open = new(b.Paid), new(b.Adjusted), new(b.Credited), new(b.Open)
		j.PaymentStatus = b.Status(time.Time{}) // without a date: never "overdue"
	}
	j.CarryForward = ToCarryForwardJSON(d.CarryForward)
	return j
}

// WriteDocumentsJSON writes the documents as an indented JSON array in the §8
// shape, one at a time as docs yields them, so a list of 100,000 documents
// is never held in memory. The output is what json.Encoder with a two-space
// indent gives for the whole array, as for customers.
func WriteDocumentsJSON(w io.Writer, docs iter.Seq2[store.Document, error], today time.Time) error {
	return writeJSONArray(w, docs, func(d store.Document) any { return ToDocumentJSON(d, today) })
}

// DocumentsJSONWriter writes documents as WriteDocumentsJSON does, one call
// at a time, for documents that come by a callback
// (store.ImportDocumentStream); Close ends the array.
type DocumentsJSONWriter struct {
	aw    arrayWriter
	today time.Time
	buf   []byte // the document being written, reused
}

// NewDocumentsJSONWriter writes to w, statuses as seen on today.
func NewDocumentsJSONWriter(w io.Writer, today time.Time) *DocumentsJSONWriter {
	return &DocumentsJSONWriter{aw: arrayWriter{w: w}, today: today}
}

// Write writes one document (appendDocumentJSON: what WriteDocumentsJSON
// writes, without reflection).
func (dw *DocumentsJSONWriter) Write(d store.Document) error {
	j := ToDocumentJSON(d, dw.today)
	dw.buf = appendDocumentJSON(dw.buf[:0], &j)
	return dw.aw.addMarshalled(dw.buf)
}

// Close ends the array ("[]" when nothing was written).
func (dw *DocumentsJSONWriter) Close() error { return dw.aw.end() }

// Documents yields the documents of a slice, for WriteDocumentsJSON.
func Documents(docs []store.Document) iter.Seq2[store.Document, error] { return all(docs) }

// documentKeys and lineKeys are the keys ReadDocuments accepts, in §8 order.
var (
	documentKeys = []string{"kind", "customer_code", "issue_date", "subject", "price_mode", "notes", "lines",
		"number", "status", "due_date", "valid_until", "delivery_date", "closing_date", "taxes", "total",
		"paid", "adjusted", "credited", "open", "payment_status", "sources", "voided_reason"}
	lineKeys = []string{"product_code", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"}
)

// ReadDocuments reads the §8 JSON: an array of document objects. The i-th
// element of the result is the file's document i+1, also when it could not
// be read, so problems found later keep their numbers. Problems with values
// (a number where text belongs, an unknown key) come back together as a
// store.BatchError, Line being the document's 1-based position and Field the
// key's path (lines.0.unit_price); problems with the whole file (too large,
// not JSON, no documents) are a single *store.Error. name is the file's name
// for those messages.
func ReadDocuments(r io.Reader, name string) ([]DocumentJSON, error) {
	text, err := openText(r, name)
	if err != nil {
		return nil, err
	}
	var js []DocumentJSON
	problems, err := eachJSONRecord(text, "import.json_documents", func(record int, rec rawRecord) (store.BatchError, error) {
		j, errs := readDocument(rec)
		js = append(js, j)
		return rowErrors(record, errs), nil
	})
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return js, problems
	}
	if len(js) == 0 {
		return nil, store.Invalid("", "import.no_documents", name)
	}
	return js, nil
}

func rowErrors(line int, errs []*store.Error) store.BatchError {
	out := make(store.BatchError, len(errs))
	for i, e := range errs {
		out[i] = store.RowError{Line: line, Err: e}
	}
	return out
}

// readDocument decodes one record of a documents file: its problems are
// those of duplicateKeys, then those of documentRecord. A record of the
// usual shape (only keys of documentKeys and lineKeys, every line an
// object, no key twice) is decoded in one go, which takes a third of the
// time of decoding each key on its own (fastDocument, when it can, in a
// tenth of that again); if that finds a value of the wrong type,
// documentRecord decodes it again to say which.
func readDocument(rec rawRecord) (DocumentJSON, []*store.Error) {
	if len(rec.dups) == 0 {
		j, ok := fastDocument(rec.raw)
		if !ok && usualDocumentShape(rec.raw) {
			j = DocumentJSON{}
			ok = json.Unmarshal(rec.raw, &j) == nil
		}
		if ok {
			// Keys a file may carry (list documents writes them) but
			// documentRecord leaves alone.
			j.Paid, j.Adjusted, j.Credited, j.Open, j.PaymentStatus = nil, nil, nil, nil, ""
			return j, nil
		}
	}
	j, errs := documentRecord(rec.object())
	return j, append(rec.dups, errs...)
}

// usualDocumentShape tells whether raw is an object with only keys of
// documentKeys, whose lines (if any) are objects with only keys of
// lineKeys: then decoding it whole into a DocumentJSON reads what
// documentRecord reads (encoding/json would also take "Kind" for "kind",
// which documentRecord refuses as unknown).
func usualDocumentShape(raw []byte) bool {
	usual := len(raw) > 0 && raw[0] == '{'
	s := keyScanner{b: raw, visit: func(path []string, first byte) bool {
		switch {
		case len(path) == 1:
			return slices.Contains(documentKeys, path[0])
		case path[0] != "lines":
			return true
		case len(path) == 2:
			return first == '{'
		case len(path) == 3:
			return slices.Contains(lineKeys, path[2])
		}
		return true
	}}
	return usual && s.value() && !s.odd
}

// documentRecord decodes one document object; nil obj is an element that is
// not an object.
func documentRecord(obj map[string]json.RawMessage) (DocumentJSON, []*store.Error) {
	var j DocumentJSON
	if obj == nil {
		return j, []*store.Error{store.Invalid("", "import.json_record")}
	}
	errs := decodeKeys(obj, "", documentKeys, map[string]any{
		"kind": &j.Kind, "customer_code": &j.CustomerCode, "issue_date": &j.IssueDate, "subject": &j.Subject,
		"price_mode": &j.PriceMode, "notes": &j.Notes, "number": &j.Number, "status": &j.Status,
		"due_date": &j.DueDate, "valid_until": &j.ValidUntil, "delivery_date": &j.DeliveryDate,
		"closing_date": &j.ClosingDate, "taxes": &j.Taxes, "total": &j.Total, "sources": &j.Sources,
		"voided_reason": &j.VoidedReason,
	})
	raw, ok := obj["lines"]
	if !ok || string(raw) == "null" {
		return j, errs
	}
	var lines []json.RawMessage
	if err := json.Unmarshal(raw, &lines); err != nil {
		return j, append(errs, store.Invalid("lines", "import.json_list"))
	}
	j.Lines = make([]LineJSON, len(lines))
	for i, raw := range lines {
		errs = append(errs, lineRecord(raw, &j.Lines[i], "lines."+strconv.Itoa(i)+".")...)
	}
	return j, errs
}

func lineRecord(raw json.RawMessage, l *LineJSON, prefix string) []*store.Error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil || obj == nil {
		return []*store.Error{store.Invalid(strings.TrimSuffix(prefix, "."), "import.json_object")}
	}
	return decodeKeys(obj, prefix, lineKeys, map[string]any{
		"product_code": &l.ProductCode, "description": &l.Description, "quantity": &l.Quantity, "unit": &l.Unit,
		"unit_price": &l.UnitPrice, "tax_rate": &l.TaxRate, "amount": &l.Amount,
	})
}

// decodeKeys decodes each of keys that has a target in into (the others are
// the caller's), in the order of keys so problems come out in a stable
// order, and reports values of the wrong type and keys not in keys under
// their path (prefix + key). null leaves the target as it is.
func decodeKeys(obj map[string]json.RawMessage, prefix string, keys []string, into map[string]any) []*store.Error {
	var errs []*store.Error
	for _, key := range keys {
		raw, ok := obj[key]
		if !ok || string(raw) == "null" || into[key] == nil {
			continue
		}
		if err := json.Unmarshal(raw, into[key]); err != nil {
			errs = append(errs, typeProblem(prefix+key, into[key], raw))
		}
	}
	var unknown []string
	for key := range obj {
		if !slices.Contains(keys, key) {
			unknown = append(unknown, key)
		}
	}
	sort.Strings(unknown)
	for _, key := range unknown {
		errs = append(errs, store.Invalid(prefix+key, "import.unknown_key", quote(key), strings.Join(keys, ", ")))
	}
	return errs
}

// typeProblem says what a key's value should have been.
func typeProblem(field string, target any, raw json.RawMessage) *store.Error {
	switch target.(type) {
	case *string, **string:
		return store.Invalid(field, "import.json_text")
	case *Decimal:
		return store.Invalid(field, "quantity.syntax")
	case *[]store.TaxLine, *[]string:
		return store.Invalid(field, "import.json_list")
	}
	return store.Invalid(field, "import.int", quote(string(raw)))
}

// documentCSVKeys is the header of WriteDocumentsCSV: the columns of the
// documents table, plus the customer's code, the due date and an issued
// invoice's payment figures (empty cells for other documents).
var documentCSVKeys = []string{"number", "kind", "customer_code", "customer_name", "subject", "issue_date", "total",
	"status", "due_date", "paid", "adjusted", "credited", "open", "payment_status"}

// WriteDocumentsCSV writes one row per document (no lines: the JSON has
// them), like WriteCustomersCSV: UTF-8, CRLF, text cells defused, the total
// in minor units, kind and status as their codes (status as seen on today).
func WriteDocumentsCSV(w io.Writer, ds []store.DocumentSummary, today time.Time) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(documentCSVKeys); err != nil {
		return err
	}
	for _, d := range ds {
		pay := make([]string, 5)
		if d.PaymentStatus != "" {
			for i, m := range []store.Money{d.Paid, d.Adjusted, d.Credited, d.Open} {
				pay[i] = strconv.FormatInt(int64(m), 10)
			}
			pay[4] = d.PaymentStatus
		}
		if err := cw.Write(append([]string{Defuse(d.Number), d.Kind, Defuse(d.CustomerCode), Defuse(d.CustomerName),
			Defuse(d.Subject), store.FormatDate(d.IssueDate), strconv.FormatInt(int64(d.Total), 10),
			d.DisplayStatus(today), store.FormatDate(d.DueDate)}, pay...)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Load yields the listed documents loaded whole, one at a time, for
// WriteDocumentsJSON: a list of 100,000 is never all in memory.
func Load(ctx context.Context, st *store.Store, ds []store.DocumentSummary) iter.Seq2[store.Document, error] {
	return func(yield func(store.Document, error) bool) {
		for _, s := range ds {
			d, err := st.Document(ctx, s.ID)
			if !yield(d, err) || err != nil {
				return
			}
		}
	}
}
