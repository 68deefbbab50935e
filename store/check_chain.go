package store

import (
	"bytes"
	"context"
	"database/sql"
)

// The audit chain's part of Check: every row's hash is recomputed from the
// row before it (audit_chain.go), and the last snapshot of each record is
// kept, for check_records.go to compare with the record as it is now.

// recordKinds are the kinds of record the chain snapshots, in the order
// check reports them.
var recordKinds = [...]string{recordDocument, recordPayment, recordArchive, recordClosing, recordOpening}

// recordReasons are the message keys of each kind's violations: the record
// differs from its last snapshot, is in no audit row, or is gone.
var recordReasons = [len(recordKinds)]struct{ changed, unrecorded, missing string }{
	{"check.document_changed", "check.document_unrecorded", "check.document_missing"},
	{"check.payment_changed", "check.payment_unrecorded", "check.payment_missing"},
	{"check.archive_changed", "check.archive_unrecorded", "check.archive_missing"},
	{"check.closing_changed", "check.closing_unrecorded", "check.closing_missing"},
	{"check.opening_changed", "check.opening_unrecorded", "check.opening_missing"},
}

func recordKindIndex(kind []byte) int {
	for i, k := range recordKinds {
		if string(kind) == k {
			return i
		}
	}
	return -1
}

// chainSnap is the last audit row that snapshotted a record.
type chainSnap struct {
	row  int64
	hash [32]byte // what the record hashed to then (zeros: the row holds no hash)
}

// chainScan is what reading the whole audit log found.
type chainScan struct {
	snaps [len(recordKinds)]map[int64]chainSnap // per kind, by record id
	v     Violations
}

// scanAuditChain reads the audit log in id order (its table's own order: a
// plain scan), recomputing each row's hash from the previous row's stored
// hash. The first row whose hash differs is named (what follows an edited
// row may be fine or not: the first is where to look); how many differ is
// said when more than one does.
func scanAuditChain(ctx context.Context, q queryer) (*chainScan, error) {
	c := &chainScan{}
	for i := range c.snaps {
		c.snaps[i] = map[int64]chainSnap{}
	}
	rows, err := q.QueryContext(ctx, `SELECT hash, `+auditEncoding()+` FROM audit_log ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		stored, encoded sql.RawBytes
		prev            []byte
		first           int64 // the first row that differs
		broken          int   // how many do
	)
	for rows.Next() {
		if err := rows.Scan(&stored, &encoded); err != nil {
			return nil, err
		}
		// The row's id and record, read back from its encoding.
		r := canonReader{b: encoded}
		r.text() // "audit"
		id, record, recordID, recordHash := r.int(), r.text(), r.int(), r.text()
		if sum := chainHash(prev, encoded); !bytes.Equal(sum[:], stored) {
			if broken++; broken == 1 {
				first = id
			}
		}
		prev = append(prev[:0], stored...)
		if len(record) > 0 {
			if k := recordKindIndex(record); k >= 0 {
				s := chainSnap{row: id}
				// A hash of the wrong length is zeros: it never matches.
				if len(recordHash) == len(s.hash) {
					copy(s.hash[:], recordHash)
				}
				c.snaps[k][recordID] = s
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if broken > 0 {
		b, err := describeAuditRow(ctx, q, first)
		if err != nil {
			return nil, err
		}
		c.v = append(c.v, Violation{Reason: "check.chain_broken", Args: []any{first, b.action, b.name, b.at}})
		if broken > 1 {
			c.v = append(c.v, Violation{Reason: "check.chain_broken_more", Args: []any{broken}})
		}
	}
	return c, nil
}

// auditRowInfo is what a message says of an audit row.
type auditRowInfo struct{ at, action, name string }

// describeAuditRow says when row id was written, its action and what it is
// about: a document by its number, anything else by its kind and key
// (customer C0001, payment 12).
func describeAuditRow(ctx context.Context, q queryer, id int64) (auditRowInfo, error) {
	var r auditRowInfo
	var entity, entityID, number string
	err := q.QueryRowContext(ctx, `SELECT a.at, a.action, a.entity, a.entity_id, coalesce(d.number, '')
		FROM audit_log a LEFT JOIN documents d ON a.entity = 'document' AND d.id = a.entity_id
		WHERE a.id = ?`, id).Scan(&r.at, &r.action, &entity, &entityID, &number)
	if isNoRows(err) { // an id made up by an edit
		return auditRowInfo{name: "?"}, nil
	}
	if err != nil {
		return r, err
	}
	r.name = entity + " " + entityID
	if number != "" {
		r.name = entity + " " + number
	}
	return r, nil
}

// auditRowAt is when audit row id was written ("" if it is gone).
func auditRowAt(ctx context.Context, q queryer, id int64) (string, error) {
	var at string
	err := q.QueryRowContext(ctx, `SELECT at FROM audit_log WHERE id = ?`, id).Scan(&at)
	if isNoRows(err) {
		return "", nil
	}
	return at, err
}
