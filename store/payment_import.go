package store

import (
	"context"
	"fmt"
)

// importedPayment is what the audit log keeps of an imported payment (a
// struct: 90,000 maps through encoding/json would cost a second).
type importedPayment struct {
	Date      string `json:"date"`
	Amount    Money  `json:"amount"`
	Method    string `json:"method"`
	PayerName string `json:"payer_name"`
	Reference string `json:"reference"`
	Memo      string `json:"memo"`
	Allocated Money  `json:"allocated"`
	Import    bool   `json:"import"`
}

// PaymentImport is a payment and how it is allocated, for ImportPayments.
type PaymentImport struct {
	Payment     Payment
	Allocations []Allocation // InvoiceID and Amount of each
}

// ImportPayments records many payments with their allocations in one
// transaction, all or nothing, with prepared statements: for data brought
// over from another system, and for the large demo (90,000 payments in a
// few seconds, where one transaction each would take minutes). Each payment
// is validated as RecordPayment does; the database's triggers hold every
// allocation to the rules of Allocate (an issued invoice of the payment's
// customer, within what is open and what is left of the payment). One audit
// row per payment, snapshotting it with its allocations.
func (s *Store) ImportPayments(ctx context.Context, items []PaymentImport) error {
	var problems BatchError
	for i := range items {
		p := &items[i].Payment
		for _, fe := range FieldErrors(p.Validate()) {
			problems = append(problems, RowError{Line: i + 1, Err: fe})
		}
		var sum Money
		for _, a := range items[i].Allocations {
			if a.Amount <= 0 {
				problems = append(problems, RowError{Line: i + 1, Err: Invalid("amount", "allocation.amount_positive")})
			}
			sum += a.Amount
		}
		if sum > p.Amount {
			problems = append(problems, RowError{Line: i + 1,
				Err: Invalid("amount", "allocation.exceeds_payment", p.Amount.Format(JPY))})
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return s.write(ctx, func(tx *Tx) error {
		pay, err := tx.PrepareContext(ctx, `INSERT INTO payments (customer_id, date, amount, method, payer_name,
			reference, memo, bank_line_id, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
		if err != nil {
			return err
		}
		defer pay.Close()
		alloc, err := tx.PrepareContext(ctx, `INSERT INTO allocations (payment_id, invoice_id, amount, date, actor, created_at)
			VALUES (?, ?, ?, ?, ?, ?)`) // dated the payment's date, as insertAllocation
		if err != nil {
			return err
		}
		defer alloc.Close()
		stmts := newStmtCache(tx) // the audit rows', and the records' reads for their hashes
		defer stmts.close()
		at := stamp(tx.now)
		for i := range items {
			p := &items[i].Payment
			res, err := pay.ExecContext(ctx, p.CustomerID, FormatDate(p.Date), p.Amount, p.Method, p.PayerName,
				p.Reference, p.Memo, nullID(p.BankLineID), tx.actor, at)
			if err != nil {
				return fmt.Errorf("payment %d: %w", i+1, err)
			}
			if p.ID, err = res.LastInsertId(); err != nil {
				return err
			}
			p.Allocated = 0
			for _, a := range items[i].Allocations {
				if _, err := alloc.ExecContext(ctx, p.ID, a.InvoiceID, a.Amount, FormatDate(p.Date), tx.actor, at); err != nil {
					return fmt.Errorf("payment %d, invoice #%d: %w", i+1, a.InvoiceID, err)
				}
				p.Allocated += a.Amount
			}
			after := importedPayment{Date: FormatDate(p.Date), Amount: p.Amount, Method: p.Method,
				PayerName: p.PayerName, Reference: p.Reference, Memo: p.Memo, Allocated: p.Allocated, Import: true}
			if err := tx.appendAudit(stmts, stmts.exec, auditEntry{action: "create", entity: "payment",
				entityID: fmt.Sprint(p.ID), after: after, record: recordPayment, recordID: p.ID}); err != nil {
				return err
			}
		}
		return nil
	})
}
