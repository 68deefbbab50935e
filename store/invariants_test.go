package store_test

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// A model of the ledger's money, kept beside the store by the property test:
// it predicts which operations the store must accept and what every balance
// must read.
type mInvoice struct {
	id                       int64
	number                   string
	customer                 int64
	due                      time.Time
	total, paid, adj, credit store.Money
}

func (i *mInvoice) open() store.Money { return i.total - i.paid - i.adj - i.credit }

type mPayment struct {
	id, customer       int64
	amount, allocated  store.Money
	reversed, reversal bool
}

type mAlloc struct {
	id, payment, invoice int64
	amount               store.Money
	reversed, reversal   bool
}

type ledgerModel struct {
	invoices map[int64]*mInvoice
	payments map[int64]*mPayment
	allocs   map[int64]*mAlloc
	invIDs   []int64 // in the order made, for picking
	payIDs   []int64
	allocIDs []int64
}

// TestInvariantsUnderRandomOperations runs ≥ 10,000 random operations — record,
// allocate, auto-allocate, reverse an allocation, reverse a payment, close a
// shortfall, issue a credit note, issue an invoice — many of them meant to be
// refused, with fixed seeds. After every operation CheckInvariants must pass
// and the store must have accepted exactly what the model predicts; every 500
// operations every balance is compared with the model. The operations run on
// four ledgers of 2,500 each: CheckInvariants reads the whole ledger, so its
// cost grows with it, and four ledgers keep the test near 10 s.
func TestInvariantsUnderRandomOperations(t *testing.T) {
	ops := 2_500
	if testing.Short() {
		ops = 500
	}
	total := map[string]int{}
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("ledger", seed+1), func(t *testing.T) {
			for op, n := range randomLedger(t, seed, ops) {
				total[op] += n
			}
		})
	}
	t.Logf("%d operations: %v", 4*ops, total)
	for _, op := range []string{"record", "allocate", "auto-allocate", "reverse allocation", "reverse payment",
		"close shortfall", "credit note", "issue invoice"} {
		if total[op] < 4*ops/100 {
			t.Errorf("only %d %s operations", total[op], op)
		}
	}
}

// randomLedger runs ops random operations on a new ledger (see
// TestInvariantsUnderRandomOperations) and returns how many of each ran.
func randomLedger(t *testing.T, seed uint64, ops int) map[string]int {
	f := newPayFix(t)
	third := validCustomer("C0003")
	if err := f.st.CreateCustomer(f.ctx, &third); err != nil {
		t.Fatal(err)
	}
	customers := []int64{f.cust.ID, f.other.ID, third.ID}
	const tolerance = 1000
	rng := rand.New(rand.NewPCG(20261120, seed))
	m := &ledgerModel{invoices: map[int64]*mInvoice{}, payments: map[int64]*mPayment{}, allocs: map[int64]*mAlloc{}}

	// Documents payments may never touch.
	draft := f.draft(store.KindInvoice, "2026-11-01", storetest.Line("作業", "1", 1000, store.TaxExempt))
	estimate := f.issued(store.KindEstimate, "2026-11-01", storetest.Line("見積", "1", 1000, store.TaxExempt))
	void := f.invoice(f.cust, "2026-10-01", "2026-10-31", 1000)
	if err := f.st.Void(f.ctx, void.ID, "誤り"); err != nil {
		t.Fatal(err)
	}
	untouchable := []int64{draft.ID, estimate.ID, void.ID, 99999}

	newInvoice := func() {
		cust := customers[rng.IntN(len(customers))]
		issue := storetest.Date("2026-04-01").AddDate(0, 0, rng.IntN(230))
		due := issue.AddDate(0, 0, 20+rng.IntN(50))
		total := store.Money(500 + rng.IntN(60)*500 + rng.IntN(3)*110)
		c := f.cust
		switch cust {
		case f.other.ID:
			c = f.other
		case third.ID:
			c = third
		}
		d := f.invoice(c, store.FormatDate(issue), store.FormatDate(due), total)
		m.invoices[d.ID] = &mInvoice{id: d.ID, number: d.Number, customer: cust, due: d.DueDate, total: total}
		m.invIDs = append(m.invIDs, d.ID)
	}
	for range 12 {
		newInvoice()
	}
	pickInvoice := func() *mInvoice { return m.invoices[m.invIDs[rng.IntN(len(m.invIDs))]] }
	// refused checks that err is a refusal in words (a *store.Error), never a crash.
	refused := func(op string, err error) {
		t.Helper()
		if err == nil {
			t.Fatalf("%s: accepted, the model says it must be refused", op)
		}
		if len(store.FieldErrors(err)) == 0 {
			t.Fatalf("%s: refused with %T %v, not a store error", op, err, err)
		}
	}
	accepted := func(op string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v; the model says it must be accepted", op, err)
		}
	}

	counts := map[string]int{}
	start := time.Now()
	var checkTime time.Duration
	for n := range ops {
		var op string
		switch r := rng.IntN(100); {
		case r < 20:
			op = "record"
			cust := customers[rng.IntN(len(customers))]
			amount := store.Money(rng.IntN(40)*500 + rng.IntN(1000))
			if rng.IntN(20) == 0 {
				amount = -amount
			}
			p := store.Payment{CustomerID: cust, Date: storetest.Date("2026-11-01").AddDate(0, 0, rng.IntN(40)), Amount: amount,
				Method: store.PaymentMethods[rng.IntN(len(store.PaymentMethods))], PayerName: "ﾃｽﾄ"}
			err := f.st.RecordPayment(f.ctx, &p)
			if amount <= 0 {
				refused(op, err)
				break
			}
			accepted(op, err)
			m.payments[p.ID] = &mPayment{id: p.ID, customer: cust, amount: amount}
			m.payIDs = append(m.payIDs, p.ID)
		case r < 47:
			op = "allocate"
			if len(m.payIDs) == 0 {
				break
			}
			p := m.payments[m.payIDs[rng.IntN(len(m.payIDs))]]
			inv := pickInvoice()
			// Mostly an invoice of the payment's customer, to get somewhere.
			for try := 0; try < 5 && inv.customer != p.customer; try++ {
				inv = pickInvoice()
			}
			rest := p.amount - p.allocated
			var amount store.Money
			switch rng.IntN(6) {
			case 0:
				amount = rest
			case 1:
				amount = inv.open()
			case 2:
				amount = min(rest, inv.open())
			case 3:
				amount = min(rest, inv.open()) - store.Money(rng.IntN(1500)) // leave a shortfall
			case 4:
				amount = min(rest, inv.open()) + 1
			default:
				amount = store.Money(rng.IntN(20000))
			}
			invID := inv.id
			if rng.IntN(25) == 0 {
				invID = untouchable[rng.IntN(len(untouchable))]
			}
			err := f.st.Allocate(f.ctx, p.id, invID, amount)
			if invID != inv.id || amount <= 0 || p.reversed || p.reversal || inv.customer != p.customer ||
				amount > rest || amount > inv.open() {
				refused(op, err)
				break
			}
			accepted(op, err)
			_, allocs, err := f.st.Payment(f.ctx, p.id)
			if err != nil {
				t.Fatal(err)
			}
			a := allocs[len(allocs)-1]
			m.allocs[a.ID] = &mAlloc{id: a.ID, payment: p.id, invoice: inv.id, amount: amount}
			m.allocIDs = append(m.allocIDs, a.ID)
			p.allocated += amount
			inv.paid += amount
		case r < 57:
			op = "auto-allocate"
			if len(m.payIDs) == 0 {
				break
			}
			p := m.payments[m.payIDs[rng.IntN(len(m.payIDs))]]
			made, err := f.st.AutoAllocate(f.ctx, p.id)
			if p.reversed || p.reversal {
				refused(op, err)
				break
			}
			accepted(op, err)
			// The model's choice: the customer's open invoices, oldest due first, then by number.
			var open []*mInvoice
			for _, id := range m.invIDs {
				if inv := m.invoices[id]; inv.customer == p.customer && inv.open() > 0 {
					open = append(open, inv)
				}
			}
			slices.SortStableFunc(open, func(a, b *mInvoice) int {
				return cmp.Or(a.due.Compare(b.due), strings.Compare(a.number, b.number), cmp.Compare(a.id, b.id))
			})
			rest := p.amount - p.allocated
			var want []store.Allocation
			for _, inv := range open {
				if rest == 0 {
					break
				}
				amount := min(rest, inv.open())
				want = append(want, store.Allocation{PaymentID: p.id, InvoiceID: inv.id, InvoiceNumber: inv.number, Amount: amount})
				rest -= amount
			}
			if len(made) != len(want) {
				t.Fatalf("op %d auto-allocate: made %d allocations, the model %d", n, len(made), len(want))
			}
			for i, a := range made {
				w := want[i]
				if a.PaymentID != w.PaymentID || a.InvoiceID != w.InvoiceID || a.Amount != w.Amount || a.InvoiceNumber != w.InvoiceNumber {
					t.Fatalf("op %d auto-allocate #%d: %+v, the model %+v", n, i, a, w)
				}
				m.allocs[a.ID] = &mAlloc{id: a.ID, payment: p.id, invoice: a.InvoiceID, amount: a.Amount}
				m.allocIDs = append(m.allocIDs, a.ID)
				p.allocated += a.Amount
				m.invoices[a.InvoiceID].paid += a.Amount
			}
		case r < 68:
			op = "reverse allocation"
			if len(m.allocIDs) == 0 {
				break
			}
			a := m.allocs[m.allocIDs[rng.IntN(len(m.allocIDs))]]
			reason := "テスト"
			if rng.IntN(20) == 0 {
				reason = ""
			}
			err := f.st.ReverseAllocation(f.ctx, a.id, reason)
			if reason == "" || a.reversed || a.reversal {
				refused(op, err)
				break
			}
			accepted(op, err)
			m.reverseAlloc(t, f, a)
		case r < 73:
			op = "reverse payment"
			if len(m.payIDs) == 0 {
				break
			}
			p := m.payments[m.payIDs[rng.IntN(len(m.payIDs))]]
			err := f.st.ReversePayment(f.ctx, p.id, "二重登録")
			if p.reversed || p.reversal {
				refused(op, err)
				break
			}
			accepted(op, err)
			for _, id := range slices.Clone(m.allocIDs) {
				if a := m.allocs[id]; a.payment == p.id && !a.reversed && !a.reversal {
					m.reverseAlloc(t, f, a)
				}
			}
			p.reversed = true
			ps, err := f.st.Payments(f.ctx, store.PaymentFilter{CustomerID: p.customer})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range ps {
				if r.ReversesID == p.id {
					m.payments[r.ID] = &mPayment{id: r.ID, customer: p.customer, amount: -p.amount, reversal: true}
					m.payIDs = append(m.payIDs, r.ID)
					found = true
				}
			}
			if !found {
				t.Fatalf("op %d: no reversal record of payment %d", n, p.id)
			}
		case r < 88:
			op = "close shortfall"
			inv := pickInvoice()
			kind := store.AdjustTransferFee
			if rng.IntN(3) == 0 {
				kind = store.AdjustDiscount
			}
			open := inv.open()
			adj, err := f.st.CloseShortfall(f.ctx, inv.id, kind, time.Time{})
			if open <= 0 || open > tolerance {
				refused(op, err)
				break
			}
			accepted(op, err)
			if adj.Amount != open {
				t.Fatalf("op %d: closed %d, open was %d", n, adj.Amount, open)
			}
			inv.adj += open
		case r < 95:
			op = "credit note"
			inv := pickInvoice()
			if inv.open() <= 0 && rng.IntN(2) == 0 {
				break // one try in two on a closed invoice, to see it refused
			}
			amount := max(1, inv.open())
			switch rng.IntN(3) {
			case 0:
				amount = store.Money(1 + rng.IntN(int(amount)))
			case 1:
				amount++ // more than is open: refused
			}
			_, err := f.creditNote(m.docOf(t, f, inv.id), amount)
			if amount > inv.open() {
				if err == nil {
					t.Fatalf("op %d: a credit note of %d on %d open was issued", n, amount, inv.open())
				}
				break
			}
			accepted(op, err)
			inv.credit += amount
		default:
			op = "issue invoice"
			newInvoice()
		}
		counts[op]++
		c0 := time.Now()
		if err := f.st.CheckInvariants(f.ctx); err != nil {
			t.Fatalf("after operation %d (%s): %v", n, op, err)
		}
		checkTime += time.Since(c0)
		if n%500 == 499 || n == ops-1 {
			m.compare(t, f, customers)
			// And every rule of check, the audit chain's included: each
			// kind of change snapshots its record as check hashes it.
			if v, err := f.st.Check(f.ctx); err != nil || len(v) > 0 {
				t.Fatalf("after operation %d: check: %q, %v", n, v.Strings(), err)
			}
		}
	}
	t.Logf("%d operations in %v (CheckInvariants %v in all): %v; %d invoices, %d payments, %d allocation records",
		ops, time.Since(start).Round(time.Millisecond), checkTime.Round(time.Millisecond), counts,
		len(m.invoices), len(m.payments), len(m.allocs))
	return counts
}

// reverseAlloc records in the model that a was reversed (the store's reversal
// record is found by reloading the payment).
func (m *ledgerModel) reverseAlloc(t *testing.T, f *payFix, a *mAlloc) {
	t.Helper()
	a.reversed = true
	m.payments[a.payment].allocated -= a.amount
	m.invoices[a.invoice].paid -= a.amount
	_, allocs, err := f.st.Payment(f.ctx, a.payment)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range allocs {
		if r.ReversesID == a.id {
			m.allocs[r.ID] = &mAlloc{id: r.ID, payment: a.payment, invoice: a.invoice, amount: -a.amount, reversal: true}
			m.allocIDs = append(m.allocIDs, r.ID)
			return
		}
	}
	t.Fatalf("no reversal record of allocation %d", a.id)
}

func (m *ledgerModel) docOf(t *testing.T, f *payFix, id int64) store.Document {
	t.Helper()
	d, err := f.st.Document(f.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// compare checks every balance the store reports against the model.
func (m *ledgerModel) compare(t *testing.T, f *payFix, customers []int64) {
	t.Helper()
	bs, err := f.st.InvoiceBalances(f.ctx, store.BalanceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != len(m.invoices) {
		t.Fatalf("%d invoice balances, the model has %d invoices", len(bs), len(m.invoices))
	}
	receivable := map[int64]store.Money{}
	for _, b := range bs {
		inv := m.invoices[b.InvoiceID]
		if inv == nil || b.Total != inv.total || b.Paid != inv.paid || b.Adjusted != inv.adj || b.Credited != inv.credit ||
			b.Open != inv.open() {
			t.Fatalf("balance %+v, the model %+v", b, inv)
		}
		receivable[b.CustomerID] += b.Open
	}
	ps, err := f.st.Payments(f.ctx, store.PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != len(m.payments) {
		t.Fatalf("%d payments, the model has %d", len(ps), len(m.payments))
	}
	unapplied := map[int64]store.Money{}
	for _, p := range ps {
		mp := m.payments[p.ID]
		if mp == nil || p.Amount != mp.amount || p.Allocated != mp.allocated || p.Reversed != mp.reversed ||
			(p.ReversesID != 0) != mp.reversal {
			t.Fatalf("payment %+v, the model %+v", p, mp)
		}
		unapplied[p.CustomerID] += p.Rest()
	}
	for _, c := range customers {
		cb, err := f.st.CustomerBalance(f.ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		if cb.Receivable != receivable[c] || cb.Unapplied != unapplied[c] {
			t.Fatalf("customer %d: %+v, want receivable %d, unapplied %d", c, cb, receivable[c], unapplied[c])
		}
	}
}

// CheckInvariants reports what a program writing to the file behind the
// store's back (or a bug) broke, every violation in plain words.
func TestCheckInvariantsReportsViolations(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-10-20", "2026-11-30", 1000)
	others := f.invoice(f.other, "2026-10-20", "2026-11-30", 1000)
	p := f.pay(f.cust, "2026-11-25", 1500)
	f.allocate(p, inv, 1000)
	f.checkInvariants()

	// Another program drops the safety triggers and writes nonsense.
	db := f.st.DB()
	for _, q := range []string{
		`DROP TRIGGER allocations_within_payment`,
		`DROP TRIGGER allocations_to_open_invoice`,
		`DROP TRIGGER allocations_reversal_mirrors`,
		`DROP TRIGGER invoice_balances_allocation`, // the cache no longer follows
		// Each dated as the store dates them (the payment's date), so only the
		// nonsense below is reported.
		`INSERT INTO allocations (payment_id, invoice_id, amount, date, actor, created_at) VALUES (1, 1, 600, '2026-11-25', 'x', 'x')`,                             // over-paid invoice, over-allocated payment
		`INSERT INTO allocations (payment_id, invoice_id, amount, date, actor, created_at) VALUES (1, 2, 100, '2026-11-25', 'x', 'x')`,                             // another customer's invoice
		`INSERT INTO allocations (payment_id, invoice_id, amount, reverses_id, reason, date, actor, created_at) VALUES (1, 1, -5, 1, 'x', '2026-11-25', 'x', 'x')`, // not a mirror
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	err := f.st.CheckInvariants(f.ctx)
	v, ok := err.(store.Violations)
	if !ok {
		t.Fatalf("CheckInvariants = %T %v", err, err)
	}
	text := strings.Join(v.Strings(), "\n")
	for _, want := range []string{
		"invoice " + inv.Number + ": open -595 is below zero (total 1000, paid 1595, adjusted 0, credited 0)",
		"payment #1: allocated 1695 of 1500",
		"invoice " + others.Number + ": the balance cache (total 1000, paid 0, adjusted 0, credited 0) differs from the records (total 1000, paid 100, adjusted 0, credited 0)",
		"allocation #3: payment #1 of customer #1 is allocated to " + others.Number + " of customer #2",
		"allocation #4 reverses allocation #1, which does not exist, is a reversal or differs",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in\n%s", want, text)
		}
	}
	if len(v) != 5 {
		t.Errorf("%d violations:\n%s", len(v), text)
	}
	if !strings.Contains(err.Error(), "5 ledger invariants broken") {
		t.Errorf("Error() = %s", err.Error())
	}
}
