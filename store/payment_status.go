package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"time"
)

// An issued invoice's payment status on the documents list, the document's
// own view and the JSON of list documents. The figures are always those of
// invoice_balances (what the overdue list, the payment screens and the CSV
// export read), and the status is always InvoiceBalance.Status: a face only
// translates the word.

// PaymentFilters are the payment statuses a documents list can be narrowed
// to (DocumentFilter.Payment, list documents --status): the three of
// payment_status, and overdue, which is unpaid or partly paid past the due
// date on a given day.
var PaymentFilters = []string{BalanceUnpaid, BalancePartlyPaid, BalancePaid, BalanceOverdue}

// issuedInvoiceBalance reads an issued invoice's row of invoice_balances; nil
// when it has none (a draft, a void invoice, another kind).
func issuedInvoiceBalance(ctx context.Context, q queryer, id int64) (*InvoiceBalance, error) {
	b, err := scanBalance(q.QueryRowContext(ctx, balanceSelect+` WHERE b.invoice_id = ?`, id), false)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &b, nil
}

// PaymentState is the document's payment status on today (overdue when
// something is open past the due date); "" but for an issued invoice.
func (d *Document) PaymentState(today time.Time) string {
	if d.Balance == nil {
		return ""
	}
	return d.Balance.Status(today)
}

// balance is the summary's figures as an InvoiceBalance, for Status.
func (d *DocumentSummary) balance() InvoiceBalance {
	return InvoiceBalance{InvoiceID: d.ID, Number: d.Number, CustomerID: d.CustomerID, CustomerCode: d.CustomerCode,
		CustomerName: d.CustomerName, IssueDate: d.IssueDate, DueDate: d.DueDate, Total: d.Total,
		Paid: d.Paid, Adjusted: d.Adjusted, Credited: d.Credited, Open: d.Open}
}

// PaymentState is the payment status on today: PaymentStatus, or overdue
// when something is open past the due date; "" but for an issued invoice.
func (d *DocumentSummary) PaymentState(today time.Time) string {
	if d.PaymentStatus == "" {
		return ""
	}
	return d.balance().Status(today)
}

// HasPayment reports whether the document is an issued invoice of the
// payment filter (one of PaymentFilters): unpaid, partly_paid and paid
// compare PaymentStatus (an overdue unpaid invoice is unpaid), overdue is
// PaymentState on today.
func (d *DocumentSummary) HasPayment(filter string, today time.Time) bool {
	if filter == BalanceOverdue {
		return d.PaymentState(today) == BalanceOverdue
	}
	return d.PaymentStatus != "" && d.PaymentStatus == filter
}

// HasStatus reports whether the document shows under a status filter: one
// of PaymentFilters (HasPayment), or a document status as DisplayStatus
// reads it on today (so an estimate past its valid-until date is expired,
// not issued).
func (d *DocumentSummary) HasStatus(filter string, today time.Time) bool {
	if slices.Contains(PaymentFilters, filter) {
		return d.HasPayment(filter, today)
	}
	return d.DisplayStatus(today) == filter
}

// ListStatus is the one status a list shows for the document on today: an
// issued invoice's payment state (unpaid, partly_paid, paid, overdue), any
// other document's DisplayStatus (draft, issued, expired, void…).
func (d *DocumentSummary) ListStatus(today time.Time) string {
	if s := d.PaymentState(today); s != "" {
		return s
	}
	return d.DisplayStatus(today)
}
