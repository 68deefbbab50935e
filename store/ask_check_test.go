package store_test

import (
	"fmt"
	"testing"

	"daicho/store"
)

// The checks a screen asks before it asks the user (VoidCheck,
// ReversalCheck, ActivationCheck) answer exactly what the action then does:
// the same refusal, or none. sameRefusal compares the check's answer with
// the action's.
func sameRefusal(t *testing.T, name string, check, action error, want string) {
	t.Helper()
	if reason(check) != want || reason(action) != want {
		t.Errorf("%s: check says %q, action %q, want %q for both", name, reason(check), reason(action), want)
	}
}

// reason is the error's reason (the field errors' reasons joined), "" for nil.
func reason(err error) string {
	if err == nil {
		return ""
	}
	fes := store.FieldErrors(err)
	if len(fes) == 0 {
		return err.Error()
	}
	out := ""
	for _, e := range fes {
		out += e.Reason + ";"
	}
	return out
}

func TestVoidCheck(t *testing.T) {
	f := newPayFix(t)
	paid := f.invoice(f.cust, "2026-10-20", "2026-11-30", 3000)
	f.allocate(f.pay(f.cust, "2026-11-25", 3000), paid, 3000)
	voided := f.invoice(f.cust, "2026-10-21", "2026-11-30", 1000)
	if err := f.st.Void(f.ctx, voided.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	open := f.invoice(f.cust, "2026-10-22", "2026-11-30", 2000)
	for _, c := range []struct {
		name string
		id   int64
		want string
	}{
		{"paid invoice", paid.ID, "invoice.void_paid;"},
		{"voided invoice", voided.ID, "document.already_void;"},
		{"open invoice", open.ID, ""},
	} {
		check := f.st.VoidCheck(f.ctx, c.id)
		sameRefusal(t, c.name, check, f.st.Void(f.ctx, c.id, "誤り"), c.want)
	}
}

func TestReversalCheck(t *testing.T) {
	f := newPayFix(t)
	p := f.pay(f.cust, "2026-11-25", 3000)
	reversed := f.pay(f.cust, "2026-11-25", 1000)
	if err := f.st.ReversePayment(f.ctx, reversed.ID, "返金"); err != nil {
		t.Fatal(err)
	}
	all, err := f.st.Payments(f.ctx, store.PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var reversal int64
	for _, q := range all {
		if q.ReversesID == reversed.ID {
			reversal = q.ID
		}
	}
	if r, err := f.st.ReversalOf(f.ctx, reversed.ID); err != nil || r.ID != reversal || r.Reason != "返金" {
		t.Errorf("ReversalOf: %+v, %v", r, err)
	}
	if _, err := f.st.ReversalOf(f.ctx, p.ID); storeError(t, err, store.CodeNotFound) == nil {
		t.Error("a live payment has a reversal")
	}
	for _, c := range []struct {
		name string
		id   int64
		want string
	}{
		{"reversed payment", reversed.ID, "payment.already_reversed;"},
		{"reversal record", reversal, "payment.is_reversal;"},
		{"live payment", p.ID, ""},
	} {
		check := f.st.ReversalCheck(f.ctx, c.id)
		sameRefusal(t, c.name, check, f.st.ReversePayment(f.ctx, c.id, "返金"), c.want)
	}
}

func TestContractActivationCheck(t *testing.T) {
	f := newConFix(t)
	active := f.activeContract("2026-11-01")
	empty := f.draftContract("2026-11-01", func(c *store.Contract) { c.Lines = nil })
	draft := f.draftContract("2026-11-01")
	for _, c := range []struct {
		name string
		id   int64
		want string
	}{
		{"active contract", active.ID, "contract.not_draft;"},
		{"draft without lines", empty.ID, "contract.no_lines;"},
		{"draft", draft.ID, ""},
	} {
		check := f.st.ActivationCheck(f.ctx, c.id)
		_, err := f.st.ActivateContract(f.ctx, c.id, 0)
		sameRefusal(t, c.name, check, err, c.want)
	}
	if err := f.st.ActivationCheck(f.ctx, 9999); store.FieldErrors(err) == nil {
		t.Errorf("a missing contract: %v", fmt.Sprint(err))
	}
}
