package pdf_test

import (
	"reflect"
	"testing"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// priced issues an invoice of one 10% line at price (so a total of 1.1 ×
// price) for cu on date.
func (l *exLedger) priced(cu store.Customer, kind, date string, price store.Money, issue bool) store.Document {
	l.t.Helper()
	day, _ := store.ParseDate(date)
	d := store.Document{Kind: kind, CustomerID: cu.ID, Subject: "件名 " + date, IssueDate: day,
		Lines: []store.Line{{Description: "作業費", Quantity: 1000, Unit: "式", UnitPrice: price,
			TaxCategory: store.TaxStandard}}}
	if err := l.st.SaveDraft(l.ctx, &d); err != nil {
		l.t.Fatal(err)
	}
	if !issue {
		return d
	}
	got, err := l.st.Issue(l.ctx, d.ID, d.Version)
	if err != nil {
		l.t.Fatal(err)
	}
	return got
}

// credit issues a credit note of inv for price (+10%) on date.
func (l *exLedger) credit(inv store.Document, date string, price store.Money) store.Document {
	l.t.Helper()
	d, err := l.st.CreateCreditNote(l.ctx, inv.ID)
	if err != nil {
		l.t.Fatal(err)
	}
	d.IssueDate, _ = store.ParseDate(date)
	d.Lines = d.Lines[:1]
	d.Lines[0].UnitPrice = price
	if err := l.st.SaveDraft(l.ctx, &d); err != nil {
		l.t.Fatal(err)
	}
	got, err := l.st.Issue(l.ctx, d.ID, d.Version)
	if err != nil {
		l.t.Fatal(err)
	}
	return got
}

func TestBuildStatement(t *testing.T) {
	l := newExLedger(t)
	l.st.Now = func() time.Time { return time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC) }
	other := store.NewCustomer()
	other.Code, other.Name = "C0002", "有限会社ほか"
	if err := l.st.CreateCustomer(l.ctx, &other); err != nil {
		t.Fatal(err)
	}
	me := l.cust

	oct := l.priced(me, store.KindInvoice, "2026-10-15", 50_000, true) // 55,000
	l.credit(oct, "2026-10-20", 10_000)                                // −11,000
	l.priced(other, store.KindInvoice, "2026-10-01", 1_000, true)      // another customer's
	l.priced(me, store.KindInvoice, "2026-10-30", 7_000, false)        // a draft owes nothing
	nov5 := l.priced(me, store.KindInvoice, "2026-11-05", 20_000, true)
	nov20 := l.priced(me, store.KindInvoice, "2026-11-20", 30_000, true)
	sameDay := l.credit(nov20, "2026-11-20", 3_000)
	novCredit := l.credit(nov5, "2026-11-15", 5_000)
	void := l.priced(me, store.KindInvoice, "2026-11-25", 70_000, true)
	if err := l.st.Void(l.ctx, void.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	l.priced(me, store.KindEstimate, "2026-11-10", 99_000, true)
	l.priced(me, store.KindInvoice, "2026-11-28", 80_000, false)
	l.priced(other, store.KindInvoice, "2026-11-10", 40_000, true)
	l.priced(me, store.KindInvoice, "2026-12-01", 90_000, true)

	from, to := store.DateOf(2026, 11, 1), store.DateOf(2026, 11, 30)
	s, err := pdf.BuildStatement(l.ctx, l.st, me, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if s.Opening != 44_000 {
		t.Errorf("opening %d, want 55,000 − 11,000 = 44,000", s.Opening)
	}
	want := []pdf.StatementEntry{
		{Date: store.DateOf(2026, 11, 5), Number: nov5.Number, Description: "件名 2026-11-05", Debit: 22_000},
		{Date: store.DateOf(2026, 11, 15), Number: novCredit.Number, Description: "件名 2026-11-05", Credit: 5_500},
		{Date: store.DateOf(2026, 11, 20), Number: nov20.Number, Description: "件名 2026-11-20", Debit: 33_000},
		{Date: store.DateOf(2026, 11, 20), Number: sameDay.Number, Description: "件名 2026-11-20", Credit: 3_300},
	}
	if !reflect.DeepEqual(s.Entries, want) {
		t.Errorf("entries\n got %+v\nwant %+v", s.Entries, want)
	}
	if s.Customer.Code != "C0001" || s.Company.Name == "" || !s.From.Equal(from) || !s.To.Equal(to) ||
		!s.Issued.Equal(store.DateOf(2026, 12, 3)) {
		t.Errorf("header: %s %q %v–%v issued %v", s.Customer.Code, s.Company.Name, s.From, s.To, s.Issued)
	}

	// A period before anything: no opening balance, no entries.
	s, err = pdf.BuildStatement(l.ctx, l.st, me, store.DateOf(2026, 1, 1), store.DateOf(2026, 1, 31))
	if err != nil || s.Opening != 0 || len(s.Entries) != 0 {
		t.Errorf("January: %d, %v, %v", s.Opening, s.Entries, err)
	}
}
