package store

import (
	"context"
	"time"
)

// A position as of a day D — the overdue list, the aging report, the
// receivables, a reminder — counts only what existed on D:
//   - invoices issued on or before D (a void one never existed: a revision
//     keeps the date the customer knows, so counting the voided invoice
//     until its void would count it twice);
//   - allocations dated on or before D (the date is their payment's, or a
//     payment reversal's: see insertAllocation), so a payment received after
//     D paid nothing on D, and one reversed after D still had;
//   - adjustments dated on or before D;
//   - issued credit notes dated on or before D (a voided one never existed).
//
// Today is just D = today: one query serves every day. It reads the cached
// sums of today (invoice_balances) and takes off what is dated after D, so a
// position as of today or a recent day reads the open invoices from their
// partial index and the few records dated later from theirs (migration
// 0011), not every invoice's records.
const asOfBalances = `WITH later (invoice_id, paid, adjusted, credited) AS (
	SELECT invoice_id, amount, 0, 0 FROM allocations WHERE date > ?1
	UNION ALL SELECT invoice_id, 0, amount, 0 FROM adjustments WHERE date > ?1
	UNION ALL SELECT corrects_id, 0, 0, total FROM documents
		WHERE kind = 'credit_note' AND status = 'issued' AND corrects_id IS NOT NULL AND issue_date > ?1
), undone AS (
	SELECT invoice_id, sum(paid) AS paid, sum(adjusted) AS adjusted, sum(credited) AS credited
	FROM later GROUP BY invoice_id
), asof AS (
	-- open today: less what was recorded on them after D
	SELECT b.invoice_id, b.number, b.customer_id, b.issue_date, b.due_date, b.total,
		b.paid - coalesce(u.paid, 0) AS paid, b.adjusted - coalesce(u.adjusted, 0) AS adjusted,
		b.credited - coalesce(u.credited, 0) AS credited
	FROM invoice_balances b LEFT JOIN undone u ON u.invoice_id = b.invoice_id
	WHERE b.open > 0 AND b.issue_date <= ?1 AND b.due_date < ?3
	UNION ALL
	-- settled today, by something dated after D
	SELECT b.invoice_id, b.number, b.customer_id, b.issue_date, b.due_date, b.total,
		b.paid - u.paid, b.adjusted - u.adjusted, b.credited - u.credited
	FROM undone u JOIN invoice_balances b ON b.invoice_id = u.invoice_id
	WHERE b.open = 0 AND b.issue_date <= ?1 AND b.due_date < ?3
)
SELECT b.invoice_id, b.number, b.customer_id, c.code, c.name, c.person_in_charge,
	b.issue_date, b.due_date, b.total, b.paid, b.adjusted, b.credited
FROM asof b JOIN customers c ON c.id = b.customer_id
WHERE b.total - b.paid - b.adjusted - b.credited > 0 AND (?2 = 0 OR b.customer_id = ?2)
ORDER BY b.due_date, b.number, b.invoice_id`

// openAsOf lists the invoices with something open as of day (of one
// customer, or all when customerID is 0), with what was paid, adjusted and
// credited on each by then, the oldest due date first (then by number). With
// overdueOnly, only those due before day (and those without a due date, which
// the caller leaves out): the overdue list then reads no more rows than it shows.
func openAsOf(ctx context.Context, q queryer, day time.Time, customerID int64, overdueOnly bool) ([]InvoiceBalance, error) {
	dueBefore := "9999-12-31~" // after every date: due any day
	if overdueOnly {
		dueBefore = FormatDate(day)
	}
	return scanBalances(ctx, q, asOfBalances, FormatDate(day), customerID, dueBefore)
}

// overdueAsOf splits the invoices open as of day into the overdue ones (due
// before day), with their days and buckets, and what is open on the rest
// (not yet due on day; with overdueOnly, not read at all).
func overdueAsOf(ctx context.Context, q queryer, day time.Time, customerID int64, overdueOnly bool) (over []OverdueInvoice,
	notDue Money, notDueCount int, err error) {
	open, err := openAsOf(ctx, q, day, customerID, overdueOnly)
	if err != nil {
		return nil, 0, 0, err
	}
	over = make([]OverdueInvoice, 0, len(open))
	for _, b := range open {
		if b.DueDate.IsZero() || !b.DueDate.Before(day) {
			notDue += b.Open
			notDueCount++
			continue
		}
		days := int(day.Sub(b.DueDate).Hours() / 24)
		over = append(over, OverdueInvoice{InvoiceBalance: b, DaysOverdue: days, Bucket: BucketOf(days)})
	}
	return over, notDue, notDueCount, nil
}
