package tui

import (
	"context"
	"path/filepath"
	"testing"

	"daicho/store"
	"daicho/store/demo"
	"daicho/tui/i18n"
)

// Benchmarks on the large demo data set: 10,000 customers.

func largeDB(b *testing.B) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "daicho.db")
	st, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := demo.Fill(context.Background(), st, demo.Large); err != nil {
		b.Fatal(err)
	}
	st.Close()
	return path
}

// Open the database and draw the first customers frame (target: < 100 ms).
func BenchmarkOpenToFirstFrame(b *testing.B) {
	path := largeDB(b)
	b.ResetTimer()
	for b.Loop() {
		st, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		h := newHarness(b, st, i18n.JA, 120, 35)
		if h.m.screens[0].(*customersScreen).table.Rows() == 0 {
			b.Fatal("no rows")
		}
		_ = h.m.render()
		st.Close()
	}
}

// One keystroke in the filter, including the frame it causes (target: < 5 ms).
func BenchmarkFilterKeystroke(b *testing.B) {
	st, err := store.Open(largeDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	h := newHarness(b, st, i18n.JA, 120, 35)
	h.press("/")
	keys := []string{"か", "backspace"} // alternate, so the filter never runs out
	b.ResetTimer()
	i := 0
	for b.Loop() {
		h.press(keys[i%2])
		_ = h.m.render()
		i++
	}
}

// One frame of the list (target: < 2 ms).
func BenchmarkListFrame(b *testing.B) {
	st, err := store.Open(largeDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	h := newHarness(b, st, i18n.JA, 120, 35)
	b.ResetTimer()
	for b.Loop() {
		_ = h.m.View()
	}
}
