package cli

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/demo"
	"daicho/tui/i18n"
)

// stubTUI replaces the TUI for the test: it records each call through
// check, and returns err.
func stubTUI(t *testing.T, check func(st *store.Store, p i18n.Printer) error) *int {
	t.Helper()
	calls := 0
	saved := runTUI
	runTUI = func(st *store.Store, p i18n.Printer) error {
		calls++
		if check != nil {
			return check(st, p)
		}
		return nil
	}
	t.Cleanup(func() { runTUI = saved })
	return &calls
}

func TestTUIOnTheDatabase(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	var lang i18n.Lang
	calls := stubTUI(t, func(st *store.Store, p i18n.Printer) error {
		if st.Path() != db {
			t.Errorf("TUI got %s, want %s", st.Path(), db)
		}
		lang = p.Lang
		return nil
	})
	mustRun(t, "--db", db, "--lang", "ja")
	if *calls != 1 || lang != i18n.JA {
		t.Errorf("calls %d, lang %s", *calls, lang)
	}
	stubTUI(t, func(*store.Store, i18n.Printer) error { return errors.New("terminal gone") })
	if r := runWith("", "--db", db); r.code != exitFail || !strings.Contains(r.stderr, "terminal gone") {
		t.Errorf("TUI failure: exit %d, stderr %q", r.code, r.stderr)
	}
}

// --demo runs the TUI on a filled database in a temporary folder, removes the
// folder afterwards (also when the TUI fails), and never opens the real one.
func TestDemoTUI(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "real.db")
	for _, tuiErr := range []error{nil, errors.New("boom")} {
		var demoDir string
		stubTUI(t, func(st *store.Store, p i18n.Printer) error {
			demoDir = filepath.Dir(st.Path())
			cs, err := st.Customers(context.Background())
			if err != nil || len(cs) != 40 {
				t.Errorf("demo database: %d customers, %v", len(cs), err)
			}
			if _, err := st.Company(context.Background()); err != nil {
				t.Errorf("demo company: %v", err)
			}
			return tuiErr
		})
		r := runWith("", "--db", db, "--demo")
		if want := map[bool]int{true: exitOK, false: exitFail}[tuiErr == nil]; r.code != want {
			t.Errorf("exit %d, want %d (%s)", r.code, want, r.stderr)
		}
		if demoDir == "" || strings.HasPrefix(demoDir, dir) {
			t.Fatalf("demo database in %q", demoDir)
		}
		if _, err := os.Stat(demoDir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("demo folder %s left behind", demoDir)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("--demo created the real database")
	}
}

// --demo puts the bank files beside the demo database, where the
// reconciliation screen's import dialog opens.
func TestDemoTUIBankFiles(t *testing.T) {
	cleanEnv(t)
	stubTUI(t, func(st *store.Store, p i18n.Printer) error {
		for _, name := range demo.BankFileNames {
			if _, err := os.Stat(filepath.Join(filepath.Dir(st.Path()), name)); err != nil {
				t.Errorf("demo folder: %v", err)
			}
		}
		return nil
	})
	mustRun(t, "--demo")
}

// The TUI checks the ledger's integrity after its first rows (tui/start.go,
// store.OpenCheckingLater), not before: on a file damaged in a data page it
// starts, but the check still runs and finds it, no write reaches the file,
// and once the TUI has ended the day's backup says it too, on stderr.
func TestTUIStillChecksTheLedger(t *testing.T) {
	db := demoDB(t)
	var page int
	func() {
		raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		if err := raw.QueryRow(`SELECT max(pageno) FROM dbstat WHERE name = 'customers' AND pagetype = 'leaf'`).Scan(&page); err != nil {
			t.Fatal(err)
		}
	}()
	body, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	copy(body[(page-1)*pageSize:page*pageSize], bytes.Repeat([]byte{0x42, 0x99, 0x17, 0xEE}, pageSize/4))
	if err := os.WriteFile(db, body, 0o600); err != nil {
		t.Fatal(err)
	}
	calls := stubTUI(t, func(st *store.Store, p i18n.Printer) error {
		if err := st.Checked(); err == nil || !strings.Contains(p.Error(err), "is damaged") {
			t.Errorf("the check after the first rows = %v, want the file damaged", err)
		}
		c := store.NewCustomer()
		c.Code, c.Name = "C9999", "書けないはず"
		if err := st.CreateCustomer(t.Context(), &c); err == nil {
			t.Error("a customer was written to a damaged ledger")
		}
		return nil
	})
	r := runWith("", "--db", db)
	if *calls != 1 {
		t.Fatalf("the TUI ran %d times", *calls)
	}
	if !strings.Contains(r.stderr, "is damaged") {
		t.Errorf("after the TUI, stderr %q does not say the ledger is damaged", r.stderr)
	}
	if after, _ := os.ReadFile(db); !bytes.Equal(after, body) {
		t.Error("the damaged ledger was written to")
	}
}
