package store_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// BenchmarkIssue issues one 10-line invoice draft in a ledger of 100,000
// documents: the number from the counter, the customer and company
// snapshots, the freeze and the audit row, in one transaction with
// synchronous=FULL. Target: under 5 ms.
func BenchmarkIssue(b *testing.B) {
	st := newBenchStore(b)
	ctx := b.Context()
	company := validCompany()
	if err := st.SaveCompany(ctx, &company); err != nil {
		b.Fatal(err)
	}
	cust := fullCustomer("C0001")
	if err := st.CreateCustomer(ctx, &cust); err != nil {
		b.Fatal(err)
	}
	lines := make([]store.Line, 10)
	for i := range lines {
		lines[i] = storetest.Line(fmt.Sprintf("作業 %d", i+1), "1.5", store.Money(1000*(i+1)), store.TaxCategories[i%2])
	}
	draft := func() int64 {
		d := store.Document{Kind: store.KindInvoice, CustomerID: cust.ID, Subject: "月額保守", IssueDate: storetest.Date("2026-11-20"),
			Lines: append([]store.Line(nil), lines...)}
		if err := st.SaveDraft(ctx, &d); err != nil {
			b.Fatal(err)
		}
		return d.ID
	}
	// A ledger in use: 100,000 invoices of earlier years, and a few of this one.
	fillIssuedInvoices(b, st, cust.ID, 100_000)
	for range 20 {
		if _, err := st.Issue(ctx, draft(), 0); err != nil {
			b.Fatal(err)
		}
	}
	ids := make([]int64, b.N)
	for i := range ids {
		ids[i] = draft()
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := st.Issue(ctx, ids[i], 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocumentSummaries100k reads the documents list of a ledger of
// 100,000 issued invoices: the whole list (what the Documents screen loads
// behind its first page, and list documents prints) and the newest page
// (the screen's first frame). Targets: under 300 ms and under 5 ms.
func BenchmarkDocumentSummaries100k(b *testing.B) {
	st := newBenchStore(b)
	company := validCompany()
	if err := st.SaveCompany(b.Context(), &company); err != nil {
		b.Fatal(err)
	}
	cust := fullCustomer("C0001")
	if err := st.CreateCustomer(b.Context(), &cust); err != nil {
		b.Fatal(err)
	}
	fillIssuedInvoices(b, st, cust.ID, 100_000)
	for _, bb := range []struct {
		name  string
		limit int
	}{{"all", 0}, {"first_page", 200}} {
		b.Run(bb.name, func(b *testing.B) {
			for b.Loop() {
				ds, err := st.DocumentSummaries(b.Context(), store.DocumentFilter{Limit: bb.limit})
				if err != nil || len(ds) == 0 {
					b.Fatalf("%d documents, %v", len(ds), err)
				}
			}
		})
	}
}

// BenchmarkComputeTotals100Lines: the totals the editor recomputes on every
// keystroke. Target: under 50 µs.
func BenchmarkComputeTotals100Lines(b *testing.B) {
	lines := make([]store.Line, 100)
	rates := []int{10, 8, 0}
	for i := range lines {
		amount, err := store.LineAmount(store.Quantity(1500+i*7), store.Money(999*(i+1)))
		if err != nil {
			b.Fatal(err)
		}
		lines[i] = store.Line{TaxRate: rates[i%3], Amount: amount}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := store.ComputeTotals(lines, store.PriceExclusive, store.RoundFloor); err != nil {
			b.Fatal(err)
		}
	}
}

// newBenchStore opens a fresh database file like newTestStore, for benchmarks.
func newBenchStore(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "daicho.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	st.Actor = "bench"
	st.Now = func() time.Time { return fixedNow }
	// The people the fixtures name as in charge: fullCustomer's and the
	// bulk inserts' (担当0 … 担当6) must be staff entries.
	storetest.Staff(b, st, append(slices.Clone(testStaff), "担当0", "担当1", "担当2", "担当3", "担当4", "担当5", "担当6")...)
	return st
}

// fillIssuedInvoices adds n issued one-line invoices of fiscal 2024–2025 in
// one statement per table (through the API it would take minutes): drafts
// first, their lines and taxes, then issued, as the triggers require.
func fillIssuedInvoices(b *testing.B, st *store.Store, customerID int64, n int) {
	b.Helper()
	ts := fixedNow.Format(time.RFC3339Nano)
	tx, err := st.DB().BeginTx(b.Context(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	for _, q := range []string{
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO documents (id, kind, customer_id, subject, issue_date, closing_date, due_date, currency, tax_rounding,
			subtotal, tax, total, created_at, updated_at)
		SELECT 1000000 + i, 'invoice', ?, '月額保守 ' || i, date('2024-04-01', '+' || (i * 700 / ?) || ' days'),
			date('2024-04-01', '+' || (i * 700 / ?) || ' days'), date('2024-05-31', '+' || (i * 700 / ?) || ' days'),
			'JPY', 'floor', 10000, 1000, 11000, '` + ts + `', '` + ts + `' FROM n`,
		`INSERT INTO document_lines (document_id, position, description, quantity, unit, unit_price, tax_category, tax_rate, amount)
		SELECT id, 0, '保守', 1000, '月', 10000, 'standard', 10, 10000 FROM documents WHERE id > 1000000`,
		`INSERT INTO document_taxes (document_id, rate, net, tax, gross)
		SELECT id, 10, 10000, 1000, 11000 FROM documents WHERE id > 1000000`,
		`INSERT INTO snapshots (id, hash, body) VALUES (1000001, 'bench-customer', '{"code":"C0001"}'),
			(1000002, 'bench-company', '{}')`,
		`UPDATE documents SET status = 'issued', fiscal_year = 2024 + (issue_date >= '2025-04-01'), seq = id - 1000000,
			number = 'I-' || (2024 + (issue_date >= '2025-04-01')) || '-' || printf('%06d', id - 1000000),
			customer_snapshot = 1000001, company_snapshot = 1000002, issued_at = '` + ts + `' WHERE id > 1000000`,
		`INSERT INTO counters (kind, fiscal_year, last) SELECT 'invoice', fiscal_year, max(seq) FROM documents
			WHERE id > 1000000 GROUP BY fiscal_year`,
	} {
		var args []any
		if strings.HasPrefix(q, "WITH") {
			args = []any{n, customerID, n, n, n}
		}
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	var issued int
	if err := st.DB().QueryRow(`SELECT count(*) FROM documents WHERE status = 'issued' AND number IS NOT NULL`).Scan(&issued); err != nil || issued != n {
		b.Fatalf("%d issued documents after the fill, want %d (%v)", issued, n, err)
	}
}
