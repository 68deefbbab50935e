package tui

import (
	"context"
	"testing"

	"daicho/tui/i18n"
)

// r on a payment makes and issues its receipt and, when confirmed, exports
// the PDF into the kept archive.
func TestPaymentReceiptKey(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 1) // one invoice of ¥33,000 for C0001
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("4", "n")
	h.typeText("てすと")
	h.press("enter")
	h.typeText("33,000")
	h.press("enter", "enter", "1")
	h.mustSee("Remaining: ¥33,000")
	h.press("space", "ctrl+s")
	h.mustSee("1 allocation recorded.")

	h.press("r")
	h.mustSee("Receipt R-", "issued for payment #1", "Export receipt R-")
	h.press("y")
	h.mustSee("Saved:")

	var receipts, kept int
	db := st.DB()
	ctx := context.Background()
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE kind = 'receipt' AND status = 'issued' AND total = 33000`).Scan(&receipts); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM archive WHERE kind = 'receipt'`).Scan(&kept); err != nil {
		t.Fatal(err)
	}
	if receipts != 1 || kept != 1 {
		t.Errorf("%d issued receipts of ¥33,000 and %d kept in the archive, want 1 and 1", receipts, kept)
	}
}
