package pdf

import (
	"context"
	"time"

	"daicho/store"
)

// BuildReminder gathers a payment reminder from the ledger: the customer's
// invoices overdue as of asOf with what was still open on each that day
// (store.CustomerOverdue: only what is dated on or before it counts), to be
// paid by payBy. It is dated today (the store's clock). It has no invoices
// when none is overdue; the caller says so. The overdue screen prints it and
// the reminder mail (pdf/mail) attaches it, so both list the same invoices.
func BuildReminder(ctx context.Context, st *store.Store, customerID int64, asOf, payBy time.Time) (Reminder, error) {
	company, err := st.Company(ctx)
	if err != nil {
		return Reminder{}, err
	}
	cu, err := st.Customer(ctx, customerID)
	if err != nil {
		return Reminder{}, err
	}
	asOf = store.DateOf(asOf.Date())
	overdue, err := st.CustomerOverdue(ctx, customerID, asOf)
	if err != nil {
		return Reminder{}, err
	}
	r := Reminder{Company: company, Customer: cu, Date: store.Today(st.Now()), AsOf: asOf, PayBy: payBy}
	for _, b := range overdue {
		r.Invoices = append(r.Invoices, ReminderInvoice{Number: b.Number, IssueDate: b.IssueDate,
			DueDate: b.DueDate, Total: b.Total, Open: b.Open})
	}
	return r, nil
}
