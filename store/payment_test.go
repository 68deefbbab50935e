package store_test

import (
	"slices"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// payFix is a ledger ready for payments: docFix's company (shortfall
// tolerance ¥1,000) and customers, with helpers for invoices of exact totals.
type payFix struct {
	*docFix
}

func newPayFix(t *testing.T) *payFix {
	t.Helper()
	return &payFix{docFix: newDocFix(t)}
}

// invoice issues an invoice of customer for exactly total (one tax-exempt
// line), dated issue and due on due.
func (f *payFix) invoice(customer store.Customer, issue, due string, total store.Money) store.Document {
	f.t.Helper()
	d := store.Document{Kind: store.KindInvoice, CustomerID: customer.ID, Subject: "保守", IssueDate: storetest.Date(issue),
		DueDate: storetest.Date(due), Lines: []store.Line{storetest.Line("保守作業", "1", total, store.TaxExempt)}}
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		f.t.Fatalf("SaveDraft: %v", err)
	}
	got := f.issue(d)
	if got.Totals.Total != total {
		f.t.Fatalf("invoice total %d, want %d", got.Totals.Total, total)
	}
	return got
}

// creditNote issues a credit note of amount correcting inv; the error is
// returned, for the refusals.
func (f *payFix) creditNote(inv store.Document, amount store.Money) (store.Document, error) {
	f.t.Helper()
	d, err := f.st.CreateCreditNote(f.ctx, inv.ID)
	if err != nil {
		f.t.Fatalf("CreateCreditNote: %v", err)
	}
	d.Lines = []store.Line{storetest.Line("返品", "1", amount, store.TaxExempt)}
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		f.t.Fatalf("SaveDraft credit note: %v", err)
	}
	return f.st.Issue(f.ctx, d.ID, d.Version)
}

// pay records a bank transfer of amount from customer on date.
func (f *payFix) pay(customer store.Customer, date string, amount store.Money) store.Payment {
	f.t.Helper()
	p := store.Payment{CustomerID: customer.ID, Date: storetest.Date(date), Amount: amount, Method: store.PayBankTransfer,
		PayerName: "ｶ)ﾋﾏﾜﾘｷｶｸ"}
	if err := f.st.RecordPayment(f.ctx, &p); err != nil {
		f.t.Fatalf("RecordPayment: %v", err)
	}
	return p
}

func (f *payFix) allocate(p store.Payment, inv store.Document, amount store.Money) {
	f.t.Helper()
	if err := f.st.Allocate(f.ctx, p.ID, inv.ID, amount); err != nil {
		f.t.Fatalf("Allocate(%d, %s, %d): %v", p.ID, inv.Number, amount, err)
	}
}

// balance is the invoice's balance as InvoiceBalances reports it.
func (f *payFix) balance(inv store.Document) store.InvoiceBalance {
	f.t.Helper()
	bs, err := f.st.InvoiceBalances(f.ctx, store.BalanceFilter{})
	if err != nil {
		f.t.Fatal(err)
	}
	for _, b := range bs {
		if b.InvoiceID == inv.ID {
			one, err := f.st.InvoiceBalance(f.ctx, inv.ID)
			if err != nil || one != b {
				f.t.Fatalf("InvoiceBalance = %+v, %v; the list says %+v", one, err, b)
			}
			return b
		}
	}
	f.t.Fatalf("invoice %s is not in InvoiceBalances", inv.Number)
	return store.InvoiceBalance{}
}

// payment reloads a payment.
func (f *payFix) payment(id int64) (store.Payment, []store.Allocation) {
	f.t.Helper()
	p, as, err := f.st.Payment(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return p, as
}

func (f *payFix) checkInvariants() {
	f.t.Helper()
	if err := f.st.CheckInvariants(f.ctx); err != nil {
		f.t.Fatal(err)
	}
}

func (f *payFix) customerBalance(c store.Customer) store.CustomerBalance {
	f.t.Helper()
	cb, err := f.st.CustomerBalance(f.ctx, c.ID)
	if err != nil {
		f.t.Fatal(err)
	}
	return cb
}

func TestPaymentValidate(t *testing.T) {
	valid := func() store.Payment {
		return store.Payment{CustomerID: 1, Date: storetest.Date("2026-11-20"), Amount: 11000, Method: store.PayCash,
			PayerName: "  ﾔﾏﾀﾞ ﾀﾛｳ  "}
	}
	cases := []struct {
		name   string
		edit   func(p *store.Payment)
		field  string
		reason string
	}{
		{"no customer", func(p *store.Payment) { p.CustomerID = 0 }, "customer", "required"},
		{"zero amount", func(p *store.Payment) { p.Amount = 0 }, "amount", "payment.amount_positive"},
		{"negative amount", func(p *store.Payment) { p.Amount = -1 }, "amount", "payment.amount_positive"},
		{"unknown method", func(p *store.Payment) { p.Method = "cheque" }, "method", "choice"},
		{"no method", func(p *store.Payment) { p.Method = "" }, "method", "choice"},
		{"payer on two lines", func(p *store.Payment) { p.PayerName = "ﾔﾏﾀﾞ\nﾀﾛｳ" }, "payer_name", "one_line"},
		{"long reference", func(p *store.Payment) { p.Reference = strings.Repeat("x", 101) }, "reference", "too_long"},
		{"long memo", func(p *store.Payment) { p.Memo = strings.Repeat("メ", 1001) }, "memo", "too_long"},
		{"a reversal typed in", func(p *store.Payment) { p.ReversesID = 3 }, "reason", "payment.reversal_by_reverse"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := valid()
			tc.edit(&p)
			err := p.Validate()
			if tc.field == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			es := store.FieldErrors(err)
			if len(es) != 1 || es[0].Field != tc.field || es[0].Reason != tc.reason {
				t.Fatalf("Validate = %v, want %s: %s", err, tc.field, tc.reason)
			}
		})
	}
	p := valid()
	if err := p.Validate(); err != nil || p.PayerName != "ﾔﾏﾀﾞ ﾀﾛｳ" {
		t.Errorf("Validate = %v, payer %q (trimmed?)", err, p.PayerName)
	}
	var zero store.Payment
	zero.CustomerID, zero.Amount, zero.Method = 1, 1, store.PayCard
	if es := store.FieldErrors(zero.Validate()); len(es) != 1 || es[0].Field != "date" {
		t.Errorf("a payment without a date: %v", es)
	}
}

func TestRecordPaymentStoresAndAudits(t *testing.T) {
	f := newPayFix(t)
	p := store.Payment{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-30"), Amount: 55000, Method: store.PayBankTransfer,
		PayerName: "ｶ)ﾋﾏﾜﾘｷｶｸ", Reference: "0001234", Memo: "11月分"}
	if err := f.st.RecordPayment(f.ctx, &p); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.CustomerCode != "C0001" || p.CustomerName != f.cust.Name || p.Version != 1 {
		t.Errorf("recorded %+v", p)
	}
	got, allocs := f.payment(p.ID)
	if got != p || len(allocs) != 0 {
		t.Errorf("Payment = %+v %v\nwant %+v", got, allocs, p)
	}
	if got.Rest() != 55000 {
		t.Errorf("Rest = %d", got.Rest())
	}
	log, err := f.st.AuditLog(f.ctx, "payment", "1")
	if err != nil || len(log) != 1 || log[0].Action != "create" || !strings.Contains(log[0].After, `"amount":55000`) {
		t.Errorf("audit %+v %v", log, err)
	}

	// Refused: an unknown customer; nothing written.
	bad := store.Payment{CustomerID: 999, Date: storetest.Date("2026-11-30"), Amount: 1, Method: store.PayCash}
	if e := storeError(t, f.st.RecordPayment(f.ctx, &bad), store.CodeInvalid); e.Field != "customer" || e.Reason != "customer.not_found" {
		t.Errorf("unknown customer: %v", e)
	}
	if bad.ID != 0 {
		t.Errorf("a refused payment got ID %d", bad.ID)
	}
	if ps, _ := f.st.Payments(f.ctx, store.PaymentFilter{}); len(ps) != 1 {
		t.Errorf("%d payments after a refusal", len(ps))
	}
}

func TestPaymentsListNewestFirstWithFilters(t *testing.T) {
	f := newPayFix(t)
	a := f.pay(f.cust, "2026-10-01", 1000)
	b := f.pay(f.other, "2026-11-01", 2000)
	c := f.pay(f.cust, "2026-11-01", 3000)
	d := f.pay(f.cust, "2026-12-01", 4000)
	ids := func(ps []store.Payment) []int64 {
		var out []int64
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	cases := []struct {
		name   string
		filter store.PaymentFilter
		want   []int64
	}{
		{"all", store.PaymentFilter{}, []int64{d.ID, c.ID, b.ID, a.ID}},
		{"customer", store.PaymentFilter{CustomerID: f.cust.ID}, []int64{d.ID, c.ID, a.ID}},
		{"from", store.PaymentFilter{From: storetest.Date("2026-11-01")}, []int64{d.ID, c.ID, b.ID}},
		{"to", store.PaymentFilter{To: storetest.Date("2026-11-01")}, []int64{c.ID, b.ID, a.ID}},
		{"range and customer", store.PaymentFilter{CustomerID: f.cust.ID, From: storetest.Date("2026-11-01"), To: storetest.Date("2026-11-30")}, []int64{c.ID}},
		{"limit", store.PaymentFilter{Limit: 2}, []int64{d.ID, c.ID}},
	}
	for _, tc := range cases {
		got, err := f.st.Payments(f.ctx, tc.filter)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(ids(got), tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, ids(got), tc.want)
		}
	}
	if _, _, err := f.st.Payment(f.ctx, 999); !isCode(err, store.CodeNotFound) {
		t.Errorf("Payment(999): %v", err)
	}
}

func isCode(err error, code store.Code) bool {
	e, ok := store.AsError(err)
	return ok && e.Code == code
}

func TestAllocateRefusals(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", 11000)
	small := f.invoice(f.cust, "2026-10-21", "2026-11-30", 3000)
	others := f.invoice(f.other, "2026-10-20", "2026-11-30", 5000)
	draft := f.draft(store.KindInvoice, "2026-11-01", storetest.Line("作業", "1", 1000, store.TaxExempt))
	estimate := f.issued(store.KindEstimate, "2026-11-01", storetest.Line("見積", "1", 1000, store.TaxExempt))
	void := f.invoice(f.cust, "2026-10-22", "2026-11-30", 2000)
	if err := f.st.Void(f.ctx, void.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	credit, err := f.creditNote(inv, 500)
	if err != nil {
		t.Fatal(err)
	}
	pay := f.pay(f.cust, "2026-11-25", 20000)
	f.allocate(pay, small, 1000) // small: 2,000 open; pay: 19,000 left
	reversed := f.pay(f.cust, "2026-11-25", 5000)
	if err := f.st.ReversePayment(f.ctx, reversed.ID, "二重登録"); err != nil {
		t.Fatal(err)
	}
	var reversal store.Payment
	all, _ := f.st.Payments(f.ctx, store.PaymentFilter{})
	for _, p := range all {
		if p.ReversesID == reversed.ID {
			reversal = p
		}
	}
	tiny := f.pay(f.cust, "2026-11-25", 800)

	cases := []struct {
		name    string
		payment int64
		invoice int64
		amount  store.Money
		code    store.Code
		reason  string
	}{
		{"zero", pay.ID, inv.ID, 0, store.CodeInvalid, "allocation.amount_positive"},
		{"negative", pay.ID, inv.ID, -100, store.CodeInvalid, "allocation.amount_positive"},
		{"more than the payment's rest", tiny.ID, inv.ID, 801, store.CodeInvalid, "allocation.exceeds_payment"},
		{"more than the invoice's open amount (credit counted)", pay.ID, inv.ID, 10501, store.CodeInvalid, "allocation.exceeds_open"},
		{"more than open after a payment", pay.ID, small.ID, 2001, store.CodeInvalid, "allocation.exceeds_open"},
		{"another customer's invoice", pay.ID, others.ID, 100, store.CodeConflict, "allocation.other_customer"},
		{"a draft", pay.ID, draft.ID, 100, store.CodeConflict, "allocation.not_issued_invoice"},
		{"a void invoice", pay.ID, void.ID, 100, store.CodeConflict, "allocation.not_issued_invoice"},
		{"an estimate", pay.ID, estimate.ID, 100, store.CodeConflict, "allocation.not_issued_invoice"},
		{"a credit note", pay.ID, credit.ID, 100, store.CodeConflict, "allocation.not_issued_invoice"},
		{"a reversed payment", reversed.ID, inv.ID, 100, store.CodeConflict, "payment.reversed"},
		{"a reversal record", reversal.ID, inv.ID, 100, store.CodeConflict, "payment.is_reversal"},
		{"no such payment", 999, inv.ID, 100, store.CodeNotFound, "payment.not_found"},
		{"no such invoice", pay.ID, 999, 100, store.CodeNotFound, "document.not_found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := f.st.Allocate(f.ctx, tc.payment, tc.invoice, tc.amount)
			e := storeError(t, err, tc.code)
			if e.Reason != tc.reason {
				t.Fatalf("reason %s (%v), want %s", e.Reason, err, tc.reason)
			}
		})
	}
	// The messages name the limits, in the company's currency.
	err = f.st.Allocate(f.ctx, pay.ID, inv.ID, 10501)
	if e, _ := store.AsError(err); e == nil || !slices.Equal(e.Args, []any{inv.Number, "¥10,500"}) {
		t.Errorf("exceeds_open args: %v", err)
	}
	err = f.st.Allocate(f.ctx, tiny.ID, inv.ID, 801)
	if e, _ := store.AsError(err); e == nil || !slices.Equal(e.Args, []any{"¥800"}) {
		t.Errorf("exceeds_payment args: %v", err)
	}
	// Nothing of the refusals was written; the limits themselves are allowed.
	if p, as := f.payment(pay.ID); p.Allocated != 1000 || len(as) != 1 {
		t.Fatalf("after the refusals: allocated %d in %d records", p.Allocated, len(as))
	}
	f.allocate(pay, inv, 10500)
	f.allocate(tiny, small, 800)
	if b := f.balance(inv); b.Open != 0 || b.Paid != 10500 || b.Credited != 500 {
		t.Errorf("inv: %+v", b)
	}
	f.checkInvariants()
}

func TestPartialPaymentsAcrossInvoicesAndUnappliedCredit(t *testing.T) {
	f := newPayFix(t)
	a := f.invoice(f.cust, "2026-09-20", "2026-10-31", 10000)
	b := f.invoice(f.cust, "2026-10-20", "2026-11-30", 20000)

	// One payment settles a and part of b; the rest stays the customer's credit.
	p1 := f.pay(f.cust, "2026-11-10", 25000)
	f.allocate(p1, a, 10000)
	f.allocate(p1, b, 12000)
	if got := f.customerBalance(f.cust); got != (store.CustomerBalance{Receivable: 8000, Unapplied: 3000}) {
		t.Errorf("after p1: %+v", got)
	}
	// Several payments on one invoice: the unapplied 3,000 and a new 5,000.
	p2 := f.pay(f.cust, "2026-11-20", 5000)
	f.allocate(p1, b, 3000)
	f.allocate(p2, b, 5000)
	ba, bb := f.balance(a), f.balance(b)
	if ba.Open != 0 || ba.Paid != 10000 || bb.Open != 0 || bb.Paid != 20000 {
		t.Errorf("a %+v\nb %+v", ba, bb)
	}
	if got := f.customerBalance(f.cust); got != (store.CustomerBalance{}) {
		t.Errorf("after p2: %+v", got)
	}
	got1, allocs := f.payment(p1.ID)
	if got1.Allocated != 25000 || got1.Rest() != 0 || len(allocs) != 3 {
		t.Errorf("p1 %+v %+v", got1, allocs)
	}
	if allocs[0].InvoiceNumber != a.Number || allocs[1].InvoiceNumber != b.Number || allocs[2].Amount != 3000 {
		t.Errorf("allocations %+v", allocs)
	}
	onB, err := f.st.InvoiceAllocations(f.ctx, b.ID)
	if err != nil || len(onB) != 3 {
		t.Errorf("InvoiceAllocations(b) = %v, %v", onB, err)
	}
	// An overpayment with nothing open stays unapplied, and AutoAllocate finds nothing to do.
	p3 := f.pay(f.cust, "2026-11-25", 7000)
	made, err := f.st.AutoAllocate(f.ctx, p3.ID)
	if err != nil || len(made) != 0 {
		t.Errorf("AutoAllocate with nothing open: %v, %v", made, err)
	}
	if got := f.customerBalance(f.cust); got != (store.CustomerBalance{Unapplied: 7000}) {
		t.Errorf("after p3: %+v", got)
	}
	// Applied later, to the next invoice.
	c := f.invoice(f.cust, "2026-11-20", "2026-12-31", 9000)
	made, err = f.st.AutoAllocate(f.ctx, p3.ID)
	if err != nil || len(made) != 1 || made[0].InvoiceID != c.ID || made[0].Amount != 7000 {
		t.Errorf("AutoAllocate later: %+v, %v", made, err)
	}
	if got := f.customerBalance(f.cust); got != (store.CustomerBalance{Receivable: 2000}) {
		t.Errorf("after c: %+v", got)
	}
	if other := f.customerBalance(f.other); other != (store.CustomerBalance{}) {
		t.Errorf("the other customer: %+v", other)
	}
	f.checkInvariants()
}

func TestAutoAllocateOldestDueFirst(t *testing.T) {
	f := newPayFix(t)
	// Made in an order unlike their due dates; two share a due date.
	late := f.invoice(f.cust, "2026-10-01", "2026-12-31", 5000)
	sameDue2 := f.invoice(f.cust, "2026-09-01", "2026-11-30", 4000) // numbered before sameDue1
	oldest := f.invoice(f.cust, "2026-08-01", "2026-09-30", 3000)
	sameDue1 := f.invoice(f.cust, "2026-09-02", "2026-11-30", 2000)
	_ = f.invoice(f.other, "2026-07-01", "2026-08-31", 1000) // another customer's, older still
	paidOff := f.invoice(f.cust, "2026-07-01", "2026-08-31", 1500)
	pre := f.pay(f.cust, "2026-09-01", 1500)
	f.allocate(pre, paidOff, 1500)

	p := f.pay(f.cust, "2026-11-25", 8000)
	f.allocate(p, oldest, 1000) // 2,000 left on oldest, 7,000 of p
	made, err := f.st.AutoAllocate(f.ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	// oldest (due 09-30), then the two due 11-30 by number (sameDue2 was issued first), then late.
	type step struct {
		id     int64
		amount store.Money
	}
	var got []step
	for _, a := range made {
		got = append(got, step{a.InvoiceID, a.Amount})
		if a.PaymentID != p.ID || a.ID == 0 || a.InvoiceNumber == "" {
			t.Errorf("allocation %+v", a)
		}
	}
	want := []step{{oldest.ID, 2000}, {sameDue2.ID, 4000}, {sameDue1.ID, 1000}}
	if !slices.Equal(got, want) {
		t.Errorf("AutoAllocate = %v, want %v (late %d)", got, want, late.ID)
	}
	if pp, _ := f.payment(p.ID); pp.Rest() != 0 {
		t.Errorf("rest %d", pp.Rest())
	}
	if b := f.balance(sameDue1); b.Open != 1000 || b.Status(storetest.Date("2026-11-25")) != store.BalancePartlyPaid {
		t.Errorf("sameDue1 %+v", b)
	}
	// A reversed payment is refused.
	if err := f.st.ReversePayment(f.ctx, p.ID, "誤登録"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.AutoAllocate(f.ctx, p.ID); !isCode(err, store.CodeConflict) {
		t.Errorf("AutoAllocate of a reversed payment: %v", err)
	}
	f.checkInvariants()
}

func TestReverseAllocation(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", 10000)
	p := f.pay(f.cust, "2026-11-25", 10000)
	f.allocate(p, inv, 6000)
	_, allocs := f.payment(p.ID)
	first := allocs[0]

	if e := storeError(t, f.st.ReverseAllocation(f.ctx, first.ID, "  "), store.CodeInvalid); e.Field != "reason" || e.Reason != "required" {
		t.Errorf("no reason: %v", e)
	}
	if err := f.st.ReverseAllocation(f.ctx, 999, "x"); !isCode(err, store.CodeNotFound) {
		t.Errorf("unknown allocation: %v", err)
	}
	if err := f.st.ReverseAllocation(f.ctx, first.ID, "請求書違い"); err != nil {
		t.Fatal(err)
	}
	got, allocs := f.payment(p.ID)
	if got.Allocated != 0 || got.Rest() != 10000 || len(allocs) != 2 {
		t.Fatalf("after the reversal: %+v %+v", got, allocs)
	}
	orig, rev := allocs[0], allocs[1]
	if !orig.Reversed || orig.Amount != 6000 || rev.Amount != -6000 || rev.ReversesID != orig.ID || rev.Reason != "請求書違い" {
		t.Errorf("records: %+v / %+v", orig, rev)
	}
	if b := f.balance(inv); b.Paid != 0 || b.Open != 10000 {
		t.Errorf("invoice %+v", b)
	}
	if err := f.st.ReverseAllocation(f.ctx, orig.ID, "again"); !isCode(err, store.CodeConflict) {
		t.Errorf("reversed twice: %v", err)
	}
	if err := f.st.ReverseAllocation(f.ctx, rev.ID, "undo the undo"); !isCode(err, store.CodeConflict) {
		t.Errorf("reversal of a reversal: %v", err)
	}
	// Allocate again: a new record.
	f.allocate(p, inv, 10000)
	if b := f.balance(inv); b.Open != 0 {
		t.Errorf("reallocated: %+v", b)
	}
	log, _ := f.st.AuditLog(f.ctx, "payment", "1")
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	if !slices.Equal(actions, []string{"create", "allocate", "reverse_allocation", "allocate"}) {
		t.Errorf("audit actions %v", actions)
	}
	f.checkInvariants()
}

func TestReversePayment(t *testing.T) {
	f := newPayFix(t)
	a := f.invoice(f.cust, "2026-10-20", "2026-11-30", 4000)
	b := f.invoice(f.cust, "2026-10-21", "2026-11-30", 6000)
	p := f.pay(f.cust, "2026-11-25", 12000)
	f.allocate(p, a, 4000)
	f.allocate(p, b, 1000)
	_, allocs := f.payment(p.ID)
	if err := f.st.ReverseAllocation(f.ctx, allocs[1].ID, "金額違い"); err != nil {
		t.Fatal(err)
	}
	f.allocate(p, b, 6000)

	if e := storeError(t, f.st.ReversePayment(f.ctx, p.ID, ""), store.CodeInvalid); e.Field != "reason" {
		t.Errorf("no reason: %v", e)
	}
	if err := f.st.ReversePayment(f.ctx, 999, "x"); !isCode(err, store.CodeNotFound) {
		t.Errorf("unknown payment: %v", err)
	}
	if err := f.st.ReversePayment(f.ctx, p.ID, "別の顧客の入金"); err != nil {
		t.Fatal(err)
	}
	got, allocs := f.payment(p.ID)
	if !got.Reversed || got.Allocated != 0 || got.Rest() != 0 {
		t.Errorf("reversed payment %+v", got)
	}
	// 3 allocations, the earlier reversal and 2 reversals now: nothing deleted.
	if len(allocs) != 6 {
		t.Fatalf("%d allocation records: %+v", len(allocs), allocs)
	}
	for _, al := range allocs {
		if al.ReversesID == 0 && !al.Reversed {
			t.Errorf("allocation %d is still live", al.ID)
		}
		if al.ReversesID != 0 && al.Reason != "金額違い" && al.Reason != "別の顧客の入金" {
			t.Errorf("reversal %+v", al)
		}
	}
	ps, _ := f.st.Payments(f.ctx, store.PaymentFilter{})
	if len(ps) != 2 {
		t.Fatalf("payments %+v", ps)
	}
	rev := ps[0]
	if rev.ReversesID != p.ID || rev.Amount != -12000 || rev.Reason != "別の顧客の入金" || rev.Date != storetest.Date("2026-11-25") /* the payment's date, later than today */ ||
		rev.CustomerID != f.cust.ID || rev.Rest() != 0 {
		t.Errorf("reversal record %+v", rev)
	}
	if ba, bb := f.balance(a), f.balance(b); ba.Open != 4000 || bb.Open != 6000 {
		t.Errorf("invoices reopened: %+v %+v", ba, bb)
	}
	if cb := f.customerBalance(f.cust); cb != (store.CustomerBalance{Receivable: 10000}) {
		t.Errorf("customer %+v", cb)
	}
	if err := f.st.ReversePayment(f.ctx, p.ID, "again"); !isCode(err, store.CodeConflict) {
		t.Errorf("reversed twice: %v", err)
	}
	if err := f.st.ReversePayment(f.ctx, rev.ID, "undo"); !isCode(err, store.CodeConflict) {
		t.Errorf("reversal of the reversal: %v", err)
	}
	if log, _ := f.st.AuditLog(f.ctx, "payment", "1"); log[len(log)-1].Action != "reverse" {
		t.Errorf("audit %+v", log)
	}
	f.checkInvariants()
}

// The money tables are append-only, whatever program writes to the file.
func TestPaymentTablesAreAppendOnly(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", 1500)
	p := f.pay(f.cust, "2026-11-25", 1000)
	f.allocate(p, inv, 1000)
	if _, err := f.st.CloseShortfall(f.ctx, inv.ID, store.AdjustTransferFee, storetest.Date("2026-11-25")); err != nil {
		t.Fatal(err)
	}
	db := f.st.DB()
	for _, q := range []string{
		`UPDATE payments SET amount = 1`,
		`DELETE FROM payments`,
		`UPDATE allocations SET amount = 1`,
		`DELETE FROM allocations`,
		`UPDATE adjustments SET amount = 1`,
		`DELETE FROM adjustments`,
		// A reversal must mirror what it reverses.
		`INSERT INTO payments (customer_id, date, amount, method, reverses_id, reason, actor, created_at)
			VALUES (1, '2026-11-25', -999, 'cash', 1, 'x', 'x', 'x')`,
		`INSERT INTO allocations (payment_id, invoice_id, amount, reverses_id, reason, actor, created_at)
			VALUES (1, 1, -999, 1, 'x', 'x', 'x')`,
		// The checks the store makes first, kept by the database too.
		`INSERT INTO allocations (payment_id, invoice_id, amount, actor, created_at) VALUES (1, 1, 1, 'x', 'x')`,
		`INSERT INTO payments (customer_id, date, amount, method, actor, created_at) VALUES (1, '2026-11-25', 0, 'cash', 'x', 'x')`,
		`INSERT INTO adjustments (invoice_id, kind, amount, date, actor, created_at) VALUES (1, 'discount', 1, '2026-11-25', 'x', 'x')`,
		`UPDATE documents SET status = 'void', voided_reason = 'x' WHERE id = 1`,
	} {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	var n int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM payments) + (SELECT count(*) FROM allocations) + (SELECT count(*) FROM adjustments)`).Scan(&n); err != nil || n != 3 {
		t.Errorf("%d rows, %v", n, err)
	}
	f.checkInvariants()
}

func TestCompanyShortfallTolerance(t *testing.T) {
	f := newPayFix(t)
	c, err := f.st.Company(f.ctx)
	if err != nil || c.ShortfallTolerance != 1000 {
		t.Fatalf("default tolerance %d, %v", c.ShortfallTolerance, err)
	}
	c.ShortfallTolerance = -1
	if e := storeError(t, f.st.SaveCompany(f.ctx, &c), store.CodeInvalid); e.Field != "shortfall_tolerance" {
		t.Errorf("negative: %v", e)
	}
	c.ShortfallTolerance = 880
	if err := f.st.SaveCompany(f.ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c, _ := f.st.Company(f.ctx); c.ShortfallTolerance != 880 {
		t.Errorf("saved %d", c.ShortfallTolerance)
	}
	// A database made before the column has the default (the migration's).
	var def int
	if err := f.st.DB().QueryRow(`SELECT dflt_value FROM pragma_table_info('company') WHERE name = 'shortfall_tolerance'`).Scan(&def); err != nil || def != 1000 {
		t.Errorf("column default %d, %v", def, err)
	}
}
