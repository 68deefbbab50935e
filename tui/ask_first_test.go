package tui

import (
	"context"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// A key whose action the store would refuse says why at once and asks
// nothing: no question is asked whose answer is then refused.

// mustAskNothing fails if a dialog is open.
func (h *harness) mustAskNothing() {
	h.t.Helper()
	if h.m.ui.d != nil {
		h.t.Fatalf("a dialog is open:\n%s", h.screen())
	}
}

func TestVoidOnAPaidInvoiceSaysWhyWithoutAsking(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 1)
	payInvoice(t, st, "I-2026-0001", 33000)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "V")
	h.mustSee("payments are allocated to I-2026-0001")
	h.mustAskNothing()
	h.press("enter", "V") // the same from the document's own view
	h.mustSee("payments are allocated to I-2026-0001")
	h.mustAskNothing()
}

// reversedPayment records a payment of ¥10,000 from the first sample
// customer, allocated to its invoice, and reverses it.
func reversedPayment(t *testing.T, st *store.Store) store.Payment {
	t.Helper()
	ctx := context.Background()
	issuedInvoices(t, st, 1)
	payInvoice(t, st, "I-2026-0001", 10000)
	ps, err := st.Payments(ctx, store.PaymentFilter{})
	if err != nil || len(ps) != 1 {
		t.Fatalf("payments %+v, %v", ps, err)
	}
	if err := st.ReversePayment(ctx, ps[0].ID, "bounced"); err != nil {
		t.Fatal(err)
	}
	return ps[0]
}

func TestReverseAReversedPaymentSaysWhyWithoutAsking(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	reversedPayment(t, st)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("4", "down", "R") // newest first: the reversal record, then the payment
	h.mustSee("this payment is already reversed")
	h.mustAskNothing()
	h.press("up", "R")
	h.mustSee("this record is itself a reversal")
	h.mustAskNothing()
}

// A reversed payment's detail says it is reversed, when and why, claims no
// credit the customer no longer has (the CLI's unapplied is 0 too), and
// offers neither allocating nor reversing it.
func TestReversedPaymentDetail(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		st := newStore(t, true)
		addCustomers(t, st, sampleCustomers...)
		reversedPayment(t, st)
		h := newHarness(t, st, lang, 120, 40)
		h.press("4", "down", "enter")
		if lang == i18n.EN {
			h.mustSee("Reversed on 2026-11-26: bounced")
			h.mustNotSee("Not yet allocated")
		} else {
			h.mustSee("2026-11-26 に取消済: bounced")
			h.mustNotSee("未消込")
		}
		h.mustNotSee("10,000 (")
		scr := h.m.screens[3].(*paymentsScreen)
		for _, b := range scr.ShortHelp() {
			if b.Help().Key == "a" || b.Help().Key == "R" {
				t.Errorf("%s: the reversed payment's help offers %q", lang, b.Help().Key)
			}
		}
		h.press("R")
		h.mustAskNothing()
	}
}

func TestActivateAnActiveContractSaysWhyWithoutAsking(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	c := saveContract(t, st, "2026-11-01", "", false, 30000)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("2", "I")
	h.mustSee(c.Number + " is already in force")
	h.mustAskNothing()
	h.press("enter", "I")
	h.mustSee(c.Number + " is already in force")
	h.mustAskNothing()
}
