package store

import (
	"context"
	"time"
)

// What the accountant's exports read (`daicho export csv …`): invoices,
// payments and document lines of a period, one row each, in date order. The
// queries stream: each row is handed to a callback as soon as it is read, so
// an export of 100,000 invoices never holds them all in memory, and the
// callback's error (a full disk, a text Shift_JIS cannot hold) stops the
// query. The rows hold figures, never formatted text: store/exchange writes
// them.

// periodBounds turns an optional period into bounds for a stored date
// column: a zero from or to leaves that side open.
func periodBounds(from, to time.Time) (string, string) {
	lo, hi := "0000-01-01", "9999-12-31"
	if !from.IsZero() {
		lo = FormatDate(from)
	}
	if !to.IsZero() {
		hi = FormatDate(to)
	}
	return lo, hi
}

// InvoiceExportRow is one invoice or credit note of `export csv invoices`.
//
// The amounts are signed so that summing a column gives the net sales of the
// period: a credit note's are negative, and a void document's are all 0 (it
// never was a sale; its row stays so the numbering shows no gap, with the
// reason it was voided).
type InvoiceExportRow struct {
	ID           int64
	Number       string
	Kind         string // KindInvoice or KindCreditNote
	Status       string // StatusIssued or StatusVoid
	IssueDate    time.Time
	DueDate      time.Time // invoices; zero for credit notes
	CustomerCode string
	CustomerName string // as printed on the document (its snapshot)
	Subject      string

	// Net and tax per rate (document_taxes): the 10 %, 8 % and 0 % columns,
	// and the sum of any other rate (the 5 % or 3 % of old documents).
	Net10, Tax10       Money
	Net8, Tax8         Money
	Net0, Tax0         Money
	NetOther, TaxOther Money

	Subtotal, Tax, Total Money

	// What is paid, closed as a shortfall, credited and open on an issued
	// invoice (invoice_balances); 0 for credit notes and void invoices.
	Paid, Adjusted, Credited, Open Money

	VoidedReason string
}

// ExportInvoices calls each for every issued or void invoice and credit note
// with an issue date from–to (inclusive; a zero bound is open), by issue
// date, then number. Drafts are not documents yet and are left out.
func (s *Store) ExportInvoices(ctx context.Context, from, to time.Time, each func(InvoiceExportRow) error) error {
	lo, hi := periodBounds(from, to)
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.number, d.kind, d.status, d.issue_date, d.due_date, c.code,
		coalesce(json_extract(cs.body, '$.name'), c.name), d.subject,
		coalesce(sum(t.net) FILTER (WHERE t.rate = 10), 0), coalesce(sum(t.tax) FILTER (WHERE t.rate = 10), 0),
		coalesce(sum(t.net) FILTER (WHERE t.rate = 8), 0), coalesce(sum(t.tax) FILTER (WHERE t.rate = 8), 0),
		coalesce(sum(t.net) FILTER (WHERE t.rate = 0), 0), coalesce(sum(t.tax) FILTER (WHERE t.rate = 0), 0),
		coalesce(sum(t.net) FILTER (WHERE t.rate NOT IN (10, 8, 0)), 0),
		coalesce(sum(t.tax) FILTER (WHERE t.rate NOT IN (10, 8, 0)), 0),
		d.subtotal, d.tax, d.total,
		coalesce(b.paid, 0), coalesce(b.adjusted, 0), coalesce(b.credited, 0), coalesce(b.open, 0), d.voided_reason
		FROM documents d JOIN customers c ON c.id = d.customer_id
		LEFT JOIN snapshots cs ON cs.id = d.customer_snapshot
		LEFT JOIN invoice_balances b ON b.invoice_id = d.id
		LEFT JOIN document_taxes t ON t.document_id = d.id
		WHERE d.kind IN ('invoice', 'credit_note') AND d.status IN ('issued', 'void')
			AND d.issue_date >= ? AND d.issue_date <= ?
		GROUP BY d.id
		ORDER BY d.issue_date, d.number, d.id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r InvoiceExportRow
	var issue, due string
	// Plain int64s: a scan into a named type goes through reflection, which
	// costs a 100,000-row export noticeable time.
	var m [19]int64
	for rows.Next() {
		if err := rows.Scan(&r.ID, &r.Number, &r.Kind, &r.Status, &issue, &due, &r.CustomerCode, &r.CustomerName,
			&r.Subject, &m[0], &m[1], &m[2], &m[3], &m[4], &m[5], &m[6], &m[7], &m[8], &m[9], &m[10],
			&m[11], &m[12], &m[13], &m[14], &r.VoidedReason); err != nil {
			return err
		}
		r.IssueDate, r.DueDate = mustDate(issue), mustDate(due)
		sign := Money(1)
		switch {
		case r.Status == StatusVoid:
			sign = 0
		case r.Kind == KindCreditNote:
			sign = -1
		}
		r.Net10, r.Tax10, r.Net8, r.Tax8 = sign*Money(m[0]), sign*Money(m[1]), sign*Money(m[2]), sign*Money(m[3])
		r.Net0, r.Tax0, r.NetOther, r.TaxOther = sign*Money(m[4]), sign*Money(m[5]), sign*Money(m[6]), sign*Money(m[7])
		r.Subtotal, r.Tax, r.Total = sign*Money(m[8]), sign*Money(m[9]), sign*Money(m[10])
		r.Paid, r.Adjusted, r.Credited, r.Open = Money(m[11]), Money(m[12]), Money(m[13]), Money(m[14])
		if err := each(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PaymentExportRow is one payment record of `export csv payments`. A
// reversal is a record of its own, with the negative amount, the payment it
// reverses and the reason.
type PaymentExportRow struct {
	ID           int64
	Date         time.Time
	CustomerCode string
	CustomerName string // the customer master's current name
	Amount       Money  // negative for a reversal
	Method       string
	PayerName    string
	Reference    string
	Memo         string
	Allocated    Money // Σ allocation records of the payment (reversed ones cancel out)
	ReversesID   int64 // a reversal: the payment it reverses (0 otherwise)
	ReversesDate time.Time
	Reason       string
}

// ExportPayments calls each for every payment record (reversals included)
// dated from–to (inclusive; a zero bound is open), by date, then entry.
func (s *Store) ExportPayments(ctx context.Context, from, to time.Time, each func(PaymentExportRow) error) error {
	lo, hi := periodBounds(from, to)
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, p.date, c.code, c.name, p.amount, p.method, p.payer_name,
		p.reference, p.memo, (SELECT coalesce(sum(a.amount), 0) FROM allocations a WHERE a.payment_id = p.id),
		coalesce(p.reverses_id, 0), coalesce(o.date, ''), p.reason
		FROM payments p JOIN customers c ON c.id = p.customer_id
		LEFT JOIN payments o ON o.id = p.reverses_id
		WHERE p.date >= ? AND p.date <= ?
		ORDER BY p.date, p.id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r PaymentExportRow
	var date, reversesDate string
	var amount, allocated int64
	for rows.Next() {
		if err := rows.Scan(&r.ID, &date, &r.CustomerCode, &r.CustomerName, &amount, &r.Method, &r.PayerName,
			&r.Reference, &r.Memo, &allocated, &r.ReversesID, &reversesDate, &r.Reason); err != nil {
			return err
		}
		r.Date, r.ReversesDate = mustDate(date), mustDate(reversesDate)
		r.Amount, r.Allocated = Money(amount), Money(allocated)
		if err := each(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// DocumentLineExportRow is one line of a document, with its document's
// header, for `export csv documents`. Amounts are as the document shows
// them (a credit note's positive too): the kind says what they are.
type DocumentLineExportRow struct {
	DocumentID   int64
	Number       string
	Kind         string
	Status       string // issued, accepted, declined or void
	IssueDate    time.Time
	CustomerCode string
	CustomerName string // as printed on the document (its snapshot)
	Subject      string
	LineNo       int // 1 for the document's first line
	ProductCode  string
	Description  string
	Quantity     Quantity
	Unit         string
	UnitPrice    Money
	TaxRate      int
	Amount       Money
	CostPrice    Money // per unit: the product's 仕切り値 when the line was made
	LineCost     Money // CostPrice × Quantity, half-up like a line's amount
}

// ExportDocumentLines calls each for every line of every document of any
// kind that is issued, accepted, declined or void, with an issue date
// from–to (inclusive; a zero bound is open), by issue date, number, line.
func (s *Store) ExportDocumentLines(ctx context.Context, from, to time.Time, each func(DocumentLineExportRow) error) error {
	lo, hi := periodBounds(from, to)
	rows, err := s.db.QueryContext(ctx, `SELECT d.id, d.number, d.kind, d.status, d.issue_date, c.code,
		coalesce(json_extract(cs.body, '$.name'), c.name), d.subject,
		coalesce(p.code, ''), l.description, l.quantity, l.unit, l.unit_price, l.tax_rate, l.amount, l.cost_price
		FROM documents d JOIN customers c ON c.id = d.customer_id
		LEFT JOIN snapshots cs ON cs.id = d.customer_snapshot
		JOIN document_lines l ON l.document_id = d.id
		LEFT JOIN products p ON p.id = l.product_id
		WHERE d.status IN ('issued', 'accepted', 'declined', 'void') AND d.issue_date >= ? AND d.issue_date <= ?
		ORDER BY d.issue_date, d.number, d.id, l.position, l.id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r DocumentLineExportRow
	var issue string
	var qty, unitPrice, amount, cost int64
	for rows.Next() {
		prev := r.DocumentID
		if err := rows.Scan(&r.DocumentID, &r.Number, &r.Kind, &r.Status, &issue, &r.CustomerCode, &r.CustomerName,
			&r.Subject, &r.ProductCode, &r.Description, &qty, &r.Unit, &unitPrice, &r.TaxRate, &amount, &cost); err != nil {
			return err
		}
		if r.DocumentID != prev {
			r.LineNo = 0
		}
		r.LineNo++
		r.IssueDate = mustDate(issue)
		r.Quantity, r.UnitPrice, r.Amount, r.CostPrice = Quantity(qty), Money(unitPrice), Money(amount), Money(cost)
		if r.LineCost, err = LineAmount(r.Quantity, r.CostPrice); err != nil {
			return err
		}
		if err := each(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// StatementCustomers are the customers a statement of account for from–to
// is worth sending to (`export statement --all`): those with an issued
// invoice or credit note or a payment dated in the period, or with a balance
// at its end (what they owe, or have paid ahead: issued invoices less
// credit notes, payments and shortfall adjustments dated up to to). By code.
func (s *Store) StatementCustomers(ctx context.Context, from, to time.Time) ([]Customer, error) {
	lo, hi := periodBounds(from, to)
	rows, err := s.db.QueryContext(ctx, `SELECT `+customerColumns+` FROM customers c WHERE
		EXISTS (SELECT 1 FROM documents d WHERE d.customer_id = c.id AND d.kind IN ('invoice', 'credit_note')
			AND d.status = 'issued' AND d.issue_date >= ?1 AND d.issue_date <= ?2)
		OR EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = c.id AND p.date >= ?1 AND p.date <= ?2)
		OR (SELECT coalesce(sum(iif(d.kind = 'invoice', d.total, -d.total)), 0) FROM documents d
			WHERE d.customer_id = c.id AND d.kind IN ('invoice', 'credit_note') AND d.status = 'issued' AND d.issue_date <= ?2)
		- (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.customer_id = c.id AND p.date <= ?2)
		- (SELECT coalesce(sum(a.amount), 0) FROM adjustments a JOIN documents d ON d.id = a.invoice_id
			WHERE d.customer_id = c.id AND d.status = 'issued' AND a.date <= ?2) <> 0
		ORDER BY c.code`, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Customer
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
