package pdf_test

import (
	"reflect"
	"testing"
	"time"

	"daicho/pdf"
	"daicho/store"
	"daicho/store/storetest"
)

// priced issues an invoice of one 10% line at price (so a total of 1.1 ×
// price) for cu on date.
func (l *exLedger) priced(cu store.Customer, kind, date string, price store.Money, issue bool) store.Document {
	l.t.Helper()
	d := store.Document{Kind: kind, CustomerID: cu.ID, Subject: "件名 " + date, IssueDate: storetest.Date(date),
		Lines: []store.Line{storetest.Line("作業費", "1", price, store.TaxStandard)}}
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
	d.IssueDate = storetest.Date(date)
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

// pay records a payment of amount from cu on date, allocated to inv when
// inv is issued (ID ≠ 0).
func (l *exLedger) pay(cu store.Customer, date string, amount store.Money, method, payer, ref string,
	inv store.Document) store.Payment {
	l.t.Helper()
	p := store.Payment{CustomerID: cu.ID, Date: storetest.Date(date), Amount: amount, Method: method, PayerName: payer,
		Reference: ref, Memo: "社内メモ"}
	if err := l.st.RecordPayment(l.ctx, &p); err != nil {
		l.t.Fatal(err)
	}
	if inv.ID != 0 {
		if err := l.st.Allocate(l.ctx, p.ID, inv.ID, amount); err != nil {
			l.t.Fatal(err)
		}
	}
	return p
}

// at sets the store's clock to noon of date (local, as store.Today reads it).
func (l *exLedger) at(date string) {
	day := storetest.Date(date)
	l.st.Now = func() time.Time { return time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, time.Local) }
}

// statementLedger is C0001's account from October to 3 December 2026, with
// records a statement must leave out (another customer's, a draft, a void
// invoice, an estimate). The figures are in the comments.
type statementLedger struct {
	*exLedger
	me, other                                 store.Customer
	oct, nov5, nov20, sameDay, novCredit, dec store.Document
}

func newStatementLedger(t *testing.T) *statementLedger {
	l := &statementLedger{exLedger: newExLedger(t)}
	l.at("2026-12-03")
	l.other = storetest.AddCustomers(t, l.st, storetest.Customer("C0002", "有限会社ほか"))[0]
	me, none := l.cust, store.Document{}
	l.me = me

	// Brought forward to November: 55,000 − 11,000 − 43,340 = 660 open.
	l.oct = l.priced(me, store.KindInvoice, "2026-10-15", 50_000, true) // 55,000
	l.credit(l.oct, "2026-10-20", 10_000)                               // −11,000
	l.pay(me, "2026-10-25", 43_340, store.PayBankTransfer, "ｶ)ﾃｽﾄ", "", l.oct)
	l.priced(l.other, store.KindInvoice, "2026-10-01", 1_000, true) // another customer's
	l.priced(me, store.KindInvoice, "2026-10-30", 7_000, false)     // a draft owes nothing

	l.nov5 = l.priced(me, store.KindInvoice, "2026-11-05", 20_000, true)  // 22,000
	cash := l.pay(me, "2026-11-10", 10_000, store.PayCash, "", "", none)  // reversed on 11-25
	l.novCredit = l.credit(l.nov5, "2026-11-15", 5_000)                   // −5,500
	l.nov20 = l.priced(me, store.KindInvoice, "2026-11-20", 30_000, true) // 33,000
	l.sameDay = l.credit(l.nov20, "2026-11-20", 3_000)                    // −3,300
	l.pay(me, "2026-11-20", 16_500, store.PayBankTransfer, "ｶ)ﾃｽﾄ", "123456", l.nov5)
	if _, err := l.st.CloseShortfall(l.ctx, l.oct.ID, store.AdjustTransferFee, store.DateOf(2026, 11, 20)); err != nil {
		t.Fatal(err) // the 660 left on October's invoice
	}
	l.at("2026-11-25")
	if err := l.st.ReversePayment(l.ctx, cash.ID, "誤入力"); err != nil {
		t.Fatal(err)
	}
	l.at("2026-12-03")
	void := l.priced(me, store.KindInvoice, "2026-11-25", 70_000, true)
	if err := l.st.Void(l.ctx, void.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	l.priced(me, store.KindEstimate, "2026-11-10", 99_000, true)
	l.priced(me, store.KindInvoice, "2026-11-28", 80_000, false)
	l.priced(l.other, store.KindInvoice, "2026-11-10", 40_000, true)
	l.pay(l.other, "2026-11-20", 5_000, store.PayBankTransfer, "ﾎｶ", "", none)

	l.dec = l.priced(me, store.KindInvoice, "2026-12-01", 90_000, true)      // 99,000
	l.pay(me, "2026-12-02", 50_000, store.PayDirectDebit, "ｶ)ﾃｽﾄ", "", none) // unapplied
	return l
}

func TestBuildStatement(t *testing.T) {
	l := newStatementLedger(t)
	from, to := store.DateOf(2026, 11, 1), store.DateOf(2026, 11, 30)
	s, err := pdf.BuildStatement(l.ctx, l.st, l.me, from, to)
	if err != nil {
		t.Fatal(err)
	}
	if s.Opening != 660 {
		t.Errorf("opening %d, want 55,000 − 11,000 − 43,340 = 660", s.Opening)
	}
	d := store.DateOf
	want := []pdf.StatementEntry{
		{Kind: pdf.EntryInvoice, Date: d(2026, 11, 5), Number: l.nov5.Number, Description: "件名 2026-11-05", Debit: 22_000},
		{Kind: pdf.EntryPayment, Date: d(2026, 11, 10), Description: "ご入金（現金）", Credit: 10_000},
		{Kind: pdf.EntryCreditNote, Date: d(2026, 11, 15), Number: l.novCredit.Number, Description: "件名 2026-11-05",
			Credit: 5_500},
		// One day: the invoice, its credit note, the payment, the fee.
		{Kind: pdf.EntryInvoice, Date: d(2026, 11, 20), Number: l.nov20.Number, Description: "件名 2026-11-20", Debit: 33_000},
		{Kind: pdf.EntryCreditNote, Date: d(2026, 11, 20), Number: l.sameDay.Number, Description: "件名 2026-11-20",
			Credit: 3_300},
		{Kind: pdf.EntryPayment, Date: d(2026, 11, 20), Description: "ご入金（振込）\nｶ)ﾃｽﾄ 照会番号 123456", Credit: 16_500},
		{Kind: pdf.EntryAdjustment, Date: d(2026, 11, 20), Number: l.oct.Number, Description: "振込手数料", Credit: 660},
		{Kind: pdf.EntryReversal, Date: d(2026, 11, 25), Description: "ご入金取消（現金）\n理由：誤入力", Credit: -10_000},
	}
	if !reflect.DeepEqual(s.Entries, want) {
		t.Errorf("entries\n got %+v\nwant %+v", s.Entries, want)
	}
	if s.Customer.Code != "C0001" || s.Company.Name == "" || !s.From.Equal(from) || !s.To.Equal(to) ||
		!s.Issued.Equal(d(2026, 12, 3)) {
		t.Errorf("header: %s %q %v–%v issued %v", s.Customer.Code, s.Company.Name, s.From, s.To, s.Issued)
	}
	// What is open at the end of November: November 20's invoice less its
	// credit note (the cash payment was taken back).
	novClosing := closing(s)
	if novClosing != 29_700 {
		t.Errorf("November closes at %d, want 33,000 − 3,300", novClosing)
	}

	// The same ledger for an English customer: the descriptions in English.
	en := l.me
	en.Language = "en"
	s, err = pdf.BuildStatement(l.ctx, l.st, en, from, to)
	if err != nil {
		t.Fatal(err)
	}
	var descs []string
	for _, e := range s.Entries {
		if e.Kind != pdf.EntryInvoice && e.Kind != pdf.EntryCreditNote {
			descs = append(descs, e.Description)
		}
	}
	wantDescs := []string{"Payment (cash)", "Payment (bank transfer)\nｶ)ﾃｽﾄ, ref. 123456", "Transfer fee",
		"Payment reversed (cash)\nreason: 誤入力"}
	if !reflect.DeepEqual(descs, wantDescs) {
		t.Errorf("English descriptions\n got %q\nwant %q", descs, wantDescs)
	}

	// December up to today: it opens where November closed, and closes at
	// the customer's balance, nothing being dated later.
	today := store.Today(l.st.Now())
	s, err = pdf.BuildStatement(l.ctx, l.st, l.me, d(2026, 12, 1), today)
	if err != nil {
		t.Fatal(err)
	}
	if s.Opening != novClosing {
		t.Errorf("December opens at %d, November closed at %d", s.Opening, novClosing)
	}
	wantDec := []pdf.StatementEntry{
		{Kind: pdf.EntryInvoice, Date: d(2026, 12, 1), Number: l.dec.Number, Description: "件名 2026-12-01", Debit: 99_000},
		{Kind: pdf.EntryPayment, Date: d(2026, 12, 2), Description: "ご入金（口座振替）\nｶ)ﾃｽﾄ", Credit: 50_000},
	}
	if !reflect.DeepEqual(s.Entries, wantDec) {
		t.Errorf("December\n got %+v\nwant %+v", s.Entries, wantDec)
	}
	cb, err := l.st.CustomerBalance(l.ctx, l.me.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := closing(s), cb.Receivable-cb.Unapplied; got != want || want != 29_700+99_000-50_000 {
		t.Errorf("closing %d, CustomerBalance %+v: want %d = Σ open − unapplied = 78,700", got, cb, want)
	}
	// So does a statement of everything up to today.
	s, err = pdf.BuildStatement(l.ctx, l.st, l.me, d(2026, 1, 1), today)
	if err != nil || s.Opening != 0 || closing(s) != cb.Receivable-cb.Unapplied {
		t.Errorf("the whole year: opening %d, closing %d, %v", s.Opening, closing(s), err)
	}

	// A period before anything: no opening balance, no entries.
	s, err = pdf.BuildStatement(l.ctx, l.st, l.me, d(2026, 1, 1), d(2026, 1, 31))
	if err != nil || s.Opening != 0 || len(s.Entries) != 0 {
		t.Errorf("January: %d, %v, %v", s.Opening, s.Entries, err)
	}
}

// closing is the statement's closing balance: opening + debits − credits.
func closing(s pdf.Statement) store.Money {
	b := s.Opening
	for _, e := range s.Entries {
		b += e.Debit - e.Credit
	}
	return b
}
