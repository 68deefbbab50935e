package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
)

// The audit chain's part of Check: every row's hash is recomputed from the
// row before it (audit_chain.go), and the last snapshot of each record is
// kept for check_records.go to compare with the record as it is now.

// recordKinds are the kinds of record the chain snapshots, in the order
// check reports them.
var recordKinds = [...]string{recordDocument, recordPayment, recordAllocation, recordAdjustment}

// recordReasons are the message keys of each kind's violations: the record
// differs from its last snapshot, is in no audit row, or is gone; a date of
// it is out of bounds.
var recordReasons = [len(recordKinds)]struct{ changed, unrecorded, missing, date string }{
	{"check.document_changed", "check.document_unrecorded", "check.document_missing", "check.document_date"},
	{"check.payment_changed", "check.payment_unrecorded", "check.payment_missing", "check.payment_date"},
	{"check.allocation_changed", "check.allocation_unrecorded", "check.allocation_missing", ""},
	{"check.adjustment_changed", "check.adjustment_unrecorded", "check.adjustment_missing", "check.adjustment_date"},
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
	rows  int
	head  string                                // the last row's hash
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
	rows, err := q.QueryContext(ctx, `SELECT `+auditChainColumns+` FROM audit_log ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		r      auditFields[[]byte]
		stored sql.RawBytes
		prev   []byte
		buf    canonical
		want   [64]byte
		first  *chainBreak
		broken int
	)
	dest := []any{&r.id, (*sql.RawBytes)(&r.at), (*sql.RawBytes)(&r.actor), (*sql.RawBytes)(&r.action),
		(*sql.RawBytes)(&r.entity), (*sql.RawBytes)(&r.entityID), (*sql.RawBytes)(&r.before), (*sql.RawBytes)(&r.after),
		(*sql.RawBytes)(&r.record), &r.recordID, (*sql.RawBytes)(&r.recordHash), &stored}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		c.rows++
		var sum [32]byte
		sum, buf = chainHash(prev, &r, buf)
		hex.Encode(want[:], sum[:])
		if !bytes.Equal(want[:], stored) {
			broken++
			if first == nil {
				first = &chainBreak{row: r.id, at: string(r.at), action: string(r.action), entity: string(r.entity),
					entityID: string(r.entityID)}
			}
		}
		prev = append(prev[:0], stored...)
		if len(r.record) > 0 {
			if k := recordKindIndex(r.record); k >= 0 {
				s := chainSnap{row: r.id}
				if n, err := hex.Decode(s.hash[:], r.recordHash); err != nil || n != len(s.hash) {
					s.hash = [32]byte{}
				}
				c.snaps[k][r.recordID] = s
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	c.head = string(prev)
	if first != nil {
		name, err := first.name(ctx, q)
		if err != nil {
			return nil, err
		}
		c.v = append(c.v, Violation{Reason: "check.chain_broken", Args: []any{first.row, first.action, name, first.at}})
		if broken > 1 {
			c.v = append(c.v, Violation{Reason: "check.chain_broken_more", Args: []any{broken}})
		}
	}
	return c, nil
}

// chainBreak is the first row whose hash differs.
type chainBreak struct {
	row                          int64
	at, action, entity, entityID string
}

// name says what the row is about: a document by its number, anything else
// by its kind and key (customer C0001, payment 12).
func (b *chainBreak) name(ctx context.Context, q queryer) (string, error) {
	if b.entity == "document" {
		var number string
		err := q.QueryRowContext(ctx, `SELECT coalesce(number, '') FROM documents WHERE id = ?`, b.entityID).Scan(&number)
		if err != nil && !isNoRows(err) {
			return "", err
		}
		if number != "" {
			return "document " + number, nil
		}
	}
	return b.entity + " " + b.entityID, nil
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
