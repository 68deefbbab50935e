package store

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"time"
)

// Checking a database file without opening it for work: `daicho check`, and
// a backup before it is kept or restored. Nothing here writes to the file
// (store.Open would create a missing file, and migrate an older one).

// sqliteMagic begins every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// openInspect opens the file at path read-only after making sure it is a
// daicho ledger this program can read: it exists, is an SQLite file, has
// daicho's migrations table and no newer schema. version is its schema;
// after closing ro, forget removes the -wal and -shm the open made, for a
// file found damaged.
func openInspect(ctx context.Context, path string) (ro *Store, version int, forget func(), err error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, 0, nil, &Error{Code: CodeNotFound, Reason: "file.missing", Args: []any{path}}
		}
		return nil, 0, nil, err
	}
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteMagic) {
		return nil, 0, nil, &Error{Code: CodeNotDaicho, Reason: "db.not_sqlite", Args: []any{path}}
	}
	db, err := openReadOnly(path)
	if err != nil {
		return nil, 0, nil, faultOr(path, err)
	}
	forget = sideFilesGuard(path)
	fail := func(err error) (*Store, int, func(), error) {
		db.Close()
		forget() // a file refused (damaged, too new, another program's) keeps its folder as it was
		return nil, 0, nil, recount(err)
	}
	var tables int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema WHERE name = 'schema_migrations'`).Scan(&tables); err != nil {
		return fail(faultOr(path, err))
	}
	if tables == 0 { // an empty database, or another program's
		return fail(&Error{Code: CodeNotDaicho, Reason: "db.not_daicho", Args: []any{path}})
	}
	if err := checkSchemaVersion(db, path); err != nil {
		return fail(err)
	}
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fail(faultOr(path, err))
	}
	return &Store{db: db, path: path, Now: time.Now}, version, forget, nil
}

// VerifyDatabase checks a database file — a backup before it is kept or
// restored — without writing to it: it must be an SQLite file that passes
// integrity_check and a daicho ledger of a schema this program knows. The
// ledger rules (Check) are returned as violations; a ledger of an older
// schema is checked only after it has been upgraded (its tables differ).
func VerifyDatabase(ctx context.Context, path string) (Violations, error) {
	ro, version, forget, err := openInspect(ctx, path)
	if err != nil {
		return nil, err
	}
	integrity, ledger, err := ro.check(ctx, version == SchemaVersion())
	ro.Close()
	if err != nil {
		return nil, err
	}
	if len(integrity) > 0 {
		forget()
		return nil, damaged(path, strings.TrimPrefix(integrity[0].Text, "integrity_check: "))
	}
	return ledger, nil
}

// CheckReport is what `daicho check` found.
type CheckReport struct {
	Documents  int // issued (and since voided) documents checked
	Payments   int
	AuditRows  int    // rows of the audit log, their hash chain checked
	ChainHead  string // the last row's hash: what the chain ends in (a copy with a different one differs)
	Violations Violations
}

// CheckFile is Check on the file at path, opened read-only: a missing file is
// not created, an older schema not upgraded (it is refused: open it once
// with daicho, then check). A damaged file returns every integrity_check
// problem in the report and a CodeDamaged error naming the file.
func CheckFile(ctx context.Context, path string) (CheckReport, error) {
	var r CheckReport
	ro, version, forget, err := openInspect(ctx, path)
	if err != nil {
		return r, err
	}
	defer ro.Close()
	if known := SchemaVersion(); version < known {
		return r, &Error{Code: CodeInvalid, Reason: "check.old_schema", Args: []any{path, version, known}}
	}
	integrity, ledger, err := ro.check(ctx, true)
	if err != nil {
		if f := placeFault(path, err); f != nil {
			return r, f
		}
		return r, err
	}
	if len(integrity) > 0 {
		r.Violations = integrity
		ro.Close()
		forget()
		return r, damaged(path, strings.TrimPrefix(integrity[0].Text, "integrity_check: "))
	}
	r.Violations = ledger
	err = ro.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM documents WHERE status <> 'draft'),
		(SELECT count(*) FROM payments), (SELECT count(*) FROM audit_log),
		coalesce((SELECT lower(hex(hash)) FROM audit_log ORDER BY id DESC LIMIT 1), '')`).Scan(&r.Documents, &r.Payments,
		&r.AuditRows, &r.ChainHead)
	return r, err
}

// sideFilesGuard notes which of path's -wal and -shm exist before a
// read-only check opens it; the returned function removes the ones the check
// created (a -wal only when empty), so checking a damaged file — which is
// then left alone — leaves nothing behind in its folder either.
func sideFilesGuard(path string) (cleanup func()) {
	var created []string
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Lstat(path + suffix); errors.Is(err, os.ErrNotExist) {
			created = append(created, path+suffix)
		}
	}
	return func() {
		for _, p := range created {
			if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() &&
				(info.Size() == 0 || strings.HasSuffix(p, "-shm")) {
				os.Remove(p)
			}
		}
	}
}
