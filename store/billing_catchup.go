package store

import (
	"context"
	"database/sql"
	"time"
)

// Catching up (issue 16). A month nobody ran stays owed: the billing run
// suggests the earliest month that still has something to bill, and can
// bill every such month up to the one asked for, oldest first, so invoice
// numbers and dates follow the calendar.

// catchUpLookback is how far back UnbilledMonths looks: a year of missed
// runs, so an old contract never billed does not make every month since
// its start a suggestion.
const catchUpLookback = 12

// UnbilledMonths returns the months up to and including through, oldest
// first, whose billing run would make at least one invoice: periods due
// and never billed. Months only archived customers' contracts are due in
// (BillingPlan.Held) do not count: they wait for a decision, not a run. It
// looks back at most catchUpLookback months before through, and never
// before the earliest start of an active or ended contract.
func (s *Store) UnbilledMonths(ctx context.Context, through time.Time) ([]time.Time, error) {
	return unbilledMonths(ctx, s.db, through)
}

func unbilledMonths(ctx context.Context, q queryer, through time.Time) ([]time.Time, error) {
	if through.IsZero() {
		return nil, Invalid("month", "required")
	}
	last := monthNumber(through)
	var earliest sql.NullString
	if err := q.QueryRowContext(ctx, `SELECT min(start_date) FROM contracts WHERE status IN ('active', 'ended')`).
		Scan(&earliest); err != nil {
		return nil, err
	}
	if !earliest.Valid {
		return nil, nil
	}
	first := max(monthNumber(mustDate(earliest.String)), last-catchUpLookback)
	var out []time.Time
	for m := first; m <= last; m++ {
		w, err := planBilling(ctx, q, monthOfNumber(m))
		if err != nil {
			return nil, err
		}
		if len(w.plan.Invoices) > 0 {
			out = append(out, w.plan.Month)
		}
	}
	return out, nil
}

// SuggestBillingMonth is the month a billing run should bill next: the
// earliest unbilled month up to through (see UnbilledMonths), else through
// itself.
func (s *Store) SuggestBillingMonth(ctx context.Context, through time.Time) (time.Time, error) {
	ms, err := s.UnbilledMonths(ctx, through)
	if err != nil {
		return time.Time{}, err
	}
	if len(ms) > 0 {
		return ms[0], nil
	}
	return DateOf(through.Year(), through.Month(), 1), nil
}

// RunBillingThrough bills every unbilled month up to and including through,
// oldest first, each exactly as RunBilling bills it, all in one
// transaction: if one month fails, no month is written. It returns one
// result per month billed; a month with nothing to bill is left out, except
// through itself, which is always reported.
func (s *Store) RunBillingThrough(ctx context.Context, through time.Time, issue bool) ([]BillingResult, error) {
	var out []BillingResult
	err := s.write(ctx, func(tx *Tx) error {
		out = nil
		months, err := unbilledMonths(ctx, tx, through)
		if err != nil {
			return err
		}
		last := DateOf(through.Year(), through.Month(), 1)
		if len(months) == 0 || !months[len(months)-1].Equal(last) {
			months = append(months, last)
		}
		for _, m := range months {
			res, err := tx.runBilling(ctx, m, issue)
			if err != nil {
				return err
			}
			out = append(out, res)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
