package tui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/tui/i18n"
)

// newServerHarness is newHarness with the options daicho serve gives a session.
func newServerHarness(t *testing.T, st *store.Store, exports string) *harness {
	t.Helper()
	h := &harness{t: t, m: New(st, i18n.New(i18n.EN), WithExportsDir(exports), WithRemote(), withoutLive())}
	h.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	h.run(h.m.Init())
	return h
}

// In server mode files go into the server's folder whatever the settings say,
// the settings form shows that folder and nothing typed there changes it, and
// o saves without starting a viewer on the server.
func TestServerModeWritesOnlyIntoItsExportsFolder(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	settingsDir := issuedInvoices(t, st, 1) // the company's own exports folder
	root := t.TempDir()
	exports := filepath.Join(root, "exports")
	h := newServerHarness(t, st, exports)

	h.press("S")
	h.mustSee(exports, "set by the serv") // the hint, cut at the edge
	form := h.m.setup.form
	for form.Focused() != "exports_dir" {
		h.press("tab")
	}
	for _, typed := range []string{"../../etc/x.pdf", filepath.Join(root, "elsewhere")} {
		h.typeText(typed)
		h.press("backspace", "space", "right")
		if got := form.Value("exports_dir"); got != exports {
			t.Fatalf("typing %q changed the field to %q", typed, got)
		}
	}
	h.press("ctrl+s")
	h.mustSee("Company settings saved.")
	if co, _ := st.Company(context.Background()); co.ExportsDir != settingsDir {
		t.Errorf("the stored exports folder became %q, want %q kept", co.ExportsDir, settingsDir)
	}

	h.press("3", "p")
	want := filepath.Join(exports, "I-2026-0001_株式会社テスト.pdf")
	h.mustSee("Saved: " + want)
	if _, err := os.Stat(want); err != nil {
		t.Fatal(err)
	}
	if files, _ := os.ReadDir(settingsDir); len(files) != 0 {
		t.Errorf("the settings' folder got %d files", len(files))
	}
	h.press("o")
	if got := h.m.status.text; got != "Saved on the server: "+want+" (over SSH daicho cannot open it on your screen)" {
		t.Errorf("o says %q", got)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 1 {
		t.Errorf("%d entries beside the exports folder, want none", len(entries)-1)
	}
}
