package store_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
)

// flipPageBytes damages a database file in the middle of a page past the
// header (what a failing disk or a stray write does), keeping its size.
func flipPageBytes(t *testing.T, path string) {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(body) < 8*4096 {
		t.Fatalf("%s is too small (%d bytes) to damage a page of", path, len(body))
	}
	// Page 3 onwards holds the tables' b-trees; bytes 100–3000 of a page
	// are its header and cell pointers, which every read parses.
	for p := 2; p*4096 < len(body); p++ {
		for i := 8; i < 200; i++ {
			body[p*4096+i] ^= 0x5a
		}
	}
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreRefuses(t *testing.T) {
	good := goodLedger(t)
	newer := copyFile(t, good)
	corrupt(t, newer, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')`)
	broken := copyFile(t, good)
	corrupt(t, broken, `DELETE FROM counters WHERE kind = 'estimate'`)
	damaged := copyFile(t, good)
	flipPageBytes(t, damaged)
	dir := t.TempDir()
	write := func(name string, body []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, body, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	other := filepath.Join(dir, "other.db")
	corrupt(t, other, `CREATE TABLE notes (body TEXT)`)
	empty := filepath.Join(dir, "empty.db")
	corrupt(t, empty, `PRAGMA user_version = 1`)

	tests := []struct {
		name   string
		file   string
		code   store.Code
		reason string
	}{
		{"a missing file", filepath.Join(dir, "nope.db"), store.CodeNotFound, "file.missing"},
		{"a text file", write("notes.txt", []byte("not a database at all, but long enough to have a header")), store.CodeNotDaicho, "db.not_sqlite"},
		{"an empty file", write("zero.db", nil), store.CodeNotDaicho, "db.not_sqlite"},
		{"another program's database", other, store.CodeNotDaicho, "db.not_daicho"},
		{"an empty database", empty, store.CodeNotDaicho, "db.not_daicho"},
		{"a newer daicho's database", newer, store.CodeTooNew, "db.too_new"},
		{"a damaged copy", damaged, store.CodeDamaged, "db.damaged"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			db := copyFile(t, good)
			before, _ := os.ReadFile(db)
			_, err := store.Restore(t.Context(), db, tc.file, fixedNow, nil)
			if e := storeError(t, err, tc.code); e.Reason != tc.reason {
				t.Fatalf("reason %s (%v), want %s", e.Reason, err, tc.reason)
			}
			after, _ := os.ReadFile(db)
			if !bytes.Equal(before, after) {
				t.Fatal("the database changed")
			}
			if matches, _ := filepath.Glob(db + ".before-restore-*"); len(matches) > 0 {
				t.Fatalf("a file was put aside: %v", matches)
			}
		})
	}

	t.Run("a copy breaking ledger rules", func(t *testing.T) {
		_, err := store.Restore(t.Context(), copyFile(t, good), broken, fixedNow, nil)
		var refused *store.RestoreRefused
		if !errors.As(err, &refused) || len(refused.Violations) != 1 ||
			!strings.Contains(refused.Violations[0].String(), "estimate counter") {
			t.Fatalf("got %v, want the estimate counter's violation", err)
		}
	})
	t.Run("a no to the question", func(t *testing.T) {
		db := copyFile(t, good)
		before, _ := os.ReadFile(db)
		asked := false
		_, err := store.Restore(t.Context(), db, good, fixedNow, func() bool { asked = true; return false })
		if !asked || !errors.Is(err, store.ErrRestoreCancelled) {
			t.Fatalf("asked %v, err %v", asked, err)
		}
		if after, _ := os.ReadFile(db); !bytes.Equal(before, after) {
			t.Fatal("the database changed")
		}
	})
	t.Run("the database itself", func(t *testing.T) {
		db := copyFile(t, good)
		_, err := store.Restore(t.Context(), db, db, fixedNow, nil)
		if e := storeError(t, err, store.CodeInvalid); e.Reason != "restore.same_file" {
			t.Fatal(e.Reason)
		}
	})
	t.Run("while another session has it open", func(t *testing.T) {
		db := copyFile(t, good)
		st := openTestStore(t, db)
		if _, err := st.Company(t.Context()); err != nil {
			t.Fatal(err)
		}
		_, err := store.Restore(t.Context(), db, good, fixedNow, nil)
		if e := storeError(t, err, store.CodeLocked); e.Reason != "restore.in_use" {
			t.Fatal(e.Reason)
		}
		if _, err := st.Company(t.Context()); err != nil {
			t.Fatalf("the open session broke: %v", err)
		}
	})
}

func TestRestoreSwapsInTheBackup(t *testing.T) {
	db := copyFile(t, goodLedger(t))
	st := openTestStore(t, db)
	res, err := st.Backup(t.Context(), "")
	if err != nil {
		t.Fatal(err)
	}
	customers := countRows(t, st, "customers")
	// A change after the backup: the file put aside must have it.
	c := validCustomer("AFTER")
	if err := st.CreateCustomer(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	st.Close()

	aside, err := store.Restore(t.Context(), db, res.Path, fixedNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := db + ".before-restore-" + fixedNow.Format("20060102-150405"); aside != want {
		t.Fatalf("aside %s, want %s", aside, want)
	}
	for _, p := range []string{db, aside} {
		if m := mode(t, p); m != 0o600 {
			t.Errorf("%s: mode %v, want 0600", p, m)
		}
	}
	restored := openTestStore(t, db)
	if got := countRows(t, restored, "customers"); got != customers {
		t.Fatalf("%d customers after the restore, want the backup's %d", got, customers)
	}
	if v, err := restored.Check(t.Context()); err != nil || len(v) > 0 {
		t.Fatalf("restored ledger: %v %v", v, err)
	}
	old := openTestStore(t, aside)
	if got := countRows(t, old, "customers"); got != customers+1 {
		t.Fatalf("%d customers in the file put aside, want %d", got, customers+1)
	}
	// The backup itself is untouched.
	if _, err := store.VerifyDatabase(t.Context(), res.Path); err != nil {
		t.Fatal(err)
	}
}

// A damaged database — the usual reason to restore — is put aside whole and
// replaced.
func TestRestoreOverADamagedDatabase(t *testing.T) {
	good := goodLedger(t)
	db := copyFile(t, good)
	flipPageBytes(t, db)
	damagedBytes, _ := os.ReadFile(db)
	aside, err := store.Restore(t.Context(), db, good, fixedNow, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(aside); !bytes.Equal(got, damagedBytes) {
		t.Fatal("the damaged file was not put aside as it was")
	}
	st := openTestStore(t, db)
	if v, err := st.Check(t.Context()); err != nil || len(v) > 0 {
		t.Fatalf("restored ledger: %v %v", v, err)
	}
}

// Restoring onto a new machine: no database yet.
func TestRestoreWithoutADatabase(t *testing.T) {
	good := goodLedger(t)
	db := filepath.Join(t.TempDir(), "new", "daicho.db")
	aside, err := store.Restore(t.Context(), db, good, fixedNow, nil)
	if err != nil || aside != "" {
		t.Fatalf("aside %q, %v", aside, err)
	}
	if m := mode(t, filepath.Dir(db)); m != 0o700 {
		t.Errorf("folder mode %v", m)
	}
	openTestStore(t, db)
}
