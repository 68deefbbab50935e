package tui

import (
	"context"
	"testing"
	"time"

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

// TestCustomerViewOpensItsDocuments: in a customer's view ↑/↓ pick one of
// its documents and enter shows it on the documents tab.
func TestCustomerViewOpensItsDocuments(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	ctx := context.Background()
	c, _ := st.CustomerByCode(ctx, "C0001")
	for i, subject := range []string{"十月分の保守", "十一月分の保守"} {
		d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: subject, IssueDate: store.DateOf(2026, time.Month(10+i), 20),
			Lines: []store.Line{{Description: "保守", Quantity: 1000, UnitPrice: 5000, TaxCategory: store.TaxStandard}}}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Issue(ctx, d.ID, d.Version); err != nil {
			t.Fatal(err)
		}
	}
	h := newHarness(t, st, i18n.JA, 80, 24)
	h.press("enter") // C0001's view; at 80×24 its documents are below the fold
	h.press("down")  // the list is newest first: the second is I-2026-0001, now in view
	h.mustSee("I-2026-0001", "I-2026-0002", "enter 開く")
	h.press("enter")
	h.mustSee("十月分の保守")
	if _, ok := h.m.current().(*documentsScreen); !ok {
		t.Fatalf("enter stayed on %T", h.m.current())
	}
}
