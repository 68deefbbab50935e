package store_test

import (
	"fmt"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// benchKana spells customer readings from their number: four katakana
// syllables, so 10,000 customers have 10,000 different names.
var benchKana = []rune("アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ")

func benchReading(n int) string {
	var r []rune
	for range 4 {
		r = append(r, benchKana[n%len(benchKana)])
		n /= len(benchKana)
	}
	return string(r) + "ショウジ"
}

// fillOpenInvoices adds customers and n issued, unpaid invoices spread over
// them, with raw SQL in one transaction (through the API it would take
// minutes), and returns the invoices as the matcher sees them.
func fillOpenInvoices(b *testing.B, st *store.Store, customers, n int) []store.InvoiceBalance {
	b.Helper()
	ts := fixedNow.Format(time.RFC3339Nano)
	tx, err := st.DB().BeginTx(b.Context(), nil)
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback()
	ins, err := tx.Prepare(`INSERT INTO customers (id, code, name, kana, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; i <= customers; i++ {
		if _, err := ins.Exec(100000+i, fmt.Sprintf("B%05d", i), fmt.Sprintf("株式会社ベンチ%d", i), benchReading(i), ts, ts); err != nil {
			b.Fatal(err)
		}
	}
	ins.Close()
	for _, q := range []string{
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO documents (id, kind, customer_id, subject, issue_date, closing_date, due_date, currency, tax_rounding,
			subtotal, tax, total, created_at, updated_at)
		SELECT 2000000 + i, 'invoice', 100001 + (i - 1) % ?, '請求 ' || i, date('2025-06-01', '+' || (i * 300 / ?) || ' days'),
			date('2025-06-01', '+' || (i * 300 / ?) || ' days'), date('2025-07-31', '+' || (i * 300 / ?) || ' days'),
			'JPY', 'floor', 1000 + (i * 7919) % 300000, 0, 1000 + (i * 7919) % 300000, '` + ts + `', '` + ts + `' FROM n`,
		`INSERT INTO snapshots (id, hash, body) VALUES (2000001, 'bench-customer', '{}'), (2000002, 'bench-company', '{}')`,
		`UPDATE documents SET status = 'issued', fiscal_year = 2025, seq = id - 2000000,
			number = 'I-2025-' || printf('%06d', id - 2000000),
			customer_snapshot = 2000001, company_snapshot = 2000002, issued_at = '` + ts + `' WHERE id > 2000000`,
	} {
		var args []any
		if q[0] == 'W' {
			args = []any{n, customers, n, n, n}
		}
		if _, err := tx.Exec(q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	open, err := st.InvoiceBalances(b.Context(), store.BalanceFilter{OpenOnly: true})
	if err != nil || len(open) != n {
		b.Fatalf("%d open invoices after the fill, want %d (%v)", len(open), n, err)
	}
	return open
}

// benchDeposits makes a bank file's worth of deposits against the open
// invoices: exact amounts from the customer, fees deducted, invoice numbers
// in the memo from someone else, two invoices paid together, and strangers.
func benchDeposits(open []store.InvoiceBalance, n int, run int) []store.BankLine {
	byCustomer := map[int64][]store.InvoiceBalance{}
	for _, b := range open {
		byCustomer[b.CustomerID] = append(byCustomer[b.CustomerID], b)
	}
	lines := make([]store.BankLine, n)
	for k := range lines {
		b := open[(k*7)%len(open)]
		// A deposit is known by its content: the run and the line in the memo
		// keep every run's deposits new.
		tag := fmt.Sprintf(" run%d-%d", run, k)
		l := store.BankLine{Account: "bench", Memo: tag, Date: storetest.Date("2026-11-16"), Amount: b.Open,
			PayerName: "カ)" + benchReading(int(b.CustomerID-100000))}
		switch k % 10 {
		case 0, 1, 2, 3: // exact, from the customer
		case 4, 5:
			l.Amount -= 660
		case 6:
			l.PayerName, l.Memo = "ヤマダ タロウ", "セイキユウ "+b.Number+tag
		case 7:
			if inv := byCustomer[b.CustomerID]; len(inv) >= 2 {
				l.Amount = inv[0].Open + inv[1].Open
			}
		default: // nobody we know
			l.PayerName, l.Amount = fmt.Sprintf("ダレカ %d", k), store.Money(123+k)
		}
		lines[k] = l
	}
	return lines
}

// BenchmarkImportAndMatch: a 10,000-line bank file imported and every line
// ranked against 50,000 open invoices of 10,000 customers. Target: under 1 s.
func BenchmarkImportAndMatch(b *testing.B) {
	st := newBenchStore(b)
	company := validCompany()
	if err := st.SaveCompany(b.Context(), &company); err != nil {
		b.Fatal(err)
	}
	open := fillOpenInvoices(b, st, 10_000, 50_000)
	var matched int
	for run := 0; b.Loop(); run++ {
		lines := benchDeposits(open, 10_000, run)
		res, err := st.ImportBankLines(b.Context(), "bench.txt", lines)
		if err != nil || len(res.Added) != len(lines) {
			b.Fatalf("import: %d added, %v", len(res.Added), err)
		}
		cands, err := st.CandidatesForAll(b.Context(), res.Added)
		if err != nil {
			b.Fatal(err)
		}
		matched = 0
		for _, l := range res.Added {
			if cs := cands[l.ID]; len(cs) > 0 && cs[0].Confidence != store.ConfidenceLow {
				matched++
			}
		}
	}
	b.ReportMetric(float64(matched), "sure-matches")
}

// BenchmarkCandidatesForAll is the ranking alone (the reconciliation
// screen's load), 10,000 lines against 50,000 open invoices.
func BenchmarkCandidatesForAll(b *testing.B) {
	st := newBenchStore(b)
	company := validCompany()
	if err := st.SaveCompany(b.Context(), &company); err != nil {
		b.Fatal(err)
	}
	open := fillOpenInvoices(b, st, 10_000, 50_000)
	res, err := st.ImportBankLines(b.Context(), "bench.txt", benchDeposits(open, 10_000, 0))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := st.CandidatesForAll(b.Context(), res.Added); err != nil {
			b.Fatal(err)
		}
	}
}
