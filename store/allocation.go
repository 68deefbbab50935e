package store

import (
	"context"
	"fmt"
	"time"
)

// Allocation puts part of a payment on one invoice (消込). A reversal is a
// record of its own: the amount negated, ReversesID pointing at the
// allocation it undoes, with a reason.
type Allocation struct {
	ID            int64
	PaymentID     int64
	InvoiceID     int64
	InvoiceNumber string // filled when loaded
	Amount        Money
	ReversesID    int64
	Reason        string
	Date          time.Time // the day it counts from in a position as of a date (see insertAllocation)
	CreatedAt     time.Time
	Reversed      bool // computed: a reversal record points at it
}

// loadAllocations reads the allocation records matching where (on a, the
// allocations), oldest first.
func loadAllocations(ctx context.Context, q queryer, where string, args ...any) ([]Allocation, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.payment_id, a.invoice_id, coalesce(d.number, ''), a.amount,
		coalesce(a.reverses_id, 0), a.reason, a.date, a.created_at,
		EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_id = a.id)
		FROM allocations a JOIN documents d ON d.id = a.invoice_id WHERE `+where+` ORDER BY a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Allocation
	for rows.Next() {
		var a Allocation
		var date, created string
		if err := rows.Scan(&a.ID, &a.PaymentID, &a.InvoiceID, &a.InvoiceNumber, &a.Amount, &a.ReversesID,
			&a.Reason, &date, &created, &a.Reversed); err != nil {
			return nil, err
		}
		a.Date = mustDate(date)
		a.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		out = append(out, a)
	}
	return out, rows.Err()
}

// InvoiceAllocations lists the allocation records of one invoice (reversals
// included, oldest first): the payments shown on an invoice.
func (s *Store) InvoiceAllocations(ctx context.Context, invoiceID int64) ([]Allocation, error) {
	return loadAllocations(ctx, s.db, `a.invoice_id = ?`, invoiceID)
}

// Allocate puts amount of a payment on an invoice of the same customer. It
// refuses more than the payment's unallocated rest, more than the invoice's
// open amount, another customer's invoice, anything but an issued invoice,
// and a reversed payment.
func (s *Store) Allocate(ctx context.Context, paymentID, invoiceID int64, amount Money) error {
	return s.write(ctx, func(tx *Tx) error { return tx.allocate(paymentID, invoiceID, amount) })
}

// allocate is Allocate inside tx (the reconciliation composes it with
// recordPayment in one transaction).
func (tx *Tx) allocate(paymentID, invoiceID int64, amount Money) error {
	_, err := tx.allocateChecked(paymentID, invoiceID, amount)
	return err
}

func (tx *Tx) allocateChecked(paymentID, invoiceID int64, amount Money) (Allocation, error) {
	ctx := tx.ctx
	if amount <= 0 {
		return Allocation{}, Invalid("amount", "allocation.amount_positive")
	}
	p, err := loadPayment(ctx, tx, paymentID)
	if err != nil {
		return Allocation{}, err
	}
	if err := paymentAllocatable(&p); err != nil {
		return Allocation{}, err
	}
	b, err := invoiceBalance(ctx, tx, invoiceID)
	if err != nil {
		return Allocation{}, err
	}
	if err := b.allocatable(p.CustomerID); err != nil {
		return Allocation{}, err
	}
	if rest := p.Rest(); amount > rest {
		return Allocation{}, Invalid("amount", "allocation.exceeds_payment", rest.Format(tx.currency()))
	}
	if amount > b.Open {
		return Allocation{}, Invalid("amount", "allocation.exceeds_open", b.Number, b.Open.Format(tx.currency()))
	}
	return tx.insertAllocation(&p, b, amount)
}

// paymentAllocatable refuses reversal records and reversed payments.
func paymentAllocatable(p *Payment) error {
	switch {
	case p.ReversesID != 0:
		return &Error{Code: CodeConflict, Reason: "payment.is_reversal"}
	case p.Reversed:
		return &Error{Code: CodeConflict, Reason: "payment.reversed"}
	}
	return nil
}

// allocatable refuses an invoice that takes no payment of customerID.
func (b *InvoiceBalance) allocatable(customerID int64) error {
	switch {
	case b.kind != KindInvoice || b.docStatus != StatusIssued:
		name := b.Number
		if name == "" {
			name = fmt.Sprintf("#%d", b.InvoiceID)
		}
		return &Error{Code: CodeConflict, Field: "invoice", Reason: "allocation.not_issued_invoice", Args: []any{name}}
	case b.CustomerID != customerID:
		return &Error{Code: CodeConflict, Field: "invoice", Reason: "allocation.other_customer", Args: []any{b.Number}}
	}
	return nil
}

// insertAllocation writes an allocation of the live payment p, dated p's
// date. The date is the day an allocation record counts from in a position
// as of a date (migration 0011): an allocation, its payment's date — the
// money paid the invoice the day it came, however late it was put on it; the
// reversal of one allocation, the allocation's own day — it corrects which
// invoice the money paid, so the allocation never counted and no day sees a
// payment twice; the reversals a payment's reversal writes, that reversal's
// date — the money went back then.
func (tx *Tx) insertAllocation(p *Payment, b InvoiceBalance, amount Money) (Allocation, error) {
	paymentID := p.ID
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO allocations (payment_id, invoice_id, amount, date, actor, created_at)
		VALUES (?, ?, ?, ?, ?, ?)`, paymentID, b.InvoiceID, amount, FormatDate(p.Date), tx.actor, stamp(tx.now))
	if err != nil {
		return Allocation{}, err
	}
	a := Allocation{PaymentID: paymentID, InvoiceID: b.InvoiceID, InvoiceNumber: b.Number, Amount: amount,
		Date: p.Date, CreatedAt: tx.now}
	if a.ID, err = res.LastInsertId(); err != nil {
		return a, err
	}
	return a, tx.auditRecord("allocate", "payment", fmt.Sprint(paymentID), nil,
		map[string]any{"allocation": a.ID, "invoice": b.Number, "amount": amount}, recordPayment, paymentID)
}

// AutoAllocate puts the rest of a payment on its customer's open invoices,
// the oldest due date first (then by number), and returns the allocations
// made (none when nothing is left or nothing is open).
func (s *Store) AutoAllocate(ctx context.Context, paymentID int64) ([]Allocation, error) {
	var out []Allocation
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		out, err = tx.autoAllocate(paymentID)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func (tx *Tx) autoAllocate(paymentID int64) ([]Allocation, error) {
	p, err := loadPayment(tx.ctx, tx, paymentID)
	if err != nil {
		return nil, err
	}
	if err := paymentAllocatable(&p); err != nil {
		return nil, err
	}
	rest := p.Rest()
	if rest <= 0 {
		return nil, nil
	}
	open, err := invoiceBalances(tx.ctx, tx, BalanceFilter{CustomerID: p.CustomerID, OpenOnly: true})
	if err != nil {
		return nil, err
	}
	var out []Allocation
	for _, b := range open {
		if rest == 0 {
			break
		}
		amount := min(rest, b.Open)
		a, err := tx.insertAllocation(&p, b, amount)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
		rest -= amount
	}
	return out, nil
}

// ReverseAllocation undoes an allocation with a new record (the amount
// negated, pointing at it); the original stays. reason is required.
func (s *Store) ReverseAllocation(ctx context.Context, allocationID int64, reason string) error {
	return s.write(ctx, func(tx *Tx) error {
		var ck checker
		ck.line("reason", &reason, true, 200)
		if len(ck.errs) > 0 {
			return ck.errs
		}
		as, err := loadAllocations(tx.ctx, tx, `a.id = ?`, allocationID)
		if err != nil {
			return err
		}
		if len(as) == 0 {
			return &Error{Code: CodeNotFound, Reason: "allocation.not_found", Args: []any{allocationID}}
		}
		switch a := as[0]; {
		case a.ReversesID != 0:
			return &Error{Code: CodeConflict, Reason: "allocation.is_reversal"}
		case a.Reversed:
			return &Error{Code: CodeConflict, Reason: "allocation.already_reversed"}
		default:
			return tx.reverseAllocation(a, reason, a.Date) // a correction: from the allocation's own day
		}
	})
}

// reverseAllocation writes the reversal record of the live allocation a,
// counting from date.
func (tx *Tx) reverseAllocation(a Allocation, reason string, date time.Time) error {
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO allocations (payment_id, invoice_id, amount, reverses_id, reason,
		date, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.PaymentID, a.InvoiceID, -a.Amount, a.ID, reason,
		FormatDate(date), tx.actor, stamp(tx.now))
	if err != nil {
		return err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return err
	}
	return tx.auditRecord("reverse_allocation", "payment", fmt.Sprint(a.PaymentID),
		map[string]any{"allocation": a.ID, "invoice": a.InvoiceNumber, "amount": a.Amount},
		map[string]any{"allocation": id, "reverses": a.ID, "amount": -a.Amount, "reason": reason}, recordPayment, a.PaymentID)
}
