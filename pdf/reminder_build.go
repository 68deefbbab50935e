package pdf

import (
	"context"
	"time"

	"daicho/store"
)

// BuildReminder gathers a payment reminder dated today from the ledger: the
// customer's invoices overdue today with what is still open on each, to be
// paid by payBy. It has no invoices when none is overdue; the caller says so.
// The overdue screen prints it and the reminder mail (pdf/mail) attaches it,
// so both list the same invoices.
func BuildReminder(ctx context.Context, st *store.Store, customerID int64, today, payBy time.Time) (Reminder, error) {
	company, err := st.Company(ctx)
	if err != nil {
		return Reminder{}, err
	}
	cu, err := st.Customer(ctx, customerID)
	if err != nil {
		return Reminder{}, err
	}
	open, err := st.InvoiceBalances(ctx, store.BalanceFilter{CustomerID: customerID, OpenOnly: true})
	if err != nil {
		return Reminder{}, err
	}
	r := Reminder{Company: company, Customer: cu, Date: today, PayBy: payBy}
	for _, b := range open {
		if b.Status(today) == store.BalanceOverdue {
			r.Invoices = append(r.Invoices, ReminderInvoice{Number: b.Number, IssueDate: b.IssueDate,
				DueDate: b.DueDate, Total: b.Total, Open: b.Open})
		}
	}
	return r, nil
}
