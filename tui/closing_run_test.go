package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// B on the documents screen closes the last month end: the preview names
// each invoice and whom it leaves alone, i issues them, and a second run
// makes nothing and says the customer is closed.
func TestClosingRunByKeyboard(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	ctx := context.Background()
	c, err := st.CustomerByCode(ctx, "C0001") // 月末締め
	if err != nil {
		t.Fatal(err)
	}
	c.InvoiceStyle = store.InvoiceCarryForward
	if err := st.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for _, date := range []string{"2026-10-05", "2026-10-20"} {
		day, _ := store.ParseDate(date)
		dn := store.Document{Kind: store.KindDeliveryNote, CustomerID: c.ID, Subject: "部品", IssueDate: day,
			DeliveryDate: day, Lines: []store.Line{{Description: "部品", Quantity: 1000, UnitPrice: 5000, TaxCategory: store.TaxStandard}}}
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
	h.press("B", "enter") // today is 2026-11-26: the last month end is suggested
	h.mustSee("締め処理 2026-10-31: 請求書 1 件", "C0001", "納品2 契約0", "11,000", "繰越 0 → 今回請求 11,000")
	h.press("i")
	h.mustSee("締め処理で請求書を 1 件作成しました", "1件をPDFで出力", "送付: メールの顧客へ送信")
	h.press("s") // C0001 has no email address: it goes by post
	h.mustSee("0件の顧客にメールしました。郵送分 1 件を印刷用一式にまとめました。", "print_pack_20261031.pdf", "印刷用一式を印刷（lp）")
	h.press("esc")
	sums, err := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: store.KindInvoice})
	if err != nil || len(sums) != 1 || sums[0].Number == "" || sums[0].Total != 11000 {
		t.Fatalf("invoices %+v, %v", sums, err)
	}
	h.press("B", "enter")
	h.mustSee("作成する請求書はありません", "締め済み（1）: C0001")
}
