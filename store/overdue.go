package store

import (
	"context"
	"sort"
	"time"
)

// Aging buckets of overdue invoices, by days past the due date.
const (
	Bucket1To30  = "1-30"
	Bucket31To60 = "31-60"
	Bucket61To90 = "61-90"
	BucketOver90 = "90+" // 91 days and more
)

// AgingBuckets lists the buckets in order.
var AgingBuckets = []string{Bucket1To30, Bucket31To60, Bucket61To90, BucketOver90}

// BucketOf is the aging bucket of an invoice days overdue (days ≥ 1).
func BucketOf(days int) string {
	switch {
	case days <= 30:
		return Bucket1To30
	case days <= 60:
		return Bucket31To60
	case days <= 90:
		return Bucket61To90
	}
	return BucketOver90
}

// OverdueInvoice is an invoice with something open after its due date.
type OverdueInvoice struct {
	InvoiceBalance
	DaysOverdue int    // days from the due date to the as-of date (≥ 1)
	Bucket      string // "1-30", "31-60", "61-90" or "90+"
	// Next is the invoice's next reminder stage (issue 14), filled by
	// AttachStages; HoldReason the customer's hold ("": not held).
	Next       StageDue
	HoldReason string
}

// AttachStages fills in each overdue invoice's next reminder stage as of
// asOf (the day the list is as of), by the one rule of InvoiceStages.
func (s *Store) AttachStages(ctx context.Context, asOf time.Time, items []OverdueInvoice) error {
	stages, err := s.InvoiceStages(ctx, asOf)
	if err != nil {
		return err
	}
	byID := make(map[int64]*InvoiceStage, len(stages))
	for i := range stages {
		byID[stages[i].InvoiceID] = &stages[i]
	}
	for i := range items {
		if st, ok := byID[items[i].InvoiceID]; ok {
			items[i].Next, items[i].HoldReason = st.StageDue, st.HoldReason
		}
	}
	return nil
}

// Overdue lists the issued invoices with something open as of asOf (a date;
// the time of day is ignored) whose due date is before it, the most overdue
// first (then by number). Only what is dated on or before asOf counts (see
// asOfBalances): as of a past day, an invoice paid since is overdue again.
func (s *Store) Overdue(ctx context.Context, asOf time.Time) ([]OverdueInvoice, error) {
	over, _, _, err := overdueAsOf(ctx, s.db, dateOnly(asOf), 0, true)
	return over, err
}

// CustomerOverdue is Overdue for one customer: what a reminder as of asOf
// lists.
func (s *Store) CustomerOverdue(ctx context.Context, customerID int64, asOf time.Time) ([]OverdueInvoice, error) {
	if customerID == 0 {
		return nil, nil // 0 would mean every customer
	}
	over, _, _, err := overdueAsOf(ctx, s.db, dateOnly(asOf), customerID, true)
	return over, err
}

// AgingSummary totals overdue invoices per bucket and per customer.
type AgingSummary struct {
	Buckets    map[string]Money // open amount per bucket (every bucket present)
	Counts     map[string]int   // invoices per bucket
	Total      Money
	Count      int
	ByCustomer []CustomerAging // the largest total first (then by code)
}

// NotDue sums what is open as of asOf on the invoices issued by then and
// not yet due on it (due that day or later): with the overdue buckets, the
// whole of the receivables, as an aging report shows them. Like Overdue, it
// counts only what is dated on or before asOf.
func (s *Store) NotDue(ctx context.Context, asOf time.Time) (open Money, count int, err error) {
	_, open, count, err = overdueAsOf(ctx, s.db, dateOnly(asOf), 0, false)
	return open, count, err
}

// CustomerAging is one customer's overdue total.
type CustomerAging struct {
	CustomerID     int64
	Code           string
	Name           string
	PersonInCharge string
	Total          Money
	Count          int
	Oldest         int // days overdue of its most overdue invoice
}

// Aging sums overdue invoices (as Overdue returns them) per bucket and per
// customer. It reads nothing: the screen computes it from the list it shows.
func Aging(items []OverdueInvoice) AgingSummary {
	a := AgingSummary{Buckets: make(map[string]Money, 4), Counts: make(map[string]int, 4)}
	for _, b := range AgingBuckets {
		a.Buckets[b], a.Counts[b] = 0, 0
	}
	idx := map[int64]int{}
	for i := range items {
		it := &items[i]
		a.Buckets[it.Bucket] += it.Open
		a.Counts[it.Bucket]++
		a.Total += it.Open
		a.Count++
		k, ok := idx[it.CustomerID]
		if !ok {
			k = len(a.ByCustomer)
			idx[it.CustomerID] = k
			a.ByCustomer = append(a.ByCustomer, CustomerAging{CustomerID: it.CustomerID, Code: it.CustomerCode,
				Name: it.CustomerName, PersonInCharge: it.PersonInCharge})
		}
		c := &a.ByCustomer[k]
		c.Total += it.Open
		c.Count++
		c.Oldest = max(c.Oldest, it.DaysOverdue)
	}
	sort.Slice(a.ByCustomer, func(i, j int) bool {
		x, y := a.ByCustomer[i], a.ByCustomer[j]
		if x.Total != y.Total {
			return x.Total > y.Total
		}
		return x.Code < y.Code
	})
	return a
}
