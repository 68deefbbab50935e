package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// ImportDocuments stores a batch of new documents all or nothing, in one
// write transaction: each one as a draft, and with issue also issued (numbered
// from the counter rows, its customer and the company snapshotted), exactly as
// SaveDraft followed by Issue would store it. Every document is checked; if
// any is wrong nothing is stored (the transaction rolls back), and the error
// is a BatchError with one RowError per problem, Line being the document's
// 1-based position in docs. It returns the stored documents, reloaded.
// ImportDocumentStream is the same for documents that come one at a time.
//
// The documents are new ones: ID, RevisesID and every line's SourceLineID
// must be 0 (anything else is a programming error, not a problem in the
// data). Sources (by ID) name the documents already in the database each one
// is made from, held to the rules of the editor's conversions (see
// checkSources); a credit note's CorrectsID, or its one source, names the
// issued invoice it corrects, as in CreateCreditNote.
//
// This is the path of `daicho import documents` and of the large demo's
// 100,000 invoices. saveDraft and issue load the company, the tax table, the
// customer and the document again for every document, about half a
// millisecond each; here they are loaded once per batch and the statements
// prepared once per transaction, which makes it several times faster.
// TestImportDocumentsStoresWhatSaveDraftAndIssueStore checks that both paths
// store the same rows.
func (s *Store) ImportDocuments(ctx context.Context, docs []Document, issue bool) ([]Document, error) {
	var out []Document
	err := s.write(ctx, func(tx *Tx) error {
		di, err := newDocumentImport(tx, issue)
		if err != nil {
			return err
		}
		defer di.im.close()
		for i := range docs {
			d := docs[i]
			d.Lines = slices.Clone(docs[i].Lines) // Validate normalises in place: leave the caller's alone
			if err := di.Add(d, i+1); err != nil {
				return err
			}
		}
		if err := di.finish(); err != nil {
			return err
		}
		out = make([]Document, len(di.ids))
		for i, id := range di.ids {
			if out[i], err = loadDocument(ctx, di.im, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// importItem is one document of a batch: the draft as SaveDraft would store
// it, and the dates issuing fills in.
type importItem struct {
	doc                    Document
	closing, due, delivery time.Time
	number                 string // once issued
	// series is the number series when issued: "" for the kind's own. In
	// another (opening balances'), the document's seq stays NULL, out of its
	// kind's series, and seriesSeq is its number there.
	series    string
	seriesSeq int
	// A streaming import's: the document's position in the file, and what
	// it takes of estimate lines (sourcesBatch), until it is written.
	pos   int
	takes []lineTake
}

// importer holds what every document of one batch needs, loaded once.
type importer struct {
	tx          *Tx
	issue       bool
	company     Company
	companySnap int64 // the company's snapshot id, when issuing
	taxes       TaxTable
	customers   map[int64]*importCustomer // nil value: no such customer
	products    map[int64]*Product
	docs        map[int64]*Document // sources and corrected invoices (nil: none)
	batch       sourcesBatch
	stmts       map[string]*sql.Stmt
	multi       map[multiRowKey]string // multiRow's statements
	args        []any                  // a multi-row INSERT's parameters, reused
	lines       []*Line                // the lines of a multi-row INSERT, reused
	// A streaming import's audit rows not written yet (bufferAudit), when
	// bufferedAudit.
	bufferedAudit bool
	auditArgs     []any
	auditRows     int
}

type importCustomer struct {
	Customer
	snapshot int64 // its snapshot id, when issuing
}

// The statements of a batch. The SQL is that of saveDraft (writeDocumentRow,
// writeLinesAndTaxes, prepareLines) and issue, which cannot take prepared
// statements; the test comparing both paths keeps them in step.
const (
	sqlImportCustomer = `SELECT ` + customerColumns + ` FROM customers WHERE id = ?`
	sqlImportProduct  = `SELECT ` + productColumns + ` FROM products WHERE id = ?`
	sqlImportDocument = `INSERT INTO documents (kind, customer_id, subject, issue_date, valid_until,
		delivery_date, closing_date, due_date, price_mode, notes, corrects_id, revises_id, currency, tax_rounding,
		subtotal, tax, total, version, updated_at, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`
	sqlImportLine = `INSERT INTO document_lines (document_id, position, product_id, description,
		quantity, unit, unit_price, tax_category, tax_rate, cost_price, amount, source_line_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	sqlImportTax     = `INSERT INTO document_taxes (document_id, rate, net, tax, gross) VALUES (?, ?, ?, ?, ?)`
	sqlImportCounter = `INSERT INTO counters (kind, fiscal_year, last) VALUES (?, ?, 1)
		ON CONFLICT (kind, fiscal_year) DO UPDATE SET last = last + 1 RETURNING last`
	sqlImportIssue = `UPDATE documents SET status = 'issued', number = ?, fiscal_year = ?, seq = ?,
		closing_date = ?, due_date = ?, delivery_date = ?, customer_snapshot = ?, company_snapshot = ?,
		issued_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND status = 'draft'`
)

func newImporter(tx *Tx, issue bool) (*importer, error) {
	company, err := loadCompany(tx.ctx, tx)
	if err != nil {
		return nil, err
	}
	taxes, err := loadTaxTable(tx.ctx, tx)
	if err != nil {
		return nil, err
	}
	var companySnap int64
	if issue {
		if err := tx.needManager("issue"); err != nil {
			return nil, err
		}
		body, err := json.Marshal(company)
		if err != nil {
			return nil, err
		}
		if companySnap, err = tx.snapshot(string(body)); err != nil {
			return nil, err
		}
	}
	return &importer{tx: tx, issue: issue, company: company, companySnap: companySnap, taxes: taxes,
		customers: map[int64]*importCustomer{}, products: map[int64]*Product{}, docs: map[int64]*Document{},
		batch: sourcesBatch{taken: map[int64]Quantity{}, dnOn: map[int64]int{}}, stmts: map[string]*sql.Stmt{},
		multi: map[multiRowKey]string{}}, nil
}

// stmt returns query prepared in the batch's transaction, preparing it the
// first time.
func (im *importer) stmt(query string) (*sql.Stmt, error) {
	if st, ok := im.stmts[query]; ok {
		return st, nil
	}
	st, err := im.tx.PrepareContext(im.tx.ctx, query)
	if err != nil {
		return nil, err
	}
	im.stmts[query] = st
	return st, nil
}

func (im *importer) exec(query string, args ...any) (sql.Result, error) {
	st, err := im.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(im.tx.ctx, args...)
}

// QueryRowContext and QueryContext make the importer a queryer whose
// statements are prepared once per batch: reloading the imported documents
// with loadDocument through it takes half the time.
func (im *importer) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := im.stmt(query)
	if err != nil {
		return im.tx.QueryRowContext(ctx, query, args...) // the row carries the same error
	}
	return st.QueryRowContext(ctx, args...)
}

func (im *importer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := im.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (im *importer) close() {
	for _, st := range im.stmts {
		st.Close()
	}
}

// checkAll checks every document before anything is written, collecting
// every problem of every document (the billing and closing runs, the
// opening balances, which have their documents in memory).
func (im *importer) checkAll(items []importItem) error {
	var problems BatchError
	for i := range items {
		errs, err := im.check(&items[i], i+1)
		if err != nil {
			return fmt.Errorf("document %d: %w", i+1, err)
		}
		for _, e := range errs {
			problems = append(problems, RowError{Line: i + 1, Err: e})
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}

// check does what saveDraft does before writing (Validate, the customer, the
// lines' rates and cost snapshots, the totals) and, when issuing, what issue
// does (fill the dates, issueProblems), after checking the sources (pos is
// the document's position in the batch). The problems it returns are the
// document's; err is a failure of the database.
func (im *importer) check(it *importItem, pos int) (problems Errors, err error) {
	d := &it.doc
	im.batch.taking = im.batch.taking[:0]
	if err := newDocumentOnly(d); err != nil {
		return nil, err
	}
	if d.Kind == KindReceipt { // a receipt is made from a payment only (IssueReceipt), as in SaveDraft
		return Errors{Invalid("kind", "import.receipt")}, nil
	}
	if problems, err = im.checkSources(d, pos); err != nil {
		return nil, err
	}
	problems = append(problems, FieldErrors(d.Validate())...)
	if d.CustomerID != 0 {
		c, err := im.customer(d.CustomerID)
		if err != nil {
			return nil, err
		}
		if c == nil {
			problems = append(problems, Invalid("customer", "customer.not_found", d.CustomerID))
		} else {
			d.CustomerCode, d.CustomerName = c.Code, c.Name
		}
	}
	lineProblems, err := im.prepareLines(d)
	if err != nil {
		return nil, err
	}
	problems = append(problems, lineProblems...)
	var corrected *Document
	if d.CorrectsID != 0 {
		if corrected, err = im.document(d.CorrectsID); err != nil {
			return nil, err
		} else if corrected == nil {
			problems = append(problems, Invalid("corrects", "document.credit_needs_invoice"))
		}
	}
	if len(problems) > 0 {
		return problems, nil
	}
	d.Currency, d.TaxRounding = im.company.Currency, im.company.TaxRounding
	if d.Totals, err = ComputeTotals(d.Lines, d.PriceMode, d.TaxRounding); err != nil {
		if e, ok := AsError(err); ok {
			return Errors{e}, nil
		}
		return nil, err
	}
	problems = totalProblems(d)
	if d.Kind == KindCreditNote && corrected != nil {
		problems = append(problems, creditProblems(d, corrected)...)
	}
	if len(problems) > 0 {
		return problems, nil
	}
	if im.issue {
		return im.problemsAsIssued(it), nil
	}
	return nil, nil
}

// newDocumentOnly refuses what only Go code can pass (the JSON import never
// does): a stored document, a revision, or lines linked by the caller (the
// links of lines are the import's to find, from the sources).
func newDocumentOnly(d *Document) error {
	if d.ID != 0 || d.RevisesID != 0 {
		return errors.New("ImportDocuments takes new documents only (ID and RevisesID 0)")
	}
	for _, l := range d.Lines {
		if l.ID != 0 || l.SourceLineID != 0 {
			return errors.New("ImportDocuments takes new lines only (ID and SourceLineID 0)")
		}
	}
	return nil
}

// prepareLines is saveDraft's prepareLines with the tax table and products
// cached: each line's rate on the issue date, and a product line's cost
// snapshot. A category Validate has already refused is not looked up again;
// a line without one keeps the caller's TaxRate, as there (issuing refuses
// it).
func (im *importer) prepareLines(d *Document) (Errors, error) {
	var problems Errors
	for i := range d.Lines {
		l := &d.Lines[i]
		if slices.Contains(TaxCategories, l.TaxCategory) {
			rate, ok := im.taxes.RateOn(l.TaxCategory, d.IssueDate)
			if !ok {
				problems = append(problems, Invalid(lineField(i, "tax_category"), "tax.no_rate", FormatDate(d.IssueDate)))
			}
			l.TaxRate = rate
		}
		if l.ProductID == 0 || l.SourceLineID != 0 { // a line from a source keeps its cost snapshot
			continue
		}
		p, err := im.product(l.ProductID)
		if err != nil {
			return nil, err
		}
		if p == nil {
			problems = append(problems, Invalid(lineField(i, "product"), "product.not_found", l.ProductID))
			continue
		}
		l.CostPrice, l.ProductCode = p.CostPrice, p.Code
	}
	return problems, nil
}

// problemsAsIssued fills the dates issue fills and runs its check
// (issueProblems).
func (im *importer) problemsAsIssued(it *importItem) Errors {
	d := it.doc // a copy: the draft keeps its own dates, as SaveDraft stores them
	fillIssueDates(&d, im.customers[d.CustomerID].Terms())
	it.closing, it.due, it.delivery = d.ClosingDate, d.DueDate, d.DeliveryDate
	return issueProblems(&d, im.company)
}

// customer loads a customer once per batch; nil when there is none.
func (im *importer) customer(id int64) (*importCustomer, error) {
	if c, ok := im.customers[id]; ok {
		return c, nil
	}
	c, err := scanCustomer(im.QueryRowContext(im.tx.ctx, sqlImportCustomer, id))
	if errors.Is(err, sql.ErrNoRows) {
		im.customers[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	ic := &importCustomer{Customer: c}
	if im.issue {
		body, err := json.Marshal(snapshotOf(c))
		if err != nil {
			return nil, err
		}
		if ic.snapshot, err = im.tx.snapshot(string(body)); err != nil {
			return nil, err
		}
	}
	im.customers[id] = ic
	return im.customers[id], nil
}

// product loads a product once per batch; nil when there is none.
func (im *importer) product(id int64) (*Product, error) {
	if p, ok := im.products[id]; ok {
		return p, nil
	}
	p, err := scanProduct(im.QueryRowContext(im.tx.ctx, sqlImportProduct, id))
	if errors.Is(err, sql.ErrNoRows) {
		im.products[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	im.products[id] = &p
	return &p, nil
}

// document loads a source or a corrected invoice once per batch; nil when
// there is none (creditProblems and checkSources check what it is).
func (im *importer) document(id int64) (*Document, error) {
	if d, seen := im.docs[id]; seen {
		return d, nil
	}
	d, err := loadDocument(im.tx.ctx, im, id)
	if isNotFound(err) {
		im.docs[id] = nil
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	im.docs[id] = &d
	return &d, nil
}

// write stores one checked document as saveDraft does, then issues it as
// issue does when the batch is issued (writeAll of one document).
func (im *importer) write(it *importItem) error {
	items := []importItem{*it}
	_, err := im.writeAll(items)
	*it = items[0]
	return err
}

// afterInsert is what write does once the document's rows are in: its
// audit row and links, and issuing it when the batch is issued.
func (im *importer) afterInsert(it *importItem) error {
	d := &it.doc
	d.Version = 1
	if err := im.audit("create", d.ID, nil, auditSummary(d), ""); err != nil {
		return err
	}
	for _, src := range d.Sources {
		if err := im.tx.link(src.ID, d.ID); err != nil {
			return err
		}
	}
	if !im.issue {
		return nil
	}
	return im.issueOne(it)
}

// issueOne numbers the stored draft from the counter row and freezes it with
// the snapshots, as issue does.
func (im *importer) issueOne(it *importItem) error {
	d := &it.doc
	if err := im.tx.checkCreditFits(d); err != nil {
		return err
	}
	fy := FiscalYear(d.IssueDate, im.company.FiscalYearStart)
	series := cmp.Or(it.series, d.Kind)
	var seq int
	if err := im.QueryRowContext(im.tx.ctx, sqlImportCounter, series, fy).Scan(&seq); err != nil {
		return err
	}
	number := FormatNumber(im.company.NumberFormat, series, fy, seq)
	docSeq := any(seq)
	if it.series != "" {
		docSeq, it.seriesSeq = nil, seq
	}
	now := stamp(im.tx.now)
	_, err := im.exec(sqlImportIssue, number, fy, docSeq, FormatDate(it.closing), FormatDate(it.due),
		FormatDate(it.delivery), im.customers[d.CustomerID].snapshot, im.companySnap, now, now, d.ID)
	if isUniqueViolation(err, "documents.number") {
		return &Error{Code: CodeConflict, Reason: "document.number_taken", Args: []any{number}}
	}
	if err != nil {
		return err
	}
	it.number = number
	return im.audit("issue", d.ID, map[string]string{"status": StatusDraft},
		map[string]any{"status": StatusIssued, "number": number, "total": d.Totals.Total}, recordDocument)
}

// audit is tx.audit (with record, tx.auditRecord of the document) with the
// statements prepared once, and in a streaming import the rows written
// several at a time (bufferAudit).
func (im *importer) audit(action string, id int64, before, after any, record string) error {
	exec := im.exec
	if im.bufferedAudit {
		exec = im.bufferAudit
	}
	return im.tx.appendAudit(im, exec, auditEntry{action: action, entity: "document", entityID: fmt.Sprint(id),
		before: before, after: after, record: record, recordID: id})
}
