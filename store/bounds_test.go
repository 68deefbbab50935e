package store_test

import (
	"math"
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// Every date and amount is held to the ledger's bounds where it enters, on
// its field: an invoice dated 9999-12-31 or a payment of ¥9,223,372,036,854,775,807
// would otherwise be stored and break every figure built on it.
func TestBoundsOfDocuments(t *testing.T) {
	f := newDocFix(t)
	cases := []struct {
		name string
		edit func(d *store.Document)
		want []string
	}{
		{"first day", func(d *store.Document) { d.IssueDate = storetest.Date("2000-01-01") }, nil},
		{"last day", func(d *store.Document) {
			d.IssueDate, d.DueDate, d.ClosingDate = storetest.Date("2099-12-31"), storetest.Date("2099-12-31"), storetest.Date("2099-12-31")
		}, nil},
		{"issued in 9999", func(d *store.Document) { d.IssueDate = storetest.Date("9999-12-31") },
			[]string{"issue_date date.bounds"}},
		{"issued in 1999", func(d *store.Document) { d.IssueDate = storetest.Date("1999-12-31") },
			[]string{"issue_date date.bounds"}},
		{"due in 2100", func(d *store.Document) { d.DueDate = storetest.Date("2100-01-01") }, []string{"due_date date.bounds"}},
		{"closing in 2100", func(d *store.Document) { d.ClosingDate = storetest.Date("2100-01-01") },
			[]string{"closing_date date.bounds"}},
		{"delivered in 2100", func(d *store.Document) { d.DeliveryDate = storetest.Date("2100-01-01") },
			[]string{"delivery_date date.bounds"}},
		{"valid until 2100", func(d *store.Document) { d.ValidUntil = storetest.Date("2100-01-01") },
			[]string{"valid_until date.bounds"}},
		{"largest unit price", func(d *store.Document) { d.Lines[0].UnitPrice = store.MaxAmount }, nil},
		{"unit price too large", func(d *store.Document) { d.Lines[0].UnitPrice = store.MaxAmount + 1 },
			[]string{"lines.0.unit_price money.bounds"}},
		{"negative unit price too large", func(d *store.Document) { d.Lines[0].UnitPrice = -store.MaxAmount - 1 },
			[]string{"lines.0.unit_price money.bounds"}},
		{"amount too large", func(d *store.Document) {
			d.Lines[0].Quantity, d.Lines[0].UnitPrice = storetest.Qty("2"), 50_000_000_000
		}, []string{"lines.0.amount money.bounds"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("設計", "1", 1000, store.TaxExempt))
			tc.edit(&d)
			if got := fieldErrors(d.Validate()); !slices.Equal(got, tc.want) {
				t.Errorf("Validate: %q, want %q", got, tc.want)
			}
		})
	}
	// Lines each within the bounds can still add up to a total beyond them.
	d := f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("a", "1", 60_000_000_000, store.TaxExempt),
		storetest.Line("b", "1", 60_000_000_000, store.TaxExempt))
	if got := fieldErrors(f.st.SaveDraft(f.ctx, &d)); !slices.Equal(got, []string{"total money.bounds"}) {
		t.Errorf("SaveDraft of a total of 120,000,000,000: %q", got)
	}
	// A draft stored before the bounds (written with SQL here) is not issued.
	d = f.draft(store.KindInvoice, "2026-11-20", storetest.Line("a", "1", 1000, store.TaxExempt))
	if _, err := f.st.DB().Exec(`UPDATE documents SET issue_date = '9999-12-31' WHERE id = ?`, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Issue(f.ctx, d.ID, 0); !slices.Contains(fieldErrors(err), "issue_date date.bounds") {
		t.Errorf("Issue of a draft dated 9999-12-31: %v", err)
	}
}

func TestBoundsOfPaymentsAndAdjustments(t *testing.T) {
	f := newPayFix(t)
	for _, tc := range []struct {
		date   string
		amount store.Money
		want   []string
	}{
		{"2026-11-20", store.MaxAmount, nil},
		{"2026-11-20", math.MaxInt64, []string{"amount money.bounds"}},
		{"2026-11-20", store.MaxAmount + 1, []string{"amount money.bounds"}},
		{"9999-12-31", 1000, []string{"date date.bounds"}},
		{"1970-01-01", 1000, []string{"date date.bounds"}},
	} {
		p := store.Payment{CustomerID: f.cust.ID, Date: storetest.Date(tc.date), Amount: tc.amount, Method: store.PayCash}
		if got := fieldErrors(p.Validate()); !slices.Equal(got, tc.want) {
			t.Errorf("payment of %d on %s: %q, want %q", tc.amount, tc.date, got, tc.want)
		}
		if tc.want == nil {
			continue
		}
		if err := f.st.RecordPayment(f.ctx, &p); err == nil {
			t.Errorf("RecordPayment of %d on %s accepted", tc.amount, tc.date)
		}
		err := f.st.ImportPayments(f.ctx, []store.PaymentImport{{Payment: p}})
		if len(store.FieldErrors(err)) == 0 && err == nil {
			t.Errorf("ImportPayments of %d on %s accepted", tc.amount, tc.date)
		}
	}
	inv := f.invoice(f.cust, "2026-11-02", "2026-11-30", 10000)
	f.allocate(f.pay(f.cust, "2026-11-20", 9500), inv, 9500)
	if _, err := f.st.CloseShortfall(f.ctx, inv.ID, store.AdjustTransferFee, storetest.Date("2100-01-01")); !slices.Equal(
		fieldErrors(err), []string{"date date.bounds"}) {
		t.Errorf("shortfall closed on 2100-01-01: %v", err)
	}
	co := f.company
	co.ShortfallTolerance = store.MaxAmount + 1
	if got := fieldErrors(co.Validate()); !slices.Equal(got, []string{"shortfall_tolerance money.bounds"}) {
		t.Errorf("tolerance beyond the bounds: %q", got)
	}
}

func TestBoundsOfContractsProductsInquiriesAndBankLines(t *testing.T) {
	f := newConFix(t)
	c := f.newContract("1999-04-01", func(c *store.Contract) {
		c.End = storetest.Date("2100-03-31")
		c.Lines[0].UnitPrice = store.MaxAmount + 1
	})
	want := []string{"start date.bounds", "end date.bounds", "lines.0.unit_price money.bounds"}
	if got := fieldErrors(c.Validate()); !slices.Equal(got, want) {
		t.Errorf("contract: %q, want %q", got, want)
	}
	c = f.activeContract("2026-04-01")
	if err := f.st.ChangePrice(f.ctx, c.ID, c.Lines[0].ID, storetest.Date("2100-04-01"), 40000); !slices.Equal(
		fieldErrors(err), []string{"from date.bounds"}) {
		t.Errorf("price change from 2100-04-01: %v", err)
	}
	if err := f.st.ChangePrice(f.ctx, c.ID, c.Lines[0].ID, storetest.Date("2027-04-01"), store.MaxAmount+1); !slices.Equal(
		fieldErrors(err), []string{"unit_price money.bounds"}) {
		t.Errorf("price change to beyond the bounds: %v", err)
	}
	if err := f.st.EndContract(f.ctx, c.ID, storetest.Date("2100-03-31"), "解約"); !slices.Equal(
		fieldErrors(err), []string{"end date.bounds"}) {
		t.Errorf("ended on 2100-03-31: %v", err)
	}

	p := store.Product{Code: "P9", Name: "高額", UnitPrice: store.MaxAmount + 1, CostPrice: -store.MaxAmount - 1}
	want = []string{"unit_price money.bounds", "cost_price money.negative"}
	if got := fieldErrors(p.Validate()); !slices.Equal(got, want) {
		t.Errorf("product: %q, want %q", got, want)
	}
	p.CostPrice = store.MaxAmount + 1
	want = []string{"unit_price money.bounds", "cost_price money.bounds"}
	if got := fieldErrors(p.Validate()); !slices.Equal(got, want) {
		t.Errorf("product: %q, want %q", got, want)
	}

	q := store.Inquiry{CustomerID: f.cust.ID, Date: storetest.Date("1999-12-31"), FollowUp: storetest.Date("2100-01-01"),
		Channel: store.ChannelPhone, Subject: "問合せ", Status: store.InquiryOpen}
	want = []string{"date date.bounds", "follow_up date.bounds"}
	if got := fieldErrors(q.Validate()); !slices.Equal(got, want) {
		t.Errorf("inquiry: %q, want %q", got, want)
	}

	l := store.BankLine{Account: "csv", Date: storetest.Date("2100-01-01"), Amount: store.MaxAmount + 1}
	want = []string{"date date.bounds", "amount money.bounds"}
	if got := fieldErrors(l.Validate()); !slices.Equal(got, want) {
		t.Errorf("bank line: %q, want %q", got, want)
	}
	if _, err := f.st.ImportBankLines(f.ctx, "x.csv", []store.BankLine{l}); err == nil {
		t.Error("ImportBankLines accepted a deposit dated 2100-01-01")
	}
}
