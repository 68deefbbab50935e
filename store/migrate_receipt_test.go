package store_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daicho/store"
)

// A ledger from before receipts: the migration lets 'receipt' into
// documents.kind by rewriting the stored CREATE TABLE, keeps refusing other
// kinds, keeps the rows and leaves a sound file.
func TestReceiptKindMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	db := rawDB(t, path, "_pragma=foreign_keys(1)")
	ts := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC).Format(time.RFC3339Nano)
	applyMigrationsBefore(t, db, "receipts.sql", ts)
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'C1', '株式会社テスト', ?, ?)`, ts, ts)
	insertDoc := func(kind string) error {
		_, err := db.Exec(`INSERT INTO documents (kind, customer_id, issue_date, currency, tax_rounding, created_at, updated_at)
			VALUES (?, 1, '2026-11-20', 'JPY', 'floor', ?, ?)`, kind, ts, ts)
		return err
	}
	if err := insertDoc(store.KindInvoice); err != nil {
		t.Fatal(err)
	}
	mustExec(`INSERT INTO document_lines (document_id, position, description, quantity, unit_price, tax_rate, amount) VALUES (1, 1, 'x', 1000, 500, 10, 500)`)
	if err := insertDoc("receipt"); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Fatalf("before the migration, a receipt: %v, want a CHECK failure", err)
	}
	db.Close()

	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	st.Close()

	db = rawDB(t, path, "_pragma=foreign_keys(1)")
	if err := insertDoc("receipt"); err != nil {
		t.Errorf("after the migration, a receipt: %v", err)
	}
	if err := insertDoc("bogus"); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Errorf("after the migration, kind bogus: %v, want a CHECK failure", err)
	}
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	var lines, docs int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM document_lines), (SELECT count(*) FROM documents)`).Scan(&lines, &docs); err != nil {
		t.Fatal(err)
	}
	if lines != 1 || docs != 2 {
		t.Errorf("after the migration: %d lines, %d documents, want 1 and 2", lines, docs)
	}
	var writable int
	if err := db.QueryRow(`PRAGMA writable_schema`).Scan(&writable); err != nil || writable != 0 {
		t.Errorf("writable_schema = %d, %v", writable, err)
	}
}
