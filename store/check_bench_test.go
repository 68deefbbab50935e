package store_test

import (
	"syscall"
	"testing"
	"time"

	"daicho/store"
)

// fillCheckLedger adds what `daicho check` reads on the large demo: 1,000
// customers and n issued invoices over fiscal 2024–2026, numbered gaplessly
// per year, each with three lines (two at 10%, one at 8%), their per-rate
// tax rows and totals as ComputeTotals gives them; 90% paid by a payment of
// their own; and three audit rows per invoice (the audit log is the largest
// table of a real ledger, and integrity_check and the audit chain's check
// read all of it; BenchmarkCheck seals the records into the chain). Documents are
// inserted as drafts, then issued, as the freezing triggers require.
func fillCheckLedger(b *testing.B, st *store.Store, n int) {
	b.Helper()
	ts := fixedNow.Format(time.RFC3339Nano)
	// Line amounts of invoice i: a0 + a1 at 10%, a2 at 8% (see the lines).
	const a0, a1, a2 = `((1 + i % 3) * (10000 + i % 50 * 100))`, `(12000 + i % 7 * 15)`, `((1 + i % 2) * (1080 + i % 9))`
	execBench(b, st, n,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
		INSERT INTO customers (id, code, name, kana, created_at, updated_at)
		SELECT 100000 + i, 'B' || printf('%05d', i), '株式会社ベンチ' || i, 'ベンチ', '`+ts+`', '`+ts+`' FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
		INSERT INTO documents (id, kind, customer_id, subject, issue_date, closing_date, due_date, currency, tax_rounding,
			subtotal, tax, total, created_at, updated_at)
		SELECT 3000000 + i, 'invoice', 100001 + i % 1000, '月額保守', date('2024-04-01', '+' || (i * 1095 / ?1) || ' days'),
			date('2024-04-01', '+' || (i * 1095 / ?1) || ' days'), date('2024-05-31', '+' || (i * 1095 / ?1) || ' days'),
			'JPY', 'floor', `+a0+` + `+a1+` + `+a2+`,
			(`+a0+` + `+a1+`) * 10 / 100 + `+a2+` * 8 / 100,
			(`+a0+` + `+a1+`) * 110 / 100 + `+a2+` * 108 / 100, '`+ts+`', '`+ts+`' FROM n`,
		`INSERT INTO document_lines (document_id, position, description, quantity, unit, unit_price, tax_category, tax_rate, amount)
		SELECT id, 0, '保守', 1000 * (1 + i % 3), '月', 10000 + i % 50 * 100, 'standard', 10, `+a0+`
			FROM (SELECT id, id - 3000000 AS i FROM documents WHERE id > 3000000)
		UNION ALL SELECT id, 1, '作業', 1500, '時間', 8000 + i % 7 * 10, 'standard', 10, `+a1+`
			FROM (SELECT id, id - 3000000 AS i FROM documents WHERE id > 3000000)
		UNION ALL SELECT id, 2, '弁当', 1000 * (1 + i % 2), '個', 1080 + i % 9, 'reduced', 8, `+a2+`
			FROM (SELECT id, id - 3000000 AS i FROM documents WHERE id > 3000000)
		ORDER BY 1, 2`,
		`INSERT INTO document_taxes (document_id, rate, net, tax, gross)
		SELECT id, 10, `+a0+` + `+a1+`, (`+a0+` + `+a1+`) * 10 / 100, (`+a0+` + `+a1+`) * 110 / 100
			FROM (SELECT id, id - 3000000 AS i FROM documents WHERE id > 3000000)
		UNION ALL SELECT id, 8, `+a2+`, `+a2+` * 8 / 100, `+a2+` * 108 / 100
			FROM (SELECT id, id - 3000000 AS i FROM documents WHERE id > 3000000)`,
		`INSERT INTO snapshots (id, hash, body) VALUES (3000001, 'check-customer', '{"code":"B00001"}'),
			(3000002, 'check-company', '{}')`,
		`UPDATE documents SET status = 'issued', fiscal_year = y.fy, seq = y.seq,
			number = 'I-' || y.fy || '-' || printf('%05d', y.seq),
			customer_snapshot = 3000001, company_snapshot = 3000002, issued_at = '`+ts+`'
		FROM (SELECT id, fy, row_number() OVER (PARTITION BY fy ORDER BY id) AS seq
			FROM (SELECT id, CAST(strftime('%Y', issue_date) AS INTEGER) - (strftime('%m', issue_date) < '04') AS fy
				FROM documents WHERE id > 3000000)) y
		WHERE documents.id = y.id`,
		`INSERT INTO counters (kind, fiscal_year, last) SELECT 'invoice', fiscal_year, max(seq) FROM documents
			WHERE id > 3000000 GROUP BY fiscal_year`,
		`INSERT INTO payments (id, customer_id, date, amount, method, payer_name, actor, created_at)
		SELECT id, customer_id, due_date, total, 'bank_transfer', 'ﾍﾞﾝﾁ', 'bench', '`+ts+`'
		FROM documents WHERE id > 3000000 AND id % 10 <> 0`,
		`INSERT INTO allocations (payment_id, invoice_id, amount, date, actor, created_at)
		SELECT id, id, amount, date, 'bench', '`+ts+`' FROM payments WHERE id > 3000000`,
		`INSERT INTO audit_log (at, actor, action, entity, entity_id, after)
		SELECT '`+ts+`', 'bench', a.action, 'document', d.number,
			'{"kind":"invoice","number":"' || d.number || '","status":"issued","customer":"B00001","subject":"月額保守","issue_date":"' ||
			d.issue_date || '","lines":3,"subtotal":' || d.subtotal || ',"tax":' || d.tax || ',"total":' || d.total || '}'
		FROM documents d, (SELECT 'create' AS action UNION ALL SELECT 'issue' UNION ALL SELECT 'allocate') a
		WHERE d.id > 3000000`,
	)
}

// BenchmarkCheck is `daicho check` on a 100,000-invoice ledger: integrity_check
// and every ledger rule. Target (issue 8): under 2 s.
func BenchmarkCheck(b *testing.B) {
	st := newBenchStore(b)
	company := validCompany()
	if err := st.SaveCompany(b.Context(), &company); err != nil {
		b.Fatal(err)
	}
	fillCheckLedger(b, st, 100_000)
	// The rows were written underneath the store: chain the log and seal
	// every record into it, as upgrading a ledger does.
	if err := store.SealAuditLog(b.Context(), st); err != nil {
		b.Fatal(err)
	}
	cpu0 := cpuTime()
	for b.Loop() {
		v, err := st.Check(b.Context())
		if err != nil || len(v) > 0 {
			b.Fatalf("%d violations (%v), %v", len(v), v, err)
		}
	}
	// The check uses two cores (integrity_check beside the ledger rules):
	// the CPU time says what it costs when the machine is busy.
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// cpuTime is the CPU time this process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
