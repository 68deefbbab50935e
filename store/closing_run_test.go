package store_test

import (
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// closingFix is a ledger with a carry-forward customer closing at month end
// (C0001), a simple one closing at month end with nothing to bill (C0002)
// and one closing on the 20th (C0003).
func closingFix(t *testing.T) *docFix {
	t.Helper()
	f := newDocFix(t)
	f.cust.ClosingDay, f.cust.MonthsDeferred, f.cust.PaymentDay = store.MonthEnd, 1, store.MonthEnd
	if err := f.st.UpdateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	c3 := validCustomer("C0003")
	c3.ClosingDay = 20
	if err := f.st.CreateCustomer(f.ctx, &c3); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *docFix) deliver(date string, lines ...store.Line) store.Document {
	f.t.Helper()
	d := f.newDoc(store.KindDeliveryNote, date, lines...)
	d.DeliveryDate = storetest.Date(date)
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		f.t.Fatal(err)
	}
	return f.issue(d)
}

func (f *docFix) pay(date string, amount store.Money, invoiceID int64) {
	f.t.Helper()
	p := store.Payment{CustomerID: f.cust.ID, Date: storetest.Date(date), Amount: amount, Method: store.PayBankTransfer}
	if err := f.st.RecordPayment(f.ctx, &p); err != nil {
		f.t.Fatal(err)
	}
	if err := f.st.Allocate(f.ctx, p.ID, invoiceID, amount); err != nil {
		f.t.Fatal(err)
	}
}

func (f *docFix) close(date string, issue bool) store.ClosingRunPlan {
	f.t.Helper()
	plan, err := f.st.RunClosing(f.ctx, storetest.Date(date), issue)
	if err != nil {
		f.t.Fatalf("RunClosing(%s): %v", date, err)
	}
	return plan
}

// One run per month end: one invoice per due customer over its cycle, the
// carry-forward figures from the ledger as of the closing date, reconciling
// with the payments and the previous invoice; running again makes nothing.
func TestClosingRunCarriesForward(t *testing.T) {
	f := closingFix(t)
	f.deliver("2026-10-10", storetest.Line("作業費", "1", 10000, store.TaxStandard))

	oct := f.close("2026-10-31", true)
	if len(oct.Invoices) != 1 || oct.Invoices[0].Customer.Code != "C0001" || len(oct.Nothing) != 1 ||
		oct.Nothing[0].CustomerCode != "C0002" || len(oct.Closed)+len(oct.Problems) != 0 {
		t.Fatalf("October run: %+v", oct)
	}
	first := f.load(oct.Invoices[0].Invoice.ID)
	if first.Number == "" || first.Totals.Total != 11000 || store.FormatDate(first.ClosingDate) != "2026-10-31" ||
		len(first.Sources) != 1 {
		t.Fatalf("October invoice: %+v", first)
	}
	if cf := first.CarryForward; cf == nil || cf.PreviousBilled != 0 || cf.Carried != 0 || cf.Current != 11000 || cf.Billed != 11000 {
		t.Errorf("October carry-forward: %+v", first.CarryForward)
	}

	// November: 5,000 paid and 5,560 paid with 440 closed as a transfer fee
	// on the October invoice; a payment of December does not count.
	f.pay("2026-11-10", 5000, first.ID)
	f.pay("2026-11-25", 5560, first.ID)
	if _, err := f.st.CloseShortfall(f.ctx, first.ID, store.AdjustTransferFee, storetest.Date("2026-11-25")); err != nil {
		t.Fatal(err)
	}
	f.deliver("2026-11-05", storetest.Line("作業費", "1", 8000, store.TaxStandard),
		storetest.Line("お弁当", "1", 1000, store.TaxReduced))
	second := f.deliver("2026-11-20", storetest.Line("作業費", "2", 8000, store.TaxStandard))
	third := f.issued(store.KindInvoice, "2026-11-21", storetest.Line("部品", "1", 2000, store.TaxStandard))
	f.pay("2026-12-02", 1000, third.ID) // after the closing date: not in November's figures

	plan, err := f.st.PlanClosingRun(f.ctx, storetest.Date("2026-11-30"))
	if err != nil || len(plan.Invoices) != 1 {
		t.Fatalf("plan: %+v, %v", plan, err)
	}
	nov := f.close("2026-11-30", true)
	inv := f.load(nov.Invoices[0].Invoice.ID)
	// This cycle: 8,000 + 16,000 at 10% (2,400) and 1,000 at 8% (80).
	if inv.Totals.Total != 27480 || len(inv.Sources) != 2 || inv.Sources[1].Number != second.Number {
		t.Errorf("November invoice: total %d sources %+v", inv.Totals.Total, inv.Sources)
	}
	cf := inv.CarryForward
	want := store.CarryForward{PreviousClosing: storetest.Date("2026-10-31"), PreviousBilled: 11000, Received: 10560,
		Adjusted: 440, Carried: 0, Current: 27480, Billed: 27480}
	if cf == nil || *cf != want {
		t.Errorf("November carry-forward:\n got %+v\nwant %+v", cf, want)
	}
	if plan.Invoices[0].CarryForward == nil || *plan.Invoices[0].CarryForward != want {
		t.Errorf("the plan's figures differ from the run's: %+v", plan.Invoices[0].CarryForward)
	}

	// Idempotent: again, nothing is made; the customer is listed as closed.
	again := f.close("2026-11-30", true)
	if len(again.Invoices) != 0 || len(again.Closed) != 1 || again.Closed[0].Number != inv.Number {
		t.Errorf("second run: %+v", again)
	}

	// December: the separate invoice of 11-21 (2,000 + 200) and the November
	// closing invoice are open at 11-30; 1,000 is paid on 12-02.
	f.deliver("2026-12-03", storetest.Line("作業費", "1", 1000, store.TaxStandard))
	dec := f.close("2026-12-31", false)
	d := f.load(dec.Invoices[0].Invoice.ID)
	want = store.CarryForward{PreviousClosing: storetest.Date("2026-11-30"), PreviousBilled: 27480 + 2200, Received: 1000,
		Carried: 28680, Current: 1100, Billed: 29780}
	if d.Number != "" || d.CarryForward == nil || *d.CarryForward != want {
		t.Errorf("December (a draft): number %q carry-forward\n got %+v\nwant %+v", d.Number, d.CarryForward, want)
	}
	if cf := d.CarryForward; cf.PreviousBilled-cf.Received-cf.Adjusted != cf.Carried || cf.Billed != cf.Carried+cf.Current {
		t.Errorf("does not reconcile: %+v", cf)
	}
}

// Only customers whose closing day the date is are closed: the 20th and,
// for month-end customers, a month's last day.
func TestClosingRunDueCustomers(t *testing.T) {
	f := closingFix(t)
	c3, err := f.st.CustomerByCode(f.ctx, "C0003")
	if err != nil {
		t.Fatal(err)
	}
	d := store.Document{Kind: store.KindDeliveryNote, CustomerID: c3.ID, Subject: "納品", IssueDate: storetest.Date("2026-11-18"),
		DeliveryDate: storetest.Date("2026-11-18"), Lines: []store.Line{storetest.Line("作業費", "1", 1000, store.TaxStandard)}}
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		t.Fatal(err)
	}
	f.issue(d)
	for _, tc := range []struct {
		date string
		due  []string
	}{
		{"2026-11-20", []string{"C0003"}},
		{"2026-11-30", []string{"C0001", "C0002"}},
		{"2027-02-28", []string{"C0001", "C0002"}},
		{"2026-11-21", nil},
	} {
		plan, err := f.st.PlanClosingRun(f.ctx, storetest.Date(tc.date))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range plan.Invoices {
			got = append(got, p.Customer.Code)
		}
		for _, s := range plan.Nothing {
			got = append(got, s.CustomerCode)
		}
		if len(got) != len(tc.due) || (len(got) > 0 && got[0] != tc.due[0]) {
			t.Errorf("%s: due %v, want %v", tc.date, got, tc.due)
		}
	}
}
