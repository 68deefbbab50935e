package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// What the screens say is true: examples pass their own checks, counts agree
// with their nouns, and a key that cannot act says why.

// The registration number shown as an example passes its own check, and the
// format error shows the same one.
func TestRegistrationNumberExampleIsValid(t *testing.T) {
	if _, err := store.NormalizeRegistrationNumber(regnoExample); err != nil {
		t.Fatalf("%s: %v", regnoExample, err)
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		if msg := i18n.New(lang).T("err.regno.format"); !strings.Contains(msg, regnoExample) {
			t.Errorf("%s: %q does not show %s", lang, msg, regnoExample)
		}
	}
}

// The settings show which folder an empty exports setting means, in the
// field itself: Documents/daicho when the home folder has Documents, else
// the database's folder (the home folder written ~).
func TestExportsFieldShowsTheFolderUsed(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	st := storetest.OpenFile(t, filepath.Join(home, "ledger", "daicho.db"))
	storetest.WithCompany(t, st)
	h := newHarness(t, st, i18n.EN, 80, 24)
	h.press("S")
	h.mustSee("Exports folder " + filepath.Join("~", "ledger"))

	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o700); err != nil {
		t.Fatal(err)
	}
	h = newHarness(t, st, i18n.JA, 80, 24)
	h.press("S")
	h.mustSee("PDFの保存先 " + filepath.Join("~", "Documents", "daicho"))
}
