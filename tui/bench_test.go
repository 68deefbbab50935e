package tui

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/store/demo"
	"daicho/tui/i18n"
)

// Benchmarks on the large demo ledger: 10,000 customers and 100,000
// invoices, built once per test binary and shared (the benchmarks only read).

var (
	largeOnce sync.Once
	largePath string
	largeErr  error
)

func largeDB(b *testing.B) string {
	b.Helper()
	largeOnce.Do(func() {
		dir, err := os.MkdirTemp("", "daicho-bench-")
		if err != nil {
			largeErr = err
			return
		}
		largePath = filepath.Join(dir, "daicho.db")
		st, err := store.Open(largePath)
		if err != nil {
			largeErr = err
			return
		}
		defer st.Close()
		largeErr = demo.Fill(context.Background(), st, demo.Large)
	})
	if largeErr != nil {
		b.Fatal(largeErr)
	}
	return largePath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if largePath != "" {
		os.RemoveAll(filepath.Dir(largePath))
	}
	os.Exit(code)
}

func openLarge(b *testing.B) *store.Store {
	st, err := store.Open(largeDB(b))
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// benchEnv is what New gives the screens.
func benchEnv(st *store.Store) env { return New(st, i18n.New(i18n.JA)).env }

// Open the database and draw the first customers frame (target: < 100 ms).
func BenchmarkOpenToFirstCustomersFrame(b *testing.B) {
	largeDB(b)
	for b.Loop() {
		st := openLarge(b)
		s := newCustomersScreen(benchEnv(st))
		s.SetSize(120, 30)
		s.Update(s.Init()())
		if s.list.Rows() == 0 {
			b.Fatal("no rows")
		}
		_ = s.View()
		st.Close()
	}
}

// Open the database and draw the first documents frame: the newest page,
// while the whole list loads behind it (target: < 150 ms).
func BenchmarkOpenToFirstDocumentsFrame(b *testing.B) {
	largeDB(b)
	for b.Loop() {
		st := openLarge(b)
		s := newDocumentsScreen(benchEnv(st))
		s.SetSize(120, 30)
		s.Update(s.load(firstPage, 0)())
		if s.list.Rows() == 0 {
			b.Fatal("no rows")
		}
		_ = s.View()
		st.Close()
	}
}

// One keystroke in the customers filter, with its frame (target: < 5 ms).
func BenchmarkCustomerFilterKeystroke(b *testing.B) {
	st := openLarge(b)
	defer st.Close()
	h := newHarness(b, st, i18n.JA, 120, 35)
	h.press("/")
	benchKeystrokes(b, h)
}

// One keystroke in the documents search over 100,000 documents, with its
// frame (target: < 10 ms).
func BenchmarkDocumentFilterKeystroke(b *testing.B) {
	st := openLarge(b)
	defer st.Close()
	h := newHarness(b, st, i18n.JA, 120, 35)
	h.press("3", "/")
	if n := len(h.m.screens[2].(*documentsScreen).list.rows); n < 100000 {
		b.Fatalf("%d documents loaded", n)
	}
	benchKeystrokes(b, h)
}

// benchKeystrokes types a character and deletes it, alternately, so the
// filter never runs out of matches.
func benchKeystrokes(b *testing.B, h *harness) {
	keys := []tea.KeyPressMsg{keyMsg("か"), keyMsg("backspace")}
	i := 0
	for b.Loop() {
		h.send(keys[i%2])
		_ = h.m.render()
		i++
	}
}

// One frame of the customer list (target: < 2 ms).
func BenchmarkListFrame(b *testing.B) {
	st := openLarge(b)
	defer st.Close()
	h := newHarness(b, st, i18n.JA, 120, 35)
	for b.Loop() {
		_ = h.m.View()
	}
}
