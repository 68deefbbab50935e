package store

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
)

// The snapshots of the records the ledger's money rests on — issued
// documents, payments, allocations and adjustments — that the audit chain
// carries (audit_chain.go). A record's hash is SHA-256 of one canonical
// encoding of every column that may not change without an audit row, read
// back from the database: the writer hashes what it has just written, in its
// transaction, and `check` hashes what is there now, with the same columns
// and the same encoder, so the two agree exactly when nothing was changed
// outside daicho.

// The kinds of record the chain snapshots (audit_log.record).
const (
	recordDocument   = "document"
	recordPayment    = "payment"
	recordAllocation = "allocation"
	recordAdjustment = "adjustment"
)

// canonical is the encoding that is hashed: fields in a fixed order, each a
// type byte ('s' text, 'i' integer, 'h' a digest) and its bytes, texts
// length-prefixed, so no two different rows encode alike.
type canonical []byte

func (c canonical) text(s string) canonical {
	c = append(c, 's')
	c = binary.AppendUvarint(c, uint64(len(s)))
	return append(c, s...)
}

func (c canonical) int(n int64) canonical {
	return binary.AppendVarint(append(c, 'i'), n)
}

func (c canonical) digest(d [32]byte) canonical {
	return append(append(c, 'h'), d[:]...)
}

// count starts a list of n items.
func (c canonical) count(n int) canonical {
	return binary.AppendUvarint(append(c, 'n'), uint64(n))
}

// digest is a hash as stored: hex.
func digestHex(d [32]byte) string { return hex.EncodeToString(d[:]) }

// flatTable is a record kind whose snapshot is its one row: payments,
// allocations and adjustments, append-only tables. layout has one letter per
// column: i an integer, s a text.
type flatTable struct {
	kind, table, columns, layout string
}

var (
	paymentRecords = flatTable{recordPayment, "payments", `id, customer_id, date, amount, method, payer_name, reference, memo,
		coalesce(bank_line_id, 0), coalesce(reverses_id, 0), reason, actor, created_at`, "iisissssiisss"}
	allocationRecords = flatTable{recordAllocation, "allocations", `id, payment_id, invoice_id, amount,
		coalesce(reverses_id, 0), reason, actor, created_at`, "iiiiisss"}
	adjustmentRecords = flatTable{recordAdjustment, "adjustments", `id, invoice_id, kind, amount, date, reason, actor, created_at`,
		"iisissss"}
)

// flatRow is one scanned row of a flatTable.
type flatRow struct {
	ints  []int64
	texts []string
	dest  []any
}

func (t flatTable) newRow() *flatRow {
	r := &flatRow{ints: make([]int64, len(t.layout)), texts: make([]string, len(t.layout))}
	for i, k := range t.layout {
		if k == 'i' {
			r.dest = append(r.dest, &r.ints[i])
		} else {
			r.dest = append(r.dest, &r.texts[i])
		}
	}
	return r
}

// id is the row's id, its first column.
func (r *flatRow) id() int64 { return r.ints[0] }

// hash is the record's hash; buf is reused between rows.
func (t flatTable) hash(r *flatRow, buf canonical) ([32]byte, canonical) {
	buf = buf[:0].text(t.kind)
	for i, k := range t.layout {
		if k == 'i' {
			buf = buf.int(r.ints[i])
		} else {
			buf = buf.text(r.texts[i])
		}
	}
	return sha256.Sum256(buf), buf
}

// docRecord is a document's own row, as hashed.
type docRecord struct {
	id                                           int64
	kind, status, number                         string
	fiscalYear, seq, customerID                  int64
	subject, issueDate, validUntil, deliveryDate string
	closingDate, dueDate, priceMode, notes       string
	correctsID, revisesID                        int64
	currency, taxRounding                        string
	subtotal, tax, total                         Money
	customerSnapshot, companySnapshot            int64
	issuedAt, voidedAt, voidedReason             string
}

const docRecordColumns = `id, kind, status, coalesce(number, ''), coalesce(fiscal_year, 0), coalesce(seq, 0), customer_id,
	subject, issue_date, valid_until, delivery_date, closing_date, due_date, price_mode, notes,
	coalesce(corrects_id, 0), coalesce(revises_id, 0), currency, tax_rounding, subtotal, tax, total,
	coalesce(customer_snapshot, 0), coalesce(company_snapshot, 0), issued_at, voided_at, voided_reason`

func (d *docRecord) scan(s scanner) error {
	return s.Scan(&d.id, &d.kind, &d.status, &d.number, &d.fiscalYear, &d.seq, &d.customerID,
		&d.subject, &d.issueDate, &d.validUntil, &d.deliveryDate, &d.closingDate, &d.dueDate, &d.priceMode, &d.notes,
		&d.correctsID, &d.revisesID, &d.currency, &d.taxRounding, &d.subtotal, &d.tax, &d.total,
		&d.customerSnapshot, &d.companySnapshot, &d.issuedAt, &d.voidedAt, &d.voidedReason)
}

// name is how messages name the document: its number, or #id.
func (d *docRecord) name() string {
	if d.number != "" {
		return d.number
	}
	return "#" + strconv.FormatInt(d.id, 10)
}

func (d *docRecord) append(c canonical) canonical {
	c = c.text(recordDocument).int(d.id).text(d.kind).text(d.status).text(d.number).
		int(d.fiscalYear).int(d.seq).int(d.customerID).
		text(d.subject).text(d.issueDate).text(d.validUntil).text(d.deliveryDate).
		text(d.closingDate).text(d.dueDate).text(d.priceMode).text(d.notes).
		int(d.correctsID).int(d.revisesID).text(d.currency).text(d.taxRounding).
		int(int64(d.subtotal)).int(int64(d.tax)).int(int64(d.total)).
		int(d.customerSnapshot).int(d.companySnapshot)
	return c.text(d.issuedAt).text(d.voidedAt).text(d.voidedReason)
}

// lineRecord is one line of a document, as hashed.
type lineRecord struct {
	documentID, id    int64
	position          int64
	productID         int64
	description       string
	quantity          Quantity
	unit              string
	unitPrice         Money
	taxCategory       string
	taxRate           int
	costPrice, amount Money
	sourceLineID      int64
}

const lineRecordColumns = `document_id, id, position, coalesce(product_id, 0), description, quantity, unit, unit_price,
	coalesce(tax_category, ''), tax_rate, cost_price, amount, coalesce(source_line_id, 0)`

func (l *lineRecord) scan(s scanner) error {
	return s.Scan(&l.documentID, &l.id, &l.position, &l.productID, &l.description, &l.quantity, &l.unit, &l.unitPrice,
		&l.taxCategory, &l.taxRate, &l.costPrice, &l.amount, &l.sourceLineID)
}

func (l *lineRecord) append(c canonical) canonical {
	return c.int(l.id).int(l.position).int(l.productID).text(l.description).int(int64(l.quantity)).text(l.unit).
		int(int64(l.unitPrice)).text(l.taxCategory).int(int64(l.taxRate)).int(int64(l.costPrice)).
		int(int64(l.amount)).int(l.sourceLineID)
}

// docParts is what a document's hash covers besides its own row: the digests
// of its customer and company snapshots (what its PDF prints), its lines
// (each encoded, in position order), its per-rate tax rows (highest rate
// first) and the documents it was made from (by id).
type docParts struct {
	customerSnap, companySnap [32]byte
	lines                     [][]byte
	taxes                     []TaxLine
	sources                   []int64
}

// hashDocument is the one place a document's hash is computed.
func hashDocument(d *docRecord, p *docParts, buf canonical) ([32]byte, canonical) {
	buf = d.append(buf[:0]).digest(p.customerSnap).digest(p.companySnap).count(len(p.lines))
	for _, l := range p.lines {
		buf = append(buf, l...)
	}
	buf = buf.count(len(p.taxes))
	for _, t := range p.taxes {
		buf = buf.int(int64(t.Rate)).int(int64(t.Net)).int(int64(t.Tax)).int(int64(t.Gross))
	}
	buf = buf.count(len(p.sources))
	for _, s := range p.sources {
		buf = buf.int(s)
	}
	return sha256.Sum256(buf), buf
}

// snapshotDigest is what a document's hash holds of a snapshot body: "" (no
// snapshot, a draft) is all zeros.
func snapshotDigest(body string) [32]byte {
	if body == "" {
		return [32]byte{}
	}
	return sha256.Sum256([]byte(body))
}

// sortTaxesForHash and sortSources put a document's parts in hashing order.
func sortTaxesForHash(ts []TaxLine) {
	slices.SortFunc(ts, func(a, b TaxLine) int { return b.Rate - a.Rate })
}

// recordHash reads the record kind/id in q (the writer's transaction) and
// returns its hash, as check will compute it.
func recordHash(ctx context.Context, q queryer, kind string, id int64) (string, error) {
	switch kind {
	case recordDocument:
		return documentHashByID(ctx, q, id)
	case recordPayment:
		return paymentRecords.hashByID(ctx, q, id)
	case recordAllocation:
		return allocationRecords.hashByID(ctx, q, id)
	case recordAdjustment:
		return adjustmentRecords.hashByID(ctx, q, id)
	}
	return "", fmt.Errorf("recordHash: unknown record kind %q", kind) // a programming error
}

func (t flatTable) hashByID(ctx context.Context, q queryer, id int64) (string, error) {
	r := t.newRow()
	if err := q.QueryRowContext(ctx, `SELECT `+t.columns+` FROM `+t.table+` WHERE id = ?`, id).Scan(r.dest...); err != nil {
		return "", err
	}
	h, _ := t.hash(r, nil)
	return digestHex(h), nil
}

func documentHashByID(ctx context.Context, q queryer, id int64) (string, error) {
	var d docRecord
	if err := d.scan(q.QueryRowContext(ctx, `SELECT `+docRecordColumns+` FROM documents WHERE id = ?`, id)); err != nil {
		return "", err
	}
	var p docParts
	var err error
	if p.customerSnap, err = snapshotDigestByID(ctx, q, d.customerSnapshot); err != nil {
		return "", err
	}
	if p.companySnap, err = snapshotDigestByID(ctx, q, d.companySnapshot); err != nil {
		return "", err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+lineRecordColumns+` FROM document_lines WHERE document_id = ?
		ORDER BY position, id`, id)
	if err != nil {
		return "", err
	}
	for rows.Next() {
		var l lineRecord
		if err := l.scan(rows); err != nil {
			rows.Close()
			return "", err
		}
		p.lines = append(p.lines, l.append(nil))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	if p.taxes, err = loadTaxes(ctx, q, id); err != nil { // highest rate first, as sortTaxesForHash
		return "", err
	}
	if p.sources, err = sourceIDs(ctx, q, id); err != nil {
		return "", err
	}
	h, _ := hashDocument(&d, &p, nil)
	return digestHex(h), nil
}

func snapshotDigestByID(ctx context.Context, q queryer, id int64) ([32]byte, error) {
	if id == 0 {
		return [32]byte{}, nil
	}
	var body string
	if err := q.QueryRowContext(ctx, `SELECT body FROM snapshots WHERE id = ?`, id).Scan(&body); err != nil {
		return [32]byte{}, err
	}
	return snapshotDigest(body), nil
}

func sourceIDs(ctx context.Context, q queryer, id int64) ([]int64, error) {
	rows, err := q.QueryContext(ctx, `SELECT source_id FROM document_links WHERE target_id = ? ORDER BY source_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var s int64
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
