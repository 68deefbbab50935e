package store_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// fixedNow is the clock of every test store, so timestamps can be compared.
var fixedNow = time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)

// newTestStore opens a fresh database in a temporary folder, with a fixed
// clock and actor, closed when the test ends.
func newTestStore(t *testing.T) *store.Store {
	t.Helper()
	return openTestStore(t, filepath.Join(t.TempDir(), "daicho.db"))
}

// newStaffedStore is newTestStore with testStaff on the staff list, for
// tests whose customers name a person in charge (fullCustomer's 佐藤).
func newStaffedStore(t *testing.T) *store.Store {
	t.Helper()
	st := newTestStore(t)
	storetest.Staff(t, st, testStaff...)
	return st
}

// openTestStore opens (or creates) the database at path like newTestStore.
func openTestStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { st.Close() })
	st.Actor = "tester"
	st.Now = func() time.Time { return fixedNow }
	return st
}

// storeError fails the test unless err is a *store.Error with the given code.
func storeError(t *testing.T, err error, code store.Code) *store.Error {
	t.Helper()
	if err == nil {
		t.Fatalf("got no error, want a store error with code %s", code)
	}
	fes := store.FieldErrors(err) // a single *store.Error, or the list Validate returns
	if len(fes) == 0 {
		t.Fatalf("got %T %v, want a store error with code %s", err, err, code)
	}
	for _, e := range fes {
		if e.Code != code {
			t.Fatalf("got code %s (%v), want %s", e.Code, err, code)
		}
	}
	return fes[0]
}

// readFile returns the file's bytes, failing the test if it cannot be read.
func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// dirNames lists the names in dir, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// rawDB opens the file with database/sql directly, without the store, for
// doing what the store's API refuses to do (a corrupting or forbidden write).
func rawDB(t *testing.T, path, params string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?"+params)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func queryInt(t *testing.T, db interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestOpenSetsPragmasOnEveryConnection(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	// Hold three connections at once, so the pool has to open new ones: a
	// pragma set only on the first connection would show up here.
	var conns []*sql.Conn
	for range 3 {
		c, err := st.DB().Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		conns = append(conns, c)
	}
	for i, c := range conns {
		var mode string
		if err := c.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
			t.Fatal(err)
		}
		if mode != "wal" {
			t.Errorf("connection %d: journal_mode = %q, want wal", i, mode)
		}
		for _, p := range []struct {
			pragma string
			want   int
		}{
			{"synchronous", 2}, // FULL
			{"foreign_keys", 1},
			{"busy_timeout", 5000},
		} {
			if got := queryInt(t, c, "PRAGMA "+p.pragma); got != p.want {
				t.Errorf("connection %d: %s = %d, want %d", i, p.pragma, got, p.want)
			}
		}
	}
}

// A write transaction must take the write lock at BEGIN (_txlock=immediate):
// while one is open, even before it ran a statement, no other writer gets in.
func TestOpenBeginsWriteTransactionsImmediately(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	st := openTestStore(t, path)
	tx, err := st.DB().BeginTx(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()

	other := rawDB(t, path, "_pragma=busy_timeout(0)")
	_, err = other.Exec("BEGIN IMMEDIATE")
	if err == nil {
		other.Exec("ROLLBACK")
		t.Fatal("a second writer got the write lock while a store transaction was open: BEGIN is not immediate")
	}
	if !strings.Contains(err.Error(), "locked") && !strings.Contains(err.Error(), "busy") {
		t.Fatalf("second writer: %v, want database is locked", err)
	}
}

func TestSQLiteVersionHasWALResetFix(t *testing.T) {
	st := newTestStore(t)
	var v string
	if err := st.DB().QueryRow("SELECT sqlite_version()").Scan(&v); err != nil {
		t.Fatal(err)
	}
	var got []int
	for _, part := range strings.Split(v, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			t.Fatalf("sqlite_version() = %q: %v", v, err)
		}
		got = append(got, n)
	}
	if slices.Compare(got, []int{3, 51, 3}) < 0 {
		t.Fatalf("sqlite_version() = %s, want at least 3.51.3", v)
	}
}

func TestOpenCreatesPrivateFolderAndFile(t *testing.T) {
	base := t.TempDir()
	path := filepath.Join(base, "data", "daicho", "daicho.db")
	st := openTestStore(t, path)
	// A committed write leaves the WAL file beside the database while it is open.
	c := validCustomer("C0001")
	if err := st.CreateCustomer(t.Context(), &c); err != nil {
		t.Fatal(err)
	}

	for _, want := range []struct {
		path string
		perm os.FileMode
	}{
		{filepath.Join(base, "data"), 0o700},
		{filepath.Join(base, "data", "daicho"), 0o700},
		{path, 0o600},
		{path + "-wal", 0o600},
	} {
		info, err := os.Stat(want.path)
		if err != nil {
			t.Fatal(err)
		}
		if got := info.Mode().Perm(); got != want.perm {
			t.Errorf("%s: mode %o, want %o", want.path, got, want.perm)
		}
	}
}

// SQLite reads "file:" names as URIs: an unescaped '#', '?' or '%' in a folder
// name would open some other file.
func TestOpenPathWithURICharacters(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "帳簿 #2 ?x=1 100%41")
	path := filepath.Join(dir, "daicho.db")
	st := openTestStore(t, path)
	c := validCustomer("C0001")
	if err := st.CreateCustomer(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	st.Close()

	if got := dirNames(t, base); !slices.Equal(got, []string{filepath.Base(dir)}) {
		t.Fatalf("files in %s: %q, want only %q", base, got, filepath.Base(dir))
	}
	if got := dirNames(t, dir); !slices.Contains(got, "daicho.db") {
		t.Fatalf("files in %s: %q, want daicho.db", dir, got)
	}
	st = openTestStore(t, path)
	if _, err := st.CustomerByCode(t.Context(), "C0001"); err != nil {
		t.Fatalf("after reopening: %v", err)
	}
}

// An empty file (made with touch, say) is a new database, not a damaged one.
func TestOpenEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	writeFile(t, path, nil)
	st := openTestStore(t, path)
	if n := len(migrationRows(t, st)); n != store.SchemaVersion() {
		t.Errorf("%d migrations applied, want %d", n, store.SchemaVersion())
	}
}

type migrationRow struct {
	version         int
	name, appliedAt string
}

func migrationRows(t *testing.T, st *store.Store) []migrationRow {
	t.Helper()
	rows, err := st.DB().Query("SELECT version, name, applied_at FROM schema_migrations ORDER BY version")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []migrationRow
	for rows.Next() {
		var r migrationRow
		if err := rows.Scan(&r.version, &r.name, &r.appliedAt); err != nil {
			t.Fatal(err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestMigrationsRecordedAndAppliedOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	st := openTestStore(t, path)
	first := migrationRows(t, st)
	if store.SchemaVersion() < 1 || len(first) != store.SchemaVersion() {
		t.Fatalf("schema_migrations has %d rows, SchemaVersion() = %d", len(first), store.SchemaVersion())
	}
	for i, r := range first {
		if r.version != i+1 || !strings.HasPrefix(r.name, fmt.Sprintf("%04d_", i+1)) || !strings.HasSuffix(r.name, ".sql") {
			t.Errorf("migration row %d = %+v", i, r)
		}
		if _, err := time.Parse(time.RFC3339Nano, r.appliedAt); err != nil {
			t.Errorf("applied_at %q: %v", r.appliedAt, err)
		}
	}
	if first[0].name != "0001_foundation.sql" {
		t.Errorf("first migration %q, want 0001_foundation.sql", first[0].name)
	}
	for _, table := range []string{"company", "bank_accounts", "customers", "audit_log"} {
		if n := queryInt(t, st.DB(), "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?", table); n != 1 {
			t.Errorf("table %s missing", table)
		}
	}
	c := validCustomer("C0001")
	if err := st.CreateCustomer(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	st.Close()

	// Reopening (with another clock) applies nothing again and keeps the data.
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer st.Close()
	if again := migrationRows(t, st); !slices.Equal(again, first) {
		t.Errorf("after reopening, schema_migrations = %+v, want %+v", again, first)
	}
	got, err := st.CustomerByCode(t.Context(), "C0001")
	if err != nil {
		t.Fatalf("after reopening: %v", err)
	}
	if got.Name != c.Name {
		t.Errorf("after reopening, name = %q, want %q", got.Name, c.Name)
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "daicho.db")
	st := openTestStore(t, path)
	newer := store.SchemaVersion() + 1
	if _, err := st.DB().Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future.sql', 'x')`, newer); err != nil {
		t.Fatal(err)
	}
	st.Close()
	before := readFile(t, path)
	files := dirNames(t, dir)

	// OpenCheckingLater (the TUI's) leaves only the integrity check for
	// later: a newer file is refused by both, before anything is written.
	for _, open := range []func(string) (*store.Store, error){store.Open, store.OpenCheckingLater} {
		for attempt := range 2 { // refusing must not change what the next attempt sees
			_, err := open(path)
			e := storeError(t, err, store.CodeTooNew)
			if len(e.Args) != 3 || e.Args[0] != path || e.Args[1] != newer || e.Args[2] != store.SchemaVersion() {
				t.Errorf("attempt %d: Args = %v, want [%s %d %d]", attempt, e.Args, path, newer, store.SchemaVersion())
			}
			assertUntouched(t, path, before, files)
		}
	}
}

// A damaged file is refused with a message naming it; nothing is written to
// it and no new, empty database takes its place.
func TestOpenReportsDamagedFile(t *testing.T) {
	cases := []struct {
		name   string
		damage func(t *testing.T, path string)
	}{
		{"page overwritten in the middle", func(t *testing.T, path string) {
			b := readFile(t, path)
			const pageSize = 4096
			pages := len(b) / pageSize
			if pages < 8 {
				t.Fatalf("test database has only %d pages", pages)
			}
			p := pages / 2
			junk := bytes.Repeat([]byte{0x42, 0x99, 0x17, 0xEE}, pageSize/4)
			copy(b[p*pageSize:(p+1)*pageSize], junk)
			writeFile(t, path, b)
		}},
		{"header overwritten", func(t *testing.T, path string) {
			b := readFile(t, path)
			copy(b[:16], "not a database!!")
			writeFile(t, path, b)
		}},
		{"truncated to half", func(t *testing.T, path string) {
			b := readFile(t, path)
			writeFile(t, path, b[:len(b)/2/4096*4096])
		}},
		{"junk instead of a database", func(t *testing.T, path string) {
			junk := make([]byte, 10000)
			for i := range junk {
				junk[i] = byte(i*7919 + i/13)
			}
			writeFile(t, path, junk)
		}},
		{"a text file", func(t *testing.T, path string) {
			writeFile(t, path, []byte("code,name\nC0001,株式会社テスト\n"))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "daicho.db")
			st := openTestStore(t, path)
			fillCustomers(t, st, 300)
			st.Close()
			tc.damage(t, path)
			before := readFile(t, path)
			files := dirNames(t, dir)

			_, err := store.Open(path)
			e := storeError(t, err, store.CodeDamaged)
			if len(e.Args) < 1 || e.Args[0] != path {
				t.Errorf("Args = %v, want the path %s first", e.Args, path)
			}
			if !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name the file", err)
			}
			assertUntouched(t, path, before, files)
		})
	}
}

// assertUntouched checks that a refused database file still has the bytes it
// had and that nothing was written beside it: the folder holds the files it
// held, plus at most the empty WAL and the shared-memory index that SQLite's
// read-only check may create (neither holds data).
func assertUntouched(t *testing.T, path string, before []byte, files []string) {
	t.Helper()
	if !bytes.Equal(readFile(t, path), before) {
		t.Error("the refused database file was modified")
	}
	base := filepath.Base(path)
	for _, name := range dirNames(t, filepath.Dir(path)) {
		switch {
		case slices.Contains(files, name), name == base+"-shm":
		case name == base+"-wal":
			if info, err := os.Stat(path + "-wal"); err != nil || info.Size() != 0 {
				t.Errorf("refusing the file left a WAL file with data in it (%v)", err)
			}
		default:
			t.Errorf("refusing the file created %s", name)
		}
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

// fillCustomers adds n valid customers C0001… in one batch.
// customerPage is a page of the customers table's data in the closed file at
// path (SQLite's dbstat): a page damaged there is found by the integrity check
// but read by nothing Open reads, whatever the schema around it.
func customerPage(t *testing.T, path string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var page int
	if err := db.QueryRow(`SELECT max(pageno) FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf'`).Scan(&page); err != nil {
		t.Fatal(err)
	}
	return page
}

func fillCustomers(t *testing.T, st *store.Store, n int) {
	t.Helper()
	cs := make([]store.Customer, n)
	for i := range cs {
		cs[i] = validCustomer(fmt.Sprintf("C%04d", i+1))
		cs[i].Notes = strings.Repeat("メモ", 50)
	}
	if err := st.CreateCustomers(t.Context(), cs, nil); err != nil {
		t.Fatal(err)
	}
}

// Two stores on one file: the second writer waits while the first holds the
// write lock, then succeeds, and neither write is lost.
func TestSecondWriterWaitsForFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	first := openTestStore(t, path)
	second := openTestStore(t, path)
	ctx := t.Context()

	tx, err := first.DB().BeginTx(ctx, nil) // immediate: holds the write lock
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C0001', 'First', 'x', 'x')`); err != nil {
		t.Fatal(err)
	}

	done := make(chan error, 1)
	go func() {
		c := validCustomer("C0002")
		done <- second.CreateCustomer(ctx, &c)
	}()
	select {
	case err := <-done:
		tx.Rollback()
		t.Fatalf("second writer finished while the first held the lock: %v", err)
	case <-time.After(300 * time.Millisecond):
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("second writer after the first committed: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("second writer still waiting 5 s after the first committed")
	}
	for _, code := range []string{"C0001", "C0002"} {
		for i, st := range []*store.Store{first, second} {
			if _, err := st.CustomerByCode(ctx, code); err != nil {
				t.Errorf("store %d: %s: %v", i+1, code, err)
			}
		}
	}
}

func TestErrorsHelpers(t *testing.T) {
	one := store.Invalid("name", "required")
	if fes := store.FieldErrors(one); len(fes) != 1 || fes[0] != one {
		t.Errorf("FieldErrors(single) = %v", fes)
	}
	wrapped := errors.Join(errors.New("context"), store.Errors{one, store.Invalid("kana", "kana.format")})
	if fes := store.FieldErrors(wrapped); len(fes) != 2 || fes[1].Field != "kana" {
		t.Errorf("FieldErrors(list) = %v", fes)
	}
	if fes := store.FieldErrors(errors.New("plain")); fes != nil {
		t.Errorf("FieldErrors(plain) = %v, want nil", fes)
	}
	if err := (store.Errors{}).OrNil(); err != nil {
		t.Errorf("empty Errors.OrNil() = %v", err)
	}
}

// Another program's database is refused and left as it was, in either
// journal mode: one in rollback mode is checked read-only (daicho's pragmas
// would turn it to WAL), one in WAL mode on the pool's first connection by
// OpenCheckingLater (opening it writes nothing).
func TestOpenRefusesAnotherProgramsDatabase(t *testing.T) {
	for _, mode := range []string{"delete", "wal"} {
		dir := t.TempDir()
		path := filepath.Join(dir, "other.db")
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(`PRAGMA journal_mode = ` + mode + `; CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('keep me')`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		before, _ := os.ReadFile(path)
		files := dirNames(t, dir)
		for _, open := range []func(string) (*store.Store, error){store.Open, store.OpenCheckingLater} {
			_, err = open(path)
			if e, ok := store.AsError(err); !ok || e.Code != store.CodeNotDaicho {
				t.Fatalf("%s mode: Open = %v, want CodeNotDaicho", mode, err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Fatalf("%s mode: the other program's database was changed", mode)
			}
			if got := dirNames(t, dir); !slices.Equal(got, files) {
				t.Errorf("%s mode: refusing left %v beside it (before: %v)", mode, got, files)
			}
		}
	}
}

// OpenCheckingLater (the TUI's open) checks a small file as Open checks a
// large one: after it returns, once Checked is first asked (the TUI asks
// after its first rows). The check still happens: Checked says the file is
// damaged, no write reaches it, and Open still refuses it outright.
func TestOpenCheckingLaterStillChecks(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "daicho.db")
	st := openTestStore(t, path)
	fillCustomers(t, st, 300)
	st.Close()
	b := readFile(t, path)
	const pageSize = 4096
	p := customerPage(t, path) - 1 // pages count from 1
	copy(b[p*pageSize:(p+1)*pageSize], bytes.Repeat([]byte{0x42, 0x99, 0x17, 0xEE}, pageSize/4))
	writeFile(t, path, b)
	files := dirNames(t, dir)

	_, err := store.Open(path)
	storeError(t, err, store.CodeDamaged)
	st, err = store.OpenCheckingLater(path)
	if err != nil {
		t.Fatalf("OpenCheckingLater = %v; the check comes after the first rows", err)
	}
	c := store.NewCustomer()
	c.Code, c.Name = "C9999", "書けないはず"
	storeError(t, st.CreateCustomer(context.Background(), &c), store.CodeDamaged)
	storeError(t, st.Checked(), store.CodeDamaged)
	st.Close()
	assertUntouched(t, path, b, files)
}

// A large file is checked in the background: Open returns at once, but no
// write reaches a damaged file, and Checked says what is wrong.
func TestLargeDamagedFileIsNeverWrittenTo(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "daicho.db")
	st := openTestStore(t, path)
	fillCustomers(t, st, 300)
	st.Close()
	b := readFile(t, path)
	const pageSize = 4096
	p := customerPage(t, path) - 1 // pages count from 1
	copy(b[p*pageSize:(p+1)*pageSize], bytes.Repeat([]byte{0x42, 0x99, 0x17, 0xEE}, pageSize/4))
	writeFile(t, path, b)
	files := dirNames(t, dir)

	defer store.SetSyncCheckLimit(0)()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open = %v; a large file opens before its check ends", err)
	}
	storeError(t, st.Checked(), store.CodeDamaged)
	c := store.NewCustomer()
	c.Code, c.Name = "C9999", "書けないはず"
	storeError(t, st.CreateCustomer(context.Background(), &c), store.CodeDamaged)
	st.Close()
	assertUntouched(t, path, b, files)
}
