package store_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daicho/store"
)

// A ledger from before contract mails: the migration lets the kinds
// 'contract' and 'renewal' into mail_log by rewriting its stored CREATE
// TABLE, keeps the old rows and rules (a document mail names its document;
// other kinds are refused), makes a contract mail name its contract and a
// renewal notice its end date, once, and leaves a sound file.
func TestContractMailMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	db := rawDB(t, path, "_pragma=foreign_keys(1)")
	ts := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC).Format(time.RFC3339Nano)
	applyMigrationsBefore(t, db, "contract_mail.sql", ts)
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`INSERT INTO customers (id, code, name, created_at, updated_at) VALUES (1, 'C1', '株式会社テスト', ?, ?)`, ts, ts)
	mustExec(`INSERT INTO contracts (id, number, fiscal_year, seq, customer_id, title, start_date, end_date, cycle, cycle_months,
		billing_day, in_advance, pro_rate, payment_method, auto_renew, status, created_at, updated_at)
		VALUES (1, 'K-2026-0001', 2026, 1, 1, '保守', '2026-12-01', '2027-11-30', 'monthly', 1, 1, 1, 1, 'bank_transfer', 0,
		'active', ?, ?)`, ts, ts)
	mustExec(`INSERT INTO mail_log (customer_id, kind, to_address, method, actor, sent_at) VALUES (1, 'reminder', 'a@example.jp', 'smtp', 'x', ?)`, ts)
	if _, err := db.Exec(`INSERT INTO mail_log (customer_id, kind, to_address, method, actor, sent_at)
		VALUES (1, 'contract', 'a@example.jp', 'smtp', 'x', ?)`, ts); err == nil || !strings.Contains(err.Error(), "CHECK") {
		t.Fatalf("before the migration, a contract mail: %v, want a CHECK failure", err)
	}
	db.Close()

	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	st.Close()

	db = rawDB(t, path, "_pragma=foreign_keys(1)")
	insert := func(kind string, document, contract any, end string) error {
		_, err := db.Exec(`INSERT INTO mail_log (customer_id, kind, document_id, contract_id, contract_end, to_address, method, actor, sent_at)
			VALUES (1, ?, ?, ?, ?, 'a@example.jp', 'smtp', 'x', ?)`, kind, document, contract, end, ts)
		return err
	}
	for _, tc := range []struct {
		name               string
		kind               string
		document, contract any
		end                string
		refused            string // "" accepted, else a word of the error
	}{
		{"contract summary", "contract", nil, 1, "", ""},
		{"renewal notice", "renewal", nil, 1, "2027-11-30", ""},
		{"the same renewal notice again", "renewal", nil, 1, "2027-11-30", "UNIQUE"},
		{"renewal notice of a new end date", "renewal", nil, 1, "2028-11-30", ""},
		{"contract mail without its contract", "contract", nil, nil, "", "names its contract"},
		{"renewal notice without its end date", "renewal", nil, 1, "", "names its contract"},
		{"reminder naming a contract", "reminder", nil, 1, "", "names its contract"},
		{"document mail without its document", "document", nil, nil, "", "CHECK"},
		{"unknown kind", "fax", nil, nil, "", "CHECK"},
		{"unknown contract", "contract", nil, 9, "", "FOREIGN KEY"},
	} {
		err := insert(tc.kind, tc.document, tc.contract, tc.end)
		switch {
		case tc.refused == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.refused != "" && (err == nil || !strings.Contains(err.Error(), tc.refused)):
			t.Errorf("%s: %v, want an error with %q", tc.name, err, tc.refused)
		}
	}
	var check string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	var rows, notify int
	if err := db.QueryRow(`SELECT (SELECT count(*) FROM mail_log), (SELECT notify_customer FROM contracts WHERE id = 1)`).
		Scan(&rows, &notify); err != nil {
		t.Fatal(err)
	}
	if rows != 4 || notify != 0 {
		t.Errorf("after the migration: %d mail log rows (want 4), notify_customer %d (want 0)", rows, notify)
	}
	var writable int
	if err := db.QueryRow(`PRAGMA writable_schema`).Scan(&writable); err != nil || writable != 0 {
		t.Errorf("writable_schema = %d, %v", writable, err)
	}
}
