package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// migrations are the numbered schema steps, NNNN_name.sql, applied in order,
// each in its own transaction and recorded in schema_migrations.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	version int
	name    string
}

// text is the migration's SQL, read from the embedded file only when it is
// applied: an up-to-date ledger opens without copying 120 KB of SQL.
func (m migration) text() (string, error) {
	body, err := migrationFiles.ReadFile("migrations/" + m.name)
	return string(body), err
}

// topic is the migration's name without its number (audit_chain.sql).
func (m migration) topic() string {
	_, topic, _ := strings.Cut(m.name, "_")
	return topic
}

// migrationSteps are the steps SQL cannot do, run in Go right after a
// migration's SQL in its transaction, keyed by its topic (numbers may be
// renumbered when branches merge).
var migrationSteps = map[string]func(tx *Tx) error{
	"bank_identity.sql":   fillDepositKeys,
	"audit_chain.sql":     sealAuditLog,
	"seal_image.sql":      fillSealImage, // hardening (issue 15)
	"receipts.sql":        allowReceiptKind,
	"contract_mail.sql":   allowContractMailKinds, // contracts that mail themselves (issue 16)
	"month_end_chain.sql": sealMonthEndRecords,    // issue 16 loose ends
}

// loadMigrations is the migrations in order, listed from the embedded files
// once: Open asks for them up to three times (the schema-version checks and
// migrate), and they never change while the program runs. Callers only read
// the slice.
var loadMigrations = sync.OnceValues(readMigrations)

func readMigrations() ([]migration, error) {
	entries, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var ms []migration
	for _, e := range entries {
		base := strings.TrimPrefix(e, "migrations/")
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number and _", base)
		}
		ms = append(ms, migration{version: v, name: base})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d", m.name, i+1)
		}
	}
	return ms, nil
}

// SchemaVersion is the newest schema this program knows: the number of
// migration files, counted without reading them (`daicho version` prints it;
// loadMigrations, which the tests and every open run, checks they are
// numbered 1…n, so the count is the highest number).
func SchemaVersion() int {
	entries, _ := fs.Glob(migrationFiles, "migrations/*.sql")
	return len(entries)
}

// appliedMigrations reads the versions recorded (none for a new database).
func appliedMigrations(ctx context.Context, db *sql.DB) (map[int]bool, error) {
	applied := map[int]bool{}
	var exists int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'`).Scan(&exists); err != nil || exists == 0 {
		return applied, translate(err)
	}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, translate(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		applied[v] = true
	}
	return applied, rows.Err()
}

const createMigrationsTable = `CREATE TABLE IF NOT EXISTS schema_migrations (
	version    INTEGER PRIMARY KEY,
	name       TEXT NOT NULL,
	applied_at TEXT NOT NULL
)`

// checkSchemaVersion refuses a database whose schema is newer than this program.
func checkSchemaVersion(db *sql.DB, path string) error {
	var exists int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'`).Scan(&exists); err != nil {
		return faultOr(path, err)
	}
	if exists == 0 {
		// No migrations table: a new database, or another program's. Adding
		// daicho's tables to someone else's database would be a surprise.
		// Litestream's bookkeeping tables (_litestream_seq, _litestream_lock:
		// store/replica) are not another program's data.
		var tables int
		if err := db.QueryRow(`SELECT count(*) FROM sqlite_schema WHERE type = 'table'
			AND name NOT GLOB '_litestream_*'`).Scan(&tables); err != nil {
			return faultOr(path, err)
		}
		if tables > 0 {
			return &Error{Code: CodeNotDaicho, Reason: "db.not_daicho", Args: []any{path}}
		}
		return nil
	}
	var have int
	if err := db.QueryRow(`SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return faultOr(path, err)
	}
	if known := SchemaVersion(); have > known {
		return &Error{Code: CodeTooNew, Reason: "db.too_new", Args: []any{path, have, known}}
	}
	return nil
}

// migrate applies the missing migrations. prechecked says Open has already
// checked the schema version on its read-only connection (precheck), so the
// newer-schema and not-daicho refusals are not asked of the file again; a
// version above the newest known is still refused from what is read here.
func (s *Store) migrate(ctx context.Context, prechecked bool) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	if !prechecked {
		if err := checkSchemaVersion(s.db, s.path); err != nil {
			return err
		}
	}
	// Read first, write only what is missing: an up-to-date ledger opens
	// without a write (and so without waiting for a background check).
	applied, err := appliedMigrations(ctx, s.db)
	if err != nil {
		return err
	}
	newest := 0
	for v := range applied {
		newest = max(newest, v)
	}
	if newest > len(ms) { // written by a newer daicho since precheck read it
		return &Error{Code: CodeTooNew, Reason: "db.too_new", Args: []any{s.path, newest, len(ms)}}
	}
	if len(applied) < len(ms) {
		if err := s.write(ctx, func(tx *Tx) error {
			_, err := tx.ExecContext(ctx, createMigrationsTable)
			return err
		}); err != nil {
			return err
		}
	}
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		err := s.write(ctx, func(tx *Tx) error {
			var done int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			text, err := m.text()
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, text); err != nil {
				return fmt.Errorf("migration %s: %w", m.name, err)
			}
			if step := migrationSteps[m.topic()]; step != nil {
				if err := step(tx); err != nil {
					return fmt.Errorf("migration %s: %w", m.name, err)
				}
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, stamp(tx.now))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}
