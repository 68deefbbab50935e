package store_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// at sets the store's clock to noon (local time) of an ISO day: what was
// recorded "on that day".
func (f *payFix) at(day string) {
	d := storetest.Date(day)
	now := time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, time.Local)
	f.st.Now = func() time.Time { return now }
}

// datedCreditNote issues a credit note of amount on inv dated day.
func (f *payFix) datedCreditNote(inv store.Document, day string, amount store.Money) store.Document {
	f.t.Helper()
	d, err := f.st.CreateCreditNote(f.ctx, inv.ID)
	if err != nil {
		f.t.Fatalf("CreateCreditNote: %v", err)
	}
	d.IssueDate = storetest.Date(day)
	d.Lines = []store.Line{storetest.Line("値引", "1", amount, store.TaxExempt)}
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		f.t.Fatalf("SaveDraft credit note: %v", err)
	}
	got, err := f.st.Issue(f.ctx, d.ID, d.Version)
	if err != nil {
		f.t.Fatalf("Issue credit note: %v", err)
	}
	return got
}

// openAsOf is what Overdue and NotDue say is open on inv as of day: its
// open amount and whether it is overdue (0, false: nothing open).
func (f *payFix) openAsOf(inv store.Document, day string) (store.Money, bool) {
	f.t.Helper()
	over, err := f.st.Overdue(f.ctx, storetest.Date(day))
	if err != nil {
		f.t.Fatal(err)
	}
	for _, o := range over {
		if o.InvoiceID == inv.ID {
			if o.Open != o.Total-o.Paid-o.Adjusted-o.Credited {
				f.t.Errorf("%s as of %s: open %d is not total − paid − adjusted − credited (%+v)", inv.Number, day, o.Open, o)
			}
			return o.Open, true
		}
	}
	r, err := f.st.Receivables(f.ctx, storetest.Date(day))
	if err != nil {
		f.t.Fatal(err)
	}
	if len(r.Overdue) != len(over) {
		f.t.Errorf("as of %s: Receivables lists %d overdue, Overdue %d", day, len(r.Overdue), len(over))
	}
	before, _, err := f.st.NotDue(f.ctx, storetest.Date(day))
	if err != nil {
		f.t.Fatal(err)
	}
	if before != r.NotDue {
		f.t.Errorf("as of %s: NotDue %d, Receivables.NotDue %d", day, before, r.NotDue)
	}
	return 0, false
}

// TestOverdueAsOfCountsOnlyWhatIsDatedByThen: a position as of a day counts
// the payments, adjustments and credit notes dated on or before it, and
// reversals dated on or before it; what came later did not exist that day.
func TestOverdueAsOfCountsOnlyWhatIsDatedByThen(t *testing.T) {
	f := newPayFix(t)
	f.at("2026-11-20")
	// Paid on 10-15, after the 10-10 it is asked about.
	paidLate := f.invoice(f.cust, "2026-09-01", "2026-09-30", 10_000)
	f.allocate(f.pay(f.cust, "2026-10-15", 10_000), paidLate, 10_000)
	// 4,560 paid on 10-01, the 440 fee closed on 10-20.
	feeLate := f.invoice(f.cust, "2026-09-01", "2026-09-30", 5_000)
	f.allocate(f.pay(f.cust, "2026-10-01", 4_560), feeLate, 4_560)
	if _, err := f.st.CloseShortfall(f.ctx, feeLate.ID, store.AdjustTransferFee, storetest.Date("2026-10-20")); err != nil {
		t.Fatal(err)
	}
	// Credited in full by a credit note dated 10-25.
	creditLate := f.invoice(f.cust, "2026-09-01", "2026-09-30", 6_000)
	f.datedCreditNote(creditLate, "2026-10-25", 6_000)
	// Paid on 10-01; the payment bounced and was reversed on 11-05.
	bounced := f.invoice(f.other, "2026-09-01", "2026-09-30", 3_000)
	back := f.pay(f.other, "2026-10-01", 3_000)
	f.allocate(back, bounced, 3_000)
	f.at("2026-11-05")
	if err := f.st.ReversePayment(f.ctx, back.ID, "不渡り"); err != nil {
		t.Fatal(err)
	}
	f.at("2026-11-20")
	// Not yet due on 10-10, paid on 10-20: open and not due as of 10-10.
	notDue := f.invoice(f.other, "2026-10-01", "2026-11-30", 7_000)
	f.allocate(f.pay(f.other, "2026-10-20", 7_000), notDue, 7_000)
	// Paid by a transfer dated 12-01, typed in ahead on 11-20: not paid yet today.
	ahead := f.invoice(f.other, "2026-09-01", "2026-09-30", 2_000)
	f.allocate(f.pay(f.other, "2026-12-01", 2_000), ahead, 2_000)
	f.checkInvariants()

	for _, tc := range []struct {
		inv     store.Document
		day     string
		open    store.Money
		overdue bool
	}{
		{paidLate, "2026-10-10", 10_000, true},
		{paidLate, "2026-10-14", 10_000, true},
		{paidLate, "2026-10-15", 0, false}, // paid that day
		{feeLate, "2026-10-10", 440, true},
		{feeLate, "2026-10-20", 0, false},
		{creditLate, "2026-10-24", 6_000, true},
		{creditLate, "2026-10-25", 0, false},
		{bounced, "2026-10-10", 0, false},       // paid then: the reversal came later
		{bounced, "2026-11-04", 0, false},       // the day before the reversal
		{bounced, "2026-11-05", 3_000, true},    // reversed that day
		{bounced, "2026-11-20", 3_000, true},    // and today
		{ahead, "2026-11-20", 2_000, true},      // the money comes on 12-01
		{ahead, "2026-12-01", 0, false},         // and then it is paid
		{paidLate, "2026-08-31", 0, false},      // before it was issued: no invoice at all
		{notDue, "2026-10-10", 0, false},        // open, but not due: see NotDue below
		{notDue, "2026-12-01", 0, false},        // paid before it fell due
		{paidLate, "2026-11-20", 0, false},      // today
		{creditLate, "2026-11-20", 0, false},    // today
		{feeLate, "2026-11-20", 0, false},       // today
		{bounced, "2027-01-01", 3_000, true},    // a day to come: as today, with more days
		{creditLate, "2026-09-30", 0, false},    // due that day: not overdue yet
		{creditLate, "2026-10-01", 6_000, true}, // a day late
	} {
		open, overdue := f.openAsOf(tc.inv, tc.day)
		if open != tc.open || overdue != tc.overdue {
			t.Errorf("%s as of %s: open %d, overdue %v; want %d, %v", tc.inv.Number, tc.day, open, overdue, tc.open, tc.overdue)
		}
	}

	// As of 10-10, the invoice due 11-30 is open and not yet due; paid on
	// 10-20, it is not open as of 10-20.
	for day, want := range map[string]store.Money{"2026-10-10": 7_000, "2026-10-19": 7_000, "2026-10-20": 0} {
		open, n, err := f.st.NotDue(f.ctx, storetest.Date(day))
		if err != nil || open != want || (n == 1) != (want != 0) {
			t.Errorf("not due as of %s: %d in %d invoices (%v), want %d", day, open, n, err, want)
		}
	}
	// The aging as of 10-10 sums the same figures: 10,000 + 440 + 6,000 +
	// 2,000 overdue.
	r, err := f.st.Receivables(f.ctx, storetest.Date("2026-10-10"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Aging.Total != 18_440 || r.Aging.Count != 4 || r.NotDue != 7_000 || r.Total() != 25_440 {
		t.Errorf("receivables as of 10-10: overdue %d in %d, not due %d, total %d; want 18,440 in 4, 7,000, 25,440",
			r.Aging.Total, r.Aging.Count, r.NotDue, r.Total())
	}
}

// TestOverdueAsOfAllocationCorrections: undoing an allocation corrects which
// invoice a payment paid, from the day the money came (it never paid the
// first one), so a payment is never counted twice on any day; a payment
// left unallocated for a while paid its invoice the day it came.
func TestOverdueAsOfAllocationCorrections(t *testing.T) {
	f := newPayFix(t)
	f.at("2026-10-05")
	wrong := f.invoice(f.cust, "2026-09-01", "2026-09-30", 4_000)
	right := f.invoice(f.cust, "2026-09-02", "2026-09-30", 4_000)
	p := f.pay(f.cust, "2026-10-05", 4_000)
	f.allocate(p, wrong, 4_000)
	f.at("2026-11-10")
	_, as := f.payment(p.ID)
	if err := f.st.ReverseAllocation(f.ctx, as[0].ID, "別の請求書"); err != nil {
		t.Fatal(err)
	}
	f.allocate(p, right, 4_000)
	// Received on 10-07, allocated only on 11-10.
	late := f.invoice(f.cust, "2026-09-03", "2026-09-30", 1_000)
	q := f.pay(f.cust, "2026-10-07", 1_000)
	f.allocate(q, late, 1_000)
	f.checkInvariants()
	for _, tc := range []struct {
		inv  store.Document
		day  string
		open store.Money
	}{
		{wrong, "2026-10-04", 4_000}, {right, "2026-10-04", 4_000},
		{wrong, "2026-10-06", 4_000}, {right, "2026-10-06", 0}, // the money paid the right one
		{wrong, "2026-11-20", 4_000}, {right, "2026-11-20", 0},
		{late, "2026-10-06", 1_000}, {late, "2026-10-07", 0},
	} {
		if open, _ := f.openAsOf(tc.inv, tc.day); open != tc.open {
			t.Errorf("%s as of %s: open %d, want %d", tc.inv.Number, tc.day, open, tc.open)
		}
	}
}

// TestCustomerOverdueAsOf: one customer's overdue invoices as of a day (what
// a reminder lists) are the customer's part of Overdue.
func TestCustomerOverdueAsOf(t *testing.T) {
	f := newPayFix(t)
	f.at("2026-11-20")
	mine := f.invoice(f.cust, "2026-09-01", "2026-09-30", 10_000)
	f.allocate(f.pay(f.cust, "2026-10-15", 10_000), mine, 10_000)
	f.invoice(f.other, "2026-09-01", "2026-09-30", 5_000)
	got, err := f.st.CustomerOverdue(f.ctx, f.cust.ID, storetest.Date("2026-10-10"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].InvoiceID != mine.ID || got[0].Open != 10_000 || got[0].DaysOverdue != 10 {
		t.Errorf("C0001 overdue as of 10-10: %+v", got)
	}
	if got, err = f.st.CustomerOverdue(f.ctx, f.cust.ID, storetest.Date("2026-10-15")); err != nil || len(got) != 0 {
		t.Errorf("C0001 overdue as of 10-15: %+v (%v)", got, err)
	}
}

// TestCheckInvariantsAllocationDates: an allocation counts from its
// payment's date, its reversal from the same day or its payment reversal's;
// an allocation dated otherwise (changed outside daicho) would move a past
// position, and CheckInvariants names it.
func TestCheckInvariantsAllocationDates(t *testing.T) {
	f := newPayFix(t)
	f.at("2026-11-20")
	inv := f.invoice(f.cust, "2026-10-01", "2026-10-31", 5_000)
	p := f.pay(f.cust, "2026-11-02", 5_000)
	f.allocate(p, inv, 5_000)
	q := f.pay(f.cust, "2026-11-03", 1_000)
	f.allocate(q, f.invoice(f.cust, "2026-10-01", "2026-10-31", 1_000), 1_000)
	_, as := f.payment(q.ID)
	if err := f.st.ReverseAllocation(f.ctx, as[0].ID, "訂正"); err != nil {
		t.Fatal(err)
	}
	f.at("2026-11-25")
	if err := f.st.ReversePayment(f.ctx, p.ID, "返金"); err != nil {
		t.Fatal(err)
	}
	f.checkInvariants()
	for _, a := range []struct {
		payment store.Payment
		want    []string // the dates of its allocation records, oldest first
	}{{p, []string{"2026-11-02", "2026-11-25"}}, {q, []string{"2026-11-03", "2026-11-03"}}} {
		_, as := f.payment(a.payment.ID)
		var got []string
		for _, x := range as {
			got = append(got, store.FormatDate(x.Date))
		}
		if !slices.Equal(got, a.want) {
			t.Errorf("payment #%d: allocations dated %v, want %v", a.payment.ID, got, a.want)
		}
	}

	db := f.st.DB()
	for _, q := range []string{`DROP TRIGGER allocations_no_update`,
		`UPDATE allocations SET date = '2026-10-15' WHERE id = 1`,
		`UPDATE allocations SET date = '2026-11-04' WHERE reverses_id = 1`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	err := f.st.CheckInvariants(f.ctx)
	v, _ := err.(store.Violations)
	var texts []string
	for _, x := range v {
		texts = append(texts, x.Text)
	}
	text := strings.Join(texts, "\n")
	for _, want := range []string{
		"allocation #1 counts from 2026-10-15, not from its payment's date 2026-11-02",
		"allocation #4 counts from 2026-11-04, neither from its allocation's day 2026-10-15 nor from its payment's reversal",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%v", want, err)
		}
	}
	if len(v) != 2 {
		t.Errorf("%d violations: %v", len(v), err)
	}
}
