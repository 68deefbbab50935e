package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// KindReceipt is a 領収書: made from one payment, for its amount, numbered
// in its own series (R-2026-0001) and frozen like every issued document.
// It is not in DocumentKinds: a receipt is never typed as a draft, only made
// from a payment (IssueReceipt).
const KindReceipt = "receipt"

// ListedKinds are the kinds list and export accept in --kind and JSON.
var ListedKinds = append(append([]string{}, DocumentKinds...), KindReceipt)

// ReceiptFor returns the receipt already made for the payment (not found if
// none).
func (s *Store) ReceiptFor(ctx context.Context, paymentID int64) (Document, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT receipt_id FROM receipt_payments WHERE payment_id = ?`, paymentID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, &Error{Code: CodeNotFound, Reason: "receipt.not_found", Args: []any{paymentID}}
	}
	if err != nil {
		return Document{}, err
	}
	return s.Document(ctx, id)
}

// ReceiptPayment is the payment a receipt acknowledges (0 if none).
func (s *Store) ReceiptPayment(ctx context.Context, receiptID int64) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT payment_id FROM receipt_payments WHERE receipt_id = ?`, receiptID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// IssueReceipt makes and issues the receipt for a payment, in one
// transaction: one line for the payment's amount (tax-inclusive, so the
// total is the amount received), its description the 但し書き naming the
// invoices the payment was allocated to. A payment has one receipt: asking
// again returns the one already issued.
func (s *Store) IssueReceipt(ctx context.Context, paymentID int64) (Document, error) {
	var id int64
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		id, err = tx.issueReceipt(paymentID)
		return err
	})
	if err != nil {
		return Document{}, err
	}
	return s.Document(ctx, id)
}

func (tx *Tx) issueReceipt(paymentID int64) (int64, error) {
	ctx := tx.ctx
	var existing int64
	err := tx.QueryRowContext(ctx, `SELECT receipt_id FROM receipt_payments WHERE payment_id = ?`, paymentID).Scan(&existing)
	if err == nil {
		return existing, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	p, err := loadPayment(ctx, tx, paymentID)
	if err != nil {
		return 0, err
	}
	if p.ReversesID != 0 || p.Reversed || p.Amount <= 0 {
		return 0, &Error{Code: CodeConflict, Reason: "receipt.reversed", Args: []any{paymentID}}
	}
	allocs, err := loadAllocations(ctx, tx, `a.payment_id = ? AND a.reverses_id IS NULL
		AND NOT EXISTS (SELECT 1 FROM allocations r WHERE r.reverses_id = a.id)`, paymentID)
	if err != nil {
		return 0, err
	}
	var lang string // the 但し書き is in the customer's document language, as its PDF
	if err := tx.QueryRowContext(ctx, `SELECT language FROM customers WHERE id = ?`, p.CustomerID).Scan(&lang); err != nil {
		return 0, err
	}
	d := Document{
		Kind: KindReceipt, CustomerID: p.CustomerID, IssueDate: p.Date, PriceMode: PriceInclusive,
		Lines: []Line{{Description: ReceiptPurpose(allocs, lang), Quantity: 1000, UnitPrice: p.Amount, TaxCategory: TaxExempt}},
	}
	if err := tx.saveDraft(&d); err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO receipt_payments (receipt_id, payment_id) VALUES (?, ?)`, d.ID, paymentID); err != nil {
		return 0, err
	}
	return d.ID, tx.issue(d.ID, 0)
}

// ReceiptPurpose is the 但し書き: what the money was for, by the invoices
// the payment paid, in the document language lang ("en", else Japanese).
// It is stored as the receipt's line, so a receipt issued before English
// receipts existed keeps its Japanese line.
func ReceiptPurpose(allocs []Allocation, lang string) string {
	var numbers []string
	for _, a := range allocs {
		if a.InvoiceNumber != "" && !slices.Contains(numbers, a.InvoiceNumber) {
			numbers = append(numbers, a.InvoiceNumber)
		}
	}
	switch {
	case lang == "en" && len(numbers) == 0:
		return "goods and services"
	case lang == "en" && len(numbers) == 1:
		return "payment of invoice " + numbers[0]
	case lang == "en":
		return "payment of invoices " + strings.Join(numbers, ", ")
	case len(numbers) == 0:
		return "お品代として"
	}
	return fmt.Sprintf("請求書 %s の代金として", strings.Join(numbers, "・"))
}
