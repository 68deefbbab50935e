package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// FiscalYear is the fiscal year a date falls in, named by the calendar year
// it starts in: with an April start, 2027-03-31 is in fiscal 2026.
func FiscalYear(date time.Time, startMonth int) int {
	if startMonth < 1 || int(date.Month()) >= startMonth {
		return date.Year()
	}
	return date.Year() - 1
}

var numberPlaceholder = lazyRegexp(`\{(kind|year|seq)(?::(\d))?\}`)

// FormatNumber fills a number format: {kind} the kind's letter (Q D I C),
// {year} the fiscal year, {seq} or {seq:4} the counter (zero-padded).
func FormatNumber(format, kind string, year, seq int) string {
	return numberPlaceholder().ReplaceAllStringFunc(format, func(m string) string {
		p := numberPlaceholder().FindStringSubmatch(m)
		switch p[1] {
		case "kind":
			return kindPrefix(kind)
		case "year":
			return strconv.Itoa(year)
		}
		width, _ := strconv.Atoi(p[2])
		return fmt.Sprintf("%0*d", width, seq)
	})
}

// validNumberFormat: a format must hold {kind}, {year} and {seq}, or numbers
// of different kinds or years would collide.
func validNumberFormat(f string) bool {
	return strings.Contains(f, "{kind}") && strings.Contains(f, "{year}") &&
		(strings.Contains(f, "{seq}") || regexp.MustCompile(`\{seq:\d\}`).MatchString(f))
}

// issueProblems is the check before issuing: what would make an invalid
// document, above all an invalid qualified invoice (適格請求書), each with the
// field at fault. It reads nothing from the database, so it needs no
// transaction.
func issueProblems(d *Document, company Company) Errors {
	errs := d.dateBounds() // also of the dates filled in from the rules
	if len(d.Lines) == 0 {
		errs = append(errs, Invalid("lines", "document.no_lines"))
	}
	for i, l := range d.Lines {
		if l.TaxCategory == "" {
			errs = append(errs, Invalid(lineField(i, "tax_category"), "document.line_no_tax"))
		}
	}
	if (d.Kind == KindInvoice || d.Kind == KindCreditNote) && company.RegistrationNumber == "" {
		errs = append(errs, Invalid("company.registration_number", "document.company_regno"))
	}
	if !d.DueDate.IsZero() && d.DueDate.Before(d.IssueDate) {
		errs = append(errs, Invalid("due_date", "document.due_before_issue"))
	}
	if !d.ValidUntil.IsZero() && d.ValidUntil.Before(d.IssueDate) {
		errs = append(errs, Invalid("valid_until", "document.before_issue_date"))
	}
	return append(errs, totalProblems(d)...)
}

// IssuePreview is what the question before issuing shows: the document,
// what stops it from being issued, and the number it would get.
type IssuePreview struct {
	Document Document
	Problems error  // what stops the draft from being issued (nil: nothing)
	Number   string // the number it would get if issued now ("" unless it can be)
	// Schedule is, for an invoice whose due date comes from the customer's
	// terms, how the terms give its closing and due dates (with how the
	// holiday rule moved the due date); zero otherwise.
	Schedule DueSchedule
}

// IssuePreview reads the document and checks it as Issue would, without
// writing: a write transaction would wait for, or fail on, any other writer.
// The number is a preview (a concurrent issue may take it first; Issue
// assigns the real one). A document that is no longer a draft comes back
// with neither problems nor number: the caller says it is issued already.
func (s *Store) IssuePreview(ctx context.Context, id int64) (IssuePreview, error) {
	if err := s.needManager("issue"); err != nil {
		return IssuePreview{}, err
	}
	d, err := s.Document(ctx, id)
	if err != nil {
		return IssuePreview{}, err
	}
	p := IssuePreview{Document: d}
	if d.Status != StatusDraft {
		return p, nil
	}
	company, err := s.Company(ctx)
	if err != nil {
		return p, err
	}
	customer, err := s.Customer(ctx, d.CustomerID)
	if err != nil {
		return p, err
	}
	if d.Kind == KindInvoice && d.DueDate.IsZero() {
		p.Schedule = scheduleOf(&d, customer.Terms())
	}
	fillIssueDates(&d, customer.Terms()) // a copy: check the dates Issue will set
	if p.Problems = issueProblems(&d, company).OrNil(); p.Problems != nil {
		return p, nil
	}
	fy := FiscalYear(d.IssueDate, company.FiscalYearStart)
	var last int
	err = s.db.QueryRowContext(ctx, `SELECT coalesce(max(last), 0) FROM counters WHERE kind = ? AND fiscal_year = ?`,
		d.Kind, fy).Scan(&last)
	p.Number = FormatNumber(company.NumberFormat, d.Kind, fy, last+1)
	return p, err
}

// Issue numbers the draft, snapshots the customer and the company onto it and
// freezes it, in one transaction. version must be the draft's version as the
// caller last saw it: issuing what someone else has since changed is refused.
func (s *Store) Issue(ctx context.Context, id, version int64) (Document, error) {
	err := s.write(ctx, func(tx *Tx) error { return tx.issue(id, version) })
	if err != nil {
		return Document{}, err
	}
	return s.Document(ctx, id)
}

func (tx *Tx) issue(id, version int64) error {
	if err := tx.needManager("issue"); err != nil {
		return err
	}
	ctx := tx.ctx
	d, err := loadDocument(ctx, tx, id)
	if err != nil {
		return err
	}
	if d.Status != StatusDraft {
		return &Error{Code: CodeConflict, Reason: "document.frozen", Args: []any{d.Number}}
	}
	if version != 0 && d.Version != version {
		return tx.staleError("document", fmt.Sprint(id))
	}
	company, err := loadCompany(ctx, tx)
	if err != nil {
		return err
	}
	customer, err := scanCustomer(tx.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE id = ?`, d.CustomerID))
	if err != nil {
		return err
	}
	fillIssueDates(&d, customer.Terms())
	credit, err := tx.creditNoteProblems(&d)
	if err != nil {
		return err
	}
	if errs := append(issueProblems(&d, company), credit...); len(errs) > 0 {
		return errs
	}
	if err := tx.checkRemaining(&d); err != nil {
		return err
	}
	if err := tx.checkSourcesFree(&d); err != nil {
		return err
	}
	if err := tx.checkCreditFits(&d); err != nil {
		return err
	}
	fy := FiscalYear(d.IssueDate, company.FiscalYearStart)
	var seq int
	if err := tx.QueryRowContext(ctx, `INSERT INTO counters (kind, fiscal_year, last) VALUES (?, ?, 1)
		ON CONFLICT (kind, fiscal_year) DO UPDATE SET last = last + 1 RETURNING last`, d.Kind, fy).Scan(&seq); err != nil {
		return err
	}
	number := FormatNumber(company.NumberFormat, d.Kind, fy, seq)
	custSnap, err := json.Marshal(snapshotOf(customer))
	if err != nil {
		return err
	}
	compSnap, err := json.Marshal(company)
	if err != nil {
		return err
	}
	custID, err := tx.snapshot(string(custSnap))
	if err != nil {
		return err
	}
	compID, err := tx.snapshot(string(compSnap))
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE documents SET status = 'issued', number = ?, fiscal_year = ?, seq = ?,
		closing_date = ?, due_date = ?, delivery_date = ?, customer_snapshot = ?, company_snapshot = ?,
		issued_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = 'draft'`,
		number, fy, seq, FormatDate(d.ClosingDate), FormatDate(d.DueDate), FormatDate(d.DeliveryDate),
		custID, compID, stamp(tx.now), stamp(tx.now), id)
	if isUniqueViolation(err, "documents.number") {
		return &Error{Code: CodeConflict, Reason: "document.number_taken", Args: []any{number}}
	}
	if err != nil {
		return err
	}
	if err := tx.auditRecord("issue", "document", fmt.Sprint(id), map[string]string{"status": StatusDraft},
		map[string]any{"status": StatusIssued, "number": number, "total": d.Totals.Total}, recordDocument, id); err != nil {
		return err
	}
	return tx.sealClosingOnIssue(id, number)
}

// fillIssueDates fills the dates issuing sets by the rules (ARCHITECTURE.md
// §4). An invoice's closing date is the closing date of the customer's
// billing cycle that its closing date, or its issue date when it has none,
// falls in: the date its due date is computed from, not the issue date. A
// due date typed on the draft stays; an empty one comes from the terms. A
// delivery note without a delivery date was delivered on its issue date.
func fillIssueDates(d *Document, terms PaymentTerms) {
	switch d.Kind {
	case KindInvoice:
		s := scheduleOf(d, terms)
		d.ClosingDate = s.Closing
		if d.DueDate.IsZero() {
			d.DueDate = s.Due
		}
	case KindDeliveryNote:
		if d.DeliveryDate.IsZero() {
			d.DeliveryDate = d.IssueDate
		}
	}
}

// scheduleOf is how terms give the invoice d's dates: from its closing date,
// or its issue date when it has none.
func scheduleOf(d *Document, terms PaymentTerms) DueSchedule {
	date := d.ClosingDate
	if date.IsZero() {
		date = d.IssueDate
	}
	return terms.Schedule(date, d.IssueDate)
}

// snapshot stores body once (by its hash) and returns its id.
func (tx *Tx) snapshot(body string) (int64, error) {
	sum := sha256.Sum256([]byte(body))
	hash := hex.EncodeToString(sum[:])
	if _, err := tx.ExecContext(tx.ctx, `INSERT INTO snapshots (hash, body) VALUES (?, ?) ON CONFLICT (hash) DO NOTHING`,
		hash, body); err != nil {
		return 0, err
	}
	var id int64
	err := tx.QueryRowContext(tx.ctx, `SELECT id FROM snapshots WHERE hash = ?`, hash).Scan(&id)
	return id, err
}

// checkSourcesFree refuses an invoice whose delivery notes another live
// invoice already takes: a delivery note is invoiced once.
func (tx *Tx) checkSourcesFree(d *Document) error {
	if d.Kind != KindInvoice {
		return nil
	}
	for _, src := range d.Sources {
		if src.Kind != KindDeliveryNote {
			continue
		}
		if other, taken, err := tx.deliveryNoteInvoicedBy(src.ID, d.ID); err != nil {
			return err
		} else if taken {
			return &Error{Code: CodeConflict, Reason: "document.dn_already_invoiced", Args: []any{src.Number, other}}
		}
	}
	return nil
}

// deliveryNoteInvoicedBy names the live invoice (not void; drafts count, so
// two drafts cannot share one) other than except that takes the delivery note.
func (tx *Tx) deliveryNoteInvoicedBy(dnID, except int64) (string, bool, error) {
	var number string
	err := tx.QueryRowContext(tx.ctx, `SELECT coalesce(d.number, 'draft #' || d.id) FROM document_links l
		JOIN documents d ON d.id = l.target_id
		WHERE l.source_id = ? AND d.kind = 'invoice' AND d.status <> 'void' AND d.id <> ? LIMIT 1`, dnID, except).Scan(&number)
	if err != nil {
		if isNoRows(err) {
			return "", false, nil
		}
		return "", false, err
	}
	return number, true, nil
}

// Void cancels an issued document for a reason; it keeps its number (no gap)
// and stays on record. A document with live documents made from it cannot be
// voided until they are.
func (s *Store) Void(ctx context.Context, id int64, reason string) error {
	return s.write(ctx, func(tx *Tx) error { return tx.void(id, reason) })
}

// VoidCheck answers, without writing, whether the document can be voided
// (or revised, which voids it): nil, or the error Void would refuse with. The
// screen asks it before asking for a reason, so it never asks and then refuses.
func (s *Store) VoidCheck(ctx context.Context, id int64) error {
	if err := s.needManager("void"); err != nil {
		return err
	}
	d, err := s.Document(ctx, id)
	if err != nil {
		return err
	}
	return voidProblem(ctx, s.db, &d)
}

// voidProblem is why d cannot be voided, or nil: the one rule VoidCheck and
// Void share.
func voidProblem(ctx context.Context, q queryer, d *Document) error {
	if err := checkVoidable(ctx, q, d.ID); err != nil {
		return err
	}
	switch d.Status {
	case StatusDraft:
		return &Error{Code: CodeConflict, Reason: "document.void_draft"}
	case StatusVoid:
		return &Error{Code: CodeConflict, Reason: "document.already_void", Args: []any{d.Number}}
	}
	for _, t := range d.Targets {
		if t.Status != StatusVoid {
			name := t.Number
			if name == "" {
				name = "draft #" + fmt.Sprint(t.ID)
			}
			return &Error{Code: CodeConflict, Reason: "document.void_has_targets", Args: []any{d.Number, name}}
		}
	}
	return nil
}

func (tx *Tx) void(id int64, reason string) error {
	if err := tx.needManager("void"); err != nil {
		return err
	}
	ctx := tx.ctx
	var ck checker
	ck.line("reason", &reason, true, 200)
	if len(ck.errs) > 0 {
		return ck.errs
	}
	d, err := loadDocument(ctx, tx, id)
	if err != nil {
		return err
	}
	if err := voidProblem(ctx, tx, &d); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE documents SET status = 'void', voided_at = ?, voided_reason = ?,
		version = version + 1, updated_at = ? WHERE id = ?`, stamp(tx.now), reason, stamp(tx.now), id); err != nil {
		return err
	}
	return tx.auditRecord("void", "document", fmt.Sprint(id), map[string]string{"status": d.Status},
		map[string]string{"status": StatusVoid, "number": d.Number, "reason": reason}, recordDocument, id)
}

// SetEstimateOutcome records the customer's answer to an issued estimate.
func (s *Store) SetEstimateOutcome(ctx context.Context, id int64, status string) error {
	return s.write(ctx, func(tx *Tx) error {
		d, err := loadDocument(ctx, tx, id)
		if err != nil {
			return err
		}
		if d.Kind != KindEstimate || (status != StatusAccepted && status != StatusDeclined) ||
			(d.Status != StatusIssued && d.Status != StatusAccepted && d.Status != StatusDeclined) {
			return &Error{Code: CodeConflict, Reason: "document.outcome_not_allowed"}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE documents SET status = ?, version = version + 1, updated_at = ?
			WHERE id = ?`, status, stamp(tx.now), id); err != nil {
			return err
		}
		return tx.auditRecord(status, "document", fmt.Sprint(id), map[string]string{"status": d.Status},
			map[string]string{"status": status, "number": d.Number}, recordDocument, id)
	})
}

// Revise voids an issued document and makes a new draft copied from it and
// linked to it (revises_id), taking over its sources (the delivery notes of a
// closing invoice stay with the new one). It returns the new draft.
func (s *Store) Revise(ctx context.Context, id int64, reason string) (Document, error) {
	return s.makeDraft(ctx, func(tx *Tx) (Document, []int64, error) {
		if err := tx.void(id, reason); err != nil {
			return Document{}, nil, err
		}
		old, err := loadDocument(ctx, tx, id)
		if err != nil {
			return Document{}, nil, err
		}
		d := copyAsDraft(old, tx.now)
		d.RevisesID = old.ID
		d.IssueDate = old.IssueDate // a correction keeps the date the customer knows
		sources := make([]int64, len(old.Sources))
		for i, src := range old.Sources {
			sources[i] = src.ID
		}
		return d, sources, nil
	})
}

// Duplicate makes a new draft with the same customer, subject and lines, dated
// today: the safe way to make this month's invoice from last month's.
func (s *Store) Duplicate(ctx context.Context, id int64) (Document, error) {
	return s.makeDraft(ctx, func(tx *Tx) (Document, []int64, error) {
		old, err := loadDocument(ctx, tx, id)
		if err != nil {
			return Document{}, nil, err
		}
		d := copyAsDraft(old, tx.now)
		for i := range d.Lines {
			d.Lines[i].SourceLineID = 0 // a copy is not made from the old document's lines
		}
		d.ClosingDate, d.DueDate, d.ValidUntil, d.DeliveryDate = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		return d, nil, nil
	})
}

// copyAsDraft is a new draft holding old's content, dated today.
func copyAsDraft(old Document, now time.Time) Document {
	d := Document{Kind: old.Kind, CustomerID: old.CustomerID, Subject: old.Subject, IssueDate: Today(now),
		ValidUntil: old.ValidUntil, DeliveryDate: old.DeliveryDate, ClosingDate: old.ClosingDate,
		DueDate: old.DueDate, PriceMode: old.PriceMode, Notes: old.Notes, CorrectsID: old.CorrectsID}
	d.Lines = make([]Line, len(old.Lines))
	for i, l := range old.Lines {
		l.ID = 0
		d.Lines[i] = l
	}
	return d
}

func (tx *Tx) link(sourceID, targetID int64) error {
	_, err := tx.ExecContext(tx.ctx, `INSERT OR IGNORE INTO document_links (source_id, target_id) VALUES (?, ?)`,
		sourceID, targetID)
	return err
}
