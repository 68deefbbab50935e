package store

import (
	"context"
	"time"
)

// A statement of account (取引明細書) lists what a customer was charged and
// what it paid or was let off over a period, after the balance it owed
// before. Documents and payments have their own lists; these are the two
// queries a statement needs beyond them. Both count the records the same way
// as CustomerBalance and StatementCustomers: issued invoices and credit notes
// (drafts owe nothing, void documents never did), every payment record (a
// reversal is a negative one), and the adjustments of issued invoices (a
// voided invoice is not owed, so neither is what closed it).

// InvoiceAdjustment is an adjustment with the number of the invoice it closed,
// for a statement's line.
type InvoiceAdjustment struct {
	Adjustment
	Number string
}

// CustomerAdjustments lists the adjustments on a customer's issued invoices
// dated from–to (inclusive; a zero bound leaves that side open), by date,
// then in the order they were made.
func (s *Store) CustomerAdjustments(ctx context.Context, customerID int64, from, to time.Time) ([]InvoiceAdjustment, error) {
	lo, hi := periodBounds(from, to)
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.invoice_id, a.kind, a.amount, a.date, a.reason, a.policy, d.number
		FROM adjustments a JOIN documents d ON d.id = a.invoice_id
		WHERE d.customer_id = ? AND d.status = 'issued' AND a.date >= ? AND a.date <= ?
		ORDER BY a.date, a.id`, customerID, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []InvoiceAdjustment
	for rows.Next() {
		var a InvoiceAdjustment
		var date string
		if err := rows.Scan(&a.ID, &a.InvoiceID, &a.Kind, &a.Amount, &date, &a.Reason, &a.Policy, &a.Number); err != nil {
			return nil, err
		}
		a.Date = mustDate(date)
		out = append(out, a)
	}
	return out, rows.Err()
}

// BalanceBefore is what a customer owed at the start of day by the dated
// records: its issued invoices less its issued credit notes, payments (a
// reversal adds back) and the adjustments of its issued invoices, all dated
// before day; negative when it paid ahead. With nothing dated from day on,
// it is CustomerBalance's Receivable − Unapplied. A zero day is the
// beginning of time: nothing is before it.
func (s *Store) BalanceBefore(ctx context.Context, customerID int64, day time.Time) (Money, error) {
	if day.IsZero() {
		return 0, nil
	}
	bound := FormatDate(day)
	// Four sums rather than one expression: SQLite turns an integer overflow
	// in arithmetic into a float, and a rounded balance would be a wrong
	// figure; sum() itself refuses to overflow, and the Go side checks the rest.
	var invoiced, credited, paid, adjusted Money
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(sum(total), 0) FROM documents WHERE customer_id = ?1 AND kind = 'invoice'
			AND status = 'issued' AND issue_date < ?2),
		(SELECT coalesce(sum(total), 0) FROM documents WHERE customer_id = ?1 AND kind = 'credit_note'
			AND status = 'issued' AND issue_date < ?2),
		(SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = ?1 AND date < ?2),
		(SELECT coalesce(sum(a.amount), 0) FROM adjustments a JOIN documents d ON d.id = a.invoice_id
			WHERE d.customer_id = ?1 AND d.status = 'issued' AND a.date < ?2)`,
		customerID, bound).Scan(&invoiced, &credited, &paid, &adjusted)
	if err != nil {
		return 0, err
	}
	balance := invoiced
	for _, less := range []Money{credited, paid, adjusted} {
		if balance, err = addMoney(balance, -less); err != nil {
			return 0, err
		}
	}
	return balance, nil
}
