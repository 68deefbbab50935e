package store_test

import (
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// exportLedger is a small ledger for the export queries, made through the
// API: C0001 (株式会社テスト…) and C0002.
//
//	I1 2026-10-05 C0001 12,000 @10% + 3,240 @8% = 16,699, credited 8,800
//	   (C1, 2026-10-20), paid 7,899 by P1 (10,000 on 2026-11-10: 2,101 unapplied)
//	I2 2026-11-01 C0001 55,000, void
//	I3 2026-11-05 C0002 30,000 exempt, paid 10,000 by P2 (2026-11-07, partial)
//	I4 2026-11-06 C0002 20,880 exempt, paid 20,000 by P3 (2026-11-08), 880 transfer fee
//	P4 2026-11-09 C0002 5,000 on I3, reversed (the reversal dated 2026-11-20)
//	I5 2026-11-10 C0001 1,100 (1,000 @10%), paid 1,000 by P5 (cash), 100 discount
type exportLedger struct {
	*payFix
	i1, c1, i2, i3, i4, i5 store.Document
	p1, p4                 store.Payment
}

func newExportLedger(t *testing.T) *exportLedger {
	t.Helper()
	f := &exportLedger{payFix: newPayFix(t)}
	f.i1 = f.issued(store.KindInvoice, "2026-10-05", f.twoLines()...)
	if f.i1.Totals.Total != 16_699 {
		t.Fatalf("I1 total %d", f.i1.Totals.Total)
	}
	cn, err := f.st.CreateCreditNote(f.ctx, f.i1.ID)
	if err != nil {
		t.Fatal(err)
	}
	cn.IssueDate = storetest.Date("2026-10-20")
	cn.Lines = []store.Line{storetest.ProductLine(f.product, "1")}
	if err := f.st.SaveDraft(f.ctx, &cn); err != nil {
		t.Fatal(err)
	}
	f.c1 = f.issue(cn)
	f.i2 = f.issued(store.KindInvoice, "2026-11-01", storetest.Line("二重", "1", 50_000, store.TaxStandard))
	f.void(f.i2.ID, "二重発行")
	f.i3 = f.invoice(f.other, "2026-11-05", "2026-11-30", 30_000)
	f.i4 = f.invoice(f.other, "2026-11-06", "2026-11-30", 20_880)
	f.i5 = f.issued(store.KindInvoice, "2026-11-10", storetest.Line("部品", "1", 1_000, store.TaxStandard))

	f.p1 = f.pay(f.cust, "2026-11-10", 10_000)
	f.allocate(f.p1, f.i1, 7_899)
	f.allocate(f.pay(f.other, "2026-11-07", 10_000), f.i3, 10_000)
	f.allocate(f.pay(f.other, "2026-11-08", 20_000), f.i4, 20_000)
	if _, err := f.st.CloseShortfall(f.ctx, f.i4.ID, store.AdjustTransferFee, storetest.Date("2026-11-08")); err != nil {
		t.Fatal(err)
	}
	f.p4 = f.pay(f.other, "2026-11-09", 5_000)
	f.allocate(f.p4, f.i3, 5_000)
	if err := f.st.ReversePayment(f.ctx, f.p4.ID, "誤入力"); err != nil {
		t.Fatal(err)
	}
	cash := store.Payment{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-11"), Amount: 1_000, Method: store.PayCash}
	if err := f.st.RecordPayment(f.ctx, &cash); err != nil {
		t.Fatal(err)
	}
	f.allocate(cash, f.i5, 1_000)
	if _, err := f.st.CloseShortfall(f.ctx, f.i5.ID, store.AdjustDiscount, storetest.Date("2026-11-11")); err != nil {
		t.Fatal(err)
	}
	f.checkInvariants()
	return f
}

func (f *exportLedger) invoices(from, to string) []store.InvoiceExportRow {
	f.t.Helper()
	var out []store.InvoiceExportRow
	err := f.st.ExportInvoices(f.ctx, optDate(from), optDate(to), func(r store.InvoiceExportRow) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		f.t.Fatal(err)
	}
	return out
}

func TestExportInvoices(t *testing.T) {
	f := newExportLedger(t)
	rows := f.invoices("", "")
	var numbers []string
	for _, r := range rows {
		numbers = append(numbers, r.Number)
	}
	want := []string{f.i1.Number, f.c1.Number, f.i2.Number, f.i3.Number, f.i4.Number, f.i5.Number}
	if !slices.Equal(numbers, want) {
		t.Fatalf("rows %v, want %v (issue date order)", numbers, want)
	}
	i1 := rows[0]
	if i1.Net10 != 12_000 || i1.Tax10 != 1_200 || i1.Net8 != 3_240 || i1.Tax8 != 259 || i1.Total != 16_699 ||
		i1.Subtotal != 15_240 || i1.Tax != 1_459 || i1.Paid != 7_899 || i1.Credited != 8_800 || i1.Open != 0 ||
		i1.CustomerName != f.cust.Name || i1.DueDate.IsZero() {
		t.Errorf("I1 row %+v", i1)
	}
	c1 := rows[1]
	if c1.Kind != store.KindCreditNote || c1.Net10 != -8_000 || c1.Tax10 != -800 || c1.Total != -8_800 ||
		c1.Subtotal != -8_000 || c1.Paid != 0 || c1.Open != 0 {
		t.Errorf("credit note row %+v: amounts negative, nothing open", c1)
	}
	i2 := rows[2]
	if i2.Status != store.StatusVoid || i2.Total != 0 || i2.Net10 != 0 || i2.Open != 0 || i2.VoidedReason != "二重発行" {
		t.Errorf("void row %+v: amounts 0 and the reason", i2)
	}
	if i3 := rows[3]; i3.Net0 != 30_000 || i3.Paid != 10_000 || i3.Open != 20_000 {
		t.Errorf("I3 row %+v", i3)
	}
	if i4 := rows[4]; i4.Adjusted != 880 || i4.Open != 0 {
		t.Errorf("I4 row %+v", i4)
	}

	// The columns sum to the ledger's figures: the net sales and what is open.
	var total, net, tax, open store.Money
	for _, r := range rows {
		total += r.Total
		net += r.Net10 + r.Net8 + r.Net0 + r.NetOther
		tax += r.Tax10 + r.Tax8 + r.Tax0 + r.TaxOther
		open += r.Open
		if r.Net10+r.Tax10+r.Net8+r.Tax8+r.Net0+r.Tax0+r.NetOther+r.TaxOther != r.Total {
			t.Errorf("%s: the per-rate columns do not add up to %d", r.Number, r.Total)
		}
	}
	if want := f.i1.Totals.Total - f.c1.Totals.Total + f.i3.Totals.Total + f.i4.Totals.Total + f.i5.Totals.Total; total != want {
		t.Errorf("Σ total %d, want %d", total, want)
	}
	if net+tax != total {
		t.Errorf("Σ net %d + Σ tax %d ≠ Σ total %d", net, tax, total)
	}
	bs, err := f.st.InvoiceBalances(f.ctx, store.BalanceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var wantOpen store.Money
	for _, b := range bs {
		wantOpen += b.Open
	}
	if open != wantOpen {
		t.Errorf("Σ open %d, InvoiceBalances says %d", open, wantOpen)
	}

	// The period bounds the issue date, both ends included.
	numbers = numbers[:0]
	for _, r := range f.invoices("2026-11-01", "2026-11-05") {
		numbers = append(numbers, r.Number)
	}
	if !slices.Equal(numbers, []string{f.i2.Number, f.i3.Number}) {
		t.Errorf("2026-11-01..05: %v", numbers)
	}
}

func TestExportPayments(t *testing.T) {
	f := newExportLedger(t)
	var rows []store.PaymentExportRow
	if err := f.st.ExportPayments(f.ctx, time.Time{}, time.Time{}, func(r store.PaymentExportRow) error {
		rows = append(rows, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6 (5 payments and a reversal)", len(rows))
	}
	for i := 1; i < len(rows); i++ {
		if rows[i].Date.Before(rows[i-1].Date) {
			t.Errorf("not in date order: %v", rows)
		}
	}
	rev := rows[len(rows)-1]
	if rev.Amount != -5_000 || rev.ReversesID != f.p4.ID || !rev.ReversesDate.Equal(storetest.Date("2026-11-09")) ||
		rev.Reason != "誤入力" || !rev.Date.Equal(storetest.Date("2026-11-20")) {
		t.Errorf("reversal row %+v", rev)
	}
	var sum store.Money
	for _, r := range rows {
		sum += r.Amount
		if r.ID == f.p1.ID && (r.Allocated != 7_899 || r.CustomerName != f.cust.Name || r.PayerName == "") {
			t.Errorf("P1 row %+v", r)
		}
		if r.ID == f.p4.ID && r.Allocated != 0 {
			t.Errorf("the reversed payment still shows %d allocated", r.Allocated)
		}
	}
	if sum != 10_000+10_000+20_000+1_000 {
		t.Errorf("Σ amount %d: a reversal must cancel its payment", sum)
	}
}

func TestExportDocumentLines(t *testing.T) {
	f := newExportLedger(t)
	f.draft(store.KindInvoice, "2026-11-15", storetest.Line("下書き", "1", 1, store.TaxStandard)) // left out
	est := f.issued(store.KindEstimate, "2026-11-02", storetest.ProductLine(f.product, "2.5"))
	var rows []store.DocumentLineExportRow
	if err := f.st.ExportDocumentLines(f.ctx, time.Time{}, time.Time{}, func(r store.DocumentLineExportRow) error {
		rows = append(rows, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	type key struct {
		number string
		line   int
	}
	got := map[key]store.DocumentLineExportRow{}
	for _, r := range rows {
		got[key{r.Number, r.LineNo}] = r
		if r.Status == store.StatusDraft {
			t.Errorf("a draft's line: %+v", r)
		}
	}
	if len(rows) != 2+1+1+1+1+1+1 {
		t.Errorf("%d lines, want 8 (I1 two, C1, I2 void, I3, I4, I5, the estimate)", len(rows))
	}
	if r := got[key{f.i1.Number, 2}]; r.ProductCode != "P002" || r.Quantity != storetest.Qty("3") || r.TaxRate != 8 ||
		r.Amount != 3_240 || r.CostPrice != 700 || r.LineCost != 2_100 {
		t.Errorf("I1 line 2 %+v", r)
	}
	if r := got[key{est.Number, 1}]; r.Kind != store.KindEstimate || r.Quantity != storetest.Qty("2.5") || r.LineCost != 12_500 {
		t.Errorf("estimate line %+v", r)
	}
	if r := got[key{f.i2.Number, 1}]; r.Status != store.StatusVoid || r.Amount != 50_000 {
		t.Errorf("void invoice line %+v", r)
	}
}

// The journal: every entry balances; the receivable of each customer is
// what it owes less what it paid ahead; sales and tax per rate are the
// documents' figures; the bank holds every payment but the cash one.
func TestJournal(t *testing.T) {
	f := newExportLedger(t)
	type acct struct {
		account  store.Account
		rate     int
		customer string
	}
	bal := map[acct]store.Money{}
	var kinds []string
	err := f.st.Journal(f.ctx, time.Time{}, time.Time{}, func(e store.JournalEntry) error {
		kinds = append(kinds, e.Kind)
		var sum store.Money
		for _, p := range e.Postings {
			if p.Amount == 0 {
				t.Errorf("%s %s: a zero posting", e.Kind, e.Ref)
			}
			sum += p.Amount
			k := acct{account: p.Account, rate: p.Rate}
			if p.Account == store.AccountReceivable {
				k.customer = e.CustomerCode
			}
			if p.Account == store.AccountSalesDiscount || p.Account == store.AccountTransferFee {
				k.rate = 0
			}
			bal[k] += p.Amount
		}
		if sum != 0 {
			t.Errorf("%s %s does not balance: %+v", e.Kind, e.Ref, e.Postings)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{store.JournalInvoice, store.JournalCreditNote, store.JournalInvoice, store.JournalInvoice,
		store.JournalPayment, store.JournalPayment, store.JournalTransferFee, store.JournalPayment,
		store.JournalInvoice, store.JournalPayment, store.JournalPayment, store.JournalDiscount, store.JournalReversal}
	if !slices.Equal(kinds, want) {
		t.Errorf("entries %v\nwant    %v (by date; the void invoice books nothing)", kinds, want)
	}
	for _, c := range []store.Customer{f.cust, f.other} {
		cb := f.customerBalance(c)
		if got := bal[acct{account: store.AccountReceivable, customer: c.Code}]; got != cb.Receivable-cb.Unapplied {
			t.Errorf("%s receivable %d, want open %d − unapplied %d", c.Code, got, cb.Receivable, cb.Unapplied)
		}
	}
	checks := []struct {
		k    acct
		want store.Money
	}{
		{acct{account: store.AccountSales, rate: 10}, -(12_000 - 8_000 + 1_000)},
		{acct{account: store.AccountOutputTax, rate: 10}, -(1_200 - 800 + 100)},
		{acct{account: store.AccountSales, rate: 8}, -3_240},
		{acct{account: store.AccountOutputTax, rate: 8}, -259},
		{acct{account: store.AccountSales, rate: 0}, -(30_000 + 20_880)},
		{acct{account: store.AccountBank}, 10_000 + 10_000 + 20_000 + 5_000 - 5_000},
		{acct{account: store.AccountCash}, 1_000},
		{acct{account: store.AccountTransferFee}, 880},
		{acct{account: store.AccountSalesDiscount}, 100},
	}
	for _, c := range checks {
		if got := bal[c.k]; got != c.want {
			t.Errorf("%s %d%%: %d, want %d", c.k.account, c.k.rate, got, c.want)
		}
	}

	// A period: the entries dated in it only.
	var n int
	if err := f.st.Journal(f.ctx, storetest.Date("2026-11-09"), storetest.Date("2026-11-10"), func(e store.JournalEntry) error {
		n++
		if e.Date.Before(storetest.Date("2026-11-09")) || e.Date.After(storetest.Date("2026-11-10")) {
			t.Errorf("%s dated %s", e.Kind, store.FormatDate(e.Date))
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("%d entries on 11-09..10, want 3 (P4, I5, P1)", n)
	}
}

func TestStatementCustomers(t *testing.T) {
	f := newExportLedger(t)
	quiet := validCustomer("C0003") // nothing at all
	if err := f.st.CreateCustomer(f.ctx, &quiet); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		from, to string
		want     []string
	}{
		{"2026-11-01", "2026-11-30", []string{"C0001", "C0002"}},
		// Nothing dated in September; nothing owed by its end.
		{"2026-09-01", "2026-09-30", nil},
		// C0001 owes I1 at the end of October; C0002 has nothing yet.
		{"2026-10-21", "2026-10-31", []string{"C0001"}},
		// After everything: C0001 paid 2,101 ahead (a balance), C0002 still
		// owes 20,000 on I3.
		{"2026-12-01", "2026-12-31", []string{"C0001", "C0002"}},
	}
	for _, tt := range tests {
		cs, err := f.st.StatementCustomers(f.ctx, storetest.Date(tt.from), storetest.Date(tt.to))
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, c := range cs {
			codes = append(codes, c.Code)
		}
		if !slices.Equal(codes, tt.want) {
			t.Errorf("%s..%s: %v, want %v", tt.from, tt.to, codes, tt.want)
		}
	}
}
