package store_test

import (
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

func TestWriteOffBounds(t *testing.T) {
	cases := []struct {
		name   string
		paid   store.Money // of an invoice of ¥110,000
		w      store.WriteOff
		code   store.Code // "" = written off
		field  string
		reason string
	}{
		{"a bad debt of everything open", 0, store.WriteOff{Kind: store.AdjustBadDebt, Amount: 110000, Reason: "倒産"}, "", "", ""},
		{"a discount of part", 50000, store.WriteOff{Kind: store.AdjustDiscount, Amount: 8000, Reason: "納期遅延"}, "", "", ""},
		{"a fee beyond the tolerance", 108000, store.WriteOff{Kind: store.AdjustTransferFee, Amount: 2000, Reason: "手数料"}, "", "", ""},
		{"exactly what is open", 100000, store.WriteOff{Kind: store.AdjustBadDebt, Amount: 10000, Reason: "回収不能"}, "", "", ""},
		{"one yen more than open", 100000, store.WriteOff{Kind: store.AdjustBadDebt, Amount: 10001, Reason: "回収不能"},
			store.CodeInvalid, "amount", "writeoff.exceeds_open"},
		{"no reason", 0, store.WriteOff{Kind: store.AdjustDiscount, Amount: 1000, Reason: "  "}, store.CodeInvalid, "reason", "required"},
		{"zero amount", 0, store.WriteOff{Kind: store.AdjustDiscount, Amount: 0, Reason: "x"}, store.CodeInvalid, "amount", "money.positive"},
		{"unknown kind", 0, store.WriteOff{Kind: "rounding", Amount: 1, Reason: "x"}, store.CodeInvalid, "kind", "choice"},
		{"before the invoice", 0, store.WriteOff{Kind: store.AdjustDiscount, Amount: 1, Reason: "x", Date: storetest.Date("2026-10-01")},
			store.CodeInvalid, "date", "writeoff.before_invoice"},
		{"nothing open", 110000, store.WriteOff{Kind: store.AdjustDiscount, Amount: 1, Reason: "x"}, store.CodeConflict, "", "shortfall.nothing_open"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newPayFix(t)
			inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", 110000)
			if tc.paid > 0 {
				f.allocate(f.pay(f.cust, "2026-11-30", tc.paid), inv, tc.paid)
			}
			open := 110000 - tc.paid
			if _, err := f.st.WriteOffCheck(f.ctx, inv.ID); (err == nil) != (open > 0) {
				t.Errorf("WriteOffCheck with %d open: %v", open, err)
			}
			w := tc.w
			w.InvoiceID = inv.ID
			adj, err := f.st.WriteOffInvoice(f.ctx, w)
			if tc.code != "" {
				e := storeError(t, err, tc.code)
				if e.Reason != tc.reason || e.Field != tc.field {
					t.Fatalf("refusal %s on %q, want %s on %q", e.Reason, e.Field, tc.reason, tc.field)
				}
				if b := f.balance(inv); b.Open != open || b.Adjusted != 0 {
					t.Errorf("after a refusal: %+v", b)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if adj.ID == 0 || adj.Kind != w.Kind || adj.Amount != w.Amount || adj.Reason != w.Reason {
				t.Errorf("adjustment %+v", adj)
			}
			if b := f.balance(inv); b.Open != open-w.Amount || b.Adjusted != w.Amount {
				t.Errorf("after the write-off: %+v", b)
			}
			f.checkInvariants()
			if problems, err := f.st.Check(f.ctx); err != nil || len(problems) > 0 {
				t.Errorf("check after a write-off: %v %v", problems, err)
			}
		})
	}
}

func TestDiscountNeedsCreditNote(t *testing.T) {
	cases := []struct {
		kind     string
		amount   store.Money
		currency string
		want     bool
	}{
		{store.AdjustDiscount, 9999, "JPY", false},
		{store.AdjustDiscount, 10000, "JPY", true},
		{store.AdjustDiscount, 250000, "JPY", true},
		{store.AdjustBadDebt, 250000, "JPY", false},
		{store.AdjustTransferFee, 10000, "JPY", false},
		{store.AdjustDiscount, 10000, "USD", false},
	}
	for _, tc := range cases {
		if got := store.DiscountNeedsCreditNote(tc.kind, tc.amount, tc.currency); got != tc.want {
			t.Errorf("%s %d %s: %v, want %v", tc.kind, tc.amount, tc.currency, got, tc.want)
		}
	}
}

func TestCreateDiscountCreditNote(t *testing.T) {
	f := newPayFix(t)
	inv := f.issued(store.KindInvoice, "2026-10-20",
		storetest.Line("作業", "1", 100000, store.TaxStandard), storetest.Line("弁当", "1", 50000, store.TaxReduced))
	// 110,000 at 10% and 54,000 at 8%: 164,000 in all.
	cn, err := f.st.CreateDiscountCreditNote(f.ctx, inv.ID, 16400, "値引き（納期遅延）")
	if err != nil {
		t.Fatal(err)
	}
	if cn.Kind != store.KindCreditNote || cn.Status != store.StatusDraft || cn.CorrectsID != inv.ID || cn.Totals.Total != 16400 {
		t.Fatalf("credit note %+v", cn)
	}
	if len(cn.Lines) != 2 || cn.Lines[0].Amount != 11000 || cn.Lines[1].Amount != 5400 {
		t.Errorf("lines %+v", cn.Lines)
	}
	issued := f.issue(cn)
	if b := f.balance(inv); b.Credited != 16400 || b.Open != 164000-16400 {
		t.Errorf("after issuing %s: %+v", issued.Number, b)
	}
	if _, err := f.st.CreateDiscountCreditNote(f.ctx, inv.ID, 164000, "x"); !isCode(err, store.CodeInvalid) {
		t.Errorf("more than open: %v", err)
	}
}
