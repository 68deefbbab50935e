package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
)

// The documents' half of Check. Lines, tax rows, links and snapshots are
// each read in one plain scan in storage order (reading in document order
// instead goes through an index and looks every row up in its table — on
// the large demo, 300,000 lines, most of the check's time) and gathered per
// document; then each document row gives the totals rule (check_totals.go)
// and the document's hash, which checkLedger compares with the audit chain.

// docFindings is what the documents' half found.
type docFindings struct {
	v      Violations // the totals rule's, in document order
	hashes []docHash  // every document's, in id order
}

// docHash is a document's hash as it is now.
type docHash struct {
	id     int64
	name   string // its number, or #id
	issued bool   // not a draft
	hash   [32]byte
}

// lineRef is one line as the documents' half keeps it: what the totals rule
// needs, and where its encoding lies in the arena.
type lineRef struct {
	docID, position int64
	rate            int
	amount          Money
	from, to        int
}

// lineEncodingGuess is about how long a line's encoding is (a description of
// a few words): the arena is made that big for all the lines at once.
const lineEncodingGuess = 96

// taxRef and linkRef are a document's tax row and one of its sources.
type taxRef struct {
	docID int64
	tax   TaxLine
}

type linkRef struct{ target, source int64 }

// docReader gathers the rows around the documents, each kind in one list
// sorted by document: the documents, read in id order, then take theirs
// from the front of each list (no map, no slice per document: on the large
// demo those allocations were a third of this half's time).
type docReader struct {
	ctx      context.Context
	q        queryer
	lines    []lineRef
	arena    []byte // every line's encoding, one after the other
	taxes    []taxRef
	links    []linkRef
	adjusted *grouped // the invoices' adjustments
	problems []lineProblem
	snaps    map[int64][32]byte // snapshot digests by id
}

func (r *docReader) readLines() error {
	// Room for every line at once: growing the lists line by line cost a
	// sixth of this half's time on the large demo (300,000 lines).
	var n int
	if err := r.q.QueryRowContext(r.ctx, `SELECT count(*) FROM document_lines`).Scan(&n); err != nil {
		return err
	}
	r.lines = make([]lineRef, 0, n)
	r.arena = make([]byte, 0, n*lineEncodingGuess)
	// One value per line: its document, then its encoding (the columns the
	// totals rule needs are read back from it).
	rows, err := r.q.QueryContext(r.ctx, `SELECT concat(document_id, ';', `+lineEncoding()+`) FROM document_lines`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var raw sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&raw); err != nil {
			return err
		}
		c := canonReader{b: raw}
		docID := c.int()
		enc := c.b
		c.text() // "line"
		c.int()  // id
		var l lineProblem
		l.docID, l.position = docID, c.int()
		c.int()  // product
		c.text() // description
		l.quantity = Quantity(c.int())
		c.text() // unit
		l.unitPrice = Money(c.int())
		c.text() // tax category
		l.taxRate = int(c.int())
		c.int() // cost price
		l.amount = Money(c.int())
		if want, err := LineAmount(l.quantity, l.unitPrice); err != nil || want != l.amount || c.bad {
			l.want = want
			r.problems = append(r.problems, l)
		}
		from := len(r.arena)
		r.arena = append(r.arena, enc...)
		r.lines = append(r.lines, lineRef{docID: docID, position: l.position, rate: l.taxRate, amount: l.amount,
			from: from, to: len(r.arena)})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// By document, then position; ties stay in storage order, which is id
	// order, as the writer's ORDER BY position, id. The lines are stored
	// nearly in this order already.
	slices.SortStableFunc(r.lines, func(a, b lineRef) int {
		return cmp.Or(cmp.Compare(a.docID, b.docID), cmp.Compare(a.position, b.position))
	})
	slices.SortFunc(r.problems, func(a, b lineProblem) int {
		return cmp.Or(cmp.Compare(a.docID, b.docID), cmp.Compare(a.position, b.position))
	})
	return nil
}

func (r *docReader) readTaxes() error {
	rows, err := r.q.QueryContext(r.ctx, `SELECT concat(document_id, ';', rate, ';', net, ';', tax, ';', gross, ';')
		FROM document_taxes`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var raw sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&raw); err != nil {
			return err
		}
		c := canonReader{b: raw}
		r.taxes = append(r.taxes, taxRef{docID: c.int(),
			tax: TaxLine{Rate: int(c.int()), Net: Money(c.int()), Tax: Money(c.int()), Gross: Money(c.int())}})
	}
	if err := rows.Err(); err != nil {
		return err
	}
	// By document, the highest rate first (sortTaxesForHash's order).
	slices.SortFunc(r.taxes, func(a, b taxRef) int {
		return cmp.Or(cmp.Compare(a.docID, b.docID), cmp.Compare(b.tax.Rate, a.tax.Rate))
	})
	return nil
}

func (r *docReader) readLinks() error {
	rows, err := r.q.QueryContext(r.ctx, `SELECT target_id, source_id FROM document_links`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var l linkRef
		if err := rows.Scan(&l.target, &l.source); err != nil {
			return err
		}
		r.links = append(r.links, l)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	slices.SortFunc(r.links, func(a, b linkRef) int {
		return cmp.Or(cmp.Compare(a.target, b.target), cmp.Compare(a.source, b.source))
	})
	return nil
}

func (r *docReader) readSnapshots() error {
	rows, err := r.q.QueryContext(r.ctx, `SELECT id, body FROM snapshots`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id   int64
			body string
		)
		if err := rows.Scan(&id, &body); err != nil {
			return err
		}
		r.snaps[id] = snapshotDigest(body)
	}
	return rows.Err()
}

// take fills p with what document id's hash covers besides its row, and
// rates with its lines' sums for the totals rule, from the front of the
// reader's lists (skipping the rows of documents that do not exist);
// overflow is true when the sums do not fit in Money.
func (r *docReader) take(id int64, p *docParts, rates []rateSum) (_ []rateSum, overflow bool) {
	for len(r.lines) > 0 && r.lines[0].docID < id {
		r.lines = r.lines[1:]
	}
	p.lines, rates = p.lines[:0], rates[:0]
	for len(r.lines) > 0 && r.lines[0].docID == id {
		l := r.lines[0]
		p.lines = append(p.lines, r.arena[l.from:l.to])
		var ok bool
		if rates, ok = addToRate(rates, l.rate, l.amount); !ok {
			overflow = true
		}
		r.lines = r.lines[1:]
	}
	for len(r.taxes) > 0 && r.taxes[0].docID < id {
		r.taxes = r.taxes[1:]
	}
	p.taxes = p.taxes[:0]
	for len(r.taxes) > 0 && r.taxes[0].docID == id {
		p.taxes = append(p.taxes, r.taxes[0].tax)
		r.taxes = r.taxes[1:]
	}
	p.adjustments = r.adjusted.take(id, p.adjustments)
	for len(r.links) > 0 && r.links[0].target < id {
		r.links = r.links[1:]
	}
	p.sources = p.sources[:0]
	for len(r.links) > 0 && r.links[0].target == id {
		p.sources = append(p.sources, r.links[0].source)
		r.links = r.links[1:]
	}
	return rates, overflow
}

// checkDocuments reads every document, in id order so the violations come
// out in a stable order: the totals and bounds rules for the issued (and
// since voided) ones, and every one's hash (a document made a draft again
// outside daicho is still compared with what the chain recorded of it).
func checkDocuments(ctx context.Context, q queryer) (*docFindings, error) {
	r := &docReader{ctx: ctx, q: q, snaps: map[int64][32]byte{}}
	for _, read := range []func() error{r.readLines, r.readTaxes, r.readLinks, r.readSnapshots} {
		if err := read(); err != nil {
			return nil, err
		}
	}
	var err error
	if r.adjusted, err = readGrouped(ctx, q, `SELECT concat(invoice_id, ';', `+adjustmentEncoding()+`) FROM adjustments`); err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+documentEncoding()+` FROM documents ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		f     docFindings
		row   sql.RawBytes
		parts docParts
		rates []rateSum
		lines []Line
		buf   canonical
	)
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, err
		}
		d, status, cust, comp := readDocumentRow(row)
		issued := status != StatusDraft
		for len(r.problems) > 0 && r.problems[0].docID <= d.id {
			if p := r.problems[0]; p.docID == d.id && issued { // those of drafts are left out
				f.v = append(f.v, p.violation(d.number))
			}
			r.problems = r.problems[1:]
		}
		var overflow bool
		rates, overflow = r.take(d.id, &parts, rates)
		if issued {
			f.v = append(f.v, d.datesOutOfBounds()...)
			if overflow {
				f.v = append(f.v, Violation{Text: "document " + d.number + ": its lines add up to more than an amount can hold"})
			} else {
				var v Violations
				v, lines = d.compare(rates, parts.taxes, lines)
				f.v = append(f.v, v...)
			}
		}
		parts.customerSnap, parts.companySnap = r.snaps[cust], r.snaps[comp]
		h := docHash{id: d.id, name: d.number, issued: issued}
		h.hash, buf = hashDocument(row, &parts, buf)
		f.hashes = append(f.hashes, h)
	}
	return &f, rows.Err()
}

// readDocumentRow reads what the totals rule needs back from a document
// row's encoding (documentEncoding).
func readDocumentRow(row []byte) (d storedDoc, status string, customerSnap, companySnap int64) {
	c := canonReader{b: row}
	c.text() // "document"
	d.id = c.int()
	c.text() // kind
	status, d.number = string(c.text()), string(c.text())
	c.int()  // fiscal year
	c.int()  // seq
	c.int()  // customer
	c.text() // subject
	for i := range d.dates {
		d.dates[i] = c.text()
	}
	d.priceMode = string(c.text())
	c.text() // notes
	c.int()  // corrects
	c.int()  // revises
	c.text() // currency
	d.rounding = string(c.text())
	d.subtotal, d.tax, d.total = Money(c.int()), Money(c.int()), Money(c.int())
	customerSnap, companySnap = c.int(), c.int()
	if d.number == "" {
		d.number = "#" + itoa(d.id)
	}
	return d, status, customerSnap, companySnap
}

// dateFields are the dates of a document's row, in its encoding's order.
var dateFields = [...]string{"issue_date", "valid_until", "delivery_date", "closing_date", "due_date"}

// datesOutOfBounds is the bounds rule for an issued document.
func (d *storedDoc) datesOutOfBounds() Violations {
	var v Violations
	for i, date := range d.dates {
		if dateOutOfBounds(date) {
			v = append(v, Violation{Reason: "check.document_date", Field: dateFields[i],
				Args: []any{d.number, string(date), checkDateMin, checkDateMax}})
		}
	}
	return v
}
