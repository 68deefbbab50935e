package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// A closing invoice takes one billing cycle: the preview lists what it takes,
// the due date with why the holiday rule moved it, and the delivery notes
// left for an earlier cycle. Its subject is in the customer's language (an
// English customer's, though the operator works in Japanese).
func TestClosingInvoiceByKeyboardTakesOneCycle(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	ctx := context.Background()
	c, err := st.CustomerByCode(ctx, "C0001") // 月末締め翌月末払い, next business day
	if err != nil {
		t.Fatal(err)
	}
	c.Language, c.Honorific = "en", ""
	if err := st.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for _, date := range []string{"2026-10-20", "2026-11-10"} {
		day, _ := store.ParseDate(date)
		dn := store.Document{Kind: store.KindDeliveryNote, CustomerID: c.ID, Subject: "Parts", IssueDate: day,
			DeliveryDate: day, Lines: []store.Line{{Description: "Part", Quantity: 1000, UnitPrice: 5000, TaxCategory: store.TaxStandard}}}
		if err := st.SaveDraft(ctx, &dn); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Issue(ctx, dn.ID, dn.Version); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, st, i18n.JA, 140, 40)
	h.press("3")
	h.mustSee("D-2026-0002")
	h.press("c", "enter") // D-2026-0002, the newest: its cycle closes 2026-11-30
	h.mustSee("この納品書1件をまとめて請求書（2026-11-30締め、2026-11-01以降の納品分）",
		"2026-12-31 は銀行休業日のため翌営業日", "この請求書には含めません", "D-2026-0001")
	h.press("y")
	h.mustSee("請求書")
	sums, err := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: store.KindInvoice})
	if err != nil || len(sums) != 1 {
		t.Fatalf("%d invoices, %v", len(sums), err)
	}
	inv, err := st.Document(ctx, sums[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if inv.Subject != "Invoice for November 2026" || len(inv.Sources) != 1 || inv.Sources[0].Number != "D-2026-0002" ||
		store.FormatDate(inv.ClosingDate) != "2026-11-30" {
		t.Errorf("closing invoice %q from %+v closing %s", inv.Subject, inv.Sources, store.FormatDate(inv.ClosingDate))
	}
	// The question before issuing says when it is due, and why.
	h.press("esc", "I")
	h.mustSee("2027-01-04", "2026-12-31 は銀行休業日のため翌営業日")
}

// The due date's explanation says when "previous" moved forward instead
// (月末締め翌月5日払い, previous, invoice of 2024-12-31).
func TestClosingDueTextExplainsEachMove(t *testing.T) {
	terms := store.PaymentTerms{ClosingDay: store.MonthEnd, MonthsDeferred: 1, PaymentDay: 5, HolidayRule: store.HolidayPrevious}
	day, _ := store.ParseDate("2024-12-31")
	en := i18n.New(i18n.EN)
	if got, want := dueText(en, terms.Schedule(day, day)), "Due date 2025-01-06 (2025-01-05 is not a business day, "+
		"and the business day before it is not after the closing or issue date: moved to the next business day instead)"; got != want {
		t.Errorf("forward:\n%s\nwant\n%s", got, want)
	}
	day, _ = store.ParseDate("2026-11-25")
	terms = store.PaymentTerms{ClosingDay: 20, MonthsDeferred: 1, PaymentDay: 10, HolidayRule: store.HolidayPrevious}
	if got := dueText(i18n.New(i18n.JA), terms.Schedule(day, day)); got != "支払期限 2027-01-08 （2027-01-10 は銀行休業日のため前営業日）" {
		t.Errorf("previous: %s", got)
	}
	terms.HolidayRule = store.HolidayKeep
	if got := dueText(en, terms.Schedule(day, day)); got != "Due date 2027-01-10" {
		t.Errorf("keep: %s", got)
	}
}
