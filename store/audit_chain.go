package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
)

// The audit log is a hash chain (ARCHITECTURE.md §4, Audit): every row
// carries hash = SHA-256(the previous row's hash ‖ this row's canonical
// encoding), and a row about a change to a document, payment, allocation or
// adjustment also carries the hash of that record as the change left it
// (record_hash, record_hash.go). Nothing here prevents an edit made with
// another program; `check` (check_chain.go) recomputes both and names what
// differs, so such an edit cannot pass quietly.

// auditRow is one audit row as the chain hashes it.
type auditRow struct {
	id                                  int64
	at, actor, action, entity, entityID string
	before, after, record               string
	recordID                            int64
	recordHash                          []byte // nil: no record
}

// encode is the row's canonical encoding (record_hash.go), written in Go by
// the writer; auditEncoding is the same in SQL, read by check and by the
// migration. A test holds the two to the same bytes.
func (r *auditRow) encode(c canonical) canonical {
	c = c.text("audit").int(r.id).text(r.record).int(r.recordID).text(string(r.recordHash))
	return c.text(r.at).text(r.actor).text(r.action).text(r.entity).text(r.entityID).text(r.before).text(r.after)
}

// auditEncoding: the record first, so check reads it back from the encoding
// (auditRecordOf) instead of as columns of their own.
var auditEncoding = lazyEncoding("audit", intCol("id"), textCol("record"), intCol("record_id"),
	textCol("record_hash"), textCol("at"), textCol("actor"), textCol("action"), textCol("entity"),
	textCol("entity_id"), textCol("before"), textCol("after"))

// chainHash is a row's hash: SHA-256 of the previous row's hash (none before
// the first row) and the row's encoding.
func chainHash(prev, encoding []byte) [32]byte {
	h := sha256.New()
	h.Write(prev)
	h.Write(encoding)
	var sum [32]byte
	h.Sum(sum[:0])
	return sum
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
	hash   []byte
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
	if err := tx.loadAuditHead(); err != nil {
		return err
	}
	b, err := auditJSON(e.before)
	if err != nil {
		return err
	}
	a, err := auditJSON(e.after)
	if err != nil {
		return err
	}
	row := auditRow{id: tx.head.id + 1, at: stamp(tx.now), actor: tx.actor, action: e.action,
		entity: e.entity, entityID: e.entityID, before: b, after: a, record: e.record}
	var recordID, recordSum any // NULL without a record
	if e.record != "" {
		adj := adjustmentEncoding()
		if tx.beforeAdjustmentPolicy {
			adj = adjustmentEncodingBefore()
		}
		sum, err := recordHash(tx.ctx, q, e.record, e.recordID, adj)
		if err != nil {
			return err
		}
		row.recordID, row.recordHash = e.recordID, sum[:]
		recordID, recordSum = e.recordID, row.recordHash
	}
	hash := chainHash(tx.head.hash, row.encode(nil))
	if _, err := exec(auditInsert, row.id, row.at, row.actor, row.action, row.entity, row.entityID, row.before,
		row.after, row.record, recordID, recordSum, hash[:]); err != nil {
		return err
	}
	tx.head.id, tx.head.hash = row.id, hash[:]
	return nil
}

// loadAuditHead reads the chain's last row, once a transaction.
func (tx *Tx) loadAuditHead() error {
	if tx.head.loaded {
		return nil
	}
	err := tx.QueryRowContext(tx.ctx, `SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1`).
		Scan(&tx.head.id, &tx.head.hash)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	tx.head.loaded = true
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
