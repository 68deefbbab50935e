// Package storetest is the kit every package's tests build a ledger with: a
// real database in the test's temporary folder, a valid company, customers,
// products, and dates, quantities and lines written as the literals a test
// reads best ("2026-11-20", "1.5").
//
// It is an ordinary package so that tests of any package can import it,
// store's external tests (package store_test) included; only tests do. It
// imports store and the standard library only. A helper belongs here only
// when at least two packages' tests share it; a package's own fixture (its
// printed company, its sample customers) stays in that package.
package storetest

import (
	"path/filepath"
	"testing"

	"daicho/store"
)

// Open opens a new, empty ledger: a real SQLite file in t.TempDir(), closed
// when the test ends. The clock and actor are the store's defaults; a test
// that compares timestamps sets st.Now itself.
func Open(t testing.TB) *store.Store {
	t.Helper()
	return OpenFile(t, filepath.Join(t.TempDir(), "daicho.db"))
}

// OpenFile opens (or creates) the ledger at path, closed when the test ends.
// A test may close it earlier (say, before a command opens the same file):
// closing twice is harmless.
func OpenFile(t testing.TB, path string) *store.Store {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
