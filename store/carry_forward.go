package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"
)

// CarryForward is the head of a carry-forward invoice (繰越請求書): where the
// customer's account stood at the previous closing, what moved on it in
// this cycle, and this cycle's sales. It always reconciles:
// PreviousBilled − Received − Adjusted = Carried, and Billed = Carried + Current.
type CarryForward struct {
	PreviousClosing time.Time // the previous cycle's closing date
	PreviousBilled  Money     // 前回請求額: open on the customer's invoices as of PreviousClosing
	Received        Money     // 今回入金額: paid on those invoices in the cycle
	Adjusted        Money     // 調整額: fees, discounts and credit notes on them in the cycle
	Carried         Money     // 繰越金額: what of them is still open on the closing date
	Current         Money     // 今回お買上額: this invoice's total (its per-rate taxes are its own)
	Billed          Money     // 今回請求額 = Carried + Current
}

// carryForwardAsOf computes a carry-forward invoice's figures from the
// ledger as of closing, for the cycle after previous: the invoices open as
// of previous (asof.go: issued by then, less what was paid, adjusted and
// credited by then), and what was recorded on exactly those invoices after
// previous up to closing. Payments, adjustments and credit notes dated after
// closing do not count, so the figures are the same whenever they are
// computed. current is this cycle's invoice total.
//
// The previous closing invoice is among the invoices open as of previous
// (it is dated on its closing date), so PreviousBilled is its 今回請求額
// when every earlier invoice was on it; an invoice made outside the run in
// the previous cycle, or an opening balance, is counted too: the account is
// what the ledger says, never a typed figure.
func carryForwardAsOf(ctx context.Context, q queryer, customerID int64, previous, closing time.Time, current Money) (CarryForward, error) {
	cf := CarryForward{PreviousClosing: previous, Current: current}
	before, err := openAsOf(ctx, q, previous, customerID, false)
	if err != nil || len(before) == 0 {
		cf.Billed = current
		return cf, err
	}
	ids := make([]any, 0, len(before)+2)
	ids = append(ids, FormatDate(previous), FormatDate(closing))
	for _, b := range before {
		cf.PreviousBilled += b.Open
		ids = append(ids, b.InvoiceID)
	}
	// Numbered parameters: the list is named three times.
	marks := make([]string, len(before))
	for i := range before {
		marks[i] = "?" + strconv.Itoa(i+3)
	}
	in := "(" + strings.Join(marks, ", ") + ")"
	// What was recorded on them in the cycle, by kind: allocations (a
	// reversal's negative one included) are received; adjustments and issued
	// credit notes are adjusted.
	err = q.QueryRowContext(ctx, `SELECT
		coalesce((SELECT sum(amount) FROM allocations WHERE date > ?1 AND date <= ?2 AND invoice_id IN `+in+`), 0),
		coalesce((SELECT sum(amount) FROM adjustments WHERE date > ?1 AND date <= ?2 AND invoice_id IN `+in+`), 0)
		+ coalesce((SELECT sum(total) FROM documents WHERE kind = 'credit_note' AND status = 'issued'
			AND issue_date > ?1 AND issue_date <= ?2 AND corrects_id IN `+in+`), 0)`,
		ids...).Scan(&cf.Received, &cf.Adjusted)
	if err != nil {
		return cf, err
	}
	cf.Carried = cf.PreviousBilled - cf.Received - cf.Adjusted
	cf.Billed = cf.Carried + current
	return cf, nil
}

// loadCarryForward reads the figures a closing run kept for invoice id (nil
// when it is not a carry-forward closing invoice); Current and Billed
// follow the invoice's total.
func loadCarryForward(ctx context.Context, q queryer, id int64, total Money) (*CarryForward, error) {
	var cf CarryForward
	var prev string
	err := q.QueryRowContext(ctx, `SELECT previous_date, previous_billed, received, adjusted, carried
		FROM closing_invoices WHERE document_id = ? AND style = 'carry_forward'`, id).
		Scan(&prev, &cf.PreviousBilled, &cf.Received, &cf.Adjusted, &cf.Carried)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	cf.PreviousClosing = mustDate(prev)
	cf.Current, cf.Billed = total, cf.Carried+total
	return &cf, nil
}
