package store

import (
	"context"
	"fmt"
	"time"
)

// Renewals (契約更新). A contract with an end date needs a decision before it:
// renew it or let it end. The decision is due NoticeDays before the end date
// (the notice period of the contract), so from then on it is listed by
// RenewalsDue until it is renewed (RenewContract) or ended (EndContract). An
// auto-renewing contract renews itself in the billing run of the month its
// term runs out (see renewalSteps); it is listed too while its notice period
// runs, as that is when it can still be stopped.

// RenewContract extends an active contract's end date by its renewal term
// (RenewalMonths), writing the history row and the audit row. An end date on
// a month's last day stays on the last day (2027-02-28 + 1 month is
// 2027-03-31); another day keeps its number where the month has it.
func (s *Store) RenewContract(ctx context.Context, id int64) (Contract, error) {
	var out Contract
	err := s.write(ctx, func(tx *Tx) error {
		c, err := loadContract(ctx, tx, id, Today(tx.now))
		if err != nil {
			return err
		}
		switch {
		case c.Status != ContractActive:
			return &Error{Code: CodeConflict, Reason: "contract.not_active"}
		case c.End.IsZero():
			return &Error{Code: CodeConflict, Field: "end", Reason: "contract.open_ended"}
		case c.RenewalMonths == 0:
			return &Error{Code: CodeConflict, Field: "renewal_months", Reason: "contract.renew_needs_term"}
		}
		if err := tx.renew(&c, []time.Time{addMonthsKeepEnd(c.End, c.RenewalMonths)}, false); err != nil {
			return err
		}
		out, err = loadContract(ctx, tx, id, Today(tx.now))
		return err
	})
	return out, err
}

// renew extends c's end date through each of ends in turn, one history row
// and one audit row per term.
func (tx *Tx) renew(c *Contract, ends []time.Time, auto bool) error {
	old := c.End
	for _, end := range ends {
		if _, err := tx.ExecContext(tx.ctx, `INSERT INTO contract_renewals (contract_id, old_end, new_end, auto, actor, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`, c.ID, FormatDate(old), FormatDate(end), auto, tx.actor, stamp(tx.now)); err != nil {
			return err
		}
		if _, err := tx.ExecContext(tx.ctx, `UPDATE contracts SET end_date = ?, version = version + 1, updated_at = ?
			WHERE id = ?`, FormatDate(end), stamp(tx.now), c.ID); err != nil {
			return err
		}
		if err := tx.audit("renew", "contract", fmt.Sprint(c.ID), map[string]string{"number": c.Number, "end": FormatDate(old)},
			map[string]any{"number": c.Number, "end": FormatDate(end), "auto": auto}); err != nil {
			return err
		}
		old = end
		c.Version++
	}
	c.End = old
	return nil
}

// Renewal is one extension of a contract's term.
type Renewal struct {
	OldEnd, NewEnd time.Time
	Auto           bool // made by a billing run
	Actor          string
	At             string // when, RFC 3339
}

// ContractRenewals returns a contract's renewals, oldest first.
func (s *Store) ContractRenewals(ctx context.Context, id int64) ([]Renewal, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT old_end, new_end, auto, actor, created_at FROM contract_renewals
		WHERE contract_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Renewal
	for rows.Next() {
		var r Renewal
		var oldEnd, newEnd string
		if err := rows.Scan(&oldEnd, &newEnd, &r.Auto, &r.Actor, &r.At); err != nil {
			return nil, err
		}
		r.OldEnd, r.NewEnd = mustDate(oldEnd), mustDate(newEnd)
		out = append(out, r)
	}
	return out, rows.Err()
}

// RenewalsDue lists the active contracts needing a decision on asOf: those
// with an end date at most NoticeDays after asOf, or already past, soonest
// end first. Auto-renewing ones are listed too (they renew in the billing
// run unless ended first).
func (s *Store) RenewalsDue(ctx context.Context, asOf time.Time) ([]ContractSummary, error) {
	asOf = DateOf(asOf.Year(), asOf.Month(), asOf.Day())
	list, err := contractSummaries(ctx, s.db, `k.status = 'active' AND k.end_date <> ''
		AND date(k.end_date, '-' || k.notice_days || ' days') <= ?`, []any{FormatDate(asOf)}, asOf)
	if err != nil {
		return nil, err
	}
	sortSummariesByEnd(list)
	return list, nil
}

func sortSummariesByEnd(list []ContractSummary) {
	// Insertion sort keeps equal ends in number order (the order loaded).
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && list[j].End.Before(list[j-1].End); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

// addMonthsKeepEnd adds n months to d; a month's last day stays the last day,
// and a day the target month lacks becomes its last day (01-31 + 1 month is
// 02-28).
func addMonthsKeepEnd(d time.Time, n int) time.Time {
	y, m, day := d.Date()
	if day == daysIn(y, m) {
		return MonthEndOf(y, m+time.Month(n))
	}
	return dayOfMonth(y, m+time.Month(n), day)
}

// renewalSteps are the end dates an auto-renewing active contract takes in
// the billing run of month: while its end date falls before the month's last
// day, it renews by its term. None for any other contract.
func (c *Contract) renewalSteps(month time.Time) []time.Time {
	if c.Status != ContractActive || !c.AutoRenew || c.End.IsZero() || c.RenewalMonths <= 0 {
		return nil
	}
	last := MonthEndOf(month.Year(), month.Month())
	var steps []time.Time
	for end := c.End; end.Before(last) && len(steps) < 1200; {
		end = addMonthsKeepEnd(end, c.RenewalMonths)
		steps = append(steps, end)
	}
	return steps
}

// renewedFor is the contract as it stands in the billing run of month, after
// the auto-renewals of renewalSteps.
func (c *Contract) renewedFor(month time.Time) Contract {
	r := *c
	if steps := c.renewalSteps(month); len(steps) > 0 {
		r.End = steps[len(steps)-1]
	}
	return r
}
