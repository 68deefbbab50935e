package store_test

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// reportFix is a small ledger for the sales reports, made through the store
// API on the document fixture: three customers (C0001 and C0003 with 佐藤 in
// charge, C0002 with 鈴木), products P001 作業費 (8,000, cost 5,000, 10 %),
// P002 お弁当 (1,080, cost 700, 8 %) and P003 サーバー (50,000, cost
// 30,000, 10 %), and these documents:
//
//	A  C0001 2026-09-10 exclusive  P001 × 1.5 = 12,000 (cost 7,500), P002 × 3 = 3,240 (cost 2,100)
//	   subtotal 15,240, cost 9,600
//	B  C0002 2026-10-05 inclusive  P001 × 1 at 11,000 (cost 5,000), 送料 333 (no product), both 10 %:
//	   gross 11,333, tax ⌊11,333 × 10 / 110⌋ = 1,030, net 10,303, shared 10,001 / 302
//	   (11,000 × 10,303 / 11,333 = 10,000.26, 333 × … = 302.73, the remainder 1 to the larger);
//	   P002 × 2 = 2,160 (cost 1,400) at 8 %: tax 160, net 2,000; subtotal 12,303, cost 6,400
//	C  C0003 2026-10-20 exclusive  P003 × 2 = 100,000 (cost 60,000), P002 × 0.125 = 135
//	   (cost 87.5 → 88, half-up); subtotal 100,135, cost 60,088
//	CN credit note of A, 2026-10-25: P002 × 1 = 1,080 (cost 700)
//	and counting for nothing: a voided invoice, a draft invoice, an issued estimate.
//
// Payments: C0001 12,000 on 2026-09-28; C0002 5,000 on 2026-10-30, reversed
// on the fixed clock's 2026-11-20; C0003 20,000 on 2026-11-10.
type reportFix struct {
	*docFix
	third  store.Customer
	server store.Product
}

func newReportFix(t *testing.T) *reportFix {
	t.Helper()
	f := &reportFix{docFix: newDocFix(t)}
	f.cust.PersonInCharge = "佐藤"
	f.other.PersonInCharge = "鈴木"
	for _, c := range []*store.Customer{&f.cust, &f.other} {
		if err := f.st.UpdateCustomer(f.ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	f.third = validCustomer("C0003")
	f.third.Name, f.third.PersonInCharge = "合同会社みつば", "佐藤"
	if err := f.st.CreateCustomer(f.ctx, &f.third); err != nil {
		t.Fatal(err)
	}
	f.server = store.Product{Code: "P003", Name: "サーバー", Unit: "台", UnitPrice: 50000, CostPrice: 30000,
		TaxCategory: store.TaxStandard}
	if err := f.st.SaveProduct(f.ctx, &f.server); err != nil {
		t.Fatal(err)
	}

	a := f.issuedFor(f.cust, "2026-09-10", store.PriceExclusive, storetest.ProductLine(f.product, "1.5"), storetest.ProductLine(f.reducedP, "3"))
	shipping := storetest.Line("送料", "1", 333, store.TaxStandard)
	p1 := storetest.ProductLine(f.product, "1")
	p1.UnitPrice = 11000
	b := f.issuedFor(f.other, "2026-10-05", store.PriceInclusive, p1, shipping, storetest.ProductLine(f.reducedP, "2"))
	f.issuedFor(f.third, "2026-10-20", store.PriceExclusive, storetest.ProductLine(f.server, "2"), storetest.ProductLine(f.reducedP, "0.125"))
	cn, err := f.st.CreateCreditNote(f.ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	cn.IssueDate = storetest.Date("2026-10-25")
	cn.Lines = cn.Lines[1:2]
	cn.Lines[0].Quantity = storetest.Qty("1")
	if err := f.st.SaveDraft(f.ctx, &cn); err != nil {
		t.Fatal(err)
	}
	cn = f.issue(cn)

	void := f.issuedFor(f.other, "2026-10-07", store.PriceExclusive, storetest.ProductLine(f.server, "1"))
	f.void(void.ID, "二重発行")
	draft := store.Document{Kind: store.KindInvoice, CustomerID: f.cust.ID, IssueDate: storetest.Date("2026-10-08"),
		Lines: []store.Line{storetest.ProductLine(f.server, "5")}}
	if err := f.st.SaveDraft(f.ctx, &draft); err != nil {
		t.Fatal(err)
	}
	est := store.Document{Kind: store.KindEstimate, CustomerID: f.cust.ID, IssueDate: storetest.Date("2026-10-01"),
		Lines: []store.Line{storetest.ProductLine(f.server, "3")}}
	if err := f.st.SaveDraft(f.ctx, &est); err != nil {
		t.Fatal(err)
	}
	f.issue(est)

	// The worked figures above, checked on the documents themselves.
	for _, c := range []struct {
		name        string
		d           store.Document
		sales, cost store.Money
	}{{"A", a, 15240, 9600}, {"B", b, 12303, 6400}, {"CN", cn, 1080, 700}} {
		if s, k := store.DocumentMargin(&c.d); s != c.sales || k != c.cost {
			t.Fatalf("%s: DocumentMargin = %d, %d; want %d, %d", c.name, s, k, c.sales, c.cost)
		}
	}

	payFix := &payFix{docFix: f.docFix}
	payFix.pay(f.cust, "2026-09-28", 12000)
	rev := payFix.pay(f.other, "2026-10-30", 5000)
	if err := f.st.ReversePayment(f.ctx, rev.ID, "入金先違い"); err != nil {
		t.Fatal(err)
	}
	payFix.pay(f.third, "2026-11-10", 20000)
	return f
}

// issuedFor saves and issues an invoice of customer c.
func (f *reportFix) issuedFor(c store.Customer, date, mode string, lines ...store.Line) store.Document {
	f.t.Helper()
	d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: "売上", IssueDate: storetest.Date(date),
		PriceMode: mode, Lines: lines}
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		f.t.Fatalf("SaveDraft: %v", err)
	}
	return f.issue(d)
}

// row is a report row in short: key, label, sales, cost, documents.
type row struct {
	key, label  string
	sales, cost store.Money
	docs        int
}

func rowsOf(rep store.Report) []row {
	out := []row{}
	for _, r := range rep.Rows {
		out = append(out, row{r.Key, r.Label, r.Sales, r.Cost, r.Documents})
	}
	return out
}

func TestSalesReportFigures(t *testing.T) {
	f := newReportFix(t)
	period := func(by string) store.ReportQuery {
		return store.ReportQuery{From: storetest.Date("2026-08-01"), To: storetest.Date("2026-11-30"), By: by}
	}
	tests := []struct {
		name string
		q    store.ReportQuery
		want []row
	}{
		{"by month, empty months kept", period(store.ReportByMonth), []row{
			{"2026-08", "2026-08", 0, 0, 0},
			{"2026-09", "2026-09", 15240, 9600, 1},
			{"2026-10", "2026-10", 12303 + 100135 - 1080, 6400 + 60088 - 700, 3},
			{"2026-11", "2026-11", 0, 0, 0},
		}},
		{"by customer, largest first", period(store.ReportByCustomer), []row{
			{"C0003", "合同会社みつば", 100135, 60088, 1},
			{"C0001", f.cust.Name, 15240 - 1080, 9600 - 700, 2},
			{"C0002", "有限会社ほかの店", 12303, 6400, 1},
		}},
		{"by product, inclusive nets shared", period(store.ReportByProduct), []row{
			{"P003", "サーバー", 100000, 60000, 1},
			{"P001", "作業費", 12000 + 10001, 7500 + 5000, 2},
			{"P002", "お弁当", 3240 + 2000 + 135 - 1080, 2100 + 1400 + 88 - 700, 4},
			{"", "", 302, 0, 1},
		}},
		{"by person", period(store.ReportByPerson), []row{
			{"佐藤", "佐藤", 100135 + 15240 - 1080, 60088 + 9600 - 700, 3},
			{"鈴木", "鈴木", 12303, 6400, 1},
		}},
		{"open period: from the first month with documents to the last", store.ReportQuery{}, []row{
			{"2026-09", "2026-09", 15240, 9600, 1},
			{"2026-10", "2026-10", 111358, 65788, 3},
		}},
		{"the time of day does not count; the credit note alone", store.ReportQuery{
			From: storetest.Date("2026-10-25").Add(20 * time.Hour), To: storetest.Date("2026-10-25").Add(time.Hour), By: store.ReportByCustomer},
			[]row{{"C0001", f.cust.Name, -1080, -700, 1}}},
		{"nothing in the period", store.ReportQuery{From: storetest.Date("2026-12-01"), To: storetest.Date("2026-12-31"),
			By: store.ReportByProduct}, []row{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := f.report(tt.q)
			if got := rowsOf(rep); !slices.Equal(got, tt.want) {
				t.Errorf("rows\n got %v\nwant %v", got, tt.want)
			}
			var want store.ReportRow
			for _, r := range tt.want {
				want.Sales += r.sales
				want.Cost += r.cost
			}
			if rep.Total.Sales != want.Sales || rep.Total.Cost != want.Cost || rep.Total.Key != "" {
				t.Errorf("total %+v, want sales %d cost %d", rep.Total, want.Sales, want.Cost)
			}
		})
	}
	// Four documents in the period, whichever way they are grouped (a
	// product row counts the documents with a line of it, so they add up to
	// more).
	for _, by := range store.ReportGroupings {
		if rep := f.report(period(by)); rep.Total.Documents != 4 || rep.Total.Sales != 126598 || rep.Total.Cost != 75388 {
			t.Errorf("by %s: total %+v", by, rep.Total)
		}
	}
	if m, ok := f.report(period(store.ReportByMonth)).Total.MarginPermille(); !ok || m != 405 { // 51,210 / 126,598 = 40.45 %
		t.Errorf("total margin %d‰ (%v)", m, ok)
	}
}

func TestSalesReportRefusals(t *testing.T) {
	f := newReportFix(t)
	for _, tt := range []struct {
		q             store.ReportQuery
		field, reason string
	}{
		{store.ReportQuery{By: "week"}, "by", "choice"},
		{store.ReportQuery{From: storetest.Date("2026-10-02"), To: storetest.Date("2026-10-01")}, "to", "report.to_before_from"},
	} {
		_, err := f.st.SalesReport(f.ctx, tt.q)
		e := storeError(t, err, store.CodeInvalid)
		if e.Field != tt.field || e.Reason != tt.reason {
			t.Errorf("%+v: %v", tt.q, err)
		}
	}
	if _, err := f.st.CashReceived(f.ctx, storetest.Date("2026-10-02"), storetest.Date("2026-10-01")); err == nil {
		t.Error("CashReceived accepted a period ending before it starts")
	}
	// An empty grouping is by month.
	if rep := f.report(store.ReportQuery{}); rep.Query.By != store.ReportByMonth {
		t.Errorf("default grouping %q", rep.Query.By)
	}
}

func TestCashReceived(t *testing.T) {
	f := newReportFix(t)
	got, err := f.st.CashReceived(f.ctx, storetest.Date("2026-08-15"), storetest.Date("2026-12-31"))
	if err != nil {
		t.Fatal(err)
	}
	want := []store.MonthAmount{{"2026-08", 0}, {"2026-09", 12000}, {"2026-10", 5000}, {"2026-11", 20000 - 5000}, {"2026-12", 0}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	// Open ends: from the first month with a payment to the last.
	got, err = f.st.CashReceived(f.ctx, time.Time{}, time.Time{})
	if err != nil || !slices.Equal(got, want[1:4]) {
		t.Errorf("open period: %v (%v)", got, err)
	}
	// Bounds are days, not months: 2026-10-30 falls outside ..2026-10-29.
	got, err = f.st.CashReceived(f.ctx, storetest.Date("2026-10-01"), storetest.Date("2026-10-29"))
	if err != nil || !slices.Equal(got, []store.MonthAmount{{"2026-10", 0}}) {
		t.Errorf("October to the 29th: %v (%v)", got, err)
	}
}

func TestMarginPermille(t *testing.T) {
	for _, tt := range []struct {
		sales, cost store.Money
		want        int64
		ok          bool
	}{
		{1000, 750, 250, true},
		{3, 2, 333, true},         // 333.3
		{3, 1, 667, true},         // 666.7
		{2000, 1999, 1, true},     // 0.5 rounds up
		{2000, 2001, -1, true},    // −0.5 rounds away from zero
		{1000, 3000, -2000, true}, // sold at a loss
		{-1000, -600, 400, true},  // a month of credit notes only: the ratio of what was taken back
		{0, 500, 0, false},        // no sales: no margin
		{math.MaxInt64 / 2, 0, 1000, true},
		{math.MaxInt64, math.MaxInt64 - 1, 0, true}, // no overflow on the way
	} {
		r := store.ReportRow{Sales: tt.sales, Cost: tt.cost}
		if got, ok := r.MarginPermille(); got != tt.want || ok != tt.ok {
			t.Errorf("sales %d cost %d: %d (%v), want %d (%v)", tt.sales, tt.cost, got, ok, tt.want, tt.ok)
		}
	}
	if p := (store.ReportRow{Sales: 100, Cost: 130}).Profit(); p != -30 {
		t.Errorf("profit %d", p)
	}
}

func TestDocumentMarginRoundsEachLine(t *testing.T) {
	d := store.Document{Totals: store.Totals{Subtotal: 999}, Lines: []store.Line{
		{Quantity: storetest.Qty("0.5"), CostPrice: 3},     // 1.5 → 2
		{Quantity: storetest.Qty("0.5"), CostPrice: 3},     // 1.5 → 2 (not 3 for the two together)
		{Quantity: storetest.Qty("0.333"), CostPrice: 100}, // 33.3 → 33
		{Quantity: storetest.Qty("-1.5"), CostPrice: 5},    // −7.5 → −8, away from zero
		{Quantity: storetest.Qty("2"), CostPrice: 0},       // a free-text line: no cost
	}}
	if s, c := store.DocumentMargin(&d); s != 999 || c != 2+2+33-8 {
		t.Errorf("DocumentMargin = %d, %d", s, c)
	}
}

// TestReportsReconcile builds a random ledger through the API and checks that
// every grouping adds up to the same total, which equals the sum computed
// independently from the loaded documents (issued invoices less issued credit
// notes; cost = Σ rounded line costs), per month, customer and person too;
// and that the cash received is the sum of the payments.
func TestReportsReconcile(t *testing.T) {
	f := newReportFix(t)
	rng := rand.New(rand.NewPCG(7, 11))
	customers := []store.Customer{f.cust, f.other, f.third}
	products := []store.Product{f.product, f.reducedP, f.server}
	for i := 0; i < 4; i++ {
		p := store.Product{Code: "Q00" + string(rune('1'+i)), Name: "部品" + string(rune('A'+i)), Unit: "個",
			UnitPrice: store.Money(100 + rng.IntN(20000)), CostPrice: store.Money(rng.IntN(15000)),
			TaxCategory: []string{store.TaxStandard, store.TaxReduced, store.TaxExempt}[i%3]}
		if err := f.st.SaveProduct(f.ctx, &p); err != nil {
			t.Fatal(err)
		}
		products = append(products, p)
	}
	for i := 0; i < 60; i++ {
		var lines []store.Line
		for range 1 + rng.IntN(4) {
			if rng.IntN(6) == 0 {
				lines = append(lines, storetest.Line("雑費", "1", store.Money(1+rng.IntN(3000)), store.TaxStandard))
				continue
			}
			l := storetest.ProductLine(products[rng.IntN(len(products))], []string{"1", "2", "0.5", "1.25", "0.333", "12"}[rng.IntN(6)])
			lines = append(lines, l)
		}
		if rng.IntN(8) == 0 {
			lines = append(lines, storetest.Line("値引き", "1", -store.Money(1+rng.IntN(300)), store.TaxStandard))
		}
		mode := store.PriceExclusive
		if rng.IntN(3) == 0 {
			mode = store.PriceInclusive
		}
		date := storetest.Date("2026-04-01").AddDate(0, 0, rng.IntN(230))
		d := f.issuedFor(customers[rng.IntN(3)], store.FormatDate(date), mode, lines...)
		switch rng.IntN(10) {
		case 0:
			f.void(d.ID, "誤り")
		case 1, 2: // a credit note for part of it
			cn, err := f.st.CreateCreditNote(f.ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			cn.IssueDate = date.AddDate(0, 0, rng.IntN(40))
			cn.Lines = cn.Lines[:1]
			cn.Lines[0].Quantity = max(1, cn.Lines[0].Quantity/2)
			if err := f.st.SaveDraft(f.ctx, &cn); err != nil {
				t.Fatal(err)
			}
			f.issue(cn)
		}
	}
	pf := &payFix{docFix: f.docFix}
	for i := 0; i < 25; i++ {
		p := pf.pay(customers[rng.IntN(3)], store.FormatDate(storetest.Date("2026-05-01").AddDate(0, 0, rng.IntN(200))),
			store.Money(1000+rng.IntN(90000)))
		if i%7 == 3 {
			if err := f.st.ReversePayment(f.ctx, p.ID, "誤入金"); err != nil {
				t.Fatal(err)
			}
		}
	}

	for _, period := range []struct{ from, to string }{{"", ""}, {"2026-06-01", "2026-09-30"}, {"2026-07-15", "2026-07-20"}} {
		var from, to time.Time
		if period.from != "" {
			from, to = storetest.Date(period.from), storetest.Date(period.to)
		}
		// Independently, from every document loaded whole.
		type sums struct{ sales, cost store.Money }
		var total sums
		byMonth, byCustomer, byPerson, costByProduct := map[string]sums{}, map[string]sums{}, map[string]sums{}, map[string]store.Money{}
		docs := 0
		person := map[int64]string{f.cust.ID: "佐藤", f.other.ID: "鈴木", f.third.ID: "佐藤"}
		summaries, err := f.st.DocumentSummaries(f.ctx, store.DocumentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range summaries {
			d := f.load(s.ID)
			if d.Status != store.StatusIssued || (d.Kind != store.KindInvoice && d.Kind != store.KindCreditNote) ||
				(!from.IsZero() && (d.IssueDate.Before(from) || d.IssueDate.After(to))) {
				continue
			}
			sign := store.Money(1)
			if d.Kind == store.KindCreditNote {
				sign = -1
			}
			var cost store.Money
			for _, l := range d.Lines {
				c, err := store.LineAmount(l.Quantity, l.CostPrice)
				if err != nil {
					t.Fatal(err)
				}
				cost += c
				costByProduct[l.ProductCode] += sign * c
			}
			add := func(m map[string]sums, k string) {
				v := m[k]
				v.sales += sign * d.Totals.Subtotal
				v.cost += sign * cost
				m[k] = v
			}
			add(byMonth, d.IssueDate.Format("2006-01"))
			add(byCustomer, d.CustomerCode)
			add(byPerson, person[d.CustomerID])
			total.sales += sign * d.Totals.Subtotal
			total.cost += sign * cost
			docs++
		}
		if docs == 0 {
			t.Fatalf("%v: no documents: the test proves nothing", period)
		}
		for _, g := range []struct {
			by   string
			want map[string]sums
		}{{store.ReportByMonth, byMonth}, {store.ReportByCustomer, byCustomer}, {store.ReportByPerson, byPerson}, {store.ReportByProduct, nil}} {
			rep := f.report(store.ReportQuery{From: from, To: to, By: g.by})
			if rep.Total.Sales != total.sales || rep.Total.Cost != total.cost || rep.Total.Documents != docs {
				t.Errorf("%v by %s: total %d / %d / %d docs, documents say %d / %d / %d", period, g.by,
					rep.Total.Sales, rep.Total.Cost, rep.Total.Documents, total.sales, total.cost, docs)
			}
			var sum sums
			for _, r := range rep.Rows {
				sum.sales += r.Sales
				sum.cost += r.Cost
				switch {
				case g.want != nil && (sums{r.Sales, r.Cost}) != g.want[r.Key]:
					t.Errorf("%v by %s, %q: %d / %d, documents say %+v", period, g.by, r.Key, r.Sales, r.Cost, g.want[r.Key])
				case g.want == nil && r.Cost != costByProduct[r.Key]:
					t.Errorf("%v by product %q: cost %d, lines say %d", period, r.Key, r.Cost, costByProduct[r.Key])
				}
			}
			if sum != total {
				t.Errorf("%v by %s: rows add up to %+v, total %+v", period, g.by, sum, total)
			}
		}
		// Cash received: the payments of the period, reversals subtracted.
		cash, err := f.st.CashReceived(f.ctx, from, to)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := f.st.Payments(f.ctx, store.PaymentFilter{From: from, To: to})
		if err != nil {
			t.Fatal(err)
		}
		perMonth := map[string]store.Money{}
		var paid, received store.Money
		for _, p := range ps {
			perMonth[p.Date.Format("2006-01")] += p.Amount
			paid += p.Amount
		}
		for i, m := range cash {
			received += m.Amount
			if m.Amount != perMonth[m.Month] || (i > 0 && m.Month <= cash[i-1].Month) {
				t.Errorf("%v: cash %v, payments say %d", period, m, perMonth[m.Month])
			}
		}
		if received != paid {
			t.Errorf("%v: cash received %d, payments %d", period, received, paid)
		}
	}
}

func TestFormatPermille(t *testing.T) {
	for p, want := range map[int64]string{253: "25.3", -5: "-0.5", 1000: "100.0", 0: "0.0", -1234: "-123.4",
		math.MinInt64: "-922337203685477580.8"} {
		if got := store.FormatPermille(p); got != want {
			t.Errorf("FormatPermille(%d) = %q, want %q", p, got, want)
		}
	}
}

func TestYearEndingIn(t *testing.T) {
	for day, want := range map[string][2]string{
		"2026-11-20": {"2025-12-01", "2026-11-30"},
		"2026-12-31": {"2026-01-01", "2026-12-31"},
		"2024-02-01": {"2023-03-01", "2024-02-29"},
	} {
		from, to := store.YearEndingIn(storetest.Date(day))
		if got := [2]string{store.FormatDate(from), store.FormatDate(to)}; got != want {
			t.Errorf("%s: %v, want %v", day, got, want)
		}
	}
}

// A report read on two connections at once while invoices are being issued
// still comes from one state of the ledger: every invoice here is one line
// of ¥1,000, so the sales are always ¥1,000 per document counted.
func TestProductReportWhileIssuing(t *testing.T) {
	f := newDocFix(t)
	f.product.UnitPrice = 1000
	if err := f.st.SaveProduct(f.ctx, &f.product); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for i := 0; i < 60; i++ {
			d := store.Document{Kind: store.KindInvoice, CustomerID: f.cust.ID, IssueDate: storetest.Date("2026-10-01"),
				Lines: []store.Line{storetest.ProductLine(f.product, "1")}}
			if err := f.st.SaveDraft(f.ctx, &d); err != nil {
				t.Error(err)
				return
			}
			if _, err := f.st.Issue(f.ctx, d.ID, d.Version); err != nil {
				t.Error(err)
				return
			}
		}
	}()
	reports := 0
	for running := true; running; {
		select {
		case <-done:
			running = false
		default:
		}
		rep, err := f.st.SalesReport(f.ctx, store.ReportQuery{By: store.ReportByProduct})
		if e, ok := store.AsError(err); ok && e.Code == store.CodeLocked {
			continue // written to without pause: said so rather than mixed
		}
		if err != nil {
			t.Fatal(err)
		}
		reports++
		if rep.Total.Sales != store.Money(1000*rep.Total.Documents) ||
			(len(rep.Rows) > 0 && rep.Rows[0].Documents != rep.Total.Documents) {
			t.Fatalf("report mixes two states of the ledger: %+v, rows %+v", rep.Total, rep.Rows)
		}
	}
	if rep := f.report(store.ReportQuery{By: store.ReportByProduct}); rep.Total.Documents != 60 || reports < 2 {
		t.Errorf("after the run: %+v; %d reports during it", rep.Total, reports)
	}
}

// report is the store's report, the test failing on an error.
func (f *docFix) report(q store.ReportQuery) store.Report {
	f.t.Helper()
	rep, err := f.st.SalesReport(f.ctx, q)
	if err != nil {
		f.t.Fatalf("SalesReport(%+v): %v", q, err)
	}
	return rep
}
