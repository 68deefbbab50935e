package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/demo"
	"daicho/tui/i18n"
)

// A payment recorded by keyboard and allocated with the live remaining figure.
func TestRecordAndAllocateAPayment(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 2) // two invoices of ¥33,000 for C0001
	ctx := context.Background()
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("4", "n")
	h.typeText("てすと")
	h.press("enter")
	h.typeText("50,000")
	h.press("enter", "enter", "1") // today, by bank transfer
	h.mustSee("Allocate the payment of C0001", "Remaining: ¥50,000")
	h.press("space") // the oldest invoice takes what it needs
	h.mustSee("Remaining: ¥17,000")
	h.press("down", "space")
	h.mustSee("Remaining: ¥0")
	h.press("ctrl+s")
	h.mustSee("2 allocations recorded.")

	ps, _ := st.Payments(ctx, store.PaymentFilter{})
	if len(ps) != 1 || ps[0].Amount != 50000 || ps[0].Allocated != 50000 {
		t.Fatalf("payments %+v", ps)
	}
	bal, _ := st.InvoiceBalances(ctx, store.BalanceFilter{OpenOnly: true})
	if len(bal) != 1 || bal[0].Open != 16000 {
		t.Fatalf("open invoices %+v", bal)
	}
	if err := st.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}

	h.press("R") // reverse it, with a reason
	h.typeText("bounced")
	h.press("enter")
	h.mustSee("Payment reversed")
	if bal, _ := st.InvoiceBalances(ctx, store.BalanceFilter{OpenOnly: true}); len(bal) != 2 {
		t.Fatalf("after the reversal %d open invoices, want 2", len(bal))
	}
}

// The morning's bank file, reconciled by keyboard: one key per deposit.
func TestReconcileABankFileByKeyboard(t *testing.T) {
	st := newStore(t, false)
	ctx := context.Background()
	if err := demo.Fill(ctx, st, demo.Small); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := demo.WriteBankFiles(ctx, dir, st)
	if err != nil {
		t.Fatal(err)
	}
	zengin := files[0]
	before, _ := st.BankLines(ctx, "matched") // the demo's own history
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("4", "b", "i")
	for range 200 { // clear the suggested folder
		h.press("backspace")
	}
	h.typeText(filepath.Dir(zengin) + "/")
	h.typeText(filepath.Base(zengin)[:3])
	h.press("tab", "enter") // tab completes the file name
	h.mustSee("入金消込", "件を取り込みました")

	open, _ := st.BankLines(ctx, "open")
	cands, _ := st.CandidatesForAll(ctx, open)
	withMatch := 0
	for _, l := range open {
		if len(cands[l.ID]) > 0 {
			withMatch++
		}
	}
	if withMatch == 0 || withMatch == len(open) {
		t.Fatalf("%d of %d deposits have a candidate; the demo file should have both kinds", withMatch, len(open))
	}
	for range withMatch {
		h.press("enter")
		if strings.Contains(h.screen(), "振込手数料はどちらの負担ですか") { // a fee-short deposit of a customer whose policy is ask
			h.press("o")
		}
	}
	h.mustSee("要確認 0件")
	matched, _ := st.BankLines(ctx, "matched")
	if len(matched)-len(before) != withMatch {
		t.Fatalf("%d lines matched, want %d", len(matched)-len(before), withMatch)
	}
	h.press("s") // the unknown payer waits, held (保留)
	if held, _ := st.BankLines(ctx, store.LineHeld); len(held) != len(open)-withMatch {
		t.Fatalf("%d held", len(held))
	}
	if err := st.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}

	// The same file again adds nothing.
	h.press("i")
	for range 200 {
		h.press("backspace")
	}
	h.typeText(zengin)
	h.press("enter")
	h.mustSee("入金0件を取り込みました")
}
