package exchange

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"daicho/store"
)

// importStream imports a file as `daicho import documents` does
// (ImportDocuments, reading it as a stream) and returns the stored
// documents as the import hands them over.
func importStream(t testing.TB, st *store.Store, text string, issue bool) ([]store.Document, error) {
	t.Helper()
	var out []store.Document
	err := ImportDocuments(context.Background(), st, strings.NewReader(text), "docs.json", issue,
		func(d store.Document) error {
			out = append(out, d)
			return nil
		})
	return out, err
}

// manyDocuments is a documents file of n documents like docFile's first
// (three lines, two rates, Japanese text), then extra records.
func manyDocuments(n int, extra ...string) string {
	var b strings.Builder
	b.WriteString("[\n")
	for i := range n {
		fmt.Fprintf(&b, `{"kind": "invoice", "customer_code": "C00%d", "issue_date": "2026-11-%02d", "subject": "11月分 保守 %d",
 "lines": [{"product_code": "P001", "description": "作業費", "quantity": "%d.5", "unit": "時間", "unit_price": 8000, "tax_rate": 10},
  {"product_code": "P002", "description": "弁当", "quantity": 3, "unit": "個", "unit_price": 800, "tax_rate": 8},
  {"description": "出張費（東京都）", "quantity": 1, "unit_price": 2000, "tax_rate": 10}]},
`, 1+i%2, 1+i%28, i, 1+i%5)
	}
	for _, e := range extra {
		b.WriteString(e + ",\n")
	}
	return strings.TrimSuffix(b.String(), ",\n") + "\n]\n"
}

// The stream stores what reading the file whole and importing the batch
// stores, and hands over each document as reloading it gives it, in the
// JSON: drafts and issued, made from an estimate, a closing invoice of a
// delivery note, a credit note.
func TestImportDocumentsStreamAsBatch(t *testing.T) {
	for _, issue := range []bool{false, true} {
		var numbers []string // of docFile's invoice, estimate and delivery note
		ledger := func() *store.Store {
			st := docStore(t)
			numbers = nil
			for _, d := range importText(t, st, docFile, true) {
				numbers = append(numbers, d.Number)
			}
			return st
		}
		st := ledger()
		text := strings.TrimSuffix(strings.TrimSpace(manyDocuments(3)), "]") + fmt.Sprintf(`,
 {"kind": "invoice", "customer_code": "C002", "issue_date": "2026-11-10", "price_mode": "inclusive", "sources": [%q]},
 {"kind": "invoice", "customer_code": "C001", "issue_date": "2026-11-20", "sources": [%q]},
 {"kind": "credit_note", "customer_code": "C001", "issue_date": "2026-11-26", "sources": [%q],
  "lines": [{"description": "値引き", "quantity": 1, "unit_price": 1000, "tax_rate": 10}]}
]`, numbers[1], numbers[2], numbers[0])
		batch := importText(t, ledger(), text, issue)
		streamed, err := importStream(t, st, text, issue)
		if err != nil {
			t.Fatal(err)
		}
		var a, b bytes.Buffer
		if err := WriteDocumentsJSON(&a, Documents(batch), docToday); err != nil {
			t.Fatal(err)
		}
		if err := WriteDocumentsJSON(&b, Documents(streamed), docToday); err != nil {
			t.Fatal(err)
		}
		if a.String() != b.String() {
			t.Errorf("issue %v: the stream printed\n%s\nthe batch\n%s", issue, b.String(), a.String())
		}
		if !strings.Contains(a.String(), `"sources": [
      "`+numbers[2]) || !strings.Contains(a.String(), `"total": -1100`) && !strings.Contains(a.String(), `"total": 1100`) {
			t.Errorf("issue %v: sources missing:\n%s", issue, a.String())
		}
	}
}

// A bad record after many good ones refuses the whole file, naming the
// record, and stores nothing: neither a document nor an audit row. A
// problem only the store finds (a due date before the issue date) does the
// same.
func TestImportDocumentsStreamRefusesLateRecord(t *testing.T) {
	st := docStore(t)
	auditBefore := count(t, st, "audit_log")
	for _, tt := range []struct {
		bad, want string
	}{
		{`{"kind": "invoice", "customer_code": "C999", "issue_date": "2026-11-20", "lines": []}`,
			"302 customer_code customer.not_found"},
		{`{"kind": "invoice", "customer_code": "C001", "issue_date": "2026-11-25", "due_date": "2026-11-01",
		  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}`,
			"302 due_date document.due_before_issue"},
	} {
		good := `{"kind": "invoice", "customer_code": "C002", "issue_date": "2026-11-20",
		  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}`
		_, err := importStream(t, st, manyDocuments(300, good, tt.bad, good), true)
		var batch store.BatchError
		if !errors.As(err, &batch) {
			t.Fatalf("err = %v, want problems", err)
		}
		var got []string
		for _, re := range DocumentProblems(batch) {
			got = append(got, fmt.Sprintf("%d %s %s", re.Line, re.Err.Field, re.Err.Reason))
		}
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("problems %q, want %q", got, tt.want)
		}
		for _, table := range []string{"documents", "document_lines", "document_taxes", "counters", "invoice_balances"} {
			if n := count(t, st, table); n != 0 {
				t.Errorf("%s has %d rows after a refused import", table, n)
			}
		}
		if n := count(t, st, "audit_log"); n != auditBefore {
			t.Errorf("audit rows %d, were %d", n, auditBefore)
		}
	}
}

// The stream's reader refuses a key given twice and anything after the
// array, naming the record, and stores nothing.
func TestImportDocumentsStreamRefusesDuplicateKeysAndTrailing(t *testing.T) {
	st := docStore(t)
	dup := `{"kind": "invoice", "customer_code": "C001", "issue_date": "2026-11-20", "subject": "a", "subject": "b",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "unit_price": 1, "tax_rate": 10}]}`
	for _, tt := range []struct {
		name, text string
		want       []string
	}{
		{"duplicate keys", manyDocuments(3, dup), []string{"4 subject import.duplicate_key", "4 lines.0.unit_price import.duplicate_key"}},
		{"trailing", manyDocuments(3) + `{"kind": "invoice"}`, []string{"4  import.json_trailing"}},
		{"trailing array", manyDocuments(3) + "[]", []string{"4  import.json_trailing"}},
	} {
		_, err := importStream(t, st, tt.text, false)
		var batch store.BatchError
		if !errors.As(err, &batch) {
			t.Fatalf("%s: err = %v, want problems", tt.name, err)
		}
		var got []string
		for _, re := range batch {
			got = append(got, fmt.Sprintf("%d %s %s", re.Line, re.Err.Field, re.Err.Reason))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s: problems %q, want %q", tt.name, got, tt.want)
		}
		if n := count(t, st, "documents"); n != 0 {
			t.Errorf("%s: %d documents stored", tt.name, n)
		}
	}
}

func count(t testing.TB, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// BenchmarkImportDocuments imports 10,000 documents (three lines, two
// rates) as drafts into a new ledger per run, as `daicho import documents`
// does (printing them as JSON, to io.Discard), and reports the bytes
// allocated per document: what streaming keeps bounded (go test
// ./store/exchange -run - -bench ImportDocuments).
func BenchmarkImportDocuments(b *testing.B) {
	const n = 10_000
	text := manyDocuments(n)
	var allocated uint64
	for b.Loop() {
		b.StopTimer()
		st := docStore(b)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		jw := NewDocumentsJSONWriter(io.Discard, docToday)
		err := ImportDocuments(context.Background(), st, strings.NewReader(text), "docs.json", false, jw.Write)
		if err == nil {
			err = jw.Close()
		}
		b.StopTimer()
		runtime.ReadMemStats(&after)
		allocated += after.TotalAlloc - before.TotalAlloc
		if err != nil {
			b.Fatal(err)
		}
		st.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(allocated)/float64(b.N*n), "B/document")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/document")
}
