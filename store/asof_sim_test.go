package store_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"daicho/store"
)

// TestOverdueAsOfSimulation runs a ledger day by day over three years (one
// in -short) with a fixed seed — invoices, payments typed in and allocated
// now or days later, bank deposits imported and matched days after their
// value date (closing the transfer fee), allocations undone and put
// elsewhere, payments reversed, credit notes, shortfalls closed, invoices
// voided — and after each day records what Overdue said as of that day.
//
// A model of its own, written from the rules and not from the store's code,
// keeps every record with the day it was entered and the day it is dated,
// and re-computes any day's position from them:
//   - what Overdue said on day D equals the position as of D from the
//     records entered by D (nothing is lost or counted that was not there);
//   - what Receivables says now for a day D (the overdue list and what was
//     not yet due; every 100 days on 20 earlier days, at the end on 150)
//     equals the position as of D from all records: what came later and is
//     dated after D changes nothing on D.
func TestOverdueAsOfSimulation(t *testing.T) {
	start, years := store.DateOf(2024, 1, 1), 3
	if testing.Short() {
		start, years = store.DateOf(2026, 1, 1), 1
	}
	sim := newSim(t, start)
	end := start.AddDate(years, 0, 0)
	for day := start; day.Before(end); day = day.AddDate(0, 0, 1) {
		sim.live(day)
		got, err := sim.st.Overdue(sim.ctx, day)
		if err != nil {
			t.Fatal(err)
		}
		sim.said = append(sim.said, overdueRowsOf(got))
		if sim.today%100 == 99 {
			sim.checkNow(20)
		}
	}
	sim.checkInvariants()
	t.Logf("%d days: %d invoices (%d void), %d payments (%d reversed, %d from the bank), %d allocations (%d undone), %d credit notes, %d adjustments",
		len(sim.said), len(sim.invoices), sim.count(func(i *simInvoice) bool { return i.voided >= 0 }), len(sim.payments),
		sim.countPayments(func(p *simPayment) bool { return p.reversed }), sim.bank, len(sim.allocs),
		sim.countAllocs(func(a *simAlloc) bool { return a.undone >= 0 }), len(sim.credits), len(sim.adjusts))

	// What was said each day, against the model knowing what was entered by then.
	for d, said := range sim.said {
		day := start.AddDate(0, 0, d)
		if want, _ := sim.position(day, d); !slices.Equal(said, want) {
			t.Fatalf("overdue as of %s, said that day:\n got %v\nwant %v", store.FormatDate(day), said, want)
		}
	}
	// Asked now, on many days: the same as the model knowing everything.
	sim.checkNow(150)
}

// overdueRow is what the test compares of an overdue invoice.
type overdueRow struct {
	id                             int64
	open, paid, adjusted, credited store.Money
	days                           int
	bucket                         string
}

func (r overdueRow) String() string {
	return fmt.Sprintf("#%d open %d (paid %d adj %d cred %d) %dd %s", r.id, r.open, r.paid, r.adjusted, r.credited, r.days, r.bucket)
}

func overdueRowsOf(items []store.OverdueInvoice) []overdueRow {
	out := make([]overdueRow, len(items))
	for i, o := range items {
		out[i] = overdueRow{o.InvoiceID, o.Open, o.Paid, o.Adjusted, o.Credited, o.DaysOverdue, o.Bucket}
	}
	return out
}

// The model's records. Days are counted from the start (0, 1, …): entered
// is the day a record was written, -1 in undone or voided means never.
type (
	simInvoice struct {
		id, customer int64
		number       string
		issue, due   time.Time
		total        store.Money
		entered      int
		voided       int // the day it was voided (a void invoice never existed)
		credited     bool
	}
	simPayment struct {
		id, customer int64
		date         time.Time // received
		amount       store.Money
		entered      int
		reversed     bool
	}
	simAlloc struct {
		id, invoice int64
		payment     *simPayment
		amount      store.Money
		entered     int
		undone      int       // the day it was reversed
		moneyBack   bool      // by reversing its payment (from backOn), not as a correction (from the start)
		backOn      time.Time // the payment reversal's date
	}
	simDated struct { // an adjustment or a credit note
		invoice int64
		amount  store.Money
		date    time.Time
		entered int
	}
)

type sim struct {
	*payFix
	rng       *rand.Rand
	start     time.Time
	today     int
	day       time.Time
	customers []store.Customer
	invoices  []*simInvoice
	payments  []*simPayment
	allocs    []*simAlloc
	credits   []simDated
	adjusts   []simDated
	pending   []*simPayment // recorded, to be allocated on a later day
	bank      int           // deposits imported
	said      [][]overdueRow
}

func newSim(t *testing.T, start time.Time) *sim {
	s := &sim{payFix: newPayFix(t), rng: rand.New(rand.NewPCG(13, 2026)), start: start, today: -1}
	s.customers = []store.Customer{s.cust, s.other}
	for _, code := range []string{"C0003", "C0004", "C0005"} {
		c := validCustomer(code)
		if err := s.st.CreateCustomer(s.ctx, &c); err != nil {
			t.Fatal(err)
		}
		s.customers = append(s.customers, c)
	}
	return s
}

// position is the model's overdue list as of day from the records entered
// by day known (oldest due first, then by number), and what was open but
// not yet due.
func (s *sim) position(day time.Time, known int) (over []overdueRow, notDue store.Money) {
	type key struct {
		due    time.Time
		number string
	}
	keys := map[int64]key{}
	for _, inv := range s.invoices {
		if inv.entered > known || inv.issue.After(day) || (inv.voided >= 0 && inv.voided <= known) {
			continue
		}
		r := overdueRow{id: inv.id}
		for _, a := range s.allocs {
			if a.invoice != inv.id || a.entered > known || a.payment.date.After(day) {
				continue
			}
			if a.undone >= 0 && a.undone <= known && (!a.moneyBack || !a.backOn.After(day)) {
				continue // a correction never counted; money that went back by day is gone
			}
			r.paid += a.amount
		}
		for _, d := range s.adjusts {
			if d.invoice == inv.id && d.entered <= known && !d.date.After(day) {
				r.adjusted += d.amount
			}
		}
		for _, d := range s.credits {
			if d.invoice == inv.id && d.entered <= known && !d.date.After(day) {
				r.credited += d.amount
			}
		}
		r.open = inv.total - r.paid - r.adjusted - r.credited
		switch {
		case r.open <= 0:
		case inv.due.Before(day):
			r.days = int(day.Sub(inv.due).Hours() / 24)
			r.bucket = store.BucketOf(r.days)
			over = append(over, r)
			keys[inv.id] = key{inv.due, inv.number}
		default:
			notDue += r.open
		}
	}
	slices.SortFunc(over, func(a, b overdueRow) int {
		ka, kb := keys[a.id], keys[b.id]
		if c := ka.due.Compare(kb.due); c != 0 {
			return c
		}
		if ka.number != kb.number {
			if ka.number < kb.number {
				return -1
			}
			return 1
		}
		return int(a.id - b.id)
	})
	return over, notDue
}

// openNow is what is open on inv today, by the model.
func (s *sim) openNow(inv *simInvoice) store.Money {
	if inv.voided >= 0 {
		return 0
	}
	open := inv.total
	for _, a := range s.allocs {
		if a.invoice == inv.id && a.undone < 0 {
			open -= a.amount
		}
	}
	for _, ds := range [][]simDated{s.adjusts, s.credits} {
		for _, d := range ds {
			if d.invoice == inv.id {
				open -= d.amount
			}
		}
	}
	return open
}

// checkNow compares Receivables now with the model knowing everything, on
// n days up to today at random, and today.
func (s *sim) checkNow(n int) {
	s.t.Helper()
	days := []int{s.today}
	for range n {
		days = append(days, s.rng.IntN(s.today+1))
	}
	for _, d := range days {
		day := s.start.AddDate(0, 0, d)
		r, err := s.st.Receivables(s.ctx, day)
		if err != nil {
			s.t.Fatal(err)
		}
		wantOver, wantNotDue := s.position(day, s.today)
		if got := overdueRowsOf(r.Overdue); !slices.Equal(got, wantOver) || r.NotDue != wantNotDue {
			s.t.Fatalf("on %s, as of %s:\n got %v, not due %d\nwant %v, not due %d", store.FormatDate(s.day),
				store.FormatDate(day), got, r.NotDue, wantOver, wantNotDue)
		}
	}
	s.checkInvariants()
}

// chance is true with probability p.
func (s *sim) chance(p float64) bool { return s.rng.Float64() < p }

// daysBack is today or up to n days before (not before the start).
func (s *sim) daysBack(n int) time.Time {
	d := s.day.AddDate(0, 0, -s.rng.IntN(n+1))
	if d.Before(s.start) {
		return s.start
	}
	return d
}

// live is one working day of the ledger (nothing happens at weekends).
func (s *sim) live(day time.Time) {
	s.today, s.day = s.today+1, day
	s.at(store.FormatDate(day))
	if day.Weekday() == time.Saturday || day.Weekday() == time.Sunday {
		return
	}
	if s.chance(0.45) {
		s.issueInvoice()
	}
	if s.chance(0.25) {
		s.receivePayment()
	}
	if s.chance(0.15) {
		s.importDeposit()
	}
	if len(s.pending) > 0 && s.chance(0.3) {
		p := s.pending[0]
		s.pending = s.pending[1:]
		s.autoAllocate(p)
	}
	if s.chance(0.03) {
		s.undoAllocation()
	}
	if s.chance(0.02) {
		s.reversePayment()
	}
	if s.chance(0.04) {
		s.creditNote()
	}
	if s.chance(0.1) {
		s.closeShortfall()
	}
	if s.chance(0.01) {
		s.voidInvoice()
	}
}

func (s *sim) customer() store.Customer { return s.customers[s.rng.IntN(len(s.customers))] }

// issueInvoice issues an invoice dated today or up to four days before, due
// 0 to 60 days later.
func (s *sim) issueInvoice() {
	issue := s.day
	if s.chance(0.2) {
		issue = s.daysBack(4)
	}
	due := issue.AddDate(0, 0, 15*s.rng.IntN(5))
	total := store.Money(1_000 * (1 + s.rng.IntN(300)))
	if s.chance(0.3) {
		total += store.Money(s.rng.IntN(1_000))
	}
	c := s.customer()
	inv := s.invoice(c, store.FormatDate(issue), store.FormatDate(due), total)
	s.invoices = append(s.invoices, &simInvoice{id: inv.ID, customer: c.ID, number: inv.Number, issue: issue, due: due,
		total: total, entered: s.today, voided: -1})
}

// oldestOpen is the customer's open invoice due first (nil: none).
func (s *sim) oldestOpen(customerID int64) *simInvoice {
	var best *simInvoice
	for _, inv := range s.invoices {
		if inv.customer != customerID || s.openNow(inv) <= 0 {
			continue
		}
		if best == nil || inv.due.Before(best.due) || (inv.due.Equal(best.due) && inv.number < best.number) {
			best = inv
		}
	}
	return best
}

// receivePayment records a customer's payment received today or up to
// three days ago: the oldest open invoice in full, part of it, or more;
// allocated now, or on a later day.
func (s *sim) receivePayment() {
	c := s.customer()
	amount := store.Money(1_000 * (1 + s.rng.IntN(50)))
	if inv := s.oldestOpen(c.ID); inv != nil {
		open := s.openNow(inv)
		switch r := s.rng.Float64(); {
		case r < 0.6:
			amount = open
		case r < 0.8:
			amount = max(1, open/2)
		default:
			amount = open + amount
		}
	}
	p := s.pay(c, store.FormatDate(s.daysBack(3)), amount)
	sp := &simPayment{id: p.ID, customer: c.ID, date: p.Date, amount: amount, entered: s.today}
	s.payments = append(s.payments, sp)
	if s.chance(0.25) {
		s.pending = append(s.pending, sp)
		return
	}
	s.autoAllocate(sp)
}

// autoAllocate puts what is left of a live payment on its customer's open
// invoices and records what the store did.
func (s *sim) autoAllocate(p *simPayment) {
	if p.reversed {
		return
	}
	as, err := s.st.AutoAllocate(s.ctx, p.id)
	if err != nil {
		s.t.Fatalf("AutoAllocate: %v", err)
	}
	s.record(p, as)
}

func (s *sim) record(p *simPayment, as []store.Allocation) {
	for _, a := range as {
		s.allocs = append(s.allocs, &simAlloc{id: a.ID, invoice: a.InvoiceID, payment: p, amount: a.Amount,
			entered: s.today, undone: -1})
	}
}

// importDeposit imports a deposit of the bank dated one to three days ago
// paying a customer's oldest open invoice, less a transfer fee now and
// then, and confirms the match (closing the fee).
func (s *sim) importDeposit() {
	c := s.customer()
	inv := s.oldestOpen(c.ID)
	if inv == nil {
		return
	}
	open := s.openNow(inv)
	fee := store.Money(0)
	if open > 5_000 && s.chance(0.4) {
		fee = []store.Money{440, 660, 880}[s.rng.IntN(3)]
	}
	value := s.day.AddDate(0, 0, -1-s.rng.IntN(3))
	if value.Before(s.start) {
		value = s.start
	}
	s.bank++
	res, err := s.st.ImportBankLines(s.ctx, fmt.Sprintf("sim-%d.txt", s.today), []store.BankLine{{
		Account: "sim", Memo: fmt.Sprintf("sim-deposit-%d", s.bank), Date: value, Amount: open - fee, PayerName: "ｶ)ｼﾐﾕﾚｰｼﾖﾝ"}})
	if err != nil || len(res.Added) != 1 {
		s.t.Fatalf("ImportBankLines: %+v, %v", res, err)
	}
	p, err := s.st.ConfirmMatch(s.ctx, store.Match{LineID: res.Added[0].ID, CustomerID: c.ID, InvoiceIDs: []int64{inv.id},
		CloseFee: fee > 0})
	if err != nil {
		s.t.Fatalf("ConfirmMatch: %v", err)
	}
	sp := &simPayment{id: p.ID, customer: c.ID, date: value, amount: open - fee, entered: s.today}
	s.payments = append(s.payments, sp)
	_, as := s.payment(p.ID)
	s.record(sp, as)
	if fee > 0 {
		s.adjusts = append(s.adjusts, simDated{invoice: inv.id, amount: fee, date: value, entered: s.today})
	}
}

// undoAllocation reverses a live allocation as a correction, and now and
// then puts the money on the customer's open invoices again.
func (s *sim) undoAllocation() {
	var live []*simAlloc
	for _, a := range s.allocs {
		if a.undone < 0 && !a.payment.reversed {
			live = append(live, a)
		}
	}
	if len(live) == 0 {
		return
	}
	a := live[s.rng.IntN(len(live))]
	if err := s.st.ReverseAllocation(s.ctx, a.id, "別の請求書の入金"); err != nil {
		s.t.Fatalf("ReverseAllocation: %v", err)
	}
	a.undone = s.today
	if s.chance(0.5) {
		s.autoAllocate(a.payment)
	}
}

// reversePayment reverses a live payment: the money went back today.
func (s *sim) reversePayment() {
	var live []*simPayment
	for _, p := range s.payments {
		if !p.reversed {
			live = append(live, p)
		}
	}
	if len(live) == 0 {
		return
	}
	p := live[s.rng.IntN(len(live))]
	if err := s.st.ReversePayment(s.ctx, p.id, "返金"); err != nil {
		s.t.Fatalf("ReversePayment: %v", err)
	}
	p.reversed = true
	for _, a := range s.allocs {
		if a.payment == p && a.undone < 0 {
			a.undone, a.moneyBack, a.backOn = s.today, true, s.day
		}
	}
}

// openInvoices are the invoices with something open today.
func (s *sim) openInvoices(within store.Money) []*simInvoice {
	var out []*simInvoice
	for _, inv := range s.invoices {
		if open := s.openNow(inv); open > 0 && (within == 0 || open <= within) {
			out = append(out, inv)
		}
	}
	return out
}

// creditNote credits part or all of what is open on an invoice, dated today.
func (s *sim) creditNote() {
	open := s.openInvoices(0)
	if len(open) == 0 {
		return
	}
	inv := open[s.rng.IntN(len(open))]
	amount := 1 + store.Money(s.rng.Int64N(int64(s.openNow(inv))))
	s.datedCreditNote(store.Document{ID: inv.id}, store.FormatDate(s.day), amount)
	inv.credited = true
	s.credits = append(s.credits, simDated{invoice: inv.id, amount: amount, date: s.day, entered: s.today})
}

// closeShortfall closes a small rest as a discount, dated up to two days ago.
func (s *sim) closeShortfall() {
	open := s.openInvoices(1_000)
	if len(open) == 0 {
		return
	}
	inv := open[s.rng.IntN(len(open))]
	date := s.daysBack(2)
	a, err := s.st.CloseShortfall(s.ctx, inv.id, store.AdjustDiscount, date)
	if err != nil {
		s.t.Fatalf("CloseShortfall: %v", err)
	}
	s.adjusts = append(s.adjusts, simDated{invoice: inv.id, amount: a.Amount, date: date, entered: s.today})
}

// voidInvoice voids an invoice nothing is paid on and nothing credited: a
// void invoice never existed.
func (s *sim) voidInvoice() {
	var can []*simInvoice
	for _, inv := range s.invoices {
		if inv.voided >= 0 || inv.credited {
			continue
		}
		var paid store.Money
		for _, a := range s.allocs {
			if a.invoice == inv.id && a.undone < 0 {
				paid += a.amount
			}
		}
		if paid == 0 {
			can = append(can, inv)
		}
	}
	if len(can) == 0 {
		return
	}
	inv := can[s.rng.IntN(len(can))]
	if err := s.st.Void(s.ctx, inv.id, "二重発行"); err != nil {
		s.t.Fatalf("Void %s: %v", inv.number, err)
	}
	inv.voided = s.today
}

func (s *sim) count(f func(*simInvoice) bool) (n int) {
	for _, x := range s.invoices {
		if f(x) {
			n++
		}
	}
	return n
}

func (s *sim) countPayments(f func(*simPayment) bool) (n int) {
	for _, x := range s.payments {
		if f(x) {
			n++
		}
	}
	return n
}

func (s *sim) countAllocs(f func(*simAlloc) bool) (n int) {
	for _, x := range s.allocs {
		if f(x) {
			n++
		}
	}
	return n
}
