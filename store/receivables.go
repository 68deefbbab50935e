package store

import (
	"context"
	"time"
)

// Receivables is what customers owe on a day, as the overdue list, the aging
// report and the Reports screen all show it: the overdue invoices with their
// aging, and what is open but not yet due, counting only what is dated on or
// before the day.
type Receivables struct {
	AsOf        time.Time
	Overdue     []OverdueInvoice // the most overdue first
	Aging       AgingSummary     // Overdue summed per bucket and per customer
	NotDue      Money            // open on invoices issued by AsOf, due on it or later
	NotDueCount int
}

// Total is the whole of the receivables: overdue and not yet due.
func (r Receivables) Total() Money { return r.Aging.Total + r.NotDue }

// Count is how many invoices the receivables are open on.
func (r Receivables) Count() int { return r.Aging.Count + r.NotDueCount }

// Receivables reads the position as of asOf (a date; the time is ignored):
// one query, so the parts always add up to the same ledger.
func (s *Store) Receivables(ctx context.Context, asOf time.Time) (Receivables, error) {
	r := Receivables{AsOf: dateOnly(asOf)}
	var err error
	if r.Overdue, r.NotDue, r.NotDueCount, err = overdueAsOf(ctx, s.db, r.AsOf, 0, false); err != nil {
		return r, err
	}
	r.Aging = Aging(r.Overdue)
	return r, nil
}
