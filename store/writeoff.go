package store

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// A write-off closes what is left on an invoice that will not be paid: a
// transfer fee the payer deducted, a discount granted after the fact, or a
// bad debt (貸倒れ). It is an adjustment like the shortfall closed within
// the tolerance (CloseShortfall), but of any amount up to what is open and
// always with a reason, since it is a decision someone must be able to
// explain later.

// AdjustBadDebt is a write-off of a receivable that will not be collected.
const AdjustBadDebt = "bad_debt"

// WriteOffKinds lists the kinds of write-off in display order.
var WriteOffKinds = []string{AdjustTransferFee, AdjustDiscount, AdjustBadDebt}

// CreditNoteThreshold is the discount (tax included) from which the
// qualified-invoice rules require a 返還インボイス (a credit note) to be
// issued to the customer: ¥10,000. Below it a seller may skip one
// (少額な返還インボイスの交付義務免除), so a plain write-off is enough.
const CreditNoteThreshold Money = 10_000

// DiscountNeedsCreditNote reports whether writing off amount as a discount
// calls for a credit note instead (a yen ledger only: the rule is Japan's).
func DiscountNeedsCreditNote(kind string, amount Money, currency string) bool {
	return kind == AdjustDiscount && currency == "JPY" && amount >= CreditNoteThreshold
}

// WriteOff is what the bookkeeper decides to close on an invoice.
type WriteOff struct {
	InvoiceID int64
	Kind      string // AdjustTransferFee, AdjustDiscount or AdjustBadDebt
	Amount    Money  // > 0 and at most what is open on the invoice
	Reason    string // required
	Date      time.Time
}

// WriteOffCheck says whether an invoice has anything to write off, without
// writing: a screen asks it before opening the form (CodeConflict
// shortfall.nothing_open when nothing is open; not an issued invoice).
func (s *Store) WriteOffCheck(ctx context.Context, invoiceID int64) (InvoiceBalance, error) {
	b, err := invoiceBalance(ctx, s.db, invoiceID)
	if err != nil {
		return b, err
	}
	return b, b.writeOffable()
}

func (b *InvoiceBalance) writeOffable() error {
	if b.kind != KindInvoice || b.docStatus != StatusIssued {
		name := b.Number
		if name == "" {
			name = fmt.Sprintf("#%d", b.InvoiceID)
		}
		return &Error{Code: CodeConflict, Reason: "allocation.not_issued_invoice", Args: []any{name}}
	}
	if b.Open <= 0 {
		return &Error{Code: CodeConflict, Reason: "shortfall.nothing_open", Args: []any{b.Number}}
	}
	return nil
}

// WriteOffInvoice records w as an adjustment of its invoice (with an audit
// row), in one transaction. The amount is refused on the field "amount"
// when it is above what is open, the reason on "reason" when empty; a zero
// date is today, and a write-off is never dated before its invoice.
func (s *Store) WriteOffInvoice(ctx context.Context, w WriteOff) (Adjustment, error) {
	var a Adjustment
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		a, err = tx.writeOff(w)
		return err
	})
	return a, err
}

func (tx *Tx) writeOff(w WriteOff) (Adjustment, error) {
	var ck checker
	ck.choice("kind", w.Kind, WriteOffKinds...)
	ck.text("reason", &w.Reason, true, 500)
	if w.Amount <= 0 {
		ck.add("amount", "money.positive")
	}
	if w.Date.IsZero() {
		w.Date = Today(tx.now)
	}
	ck.date("date", w.Date)
	if len(ck.errs) > 0 {
		return Adjustment{}, ck.errs
	}
	b, err := invoiceBalance(tx.ctx, tx, w.InvoiceID)
	if err != nil {
		return Adjustment{}, err
	}
	if err := b.writeOffable(); err != nil {
		return Adjustment{}, err
	}
	if w.Amount > b.Open {
		return Adjustment{}, Invalid("amount", "writeoff.exceeds_open", b.Number, b.Open.Format(tx.currency()))
	}
	if w.Date.Before(b.IssueDate) {
		return Adjustment{}, Invalid("date", "writeoff.before_invoice", b.Number, FormatDate(b.IssueDate))
	}
	a := Adjustment{InvoiceID: w.InvoiceID, Kind: w.Kind, Amount: w.Amount, Date: dateOnly(w.Date), Reason: w.Reason}
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO adjustments (invoice_id, kind, amount, date, reason, actor, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, a.InvoiceID, a.Kind, a.Amount, FormatDate(a.Date), a.Reason, tx.actor, stamp(tx.now))
	if err != nil {
		return a, err
	}
	if a.ID, err = res.LastInsertId(); err != nil {
		return a, err
	}
	return a, tx.auditRecord("write_off", "document", fmt.Sprint(w.InvoiceID), map[string]any{"open": b.Open},
		map[string]any{"adjustment": a.ID, "number": b.Number, "kind": a.Kind, "amount": a.Amount,
			"date": FormatDate(a.Date), "reason": a.Reason},
		recordDocument, w.InvoiceID)
}

// CreateDiscountCreditNote makes a credit note draft (返還インボイス) granting
// a discount of amount (tax included) on an issued invoice: one line per tax
// rate of the invoice, the amount shared in proportion to each rate's gross
// (the last rate takes the rounding), prices tax-inclusive so the note's
// total is exactly the amount. The draft opens in the editor to check and
// issue; issuing refuses a note larger than what is open then.
func (s *Store) CreateDiscountCreditNote(ctx context.Context, invoiceID int64, amount Money, reason string) (Document, error) {
	if amount <= 0 {
		return Document{}, Invalid("amount", "money.positive")
	}
	return s.makeDraft(ctx, func(tx *Tx) (Document, []int64, error) {
		inv, err := loadDocument(tx.ctx, tx, invoiceID)
		if err != nil {
			return Document{}, nil, err
		}
		if inv.Kind != KindInvoice || inv.Status != StatusIssued {
			return Document{}, nil, &Error{Code: CodeConflict, Reason: "document.credit_needs_invoice"}
		}
		b, err := invoiceBalance(tx.ctx, tx, invoiceID)
		if err != nil {
			return Document{}, nil, err
		}
		if amount > b.Open {
			return Document{}, nil, Invalid("amount", "writeoff.exceeds_open", b.Number, b.Open.Format(tx.currency()))
		}
		date := Today(tx.now)
		if date.Before(inv.IssueDate) {
			date = inv.IssueDate
		}
		d := Document{Kind: KindCreditNote, CustomerID: inv.CustomerID, Subject: inv.Subject,
			IssueDate: date, PriceMode: PriceInclusive, CorrectsID: inv.ID, Notes: reason}
		d.Lines = discountLines(&inv, amount, reason)
		return d, []int64{inv.ID}, nil
	})
}

// discountLines shares amount over the invoice's tax rates by their gross.
func discountLines(inv *Document, amount Money, description string) []Line {
	category := map[int]string{} // rate → a tax category of the invoice carrying it
	for _, l := range inv.Lines {
		if l.TaxCategory != "" {
			if _, ok := category[l.TaxRate]; !ok {
				category[l.TaxRate] = l.TaxCategory
			}
		}
	}
	taxes := append([]TaxLine(nil), inv.Totals.Taxes...)
	sort.Slice(taxes, func(i, j int) bool { return taxes[i].Rate > taxes[j].Rate })
	var gross Money
	for _, t := range taxes {
		if _, ok := category[t.Rate]; ok && t.Gross > 0 {
			gross += t.Gross
		}
	}
	if description == "" {
		description = "値引き"
	}
	var lines []Line
	left, rest := amount, gross
	for _, t := range taxes {
		cat, ok := category[t.Rate]
		if !ok || t.Gross <= 0 || left <= 0 {
			continue
		}
		rest -= t.Gross
		share := left // the last rate takes what rounding left
		if rest > 0 {
			share = roundDiv(int64(amount), int64(t.Gross), int64(gross), RoundFloor)
		}
		left -= share
		lines = append(lines, Line{Description: description, Quantity: 1000, UnitPrice: share, TaxCategory: cat})
	}
	return lines
}
