package store_test

import (
	"testing"
	"time"

	"daicho/store"
)

// fillContracts adds n active monthly contracts (billed in advance on the
// 1st, from 2026-04-01, two lines each: a standard-rate and a reduced-rate
// one) of n/2 customers, in one statement per table: through the API it
// would take two transactions per contract.
func fillContracts(b *testing.B, st *store.Store, n int) {
	b.Helper()
	ts := fixedNow.Format(time.RFC3339Nano)
	execBench(b, st, n,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1 / 2)
		INSERT INTO customers (code, name, kana, closing_day, months_deferred, payment_day, holiday_rule, created_at, updated_at)
		SELECT printf('B%05d', i), '株式会社ベンチ' || i, 'ベンチ', 20 + i % 2 * 11, 1, 10 + i % 2 * 21, 'next',
			'`+ts+`', '`+ts+`' FROM n`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?1)
		INSERT INTO contracts (id, number, fiscal_year, seq, customer_id, title, start_date, cycle, cycle_months, billing_day,
			in_advance, pro_rate, payment_method, auto_renew, status, person_in_charge, created_at, updated_at)
		SELECT i, printf('K-2026-%05d', i), 2026, i, (SELECT id FROM customers WHERE code = printf('B%05d', (i + 1) / 2)),
			'保守契約 ' || i, '2026-04-01', 'monthly', 1, 1, 1, 1, 'bank_transfer', 0, 'active', '佐藤',
			'`+ts+`', '`+ts+`' FROM n`,
		`INSERT INTO contract_lines (contract_id, position, description, quantity, unit, tax_category)
		SELECT id, 0, '保守料', 1000, '月', 'standard' FROM contracts UNION ALL
		SELECT id, 1, '飲料', 12000, '本', 'reduced' FROM contracts`,
		`INSERT INTO contract_prices (line_id, effective_from, unit_price)
		SELECT id, '2026-04-01', iif(position = 0, 10000 + contract_id % 50 * 1000, 150) FROM contract_lines`,
		`INSERT INTO counters (kind, fiscal_year, last) VALUES ('contract', 2026, ?1)`,
	)
}

func newBillingBench(b *testing.B, n int) *store.Store {
	b.Helper()
	st := newBenchStore(b)
	company := validCompany()
	if err := st.SaveCompany(b.Context(), &company); err != nil {
		b.Fatal(err)
	}
	fillContracts(b, st, n)
	return st
}

// BenchmarkBillingRun bills a month of 5,000 active contracts, issuing every
// invoice: 5,000 invoices with their numbers, snapshots, billing rows and
// audit rows in one transaction. Target: under 2 s. Each round bills the
// next month, so nothing is billed before.
func BenchmarkBillingRun(b *testing.B) {
	const n = 5000
	st := newBillingBench(b, n)
	month := store.DateOf(2026, 12, 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := st.RunBilling(b.Context(), month.AddDate(0, i, 0), true)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Invoices) != n || res.Invoices[n-1].Number == "" {
			b.Fatalf("%d invoices, the last %+v", len(res.Invoices), res.Invoices[len(res.Invoices)-1])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/invoice")
}

// BenchmarkPlanBilling: the preview of the same run. Target: well under a second.
func BenchmarkPlanBilling(b *testing.B) {
	st := newBillingBench(b, 5000)
	for b.Loop() {
		p, err := st.PlanBilling(b.Context(), store.DateOf(2026, 12, 1))
		if err != nil || len(p.Invoices) != 5000 {
			b.Fatal(err, len(p.Invoices))
		}
	}
}

// BenchmarkContractSummaries: the contracts list of 5,000 contracts.
func BenchmarkContractSummaries(b *testing.B) {
	st := newBillingBench(b, 5000)
	for b.Loop() {
		list, err := st.ContractSummaries(b.Context(), store.ContractFilter{})
		if err != nil || len(list) != 5000 {
			b.Fatal(err, len(list))
		}
	}
}

// BenchmarkCreateContracts stores and activates 5,000 contracts in one
// batch: the large demo's path.
func BenchmarkCreateContracts(b *testing.B) {
	const n = 5000
	for b.Loop() {
		b.StopTimer()
		st := newBenchStore(b)
		company := validCompany()
		if err := st.SaveCompany(b.Context(), &company); err != nil {
			b.Fatal(err)
		}
		cust := fullCustomer("C0001")
		if err := st.CreateCustomer(b.Context(), &cust); err != nil {
			b.Fatal(err)
		}
		cs := make([]store.Contract, n)
		for i := range cs {
			c := store.NewContract()
			c.CustomerID, c.Title, c.Start = cust.ID, "保守", store.DateOf(2026, 4, 1+i%28)
			c.Lines = []store.ContractLine{{Description: "保守料", Quantity: 1000, UnitPrice: 30000, TaxCategory: store.TaxStandard},
				{Description: "監視", Quantity: 2000, UnitPrice: 2500, TaxCategory: store.TaxStandard}}
			cs[i] = c
		}
		b.StartTimer()
		if err := st.CreateContracts(b.Context(), cs, true); err != nil {
			b.Fatal(err)
		}
	}
}
