package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

func addProduct(t testing.TB, st *store.Store, code, name, kana, unit string, price, cost store.Money, tax string) store.Product {
	t.Helper()
	return storetest.AddProducts(t, st, store.Product{Code: code, Name: name, Kana: kana, Unit: unit, UnitPrice: price,
		CostPrice: cost, TaxCategory: tax})[0]
}

// The flow by keyboard alone: an estimate typed in the grid becomes a
// delivery note and an invoice, each issued, with nothing typed twice.
func TestEstimateToDeliveryNoteToInvoiceByKeyboard(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	addProduct(t, st, "P0001", "ホームページ保守", "ホームページホシュ", "月", 10000, 6000, store.TaxStandard)
	addProduct(t, st, "P0002", "お茶", "オチャ", "箱", 1080, 700, store.TaxReduced)
	ctx := context.Background()
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("3")
	h.mustSee("書類はまだありません")

	h.press("n", "q") // a new estimate
	h.typeText("てすと")
	h.press("enter")
	h.mustSee("見積書の新規作成", "C0001", "株式会社テスト")
	h.typeText("ホームページ保守契約")
	for i := 0; i < 5; i++ { // subject → issue date → valid until → price mode → notes → the grid
		h.press("tab")
	}
	h.typeText("ほしゅ") // typing in the product cell looks the product up by its reading
	h.mustSee("ホームページ保守")
	h.press("enter")
	h.typeText("3")
	h.press("enter")
	h.press("o")
	h.typeText("P0002")
	h.press("enter") // the product fills the line; the cursor waits on the quantity
	h.typeText("2")
	h.press("enter")
	h.mustSee("10%対象 30,000  消費税 3,000", "8%対象 2,160  消費税 172", "合計 ¥35,332", "※は軽減税率対象")
	h.press("ctrl+s")
	h.mustSee("下書きを保存しました")

	h.press("esc")
	h.press("I")
	h.mustSee("Q-2026-0001")
	h.press("y")
	h.mustSee("発行しました", "Q-2026-0001", "発行済")
	est, err := st.DocumentByNumber(ctx, "Q-2026-0001")
	if err != nil || est.Totals.Total != 35332 || len(est.Lines) != 2 || est.Subject != "ホームページ保守契約" {
		t.Fatalf("estimate %+v, %v", est, err)
	}

	h.press("c", "d") // → a delivery note draft of everything that remains
	h.mustSee("納品書", "ホームページ保守")
	h.press("esc", "I", "y")
	h.mustSee("D-2026-0001")

	h.press("c", "enter") // → a closing invoice; the closing date is suggested
	h.mustSee("この納品書1件をまとめて", "D-2026-0001")
	h.press("y")
	h.mustSee("請求書")
	h.press("esc", "I", "y")
	h.mustSee("I-2026-0001", "Q-2026-0001 → D-2026-0001 → I-2026-0001")

	inv, err := st.DocumentByNumber(ctx, "I-2026-0001")
	if err != nil {
		t.Fatal(err)
	}
	if inv.Totals.Total != est.Totals.Total || len(inv.Lines) != 2 || inv.Sources[0].Number != "D-2026-0001" || inv.DueDate.IsZero() {
		t.Fatalf("invoice %+v", inv)
	}
	if inv.Lines[0].CostPrice != 6000 || inv.Lines[1].TaxRate != 8 {
		t.Fatalf("lines did not carry cost and rate: %+v", inv.Lines)
	}

	// The customer's detail view lists its documents.
	h.press("1", "enter")
	h.mustSee("書類（3件）", "Q-2026-0001", "D-2026-0001", "I-2026-0001")
}

func TestEditorReportsBadInputWhereItWasTyped(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	addProduct(t, st, "P0001", "ホームページ保守", "ホームページホシュ", "月", 10000, 6000, store.TaxStandard)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "n", "i")
	h.typeText("C0002")
	h.press("enter", "tab")
	for range 10 {
		h.press("backspace")
	}
	h.typeText("2026-02-30") // no such day
	for range 5 {
		h.press("tab")
	}
	h.typeText("P0001")
	h.press("enter")
	h.typeText("1.2345") // four decimals
	h.press("enter", "ctrl+s")
	h.mustSee("Not saved", "✗ no such date")
	ed := h.m.screens[2].(*documentsScreen).editor
	if ed.inGrid || ed.form.Focused() != "issue_date" {
		t.Fatalf("focus: in grid %v, field %s; want the issue date", ed.inGrid, ed.form.Focused())
	}
	if ed.grid.rows[0].errs[colQuantity] == "" {
		t.Fatal("the quantity cell is not marked")
	}
	if docs, _ := st.DocumentSummaries(context.Background(), store.DocumentFilter{}); len(docs) != 0 {
		t.Fatalf("%d documents saved, want none", len(docs))
	}
}

func TestIssuedDocumentsCannotBeEditedOnlyVoidedOrRevised(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	ctx := context.Background()
	c, _ := st.CustomerByCode(ctx, "C0001")
	d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: "11月分", IssueDate: store.DateOf(2026, 11, 20),
		Lines: []store.Line{{Description: "作業", Quantity: 2000, UnitPrice: 5000, TaxCategory: store.TaxStandard}}}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Issue(ctx, d.ID, d.Version); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "e")
	h.mustSee("I-2026-0001 is issued and cannot be changed")

	h.press("r", "enter") // a reason is required
	h.mustSee("✗ required")
	h.typeText("wrong quantity")
	h.press("enter")
	h.mustSee("Invoice draft", "(corrects I-2026-0001)") // the corrected draft opens
	old, _ := st.DocumentByNumber(ctx, "I-2026-0001")
	if old.Status != store.StatusVoid || old.VoidedReason != "wrong quantity" {
		t.Fatalf("original: %s %q", old.Status, old.VoidedReason)
	}
	docs, _ := st.DocumentSummaries(ctx, store.DocumentFilter{Status: store.StatusDraft})
	if len(docs) != 1 {
		t.Fatalf("%d drafts, want the revision", len(docs))
	}
}
