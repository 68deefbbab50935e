package store_test

import (
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// The payment status of every kind of document in a ledger, as the documents
// list reads it (DocumentSummaries) and as one document reads it (Document):
// the figures are invoice_balances', the overdue list's, and the status is
// derived by InvoiceBalance.Status alone.
func TestPaymentStatusOfEachDocument(t *testing.T) {
	f := newPayFix(t)
	today := fixedNow // 2026-11-20
	unpaid := f.invoice(f.cust, "2026-10-01", "2026-11-30", 10000)
	late := f.invoice(f.cust, "2026-09-01", "2026-10-31", 20000)
	partly := f.invoice(f.cust, "2026-10-02", "2026-11-30", 30000)
	partlyLate := f.invoice(f.cust, "2026-09-02", "2026-10-31", 5000)
	paid := f.invoice(f.cust, "2026-10-03", "2026-11-30", 33000)
	fee := f.invoice(f.cust, "2026-10-04", "2026-11-30", 11000)
	credited := f.invoice(f.cust, "2026-10-05", "2026-11-30", 8000)
	creditedPart := f.invoice(f.cust, "2026-09-06", "2026-10-31", 9000)
	dueToday := f.invoice(f.other, "2026-10-07", "2026-11-20", 7000)
	void := f.invoice(f.cust, "2026-10-08", "2026-11-30", 4000)
	f.void(void.ID, "二重発行")
	draft := f.draft(store.KindInvoice, "2026-11-01", storetest.Line("作業", "1", 1000, store.TaxExempt))
	estimate := f.issued(store.KindEstimate, "2026-11-02", storetest.Line("作業", "1", 1000, store.TaxExempt))

	p := f.pay(f.cust, "2026-11-10", 12000+1000+33000+10560)
	f.allocate(p, partly, 12000)
	f.allocate(p, partlyLate, 1000)
	f.allocate(p, paid, 33000)
	f.allocate(p, fee, 10560)
	if _, err := f.st.CloseShortfall(f.ctx, fee.ID, store.AdjustTransferFee, storetest.Date("2026-11-10")); err != nil {
		t.Fatal(err)
	}
	creditNote, err := f.creditNote(credited, 8000)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.creditNote(creditedPart, 3000); err != nil {
		t.Fatal(err)
	}

	type want struct {
		paid, adjusted, credited, open store.Money
		status, state                  string // PaymentStatus, and PaymentState on today
	}
	none := want{}
	cases := []struct {
		name string
		doc  store.Document
		want want
	}{
		{"nothing received, not yet due", unpaid, want{0, 0, 0, 10000, "unpaid", "unpaid"}},
		{"nothing received, past due", late, want{0, 0, 0, 20000, "unpaid", "overdue"}},
		{"part received, not yet due", partly, want{12000, 0, 0, 18000, "partly_paid", "partly_paid"}},
		{"part received, past due", partlyLate, want{1000, 0, 0, 4000, "partly_paid", "overdue"}},
		{"paid in full", paid, want{33000, 0, 0, 0, "paid", "paid"}},
		{"paid less a transfer fee closed", fee, want{10560, 440, 0, 0, "paid", "paid"}},
		{"credited in full", credited, want{0, 0, 8000, 0, "paid", "paid"}},
		{"credited in part, past due", creditedPart, want{0, 0, 3000, 6000, "unpaid", "overdue"}},
		{"due today is not overdue", dueToday, want{0, 0, 0, 7000, "unpaid", "unpaid"}},
		{"a void invoice owes nothing", void, none},
		{"a draft is not owed yet", draft, none},
		{"an estimate asks for no money", estimate, none},
		{"a credit note asks for no money", creditNote, none},
	}
	sums, err := f.st.DocumentSummaries(f.ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]store.DocumentSummary{}
	for _, s := range sums {
		byID[s.ID] = s
	}
	for _, tc := range cases {
		s, ok := byID[tc.doc.ID]
		if !ok {
			t.Fatalf("%s: not listed", tc.name)
		}
		got := want{s.Paid, s.Adjusted, s.Credited, s.Open, s.PaymentStatus, s.PaymentState(today)}
		if got != tc.want {
			t.Errorf("%s: list %+v, want %+v", tc.name, got, tc.want)
		}
		d := f.load(tc.doc.ID)
		if (d.Balance != nil) != (tc.want != none) {
			t.Errorf("%s: the document's balance %+v", tc.name, d.Balance)
			continue
		}
		if d.Balance == nil {
			continue
		}
		got = want{d.Balance.Paid, d.Balance.Adjusted, d.Balance.Credited, d.Balance.Open,
			d.Balance.Status(time.Time{}), d.Balance.Status(today)}
		if got != tc.want {
			t.Errorf("%s: document %+v, want %+v", tc.name, got, tc.want)
		}
		// The same figure as the overdue list's and the payment screens'.
		if b, err := f.st.InvoiceBalance(f.ctx, tc.doc.ID); err != nil || b.Open != d.Balance.Open || b.Paid != d.Balance.Paid {
			t.Errorf("%s: InvoiceBalance %+v (%v), document %+v", tc.name, b, err, *d.Balance)
		}
	}

	// The filters select by the same status: unpaid, partly_paid and paid by
	// payment_status, overdue by what is open past its due date on Today.
	filters := []struct {
		payment string
		want    []store.Document
	}{
		{"unpaid", []store.Document{unpaid, late, creditedPart, dueToday}},
		{"partly_paid", []store.Document{partly, partlyLate}},
		{"paid", []store.Document{paid, fee, credited}},
		{"overdue", []store.Document{late, partlyLate, creditedPart}},
	}
	for _, ft := range filters {
		for _, limit := range []int{0, 2} {
			got, err := f.st.DocumentSummaries(f.ctx, store.DocumentFilter{Payment: ft.payment, Today: today, Limit: limit})
			if err != nil {
				t.Fatal(err)
			}
			var gotIDs, wantIDs []int64
			for _, s := range got {
				gotIDs = append(gotIDs, s.ID)
			}
			for _, s := range sums { // in the list's order
				if slices.ContainsFunc(ft.want, func(d store.Document) bool { return d.ID == s.ID }) {
					wantIDs = append(wantIDs, s.ID)
				}
			}
			if limit > 0 {
				wantIDs = wantIDs[:min(limit, len(wantIDs))]
			}
			if !slices.Equal(gotIDs, wantIDs) {
				t.Errorf("--status %s (limit %d): %v, want %v", ft.payment, limit, gotIDs, wantIDs)
			}
		}
	}
	f.checkInvariants()
}

// The statuses are words of the JSON and the command line: their spelling is
// part of the interface.
func TestPaymentStatusWords(t *testing.T) {
	if got, want := store.PaymentFilters, []string{"unpaid", "partly_paid", "paid", "overdue"}; !slices.Equal(got, want) {
		t.Errorf("PaymentFilters %v, want %v", got, want)
	}
	due := storetest.Date("2026-11-30")
	for _, tc := range []struct {
		b    store.InvoiceBalance
		want string
	}{
		{store.InvoiceBalance{Total: 1000, Open: 1000, DueDate: due}, "unpaid"},
		{store.InvoiceBalance{Total: 1000, Paid: 1, Open: 999, DueDate: due}, "partly_paid"},
		{store.InvoiceBalance{Total: 1000, Paid: 1000, DueDate: due}, "paid"},
	} {
		if got := tc.b.Status(time.Time{}); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.b, got, tc.want)
		}
		if got := tc.b.Status(storetest.Date("2026-12-01")); tc.want != "paid" && got != "overdue" {
			t.Errorf("%+v past due: %s, want overdue", tc.b, got)
		}
	}
}
