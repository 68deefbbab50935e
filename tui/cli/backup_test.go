package cli

import (
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// demoDB makes a small demo ledger at dir/data/daicho.db.
func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(cleanEnv(t), "data", "daicho.db")
	mustRun(t, "--db", db, "demo")
	return db
}

// rawExec runs SQL on a closed database with a connection of its own, as
// another program would.
func rawExec(t *testing.T, path string, queries ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range queries {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func customerCount(t *testing.T, db string) int {
	t.Helper()
	return len(listJSON(t, db))
}

func TestCheckCommand(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "--db", db, "check")
	if !regexp.MustCompile(`^ok: \d+ documents, \d+ payments and \d+ audit rows checked in .*; the audit chain ends in [0-9a-f]{64}\n$`).MatchString(r.stdout) {
		t.Fatalf("stdout %q", r.stdout)
	}

	rawExec(t, db, `UPDATE counters SET last = last + 2 WHERE kind = 'invoice'`,
		`DROP TRIGGER documents_frozen`, `UPDATE documents SET total = total + 1
			WHERE id = (SELECT min(id) FROM documents WHERE kind = 'delivery_note' AND status = 'issued')`)
	before, _ := os.ReadFile(db)
	r = runWith("", "--db", db, "check")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitFail || len(lines) != 3 || !strings.Contains(lines[0], "invoice counter") ||
		!strings.Contains(lines[1], "stored subtotal") ||
		!regexp.MustCompile(`^document D-2026-\d+ is not as audit row #\d+ \(.+\) recorded it: .* was changed outside daicho$`).MatchString(lines[2]) ||
		!strings.Contains(r.stderr, db+" breaks 3 ledger rules") {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", r.code, r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("check wrote to the database")
	}

	// A file that does not exist is reported, not created.
	missing := filepath.Join(t.TempDir(), "nothing", "here.db")
	r = runWith("", "--db", missing, "check")
	if r.code != exitFail || !strings.Contains(r.stderr, missing+" does not exist") {
		t.Fatalf("missing: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !os.IsNotExist(err) {
		t.Error("check made the missing file's folder")
	}
}

// TestCheckCommandNamesTampering: an unpaid invoice voided with sqlite3
// (no trigger stops that) passed check before the audit chain; now check
// names it, in the user's language.
func TestCheckCommandNamesTampering(t *testing.T) {
	db := demoDB(t)
	rawExec(t, db, `UPDATE documents SET status = 'void', voided_reason = 'x'
		WHERE id = (SELECT invoice_id FROM invoice_balances WHERE paid = 0 AND credited = 0 ORDER BY invoice_id LIMIT 1)`)
	for _, tc := range []struct{ lang, line, summary string }{
		{"en", `^document I-2026-\d{4} is not as audit row #\d+ \(2026-.+\) recorded it: .* was changed outside daicho$`,
			" breaks 1 ledger rule (said above)"},
		{"ja", `^書類 I-2026-\d{4}（またはその差額調整）が監査ログの \d+ 行目（2026-.+）の記録と一致しません。daicho の外から変更されています$`,
			"は台帳の規則に 1 件違反しています"},
	} {
		r := runWith("", "--db", db, "--lang", tc.lang, "check")
		if r.code != exitFail || !regexp.MustCompile(tc.line).MatchString(strings.TrimSpace(r.stdout)) ||
			!strings.Contains(r.stderr, tc.summary) {
			t.Errorf("%s: exit %d\nstdout %q\nstderr %q", tc.lang, r.code, r.stdout, r.stderr)
		}
	}
}

// TestCheckCommandSaysEveryFinding tampers in many ways at once and reads
// check's report in both languages: each finding is a whole sentence, its
// arguments of the types its message expects.
func TestCheckCommandSaysEveryFinding(t *testing.T) {
	db := demoDB(t)
	rawExec(t, db, `DROP TRIGGER payments_no_update`, `DROP TRIGGER payments_no_delete`, `DROP TRIGGER documents_frozen`,
		`DROP TRIGGER audit_log_no_update`, `DROP TRIGGER allocations_no_update`, `DROP TRIGGER adjustments_no_update`,
		`DROP TRIGGER documents_no_delete`,
		`UPDATE payments SET amount = amount + 1, date = '1999-12-31' WHERE id = 1`,
		`INSERT INTO payments (customer_id, date, amount, method, actor, created_at) VALUES (1, '2026-11-01', 5, 'cash', 'x', 'x')`,
		`DELETE FROM payments WHERE id = (SELECT max(id) FROM payments WHERE created_at <> 'x')`,
		`UPDATE allocations SET amount = amount WHERE id = 1`, `UPDATE allocations SET created_at = 'x' WHERE id = 2`,
		`INSERT INTO allocations (payment_id, invoice_id, amount, reverses_id, reason, actor, created_at)
			SELECT payment_id, invoice_id, -amount, id, 'x', 'x', 'x' FROM allocations WHERE id = 3`,
		`UPDATE adjustments SET date = '2100-01-01'`,
		`UPDATE documents SET customer_id = customer_id + 1, due_date = '9999-12-31' WHERE kind = 'credit_note'`,
		`UPDATE documents SET status = 'draft' WHERE id = (SELECT max(id) FROM documents WHERE kind = 'estimate' AND status <> 'draft')`,
		`DELETE FROM documents WHERE id = (SELECT max(id) FROM documents WHERE kind = 'invoice' AND status = 'issued')`,
		`UPDATE audit_log SET actor = 'mallory' WHERE id IN (10, 20)`,
		`DROP TRIGGER bank_lines_frozen`, `UPDATE bank_lines SET date = '1999-01-01' WHERE id = 1`)
	for _, lang := range []string{"en", "ja"} {
		r := runWith("", "--db", db, "--lang", lang, "check")
		if r.code != exitFail {
			t.Fatalf("%s: exit %d\n%s%s", lang, r.code, r.stdout, r.stderr)
		}
		for _, want := range []string{"chain_broken", "chain_broken_more", "payment_changed", "payment_unrecorded",
			"payment_missing", "payment_date", "adjustment_date", "document_changed", "document_missing", "document_date",
			"credit_note_customer", "bank_line_date"} {
			format := i18n.New(i18n.Lang(lang)).T("err.check." + want)
			if format == "err.check."+want {
				t.Errorf("%s: no message for %s", lang, want)
				continue
			}
			if !formatLine(format).MatchString(r.stdout) {
				t.Errorf("%s: no %s finding (%q) in\n%s", lang, want, format, r.stdout)
			}
		}
		if strings.Contains(r.stdout, "%!") || strings.Contains(r.stdout, "check.") {
			t.Errorf("%s: a message not filled in:\n%s", lang, r.stdout)
		}
	}
}

// formatLine matches a whole line made from a message format, any text in
// place of its verbs.
func formatLine(format string) *regexp.Regexp {
	parts := regexp.MustCompile(`%(\[\d+\])?[a-z]`).Split(format, -1)
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	return regexp.MustCompile(`(?m)^` + strings.Join(parts, `.+`) + `$`)
}

func TestBackupCommand(t *testing.T) {
	db := demoDB(t)
	r := mustRun(t, "--db", db, "backup")
	path := strings.TrimSpace(r.stdout)
	if filepath.Dir(path) != filepath.Join(filepath.Dir(db), "backups") ||
		!regexp.MustCompile(`^daicho-\d{8}-\d{6}(-\d+)?\.db$`).MatchString(filepath.Base(path)) {
		t.Fatalf("backup path %q", path)
	}
	if got := customerCount(t, path); got != customerCount(t, db) {
		t.Fatalf("%d customers in the backup", got)
	}

	to := filepath.Join(t.TempDir(), "usb stick")
	r = mustRun(t, "--db", db, "backup", "--to", to)
	if filepath.Dir(strings.TrimSpace(r.stdout)) != to {
		t.Fatalf("--to: %q", r.stdout)
	}

	// Keeping one: the next backup removes the older copy and says so.
	st := storetest.OpenFile(t, db)
	c, _ := st.Company(t.Context())
	c.BackupKeep = 1
	if err := st.SaveCompany(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	st.Close()
	r = mustRun(t, "--db", db, "backup")
	if !strings.Contains(r.stderr, "removed the old backup "+path) {
		t.Fatalf("stderr %q", r.stderr)
	}
	if left, _ := store.ListBackups(filepath.Dir(path)); len(left) != 1 || left[0] != strings.TrimSpace(r.stdout) {
		t.Fatalf("left %v", left)
	}
}

func TestRestoreCommand(t *testing.T) {
	db := demoDB(t)
	backup := strings.TrimSpace(mustRun(t, "--db", db, "backup").stdout)
	want := customerCount(t, db)
	csv := writeFile(t, "new.csv", []byte("code,name\nZ9999,後から追加の顧客\n"))
	mustRun(t, "--db", db, "import", "customers", csv)

	// No: nothing changes.
	r := runWith("n\n", "--db", db, "restore", backup)
	if r.code != exitFail || !strings.Contains(r.stderr, "replace "+db+" with "+backup+"? [y/N]") ||
		!strings.Contains(r.stderr, "nothing was restored") {
		t.Fatalf("no: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := customerCount(t, db); got != want+1 {
		t.Fatalf("after no: %d customers", got)
	}
	if m, _ := filepath.Glob(db + ".before-restore-*"); len(m) > 0 {
		t.Fatalf("after no, put aside: %v", m)
	}

	// Yes: the backup's data, and the replaced file kept.
	r = runWith("y\n", "--db", db, "restore", backup)
	if r.code != exitOK {
		t.Fatalf("yes: exit %d, stderr %q", r.code, r.stderr)
	}
	if got := customerCount(t, db); got != want {
		t.Fatalf("after the restore: %d customers, want the backup's %d", got, want)
	}
	aside, _ := filepath.Glob(db + ".before-restore-*")
	if len(aside) != 1 || !strings.Contains(r.stdout, aside[0]) || customerCount(t, aside[0]) != want+1 {
		t.Fatalf("aside %v, stdout %q", aside, r.stdout)
	}

	// --yes asks nothing (stdin is empty); a second restore in the same
	// second keeps its own aside file.
	mustRun(t, "--db", db, "restore", "--yes", backup)
	if m, _ := filepath.Glob(db + ".before-restore-*"); len(m) != 2 {
		t.Fatalf("aside files %v", m)
	}

	// A damaged backup is refused before the question.
	bad := writeFile(t, "bad.db", append([]byte("SQLite format 3\x00"), make([]byte, 8192)...))
	r = runWith("y\n", "--db", db, "restore", bad)
	if r.code != exitFail || strings.Contains(r.stderr, "[y/N]") || !strings.Contains(r.stderr, bad) {
		t.Fatalf("damaged: exit %d, stderr %q", r.code, r.stderr)
	}
	// While a session has the database open.
	st := storetest.OpenFile(t, db)
	if _, err := st.Company(t.Context()); err != nil {
		t.Fatal(err)
	}
	r = runWith("", "--db", db, "restore", "--yes", backup)
	st.Close()
	if r.code != exitFail || !strings.Contains(r.stderr, "open in another daicho") {
		t.Fatalf("in use: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestBackupUsage(t *testing.T) {
	cleanEnv(t)
	for _, args := range [][]string{{"backup", "extra"}, {"restore"}, {"restore", "a.db", "b.db"},
		{"check", "extra"}, {"backup", "--bogus"}} {
		if r := runWith("", args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// The TUI's first start of a day makes a backup, in the background; the
// second start that day makes none; a new ledger with nothing in it none.
func TestAutomaticBackup(t *testing.T) {
	db := demoDB(t)
	stubTUI(t, func(*store.Store, i18n.Printer) error { return nil })
	dir := filepath.Join(filepath.Dir(db), "backups")
	for range 2 {
		mustRun(t, "--db", db)
		if got, _ := store.ListBackups(dir); len(got) != 1 {
			t.Fatalf("backups %v, want one", got)
		}
	}
	fresh := filepath.Join(t.TempDir(), "fresh.db")
	mustRun(t, "--db", fresh)
	if _, err := os.Stat(filepath.Join(filepath.Dir(fresh), "backups")); !os.IsNotExist(err) {
		t.Fatalf("a backup folder for an empty ledger: %v", err)
	}
}
