package store

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// Conversions make each document of the flow from the one before it, so
// nothing is typed twice: estimate → delivery note or invoice; delivery notes
// → one closing invoice (締め請求); invoice → credit note. Every made document
// is a draft linked to its sources, its lines to their source lines.

// RemainingLine is an estimate line with what is still to deliver or invoice.
type RemainingLine struct {
	Line      Line
	Remaining Quantity
}

// Remaining lists an estimate's lines with the quantity no live delivery note
// or invoice has taken yet.
func (s *Store) Remaining(ctx context.Context, estimateID int64) ([]RemainingLine, error) {
	d, err := s.Document(ctx, estimateID)
	if err != nil {
		return nil, err
	}
	return remaining(ctx, s.db, d)
}

func remaining(ctx context.Context, q queryer, est Document) ([]RemainingLine, error) {
	out := make([]RemainingLine, len(est.Lines))
	for i, l := range est.Lines {
		var taken Quantity
		if err := q.QueryRowContext(ctx, `SELECT coalesce(sum(l.quantity), 0) FROM document_lines l
			JOIN documents d ON d.id = l.document_id WHERE l.source_line_id = ? AND d.status <> 'void'`,
			l.ID).Scan(&taken); err != nil {
			return nil, err
		}
		out[i] = RemainingLine{Line: l, Remaining: l.Quantity - taken}
	}
	return out, nil
}

// Pick is how much of one source line to take.
type Pick struct {
	SourceLineID int64
	Quantity     Quantity
}

// ConvertEstimate makes a delivery note or an invoice (target) from an issued
// or accepted estimate: picks chooses lines and quantities; nil takes all that
// remains of every line. It returns the new draft.
func (s *Store) ConvertEstimate(ctx context.Context, estimateID int64, target string, picks []Pick) (Document, error) {
	return s.makeDraft(ctx, func(tx *Tx) (Document, []int64, error) {
		est, err := loadDocument(ctx, tx, estimateID)
		if err != nil {
			return Document{}, nil, err
		}
		if est.Kind != KindEstimate || (target != KindDeliveryNote && target != KindInvoice) {
			return Document{}, nil, &Error{Code: CodeConflict, Reason: "document.convert_not_allowed"}
		}
		if est.Status != StatusIssued && est.Status != StatusAccepted {
			return Document{}, nil, &Error{Code: CodeConflict, Reason: "document.convert_needs_issued", Args: []any{est.Number}}
		}
		rem, err := remaining(ctx, tx, est)
		if err != nil {
			return Document{}, nil, err
		}
		if picks == nil {
			for _, r := range rem {
				if r.Remaining > 0 {
					picks = append(picks, Pick{SourceLineID: r.Line.ID, Quantity: r.Remaining})
				}
			}
		}
		d := Document{Kind: target, CustomerID: est.CustomerID, Subject: est.Subject, IssueDate: Today(tx.now),
			PriceMode: est.PriceMode, Notes: est.Notes}
		for _, p := range picks {
			if p.Quantity == 0 {
				continue
			}
			line, ok := lineByID(est.Lines, p.SourceLineID)
			if !ok {
				return Document{}, nil, Invalid("lines", "document.not_a_source_line", p.SourceLineID)
			}
			line.ID, line.SourceLineID, line.Quantity = 0, p.SourceLineID, p.Quantity
			d.Lines = append(d.Lines, line)
		}
		if len(d.Lines) == 0 {
			return Document{}, nil, &Error{Code: CodeConflict, Reason: "document.nothing_remaining", Args: []any{est.Number}}
		}
		return d, []int64{est.ID}, nil
	})
}

// makeDraft is the shape of every conversion: in one write transaction,
// build makes the new document from its sources; it is saved as a draft and
// linked to them, then loaded back.
func (s *Store) makeDraft(ctx context.Context, build func(tx *Tx) (d Document, sources []int64, err error)) (Document, error) {
	var newID int64
	err := s.write(ctx, func(tx *Tx) error {
		d, sources, err := build(tx)
		if err != nil {
			return err
		}
		if err := tx.saveDraft(&d); err != nil {
			return err
		}
		for _, src := range sources {
			if err := tx.link(src, d.ID); err != nil {
				return err
			}
		}
		newID = d.ID
		return nil
	})
	if err != nil {
		return Document{}, err
	}
	return s.Document(ctx, newID)
}

func lineByID(lines []Line, id int64) (Line, bool) {
	for _, l := range lines {
		if l.ID == id {
			return l, true
		}
	}
	return Line{}, false
}

// UninvoicedDeliveryNotes lists a customer's issued delivery notes delivered
// on or before upTo that no live invoice takes yet, oldest first, of
// whatever cycle: a closing invoice takes those of one cycle only
// (ClosingCycle).
func (s *Store) UninvoicedDeliveryNotes(ctx context.Context, customerID int64, upTo time.Time) ([]DocRef, error) {
	return uninvoicedDeliveryNotes(ctx, s.db, customerID, upTo)
}

func uninvoicedDeliveryNotes(ctx context.Context, q queryer, customerID int64, upTo time.Time) ([]DocRef, error) {
	return loadRefsArgs(ctx, q, `SELECT d.id, d.kind, d.number, d.status, d.delivery_date, d.total
		FROM documents d
		WHERE d.customer_id = ? AND d.kind = 'delivery_note' AND d.status = 'issued' AND d.delivery_date <= ?
		AND NOT EXISTS (SELECT 1 FROM document_links l JOIN documents i ON i.id = l.target_id
			WHERE l.source_id = d.id AND i.kind = 'invoice' AND i.status <> 'void')
		ORDER BY d.delivery_date, d.number`, customerID, FormatDate(upTo))
}

// CreateClosingInvoice makes one invoice (締め請求) from a customer's
// uninvoiced delivery notes of the billing cycle that closing falls in
// (ClosingCycle: delivered after the previous cycle's closing date, up to
// this one's), their lines in delivery order. The invoice is dated on, and
// closes on, the cycle's closing date. subject is its 件名; "" gives the
// cycle's subject in the customer's language (ClosingSubject).
func (s *Store) CreateClosingInvoice(ctx context.Context, customerID int64, closing time.Time, subject string) (Document, error) {
	return s.makeDraft(ctx, func(tx *Tx) (Document, []int64, error) {
		cy, err := closingCycle(ctx, tx, customerID, closing)
		if err != nil {
			return Document{}, nil, err
		}
		if err := cy.Refusal(); err != nil {
			return Document{}, nil, err
		}
		if subject == "" {
			subject = cy.Subject
		}
		d := Document{Kind: KindInvoice, CustomerID: customerID, Subject: subject, IssueDate: cy.Closing, ClosingDate: cy.Closing}
		sources := make([]int64, len(cy.DeliveryNotes))
		for i, ref := range cy.DeliveryNotes {
			dn, err := loadDocument(ctx, tx, ref.ID)
			if err != nil {
				return Document{}, nil, err
			}
			if i == 0 {
				d.PriceMode = dn.PriceMode
			} else if dn.PriceMode != d.PriceMode {
				return Document{}, nil, &Error{Code: CodeConflict, Reason: "document.mixed_price_modes"}
			}
			for _, l := range dn.Lines {
				l.SourceLineID, l.ID = l.ID, 0
				d.Lines = append(d.Lines, l)
			}
			sources[i] = ref.ID
		}
		return d, sources, nil
	})
}

// CreateCreditNote makes a credit note draft correcting an issued invoice,
// with the invoice's lines to edit down to what is credited.
func (s *Store) CreateCreditNote(ctx context.Context, invoiceID int64) (Document, error) {
	return s.makeDraft(ctx, func(tx *Tx) (Document, []int64, error) {
		inv, err := loadDocument(ctx, tx, invoiceID)
		if err != nil {
			return Document{}, nil, err
		}
		if inv.Kind != KindInvoice || inv.Status != StatusIssued {
			return Document{}, nil, &Error{Code: CodeConflict, Reason: "document.credit_needs_invoice"}
		}
		date := Today(tx.now)
		if date.Before(inv.IssueDate) { // an invoice issued ahead: a credit note is never dated before it
			date = inv.IssueDate
		}
		d := Document{Kind: KindCreditNote, CustomerID: inv.CustomerID, Subject: inv.Subject,
			IssueDate: date, PriceMode: inv.PriceMode, CorrectsID: inv.ID}
		for _, l := range inv.Lines {
			l.SourceLineID, l.ID = l.ID, 0
			d.Lines = append(d.Lines, l)
		}
		return d, []int64{inv.ID}, nil
	})
}

// Chain is every document linked to id, directly or through others, in flow
// order (estimates, delivery notes, invoices, credit notes; by number): the
// Q-2026-0003 → D-2026-0005 → I-2026-0009 view.
func (s *Store) Chain(ctx context.Context, id int64) ([]DocRef, error) {
	seen := map[int64]DocRef{}
	queue := []int64{id}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		if _, ok := seen[cur]; ok {
			continue
		}
		d, err := s.Document(ctx, cur)
		if err != nil {
			return nil, err
		}
		seen[cur] = DocRef{ID: d.ID, Kind: d.Kind, Number: d.Number, Status: d.Status, IssueDate: d.IssueDate, Total: d.Totals.Total}
		for _, r := range append(d.Sources, d.Targets...) {
			queue = append(queue, r.ID)
		}
		if len(seen) > 1000 {
			return nil, fmt.Errorf("document chain of %d is too long", id)
		}
	}
	order := map[string]int{KindEstimate: 0, KindDeliveryNote: 1, KindInvoice: 2, KindCreditNote: 3}
	out := make([]DocRef, 0, len(seen))
	for _, r := range seen {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if order[out[i].Kind] != order[out[j].Kind] {
			return order[out[i].Kind] < order[out[j].Kind]
		}
		if out[i].Number != out[j].Number {
			return out[i].Number < out[j].Number
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

func loadRefsArgs(ctx context.Context, q queryer, query string, args ...any) ([]DocRef, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DocRef
	for rows.Next() {
		var r DocRef
		var date string
		if err := rows.Scan(&r.ID, &r.Kind, &r.Number, &r.Status, &date, &r.Total); err != nil {
			return nil, err
		}
		r.IssueDate = mustDate(date)
		out = append(out, r)
	}
	return out, rows.Err()
}
