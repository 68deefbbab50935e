package store_test

import (
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// fillPaidLedger adds 1,000 customers and n issued invoices over three years
// (due 2023-12 to 2027-01) in a few statements: 90% paid in full by a
// payment of their own (one in 50 of them ¥440 short, closed as a transfer
// fee), 5% half paid, 5% unpaid. Invoices are inserted as issued,
// without lines: the balance queries read neither lines nor snapshots.
func fillPaidLedger(b *testing.B, st *store.Store, n int) {
	b.Helper()
	ts := fixedNow.Format(time.RFC3339Nano)
	execBench(b, st, n,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
		INSERT INTO customers (id, code, name, kana, person_in_charge, created_at, updated_at)
		SELECT 100000 + i, 'B' || printf('%05d', i), '株式会社ベンチ' || i, 'ベンチ', '担当' || (i % 7), '`+ts+`', '`+ts+`' FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
		INSERT INTO documents (id, kind, status, number, fiscal_year, seq, customer_id, subject, issue_date, closing_date,
			due_date, currency, tax_rounding, subtotal, tax, total, issued_at, created_at, updated_at)
		SELECT 2000000 + i, 'invoice', 'issued', 'I-B-' || printf('%06d', i), 1900, i, 100001 + i % 1000, '月額保守',
			date('2023-11-01', '+' || (i * 1125 / ?1) || ' days'), date('2023-11-01', '+' || (i * 1125 / ?1) || ' days'),
			date('2023-12-31', '+' || (i * 1125 / ?1) || ' days'), 'JPY', 'floor', 10000 + i % 50 * 100,
			1000 + i % 50 * 10, 11000 + i % 50 * 110, '`+ts+`', '`+ts+`', '`+ts+`' FROM n`,
		// A payment per paid invoice (id shared), the full total or, for 5%, half of it.
		`INSERT INTO payments (id, customer_id, date, amount, method, payer_name, actor, created_at)
		SELECT id, customer_id, due_date, CASE WHEN id % 20 = 18 THEN total / 2 ELSE total END, 'bank_transfer', 'ﾍﾞﾝﾁ', 'bench', '`+ts+`'
		FROM documents WHERE id > 2000000 AND id % 20 < 19`,
		`INSERT INTO allocations (payment_id, invoice_id, amount, date, actor, created_at)
		SELECT p.id, p.id, CASE WHEN p.id % 50 = 7 THEN p.amount - 440 ELSE p.amount END, p.date, 'bench', '`+ts+`'
		FROM payments p WHERE p.id > 2000000`,
		`INSERT INTO adjustments (invoice_id, kind, amount, date, actor, created_at)
		SELECT id, 'transfer_fee', 440, due_date, 'bench', '`+ts+`' FROM documents WHERE id > 2000000 AND id % 50 = 7`,
	)
	if err := st.CheckInvariants(b.Context()); err != nil {
		b.Fatal(err)
	}
}

// execBench runs the statements that fill a benchmark ledger in one
// transaction (SQL is far faster than the API for 100,000 rows); ?1 in a
// statement is n.
func execBench(b *testing.B, st *store.Store, n int, stmts ...string) {
	b.Helper()
	tx, err := st.DB().BeginTx(b.Context(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	for _, q := range stmts {
		var args []any
		if strings.Contains(q, "?1") {
			args = []any{n}
		}
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
}

// overdueLedger is a 100,000-invoice ledger, filled once per benchmark run.
func overdueLedger(b *testing.B) *store.Store {
	b.Helper()
	st := newBenchStore(b)
	company := validCompany()
	if err := st.SaveCompany(b.Context(), &company); err != nil {
		b.Fatal(err)
	}
	fillPaidLedger(b, st, 100_000)
	return st
}

// BenchmarkOverdue lists the overdue invoices of 100,000 (10,000 open, 9,376
// of them past due), with what is open on each: the overdue screen's query. Target: well under 150 ms (the first frame).
func BenchmarkOverdue(b *testing.B) {
	st := overdueLedger(b)
	asOf := storetest.Date("2026-11-20")
	var items []store.OverdueInvoice
	for b.Loop() {
		var err error
		if items, err = st.Overdue(b.Context(), asOf); err != nil {
			b.Fatal(err)
		}
	}
	if len(items) < 9_000 {
		b.Fatalf("only %d overdue", len(items))
	}
	b.ReportMetric(float64(len(items)), "overdue")
}

// BenchmarkInvoiceBalancesOpen: every open invoice of the 100,000.
func BenchmarkInvoiceBalancesOpen(b *testing.B) {
	st := overdueLedger(b)
	for b.Loop() {
		if _, err := st.InvoiceBalances(b.Context(), store.BalanceFilter{OpenOnly: true}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAging totals the overdue list per bucket and customer. Target:
// under 50 ms.
func BenchmarkAging(b *testing.B) {
	st := overdueLedger(b)
	items, err := st.Overdue(b.Context(), storetest.Date("2026-11-20"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		a := store.Aging(items)
		if a.Count != len(items) {
			b.Fatal(a.Count)
		}
	}
}

// BenchmarkCheckInvariants over the 100,000-invoice ledger.
func BenchmarkCheckInvariants(b *testing.B) {
	st := overdueLedger(b)
	for b.Loop() {
		if err := st.CheckInvariants(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
}
