package store

import (
	"cmp"
	"slices"
)

// The documents' part of Check (check_records.go): lines, tax rows, links
// and snapshots are each read in one plain scan and gathered per document;
// then each document row gives the totals rule and the snapshot rule.

// docRead is what is read of one document before its own row is.
type docRead struct {
	rates    []rateSum // the lines' sums, per rate
	overflow bool      // the lines' sum does not fit in Money
	lines    []lineRef // its lines' encodings, for its hash
	stored   []TaxLine // its document_taxes rows
	sources  []int64   // the documents it was made from
}

// lineRef is one line's encoding in the arena.
type lineRef struct {
	position, id int64
	from, to     int
}

// docReader gathers the rows around the documents.
type docReader struct {
	docs     map[int64]*docRead
	arena    canonical // every line's encoding, one after the other
	problems []lineProblem
	snaps    map[int64][32]byte // snapshot digests by id
}

func (r *docReader) get(id int64) *docRead {
	d := r.docs[id]
	if d == nil {
		d = &docRead{}
		r.docs[id] = d
	}
	return d
}

func (r *docReader) readLines(c *recordCheck) error {
	rows, err := c.q.QueryContext(c.ctx, `SELECT `+lineRecordColumns+` FROM document_lines`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var l lineRecord
	for rows.Next() {
		if err := l.scan(rows); err != nil {
			return err
		}
		if want, err := LineAmount(l.quantity, l.unitPrice); err != nil || want != l.amount {
			r.problems = append(r.problems, lineProblem{docID: l.documentID, position: l.position, line: l, want: want})
		}
		d := r.get(l.documentID)
		var ok bool
		if d.rates, ok = addToRate(d.rates, &l); !ok {
			d.overflow = true
		}
		from := len(r.arena)
		r.arena = l.append(r.arena)
		d.lines = append(d.lines, lineRef{position: l.position, id: l.id, from: from, to: len(r.arena)})
	}
	return rows.Err()
}

func (r *docReader) readTaxes(c *recordCheck) error {
	rows, err := c.q.QueryContext(c.ctx, `SELECT document_id, rate, net, tax, gross FROM document_taxes`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id int64
			t  TaxLine
		)
		if err := rows.Scan(&id, &t.Rate, &t.Net, &t.Tax, &t.Gross); err != nil {
			return err
		}
		d := r.get(id)
		d.stored = append(d.stored, t)
	}
	return rows.Err()
}

func (r *docReader) readLinks(c *recordCheck) error {
	rows, err := c.q.QueryContext(c.ctx, `SELECT target_id, source_id FROM document_links`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var target, source int64
		if err := rows.Scan(&target, &source); err != nil {
			return err
		}
		d := r.get(target)
		d.sources = append(d.sources, source)
	}
	return rows.Err()
}

func (r *docReader) readSnapshots(c *recordCheck) error {
	rows, err := c.q.QueryContext(c.ctx, `SELECT id, body FROM snapshots`)
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

// documents reads every document, in id order so the violations come out in
// a stable order, and applies the totals rule and the bounds rule to the
// issued (and since voided) ones and the snapshot rule to those and to any
// the chain holds (a document made a draft again is not one any more).
func (c *recordCheck) documents() error {
	r := &docReader{docs: map[int64]*docRead{}, snaps: map[int64][32]byte{}}
	for _, read := range []func(*recordCheck) error{r.readLines, r.readTaxes, r.readLinks, r.readSnapshots} {
		if err := read(c); err != nil {
			return err
		}
	}
	slices.SortFunc(r.problems, func(a, b lineProblem) int {
		if a.docID != b.docID {
			return cmp.Compare(a.docID, b.docID)
		}
		return cmp.Compare(a.position, b.position)
	})
	rows, err := c.q.QueryContext(c.ctx, `SELECT `+docRecordColumns+` FROM documents ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var (
		d     docRecord
		empty docRead
		parts docParts
		lines []Line
	)
	kind := slices.Index(recordKinds[:], recordDocument)
	for rows.Next() {
		if err := d.scan(rows); err != nil {
			return err
		}
		read := r.docs[d.id]
		if read == nil {
			read = &empty
		}
		issued := d.status != StatusDraft
		for len(r.problems) > 0 && r.problems[0].docID <= d.id {
			if p := r.problems[0]; p.docID == d.id && issued { // those of drafts are left out
				c.v = append(c.v, lineViolation(&d, p))
			}
			r.problems = r.problems[1:]
		}
		sortTaxesForHash(read.stored)
		if issued {
			if read.overflow {
				c.v = append(c.v, Violation{Text: "document " + d.name() + ": its lines add up to more than an amount can hold"})
			} else {
				var v Violations
				v, lines = compareTotals(&d, read.rates, read.stored, lines)
				c.v = append(c.v, v...)
			}
		}
		if _, held := c.chain.snaps[kind][d.id]; issued || held {
			var sum [32]byte
			sum, c.buf = hashDocument(&d, r.parts(&d, read, &parts), c.buf)
			if reason, row := c.snapshot(kind, d.id, sum); reason != "" {
				if err := c.report(reason, row, d.name()); err != nil {
					return err
				}
			}
		}
		if issued {
			c.documentDates(&d)
		}
	}
	return rows.Err()
}

// parts is what d's hash covers besides its row, from what was read.
func (r *docReader) parts(d *docRecord, read *docRead, p *docParts) *docParts {
	p.customerSnap, p.companySnap = r.snaps[d.customerSnapshot], r.snaps[d.companySnapshot]
	slices.SortFunc(read.lines, func(a, b lineRef) int {
		if a.position != b.position {
			return cmp.Compare(a.position, b.position)
		}
		return cmp.Compare(a.id, b.id)
	})
	p.lines = p.lines[:0]
	for _, l := range read.lines {
		p.lines = append(p.lines, r.arena[l.from:l.to])
	}
	p.taxes = read.stored
	slices.Sort(read.sources)
	p.sources = read.sources
	return p
}

// documentDates applies the bounds rule to an issued document's dates.
func (c *recordCheck) documentDates(d *docRecord) {
	for _, f := range [...]struct{ field, date string }{{"issue_date", d.issueDate}, {"valid_until", d.validUntil},
		{"delivery_date", d.deliveryDate}, {"closing_date", d.closingDate}, {"due_date", d.dueDate}} {
		if dateOutOfBounds(f.date) {
			c.v = append(c.v, Violation{Reason: recordReasons[0].date, Field: f.field,
				Args: []any{d.name(), f.date, checkDateMin, checkDateMax}})
		}
	}
}
