package pdf_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
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

// TestReminderAsOfPastDay: a reminder made as of a past day lists what was
// overdue on that day, with what was open then — an invoice paid since, one
// credited since — and says the day it is as of; it is dated the day it is
// written.
func TestReminderAsOfPastDay(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	l := newExLedger(t)
	l.at("2026-12-10")
	me := l.cust
	paidSince := l.priced(me, store.KindInvoice, "2026-09-10", 10_000, true) // 11,000, paid on 11-20
	l.pay(me, "2026-11-20", 11_000, store.PayBankTransfer, "ｶ)ﾃｽﾄ", "", paidSince)
	creditedSince := l.priced(me, store.KindInvoice, "2026-09-15", 20_000, true) // 22,000, credited on 11-25
	l.credit(creditedSince, "2026-11-25", 20_000)
	for _, inv := range []store.Document{paidSince, creditedSince} {
		if !inv.DueDate.Before(store.DateOf(2026, 11, 15)) {
			t.Fatalf("%s is due %s: not overdue on 11-15", inv.Number, store.FormatDate(inv.DueDate))
		}
	}

	asOf, payBy := store.DateOf(2026, 11, 15), store.DateOf(2026, 12, 24)
	r, err := pdf.BuildReminder(l.ctx, l.st, me.ID, asOf, payBy)
	if err != nil {
		t.Fatal(err)
	}
	want := []pdf.ReminderInvoice{
		{Number: paidSince.Number, IssueDate: paidSince.IssueDate, DueDate: paidSince.DueDate, Total: 11_000, Open: 11_000},
		{Number: creditedSince.Number, IssueDate: creditedSince.IssueDate, DueDate: creditedSince.DueDate, Total: 22_000, Open: 22_000},
	}
	if !reflect.DeepEqual(r.Invoices, want) {
		t.Fatalf("invoices as of 11-15\n got %+v\nwant %+v", r.Invoices, want)
	}
	today := store.DateOf(2026, 12, 10)
	if !r.AsOf.Equal(asOf) || !r.Date.Equal(today) {
		t.Errorf("as of %v, dated %v; want as of 2026-11-15, dated 2026-12-10", r.AsOf, r.Date)
	}
	var buf bytes.Buffer
	if err := pdf.RenderReminder(&buf, r); err != nil {
		t.Fatal(err)
	}
	text := pdfLayoutText(t, buf.Bytes())
	for _, inv := range want {
		if !strings.Contains(text, inv.Number) {
			t.Errorf("%s is not on the reminder:\n%s", inv.Number, text)
		}
	}
	for _, s := range []string{"33,000", "基準日", "2026年11月15日現在", "2026年12月10日"} {
		if !strings.Contains(text, s) {
			t.Errorf("%q is not on the reminder:\n%s", s, text)
		}
	}
	if strings.Contains(text, "本日現在") {
		t.Errorf("a reminder as of a past day says 本日現在:\n%s", text)
	}

	// As of today, nothing is overdue any more.
	if r, err = pdf.BuildReminder(l.ctx, l.st, me.ID, today, payBy); err != nil || len(r.Invoices) != 0 {
		t.Errorf("as of today: %+v (%v)", r.Invoices, err)
	}
}

// pdfLayoutText is the text of a PDF as pdftotext -layout reads it.
func pdfLayoutText(t *testing.T, doc []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
