package store_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

func TestInvoiceBalanceStatus(t *testing.T) {
	due := storetest.Date("2026-11-30")
	cases := []struct {
		name string
		b    store.InvoiceBalance
		asOf time.Time
		want string
	}{
		{"nothing paid, before due", store.InvoiceBalance{Total: 1000, Open: 1000, DueDate: due}, storetest.Date("2026-11-20"), store.BalanceUnpaid},
		{"nothing paid, on the due date", store.InvoiceBalance{Total: 1000, Open: 1000, DueDate: due}, due, store.BalanceUnpaid},
		{"nothing paid, the day after", store.InvoiceBalance{Total: 1000, Open: 1000, DueDate: due}, storetest.Date("2026-12-01"), store.BalanceOverdue},
		{"the time of day does not count", store.InvoiceBalance{Total: 1000, Open: 1000, DueDate: due}, due.Add(23 * time.Hour), store.BalanceUnpaid},
		{"partly paid, before due", store.InvoiceBalance{Total: 1000, Paid: 400, Open: 600, DueDate: due}, due, store.BalancePartlyPaid},
		{"partly paid, after due", store.InvoiceBalance{Total: 1000, Paid: 400, Open: 600, DueDate: due}, storetest.Date("2027-01-01"), store.BalanceOverdue},
		{"credited only: still open", store.InvoiceBalance{Total: 1000, Credited: 400, Open: 600, DueDate: due}, due, store.BalanceUnpaid},
		{"paid", store.InvoiceBalance{Total: 1000, Paid: 1000, DueDate: due}, storetest.Date("2027-01-01"), store.BalancePaid},
		{"paid with a fee closed", store.InvoiceBalance{Total: 1000, Paid: 560, Adjusted: 440, DueDate: due}, storetest.Date("2027-01-01"), store.BalancePaid},
		{"credited in full", store.InvoiceBalance{Total: 1000, Credited: 1000, DueDate: due}, storetest.Date("2027-01-01"), store.BalancePaid},
		{"no as-of date: never overdue", store.InvoiceBalance{Total: 1000, Open: 1000, DueDate: due}, time.Time{}, store.BalanceUnpaid},
	}
	for _, tc := range cases {
		if got := tc.b.Status(tc.asOf); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
	}
}

func TestInvoiceBalancesFromTheLedger(t *testing.T) {
	f := newPayFix(t)
	a := f.invoice(f.cust, "2026-09-20", "2026-10-31", 10000)
	b := f.invoice(f.cust, "2026-10-20", "2026-11-30", 20000)
	c := f.invoice(f.other, "2026-10-20", "2026-11-30", 5000)
	void := f.invoice(f.cust, "2026-10-21", "2026-11-30", 7000)
	if err := f.st.Void(f.ctx, void.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	f.draft(store.KindInvoice, "2026-11-01", storetest.Line("作業", "1", 1000, store.TaxExempt))
	p := f.pay(f.cust, "2026-11-10", 12000)
	f.allocate(p, a, 10000)
	f.allocate(p, b, 2000)
	if _, err := f.creditNote(b, 3000); err != nil {
		t.Fatal(err)
	}
	ids := func(bs []store.InvoiceBalance) []int64 {
		var out []int64
		for _, b := range bs {
			out = append(out, b.InvoiceID)
		}
		return out
	}
	cases := []struct {
		name   string
		filter store.BalanceFilter
		want   []int64
	}{
		{"every issued invoice, oldest due first", store.BalanceFilter{}, []int64{a.ID, b.ID, c.ID}},
		{"open only", store.BalanceFilter{OpenOnly: true}, []int64{b.ID, c.ID}},
		{"one customer", store.BalanceFilter{CustomerID: f.cust.ID}, []int64{a.ID, b.ID}},
		{"one customer, open only", store.BalanceFilter{CustomerID: f.cust.ID, OpenOnly: true}, []int64{b.ID}},
	}
	for _, tc := range cases {
		got, err := f.st.InvoiceBalances(f.ctx, tc.filter)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, ids(got), tc.want)
		}
	}
	bb := f.balance(b)
	want := store.InvoiceBalance{InvoiceID: b.ID, Number: b.Number, CustomerID: f.cust.ID, CustomerCode: "C0001",
		CustomerName: f.cust.Name, PersonInCharge: f.cust.PersonInCharge, IssueDate: storetest.Date("2026-10-20"),
		DueDate: storetest.Date("2026-11-30"), Total: 20000, Paid: 2000, Credited: 3000, Open: 15000}
	bb2 := bb
	if bb2.Status(fixedNow) != store.BalancePartlyPaid {
		t.Errorf("status %s", bb2.Status(fixedNow))
	}
	if got, _ := f.st.InvoiceBalances(f.ctx, store.BalanceFilter{CustomerID: f.cust.ID, OpenOnly: true}); len(got) != 1 || !sameBalance(got[0], want) {
		t.Errorf("balance\n got %+v\nwant %+v", got, want)
	}
	if !sameBalance(bb, want) {
		t.Errorf("balance\n got %+v\nwant %+v", bb, want)
	}
	if _, err := f.st.InvoiceBalance(f.ctx, p.ID+1000); !isCode(err, store.CodeNotFound) {
		t.Errorf("unknown invoice: %v", err)
	}
	f.checkInvariants()
}

// sameBalance compares the exported figures.
func sameBalance(a, b store.InvoiceBalance) bool {
	return a.InvoiceID == b.InvoiceID && a.Number == b.Number && a.CustomerID == b.CustomerID &&
		a.CustomerCode == b.CustomerCode && a.CustomerName == b.CustomerName && a.PersonInCharge == b.PersonInCharge &&
		a.IssueDate.Equal(b.IssueDate) && a.DueDate.Equal(b.DueDate) && a.Total == b.Total && a.Paid == b.Paid &&
		a.Adjusted == b.Adjusted && a.Credited == b.Credited && a.Open == b.Open
}

func TestCloseShortfall(t *testing.T) {
	cases := []struct {
		name      string
		total     store.Money
		paid      store.Money
		credit    store.Money
		tolerance store.Money
		kind      string
		code      store.Code // "" = closed
		reason    string
	}{
		{"a transfer fee deducted", 11000, 10120, 0, 1000, store.AdjustTransferFee, "", ""},
		{"exactly the tolerance", 11000, 10000, 0, 1000, store.AdjustDiscount, "", ""},
		{"one yen beyond", 11000, 9999, 0, 1000, store.AdjustTransferFee, store.CodeConflict, "shortfall.beyond_tolerance"},
		{"credit note brings it within", 11000, 8000, 2500, 1000, store.AdjustTransferFee, "", ""},
		{"credit note, still beyond", 11000, 8000, 1000, 1000, store.AdjustTransferFee, store.CodeConflict, "shortfall.beyond_tolerance"},
		{"nothing paid yet, small invoice", 660, 0, 0, 1000, store.AdjustDiscount, "", ""},
		{"a lower tolerance", 11000, 10120, 0, 500, store.AdjustTransferFee, store.CodeConflict, "shortfall.beyond_tolerance"},
		{"tolerance zero", 11000, 10999, 0, 0, store.AdjustTransferFee, store.CodeConflict, "shortfall.beyond_tolerance"},
		{"nothing open", 11000, 11000, 0, 1000, store.AdjustTransferFee, store.CodeConflict, "shortfall.nothing_open"},
		{"credited in full", 11000, 0, 11000, 1000, store.AdjustTransferFee, store.CodeConflict, "shortfall.nothing_open"},
		{"unknown kind", 11000, 10120, 0, 1000, "rounding", store.CodeInvalid, "choice"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newPayFix(t)
			company, _ := f.st.Company(f.ctx)
			company.ShortfallTolerance = tc.tolerance
			if err := f.st.SaveCompany(f.ctx, &company); err != nil {
				t.Fatal(err)
			}
			inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", tc.total)
			if tc.credit > 0 {
				if _, err := f.creditNote(inv, tc.credit); err != nil {
					t.Fatal(err)
				}
			}
			if tc.paid > 0 {
				f.allocate(f.pay(f.cust, "2026-11-30", tc.paid), inv, tc.paid)
			}
			open := tc.total - tc.paid - tc.credit
			adj, err := f.st.CloseShortfall(f.ctx, inv.ID, tc.kind, storetest.Date("2026-12-01"))
			if tc.code != "" {
				if e := storeError(t, err, tc.code); e.Reason != tc.reason {
					t.Fatalf("reason %s, want %s", e.Reason, tc.reason)
				}
				if b := f.balance(inv); b.Open != open || b.Adjusted != 0 {
					t.Errorf("after a refusal: %+v", b)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			want := store.Adjustment{ID: adj.ID, InvoiceID: inv.ID, Kind: tc.kind, Amount: open, Date: storetest.Date("2026-12-01"),
				Policy: store.ClosedByHand} // closed by hand (issue 14)
			if adj.ID == 0 || adj != want {
				t.Errorf("adjustment %+v, want %+v", adj, want)
			}
			b := f.balance(inv)
			if b.Open != 0 || b.Adjusted != open || b.Status(storetest.Date("2027-03-01")) != store.BalancePaid {
				t.Errorf("after closing: %+v", b)
			}
			if list, err := f.st.Adjustments(f.ctx, inv.ID); err != nil || len(list) != 1 || list[0] != adj {
				t.Errorf("Adjustments = %+v, %v", list, err)
			}
			log, _ := f.st.AuditLog(f.ctx, "document", "1")
			if last := log[len(log)-1]; last.Action != "close_shortfall" {
				t.Errorf("audit %+v", last)
			}
			// Closed once: a second try finds nothing open.
			if _, err := f.st.CloseShortfall(f.ctx, inv.ID, tc.kind, time.Time{}); !isCode(err, store.CodeConflict) {
				t.Errorf("closed twice: %v", err)
			}
			f.checkInvariants()
		})
	}
}

func TestCloseShortfallRefusesOtherDocuments(t *testing.T) {
	f := newPayFix(t)
	draft := f.draft(store.KindInvoice, "2026-11-01", storetest.Line("作業", "1", 500, store.TaxExempt))
	if _, err := f.st.CloseShortfall(f.ctx, draft.ID, store.AdjustDiscount, time.Time{}); !isCode(err, store.CodeConflict) {
		t.Errorf("a draft: %v", err)
	}
	if _, err := f.st.CloseShortfall(f.ctx, 999, store.AdjustDiscount, time.Time{}); !isCode(err, store.CodeNotFound) {
		t.Errorf("no such invoice: %v", err)
	}
	// A zero date is today.
	inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", 500)
	adj, err := f.st.CloseShortfall(f.ctx, inv.ID, store.AdjustDiscount, time.Time{})
	if err != nil || !adj.Date.Equal(store.Today(fixedNow)) {
		t.Errorf("dated %v, %v", adj.Date, err)
	}
}

// What would make an invoice's open amount negative is refused: a credit
// note larger than what is open, and voiding an invoice with payments on it
// (the database's triggers; the issue and void commands call the store's
// checks first for a message in words, see checkCreditFits).
func TestOpenNeverBelowZero(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", 10000)
	p := f.pay(f.cust, "2026-11-25", 8000)
	f.allocate(p, inv, 8000)
	if _, err := f.creditNote(inv, 2001); err == nil {
		t.Fatal("a credit note larger than the open amount was issued")
	}
	if _, err := f.creditNote(inv, 2000); err != nil {
		t.Fatalf("a credit note of exactly the open amount: %v", err)
	}
	if b := f.balance(inv); b.Open != 0 || b.Credited != 2000 {
		t.Errorf("%+v", b)
	}
	paidInv := f.invoice(f.cust, "2026-10-21", "2026-11-30", 3000)
	p2 := f.pay(f.cust, "2026-11-25", 3000)
	f.allocate(p2, paidInv, 3000)
	if err := f.st.Void(f.ctx, paidInv.ID, "誤り"); err == nil {
		t.Error("an invoice with payments on it was voided")
	}
	_, allocs2 := f.payment(p2.ID)
	if err := f.st.ReverseAllocation(f.ctx, allocs2[0].ID, "請求書の誤り"); err != nil {
		t.Fatal(err)
	}
	if err := f.st.Void(f.ctx, paidInv.ID, "誤り"); err != nil {
		t.Errorf("void once the allocation is reversed: %v", err)
	}
	// Reversing the allocation makes room: the money becomes the customer's credit.
	_, allocs := f.payment(p.ID)
	if err := f.st.ReverseAllocation(f.ctx, allocs[0].ID, "返品"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.creditNote(inv, 8000); err != nil {
		t.Fatal(err)
	}
	if cb := f.customerBalance(f.cust); cb != (store.CustomerBalance{Receivable: 0, Unapplied: 11000}) {
		t.Errorf("customer %+v", cb)
	}
	f.checkInvariants()
}

// A ledger made before payments existed (schema 3) gets the balances of its
// issued invoices, credit notes counted, and the default tolerance.
func TestPaymentsMigrationFillsBalances(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	db := rawDB(t, path, "_pragma=foreign_keys(1)")
	for _, name := range []string{"0001_foundation.sql", "0002_documents.sql", "0003_print_settings.sql"} {
		body, err := os.ReadFile(filepath.Join("migrations", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	ts := fixedNow.Format(time.RFC3339Nano)
	for _, q := range []string{
		`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
		`INSERT INTO schema_migrations VALUES (1, '0001_foundation.sql', '` + ts + `'), (2, '0002_documents.sql', '` + ts + `'),
			(3, '0003_print_settings.sql', '` + ts + `')`,
		`INSERT INTO company (id, name, updated_at) VALUES (1, '株式会社だいちょう', '` + ts + `')`,
		`INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'C0001', '株式会社テスト', '` + ts + `', '` + ts + `')`,
		`INSERT INTO documents (id, kind, status, number, fiscal_year, seq, customer_id, issue_date, due_date, currency,
			tax_rounding, total, corrects_id, created_at, updated_at) VALUES
			(1, 'invoice', 'issued', 'I-2026-0001', 2026, 1, 1, '2026-10-20', '2026-11-30', 'JPY', 'floor', 11000, NULL, '` + ts + `', '` + ts + `'),
			(2, 'credit_note', 'issued', 'C-2026-0001', 2026, 1, 1, '2026-10-25', '', 'JPY', 'floor', 1100, 1, '` + ts + `', '` + ts + `'),
			(3, 'invoice', 'void', 'I-2026-0002', 2026, 2, 1, '2026-10-20', '2026-11-30', 'JPY', 'floor', 5000, NULL, '` + ts + `', '` + ts + `'),
			(4, 'invoice', 'draft', NULL, NULL, NULL, 1, '2026-10-20', '', 'JPY', 'floor', 7000, NULL, '` + ts + `', '` + ts + `')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()

	st := openTestStore(t, path)
	bs, err := st.InvoiceBalances(t.Context(), store.BalanceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 1 || bs[0].Number != "I-2026-0001" || bs[0].Credited != 1100 || bs[0].Open != 9900 {
		t.Errorf("balances after the migration: %+v", bs)
	}
	if err := st.CheckInvariants(t.Context()); err != nil {
		t.Error(err)
	}
	if c, err := st.Company(t.Context()); err != nil || c.ShortfallTolerance != 1000 {
		t.Errorf("tolerance %d, %v", c.ShortfallTolerance, err)
	}
}
