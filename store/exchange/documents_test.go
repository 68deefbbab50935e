package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// docToday is the date the tests read statuses on.
var docToday = store.DateOf(2026, 11, 20)

// docStore is a real database with a company, two customers (C001 with
// 20/1/10 terms) and three products (P001 standard, P002 reduced, P003
// exempt), on a fixed clock.
func docStore(t testing.TB) *store.Store {
	t.Helper()
	st := storetest.Open(t)
	st.Now = func() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.Local) }
	storetest.WithCompany(t, st)
	a := storetest.Customer("C001", "株式会社さくら")
	a.ClosingDay, a.PaymentDay = 20, 10
	storetest.AddCustomers(t, st, a, storetest.Customer("C002", "Acme & Co."))
	storetest.AddProducts(t, st,
		store.Product{Code: "P001", Name: "作業費", Unit: "時間", UnitPrice: 8000, CostPrice: 4000},
		store.Product{Code: "P002", Name: "弁当", Unit: "個", UnitPrice: 800, TaxCategory: store.TaxReduced},
		store.Product{Code: "P003", Name: "印紙代", Unit: "式", UnitPrice: 200, TaxCategory: store.TaxExempt})
	return st
}

// docFile is a file as a user would write it: inputs only, quantities as
// strings and numbers, one line without a product.
const docFile = `[
 {"kind": "invoice", "customer_code": "C001", "issue_date": "2026-11-25", "subject": "11月分",
  "lines": [
   {"product_code": "P001", "description": "作業費", "quantity": "1.5", "unit": "時間", "unit_price": 8000, "tax_rate": 10},
   {"product_code": "p002", "description": "弁当", "quantity": 3, "unit": "個", "unit_price": 800, "tax_rate": 8},
   {"description": "印紙代", "quantity": 1, "unit_price": 200, "tax_rate": 0}]},
 {"kind": "estimate", "customer_code": "C002", "issue_date": "2026-11-01", "valid_until": "2026-11-15",
  "price_mode": "inclusive", "notes": "<税込>",
  "lines": [{"description": "Design", "quantity": 1, "unit_price": 110000, "tax_rate": 10}]},
 {"kind": "delivery_note", "customer_code": "C001", "issue_date": "2026-11-02",
  "lines": [{"description": "部品", "quantity": "2", "unit_price": 1234, "tax_rate": 10}]}
]`

// importText reads, resolves and imports a file: what the CLI does.
func importText(t *testing.T, st *store.Store, text string, issue bool) []store.Document {
	t.Helper()
	ctx := context.Background()
	js, err := ReadDocuments(strings.NewReader(text), "docs.json")
	if err != nil {
		t.Fatalf("ReadDocuments: %v", err)
	}
	r, err := NewResolver(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := r.Resolve(js)
	if err != nil {
		t.Fatalf("Resolve: %v", err)
	}
	out, err := st.ImportDocuments(ctx, docs, issue)
	if err != nil {
		t.Fatalf("ImportDocuments: %v", err)
	}
	return out
}

func TestImportedDocumentsAsJSON(t *testing.T) {
	st := docStore(t)
	docs := importText(t, st, docFile, true)
	got := make([]DocumentJSON, len(docs))
	for i, d := range docs {
		got[i] = ToDocumentJSON(d, docToday)
	}
	inv, est, dn := got[0], got[1], got[2]
	// 1.5 × 8000 = 12000 at 10%, 3 × 800 = 2400 at 8%, 200 at 0%; tax once per rate, floored.
	wantTaxes := []store.TaxLine{{Rate: 10, Net: 12000, Tax: 1200, Gross: 13200}, {Rate: 8, Net: 2400, Tax: 192, Gross: 2592},
		{Rate: 0, Net: 200, Tax: 0, Gross: 200}}
	if inv.Number != "I-2026-0001" || inv.Status != "issued" || *inv.Total != 15992 || !reflect.DeepEqual(inv.Taxes, wantTaxes) {
		t.Errorf("invoice %s %s total %d taxes %+v", inv.Number, inv.Status, *inv.Total, inv.Taxes)
	}
	// ARCHITECTURE.md §4: 20日締め翌月10日払い, 2026-11-25 falls in the cycle
	// closing 2026-12-20, due 2027-01-10, a Sunday → 2027-01-12. The
	// invoice's closing date is the cycle's.
	if *inv.ClosingDate != "2026-12-20" || *inv.DueDate != "2027-01-12" || inv.ValidUntil != nil || inv.DeliveryDate != nil {
		t.Errorf("invoice dates closing %v due %v valid %v delivery %v", *inv.ClosingDate, *inv.DueDate, inv.ValidUntil, inv.DeliveryDate)
	}
	if l := inv.Lines[1]; l.ProductCode != "P002" || l.Quantity != "3" || *l.TaxRate != 8 || *l.Amount != 2400 {
		t.Errorf("line 2 %+v", l)
	}
	if inv.Lines[2].ProductCode != "" || *inv.Lines[2].TaxRate != 0 {
		t.Errorf("free exempt line %+v", inv.Lines[2])
	}
	// Tax-inclusive: 110000 × 10/110 = 10000 tax. Valid until the 15th, read on the 20th: expired.
	if est.Status != store.StatusExpired || *est.ValidUntil != "2026-11-15" || est.Taxes[0].Tax != 10000 ||
		est.Taxes[0].Net != 100000 || *est.Total != 110000 || est.DueDate != nil {
		t.Errorf("estimate %s valid %v taxes %+v", est.Status, est.ValidUntil, est.Taxes)
	}
	if *dn.DeliveryDate != "2026-11-02" || dn.Number != "D-2026-0001" || *dn.Lines[0].Amount != 2468 {
		t.Errorf("delivery note %+v", dn)
	}
}

// The JSON has exactly §8's keys, in its order, the dates by kind, for every
// kind and for drafts as well as issued documents.
func TestDocumentJSONKeys(t *testing.T) {
	st := docStore(t)
	for _, issue := range []bool{false, true} {
		docs := importText(t, st, docFile, issue)
		docs = append(docs, creditNote(t, st))
		var buf bytes.Buffer
		if err := WriteDocumentsJSON(&buf, Documents(docs), docToday); err != nil {
			t.Fatal(err)
		}
		var objs []map[string]json.RawMessage
		if err := json.Unmarshal(buf.Bytes(), &objs); err != nil {
			t.Fatal(err)
		}
		keys := objectKeys(t, buf.Bytes())
		for i, d := range docs {
			want := []string{"kind", "customer_code", "issue_date", "subject", "price_mode", "notes", "lines",
				"number", "status"}
			want = append(want, map[string][]string{"estimate": {"valid_until"}, "delivery_note": {"delivery_date"},
				"invoice": {"due_date", "closing_date"}}[d.Kind]...)
			want = append(want, "taxes", "total")
			if d.Kind == store.KindInvoice && d.Status == store.StatusIssued { // what is paid and open on it
				want = append(want, "paid", "adjusted", "credited", "open", "payment_status")
			}
			want = append(want, "sources", "voided_reason")
			if !reflect.DeepEqual(keys[i], want) {
				t.Errorf("%s keys %v\nwant %v", d.Kind, keys[i], want)
			}
			var lines []map[string]any
			json.Unmarshal(objs[i]["lines"], &lines)
			for _, l := range lines {
				if len(l) != 7 || l["amount"] == nil || l["quantity"] == nil {
					t.Errorf("%s line %v", d.Kind, l)
				}
				if _, ok := l["quantity"].(string); !ok {
					t.Errorf("quantity %v is not a string", l["quantity"])
				}
			}
		}
	}
}

// objectKeys returns the keys of each object of a JSON array, in order.
func objectKeys(t *testing.T, data []byte) [][]string {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.Token()
	var out [][]string
	for dec.More() {
		var keys []string
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var skip any
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
		}
		dec.Token()
		out = append(out, keys)
	}
	return out
}

// creditNote issues a credit note against a new invoice of C001.
func creditNote(t *testing.T, st *store.Store) store.Document {
	t.Helper()
	inv := importText(t, st, `[{"kind": "invoice", "customer_code": "C001", "issue_date": "2026-11-20",
		"lines": [{"description": "x", "quantity": 1, "unit_price": 1000, "tax_rate": 10}]}]`, true)[0]
	return importText(t, st, fmt.Sprintf(`[{"kind": "credit_note", "customer_code": "C001", "issue_date": "2026-11-21",
		"sources": [%q], "lines": [{"description": "値引き", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}]`,
		inv.Number), true)[0]
}

// WriteDocumentsJSON streams what json.Encoder writes for the whole array.
func TestWriteDocumentsJSONLikeEncoder(t *testing.T) {
	st := docStore(t)
	docs := importText(t, st, docFile, true)
	var got bytes.Buffer
	if err := WriteDocumentsJSON(&got, Documents(docs), docToday); err != nil {
		t.Fatal(err)
	}
	all := make([]DocumentJSON, len(docs))
	for i, d := range docs {
		all[i] = ToDocumentJSON(d, docToday)
	}
	var want bytes.Buffer
	if err := writeJSON(&want, all); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Errorf("streamed:\n%s\nencoder:\n%s", got.String(), want.String())
	}
	if !strings.Contains(got.String(), `"<税込>"`) {
		t.Error("notes were HTML-escaped")
	}
	var empty bytes.Buffer
	if err := WriteDocumentsJSON(&empty, Documents(nil), docToday); err != nil || empty.String() != "[]\n" {
		t.Errorf("no documents: %q, %v", empty.String(), err)
	}
	failing := func(yield func(store.Document, error) bool) { yield(store.Document{}, errors.New("disk gone")) }
	if err := WriteDocumentsJSON(&empty, failing, docToday); err == nil || err.Error() != "disk gone" {
		t.Errorf("a failing source gave %v", err)
	}
}

// What list prints, import reads back to the same documents (numbers and
// statuses aside: an import makes new ones).
func TestDocumentsRoundTrip(t *testing.T) {
	st := docStore(t)
	first := importText(t, st, docFile, true)
	var buf bytes.Buffer
	if err := WriteDocumentsJSON(&buf, Documents(first), docToday); err != nil {
		t.Fatal(err)
	}
	again := importText(t, docStore(t), buf.String(), false)
	for i := range first {
		a, b := comparable(first[i]), comparable(again[i])
		if !reflect.DeepEqual(a, b) {
			t.Errorf("document %d:\n first %+v\n again %+v", i+1, a, b)
		}
	}
}

// comparable is a document without what a new import changes: ids, number,
// status, snapshots, stamps, and the dates issuing filled in.
func comparable(d store.Document) store.Document {
	lines := make([]store.Line, len(d.Lines))
	for i, l := range d.Lines {
		l.ID = 0
		lines[i] = l
	}
	return store.Document{Kind: d.Kind, CustomerCode: d.CustomerCode, Subject: d.Subject, IssueDate: d.IssueDate,
		ValidUntil: d.ValidUntil, PriceMode: d.PriceMode, Notes: d.Notes, Lines: lines, Totals: d.Totals}
}

func TestReadDocumentsProblems(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "document field reason"
	}{
		{"types", `[{"kind": 1, "customer_code": "C001", "issue_date": "2026-11-20", "total": "12",
			"lines": [{"description": "x", "quantity": true, "unit_price": 1.5, "tax_rate": "10"}], "sources": "I-1"}]`,
			[]string{"1 kind import.json_text", "1 total import.int", "1 sources import.json_list",
				"1 lines.0.quantity quantity.syntax", "1 lines.0.unit_price import.int", "1 lines.0.tax_rate import.int"}},
		{"unknown keys", `[{"kind": "invoice", "colour": "red", "lines": [{"description": "x", "price": 1}]}]`,
			[]string{"1 colour import.unknown_key", "1 lines.0.price import.unknown_key"}},
		{"not objects", `[{"kind": "invoice", "lines": [1]}, "invoice", null, {"lines": {}}]`,
			[]string{"1 lines.0 import.json_object", "2  import.json_record", "3  import.json_record",
				"4 lines import.json_list"}},
		{"not an array", `{"kind": "invoice"}`, []string{"1  import.json_documents"}},
		{"broken", `[{"kind": "invoice"},`, []string{"2  import.json_truncated"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			js, err := ReadDocuments(strings.NewReader(tt.text), "x.json")
			if got := storetest.Problems(t, err); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems %q\nwant %q", got, tt.want)
			}
			if tt.name == "not objects" && len(js) != 4 {
				t.Errorf("%d records, want one per element so numbers stay right", len(js))
			}
		})
	}
	if _, err := ReadDocuments(strings.NewReader("[]"), "x.json"); !hasReason(err, "import.no_documents") {
		t.Errorf("empty array: %v", err)
	}
}

func TestResolveProblems(t *testing.T) {
	st := docStore(t)
	text := `[
	 {"kind": "invoice", "customer_code": "C999", "issue_date": "2026-11-20",
	  "lines": [{"product_code": "P999", "description": "x", "quantity": "1", "unit_price": 1, "tax_rate": 9}]},
	 {"kind": "invoice", "customer_code": "C001", "issue_date": "2026-02-30", "valid_until": "2026-12-01",
	  "lines": [{"description": "", "quantity": "1.2345", "unit_price": 1, "tax_rate": 10}]},
	 {"kind": "estimate", "customer_code": "c001", "issue_date": "2026-11-20", "total": 1000, "taxes": [],
	  "lines": [{"description": "x", "quantity": "1", "unit_price": 1000, "tax_rate": 10, "amount": 999}]},
	 {"kind": "credit_note", "customer_code": "C001", "issue_date": "2026-11-20",
	  "lines": [{"description": "x", "quantity": "1", "unit_price": -1, "tax_rate": 10}]},
	 {"kind": "credit_note", "customer_code": "C001", "issue_date": "2026-11-20", "sources": ["I-2026-0099"],
	  "lines": [{"description": "x", "quantity": "1", "unit_price": -1}]},
	 {"kind": "memo", "customer_code": "C001", "issue_date": "2026-11-20", "price_mode": "gross", "lines": []}
	]`
	js, err := ReadDocuments(strings.NewReader(text), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewResolver(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Resolve(js)
	want := []string{
		"1 customer_code customer.not_found",
		"1 lines.0.product_code product.not_found",
		"1 lines.0.tax_rate import.tax_rate",
		"2 issue_date date.range",
		"2 valid_until import.not_for_kind",
		"2 lines.0.quantity quantity.decimals",
		"2 lines.0.description required",
		"3 lines.0.amount import.mismatch",
		"3 taxes import.taxes_mismatch",
		"3 total import.mismatch",
		"4 sources document.credit_needs_invoice",
		"5 sources document.not_found",
		"6 kind choice",
		"6 price_mode choice",
	}
	if got := storetest.Problems(t, err); !reflect.DeepEqual(got, want) {
		t.Errorf("problems:\n%q\nwant\n%q", got, want)
	}
}

// A rate means the category that has it on the issue date: 8% is reduced
// today, but was the standard rate before 2019-10-01.
func TestResolveTaxRates(t *testing.T) {
	st := docStore(t)
	r, err := NewResolver(context.Background(), st)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		rate int
		date time.Time
		want string
	}{
		{10, docToday, store.TaxStandard},
		{8, docToday, store.TaxReduced},
		{0, docToday, store.TaxExempt},
		{8, store.DateOf(2019, 9, 30), store.TaxStandard},
		{5, store.DateOf(2010, 1, 1), store.TaxStandard},
		{5, docToday, ""},
		{10, store.DateOf(2019, 9, 30), ""},
	} {
		if got := r.category(tt.rate, tt.date); got != tt.want {
			t.Errorf("%d%% on %s = %q, want %q", tt.rate, store.FormatDate(tt.date), got, tt.want)
		}
	}
}

// A credit note made by import names its invoice in sources and keeps the link.
func TestImportCreditNoteBySource(t *testing.T) {
	st := docStore(t)
	cn := creditNote(t, st)
	if cn.Number != "C-2026-0001" || len(cn.Sources) != 1 || cn.Sources[0].Kind != store.KindInvoice {
		t.Errorf("credit note %s sources %+v", cn.Number, cn.Sources)
	}
	if j := ToDocumentJSON(cn, docToday); !reflect.DeepEqual(j.Sources, []string{cn.Sources[0].Number}) {
		t.Errorf("sources in JSON %v", j.Sources)
	}
}

// ImportDocuments' field names become the file's keys.
func TestDocumentProblems(t *testing.T) {
	in := store.BatchError{
		{Line: 1, Err: store.Invalid("customer", "required")},
		{Line: 2, Err: store.Invalid("lines.3.tax_category", "document.line_no_tax")},
		{Line: 2, Err: store.Invalid("lines.0.product", "product.not_found")},
		{Line: 3, Err: store.Invalid("corrects", "document.credit_needs_invoice")},
		{Line: 3, Err: store.Invalid("company.registration_number", "document.company_regno")},
	}
	var got []string
	for _, re := range DocumentProblems(in) {
		got = append(got, re.Err.Field)
	}
	want := []string{"customer_code", "lines.3.tax_rate", "lines.0.product_code", "sources", "company.registration_number"}
	if !reflect.DeepEqual(got, want) || in[0].Err.Field != "customer" {
		t.Errorf("fields %v, want %v (and the input unchanged: %s)", got, want, in[0].Err.Field)
	}
}

func TestWriteDocumentsCSV(t *testing.T) {
	ds := []store.DocumentSummary{
		{Kind: store.KindEstimate, Status: store.StatusIssued, Number: "Q-2026-0001", CustomerCode: "C001",
			CustomerName: "=cmd", Subject: "-見積", IssueDate: store.DateOf(2026, 11, 1),
			ValidUntil: store.DateOf(2026, 11, 10), Total: 12345},
		{Kind: store.KindInvoice, Status: store.StatusDraft, CustomerCode: "C002", CustomerName: "Acme",
			IssueDate: store.DateOf(2026, 11, 2), DueDate: store.DateOf(2026, 12, 31), Total: -5},
		{Kind: store.KindInvoice, Status: store.StatusIssued, Number: "I-2026-0001", CustomerCode: "C002",
			CustomerName: "Acme", IssueDate: store.DateOf(2026, 11, 3), DueDate: store.DateOf(2026, 11, 4), Total: 11000,
			Paid: 5000, Adjusted: 440, Credited: 1100, Open: 4460, PaymentStatus: store.BalancePartlyPaid},
	}
	var buf bytes.Buffer
	if err := WriteDocumentsCSV(&buf, ds, docToday); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{documentCSVKeys,
		{"Q-2026-0001", "estimate", "C001", "'=cmd", "'-見積", "2026-11-01", "12345", "expired", "", "", "", "", "", ""},
		{"", "invoice", "C002", "Acme", "", "2026-11-02", "-5", "draft", "2026-12-31", "", "", "", "", ""},
		// payment_status, not the state on a day: the CSV says overdue nowhere.
		{"I-2026-0001", "invoice", "C002", "Acme", "", "2026-11-03", "11000", "issued", "2026-11-04",
			"5000", "440", "1100", "4460", "partly_paid"}}
	if !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %q\nwant %q", rows, want)
	}
}

func TestProducts(t *testing.T) {
	var tags []string
	typ := reflect.TypeFor[store.Product]()
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("json"); tag != "-" {
			tags = append(tags, tag)
		}
	}
	if !reflect.DeepEqual(tags, productKeys) {
		t.Errorf("json tags %v != %v", tags, productKeys)
	}
	ps := []store.Product{{Code: "P001", Name: "+α", Unit: "式", UnitPrice: 1000, CostPrice: 600,
		TaxCategory: store.TaxReduced, Archived: true}}
	var buf bytes.Buffer
	if err := WriteProductsCSV(&buf, ps); err != nil {
		t.Fatal(err)
	}
	if want := strings.Join(productKeys, ",") + "\r\nP001,'+α,,式,1000,600,reduced,true\r\n"; buf.String() != want {
		t.Errorf("csv %q\nwant %q", buf.String(), want)
	}
	buf.Reset()
	if err := WriteProductsJSON(&buf, nil); err != nil || buf.String() != "[]\n" {
		t.Errorf("no products: %q %v", buf.String(), err)
	}
}

// Whatever the file, ReadDocuments returns documents or problems with a
// document number, never panics, and a file it reads whole marshals back to
// JSON that reads the same.
func FuzzReadDocuments(f *testing.F) {
	for _, seed := range []string{docFile, "", "[", "[]", "[1]", "[null]", `[{"lines": [1, {}]}]`,
		`[{"kind": "invoice", "total": 1e400}]`, `[{"lines": [{"quantity": -0.0001, "unit_price": 9223372036854775808}]}]`,
		`[{"valid_until": "2026-02-30", "sources": [1]}]`, "\xEF\xBB\xBF[{}]", `[{"kind": "x"}] trailing`} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		js, err := ReadDocuments(bytes.NewReader(data), "fuzz")
		var batch store.BatchError
		if errors.As(err, &batch) {
			for _, re := range batch {
				if re.Err == nil || re.Line < 1 || re.Line > len(js)+1 {
					t.Fatalf("bad problem %+v (%d documents)", re, len(js))
				}
			}
			return
		}
		if err != nil {
			return
		}
		out, err := json.Marshal(js)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ReadDocuments(bytes.NewReader(out), "again")
		if err != nil {
			t.Fatalf("re-reading %s: %v", out, err)
		}
		if !reflect.DeepEqual(again, js) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", again, js)
		}
	})
}
