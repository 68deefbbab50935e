package store_test

import (
	"errors"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// Opening balances are all or nothing; each becomes an issued invoice that
// a payment settles by allocation, that the overdue list counts, and that
// the first carry-forward invoice carries.
func TestOpeningBalances(t *testing.T) {
	f := closingFix(t)
	f.cust.InvoiceStyle = store.InvoiceCarryForward
	if err := f.st.UpdateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	bad := []store.OpeningBalance{
		{CustomerCode: "C0001", AsOf: storetest.Date("2026-09-30"), Amount: 100000, Reference: "OLD-1"},
		{CustomerCode: "C9999", AsOf: storetest.Date("2026-09-30"), Amount: 100},
		{CustomerCode: "C0002", Amount: -5},
	}
	_, err := f.st.ImportOpeningBalances(f.ctx, bad, []int{2, 3, 4})
	var batch store.BatchError
	if !errors.As(err, &batch) || len(batch) != 3 || batch[0].Line != 3 || batch[2].Line != 4 {
		t.Fatalf("bad rows: %v", err)
	}
	if n := f.count(`SELECT count(*) FROM documents`); n != 0 {
		t.Fatalf("a refused import wrote %d documents", n)
	}
	refs, err := f.st.ImportOpeningBalances(f.ctx, bad[:1], nil)
	if err != nil || len(refs) != 1 || refs[0].Number == "" || refs[0].Total != 100000 {
		t.Fatalf("import: %+v, %v", refs, err)
	}
	over, err := f.st.Overdue(f.ctx, storetest.Date("2026-12-01"))
	if err != nil || len(over) != 1 || over[0].Open != 100000 {
		t.Errorf("overdue: %+v, %v", over, err)
	}
	f.pay("2026-10-15", 40000, refs[0].ID)
	f.deliver("2026-10-20", storetest.Line("作業費", "1", 10000, store.TaxStandard))
	plan := f.close("2026-10-31", true)
	cf := plan.Invoices[0].CarryForward
	if cf == nil || cf.PreviousBilled != 100000 || cf.Received != 40000 || cf.Carried != 60000 || cf.Billed != 71000 {
		t.Errorf("carry-forward over the opening balance: %+v", cf)
	}
}

// Opening balances are numbered in their own gapless series per fiscal year
// (OB-2026-0001), not the invoices': no invoice was sent for them, so the
// I- series stays the invoices actually issued, and check passes.
func TestOpeningBalancesOwnSeries(t *testing.T) {
	f := closingFix(t)
	before := f.issued(store.KindInvoice, "2026-04-10", storetest.Line("作業費", "1", 10000, store.TaxStandard))
	refs, err := f.st.ImportOpeningBalances(f.ctx, []store.OpeningBalance{
		{CustomerCode: "C0001", AsOf: storetest.Date("2026-03-31"), Amount: 50000}, // fiscal year 2025 (April start)
		{CustomerCode: "C0002", AsOf: storetest.Date("2026-04-01"), Amount: 30000},
		{CustomerCode: "C0003", AsOf: storetest.Date("2026-04-01"), Amount: 20000, Reference: "旧-7"},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	after := f.issued(store.KindInvoice, "2026-04-11", storetest.Line("作業費", "1", 10000, store.TaxStandard))
	for _, tt := range []struct{ got, want string }{
		{before.Number, "I-2026-0001"},
		{refs[0].Number, "OB-2025-0001"},
		{refs[1].Number, "OB-2026-0001"},
		{refs[2].Number, "OB-2026-0002"},
		{after.Number, "I-2026-0002"}, // the invoices' series goes on where it was
	} {
		if tt.got != tt.want {
			t.Errorf("number %s, want %s", tt.got, tt.want)
		}
	}
	if n := f.count(`SELECT count(*) FROM documents WHERE number GLOB 'OB-*' AND seq IS NULL AND kind = 'invoice'
		AND status = 'issued'`); n != 3 {
		t.Errorf("%d opening balances are issued invoices out of the invoices' series, want 3", n)
	}
	if v, err := f.st.Check(f.ctx); err != nil || len(v) > 0 {
		t.Errorf("check: %q, %v", v.Strings(), err)
	}
}
