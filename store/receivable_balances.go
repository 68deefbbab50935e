package store

import (
	"context"
	"time"
)

// 売掛金残高一覧表: each customer's receivables over a period — what was open
// before it, what was invoiced, received and adjusted in it, and what is
// open at its end — read by the same rules as every position as of a day
// (asof.go): an invoice counts from its issue date (a void one never), an
// allocation from its date, an adjustment from its date, a credit note from
// its issue date. So the previous balance is the sum of open amounts as of
// the day before From, the closing balance that as of To, and
// previous + invoiced − received − adjusted = closing for every customer.
//
// Received is what payments paid on invoices; money received but not yet
// applied to an invoice (a customer's credit) is not a receivable and is not
// in the report. Adjusted is fee and discount adjustments and credit notes.

// BalanceRow is one customer's line of the balances report (or the total).
type BalanceRow struct {
	CustomerID int64
	Code, Name string
	Previous   Money // open as of the day before From
	Invoiced   Money // invoices issued in the period
	Received   Money // payments applied to invoices, counted in the period
	Adjusted   Money // fee and discount adjustments and credit notes, counted in the period
	Closing    Money // open as of To
}

// BalancesReport is the receivables by customer over From–To (inclusive).
type BalancesReport struct {
	From, To time.Time
	Rows     []BalanceRow // by customer code; customers with nothing to show left out
	Total    BalanceRow
}

// A move (payment applied, adjustment, credit note) on an invoice counts in
// the previous balance when both the invoice and the move are dated before
// From; every other move counted by To is the period's: one dated before
// From on an invoice issued in the period too (the invoice is the period's,
// so is what settled it).
const balancesQuery = `WITH inv AS (
	SELECT invoice_id, customer_id, issue_date < ?1 AS old, total FROM invoice_balances WHERE issue_date <= ?2
), moves AS (
	SELECT inv.customer_id, a.date < ?1 AND inv.old AS before, a.amount AS paid, 0 AS adj
	FROM allocations a JOIN inv ON inv.invoice_id = a.invoice_id WHERE a.date <= ?2
	UNION ALL
	SELECT inv.customer_id, j.date < ?1 AND inv.old, 0, j.amount
	FROM adjustments j JOIN inv ON inv.invoice_id = j.invoice_id WHERE j.date <= ?2
	UNION ALL
	SELECT inv.customer_id, d.issue_date < ?1 AND inv.old, 0, d.total
	FROM documents d JOIN inv ON inv.invoice_id = d.corrects_id
	WHERE d.kind = 'credit_note' AND d.status = 'issued' AND d.issue_date <= ?2
), parts (customer_id, prev, invoiced, received, adjusted) AS (
	SELECT customer_id, iif(old, total, 0), iif(old, 0, total), 0, 0 FROM inv
	UNION ALL
	SELECT customer_id, iif(before, -(paid + adj), 0), 0, iif(before, 0, paid), iif(before, 0, adj) FROM moves
)
SELECT p.customer_id, c.code, c.name, sum(p.prev), sum(p.invoiced), sum(p.received), sum(p.adjusted)
FROM parts p JOIN customers c ON c.id = p.customer_id
GROUP BY p.customer_id
HAVING sum(p.prev) <> 0 OR sum(p.invoiced) <> 0 OR sum(p.received) <> 0 OR sum(p.adjusted) <> 0
ORDER BY c.code, p.customer_id`

// ReceivableBalances reads the balances report of from–to (dates; the time
// is ignored) in one query.
func (s *Store) ReceivableBalances(ctx context.Context, from, to time.Time) (BalancesReport, error) {
	r := BalancesReport{From: dateOnly(from), To: dateOnly(to)}
	switch {
	case from.IsZero():
		return r, Invalid("from", "required")
	case to.IsZero():
		return r, Invalid("to", "required")
	case r.To.Before(r.From):
		return r, Invalid("to", "report.to_before_from", FormatDate(r.From))
	}
	rows, err := s.db.QueryContext(ctx, balancesQuery, FormatDate(r.From), FormatDate(r.To))
	if err != nil {
		return r, err
	}
	defer rows.Close()
	for rows.Next() {
		var b BalanceRow
		if err := rows.Scan(&b.CustomerID, &b.Code, &b.Name, &b.Previous, &b.Invoiced, &b.Received,
			&b.Adjusted); err != nil {
			return r, err
		}
		b.Closing = b.Previous + b.Invoiced - b.Received - b.Adjusted
		r.Rows = append(r.Rows, b)
		r.Total.Previous += b.Previous
		r.Total.Invoiced += b.Invoiced
		r.Total.Received += b.Received
		r.Total.Adjusted += b.Adjusted
		r.Total.Closing += b.Closing
	}
	return r, rows.Err()
}
