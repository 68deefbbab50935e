package store_test

import (
	"context"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"daicho/store"
)

// Faults of the place (issue 15): a full disk, a read-only folder and the
// file-size limit are told as what they are — never as a damaged file with
// a restore advised — and the file is left byte for byte as it was, with
// nothing beside it.

// fileState is a file's content hash and the side files beside it.
func fileState(t *testing.T, path string) string {
	t.Helper()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	state := fmt.Sprintf("%x", sha256.Sum256(body))
	for _, suffix := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(path + suffix); err == nil {
			state += " " + suffix
		}
	}
	return state
}

// placeError fails the test unless err is a store error of code and reason
// naming path.
func placeError(t *testing.T, what string, err error, code store.Code, reason, path string) {
	t.Helper()
	e, ok := store.AsError(err)
	if !ok || e.Code != code || e.Reason != reason {
		t.Fatalf("%s: %v (%T), want %s %s", what, err, err, code, reason)
	}
	if !strings.Contains(fmt.Sprint(e.Args...), path) {
		t.Errorf("%s: %v does not name %s", what, e.Args, path)
	}
}

func TestFullDiskIsToldAsAFullDisk(t *testing.T) {
	dir := mountSmallDisk(t, 4<<20)
	path := filepath.Join(dir, "daicho.db")
	body, err := os.ReadFile(goodLedger(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	backup := copyFile(t, goodLedger(t))
	fillDisk(t, filepath.Join(dir, "filler"), 8<<10)
	before := fileState(t, path)

	_, err = store.Open(path)
	placeError(t, "Open", err, store.CodeFull, "db.disk_full", path)
	if e, _ := store.AsError(err); !strings.Contains(fmt.Sprint(e.Args[1]), "KB") {
		t.Errorf("Open: free space %v, want a few KB", e.Args[1])
	}
	_, err = store.CheckFile(t.Context(), path)
	placeError(t, "CheckFile", err, store.CodeFull, "db.disk_full", path)
	_, err = store.VerifyDatabase(t.Context(), path)
	placeError(t, "VerifyDatabase", err, store.CodeFull, "db.disk_full", path)
	_, err = store.Restore(t.Context(), path, backup, time.Now(), nil)
	placeError(t, "Restore", err, store.CodeFull, "db.disk_full", path)
	if after := fileState(t, path); after != before {
		t.Errorf("the file changed on a full disk: %s, was %s", after, before)
	}

	// A new ledger on the full disk is not left behind half made.
	fresh := filepath.Join(dir, "new.db")
	_, err = store.Open(fresh)
	placeError(t, "Open a new file", err, store.CodeFull, "db.disk_full", fresh)
	if entries, _ := filepath.Glob(fresh + "*"); len(entries) > 0 {
		t.Errorf("a failed new ledger left %v", entries)
	}
}

func TestReadOnlyFolderIsToldAsReadOnly(t *testing.T) {
	dir := mountSmallDisk(t, 4<<20)
	path := filepath.Join(dir, "daicho.db")
	body, err := os.ReadFile(goodLedger(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot remount read-only: %v %s", err, out)
	}
	before := fileState(t, path)
	_, err = store.Open(path)
	placeError(t, "Open", err, store.CodeReadOnly, "db.read_only", dir)
	_, err = store.CheckFile(t.Context(), path)
	if e, ok := store.AsError(err); err != nil && (!ok || e.Code == store.CodeDamaged) {
		t.Errorf("CheckFile in a read-only folder: %v, want it checked or told read-only", err)
	}
	inner := filepath.Join(dir, "sub", "daicho.db")
	_, err = store.Open(inner)
	placeError(t, "Open in a folder that cannot be made", err, store.CodeReadOnly, "db.read_only", dir)
	if after := fileState(t, path); after != before {
		t.Errorf("the file changed in a read-only folder: %s, was %s", after, before)
	}
}

func TestMissingFolderIsToldAsMissing(t *testing.T) {
	parent := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(parent, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(parent, "daicho.db")
	_, err := store.Open(path)
	placeError(t, "Open under a file", err, store.CodeNoFolder, "db.no_folder", path)
}

// fsizeEnv names the ledger TestFileSizeLimitHelperProcess opens.
const fsizeEnv = "DAICHO_FSIZE_DB"

// TestFileSizeLimitHelperProcess is the child of TestFileSizeLimitIsTold:
// under a file-size limit of 16 KB (ulimit -f; process-wide, hence a process
// of its own) it opens the ledger, checks it and backs it up, and prints the
// reason of each error.
func TestFileSizeLimitHelperProcess(t *testing.T) {
	path := os.Getenv(fsizeEnv)
	if path == "" {
		t.Skip("only runs as the child of TestFileSizeLimitIsTold")
	}
	limit := syscall.Rlimit{Cur: 16 << 10, Max: 16 << 10}
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		fmt.Println("setrlimit:", err)
		os.Exit(3)
	}
	reason := func(err error) string {
		if e, ok := store.AsError(err); ok {
			return string(e.Code) + " " + e.Reason
		}
		return fmt.Sprintf("%v", err)
	}
	_, err := store.Open(path)
	fmt.Println("open:", reason(err))
	_, err = store.CheckFile(context.Background(), path)
	fmt.Println("check:", reason(err))
	_, err = store.Open(filepath.Join(filepath.Dir(path), "new.db"))
	fmt.Println("new:", reason(err))
	os.Exit(0)
}

func TestFileSizeLimitIsTold(t *testing.T) {
	path := copyFile(t, goodLedger(t))
	before := fileState(t, path)
	cmd := exec.Command(os.Args[0], "-test.run=^TestFileSizeLimitHelperProcess$")
	cmd.Env = append(os.Environ(), fsizeEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	for _, want := range []string{"open: full db.file_limit", "check: full db.file_limit", "new: full db.file_limit"} {
		if !strings.Contains(string(out), want+"\n") {
			t.Errorf("want %q in the child's output:\n%s", want, out)
		}
	}
	if after := fileState(t, path); after != before {
		t.Errorf("the file changed under the file-size limit: %s, was %s", after, before)
	}
}
