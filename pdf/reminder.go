package pdf

import (
	"fmt"
	"io"
	"time"

	"daicho/store"
)

// Reminder is a payment reminder (督促状) listing a customer's overdue
// invoices.
type Reminder struct {
	Company  store.Company
	Customer store.Customer
	Date     time.Time // the reminder's date (the day it is written)
	AsOf     time.Time // the day the invoices are overdue on, with what was open then (zero: Date)
	PayBy    time.Time // the date asked for
	Invoices []ReminderInvoice
	// A staged reminder (issue 14) prints its stage's words: Title in place
	// of 督促状 / Payment reminder, Body in place of the standard letter.
	Title, Body string
}

// ReminderInvoice is one overdue invoice: what it was and what is still open.
type ReminderInvoice struct {
	Number             string
	IssueDate, DueDate time.Time
	Total, Open        store.Money
}

// Reminder table columns, in millimetres.
const (
	rmNumberW = 38.0
	rmDateW   = 34.0
	rmMoneyW  = (contentWidth - rmNumberW - 2*rmDateW) / 2
)

// RenderReminder writes the reminder as a PDF in the customer's language:
// the request to pay by a date, the overdue invoices with their due dates
// and open amounts, the total, and the bank account.
func RenderReminder(w io.Writer, r Reminder) error {
	cur, ok := store.CurrencyByCode(r.Company.Currency)
	if !ok {
		return fmt.Errorf("pdf: reminder: unknown currency %q", r.Company.Currency)
	}
	l := labelsFor(r.Customer.Language)
	open, err := openTotal(r.Invoices)
	if err != nil {
		return err
	}
	title := l.reminderTitle
	if r.Title != "" {
		title = r.Title
	}
	// The document's strings, so the font's first cut has what it prints.
	hint := fmt.Sprint(r, l, l.date(r.Date))
	return renderFitted(w, hint, docInfo{title: title, author: r.Company.Name, subject: r.Customer.Name, created: r.Date},
		"", footer{left: title + " " + r.Customer.Code, page: l.page}, func(c *canvas) {
			c.titleBlock(title, "")
			fields, body := []field{{l.issueDate, l.date(r.Date)}}, fmt.Sprintf(l.reminderBody, l.date(r.PayBy))
			if !r.AsOf.IsZero() && !r.AsOf.Equal(r.Date) {
				// Made for another day than its own: it says which, in the header
				// and where the letter says "as of today".
				fields = append(fields, field{l.asOf, l.date(r.AsOf)})
				body = fmt.Sprintf(l.reminderBodyAsOf, l.date(r.AsOf), l.date(r.PayBy))
			}
			if r.Body != "" {
				body = r.Body
			}
			c.partiesBlock(l, customerParty(r.Customer), fields, r.Company)
			c.paragraph(body, sizeBody)
			c.y += smallGap
			c.amountBox(l.reminderOpen, open.Format(cur), "", []field{{l.payBy, l.date(r.PayBy)}})
			c.table(reminderColumns(l), reminderRows(l, r.Invoices, cur))
			side := c.legendAndBank(l, false, r.Company.BankAccounts)
			c.closingBlock([]summaryRow{{label: l.totalOpen, amount: open.Format(cur), shaded: true}}, side, "", l)
		})
}

func openTotal(invs []ReminderInvoice) (store.Money, error) {
	var sum store.Money
	var err error
	for _, inv := range invs {
		if sum, err = addMoney(sum, inv.Open); err != nil {
			return 0, err
		}
	}
	return sum, nil
}

func reminderColumns(l *labels) []column {
	return []column{
		{label: l.colInvoice, width: rmNumberW, align: alignLeft},
		{label: l.colInvoiceDate, width: rmDateW, align: alignLeft},
		{label: l.colInvoiceDue, width: rmDateW, align: alignLeft},
		{label: l.colInvoiceTotal, width: rmMoneyW, align: alignRight},
		{label: l.colInvoiceOpen, width: rmMoneyW, align: alignRight},
	}
}

func reminderRows(l *labels, invs []ReminderInvoice, cur store.Currency) []row {
	rows := make([]row, len(invs))
	for i, inv := range invs {
		rows[i] = row{cells: []string{inv.Number, l.date(inv.IssueDate), l.date(inv.DueDate),
			inv.Total.Plain(cur), inv.Open.Plain(cur)}}
	}
	return rows
}
