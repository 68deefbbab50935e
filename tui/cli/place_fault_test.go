package cli

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFullDiskEveryCommandSaysSo (issue 15): on a nearly full file system
// every command, check included, says the disk is full, with the path and
// the free space, never that the file is damaged; the file is byte for byte
// as it was and nothing is left beside it.
func TestFullDiskEveryCommandSaysSo(t *testing.T) {
	good := demoDB(t)
	backup := mustRun(t, "--db", good, "backup").stdout
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a small tmpfs")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", dir).Run() })
	db := filepath.Join(dir, "daicho.db")
	body, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(db, body, 0o600); err != nil {
		t.Fatal(err)
	}
	var fs syscall.Statfs_t
	if err := syscall.Statfs(dir, &fs); err != nil {
		t.Fatal(err)
	}
	filler := int64(fs.Bavail)*fs.Bsize - 8<<10
	if err := os.WriteFile(filepath.Join(dir, "filler"), make([]byte, filler), 0o600); err != nil {
		t.Fatal(err)
	}
	tuiCalls := stubTUI(t, nil)
	for _, args := range [][]string{{"check"}, {}, {"list", "customers"}, {"backup"}, {"overdue"},
		{"bill", "--month", "2026-12", "--issue"}, {"export", "pdf", "--kind", "invoice", "--month", "2026-11"},
		{"restore", "--yes", strings.TrimSpace(backup)}} {
		r := runWith("", append([]string{"--db", db}, args...)...)
		if r.code != exitFail || !strings.Contains(r.stderr, "the disk holding "+db+" is full (") ||
			!strings.Contains(r.stderr, "KB free)") || strings.Contains(r.stderr, "is damaged") ||
			strings.Contains(r.stderr, "daicho restore FILE") {
			t.Errorf("daicho %v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	if *tuiCalls != 0 {
		t.Errorf("the TUI started %d times on a full disk", *tuiCalls)
	}
	after, err := os.ReadFile(db)
	if err != nil || string(after) != string(body) {
		t.Errorf("the file changed on a full disk (%v)", err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := fmt.Sprint(names); got != "[daicho.db filler]" {
		t.Errorf("the folder holds %s, want only the ledger and the filler", got)
	}
}
