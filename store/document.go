package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Document kinds (ARCHITECTURE.md §4).
const (
	KindEstimate     = "estimate"      // 見積書
	KindDeliveryNote = "delivery_note" // 納品書
	KindInvoice      = "invoice"       // 請求書
	KindCreditNote   = "credit_note"   // 返品・値引き (適格返還請求書)
)

// DocumentKinds lists the kinds in flow order.
var DocumentKinds = []string{KindEstimate, KindDeliveryNote, KindInvoice, KindCreditNote}

// kindPrefix is the letter of each kind's numbers: Q-2026-0001, D-…, I-…, C-…,
// contracts' K-…, receipts' R-… and opening balances' OB-… ("" for a kind
// without numbers). A switch rather than a map: nothing to build at start-up.
func kindPrefix(kind string) string {
	switch kind {
	case KindEstimate:
		return "Q"
	case KindDeliveryNote:
		return "D"
	case KindInvoice:
		return "I"
	case KindCreditNote:
		return "C"
	case kindContract:
		return "K"
	case KindReceipt:
		return "R"
	case seriesOpeningBalance:
		return "OB"
	}
	return ""
}

// Document statuses. A draft has no number and may change; from issued on it
// is frozen. Expired is never stored: an issued estimate past its valid-until
// date reads as expired.
const (
	StatusDraft    = "draft"
	StatusIssued   = "issued"
	StatusAccepted = "accepted" // estimates
	StatusDeclined = "declined" // estimates
	StatusExpired  = "expired"  // estimates, derived
	StatusVoid     = "void"
)

// Document is an estimate, delivery note, invoice or credit note.
type Document struct {
	ID           int64
	Kind         string
	Status       string // as stored (never "expired"; see DisplayStatus)
	Number       string // "" for a draft
	CustomerID   int64
	CustomerCode string // filled when loaded
	CustomerName string // filled when loaded: the snapshot once issued, else the master's
	Subject      string
	IssueDate    time.Time
	ValidUntil   time.Time // estimates
	DeliveryDate time.Time // delivery notes
	ClosingDate  time.Time // invoices: the billing cycle's closing date (締め日)
	DueDate      time.Time // invoices
	PriceMode    string
	Notes        string
	CorrectsID   int64  // credit notes: the invoice corrected
	RevisesID    int64  // the voided document this one replaces
	Revises      string // its number, filled when loaded
	Lines        []Line

	// Computed when saved.
	Currency    string
	TaxRounding string
	Totals      Totals

	// Set when issued or voided.
	Customer     *CustomerSnapshot
	Company      *Company
	IssuedAt     time.Time
	VoidedReason string

	Sources []DocRef // the documents this one was made from
	Targets []DocRef // the documents made from this one
	Version int64

	// Balance is filled when loaded, for an issued invoice only (nil for
	// anything else): what is paid, closed, credited and open on it now,
	// the figures of the overdue list and the CSV export (invoice_balances).
	Balance *InvoiceBalance

	// CarryForward is the head of a carry-forward closing invoice (the
	// closing run, issue 16); nil for every other document.
	CarryForward *CarryForward
}

// Line is one row of a document.
type Line struct {
	ID           int64
	ProductID    int64  // 0: a free-text line
	ProductCode  string // filled when loaded
	Description  string
	Quantity     Quantity
	Unit         string
	UnitPrice    Money
	TaxCategory  string
	TaxRate      int   // percent in force on the document's date; set when saved
	CostPrice    Money // per unit, the product's 仕切り値 when the line was made
	Amount       Money // Quantity × UnitPrice, half-up; set when saved
	SourceLineID int64 // the line of the source document this one came from
}

// DocRef names another document in a chain.
type DocRef struct {
	ID        int64
	Kind      string
	Number    string
	Status    string
	IssueDate time.Time
	Total     Money
}

// CustomerSnapshot is what an issued document keeps of its customer: a later
// edit of the customer master does not change a document already sent.
type CustomerSnapshot struct {
	Code               string `json:"code"`
	Name               string `json:"name"`
	Honorific          string `json:"honorific"`
	PostalCode         string `json:"postal_code"`
	Address1           string `json:"address1"`
	Address2           string `json:"address2"`
	Department         string `json:"department"`
	Contact            string `json:"contact"`
	RegistrationNumber string `json:"registration_number"`
	Language           string `json:"language"`
}

// The closing-run fields (invoice style, delivery, the send-to block) are
// left out on purpose: they say how a document travels, not what it says;
// the cover letter of the print pack prints the send-to block instead.
func snapshotOf(c Customer) CustomerSnapshot {
	return CustomerSnapshot{Code: c.Code, Name: c.Name, Honorific: c.Honorific, PostalCode: c.PostalCode,
		Address1: c.Address1, Address2: c.Address2, Department: c.Department, Contact: c.Contact,
		RegistrationNumber: c.RegistrationNumber, Language: c.Language}
}

// DisplayStatus is the status as the bookkeeper sees it on today's date: an
// issued estimate past its valid-until date is expired.
func (d *Document) DisplayStatus(today time.Time) string {
	return displayStatus(d.Kind, d.Status, d.ValidUntil, today)
}

func displayStatus(kind, status string, validUntil, today time.Time) string {
	if kind == KindEstimate && status == StatusIssued && !validUntil.IsZero() && validUntil.Before(today) {
		return StatusExpired
	}
	return status
}

// Frozen reports whether the document has been issued (and so may not change).
func (d *Document) Frozen() bool { return d.Status != StatusDraft }

const documentColumns = `d.id, d.kind, d.status, coalesce(d.number, ''), d.customer_id, c.code, c.name, d.subject,
	d.issue_date, d.valid_until, d.delivery_date, d.closing_date, d.due_date, d.price_mode, d.notes,
	coalesce(d.corrects_id, 0), coalesce(d.revises_id, 0),
	coalesce((SELECT r.number FROM documents r WHERE r.id = d.revises_id), ''), d.currency, d.tax_rounding, d.subtotal, d.tax, d.total,
	coalesce(cs.body, ''), coalesce(ks.body, ''), d.issued_at, d.voided_reason, d.version`

// documentFrom joins what documentColumns reads.
const documentFrom = ` FROM documents d JOIN customers c ON c.id = d.customer_id
	LEFT JOIN snapshots cs ON cs.id = d.customer_snapshot LEFT JOIN snapshots ks ON ks.id = d.company_snapshot`

// Document loads one document with its lines, taxes and links.
func (s *Store) Document(ctx context.Context, id int64) (Document, error) {
	return loadDocument(ctx, s.db, id)
}

// DocumentByNumber loads the document with the given number (I-2026-0007;
// as typed, or upper-cased: idByNumber).
func (s *Store) DocumentByNumber(ctx context.Context, number string) (Document, error) {
	id, err := idByNumber(ctx, s.db, numberedDocuments, number)
	if errors.Is(err, sql.ErrNoRows) {
		return Document{}, &Error{Code: CodeNotFound, Field: "document_number", Reason: "document.not_found", Args: []any{number}}
	}
	if err != nil {
		return Document{}, err
	}
	return s.Document(ctx, id)
}

func loadDocument(ctx context.Context, q queryer, id int64) (Document, error) {
	var d Document
	var issue, valid, delivery, closing, due, custSnap, compSnap, issuedAt string
	err := q.QueryRowContext(ctx, `SELECT `+documentColumns+documentFrom+` WHERE d.id = ?`, id).Scan(
		&d.ID, &d.Kind, &d.Status, &d.Number, &d.CustomerID, &d.CustomerCode, &d.CustomerName, &d.Subject,
		&issue, &valid, &delivery, &closing, &due, &d.PriceMode, &d.Notes, &d.CorrectsID, &d.RevisesID, &d.Revises,
		&d.Currency, &d.TaxRounding, &d.Totals.Subtotal, &d.Totals.Tax, &d.Totals.Total,
		&custSnap, &compSnap, &issuedAt, &d.VoidedReason, &d.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return d, &Error{Code: CodeNotFound, Reason: "document.not_found", Args: []any{id}}
	}
	if err != nil {
		return d, err
	}
	d.IssueDate, d.ValidUntil, d.DeliveryDate = mustDate(issue), mustDate(valid), mustDate(delivery)
	d.ClosingDate, d.DueDate = mustDate(closing), mustDate(due)
	if issuedAt != "" {
		d.IssuedAt, _ = time.Parse(time.RFC3339Nano, issuedAt)
	}
	if custSnap != "" {
		d.Customer = new(CustomerSnapshot)
		if err := json.Unmarshal([]byte(custSnap), d.Customer); err != nil {
			return d, err
		}
		d.CustomerName = d.Customer.Name
	}
	if compSnap != "" {
		d.Company = new(Company)
		if err := json.Unmarshal([]byte(compSnap), d.Company); err != nil {
			return d, err
		}
	}
	if d.Lines, err = loadLines(ctx, q, id); err != nil {
		return d, err
	}
	if d.Totals.Taxes, err = loadTaxes(ctx, q, id); err != nil {
		return d, err
	}
	if d.Sources, err = loadRefsArgs(ctx, q, `SELECT d.id, d.kind, coalesce(d.number, ''), d.status, d.issue_date, d.total
		FROM document_links l JOIN documents d ON d.id = l.source_id WHERE l.target_id = ? ORDER BY d.issue_date, d.number`, id); err != nil {
		return d, err
	}
	d.Targets, err = loadRefsArgs(ctx, q, `SELECT d.id, d.kind, coalesce(d.number, ''), d.status, d.issue_date, d.total
		FROM document_links l JOIN documents d ON d.id = l.target_id WHERE l.source_id = ? ORDER BY d.id`, id)
	if err == nil && d.Kind == KindInvoice {
		d.CarryForward, err = loadCarryForward(ctx, q, id, d.Totals.Total)
	}
	if err != nil || d.Kind != KindInvoice || d.Status != StatusIssued {
		return d, err
	}
	d.Balance, err = issuedInvoiceBalance(ctx, q, id)
	return d, err
}

// mustDate reads a stored date; stored dates were written by FormatDate, and
// "" is the zero time (no date).
func mustDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func loadLines(ctx context.Context, q queryer, docID int64) ([]Line, error) {
	rows, err := q.QueryContext(ctx, `SELECT l.id, coalesce(l.product_id, 0), coalesce(p.code, ''), l.description,
		l.quantity, l.unit, l.unit_price, coalesce(l.tax_category, ''), l.tax_rate, l.cost_price, l.amount, coalesce(l.source_line_id, 0)
		FROM document_lines l LEFT JOIN products p ON p.id = l.product_id
		WHERE l.document_id = ? ORDER BY l.position`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Line
	for rows.Next() {
		var l Line
		if err := rows.Scan(&l.ID, &l.ProductID, &l.ProductCode, &l.Description, &l.Quantity, &l.Unit, &l.UnitPrice,
			&l.TaxCategory, &l.TaxRate, &l.CostPrice, &l.Amount, &l.SourceLineID); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

func loadTaxes(ctx context.Context, q queryer, docID int64) ([]TaxLine, error) {
	rows, err := q.QueryContext(ctx, `SELECT rate, net, tax, gross FROM document_taxes
		WHERE document_id = ? ORDER BY rate DESC`, docID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []TaxLine
	for rows.Next() {
		var t TaxLine
		if err := rows.Scan(&t.Rate, &t.Net, &t.Tax, &t.Gross); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// DocumentSummary is one row of the documents list.
type DocumentSummary struct {
	ID           int64
	Kind         string
	Status       string // as stored
	Number       string
	CustomerID   int64
	CustomerCode string
	CustomerName string
	Subject      string
	IssueDate    time.Time
	ValidUntil   time.Time
	DueDate      time.Time
	Total        Money

	// An issued invoice's balance (zero for anything else): invoice_balances'
	// figures, and PaymentStatus derived from them (see Balance).
	Paid, Adjusted, Credited, Open Money
	PaymentStatus                  string // unpaid, partly_paid or paid; "" but for an issued invoice
}

// DisplayStatus: see Document.DisplayStatus.
func (d *DocumentSummary) DisplayStatus(today time.Time) string {
	return displayStatus(d.Kind, d.Status, d.ValidUntil, today)
}

// DocumentFilter narrows DocumentSummaries; zero values mean "any".
type DocumentFilter struct {
	Kind       string
	Status     string // includes "expired"
	CustomerID int64
	From, To   time.Time // issue date range, inclusive
	Today      time.Time // for "expired" and "overdue"; zero = no estimate reads as expired
	Limit      int       // at most this many (the newest); 0 = all
	// Payment keeps the issued invoices of one of PaymentFilters: unpaid,
	// partly_paid or paid by their PaymentStatus, overdue by what is open
	// past their due date on Today (see DocumentSummary.HasPayment).
	Payment string
	// Amount keeps the documents whose total lies in the range: with the
	// date range and the customer, the search 電子帳簿保存法 asks for.
	Amount MoneyRange
}

// DocumentSummaries lists documents, newest first (drafts first of all).
func (s *Store) DocumentSummaries(ctx context.Context, f DocumentFilter) ([]DocumentSummary, error) {
	var where []string
	var args []any
	if f.Kind != "" {
		where, args = append(where, "d.kind = ?"), append(args, f.Kind)
	}
	if f.CustomerID != 0 {
		where, args = append(where, "d.customer_id = ?"), append(args, f.CustomerID)
	}
	if !f.From.IsZero() {
		where, args = append(where, "d.issue_date >= ?"), append(args, FormatDate(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "d.issue_date <= ?"), append(args, FormatDate(f.To))
	}
	if f.Status != "" && f.Status != StatusExpired && f.Status != StatusIssued {
		where, args = append(where, "d.status = ?"), append(args, f.Status)
	}
	if f.Status == StatusIssued || f.Status == StatusExpired {
		where = append(where, "d.status = 'issued'")
	}
	where, args = f.Amount.where("d.total", where, args)
	if f.Payment != "" {
		where = append(where, "b.invoice_id IS NOT NULL") // issued invoices; their status is derived below
	}
	// A status derived in Go (expired, a payment status) drops rows after
	// the query: then the SQL may not stop at Limit rows.
	sqlLimit := f.Limit
	if f.Payment != "" || f.Status == StatusIssued || f.Status == StatusExpired {
		sqlLimit = 0
	}
	// Drafts first, then the newest: two ordered halves, so each can walk the
	// issue-date index backwards and a LIMIT stops early instead of sorting
	// every document.
	cond := ""
	if len(where) > 0 {
		cond = " AND " + strings.Join(where, " AND ")
	}
	half := func(status string) string {
		q := `SELECT * FROM (SELECT d.id, d.kind, d.status, coalesce(d.number, ''), d.customer_id, c.code,
			coalesce(json_extract(cs.body, '$.name'), c.name),
			d.subject, d.issue_date, d.valid_until, d.due_date, d.total,
			b.invoice_id IS NOT NULL, coalesce(b.paid, 0), coalesce(b.adjusted, 0), coalesce(b.credited, 0),
			coalesce(b.open, 0)
			FROM documents d JOIN customers c ON c.id = d.customer_id
			LEFT JOIN snapshots cs ON cs.id = d.customer_snapshot
			LEFT JOIN invoice_balances b ON b.invoice_id = d.id
			WHERE ` + status + cond + ` ORDER BY d.issue_date DESC, d.id DESC`
		if sqlLimit > 0 {
			q += fmt.Sprintf(" LIMIT %d", sqlLimit)
		}
		return q + ")"
	}
	query := half("d.status = 'draft'") + " UNION ALL " + half("d.status <> 'draft'")
	args = append(args, args...)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]DocumentSummary, 0, 256)
	for rows.Next() && (f.Limit == 0 || len(out) < f.Limit) {
		var d DocumentSummary
		var issue, valid, due string
		var owed bool
		var m [4]int64 // plain int64s: no reflection per value on 100,000 rows
		if err := rows.Scan(&d.ID, &d.Kind, &d.Status, &d.Number, &d.CustomerID, &d.CustomerCode, &d.CustomerName,
			&d.Subject, &issue, &valid, &due, &d.Total, &owed, &m[0], &m[1], &m[2], &m[3]); err != nil {
			return nil, err
		}
		d.IssueDate, d.ValidUntil, d.DueDate = mustDate(issue), mustDate(valid), mustDate(due)
		if owed {
			d.Paid, d.Adjusted, d.Credited, d.Open = Money(m[0]), Money(m[1]), Money(m[2]), Money(m[3])
			d.PaymentStatus = d.balance().Status(time.Time{})
		}
		if f.Payment != "" && !d.HasPayment(f.Payment, f.Today) {
			continue
		}
		if f.Status == StatusExpired || f.Status == StatusIssued {
			expired := d.DisplayStatus(f.Today) == StatusExpired
			if expired != (f.Status == StatusExpired) {
				continue
			}
		}
		out = append(out, d)
	}
	return out, rows.Err()
}
