package store

import (
	"fmt"
	"strings"
)

// documentKindsCheckOld and documentKindsCheckNew are the kind CHECK of the
// documents table as migration 0002 wrote it and as receipts need it.
const (
	documentKindsCheckOld = `CHECK (kind IN ('estimate', 'delivery_note', 'invoice', 'credit_note'))`
	documentKindsCheckNew = `CHECK (kind IN ('estimate', 'delivery_note', 'invoice', 'credit_note', 'receipt'))`
)

// allowReceiptKind lets 'receipt' into documents.kind. SQLite cannot ALTER a
// CHECK constraint, and rebuilding the table inside the migration's
// transaction is unsafe (document_lines and document_taxes cascade on it, and
// foreign_keys cannot be switched off inside a transaction). SQLite's ALTER
// TABLE page documents this way for a constraint that only loosens: rewrite
// the stored CREATE TABLE text under writable_schema, bump schema_version so
// every connection re-reads the schema, then check the file. Only the stored
// text changes, so it is safe inside the transaction and undone by rollback.
func allowReceiptKind(tx *Tx) error {
	ctx := tx.ctx
	var createSQL string
	if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'documents'`).Scan(&createSQL); err != nil {
		return err
	}
	if strings.Contains(createSQL, documentKindsCheckNew) {
		return nil
	}
	if strings.Count(createSQL, documentKindsCheckOld) != 1 {
		// A schema someone changed by hand: do not guess at it.
		return fmt.Errorf("documents table: kind CHECK not as expected, not rewritten")
	}
	var version int64
	if err := tx.QueryRowContext(ctx, `PRAGMA schema_version`).Scan(&version); err != nil {
		return err
	}
	newSQL := strings.Replace(createSQL, documentKindsCheckOld, documentKindsCheckNew, 1)
	if _, err := tx.ExecContext(ctx, `PRAGMA writable_schema = ON`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = 'documents'`, newSQL)
	if err == nil {
		_, err = tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA schema_version = %d`, version+1))
	}
	// Off again whatever happened: writable_schema is per connection and the
	// connection goes back to the pool.
	if _, offErr := tx.ExecContext(ctx, `PRAGMA writable_schema = OFF`); err == nil {
		err = offErr
	}
	if err != nil {
		return err
	}
	var result string
	if err := tx.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return fmt.Errorf("documents table after the kind rewrite: integrity_check: %s", result)
	}
	return nil
}
