package store_test

import (
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// A receipt is made from a payment: for its amount, numbered R-YYYY-NNNN in
// its own series, its 但し書き naming the invoice paid, frozen, one per
// payment.
func TestIssueReceipt(t *testing.T) {
	f := newPayFix(t)
	c := f.cust
	inv := f.invoice(c, "2026-11-01", "2026-11-30", 55000)
	p := f.pay(c, "2026-11-20", 55000)
	f.allocate(p, inv, 55000)

	r, err := f.st.IssueReceipt(f.ctx, p.ID)
	if err != nil {
		t.Fatalf("IssueReceipt: %v", err)
	}
	if r.Kind != store.KindReceipt || r.Status != store.StatusIssued || r.Number != "R-2026-0001" {
		t.Errorf("receipt %s %s %q, want an issued receipt R-2026-0001", r.Kind, r.Status, r.Number)
	}
	if r.Totals.Total != p.Amount || r.CustomerID != c.ID || !r.IssueDate.Equal(p.Date) {
		t.Errorf("receipt total %d customer %d date %v, want the payment's %d %d %v", r.Totals.Total, r.CustomerID, r.IssueDate, p.Amount, c.ID, p.Date)
	}
	if want := "請求書 " + inv.Number + " の代金として"; len(r.Lines) != 1 || r.Lines[0].Description != want {
		t.Errorf("lines %+v, want one %q", r.Lines, want)
	}
	again, err := f.st.IssueReceipt(f.ctx, p.ID)
	if err != nil || again.ID != r.ID {
		t.Errorf("second IssueReceipt = %d, %v; want the same receipt %d", again.ID, err, r.ID)
	}
	if got, err := f.st.ReceiptFor(f.ctx, p.ID); err != nil || got.ID != r.ID {
		t.Errorf("ReceiptFor = %d, %v", got.ID, err)
	}

	// Its own series: the next payment's receipt is R-2026-0002, invoices go on.
	p2 := f.pay(c, "2026-11-21", 1000)
	r2, err := f.st.IssueReceipt(f.ctx, p2.ID)
	if err != nil || r2.Number != "R-2026-0002" || r2.Lines[0].Description != "お品代として" {
		t.Errorf("second receipt %q %+v, %v", r2.Number, r2.Lines, err)
	}
	if inv2 := f.invoice(c, "2026-11-22", "2026-12-31", 100); inv2.Number != "I-2026-0002" {
		t.Errorf("invoice after receipts %s, want I-2026-0002", inv2.Number)
	}

	// Frozen: neither a draft save nor a raw update changes it.
	r.Subject = "changed"
	if err := f.st.SaveDraft(f.ctx, &r); err == nil {
		t.Error("SaveDraft of an issued receipt: no error")
	}
	if _, err := f.st.DB().ExecContext(f.ctx, `UPDATE documents SET total = 1 WHERE id = ?`, r.ID); err == nil {
		t.Error("raw UPDATE of an issued receipt: no error")
	}
	f.checkInvariants()
}

// A reversed payment gets no receipt.
func TestIssueReceiptRefusesReversed(t *testing.T) {
	f := newPayFix(t)
	p := f.pay(f.cust, "2026-11-20", 5000)
	if err := f.st.ReversePayment(f.ctx, p.ID, "誤入金"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.IssueReceipt(f.ctx, p.ID); !isCode(err, store.CodeConflict) {
		t.Errorf("IssueReceipt of a reversed payment: %v, want a conflict", err)
	}
}

// A receipt is only made from a payment: a typed (or imported) one is refused.
func TestReceiptDraftRefused(t *testing.T) {
	f := newPayFix(t)
	d := store.Document{Kind: store.KindReceipt, CustomerID: f.cust.ID, IssueDate: storetest.Date("2026-11-20")}
	if err := f.st.SaveDraft(f.ctx, &d); err == nil {
		t.Fatal("SaveDraft of a receipt: no error")
	}
}

// The 但し書き is in the customer's document language, naming each paid
// invoice once.
func TestReceiptPurposeLanguage(t *testing.T) {
	one := []store.Allocation{{InvoiceNumber: "I-2026-0001"}, {InvoiceNumber: "I-2026-0001"}}
	two := []store.Allocation{{InvoiceNumber: "I-2026-0001"}, {InvoiceNumber: "I-2026-00011"}}
	for _, tt := range []struct {
		lang   string
		allocs []store.Allocation
		want   string
	}{
		{"ja", nil, "お品代として"},
		{"ja", one, "請求書 I-2026-0001 の代金として"},
		{"ja", two, "請求書 I-2026-0001・I-2026-00011 の代金として"},
		{"", one, "請求書 I-2026-0001 の代金として"},
		{"en", nil, "goods and services"},
		{"en", one, "payment of invoice I-2026-0001"},
		{"en", two, "payment of invoices I-2026-0001, I-2026-00011"},
	} {
		if got := store.ReceiptPurpose(tt.allocs, tt.lang); got != tt.want {
			t.Errorf("ReceiptPurpose(%v, %q) = %q, want %q", tt.allocs, tt.lang, got, tt.want)
		}
	}
}
