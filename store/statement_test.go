package store_test

import (
	"reflect"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// statementLedger is C0001's account in October and November 2026, with
// records that must not count (a draft, a voided invoice with its discount,
// another customer's invoice and payment). Reversals are dated by the
// clock, set to 25 November.
type statementLedger struct {
	*payFix
	inv1, inv2, voided store.Document
	fee, voidDiscount  store.Adjustment
}

func newStatementLedger(t *testing.T) *statementLedger {
	t.Helper()
	l := &statementLedger{payFix: newPayFix(t)}
	l.st.Now = func() time.Time { return time.Date(2026, 11, 25, 12, 0, 0, 0, time.Local) }
	c := l.cust
	l.inv1 = l.invoice(c, "2026-10-05", "2026-11-10", 11_000)
	p1 := l.pay(c, "2026-10-31", 10_120)
	l.allocate(p1, l.inv1, 10_120)
	l.fee = l.closeShortfall(l.inv1, store.AdjustTransferFee, "2026-10-31") // 880
	l.voided = l.invoice(c, "2026-10-10", "2026-11-10", 660)
	l.voidDiscount = l.closeShortfall(l.voided, store.AdjustDiscount, "2026-10-12")
	if err := l.st.Void(l.ctx, l.voided.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	l.inv2 = l.invoice(c, "2026-11-10", "2026-12-10", 22_000)
	l.datedCredit(l.inv2, "2026-11-12", 2_000)
	p2 := l.pay(c, "2026-11-15", 5_000)
	if err := l.st.ReversePayment(l.ctx, p2.ID, "誤入金"); err != nil { // dated 11-25
		t.Fatal(err)
	}
	l.pay(c, "2026-11-20", 30_000) // 10,000 paid ahead
	l.draft(store.KindInvoice, "2026-11-01", storetest.Line("下書き", "1", 9_000, store.TaxExempt))
	l.invoice(l.other, "2026-10-01", "2026-10-31", 1_000)
	l.pay(l.other, "2026-11-01", 500)
	return l
}

func (l *statementLedger) closeShortfall(inv store.Document, kind, date string) store.Adjustment {
	l.t.Helper()
	a, err := l.st.CloseShortfall(l.ctx, inv.ID, kind, storetest.Date(date))
	if err != nil {
		l.t.Fatalf("CloseShortfall(%s): %v", inv.Number, err)
	}
	return a
}

// datedCredit issues a credit note of amount on inv dated date.
func (l *statementLedger) datedCredit(inv store.Document, date string, amount store.Money) store.Document {
	l.t.Helper()
	d, err := l.st.CreateCreditNote(l.ctx, inv.ID)
	if err != nil {
		l.t.Fatal(err)
	}
	d.IssueDate = storetest.Date(date)
	d.Lines = []store.Line{storetest.Line("返品", "1", amount, store.TaxExempt)}
	if err := l.st.SaveDraft(l.ctx, &d); err != nil {
		l.t.Fatal(err)
	}
	return l.issue(d)
}

func TestBalanceBefore(t *testing.T) {
	l := newStatementLedger(t)
	cases := []struct {
		day  string
		want store.Money
	}{
		{"2026-10-05", 0},       // nothing before the first invoice's day
		{"2026-10-06", 11_000},  // the invoice
		{"2026-10-31", 11_000},  // the payment is dated that day: not before it
		{"2026-11-01", 0},       // paid 10,120 and 880 fee; the voided invoice counts nothing
		{"2026-11-11", 22_000},  // the second invoice
		{"2026-11-13", 20_000},  // its credit note
		{"2026-11-16", 15_000},  // a payment…
		{"2026-11-21", -15_000}, // …and one that pays ahead
		{"2026-11-26", -10_000}, // the first is reversed on 11-25
		{"", 0},                 // the beginning of time: nothing is before it
		{"2027-01-01", -10_000}, // nothing later
		{"2026-01-01", 0},       // before anything
		{"2026-11-02", 0},       // the draft of 11-01 owes nothing
	}
	for _, tc := range cases {
		var day time.Time
		if tc.day != "" {
			day = storetest.Date(tc.day)
		}
		got, err := l.st.BalanceBefore(l.ctx, l.cust.ID, day)
		if err != nil || got != tc.want {
			t.Errorf("BalanceBefore(%q) = %d, %v; want %d", tc.day, got, err, tc.want)
		}
	}
	if got, err := l.st.BalanceBefore(l.ctx, l.other.ID, storetest.Date("2027-01-01")); err != nil || got != 500 {
		t.Errorf("the other customer: %d, %v; want 1,000 − 500", got, err)
	}
	// With nothing dated later, the balance of every record is what the
	// customer owes less what it paid ahead.
	cb := l.customerBalance(l.cust)
	if got, _ := l.st.BalanceBefore(l.ctx, l.cust.ID, storetest.Date("2026-11-26")); got != cb.Receivable-cb.Unapplied {
		t.Errorf("BalanceBefore = %d, CustomerBalance %+v", got, cb)
	}
}

func TestCustomerAdjustments(t *testing.T) {
	l := newStatementLedger(t)
	fee := store.InvoiceAdjustment{Adjustment: l.fee, Number: l.inv1.Number}
	cases := []struct {
		name     string
		customer int64
		from, to string
		want     []store.InvoiceAdjustment
	}{
		{"all of it; not the voided invoice's", l.cust.ID, "", "", []store.InvoiceAdjustment{fee}},
		{"the day itself", l.cust.ID, "2026-10-31", "2026-10-31", []store.InvoiceAdjustment{fee}},
		{"from the day after", l.cust.ID, "2026-11-01", "", nil},
		{"up to the day before", l.cust.ID, "", "2026-10-30", nil},
		{"another customer", l.other.ID, "", "", nil},
	}
	for _, tc := range cases {
		var from, to time.Time
		if tc.from != "" {
			from = storetest.Date(tc.from)
		}
		if tc.to != "" {
			to = storetest.Date(tc.to)
		}
		got, err := l.st.CustomerAdjustments(l.ctx, tc.customer, from, to)
		if err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %+v, %v; want %+v", tc.name, got, err, tc.want)
		}
	}
	if fee.Amount != 880 || fee.Kind != store.AdjustTransferFee || l.voidDiscount.Amount != 660 {
		t.Errorf("fixture: fee %+v, discount %+v", fee, l.voidDiscount)
	}
}
