package cli

import (
	"bytes"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// Fault tests (issue 8): files stay private whatever the umask, and a damaged
// database is reported and left exactly as it was.

// permDirEnv names the folder TestPermissionsHelperProcess works in.
const permDirEnv = "DAICHO_PERM_DIR"

// TestPermissionsHelperProcess is the child of TestPermissionsUnderUmask000;
// run on its own it does nothing. With umask 000 (process-wide, hence a
// process of its own) it makes every kind of file daicho writes — the
// database and its -wal and -shm, a backup, a PDF export, a restore's aside
// file — and prints "MODE PATH" for each file and folder, the -wal and -shm
// while the database is open.
func TestPermissionsHelperProcess(t *testing.T) {
	dir := os.Getenv(permDirEnv)
	if dir == "" {
		t.Skip("only runs as the child of TestPermissionsUnderUmask000")
	}
	syscall.Umask(0)
	fail := func(what string, r result) {
		fmt.Fprintf(os.Stderr, "%s: exit %d\n%s%s", what, r.code, r.stdout, r.stderr)
		os.Exit(3)
	}
	db := filepath.Join(dir, "data", "daicho.db")
	do := func(args ...string) string {
		r := runWith("", append([]string{"--db", db}, args...)...)
		if r.code != exitOK {
			fail(strings.Join(args, " "), r)
		}
		return strings.TrimSpace(r.stdout)
	}
	do("demo")
	// The -wal and -shm exist while the TUI (here a stand-in) has the ledger
	// open and writes; its start also makes the day's backup.
	runTUI = func(st *store.Store, p i18n.Printer) error {
		c := storetest.Customer("PERM1", "権限テスト株式会社") // one the demo ledger lacks
		if err := st.CreateCustomer(t.Context(), &c); err != nil {
			return err
		}
		for _, suffix := range []string{"-wal", "-shm"} {
			info, err := os.Stat(db + suffix)
			if err != nil {
				return err
			}
			fmt.Printf("%04o %s\n", info.Mode().Perm(), db+suffix)
		}
		return nil
	}
	do()
	backup := do("backup")
	do("backup", "--to", filepath.Join(dir, "usb", "daicho"))
	do("export", "pdf", "--kind", "invoice", "--month", "2026-11", "--dir", filepath.Join(dir, "exports", "2026"))
	do("restore", "--yes", backup)
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			fail(path+": "+err.Error(), result{})
		}
		info, _ := d.Info()
		kind := "file"
		if d.IsDir() {
			kind = "dir"
		}
		fmt.Printf("%04o %s %s\n", info.Mode().Perm(), kind, path)
		return nil
	})
}

func TestPermissionsUnderUmask000(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run", "^TestPermissionsHelperProcess$", "-test.v")
	cmd.Env = append(os.Environ(), permDirEnv+"="+dir, "LANG=C", "LC_ALL=", "DAICHO_DB=")
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("child: %v\n%s\n%s", err, out.String(), errOut.String())
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || len(f[0]) != 4 || !strings.HasPrefix(f[len(f)-1], dir) {
			continue
		}
		mode, path := f[0], f[len(f)-1]
		want := "0600"
		if len(f) == 3 && f[1] == "dir" {
			want = "0700"
		}
		if path == dir {
			continue // t.TempDir's own folder
		}
		if mode != want {
			t.Errorf("%s: mode %s, want %s", path, mode, want)
		}
		rel, _ := filepath.Rel(dir, path)
		seen[categorize(rel)] = true
	}
	for _, kind := range []string{"db", "wal", "shm", "data dir", "backup", "backup dir", "usb backup",
		"pdf", "exports dir", "aside"} {
		if !seen[kind] {
			t.Errorf("no %s was checked; the child printed:\n%s", kind, out.String())
		}
	}
}

// categorize names what kind of file a path (relative to the test folder) is.
func categorize(rel string) string {
	switch {
	case rel == "data/daicho.db":
		return "db"
	case rel == "data/daicho.db-wal":
		return "wal"
	case rel == "data/daicho.db-shm":
		return "shm"
	case rel == "data":
		return "data dir"
	case rel == "data/backups":
		return "backup dir"
	case strings.HasPrefix(rel, "data/backups/daicho-"):
		return "backup"
	case strings.HasPrefix(rel, "usb/daicho/daicho-"):
		return "usb backup"
	case rel == "exports/2026":
		return "exports dir"
	case strings.HasPrefix(rel, "exports/2026/") && strings.HasSuffix(rel, ".pdf"):
		return "pdf"
	case strings.HasPrefix(rel, "data/daicho.db.before-restore-"):
		return "aside"
	}
	return rel
}

// damage makes the two damaged copies of a good ledger the corruption test
// uses: bytes flipped in the middle of every page but the first (whose
// header SQLite reads first), and the file cut to half its length.
func damage(t *testing.T, good string) map[string]string {
	t.Helper()
	body, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	flipped := bytes.Clone(body)
	for p := 4096; p+4096 <= len(flipped); p += 4096 {
		for i := 1900; i < 2200; i++ {
			flipped[p+i] ^= 0xff
		}
	}
	files := map[string][]byte{"flipped.db": flipped, "half.db": body[:len(body)/2]}
	paths := map[string]string{}
	for name, b := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

// TestCorruptedDatabase: a damaged file is reported with its path and what to
// do by daicho check, by every command and the TUI's start, and by
// store.Open; the file keeps its bytes and its modification time, and no
// other file (an empty database in its place, a -wal, a backup) appears.
func TestCorruptedDatabase(t *testing.T) {
	good := demoDB(t)
	tuiCalls := stubTUI(t, nil)
	for name, db := range damage(t, good) {
		t.Run(name, func(t *testing.T) {
			old := time.Now().Add(-time.Hour).Truncate(time.Second)
			if err := os.Chtimes(db, old, old); err != nil {
				t.Fatal(err)
			}
			before, _ := os.ReadFile(db)
			for _, args := range [][]string{{"check"}, {}, {"list", "customers"}, {"backup"},
				{"export", "pdf", "--kind", "invoice", "--month", "2026-11"}, {"demo", "--force"}} {
				r := runWith("", append([]string{"--db", db}, args...)...)
				if r.code != exitFail || !strings.Contains(r.stderr, "the database file "+db+" is damaged") ||
					!strings.Contains(r.stderr, "daicho restore FILE") {
					t.Errorf("daicho %v: exit %d, stderr %q", args, r.code, r.stderr)
				}
			}
			_, err := store.Open(db)
			if e, ok := store.AsError(err); !ok || e.Code != store.CodeDamaged || e.Args[0] != db {
				t.Errorf("store.Open: %v", err)
			}
			if *tuiCalls != 0 {
				t.Error("the TUI ran on a damaged file")
			}
			after, _ := os.ReadFile(db)
			info, _ := os.Stat(db)
			if !bytes.Equal(before, after) || !info.ModTime().Equal(old) {
				t.Errorf("the file changed (same bytes %v, mtime %v, want %v)", bytes.Equal(before, after), info.ModTime(), old)
			}
			entries, _ := os.ReadDir(filepath.Dir(db))
			for _, e := range entries {
				if _, ok := map[string]bool{"flipped.db": true, "half.db": true}[e.Name()]; !ok {
					t.Errorf("%s appeared beside the damaged file", e.Name())
				}
			}
		})
	}
}

// TestExportOfADamagedLedgerWritesNothing: export pdf NUMBER renders while
// the ledger's check runs (store.OpenCheckingAlongside), so it can read a
// document from a file whose damage lies elsewhere; the check's verdict
// still comes before anything is written or printed: no PDF, no path, no
// archive row, the file as it was, and nothing left beside it.
func TestExportOfADamagedLedgerWritesNothing(t *testing.T) {
	db := demoDB(t)
	var number string
	var root int64
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	err = raw.QueryRow(`SELECT number FROM documents WHERE kind = 'invoice' AND status = 'issued' ORDER BY id LIMIT 1`).Scan(&number)
	if err == nil {
		// A table an export never reads: its damage is the check's to find.
		err = raw.QueryRow(`SELECT rootpage FROM sqlite_schema WHERE name = 'inquiries'`).Scan(&root)
	}
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	body, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int64(body[16])<<8 | int64(body[17])
	body[(root-1)*pageSize] = 0xff // no b-tree page type
	if err := os.WriteFile(db, body, 0o600); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "x.pdf")
	r := runWith("", "--db", db, "export", "pdf", number, "-o", out)
	if r.code != exitFail || !strings.Contains(r.stderr, "the database file "+db+" is damaged") || r.stdout != "" {
		t.Errorf("export: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if entries, _ := os.ReadDir(filepath.Dir(out)); len(entries) != 0 {
		t.Errorf("%d files in the export folder, want none", len(entries))
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, body) {
		t.Error("the ledger changed")
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(db + suffix); err == nil {
			t.Errorf("%s left beside the damaged file", suffix)
		}
	}
}
