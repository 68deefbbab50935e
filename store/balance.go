package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"time"
)

// Invoice payment statuses as the bookkeeper sees them, derived from the
// allocations, adjustments and credit notes of an issued invoice and its due
// date; never stored. The words are those of the JSON and the command line
// (payment_status, --status).
const (
	BalanceUnpaid     = "unpaid"      // nothing received yet, not yet due
	BalancePartlyPaid = "partly_paid" // something received, the rest not yet due
	BalancePaid       = "paid"        // nothing open
	BalanceOverdue    = "overdue"     // something open after the due date
)

// InvoiceBalance is what an issued invoice is owed: its total less what was
// paid on it (allocations), closed as a shortfall (adjustments) and corrected
// by issued credit notes. Open never goes below zero: the store refuses
// whatever would make it.
type InvoiceBalance struct {
	InvoiceID      int64
	Number         string
	CustomerID     int64
	CustomerCode   string
	CustomerName   string // the customer master's current name (who owes it now)
	PersonInCharge string
	IssueDate      time.Time
	DueDate        time.Time
	Total          Money
	Paid           Money // Σ allocations (reversals subtract)
	Adjusted       Money // Σ shortfall adjustments (transfer fees, discounts)
	Credited       Money // Σ totals of the issued credit notes correcting it
	Open           Money // Total − Paid − Adjusted − Credited

	kind, docStatus string // of the document, for the refusals of Allocate
}

// Status derives the invoice's status as of a date: overdue when something is
// open and the due date is before asOf (a zero asOf: never overdue).
func (b InvoiceBalance) Status(asOf time.Time) string {
	switch {
	case b.Open <= 0:
		return BalancePaid
	case !asOf.IsZero() && !b.DueDate.IsZero() && b.DueDate.Before(dateOnly(asOf)):
		return BalanceOverdue
	case b.Paid > 0:
		return BalancePartlyPaid
	}
	return BalanceUnpaid
}

// dateOnly is t's calendar date as a daicho date (UTC midnight), so it
// compares with stored dates.
func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return DateOf(y, m, d)
}

// BalanceFilter narrows InvoiceBalances; zero values mean "any".
type BalanceFilter struct {
	CustomerID int64
	OpenOnly   bool // only invoices with something open
}

// InvoiceBalances lists the issued invoices (not void) with what is paid and
// open on each, the oldest due date first (then by number).
func (s *Store) InvoiceBalances(ctx context.Context, f BalanceFilter) ([]InvoiceBalance, error) {
	return invoiceBalances(ctx, s.db, f)
}

// InvoiceBalance is the balance of one invoice, issued or not (a draft or a
// void one reads with its figures, for a screen to explain a refusal),
// computed from the records; NotFound for other kinds of document.
func (s *Store) InvoiceBalance(ctx context.Context, invoiceID int64) (InvoiceBalance, error) {
	b, err := invoiceBalance(ctx, s.db, invoiceID)
	if err == nil && b.kind != KindInvoice {
		return b, &Error{Code: CodeNotFound, Reason: "document.not_found", Args: []any{invoiceID}}
	}
	return b, err
}

// balanceSelect reads an InvoiceBalance (see scanBalance) from the cached
// sums of issued invoices (invoice_balances, kept by the triggers of
// migration 0004 from the records): the overdue list of a 100,000-invoice
// ledger reads its open invoices from one partial covering index.
const balanceSelect = `SELECT b.invoice_id, b.number, b.customer_id, c.code, c.name, c.person_in_charge,
	b.issue_date, b.due_date, b.total, b.paid, b.adjusted, b.credited
	FROM invoice_balances b JOIN customers c ON c.id = b.customer_id`

// balanceOrder is the oldest due date first, then by number.
const balanceOrder = ` ORDER BY b.due_date, b.number, b.invoice_id`

// sumsPerRow reads the balance of any document from the records themselves
// (not the cache): what Allocate and CloseShortfall check before writing.
const sumsPerRow = `SELECT d.id, coalesce(d.number, ''), d.customer_id, c.code, c.name, c.person_in_charge,
	d.issue_date, d.due_date, d.total,
	(SELECT coalesce(sum(amount), 0) FROM allocations WHERE invoice_id = d.id),
	(SELECT coalesce(sum(amount), 0) FROM adjustments WHERE invoice_id = d.id),
	(SELECT coalesce(sum(total), 0) FROM documents k WHERE k.corrects_id = d.id AND k.kind = 'credit_note' AND k.status = 'issued'),
	d.kind, d.status
	FROM documents d JOIN customers c ON c.id = d.customer_id`

// scanBalance reads the columns of balanceSelect; withDoc also the
// document's kind and status (sumsPerRow).
func scanBalance(r scanner, withDoc bool) (InvoiceBalance, error) {
	b := InvoiceBalance{kind: KindInvoice, docStatus: StatusIssued}
	var issue, due string
	var total, paid, adjusted, credited int64 // plain int64: no reflection per value on 10,000 rows
	dest := []any{&b.InvoiceID, &b.Number, &b.CustomerID, &b.CustomerCode, &b.CustomerName, &b.PersonInCharge,
		&issue, &due, &total, &paid, &adjusted, &credited}
	if withDoc {
		dest = append(dest, &b.kind, &b.docStatus)
	}
	err := r.Scan(dest...)
	b.IssueDate, b.DueDate = mustDate(issue), mustDate(due)
	b.Total, b.Paid, b.Adjusted, b.Credited = Money(total), Money(paid), Money(adjusted), Money(credited)
	b.Open = b.Total - b.Paid - b.Adjusted - b.Credited
	return b, err
}

func invoiceBalance(ctx context.Context, q queryer, id int64) (InvoiceBalance, error) {
	b, err := scanBalance(q.QueryRowContext(ctx, sumsPerRow+` WHERE d.id = ?`, id), true)
	if errors.Is(err, sql.ErrNoRows) {
		return b, &Error{Code: CodeNotFound, Field: "invoice", Reason: "document.not_found", Args: []any{id}}
	}
	return b, err
}

func invoiceBalances(ctx context.Context, q queryer, f BalanceFilter) ([]InvoiceBalance, error) {
	query := balanceSelect + ` WHERE 1`
	var args []any
	if f.OpenOnly {
		query += ` AND b.open > 0`
	}
	if f.CustomerID != 0 {
		query += ` AND b.customer_id = ?`
		args = append(args, f.CustomerID)
	}
	return scanBalances(ctx, q, query+balanceOrder, args...)
}

func scanBalances(ctx context.Context, q queryer, query string, args ...any) ([]InvoiceBalance, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]InvoiceBalance, 0, 1024)
	for rows.Next() {
		b, err := scanBalance(rows, false)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// sortByDue orders invoices the oldest due date first, then by number.
func sortByDue(bs []InvoiceBalance) {
	sort.SliceStable(bs, func(i, j int) bool {
		if !bs[i].DueDate.Equal(bs[j].DueDate) {
			return bs[i].DueDate.Before(bs[j].DueDate)
		}
		if bs[i].Number != bs[j].Number {
			return bs[i].Number < bs[j].Number
		}
		return bs[i].InvoiceID < bs[j].InvoiceID
	})
}

// CustomerBalance is what a customer owes and what it has paid in advance.
type CustomerBalance struct {
	Receivable Money // Σ open of its issued invoices
	Unapplied  Money // Σ unallocated rest of its live payments (credit to allocate later)
}

// CustomerBalance sums a customer's open invoices and unapplied payments.
func (s *Store) CustomerBalance(ctx context.Context, customerID int64) (CustomerBalance, error) {
	var cb CustomerBalance
	bs, err := invoiceBalances(ctx, s.db, BalanceFilter{CustomerID: customerID})
	if err != nil {
		return cb, err
	}
	for _, b := range bs {
		cb.Receivable += b.Open
	}
	// A reversed payment and its reversal record cancel out (and its
	// allocations were reversed with it), so the unapplied credit is every
	// payment record less every allocation record.
	err = s.db.QueryRowContext(ctx, `SELECT
		(SELECT coalesce(sum(amount), 0) FROM payments WHERE customer_id = ?)
		- (SELECT coalesce(sum(a.amount), 0) FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.customer_id = ?)`,
		customerID, customerID).Scan(&cb.Unapplied)
	return cb, err
}

// Adjustment kinds: how a shortfall was closed.
const (
	AdjustTransferFee = "transfer_fee" // 振込手数料: the payer deducted the bank's fee
	AdjustDiscount    = "discount"     // 値引き: the rest is forgiven
)

// Which policy closed a shortfall (Adjustment.Policy).
const (
	ClosedByPolicy = "ours"    // the customer bears no fee (当方負担): closed when the deposit was accepted
	ClosedAsked    = "asked"   // the customer's policy is ask: the bookkeeper chose to close it
	ClosedByHand   = "by_hand" // closed by hand (f, or on the invoice)
)

// Adjustment closes a small shortfall on an invoice, on record.
type Adjustment struct {
	ID        int64
	InvoiceID int64
	Kind      string
	Amount    Money
	Date      time.Time
	Reason    string
	Policy    string // ClosedByPolicy, ClosedAsked, ClosedByHand; "" before policies were kept
}

// CloseShortfall closes what is open on an invoice as a transfer fee or a
// discount, when 0 < open ≤ the company's shortfall tolerance; the adjustment
// is the open amount, dated date (today when zero), with an audit row.
func (s *Store) CloseShortfall(ctx context.Context, invoiceID int64, kind string, date time.Time) (Adjustment, error) {
	var a Adjustment
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		a, err = tx.closeShortfall(invoiceID, kind, date, ClosedByHand)
		return err
	})
	return a, err
}

func (tx *Tx) closeShortfall(invoiceID int64, kind string, date time.Time, policy string) (Adjustment, error) {
	ctx := tx.ctx
	var ck checker
	ck.choice("kind", kind, AdjustTransferFee, AdjustDiscount)
	if len(ck.errs) > 0 {
		return Adjustment{}, ck.errs
	}
	if date.IsZero() {
		date = Today(tx.now)
	}
	if e := CheckDate("date", date); e != nil {
		return Adjustment{}, e
	}
	b, err := invoiceBalance(ctx, tx, invoiceID)
	if err != nil {
		return Adjustment{}, err
	}
	if b.kind != KindInvoice || b.docStatus != StatusIssued {
		return Adjustment{}, &Error{Code: CodeConflict, Reason: "allocation.not_issued_invoice", Args: []any{b.Number}}
	}
	if b.Open <= 0 {
		return Adjustment{}, &Error{Code: CodeConflict, Reason: "shortfall.nothing_open", Args: []any{b.Number}}
	}
	company, err := loadCompany(ctx, tx)
	if err != nil {
		return Adjustment{}, err
	}
	if b.Open > company.ShortfallTolerance {
		cur, _ := CurrencyByCode(company.Currency)
		return Adjustment{}, &Error{Code: CodeConflict, Reason: "shortfall.beyond_tolerance",
			Args: []any{b.Open.Format(cur), company.ShortfallTolerance.Format(cur)}}
	}
	a := Adjustment{InvoiceID: invoiceID, Kind: kind, Amount: b.Open, Date: dateOnly(date), Policy: policy}
	res, err := tx.ExecContext(ctx, `INSERT INTO adjustments (invoice_id, kind, amount, date, reason, policy, actor, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.InvoiceID, a.Kind, a.Amount, FormatDate(a.Date), a.Reason, a.Policy, tx.actor,
		stamp(tx.now))
	if err != nil {
		return a, err
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return a, err
	}
	return a, tx.auditRecord("close_shortfall", "document", fmt.Sprint(invoiceID), map[string]any{"open": b.Open},
		map[string]any{"adjustment": a.ID, "number": b.Number, "kind": a.Kind, "amount": a.Amount, "date": FormatDate(a.Date),
			"policy": a.Policy},
		recordDocument, invoiceID)
}

// Adjustments lists the adjustments of one invoice, oldest first: shown on
// the invoice and in reports.
func (s *Store) Adjustments(ctx context.Context, invoiceID int64) ([]Adjustment, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, invoice_id, kind, amount, date, reason, policy FROM adjustments
		WHERE invoice_id = ? ORDER BY id`, invoiceID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Adjustment
	for rows.Next() {
		var a Adjustment
		var date string
		if err := rows.Scan(&a.ID, &a.InvoiceID, &a.Kind, &a.Amount, &date, &a.Reason, &a.Policy); err != nil {
			return nil, err
		}
		a.Date = mustDate(date)
		out = append(out, a)
	}
	return out, rows.Err()
}

// checkCreditFits refuses issuing a credit note larger than what is open on
// the invoice it corrects (the open amount would go below zero): reverse an
// allocation first, so the money becomes the customer's unapplied credit.
// The credit_note_within_open trigger enforces the same rule in the database.
func (tx *Tx) checkCreditFits(d *Document) error {
	if d.Kind != KindCreditNote || d.CorrectsID == 0 {
		return nil
	}
	b, err := invoiceBalance(tx.ctx, tx, d.CorrectsID)
	if err != nil {
		return err
	}
	if d.Totals.Total > b.Open {
		return &Error{Code: CodeConflict, Reason: "credit.exceeds_open", Args: []any{b.Number, b.Open.Format(tx.currency())}}
	}
	return nil
}

// checkVoidable refuses voiding an invoice that payments are allocated to
// (the invoice_void_unpaid trigger enforces it in the database).
func (tx *Tx) checkVoidable(id int64) error { return checkVoidable(tx.ctx, tx, id) }

func checkVoidable(ctx context.Context, q queryer, id int64) error {
	b, err := invoiceBalance(ctx, q, id)
	if err != nil || b.kind != KindInvoice {
		return err
	}
	if b.Paid != 0 {
		return &Error{Code: CodeConflict, Reason: "invoice.void_paid", Args: []any{b.Number}}
	}
	return nil
}
