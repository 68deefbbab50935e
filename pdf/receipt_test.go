package pdf

import (
	"bytes"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// receipt records a payment of amount from the Japanese customer and issues
// its receipt.
func (f *fix) receipt(amount store.Money) store.Document {
	f.t.Helper()
	return f.receiptOf(f.ja, amount)
}

// receiptOf records a payment of amount from customer c and issues its
// receipt.
func (f *fix) receiptOf(c store.Customer, amount store.Money) store.Document {
	f.t.Helper()
	p := store.Payment{CustomerID: c.ID, Date: storetest.Date("2026-11-20"), Amount: amount, Method: store.PayBankTransfer}
	f.must(f.st.RecordPayment(f.ctx, &p))
	r, err := f.st.IssueReceipt(f.ctx, p.ID)
	f.must(err)
	return r
}

func (f *fix) receiptText(d store.Document, opts Options) string {
	f.t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, opts); err != nil {
		f.t.Fatalf("Render receipt: %v", err)
	}
	return strings.Join(pdfText(f.t.(*testing.T), buf.Bytes()), "\n")
}

// A paper receipt of ¥50,000 or more has the revenue-stamp box, one below
// has none, an electronic one has the note instead.
func TestRenderReceipt(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	big, small := f.receipt(50000), f.receipt(49999)
	tests := []struct {
		name       string
		d          store.Document
		electronic bool
		want, not  []string
	}{
		{"paper ¥50,000", big, false, []string{"収入印紙", "¥50,000"}, []string{"不要"}},
		{"paper ¥49,999", small, false, []string{"¥49,999"}, []string{"収入印紙"}},
		{"electronic ¥50,000", big, true, []string{"電子領収書のため収入印紙は不要です", "¥50,000"}, []string{"収入印紙\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := f.receiptText(tt.d, Options{Electronic: tt.electronic})
			for _, w := range append(tt.want, "領収書", tt.d.Number, "上記正に領収いたしました", "お品代として",
				f.company.RegistrationNumber, f.company.Name) {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in:\n%s", w, text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("unexpected %q in:\n%s", n, text)
				}
			}
		})
	}
}

// A receipt for a payment that paid one invoice in full prints the
// invoice's per-rate breakdown (OptionsFor finds it).
func TestRenderReceiptBreakdown(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	inv := f.issue(f.draft(store.KindInvoice, f.ja, "2026-11-10", storetest.ProductLine(f.service, "10")))
	p := store.Payment{CustomerID: f.ja.ID, Date: storetest.Date("2026-11-20"), Amount: inv.Totals.Total, Method: store.PayBankTransfer}
	f.must(f.st.RecordPayment(f.ctx, &p))
	f.must(f.st.Allocate(f.ctx, p.ID, inv.ID, inv.Totals.Total))
	r, err := f.st.IssueReceipt(f.ctx, p.ID)
	f.must(err)
	opts, err := OptionsFor(f.ctx, f.st, r)
	f.must(err)
	text := f.receiptText(r, opts)
	for _, w := range []string{"請求書 " + inv.Number + " の代金として", "内訳", "10%対象(税込) ¥88,000", "内消費税 ¥8,000", "収入印紙"} {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
}

// A receipt follows its customer's document language, as invoices do: an
// English customer's receipt has English labels, date, 但し書き and issuer,
// and the revenue-stamp box (Japanese law, kept on a paper receipt from
// ¥50,000) labelled in English; a Japanese customer's stays Japanese.
func TestRenderReceiptLanguage(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	inv := f.issue(f.draft(store.KindInvoice, f.en, "2026-11-10", storetest.ProductLine(f.service, "10")))
	p := store.Payment{CustomerID: f.en.ID, Date: storetest.Date("2026-11-20"), Amount: inv.Totals.Total, Method: store.PayBankTransfer}
	f.must(f.st.RecordPayment(f.ctx, &p))
	f.must(f.st.Allocate(f.ctx, p.ID, inv.ID, inv.Totals.Total))
	paid, err := f.st.IssueReceipt(f.ctx, p.ID)
	f.must(err)
	paidOpts, err := OptionsFor(f.ctx, f.st, paid)
	f.must(err)
	enCompany := f.company.InLanguage("en")
	english := []string{"Receipt", "Amount received", "Received with thanks.", "20 Nov 2026", "No.", "Date",
		"Registration No. " + f.company.RegistrationNumber, enCompany.Name}
	japanese := []string{"領収書", "金額", "上記正に領収いたしました", "2026年11月20日", "番号", "発行日", "お品代として",
		f.company.Name}
	tests := []struct {
		name      string
		d         store.Document
		opts      Options
		want, not []string
	}{
		{"en paper ¥50,000", f.receiptOf(f.en, 50000), Options{},
			append(english, "For: goods and services", "Revenue stamp", "¥50,000"),
			[]string{"領収書", "但し", "収入印紙", "上記正に", "no revenue stamp"}},
		{"en paper ¥49,999", f.receiptOf(f.en, 49999), Options{}, append(english, "¥49,999"),
			[]string{"Revenue stamp", "収入印紙"}},
		{"en electronic ¥50,000", f.receiptOf(f.en, 50000), Options{Electronic: true},
			append(english, "Electronic receipt: no revenue stamp is required."), []string{"Revenue stamp\n", "収入印紙"}},
		{"en paid invoice", paid, paidOpts, append(english, "For: payment of invoice "+inv.Number,
			"Breakdown: 10% incl. tax ¥88,000 (Tax ¥8,000)"), []string{"内訳", "代金として"}},
		{"ja paper ¥50,000", f.receiptOf(f.ja, 50000), Options{}, append(japanese, "但し", "収入印紙"),
			[]string{"Receipt", "Revenue stamp", "For:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := f.receiptText(tt.d, tt.opts)
			for _, w := range append(tt.want, tt.d.Number) {
				if !strings.Contains(text, w) {
					t.Errorf("missing %q in:\n%s", w, text)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(text, n) {
					t.Errorf("unexpected %q in:\n%s", n, text)
				}
			}
		})
	}
	if got := Title("en", store.KindReceipt); got != "Receipt" {
		t.Errorf(`Title("en", receipt) = %q`, got)
	}
	if got := Title("ja", store.KindReceipt); got != "領収書" {
		t.Errorf(`Title("ja", receipt) = %q`, got)
	}
}
