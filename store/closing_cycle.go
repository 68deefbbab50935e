package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// A closing invoice (締め請求) gathers the delivery notes of one billing
// cycle of its customer (ARCHITECTURE.md §4): those delivered after the
// previous cycle's closing date, up to this cycle's. Older ones that no
// invoice takes yet belong to their own cycle's invoice, with its own
// closing and due dates; the cycle shows them so the user can make that
// invoice first.

// ClosingCycle is one billing cycle of a customer as a closing invoice sees it.
type ClosingCycle struct {
	After   time.Time // the previous cycle's closing date: delivery notes after it belong here
	Closing time.Time // this cycle's closing date, the invoice's issue and closing date
	// Schedule is the invoice's dates as issuing on the closing date gives
	// them: its due date, and how the holiday rule moved it.
	Schedule DueSchedule
	// Subject is the invoice's subject in the customer's language.
	Subject string
	// DeliveryNotes are the issued delivery notes of the cycle that no live
	// invoice takes yet, oldest first: what the closing invoice takes.
	DeliveryNotes []DocRef
	// Earlier are the issued, uninvoiced delivery notes of earlier cycles,
	// oldest first: left for their own cycle's invoice.
	Earlier []DocRef
	// EarlierClosing is the closing date of the oldest of them's cycle, the
	// one to invoice first (zero when there are none).
	EarlierClosing time.Time
}

// ClosingCycle returns the customer's billing cycle that date falls in: its
// closing date (date itself when it is one of the customer's closing days,
// else the next one) and the delivery notes a closing invoice for it takes.
func (s *Store) ClosingCycle(ctx context.Context, customerID int64, date time.Time) (ClosingCycle, error) {
	return closingCycle(ctx, s.db, customerID, date)
}

func closingCycle(ctx context.Context, q queryer, customerID int64, date time.Time) (ClosingCycle, error) {
	c, err := scanCustomer(q.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE id = ?`, customerID))
	if errors.Is(err, sql.ErrNoRows) {
		return ClosingCycle{}, &Error{Code: CodeNotFound, Reason: "customer.not_found", Args: []any{customerID}}
	}
	if err != nil {
		return ClosingCycle{}, err
	}
	terms := c.Terms()
	sched := terms.Schedule(date, date)
	cy := ClosingCycle{Closing: sched.Closing, After: terms.PreviousClosing(sched.Closing)}
	cy.Schedule = terms.Schedule(cy.Closing, cy.Closing)
	cy.Subject = ClosingSubject(c.Language, cy.Closing)
	all, err := uninvoicedDeliveryNotes(ctx, q, c.ID, cy.Closing)
	if err != nil {
		return cy, err
	}
	for _, r := range all {
		if r.IssueDate.After(cy.After) { // a DocRef of a delivery note carries its delivery date
			cy.DeliveryNotes = append(cy.DeliveryNotes, r)
		} else {
			cy.Earlier = append(cy.Earlier, r)
		}
	}
	if len(cy.Earlier) > 0 {
		cy.EarlierClosing, _ = terms.ClosingAndDue(cy.Earlier[0].IssueDate)
	}
	return cy, nil
}

// Refusal is why no closing invoice can be made for the cycle (nil when it
// has delivery notes to take): nothing to take, and when earlier cycles
// still have some, the oldest and its cycle, so the user makes that
// invoice instead.
func (cy ClosingCycle) Refusal() error {
	switch {
	case len(cy.DeliveryNotes) > 0:
		return nil
	case len(cy.Earlier) > 0:
		return &Error{Code: CodeConflict, Field: "closing_date", Reason: "document.dn_earlier_cycle",
			Args: []any{FormatDate(cy.Closing), cy.Earlier[0].Number, FormatDate(cy.EarlierClosing)}}
	}
	return &Error{Code: CodeConflict, Field: "closing_date", Reason: "document.no_delivery_notes",
		Args: []any{FormatDate(cy.Closing)}}
}

// ClosingSubject is the subject of a closing invoice for the cycle closing
// on closing, in the document language lang (the customer's): the one
// wording every caller uses (the documents screen, import, the demo), so a
// Japanese customer's invoice never says "Invoice for 12/2026". The cycle is
// named by its closing month, as Japanese offices do (12月20日締め = 12月分).
func ClosingSubject(lang string, closing time.Time) string {
	if lang == "en" {
		return fmt.Sprintf("Invoice for %s %d", closing.Month(), closing.Year())
	}
	return fmt.Sprintf("%d年%d月分ご請求", closing.Year(), closing.Month())
}
