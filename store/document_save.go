package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// lineField names a line's field in errors: lines.2.quantity is the third line's.
// Validate names four fields of every line, problem or not: concatenated,
// not formatted (fmt.Sprintf took a twentieth of importing 100,000
// documents).
func lineField(i int, name string) string { return "lines." + strconv.Itoa(i) + "." + name }

// Validate normalises a draft in place and returns every problem that makes
// it unsavable. Problems that only stop it being issued (see issueProblems)
// are not reported here, so a half-finished draft can be kept.
func (d *Document) Validate() error {
	var ck checker
	ck.choice("kind", d.Kind, ListedKinds...)
	if d.CustomerID == 0 {
		ck.add("customer", "required")
	}
	ck.line("subject", &d.Subject, false, 200)
	ck.text("notes", &d.Notes, false, 2000)
	if d.PriceMode == "" {
		d.PriceMode = PriceExclusive
	}
	ck.choice("price_mode", d.PriceMode, PriceExclusive, PriceInclusive)
	if d.IssueDate.IsZero() {
		ck.add("issue_date", "required")
	}
	ck.errs = append(ck.errs, d.dateBounds()...)
	ck.dateNotBefore("valid_until", d.ValidUntil, d.IssueDate, "document.before_issue_date")
	ck.dateNotBefore("due_date", d.DueDate, d.IssueDate, "document.due_before_issue")
	if d.Kind == KindCreditNote && d.CorrectsID == 0 {
		ck.add("corrects", "document.credit_needs_invoice")
	}
	if len(d.Lines) > 500 {
		ck.add("lines", "document.too_many_lines", 500)
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		ck.line(lineField(i, "description"), &l.Description, true, 200)
		ck.line(lineField(i, "unit"), &l.Unit, false, 10)
		if l.TaxCategory != "" {
			ck.choice(lineField(i, "tax_category"), l.TaxCategory, TaxCategories...)
		}
		amount, err := LineAmount(l.Quantity, l.UnitPrice)
		switch {
		case err != nil:
			ck.add(lineField(i, "unit_price"), "money.overflow")
		case CheckAmount("", l.UnitPrice) != nil:
			ck.amount(lineField(i, "unit_price"), l.UnitPrice)
		default:
			ck.amount(lineField(i, "amount"), amount)
		}
		l.Amount = amount
	}
	return ck.errs.OrNil()
}

// dateNotBefore reports d before min (both set) on field.
func (c *checker) dateNotBefore(field string, d, min time.Time, reason string) {
	if !d.IsZero() && !min.IsZero() && d.Before(min) {
		c.add(field, reason)
	}
}

// SaveDraft validates d and stores it as a draft: a new one when d.ID is 0,
// else over the stored draft (d.Version must match: no lost updates). Line
// amounts, tax rates, cost snapshots and totals are computed here, so what is
// stored always adds up.
func (s *Store) SaveDraft(ctx context.Context, d *Document) error {
	if d.Kind == KindReceipt { // only IssueReceipt makes one, from a payment
		return Errors{Invalid("kind", "document.receipt_from_payment")}
	}
	saved := *d
	saved.Lines = slices.Clone(d.Lines) // a failed save leaves the caller's lines as they were
	err := s.write(ctx, func(tx *Tx) error { return tx.saveDraft(&saved) })
	if err == nil {
		*d = saved
	}
	return err
}

func (tx *Tx) saveDraft(d *Document) error {
	if err := d.Validate(); err != nil {
		return err
	}
	ctx := tx.ctx
	company, err := loadCompany(ctx, tx)
	if err != nil {
		return err
	}
	var before any
	if d.ID != 0 {
		old, err := loadDocument(ctx, tx, d.ID)
		if err != nil {
			return err
		}
		if old.Status != StatusDraft {
			return &Error{Code: CodeConflict, Reason: "document.frozen", Args: []any{old.Number}}
		}
		if old.Version != d.Version {
			return tx.staleError("document", fmt.Sprint(d.ID))
		}
		before = auditSummary(&old)
	}
	var code, name string
	err = tx.QueryRowContext(ctx, `SELECT code, name FROM customers WHERE id = ?`, d.CustomerID).Scan(&code, &name)
	if errors.Is(err, sql.ErrNoRows) {
		return Invalid("customer", "customer.not_found", d.CustomerID)
	}
	if err != nil {
		return err
	}
	d.CustomerCode, d.CustomerName = code, name
	if err := tx.prepareLines(d); err != nil {
		return err
	}
	if err := tx.checkRemaining(d); err != nil {
		return err
	}
	d.Currency, d.TaxRounding = company.Currency, company.TaxRounding
	if d.Totals, err = ComputeTotals(d.Lines, d.PriceMode, d.TaxRounding); err != nil {
		return err
	}
	credit, err := tx.creditNoteProblems(d)
	if err != nil {
		return err
	}
	if errs := append(totalProblems(d), credit...); len(errs) > 0 {
		return errs
	}
	if err := tx.writeDocumentRow(d); err != nil {
		return err
	}
	if err := tx.writeLinesAndTaxes(d); err != nil {
		return err
	}
	action := "update"
	if before == nil {
		action = "create"
	}
	d.Version++
	return tx.audit(action, "document", fmt.Sprint(d.ID), before, auditSummary(d))
}

// prepareLines sets each line's tax rate (the one in force on the issue date)
// and, for product lines not copied from another document, the cost snapshot.
func (tx *Tx) prepareLines(d *Document) error {
	taxes, err := loadTaxTable(tx.ctx, tx)
	if err != nil {
		return err
	}
	var errs Errors
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.TaxCategory != "" {
			rate, ok := taxes.RateOn(l.TaxCategory, d.IssueDate)
			if !ok {
				errs = append(errs, Invalid(lineField(i, "tax_category"), "tax.no_rate", FormatDate(d.IssueDate)))
			}
			l.TaxRate = rate
		}
		if l.ProductID != 0 && l.SourceLineID == 0 {
			err := tx.QueryRowContext(tx.ctx, `SELECT cost_price, code FROM products WHERE id = ?`, l.ProductID).
				Scan(&l.CostPrice, &l.ProductCode)
			if errors.Is(err, sql.ErrNoRows) {
				errs = append(errs, Invalid(lineField(i, "product"), "product.not_found", l.ProductID))
			} else if err != nil {
				return err
			}
		}
	}
	return errs.OrNil()
}

func (tx *Tx) writeDocumentRow(d *Document) error {
	ctx := tx.ctx
	args := []any{d.Kind, d.CustomerID, d.Subject, FormatDate(d.IssueDate), FormatDate(d.ValidUntil),
		FormatDate(d.DeliveryDate), FormatDate(d.ClosingDate), FormatDate(d.DueDate), d.PriceMode, d.Notes,
		nullID(d.CorrectsID), nullID(d.RevisesID), d.Currency, d.TaxRounding,
		d.Totals.Subtotal, d.Totals.Tax, d.Totals.Total, d.Version + 1, stamp(tx.now)}
	if d.ID == 0 {
		res, err := tx.ExecContext(ctx, `INSERT INTO documents (kind, customer_id, subject, issue_date, valid_until,
			delivery_date, closing_date, due_date, price_mode, notes, corrects_id, revises_id, currency, tax_rounding,
			subtotal, tax, total, version, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, stamp(tx.now))...)
		if err != nil {
			return err
		}
		d.ID, err = res.LastInsertId()
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE documents SET kind = ?, customer_id = ?, subject = ?, issue_date = ?,
		valid_until = ?, delivery_date = ?, closing_date = ?, due_date = ?, price_mode = ?, notes = ?,
		corrects_id = ?, revises_id = ?, currency = ?, tax_rounding = ?, subtotal = ?, tax = ?, total = ?,
		version = ?, updated_at = ? WHERE id = ? AND status = 'draft'`, append(args, d.ID)...)
	return err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullString stores "" as NULL: a line's tax category not chosen yet.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// writeLinesAndTaxes replaces a draft's lines and per-rate totals.
func (tx *Tx) writeLinesAndTaxes(d *Document) error {
	ctx := tx.ctx
	if _, err := tx.ExecContext(ctx, `DELETE FROM document_lines WHERE document_id = ?`, d.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM document_taxes WHERE document_id = ?`, d.ID); err != nil {
		return err
	}
	for i := range d.Lines {
		l := &d.Lines[i]
		res, err := tx.ExecContext(ctx, `INSERT INTO document_lines (document_id, position, product_id, description,
			quantity, unit, unit_price, tax_category, tax_rate, cost_price, amount, source_line_id)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, d.ID, i, nullID(l.ProductID), l.Description, l.Quantity,
			l.Unit, l.UnitPrice, nullString(l.TaxCategory), l.TaxRate, l.CostPrice, l.Amount, nullID(l.SourceLineID))
		if err != nil {
			return err
		}
		if l.ID, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	for _, t := range d.Totals.Taxes {
		if _, err := tx.ExecContext(ctx, `INSERT INTO document_taxes (document_id, rate, net, tax, gross)
			VALUES (?, ?, ?, ?, ?)`, d.ID, t.Rate, t.Net, t.Tax, t.Gross); err != nil {
			return err
		}
	}
	return nil
}

// checkRemaining refuses lines that take more of an estimate line than is left
// of it: what other live documents (not void) already took counts, and so do
// the document's own earlier lines from the same source line.
func (tx *Tx) checkRemaining(d *Document) error {
	var errs Errors
	here := map[int64]Quantity{} // taken by the lines above, per source line
	for i, l := range d.Lines {
		if l.SourceLineID == 0 {
			continue
		}
		var srcKind string
		var srcQty Quantity
		err := tx.QueryRowContext(tx.ctx, `SELECT d.kind, l.quantity FROM document_lines l
			JOIN documents d ON d.id = l.document_id WHERE l.id = ?`, l.SourceLineID).Scan(&srcKind, &srcQty)
		if err != nil {
			return err
		}
		if srcKind != KindEstimate {
			continue // delivery note and invoice lines are taken whole, checked per document
		}
		if l.Quantity < 0 { // would give back what was never taken
			errs = append(errs, Invalid(lineField(i, "quantity"), "quantity.negative"))
			continue
		}
		var taken Quantity
		if err := tx.QueryRowContext(tx.ctx, `SELECT coalesce(sum(l.quantity), 0) FROM document_lines l
			JOIN documents d ON d.id = l.document_id
			WHERE l.source_line_id = ? AND d.status <> 'void' AND d.id <> ?`, l.SourceLineID, d.ID).Scan(&taken); err != nil {
			return err
		}
		if left := srcQty - taken - here[l.SourceLineID]; l.Quantity > left {
			errs = append(errs, Invalid(lineField(i, "quantity"), "document.exceeds_remaining", left.String()))
		}
		here[l.SourceLineID] += l.Quantity
	}
	return errs.OrNil()
}

// auditSummary is what the audit log keeps of a document change: enough to
// see what changed (the lines are summed, not copied: the document itself
// keeps them, frozen once issued).
func auditSummary(d *Document) map[string]any {
	return map[string]any{"kind": d.Kind, "number": d.Number, "status": d.Status, "customer": d.CustomerCode,
		"subject": d.Subject, "issue_date": FormatDate(d.IssueDate), "lines": len(d.Lines),
		"subtotal": d.Totals.Subtotal, "tax": d.Totals.Tax, "total": d.Totals.Total}
}

// DeleteDraft deletes a draft (issued documents are voided, never deleted).
func (s *Store) DeleteDraft(ctx context.Context, id int64) error {
	return s.write(ctx, func(tx *Tx) error {
		d, err := loadDocument(ctx, tx, id)
		if err != nil {
			return err
		}
		if d.Status != StatusDraft {
			return &Error{Code: CodeConflict, Reason: "document.frozen", Args: []any{d.Number}}
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM documents WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.audit("delete", "document", fmt.Sprint(id), auditSummary(&d), nil)
	})
}
