package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"errors"
)

// The audit log is a hash chain (ARCHITECTURE.md §4, Audit): every row
// carries hash = SHA-256(the previous row's hash ‖ this row's canonical
// encoding), and a row about a change to a document, payment, allocation or
// adjustment also carries the hash of that record as the change left it
// (record_hash, record_hash.go). Nothing here prevents an edit made with
// another program; `check` (check_chain.go) recomputes both and names what
// differs, so such an edit cannot pass quietly.

// auditFields is one audit row as the chain hashes it. T is string where it
// is written, and []byte where check reads it (sql.RawBytes, no copies).
type auditFields[T string | []byte] struct {
	id                                  int64
	at, actor, action, entity, entityID T
	before, after, record               T
	recordID                            int64
	recordHash                          T
}

// chainHash is the one place a row's chain hash is computed: prev is the
// previous row's hash ("" before the first row).
func chainHash[T string | []byte](prev T, r *auditFields[T], buf canonical) ([32]byte, canonical) {
	buf = appendText(buf[:0], "audit")
	buf = appendText(buf, prev).int(r.id)
	for _, s := range [...]T{r.at, r.actor, r.action, r.entity, r.entityID, r.before, r.after, r.record} {
		buf = appendText(buf, s)
	}
	buf = appendText(buf.int(r.recordID), r.recordHash)
	return sha256.Sum256(buf), buf
}

// appendText is canonical.text for either kind of text.
func appendText[T string | []byte](c canonical, s T) canonical {
	c = append(c, 's')
	c = binary.AppendUvarint(c, uint64(len(s)))
	return append(c, s...)
}

// auditInsert writes one chained row, its id given (the chain hashes it).
const auditInsert = `INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after,
	record, record_id, record_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

// auditHead is the chain's last row as this transaction has left it. A write
// transaction holds the write lock, so nobody else appends meanwhile; it is
// read once, at the transaction's first audit row.
type auditHead struct {
	loaded bool
	id     int64
	hash   string
}

// execer runs a statement: the transaction's ExecContext, or a batch's
// prepared statement.
type execer func(query string, args ...any) (sql.Result, error)

// auditEntry is what a change says about itself; record names the record it
// snapshots ("" none).
type auditEntry struct {
	action, entity, entityID string
	before, after            any
	record                   string
	recordID                 int64
}

// appendAudit writes e as the chain's next row. The record it names is read
// through q (inside the transaction, after the change) and hashed.
func (tx *Tx) appendAudit(q queryer, exec execer, e auditEntry) error {
	if !tx.head.loaded {
		err := tx.QueryRowContext(tx.ctx, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).
			Scan(&tx.head.id, &tx.head.hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		tx.head.loaded = true
	}
	b, err := auditJSON(e.before)
	if err != nil {
		return err
	}
	a, err := auditJSON(e.after)
	if err != nil {
		return err
	}
	row := auditFields[string]{id: tx.head.id + 1, at: stamp(tx.now), actor: tx.actor, action: e.action,
		entity: e.entity, entityID: e.entityID, before: b, after: a, record: e.record}
	var recordID any // NULL without a record
	if e.record != "" {
		row.recordID, recordID = e.recordID, e.recordID
		if row.recordHash, err = recordHash(tx.ctx, q, e.record, e.recordID); err != nil {
			return err
		}
	}
	sum, _ := chainHash(tx.head.hash, &row, nil)
	hash := digestHex(sum)
	if _, err := exec(auditInsert, row.id, row.at, row.actor, row.action, row.entity, row.entityID, row.before,
		row.after, row.record, recordID, row.recordHash, hash); err != nil {
		return err
	}
	tx.head.id, tx.head.hash = row.id, hash
	return nil
}

// txExec is exec through the transaction itself.
func (tx *Tx) txExec(query string, args ...any) (sql.Result, error) {
	return tx.ExecContext(tx.ctx, query, args...)
}

// stmtCache prepares each statement once per transaction: for the batches
// (ImportPayments) that write and re-read thousands of records.
type stmtCache struct {
	tx    *Tx
	stmts map[string]*sql.Stmt
}

func newStmtCache(tx *Tx) *stmtCache { return &stmtCache{tx: tx, stmts: map[string]*sql.Stmt{}} }

func (c *stmtCache) stmt(query string) (*sql.Stmt, error) {
	if st, ok := c.stmts[query]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(c.tx.ctx, query)
	if err != nil {
		return nil, err
	}
	c.stmts[query] = st
	return st, nil
}

func (c *stmtCache) exec(query string, args ...any) (sql.Result, error) {
	st, err := c.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(c.tx.ctx, args...)
}

func (c *stmtCache) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmt(query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...) // the row carries the same error
	}
	return st.QueryRowContext(ctx, args...)
}

func (c *stmtCache) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmt(query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (c *stmtCache) close() {
	for _, st := range c.stmts {
		st.Close()
	}
}
