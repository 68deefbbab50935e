package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

// The snapshots of the records the ledger's money rests on that the audit
// chain carries (audit_chain.go): an issued document with its lines, tax
// rows, sources and the fee and discount adjustments closing it; a payment
// with its allocations. A record's hash is SHA-256 of one canonical encoding
// of every column that may not change without an audit row. An allocation
// or an adjustment is part of its payment's or invoice's record, and the
// audit row of each one snapshots that record anew: one row per change, and
// one per imported payment, however many invoices it pays.
//
// The encoding is made by SQLite itself, from one SQL expression per table
// (documentEncoding, paymentEncoding, …): the writer reads it for the record it has just
// written, in its transaction, and `check` reads it for every record, so the
// two agree exactly when nothing was changed outside daicho. Reading one
// value per row instead of a dozen columns is also what keeps `check` fast
// (every column read through the driver costs about as much as the row).

// The kinds of record the chain snapshots (audit_log.record).
const (
	recordDocument = "document"
	recordPayment  = "payment"
)

// The canonical encoding: fields in a fixed order, a text as its length in
// bytes, ':' and its bytes, an integer in decimal and ';'. No two different
// rows encode alike, and SQL (concat, octet_length) and Go (canonical) write
// the same bytes.

// canonical appends fields in the canonical encoding.
type canonical []byte

func (c canonical) text(s string) canonical {
	return append(append(strconv.AppendInt(c, int64(len(s)), 10), ':'), s...)
}

func (c canonical) int(n int64) canonical {
	return append(strconv.AppendInt(c, n, 10), ';')
}

// sqlField is one column of an encoding: a text, or an integer (NULL read as
// 0, or ” for a text).
type sqlField struct {
	column string
	text   bool
}

func textCol(c string) sqlField { return sqlField{column: c, text: true} }
func intCol(c string) sqlField  { return sqlField{column: c} }

// lazyEncoding is sqlEncoding made on first use (lazy.go says why): the
// encodings are package variables read by check and by the hash writers only.
func lazyEncoding(tag string, fields ...sqlField) func() string {
	return sync.OnceValue(func() string { return sqlEncoding(tag, fields...) })
}

// sqlEncoding is the SQL expression giving the canonical encoding of fields,
// tag first, made by one concat() (which writes integers in decimal, as
// strconv does, and copies texts whole, NUL bytes included).
func sqlEncoding(tag string, fields ...sqlField) string {
	parts := []string{"'" + string(canonical(nil).text(tag)) + "'"}
	for _, f := range fields {
		if f.text {
			col := "coalesce(" + f.column + ", '')"
			parts = append(parts, "octet_length("+col+")", "':'", col)
		} else {
			parts = append(parts, "coalesce("+f.column+", 0)", "';'")
		}
	}
	return "concat(" + strings.Join(parts, ", ") + ")"
}

// canonReader reads fields back out of an encoding, for check (one value
// read per row instead of a column per field is most of check's speed). A
// malformed encoding — only a tampered row gives one — reads as zeros and
// empty texts and sets bad.
type canonReader struct {
	b   []byte
	bad bool
}

func (r *canonReader) int() int64 {
	end := bytes.IndexByte(r.b, ';')
	if end < 0 {
		r.bad = true
		return 0
	}
	n, ok := parseDecimal(r.b[:end])
	if !ok {
		r.bad = true
	}
	r.b = r.b[end+1:]
	return n
}

// parseDecimal is strconv.ParseInt(string(b), 10, 64) without the copy.
func parseDecimal(b []byte) (int64, bool) {
	neg := len(b) > 0 && b[0] == '-'
	if neg {
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 19 {
		return 0, false
	}
	var u uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		u = u*10 + uint64(c-'0')
	}
	switch {
	case neg && u <= 1<<63:
		return int64(-u), true // -1<<63 included
	case !neg && u < 1<<63:
		return int64(u), true
	}
	return 0, false
}

func (r *canonReader) text() []byte {
	colon := bytes.IndexByte(r.b, ':')
	if colon < 0 {
		r.bad = true
		return nil
	}
	n, ok := parseDecimal(r.b[:colon])
	if !ok || n < 0 || n > int64(len(r.b)-colon-1) {
		r.bad = true
		return nil
	}
	t := r.b[colon+1 : colon+1+int(n)]
	r.b = r.b[colon+1+int(n):]
	return t
}

// The encodings of the rows that make up the records, in SQL.
var (
	paymentEncoding = lazyEncoding(recordPayment, intCol("id"), intCol("customer_id"), textCol("date"),
		intCol("amount"), textCol("method"), textCol("payer_name"), textCol("reference"), textCol("memo"),
		intCol("bank_line_id"), intCol("reverses_id"), textCol("reason"), textCol("actor"), textCol("created_at"))
	// An allocation, part of its payment's record.
	allocationEncoding = lazyEncoding("allocation", intCol("id"), intCol("invoice_id"), intCol("amount"),
		intCol("reverses_id"), textCol("reason"), textCol("actor"), textCol("created_at"))
	// An adjustment, part of its invoice's record. The policy that closed it
	// (migration bank_in_view) is appended only when set, so the adjustments
	// of before encode as they always did and the chain they are in holds.
	adjustmentEncoding = sync.OnceValue(func() string {
		return strings.TrimSuffix(adjustmentEncodingBefore(), ")") +
			`, iif(policy = '', '', concat('policy', octet_length(policy), ':', policy)))`
	})
	// adjustmentEncodingBefore is the encoding of before the policy column:
	// what the audit_chain migration, which runs before it exists, seals
	// (every adjustment then has no policy, and encodes alike either way).
	adjustmentEncodingBefore = lazyEncoding("adjustment", intCol("id"), textCol("kind"), intCol("amount"),
		textCol("date"), textCol("reason"), textCol("actor"), textCol("created_at"))
	// A document's own row: everything but what may change without it
	// changing (version, updated_at).
	documentEncoding = lazyEncoding(recordDocument, intCol("id"), textCol("kind"),
		textCol("status"), textCol("number"), intCol("fiscal_year"), intCol("seq"), intCol("customer_id"),
		textCol("subject"), textCol("issue_date"), textCol("valid_until"), textCol("delivery_date"),
		textCol("closing_date"), textCol("due_date"), textCol("price_mode"), textCol("notes"), intCol("corrects_id"),
		intCol("revises_id"), textCol("currency"), textCol("tax_rounding"), intCol("subtotal"), intCol("tax"),
		intCol("total"), intCol("customer_snapshot"), intCol("company_snapshot"), textCol("issued_at"),
		textCol("voided_at"), textCol("voided_reason"), textCol("created_at"))
	// One line of a document (its document is the document's own).
	lineEncoding = lazyEncoding("line", intCol("id"), intCol("position"), intCol("product_id"), textCol("description"),
		intCol("quantity"), textCol("unit"), intCol("unit_price"), textCol("tax_category"), intCol("tax_rate"),
		intCol("cost_price"), intCol("amount"), intCol("source_line_id"))
	// A kept PDF's archive row (archive.go): its bytes are covered by their
	// SHA-256, which archive verify checks.
	archiveEncoding = lazyEncoding(recordArchive, intCol("id"), textCol("sha256"), intCol("document_id"),
		intCol("contract_id"), intCol("customer_id"), textCol("counterparty"), textCol("kind"), textCol("number"), textCol("date"),
		intCol("amount"), textCol("channel"), textCol("file_name"), textCol("actor"), textCol("sent_at"))
)

// docParts is what a document's hash covers besides its own row: the digests
// of its customer and company snapshots (what its PDF prints), its lines in
// position order, its per-rate tax rows (highest rate first), the documents
// it was made from (by id) and its adjustments (by id).
type docParts struct {
	customerSnap, companySnap [32]byte
	lines                     [][]byte
	taxes                     []TaxLine
	sources                   []int64
	adjustments               [][]byte
}

// hashDocument is the one place a document's hash is computed, from its
// row's encoding and its parts.
func hashDocument(row []byte, p *docParts, buf canonical) ([32]byte, canonical) {
	buf = append(buf[:0], row...)
	buf = append(append(buf, p.customerSnap[:]...), p.companySnap[:]...)
	buf = appendList(buf, p.lines).int(int64(len(p.taxes)))
	for _, t := range p.taxes {
		buf = buf.int(int64(t.Rate)).int(int64(t.Net)).int(int64(t.Tax)).int(int64(t.Gross))
	}
	buf = buf.int(int64(len(p.sources)))
	for _, s := range p.sources {
		buf = buf.int(s)
	}
	return sha256.Sum256(appendList(buf, p.adjustments)), buf
}

// hashPayment is the one place a payment's hash is computed, from its row's
// encoding and its allocations' (by id).
func hashPayment(row []byte, allocations [][]byte, buf canonical) ([32]byte, canonical) {
	buf = appendList(append(buf[:0], row...), allocations)
	return sha256.Sum256(buf), buf
}

// appendList appends a count and the encodings.
func appendList(buf canonical, encodings [][]byte) canonical {
	buf = buf.int(int64(len(encodings)))
	for _, e := range encodings {
		buf = append(buf, e...)
	}
	return buf
}

// snapshotDigest is what a document's hash holds of a snapshot body; no
// snapshot (a draft) is all zeros.
func snapshotDigest(body string) [32]byte {
	if body == "" {
		return [32]byte{}
	}
	return sha256.Sum256([]byte(body))
}

// recordHash reads the record kind/id through q (in the writer's
// transaction) and returns its hash, as check computes it.
func recordHash(ctx context.Context, q queryer, kind string, id int64, adjEncoding string) ([32]byte, error) {
	switch kind {
	case recordDocument:
		return documentHashByID(ctx, q, id, adjEncoding)
	case recordPayment:
		var row []byte
		if err := q.QueryRowContext(ctx, `SELECT `+paymentEncoding()+` FROM payments WHERE id = ?`, id).Scan(&row); err != nil {
			return [32]byte{}, err
		}
		allocations, err := encodings(ctx, q, `SELECT `+allocationEncoding()+` FROM allocations WHERE payment_id = ? ORDER BY id`, id)
		if err != nil {
			return [32]byte{}, err
		}
		h, _ := hashPayment(row, allocations, nil)
		return h, nil
	case recordArchive:
		var row []byte
		if err := q.QueryRowContext(ctx, `SELECT `+archiveEncoding()+` FROM archive WHERE id = ?`, id).Scan(&row); err != nil {
			return [32]byte{}, err
		}
		return sha256.Sum256(row), nil
	case recordClosing, recordOpening:
		return monthEndRecordHash(ctx, q, kind, id)
	}
	return [32]byte{}, fmt.Errorf("recordHash: unknown record kind %q", kind) // a programming error
}

func documentHashByID(ctx context.Context, q queryer, id int64, adjEncoding string) ([32]byte, error) {
	var (
		row                []byte
		custBody, compBody string
		p                  docParts
	)
	err := q.QueryRowContext(ctx, `SELECT `+documentEncoding()+`,
		coalesce((SELECT body FROM snapshots WHERE id = customer_snapshot), ''),
		coalesce((SELECT body FROM snapshots WHERE id = company_snapshot), '')
		FROM documents WHERE id = ?`, id).Scan(&row, &custBody, &compBody)
	if err != nil {
		return [32]byte{}, err
	}
	p.customerSnap, p.companySnap = snapshotDigest(custBody), snapshotDigest(compBody)
	if p.lines, err = encodings(ctx, q, `SELECT `+lineEncoding()+` FROM document_lines WHERE document_id = ?
		ORDER BY position, id`, id); err != nil {
		return [32]byte{}, err
	}
	if p.taxes, err = loadTaxes(ctx, q, id); err != nil { // highest rate first, as docParts wants
		return [32]byte{}, err
	}
	if p.sources, err = sourceIDs(ctx, q, id); err != nil {
		return [32]byte{}, err
	}
	if p.adjustments, err = encodings(ctx, q, `SELECT `+adjEncoding+` FROM adjustments WHERE invoice_id = ?
		ORDER BY id`, id); err != nil {
		return [32]byte{}, err
	}
	h, _ := hashDocument(row, &p, nil)
	return h, nil
}

// encodings reads the one-value rows of query.
func encodings(ctx context.Context, q queryer, query string, args ...any) ([][]byte, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var e []byte
		if err := rows.Scan(&e); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
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
