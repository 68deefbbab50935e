package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Payment methods.
const (
	PayBankTransfer = "bank_transfer" // 振込
	PayCash         = "cash"          // 現金
	PayCard         = "card"
	PayDirectDebit  = "direct_debit" // 口座振替
	PayOther        = "other"
)

// PaymentMethods lists the methods in display order.
var PaymentMethods = []string{PayBankTransfer, PayCash, PayCard, PayDirectDebit, PayOther}

// Payment is money received from a customer (ARCHITECTURE.md §4, Payments).
// Payments never change: allocating one is a record of its own (Allocation),
// and a mistaken payment is cancelled by a reversal record, the same amount
// negated, pointing at it (ReversesID) with a reason.
type Payment struct {
	ID           int64
	CustomerID   int64
	CustomerCode string // filled when loaded
	CustomerName string // filled when loaded
	Date         time.Time
	Amount       Money // > 0; a reversal record's is negative
	Method       string
	PayerName    string // as the bank shows it: ｶ)ﾀﾞｲﾁｮｳ
	Reference    string
	Memo         string
	BankLineID   int64 // the bank statement line it came from; 0: typed by hand
	ReversesID   int64 // a reversal record: the payment it reverses
	Reason       string
	Allocated    Money // computed: Σ live allocations
	Reversed     bool  // computed: a reversal record points at it
	Version      int64 // always 1: a payment never changes
}

// Rest is what is left to allocate: the customer's unapplied credit from this
// payment (0 for a reversed payment and for a reversal record).
func (p *Payment) Rest() Money {
	if p.Reversed || p.ReversesID != 0 {
		return 0
	}
	return p.Amount - p.Allocated
}

// Validate normalises a new payment in place and returns every field error.
func (p *Payment) Validate() error {
	var ck checker
	if p.CustomerID == 0 {
		ck.add("customer", "required")
	}
	if p.Date.IsZero() {
		ck.add("date", "required")
	}
	ck.date("date", p.Date)
	if p.Amount <= 0 {
		ck.add("amount", "payment.amount_positive")
	}
	ck.amount("amount", p.Amount)
	ck.choice("method", p.Method, PaymentMethods...)
	ck.line("payer_name", &p.PayerName, false, 100)
	ck.line("reference", &p.Reference, false, 100)
	ck.text("memo", &p.Memo, false, 1000)
	if p.ReversesID != 0 || p.Reason != "" {
		ck.add("reason", "payment.reversal_by_reverse") // reversals are made by ReversePayment
	}
	return ck.errs.OrNil()
}

// RecordPayment validates and stores a new payment (unallocated) in one
// transaction with its audit row. p gets its ID and the customer's code and name.
func (s *Store) RecordPayment(ctx context.Context, p *Payment) error {
	rec := *p
	if err := s.write(ctx, func(tx *Tx) error { return tx.recordPayment(&rec) }); err != nil {
		return err
	}
	*p = rec
	return nil
}

// recordPayment stores p inside tx (the reconciliation composes it with
// allocate and the bank line in one transaction).
func (tx *Tx) recordPayment(p *Payment) error {
	if err := p.Validate(); err != nil {
		return err
	}
	ctx := tx.ctx
	err := tx.QueryRowContext(ctx, `SELECT code, name FROM customers WHERE id = ?`, p.CustomerID).
		Scan(&p.CustomerCode, &p.CustomerName)
	if isNoRows(err) {
		return Invalid("customer", "customer.not_found", p.CustomerID)
	}
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO payments (customer_id, date, amount, method, payer_name, reference,
		memo, bank_line_id, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		p.CustomerID, FormatDate(p.Date), p.Amount, p.Method, p.PayerName, p.Reference, p.Memo,
		nullID(p.BankLineID), tx.actor, stamp(tx.now))
	if err != nil {
		return err
	}
	if p.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	p.Allocated, p.Reversed, p.Version = 0, false, 1
	return tx.auditRecord("create", "payment", fmt.Sprint(p.ID), nil, paymentSummary(p), recordPayment, p.ID)
}

// paymentSummary is what the audit log keeps of a payment.
func paymentSummary(p *Payment) map[string]any {
	m := map[string]any{"customer": p.CustomerCode, "date": FormatDate(p.Date), "amount": p.Amount,
		"method": p.Method, "payer_name": p.PayerName, "reference": p.Reference, "memo": p.Memo}
	if p.BankLineID != 0 {
		m["bank_line_id"] = p.BankLineID
	}
	if p.ReversesID != 0 {
		m["reverses_id"], m["reason"] = p.ReversesID, p.Reason
	}
	return m
}

// paymentColumns reads a Payment with its computed allocation sum and
// reversal mark (index lookups per row: a list is paged or one customer's).
const paymentColumns = `p.id, p.customer_id, c.code, c.name, p.date, p.amount, p.method, p.payer_name, p.reference,
	p.memo, coalesce(p.bank_line_id, 0), coalesce(p.reverses_id, 0), p.reason,
	(SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.payment_id = p.id),
	EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
	FROM payments p JOIN customers c ON c.id = p.customer_id`

func scanPayment(r scanner) (Payment, error) {
	var p Payment
	var date string
	err := r.Scan(&p.ID, &p.CustomerID, &p.CustomerCode, &p.CustomerName, &date, &p.Amount, &p.Method, &p.PayerName,
		&p.Reference, &p.Memo, &p.BankLineID, &p.ReversesID, &p.Reason, &p.Allocated, &p.Reversed)
	p.Date, p.Version = mustDate(date), 1
	return p, err
}

func loadPayment(ctx context.Context, q queryer, id int64) (Payment, error) {
	p, err := scanPayment(q.QueryRowContext(ctx, `SELECT `+paymentColumns+` WHERE p.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, &Error{Code: CodeNotFound, Reason: "payment.not_found", Args: []any{id}}
	}
	return p, err
}

// Payment loads one payment with its allocation records (reversals included,
// oldest first).
func (s *Store) Payment(ctx context.Context, id int64) (Payment, []Allocation, error) {
	p, err := loadPayment(ctx, s.db, id)
	if err != nil {
		return p, nil, err
	}
	allocs, err := loadAllocations(ctx, s.db, `a.payment_id = ?`, id)
	return p, allocs, err
}

// ReversalOf loads the record that reversed the payment (its date and
// reason), for a payment whose Reversed is set; not found otherwise.
func (s *Store) ReversalOf(ctx context.Context, paymentID int64) (Payment, error) {
	r, err := scanPayment(s.db.QueryRowContext(ctx, `SELECT `+paymentColumns+` WHERE p.reverses_id = ?`, paymentID))
	if errors.Is(err, sql.ErrNoRows) {
		return r, &Error{Code: CodeNotFound, Reason: "payment.not_found", Args: []any{paymentID}}
	}
	return r, err
}

// PaymentFilter narrows Payments; zero values mean "any".
type PaymentFilter struct {
	CustomerID int64
	From, To   time.Time // payment date range, inclusive
	Limit      int       // at most this many (the newest); 0 = all
}

// Payments lists payments, newest first (by date, then by entry). Reversal
// records are listed too, as the ledger shows them (ReversesID set, Amount
// negative); the payments they cancel carry Reversed.
func (s *Store) Payments(ctx context.Context, f PaymentFilter) ([]Payment, error) {
	var where []string
	var args []any
	if f.CustomerID != 0 {
		where, args = append(where, "p.customer_id = ?"), append(args, f.CustomerID)
	}
	if !f.From.IsZero() {
		where, args = append(where, "p.date >= ?"), append(args, FormatDate(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "p.date <= ?"), append(args, FormatDate(f.To))
	}
	q := `SELECT ` + paymentColumns
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY p.date DESC, p.id DESC"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Payment
	for rows.Next() {
		p, err := scanPayment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ReversePayment cancels a payment: each of its live allocations is reversed,
// then a reversal payment record (the amount negated, dated today or the
// payment's date if later) is added, and the bank line it came from, if
// any, returns to the reconciliation list.
// Nothing is deleted; reason is required.
func (s *Store) ReversePayment(ctx context.Context, paymentID int64, reason string) error {
	return s.write(ctx, func(tx *Tx) error { return tx.reversePayment(paymentID, reason) })
}

// ReversalCheck answers, without writing, whether the payment can be
// reversed: nil, or the error ReversePayment would refuse with. The screen
// asks it before asking for a reason.
func (s *Store) ReversalCheck(ctx context.Context, paymentID int64) error {
	p, err := loadPayment(ctx, s.db, paymentID)
	if err != nil {
		return err
	}
	return reversalProblem(&p)
}

// reversalProblem is why p cannot be reversed, or nil: the one rule
// ReversalCheck and ReversePayment share.
func reversalProblem(p *Payment) error {
	switch {
	case p.ReversesID != 0:
		return &Error{Code: CodeConflict, Reason: "payment.is_reversal"}
	case p.Reversed:
		return &Error{Code: CodeConflict, Reason: "payment.already_reversed"}
	}
	return nil
}

func (tx *Tx) reversePayment(paymentID int64, reason string) error {
	var ck checker
	ck.line("reason", &reason, true, 200)
	if len(ck.errs) > 0 {
		return ck.errs
	}
	p, err := loadPayment(tx.ctx, tx, paymentID)
	if err != nil {
		return err
	}
	if err := reversalProblem(&p); err != nil {
		return err
	}
	// Dated today, or the payment's own date if that is later (typed ahead):
	// a reversal never precedes what it reverses. The money went back that
	// day, so the allocations it had stop counting on it too.
	date := Today(tx.now)
	if p.Date.After(date) {
		date = p.Date
	}
	allocs, err := loadAllocations(tx.ctx, tx, `a.payment_id = ?`, paymentID)
	if err != nil {
		return err
	}
	for _, a := range allocs {
		if a.ReversesID == 0 && !a.Reversed {
			if err := tx.reverseAllocation(a, reason, date); err != nil {
				return err
			}
		}
	}
	r := Payment{CustomerID: p.CustomerID, CustomerCode: p.CustomerCode, Date: date, Amount: -p.Amount,
		Method: p.Method, PayerName: p.PayerName, Reference: p.Reference, ReversesID: p.ID, Reason: reason}
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO payments (customer_id, date, amount, method, payer_name, reference,
		memo, reverses_id, reason, actor, created_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?)`,
		r.CustomerID, FormatDate(r.Date), r.Amount, r.Method, r.PayerName, r.Reference, r.ReversesID, r.Reason,
		tx.actor, stamp(tx.now))
	if err != nil {
		return err
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	if err := tx.auditRecord("reverse", "payment", fmt.Sprint(p.ID), paymentSummary(&p), paymentSummary(&r), recordPayment, r.ID); err != nil {
		return err
	}
	return tx.returnBankLine(&p) // the deposit is to be matched again, not nowhere
}

// currency is the company's currency, for amounts in messages (JPY before
// the first-run setup).
func (tx *Tx) currency() Currency {
	var code string
	if err := tx.QueryRowContext(tx.ctx, `SELECT currency FROM company WHERE id = 1`).Scan(&code); err == nil {
		if c, ok := CurrencyByCode(code); ok {
			return c
		}
	}
	return JPY
}
