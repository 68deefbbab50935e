package store_test

import (
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// fillSalesLedger adds 1,000 customers (seven persons in charge), 20 products
// with costs and n issued invoices over three years (2023-12 to 2026-11),
// each with 1–3 lines (one in 25 without a product, the third at the reduced
// 8 %), one in ten priced tax-inclusive, in a few statements: drafts with
// their lines first, then each rate's figures and the totals computed from
// the lines as ComputeTotals would (floor rounding), then issued.
func fillSalesLedger(b *testing.B, st *store.Store, n int) {
	b.Helper()
	ts := fixedNow.Format(time.RFC3339Nano)
	execBench(b, st, n,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
		INSERT INTO customers (id, code, name, kana, person_in_charge, created_at, updated_at)
		SELECT 100000 + i, 'B' || printf('%05d', i), '株式会社ベンチ' || i, 'ベンチ', '担当' || (i % 7), '`+ts+`', '`+ts+`' FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
		INSERT INTO products (id, code, name, unit_price, cost_price, created_at, updated_at)
		SELECT 100000 + i, 'BP' || printf('%03d', i), '商品' || i, 1000 + i * 100, 600 + i * 50, '`+ts+`', '`+ts+`' FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
		INSERT INTO documents (id, kind, customer_id, subject, issue_date, closing_date, due_date, price_mode,
			currency, tax_rounding, created_at, updated_at)
		SELECT 3000000 + i, 'invoice', 100001 + i % 1000, '納品', date('2023-12-01', '+' || (i * 1085 / ?1) || ' days'),
			date('2023-12-01', '+' || (i * 1085 / ?1) || ' days'), date('2024-01-31', '+' || (i * 1085 / ?1) || ' days'),
			iif(i % 10 = 3, 'inclusive', 'exclusive'), 'JPY', 'floor', '`+ts+`', '`+ts+`' FROM n`,
		// Line j of invoice i: 1–4 units of product (i + j) % 20 at its price
		// plus a few hundred yen, costing 60 % of that, quantity whole so the
		// amount is exact.
		`WITH RECURSIVE j(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM j WHERE k < 2)
		INSERT INTO document_lines (document_id, position, product_id, description, quantity, unit, unit_price,
			tax_category, tax_rate, cost_price, amount)
		SELECT d.id, j.k, iif((d.id + j.k) % 25 = 0, NULL, 100001 + (d.id + j.k) % 20), '品目', 1000 * (1 + (d.id + j.k) % 4), '個',
			1000 + (d.id * 7 + j.k) % 50 * 100, iif(j.k = 2, 'reduced', 'standard'), iif(j.k = 2, 8, 10),
			(1000 + (d.id * 7 + j.k) % 50 * 100) * 6 / 10 + (d.id % 3),
			(1 + (d.id + j.k) % 4) * (1000 + (d.id * 7 + j.k) % 50 * 100)
		FROM documents d JOIN j ON j.k <= d.id % 3 WHERE d.id > 3000000`,
		`INSERT INTO document_taxes (document_id, rate, net, tax, gross)
		SELECT document_id, tax_rate,
			iif(d.price_mode = 'inclusive', sum(amount) - sum(amount) * tax_rate / (100 + tax_rate), sum(amount)),
			iif(d.price_mode = 'inclusive', sum(amount) * tax_rate / (100 + tax_rate), sum(amount) * tax_rate / 100),
			iif(d.price_mode = 'inclusive', sum(amount), sum(amount) + sum(amount) * tax_rate / 100)
		FROM document_lines l JOIN documents d ON d.id = l.document_id WHERE d.id > 3000000 GROUP BY document_id, tax_rate`,
		`UPDATE documents SET subtotal = t.net, tax = t.tax, total = t.gross
		FROM (SELECT document_id, sum(net) net, sum(tax) tax, sum(gross) gross FROM document_taxes
			WHERE document_id > 3000000 GROUP BY document_id) t WHERE t.document_id = documents.id`,
		`INSERT INTO snapshots (id, hash, body) VALUES (3000001, 'bench-sales-customer', '{"code":"B00001"}'),
			(3000002, 'bench-sales-company', '{}')`,
		`UPDATE documents SET status = 'issued', fiscal_year = 1900, seq = id - 3000000,
			number = 'I-S-' || printf('%06d', id - 3000000), customer_snapshot = 3000001, company_snapshot = 3000002,
			issued_at = '`+ts+`' WHERE id > 3000000`,
	)
}

// salesLedger is a 100,000-invoice ledger with about 200,000 lines.
func salesLedger(b *testing.B) *store.Store {
	b.Helper()
	st := newBenchStore(b)
	company := validCompany()
	if err := st.SaveCompany(b.Context(), &company); err != nil {
		b.Fatal(err)
	}
	fillSalesLedger(b, st, 100_000)
	return st
}

// benchReport runs one report over the whole ledger and checks it counted
// every invoice. Target: under 300 ms each.
func benchReport(b *testing.B, by string) {
	st := salesLedger(b)
	var rep store.Report
	for b.Loop() {
		var err error
		if rep, err = st.SalesReport(b.Context(), store.ReportQuery{By: by}); err != nil {
			b.Fatal(err)
		}
	}
	if rep.Total.Documents != 100_000 || rep.Total.Sales <= 0 || rep.Total.Cost <= 0 {
		b.Fatalf("total %+v", rep.Total)
	}
	b.ReportMetric(float64(len(rep.Rows)), "rows")
}

func BenchmarkSalesReportByMonth(b *testing.B)    { benchReport(b, store.ReportByMonth) }
func BenchmarkSalesReportByCustomer(b *testing.B) { benchReport(b, store.ReportByCustomer) }
func BenchmarkSalesReportByProduct(b *testing.B)  { benchReport(b, store.ReportByProduct) }
func BenchmarkSalesReportByPerson(b *testing.B)   { benchReport(b, store.ReportByPerson) }

// BenchmarkSalesReportYear: the last twelve months, read through the
// issue-date index.
func BenchmarkSalesReportYear(b *testing.B) {
	st := salesLedger(b)
	q := store.ReportQuery{From: storetest.Date("2025-12-01"), To: storetest.Date("2026-11-30"), By: store.ReportByMonth}
	for b.Loop() {
		if _, err := st.SalesReport(b.Context(), q); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCashReceived over the 100,000 payments of the overdue ledger.
func BenchmarkCashReceived(b *testing.B) {
	st := overdueLedger(b)
	for b.Loop() {
		if _, err := st.CashReceived(b.Context(), time.Time{}, time.Time{}); err != nil {
			b.Fatal(err)
		}
	}
}
