package pdf_test

import (
	"reflect"
	"testing"

	"daicho/pdf"
	"daicho/store"
	"daicho/store/storetest"
)

// TestBuildReminder: a reminder lists the customer's issued invoices overdue
// on its date with what is still open on each — not a paid one, not one
// that is not due yet, not a draft, not another customer's.
func TestBuildReminder(t *testing.T) {
	l := newExLedger(t)
	l.at("2026-12-10")
	other := storetest.AddCustomers(t, l.st, storetest.Customer("C0002", "有限会社ほか"))[0]
	me, none := l.cust, store.Document{}
	sep := l.priced(me, store.KindInvoice, "2026-09-10", 10_000, true) // 11,000, 4,000 paid
	l.pay(me, "2026-10-30", 4_000, store.PayBankTransfer, "ｶ)ﾃｽﾄ", "", sep)
	paid := l.priced(me, store.KindInvoice, "2026-10-05", 20_000, true) // 22,000, all paid
	l.pay(me, "2026-11-02", 22_000, store.PayBankTransfer, "ｶ)ﾃｽﾄ", "", paid)
	oct := l.priced(me, store.KindInvoice, "2026-10-20", 30_000, true) // 33,000 open
	l.priced(me, store.KindInvoice, "2026-10-25", 40_000, false)       // a draft owes nothing
	l.priced(me, store.KindInvoice, "2026-11-10", 50_000, true)        // not due yet
	l.priced(other, store.KindInvoice, "2026-10-01", 60_000, true)     // another customer's
	l.pay(me, "2026-12-01", 1_000, store.PayCash, "", "", none)        // unapplied: changes nothing

	today, payBy := store.DateOf(2026, 12, 10), store.DateOf(2026, 12, 24)
	r, err := pdf.BuildReminder(l.ctx, l.st, me.ID, today, payBy)
	if err != nil {
		t.Fatal(err)
	}
	want := []pdf.ReminderInvoice{
		{Number: sep.Number, IssueDate: sep.IssueDate, DueDate: sep.DueDate, Total: 11_000, Open: 7_000},
		{Number: oct.Number, IssueDate: oct.IssueDate, DueDate: oct.DueDate, Total: 33_000, Open: 33_000},
	}
	if !reflect.DeepEqual(r.Invoices, want) {
		t.Errorf("invoices\n got %+v\nwant %+v", r.Invoices, want)
	}
	if r.Customer.Code != "C0001" || r.Company.Name == "" || !r.Date.Equal(today) || !r.PayBy.Equal(payBy) {
		t.Errorf("header: %s %q dated %v pay by %v", r.Customer.Code, r.Company.Name, r.Date, r.PayBy)
	}

	// Before anything fell due there is nothing to remind of.
	r, err = pdf.BuildReminder(l.ctx, l.st, me.ID, store.DateOf(2026, 10, 1), payBy)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Invoices) != 0 || r.Customer.Code != "C0001" {
		t.Errorf("nothing overdue on 2026-10-01: got %s %+v", r.Customer.Code, r.Invoices)
	}

	if _, err := pdf.BuildReminder(l.ctx, l.st, 999, today, payBy); err == nil {
		t.Error("a reminder for a customer who does not exist: no error")
	}
}
