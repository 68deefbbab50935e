package store_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daicho/store"
)

// countRows counts a table's rows.
func countRows(t *testing.T, st *store.Store, table string) int {
	t.Helper()
	var n int
	if err := st.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// mode is a file's permission bits.
func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Mode().Perm()
}

func TestBackupMakesACheckedPrivateCopy(t *testing.T) {
	st := openTestStore(t, copyFile(t, goodLedger(t)))
	res, err := st.Backup(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(st.Path()), "backups")
	want := filepath.Join(dir, "daicho-"+fixedNow.Local().Format("20060102-150405")+".db")
	if res.Path != want || len(res.Removed) != 0 || len(res.Violations) != 0 {
		t.Fatalf("got %+v, want the copy at %s", res, want)
	}
	if m := mode(t, res.Path); m != 0o600 {
		t.Errorf("backup mode %v, want 0600", m)
	}
	if m := mode(t, dir); m != 0o700 {
		t.Errorf("backup folder mode %v, want 0700", m)
	}
	if _, err := os.Stat(res.Path + ".partial"); !os.IsNotExist(err) {
		t.Errorf("the partial file is left: %v", err)
	}
	copyStore := openTestStore(t, res.Path)
	for _, table := range []string{"customers", "documents", "document_lines", "payments", "allocations", "audit_log"} {
		if got, want := countRows(t, copyStore, table), countRows(t, st, table); got != want {
			t.Errorf("%s: %d rows in the copy, %d in the database", table, got, want)
		}
	}

	// A second copy in the same second gets a name of its own.
	res2, err := st.Backup(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(want, ".db") + "-2.db"; res2.Path != want {
		t.Fatalf("second copy %s, want %s", res2.Path, want)
	}
}

func TestBackupRotation(t *testing.T) {
	st := openTestStore(t, copyFile(t, goodLedger(t)))
	c, err := st.Company(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if c.BackupKeep != store.DefaultBackupKeep {
		t.Fatalf("BackupKeep of an existing ledger = %d, want the default %d", c.BackupKeep, store.DefaultBackupKeep)
	}
	dir := filepath.Join(t.TempDir(), "elsewhere")
	c.BackupKeep, c.BackupDir = 3, dir
	if err := st.SaveCompany(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	// Files that are not daicho's copies are never removed, whatever their age.
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	foreign := []string{"notes.txt", "daicho-old.db", "daicho-20200101-000000.db-wal"}
	for _, name := range foreign {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	// What interrupted backups left (issue 15) is removed by the next one:
	// an abandoned temporary copy with its journal, and an empty file an
	// older daicho reserved a backup's name with.
	stale := map[string]string{"daicho-20200101-000000.db.partial": "x", "daicho-20200101-000000.db.partial-journal": "x",
		".daicho-20200102-000000-123.partial": "x", "daicho-20200103-000000.db": ""}
	for name, body := range stale {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var made []string
	for i := range 5 {
		at := fixedNow.Add(time.Duration(i) * 24 * time.Hour)
		st.Now = func() time.Time { return at }
		res, err := st.Backup(t.Context(), "")
		if err != nil {
			t.Fatal(err)
		}
		made = append(made, res.Path)
		wantRemoved := max(0, i+1-3)
		if len(res.Removed) != min(1, wantRemoved) {
			t.Fatalf("backup %d removed %v", i, res.Removed)
		}
	}
	left, err := store.ListBackups(dir)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(left, " ") != strings.Join(made[2:], " ") {
		t.Fatalf("left %v, want the newest three %v", left, made[2:])
	}
	for _, name := range foreign {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	for name := range stale {
		if _, err := os.Stat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s was left: %v", name, err)
		}
	}
}

func TestBackupOfABrokenLedgerKeepsTheOldCopies(t *testing.T) {
	path := copyFile(t, goodLedger(t))
	st := openTestStore(t, path)
	dir := t.TempDir()
	for i := range 3 {
		at := fixedNow.Add(time.Duration(i) * time.Hour)
		st.Now = func() time.Time { return at }
		if _, err := st.Backup(t.Context(), dir); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	corrupt(t, path, `UPDATE counters SET last = last + 1 WHERE kind = 'invoice'`)
	st = openTestStore(t, path)
	c, _ := st.Company(t.Context())
	c.BackupKeep = 1
	if err := st.SaveCompany(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	res, err := st.Backup(t.Context(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Violations) != 1 || len(res.Removed) != 0 {
		t.Fatalf("got %+v, want one violation and nothing removed", res)
	}
	if left, _ := store.ListBackups(dir); len(left) != 4 {
		t.Fatalf("%d copies left, want all 4", len(left))
	}
}

func TestBackupIfDue(t *testing.T) {
	st := openTestStore(t, copyFile(t, goodLedger(t)))
	res, made, err := store.BackupIfDue(t.Context(), st, fixedNow)
	if err != nil || !made || res.Path == "" {
		t.Fatalf("first start of the day: %+v, %v, %v", res, made, err)
	}
	if _, made, err := store.BackupIfDue(t.Context(), st, fixedNow.Add(time.Hour)); err != nil || made {
		t.Fatalf("second start of the day made a backup (%v)", err)
	}
	if _, made, err := store.BackupIfDue(t.Context(), st, fixedNow.Add(24*time.Hour)); err != nil || !made {
		t.Fatalf("first start of the next day made none (%v)", err)
	}
	// A new ledger with nothing entered is not backed up.
	fresh := newTestStore(t)
	if _, made, err := store.BackupIfDue(t.Context(), fresh, fixedNow); err != nil || made {
		t.Fatalf("empty ledger: made %v, %v", made, err)
	}
}

func TestBackupRefusesAFolderItCannotMake(t *testing.T) {
	st := openTestStore(t, copyFile(t, goodLedger(t)))
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := st.Backup(t.Context(), filepath.Join(blocker, "backups"))
	if e := storeError(t, err, store.CodeInvalid); e.Reason != "backup.dir" {
		t.Fatalf("reason %s", e.Reason)
	}
}

func TestCompanyBackupSettings(t *testing.T) {
	tests := []struct {
		dir   string
		keep  int
		field string // "" = valid
	}{
		{"", 0, ""}, // 0: the default
		{"/media/usb/daicho", 1, ""},
		{"", store.MaxBackupKeep, ""},
		{"backups", 14, "backup_dir"},
		{"", -1, "backup_keep"},
		{"", store.MaxBackupKeep + 1, "backup_keep"},
	}
	for _, tc := range tests {
		c := validCompany()
		c.BackupDir, c.BackupKeep = tc.dir, tc.keep
		err := c.Validate()
		if tc.field == "" {
			if err != nil {
				t.Errorf("%q %d: %v", tc.dir, tc.keep, err)
			} else if c.BackupKeep < 1 {
				t.Errorf("%q %d: keep left at %d", tc.dir, tc.keep, c.BackupKeep)
			}
			continue
		}
		if e := storeError(t, err, store.CodeInvalid); e.Field != tc.field {
			t.Errorf("%q %d: field %s, want %s", tc.dir, tc.keep, e.Field, tc.field)
		}
	}
}
