package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// W on the overdue screen: the kind, an amount that may not exceed what is
// open (refused in the dialog, on the field), a required reason; the list
// follows. Nothing open: said on the status line, no form.
func TestWriteOffFromTheOverdueScreen(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	ctx := context.Background()
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5", "/")
	h.typeText("I-2026-0004")
	h.press("enter", "W")
	h.mustSee("Write off on I-2026-0004 (¥44,000 open) as:", "1 transfer fee", "2 discount", "3 bad debt")
	h.press("3")
	h.mustSee("Amount to write off as bad debt on I-2026-0004 (at most ¥44,000):", "> 44,000")
	for range 6 {
		h.press("backspace")
	}
	h.typeText("44001")
	h.press("enter")
	h.mustSee("at most what is open on I-2026-0004: ¥44,000")
	for range 5 {
		h.press("backspace")
	}
	h.typeText("40000")
	h.press("enter")
	h.mustSee("Reason (required")
	h.press("enter")
	h.mustSee("required")
	h.typeText("倒産（破産手続開始）")
	h.press("enter")
	h.mustSee("I-2026-0004: ¥40,000 written off as bad debt.")
	inv, _ := st.DocumentByNumber(ctx, "I-2026-0004")
	adjs, err := st.Adjustments(ctx, inv.ID)
	if err != nil || len(adjs) != 1 || adjs[0].Kind != store.AdjustBadDebt || adjs[0].Amount != 40000 ||
		adjs[0].Reason != "倒産（破産手続開始）" {
		t.Fatalf("adjustments %+v, %v", adjs, err)
	}
	if s := overdueOf(h); s.summary.Total != 231000-40000 {
		t.Fatalf("total %d after the write-off", s.summary.Total)
	}

	// The rest as a transfer fee: nothing is left, the row goes.
	h.press("W", "1", "enter")
	h.typeText("手数料差引")
	h.press("enter")
	h.mustSee("I-2026-0004: ¥4,000 written off as transfer fee.")
	h.mustNotSee("I-2026-0004 有限会社")

	// The per-customer view has no single invoice to write off.
	h.press("esc", "v", "W")
	h.mustSee("W writes off one invoice")
}

// A discount from ¥10,000 offers the credit note instead; taking it makes
// the draft and opens it in the documents tab.
func TestWriteOffDiscountOffersACreditNote(t *testing.T) {
	st := newStore(t, true)
	overdueLedger(t, st)
	ctx := context.Background()
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5", "/")
	h.typeText("I-2026-0003")
	h.press("enter", "W", "2")
	for range 6 {
		h.press("backspace")
	}
	h.typeText("9999")
	h.press("enter")
	h.mustSee("Reason (required") // below ¥10,000: no offer
	h.press("esc")

	h.press("W", "2")
	for range 6 {
		h.press("backspace")
	}
	h.typeText("11000")
	h.press("enter")
	h.mustSee("A discount of ¥11,000", "c make a credit note draft instead", "w write it off as a discount")
	h.press("c")
	h.typeText("納期遅延の値引き")
	h.press("enter")
	h.mustSee("Credit note draft for I-2026-0003 (¥11,000) made")
	if _, ok := h.m.current().(*documentsScreen); !ok {
		t.Fatalf("the documents tab is not in front:\n%s", h.screen())
	}
	inv, _ := st.DocumentByNumber(ctx, "I-2026-0003")
	if adjs, _ := st.Adjustments(ctx, inv.ID); len(adjs) != 0 {
		t.Fatalf("a credit note was chosen, yet adjustments %+v", adjs)
	}
	docs, err := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: store.KindCreditNote})
	if err != nil || len(docs) != 1 || docs[0].Total != 11000 || docs[0].Status != store.StatusDraft {
		t.Fatalf("credit notes %+v, %v", docs, err)
	}
}

// W in the invoice view; a paid invoice says so instead of asking.
func TestWriteOffFromTheInvoiceView(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 2) // I-2026-0001…0002, ¥33,000 each
	payInvoice(t, st, "I-2026-0001", 33000)
	payInvoice(t, st, "I-2026-0002", 32340)
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("3", "down", "enter", "W")
	h.mustSee("I-2026-0001 に未入金はありません")
	h.press("esc", "up", "enter", "W")
	h.mustSee("I-2026-0002（未入金 ¥660）")
	h.press("1", "enter")
	h.typeText("振込手数料を差し引いての入金")
	h.press("enter")
	h.mustSee("I-2026-0002：¥660 を振込手数料として処理しました。", "残高: ¥0")
}
