package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"
)

// A write transaction prepares each statement once and reuses it. Without
// this every ExecContext and QueryRowContext with arguments is parsed and
// planned again (about 30 µs in modernc's SQLite), which is most of the
// time of a batch that inserts the same row shape ten thousand times
// (importing customers or documents, the large demo). database/sql closes a
// transaction's statements when it commits or rolls back.

// maxTxStmts bounds the statements one transaction keeps: past it, a
// statement is run the ordinary way (a query text built at run time must
// not grow the cache without end).
const maxTxStmts = 64

// txStmts is the transaction's prepared statements, by query text.
type txStmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepared returns query prepared in the transaction, or nil to run it
// unprepared: a query without arguments (schema changes, migrations, which
// may hold several statements), one with a ';' (several statements, or a
// literal we need not tell apart), or one past maxTxStmts.
func (tx *Tx) prepared(query string, args []any) *sql.Stmt {
	if len(args) == 0 || strings.Contains(query, ";") {
		return nil
	}
	tx.stmts.mu.Lock()
	defer tx.stmts.mu.Unlock()
	if st, ok := tx.stmts.m[query]; ok {
		return st
	}
	if len(tx.stmts.m) >= maxTxStmts {
		return nil
	}
	st, err := tx.Tx.PrepareContext(tx.ctx, query)
	if err != nil {
		return nil // run unprepared: the error comes back from there
	}
	if tx.stmts.m == nil {
		tx.stmts.m = map[string]*sql.Stmt{}
	}
	tx.stmts.m[query] = st
	return st
}

// ExecContext is sql.Tx's, through the transaction's prepared statements.
func (tx *Tx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if st := tx.prepared(query, args); st != nil {
		return st.ExecContext(ctx, args...)
	}
	return tx.Tx.ExecContext(ctx, query, args...)
}

// QueryContext is sql.Tx's, through the transaction's prepared statements.
func (tx *Tx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if st := tx.prepared(query, args); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return tx.Tx.QueryContext(ctx, query, args...)
}

// QueryRowContext is sql.Tx's, through the transaction's prepared statements.
func (tx *Tx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if st := tx.prepared(query, args); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return tx.Tx.QueryRowContext(ctx, query, args...)
}
