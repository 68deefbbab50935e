package store

import (
	"path/filepath"
	"testing"
	"time"
)

// checkCreditFits and checkVoidable give the words for what the database's
// triggers refuse (credit_note_within_open, invoice_void_unpaid).
func TestCreditAndVoidChecks(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "daicho.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := t.Context()
	st.Now = func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) }
	c := NewCompany()
	c.Name, c.RegistrationNumber = "株式会社だいちょう", "T7123456789012"
	if err := st.SaveCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	cust := NewCustomer()
	cust.Code, cust.Name = "C0001", "株式会社テスト"
	if err := st.CreateCustomer(ctx, &cust); err != nil {
		t.Fatal(err)
	}
	inv := Document{Kind: KindInvoice, CustomerID: cust.ID, IssueDate: DateOf(2026, 10, 20),
		Lines: []Line{{Description: "作業", Quantity: 1000, UnitPrice: 10000, TaxCategory: TaxExempt}}}
	if err := st.SaveDraft(ctx, &inv); err != nil {
		t.Fatal(err)
	}
	if inv, err = st.Issue(ctx, inv.ID, 0); err != nil {
		t.Fatal(err)
	}
	p := Payment{CustomerID: cust.ID, Date: DateOf(2026, 11, 20), Amount: 7000, Method: PayCash}
	if err := st.RecordPayment(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.Allocate(ctx, p.ID, inv.ID, 7000); err != nil {
		t.Fatal(err)
	}
	err = st.write(ctx, func(tx *Tx) error {
		credit := Document{Kind: KindCreditNote, CorrectsID: inv.ID, Totals: Totals{Total: 3001}}
		if e, ok := AsError(tx.checkCreditFits(&credit)); !ok || e.Reason != "credit.exceeds_open" || e.Args[1] != "¥3,000" {
			t.Errorf("3,001 of 3,000 open: %v", e)
		}
		credit.Totals.Total = 3000
		if err := tx.checkCreditFits(&credit); err != nil {
			t.Errorf("3,000 of 3,000 open: %v", err)
		}
		if e, ok := AsError(tx.checkVoidable(inv.ID)); !ok || e.Reason != "invoice.void_paid" {
			t.Errorf("void with a payment: %v", e)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
