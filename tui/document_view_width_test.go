package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// TestDocumentViewShowsLargeAmountsWhole: amounts are never cut — a line of
// ¥90,000,000,000 and its total of ¥99,000,000,000 show whole, at 150
// columns as at 80.
func TestDocumentViewShowsLargeAmountsWhole(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	ctx := context.Background()
	c, _ := st.CustomerByCode(ctx, "C0001")
	d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: "大型案件", IssueDate: store.DateOf(2026, 11, 20),
		Lines: []store.Line{{Description: "一括納入", Quantity: 10000, UnitPrice: 9_000_000_000, TaxCategory: store.TaxStandard}}}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	for _, width := range []int{80, 150} {
		h := newHarness(t, st, i18n.JA, width, 30)
		h.press("3", "enter")
		h.mustSee("9,000,000,000", "90,000,000,000", "9,000,000,000", "99,000,000,000")
	}
}
