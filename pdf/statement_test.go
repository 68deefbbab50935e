package pdf

import (
	"strings"
	"testing"

	"daicho/store"
)

// TestStatement: the statement lists the opening balance, every entry with
// its running balance, the period's sums and the balance due, in both
// languages.
func TestStatement(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		ds := f.makeDocs(c)
		s := f.statement(c, ds)
		text := strings.Join(pdfText(t, renderStatement(t, s), "-layout"), "")
		lang := c.Language
		plain := func(m store.Money) string { return m.Plain(store.JPY) }
		yen := func(m store.Money) string { return m.Format(store.JPY) }
		words := map[string][]string{
			"ja": {"取引明細書", "前期繰越", "当期ご請求額", "当期ご入金・値引額", "当期末残高", "ご請求残高", "お振込先"},
			"en": {"Statement of Account", "Balance brought forward", "Invoiced in period", "Paid and credited in period",
				"Closing balance", "Balance due", "Bank transfer"},
		}[lang]
		balance, debits, credits := s.Opening, store.Money(0), store.Money(0)
		expect(t, lang, text, seq(words[0]), seq(printedDate(lang, s.From), "–", printedDate(lang, s.To)),
			seq(printedDate(lang, s.Issued)), seq(printedDate(lang, s.From), words[1], plain(s.Opening)))
		for _, e := range s.Entries {
			balance += e.Debit - e.Credit
			debits += e.Debit
			credits += e.Credit
			amount := plain(e.Debit)
			if e.Debit == 0 {
				amount = plain(e.Credit)
			}
			expect(t, lang, text, seq(printedDate(lang, e.Date), e.Number, e.Description, amount, plain(balance)))
		}
		// The figures worked out here by hand from the documents: 52,800
		// brought forward and paid; the invoice, less the credit note, plus the
		// closing invoice.
		if want := ds.invoice.Totals.Total - ds.credit.Totals.Total + ds.closing.Totals.Total; balance != want {
			t.Fatalf("%s: balance %d, want %d", lang, balance, want)
		}
		expect(t, lang, text, seq(words[1], yen(s.Opening)), seq(words[2], yen(debits)), seq(words[3], yen(credits)),
			seq(words[4], yen(balance)), seq(words[5], yen(balance)), seq(words[6]), seq("みずほ銀行 渋谷支店"))
		if lang == "ja" {
			expect(t, lang, text, seq("株式会社テスト 御中"))
		}
	}
}

// TestReminder: the reminder lists each overdue invoice with its dates and
// open amount, the total open, the date to pay by and the bank account.
func TestReminder(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		ds := f.makeDocs(c)
		r := f.reminder(c, ds)
		text := strings.Join(pdfText(t, renderReminder(t, r), "-layout"), "")
		lang := c.Language
		words := map[string][]string{
			"ja": {"督促状", "未入金額合計", "ご請求残高", "お支払期限", "お振込先"},
			"en": {"Payment Reminder", "Total open", "Amount overdue", "Please pay by", "Bank transfer"},
		}[lang]
		var open store.Money
		for _, inv := range r.Invoices {
			open += inv.Open
			expect(t, lang, text, seq(inv.Number, printedDate(lang, inv.IssueDate), printedDate(lang, inv.DueDate),
				inv.Total.Plain(store.JPY), inv.Open.Plain(store.JPY)))
		}
		if want := ds.invoice.Totals.Total - ds.credit.Totals.Total + ds.closing.Totals.Total; open != want {
			t.Fatalf("%s: open %d, want %d", lang, open, want)
		}
		yen := open.Format(store.JPY)
		expect(t, lang, text, seq(words[0]), seq(printedDate(lang, r.Date)), seq(words[1], yen), seq(words[2], yen),
			seq(words[3], printedDate(lang, r.PayBy)), seq(words[4]), seq("みずほ銀行 渋谷支店"))
		// The request names the date in the body text too.
		if n := strings.Count(text, printedDate(lang, r.PayBy)); n < 2 {
			t.Errorf("%s: the pay-by date is printed %d times, want it in the letter and by the amount", lang, n)
		}
	}
}
