package exchange

import (
	"encoding/csv"
	"io"
	"strconv"

	"daicho/store"
)

// OverdueJSON is one overdue invoice as `daicho overdue --format json`
// writes it (the keys of the issue, for a daily mail to the person in charge).
type OverdueJSON struct {
	Number         string      `json:"number"`
	CustomerCode   string      `json:"customer_code"`
	CustomerName   string      `json:"customer_name"`
	PersonInCharge string      `json:"person_in_charge"`
	IssueDate      string      `json:"issue_date"`
	DueDate        string      `json:"due_date"`
	Total          store.Money `json:"total"`
	Paid           store.Money `json:"paid"`
	Open           store.Money `json:"open"`
	DaysOverdue    int         `json:"days_overdue"`
	Bucket         string      `json:"bucket"` // "1-30", "31-60", "61-90" or "90+"
	// The next reminder stage and its day (issue 14); "" when none is left
	// or the customer's reminders are on hold.
	NextStage     string `json:"next_stage"`
	NextStageDate string `json:"next_stage_date"`
}

// overdueKeys are OverdueJSON's keys, the CSV header.
var overdueKeys = []string{"number", "customer_code", "customer_name", "person_in_charge", "issue_date", "due_date",
	"total", "paid", "open", "days_overdue", "bucket", "next_stage", "next_stage_date"}

// ToOverdueJSON is the JSON form of an overdue invoice.
func ToOverdueJSON(o store.OverdueInvoice) OverdueJSON {
	return OverdueJSON{Number: o.Number, CustomerCode: o.CustomerCode, CustomerName: o.CustomerName,
		PersonInCharge: o.PersonInCharge, IssueDate: store.FormatDate(o.IssueDate), DueDate: store.FormatDate(o.DueDate),
		Total: o.Total, Paid: o.Paid, Open: o.Open, DaysOverdue: o.DaysOverdue, Bucket: o.Bucket,
		NextStage: o.Next.Stage, NextStageDate: store.FormatDate(o.Next.Date)}
}

// WriteOverdueJSON writes the overdue invoices as an indented JSON array
// ("[]" when none is overdue).
func WriteOverdueJSON(w io.Writer, items []store.OverdueInvoice) error {
	return writeJSONArray(w, all(items), func(o store.OverdueInvoice) any { return ToOverdueJSON(o) })
}

// WriteOverdueCSV writes the overdue invoices as CSV like WriteCustomersCSV:
// a header of the JSON keys, amounts in minor units, text cells defused.
func WriteOverdueCSV(w io.Writer, items []store.OverdueInvoice) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(overdueKeys); err != nil {
		return err
	}
	for _, o := range items {
		j := ToOverdueJSON(o)
		if err := cw.Write([]string{Defuse(j.Number), Defuse(j.CustomerCode), Defuse(j.CustomerName),
			Defuse(j.PersonInCharge), j.IssueDate, j.DueDate, money(j.Total), money(j.Paid), money(j.Open),
			strconv.Itoa(j.DaysOverdue), j.Bucket, j.NextStage, j.NextStageDate}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func money(m store.Money) string { return strconv.FormatInt(int64(m), 10) }

// PaymentJSON is one payment as `daicho list payments --format json`
// writes it. A reversal is a record of its own: a negative amount, reverses
// naming the payment it cancels, and the reason; the payment it cancels
// has reversed true.
type PaymentJSON struct {
	ID           int64       `json:"id"`
	Date         string      `json:"date"`
	CustomerCode string      `json:"customer_code"`
	CustomerName string      `json:"customer_name"`
	Amount       store.Money `json:"amount"`
	Allocated    store.Money `json:"allocated"`
	Unapplied    store.Money `json:"unapplied"` // what is left to allocate: the customer's credit
	Method       string      `json:"method"`
	PayerName    string      `json:"payer_name"`
	Reference    string      `json:"reference"`
	Memo         string      `json:"memo"`
	Reversed     bool        `json:"reversed"`
	Reverses     *int64      `json:"reverses"` // a reversal: the payment it cancels; else null
	Reason       string      `json:"reason"`
}

// paymentKeys are PaymentJSON's keys, the CSV header.
var paymentKeys = []string{"id", "date", "customer_code", "customer_name", "amount", "allocated", "unapplied",
	"method", "payer_name", "reference", "memo", "reversed", "reverses", "reason"}

// ToPaymentJSON is the JSON form of a payment.
func ToPaymentJSON(p store.Payment) PaymentJSON {
	j := PaymentJSON{ID: p.ID, Date: store.FormatDate(p.Date), CustomerCode: p.CustomerCode,
		CustomerName: p.CustomerName, Amount: p.Amount, Allocated: p.Allocated, Unapplied: p.Rest(),
		Method: p.Method, PayerName: p.PayerName, Reference: p.Reference, Memo: p.Memo, Reversed: p.Reversed,
		Reason: p.Reason}
	if p.ReversesID != 0 {
		id := p.ReversesID
		j.Reverses = &id
	}
	return j
}

// WritePaymentsJSON writes the payments as an indented JSON array ("[]" for none).
func WritePaymentsJSON(w io.Writer, ps []store.Payment) error {
	return writeJSONArray(w, all(ps), func(p store.Payment) any { return ToPaymentJSON(p) })
}

// WritePaymentsCSV writes the payments as CSV: a header of the JSON keys,
// amounts in minor units, reverses empty when null, text cells defused.
func WritePaymentsCSV(w io.Writer, ps []store.Payment) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(paymentKeys); err != nil {
		return err
	}
	for _, p := range ps {
		j := ToPaymentJSON(p)
		reverses := ""
		if j.Reverses != nil {
			reverses = strconv.FormatInt(*j.Reverses, 10)
		}
		if err := cw.Write([]string{strconv.FormatInt(j.ID, 10), j.Date, Defuse(j.CustomerCode),
			Defuse(j.CustomerName), money(j.Amount), money(j.Allocated), money(j.Unapplied), j.Method,
			Defuse(j.PayerName), Defuse(j.Reference), Defuse(j.Memo), strconv.FormatBool(j.Reversed), reverses,
			Defuse(j.Reason)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
