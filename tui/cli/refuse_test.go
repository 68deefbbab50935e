package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNewerFileLeavesNothingBeside (issue 15): refusing a ledger written by
// a newer daicho — by list, check, backup, the TUI's start, or as the file
// to restore — leaves its folder as it was: no -wal, no -shm.
func TestNewerFileLeavesNothingBeside(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	newer := filepath.Join(dir, "newer.db")
	body, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(newer, body, 0o600); err != nil {
		t.Fatal(err)
	}
	rawExec(t, newer, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '0999_future.sql', 'x')`)
	if names := mustReadDir(t, dir); strings.Join(names, " ") != "newer.db" {
		t.Fatalf("before: %v", names)
	}
	before, _ := os.ReadFile(newer)
	stubTUI(t, nil)
	for _, args := range [][]string{{"--db", newer, "list", "customers"}, {"--db", newer, "check"},
		{"--db", newer, "backup"}, {"--db", newer}, {"--db", newer, "overdue"}, {"--db", db, "restore", "--yes", newer}} {
		r := runWith("", args...)
		if r.code != exitFail || !strings.Contains(r.stderr, "newer daicho") {
			t.Errorf("daicho %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		if names := mustReadDir(t, dir); strings.Join(names, " ") != "newer.db" {
			t.Errorf("daicho %v left %v", args, names)
		}
	}
	if after, _ := os.ReadFile(newer); string(after) != string(before) {
		t.Error("the newer file changed")
	}
}
