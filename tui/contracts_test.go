package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// A contract made by keyboard, activated, and billed by catching up to next
// month in one dialog; running the month again makes nothing new.
func TestContractToBillingRunByKeyboard(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	addProduct(t, st, "P0001", "保守サポート", "ホシュサポート", "月", 30000, 12000, store.TaxStandard)
	ctx := context.Background()
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("2")
	h.mustSee("契約はまだありません")

	h.press("n")
	h.typeText("てすと")
	h.press("enter")
	h.mustSee("契約の新規登録", "C0001")
	h.typeText("ホームページ保守契約")
	ed := h.m.screens[1].(*contractsScreen).editor
	for !ed.inGrid {
		h.press("tab")
	}
	h.typeText("ほしゅ")
	h.press("enter")
	h.typeText("1")
	h.press("enter", "ctrl+s")
	h.mustSee("契約を保存しました")
	h.press("esc", "I", "y")
	h.mustSee("契約を有効にしました", "K-2026-0001")

	// The contract started this month: November is still unbilled, so it
	// is suggested before next month; asked for December, the run offers
	// to bill November and December in order.
	h.press("esc", "B")
	h.mustSee("2026-11")
	h.press("enter")
	h.mustSee("2026-11 の請求実行: 請求書1件")
	h.press("esc", "B")
	h.clearInput()
	h.typeText("2026-12")
	h.press("enter")
	h.mustSee("2026-12 の請求実行: 請求書1件", "未請求の月があります: 2026-11", "2026-11, 2026-12 を順に請求し")
	h.press("a")
	h.mustSee("請求書を2件作りました", "すべてPDFで出力しますか")
	h.press("n")

	docs, err := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: store.KindInvoice})
	if err != nil || len(docs) != 2 || docs[0].Number == "" || docs[0].Total != 33000 || docs[1].Total != 33000 {
		t.Fatalf("invoices %+v, %v", docs, err)
	}
	inv, _ := st.Document(ctx, docs[0].ID)
	if len(inv.Lines) != 1 || inv.Lines[0].Description == "保守サポート" {
		t.Fatalf("the line should say its period: %+v", inv.Lines)
	}

	h.press("B", "enter") // all billed: next month is suggested, again
	h.mustSee("2026-12 に請求するものはありません")
	if again, _ := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: store.KindInvoice}); len(again) != 2 {
		t.Fatalf("%d invoices after running the month twice", len(again))
	}
}

// A contract kept here after it began: its first billing month (請求開始月)
// is typed in the form (a month before the start is refused at the field),
// the view says it, and the billing run suggests that month, not a year of
// months invoiced before.
func TestContractFirstBillingMonthByKeyboard(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	ctx := context.Background()
	cust, err := st.CustomerByCode(ctx, "C0001")
	if err != nil {
		t.Fatal(err)
	}
	c := store.NewContract()
	c.CustomerID, c.Title, c.Start = cust.ID, "サーバー保守", store.DateOf(2024, 4, 1)
	c.Lines = []store.ContractLine{{Description: "保守料", Quantity: 100, Unit: "月", UnitPrice: 30000,
		TaxCategory: store.TaxStandard}}
	if err := st.SaveContract(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if _, err := st.ActivateContract(ctx, c.ID, c.Version); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("2", "B")
	h.mustSee("2025-12") // a year back: nothing says those months were invoiced
	h.press("esc", "enter", "e")
	ed := h.m.screens[1].(*contractsScreen).editor
	for ed.form.Focused() != "bill_from" {
		h.press("tab")
	}
	h.typeText("2024-03")
	h.press("ctrl+s")
	h.mustSee("請求開始月は開始月より前にできません")
	h.clearInput()
	h.typeText("2026-11")
	h.press("ctrl+s")
	h.mustSee("契約を保存しました")
	h.press("esc")
	h.mustSee("2026-11 から daicho で請求")
	h.press("esc", "B")
	h.mustSee("2026-11")
	h.mustNotSee("2025-12")
}
