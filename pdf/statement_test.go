package pdf

import (
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
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
			expect(t, lang, text, seq("株式会社テスト 経理部 御中"))
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

// TestReminderAsOfAnotherDay: a reminder made for another day than its own
// says which in the header and in the letter, in both languages; one made
// for its own day says neither.
func TestReminderAsOfAnotherDay(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		lang := c.Language
		r := f.reminder(c, f.makeDocs(c))
		r.AsOf = storetest.Date("2026-12-31")
		text := strings.Join(pdfText(t, renderReminder(t, r), "-layout"), "")
		want := map[string]struct{ label, body string }{
			"ja": {"基準日", "2026年12月31日現在"},
			"en": {"As of", "as of 31 Dec 2026"},
		}[lang]
		expect(t, lang, text, seq(want.label, printedDate(lang, r.AsOf)), seq(printedDate(lang, r.Date)))
		// The letter wraps anywhere in Japanese: compare without spaces.
		if squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }; !strings.Contains(squeeze(text), squeeze(want.body)) {
			t.Errorf("%s: the letter does not say %q:\n%s", lang, want.body, text)
		}
		r.AsOf = r.Date
		text = strings.Join(pdfText(t, renderReminder(t, r), "-layout"), "")
		expectNot(t, lang, text, want.label)
	}
}

// TestStatementFromLedger renders a statement built from the ledger, with a
// payment, a shortfall closed as a discount and a reversed payment
// beside the documents, and checks that every line is printed with its
// running balance, and that it closes at the customer's balance.
func TestStatementFromLedger(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		lang := c.Language
		ds := f.makeDocs(c)
		// The invoice, less its credit note, is paid short on the day of the
		// credit note (today, 11-30) and the rest let off as a discount; a
		// cash payment is taken back as a mistake (also today).
		paid := ds.invoice.Totals.Total - ds.credit.Totals.Total - 880
		transfer := store.Payment{CustomerID: c.ID, Date: storetest.Date("2026-11-30"), Amount: paid,
			Method: store.PayBankTransfer, PayerName: "ｶ)ﾃｽﾄ", Reference: "0001234", Memo: "社内メモ"}
		f.must(f.st.RecordPayment(f.ctx, &transfer))
		f.must(f.st.Allocate(f.ctx, transfer.ID, ds.invoice.ID, paid))
		_, err := f.st.CloseShortfall(f.ctx, ds.invoice.ID, store.AdjustDiscount, storetest.Date("2026-11-30"))
		f.must(err)
		cash := store.Payment{CustomerID: c.ID, Date: storetest.Date("2026-11-22"), Amount: 5000, Method: store.PayCash}
		f.must(f.st.RecordPayment(f.ctx, &cash))
		f.must(f.st.ReversePayment(f.ctx, cash.ID, "金額誤り"))

		s, err := BuildStatement(f.ctx, f.st, c, storetest.Date("2026-11-01"), storetest.Date("2026-11-30"))
		f.must(err)
		pdf := renderStatement(t, s)
		text := strings.Join(pdfText(t, pdf, "-layout"), "")
		plain := func(m store.Money) string { return m.Plain(store.JPY) }
		words := map[string][]string{
			"ja": {"ご入金（振込）", "ｶ)ﾃｽﾄ 照会番号 0001234", "ご入金（現金）", "値引", "ご入金取消（現金）", "理由：金額誤り"},
			"en": {"Payment (bank transfer)", "ｶ)ﾃｽﾄ, ref. 0001234", "Payment (cash)", "Discount",
				"Payment reversed (cash)", "reason: 金額誤り"},
		}[lang]
		// Each payment and adjustment row: date, number (the invoice's for
		// the adjustment), description, amount and running balance; a
		// payment's details (payer, reference, reason) on a second line.
		balance, kinds := s.Opening, map[string]int{}
		for _, e := range s.Entries {
			balance += e.Debit - e.Credit
			kinds[e.Kind]++
			amount := plain(e.Debit + e.Credit)
			switch e.Kind {
			case EntryPayment, EntryReversal:
				first, details, _ := strings.Cut(e.Description, "\n")
				expect(t, lang, text, seq(printedDate(lang, e.Date), first, amount, plain(balance)))
				if details != "" {
					expect(t, lang, text, seq(details))
				}
			case EntryAdjustment:
				expect(t, lang, text, seq(printedDate(lang, e.Date), ds.invoice.Number, e.Description, amount,
					plain(balance)))
			}
		}
		if kinds[EntryPayment] != 2 || kinds[EntryReversal] != 1 || kinds[EntryAdjustment] != 1 {
			t.Errorf("%s: entries %v", lang, kinds)
		}
		// A wrapped description is split anywhere (Japanese has no spaces to
		// break at), so compare without spaces.
		flat := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf), "")), "")
		for _, w := range words {
			if !strings.Contains(flat, strings.ReplaceAll(w, " ", "")) {
				t.Errorf("%s: %q not printed:\n%s", lang, w, flat)
			}
		}
		expectNot(t, lang, text, "社内メモ")     // the memo is the office's own
		expect(t, lang, text, seq("-5,000")) // the reversal takes the payment back

		// Closing: the closing invoice, nothing else open, nothing paid ahead.
		cb, err := f.st.CustomerBalance(f.ctx, c.ID)
		f.must(err)
		if balance != cb.Receivable-cb.Unapplied || balance != ds.closing.Totals.Total {
			t.Errorf("%s: closing %d, CustomerBalance %+v, closing invoice %d", lang, balance, cb,
				ds.closing.Totals.Total)
		}
		due := map[string]string{"ja": "ご請求残高", "en": "Balance due"}[lang]
		expect(t, lang, text, seq(due, balance.Format(store.JPY)))
	}
}
