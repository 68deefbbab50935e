package store

import (
	"fmt"
	"strings"
)

// loosenChecks replaces, in table's stored CREATE TABLE text, each of the
// CHECK constraints olds by the one of news at the same index. SQLite cannot
// ALTER a CHECK constraint, and rebuilding a table inside a migration's
// transaction is unsafe (other tables cascade on it, and foreign_keys cannot
// be switched off inside a transaction). SQLite's ALTER TABLE page documents
// this way for a constraint that only loosens: rewrite the stored text under
// writable_schema, bump schema_version so every connection re-reads the
// schema, then check the file. Only the stored text changes, so it is safe
// inside the transaction and undone by rollback. A table already rewritten
// (its text holds news[0]) is left alone; one whose text does not hold each
// old CHECK exactly once is refused, not guessed at.
func loosenChecks(tx *Tx, table string, olds, news []string) error {
	ctx := tx.ctx
	var createSQL string
	if err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&createSQL); err != nil {
		return err
	}
	if strings.Contains(createSQL, news[0]) {
		return nil
	}
	newSQL := createSQL
	for i, old := range olds {
		if strings.Count(newSQL, old) != 1 {
			return fmt.Errorf("%s table: %s not as expected, not rewritten", table, old)
		}
		newSQL = strings.Replace(newSQL, old, news[i], 1)
	}
	var version int64
	if err := tx.QueryRowContext(ctx, `PRAGMA schema_version`).Scan(&version); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `PRAGMA writable_schema = ON`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?`, newSQL, table)
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
		return fmt.Errorf("%s table after the CHECK rewrite: integrity_check: %s", table, result)
	}
	return nil
}
