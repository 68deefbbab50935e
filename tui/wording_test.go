package tui

import (
	"context"
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

// issuedDocument stores a document of kind for C0001 and issues it.
func issuedDocument(t *testing.T, st *store.Store, kind string) store.Document {
	t.Helper()
	ctx := context.Background()
	c, err := st.CustomerByCode(ctx, "C0001")
	if err != nil {
		t.Fatal(err)
	}
	d := store.Document{Kind: kind, CustomerID: c.ID, Subject: "11月分", IssueDate: store.DateOf(2026, 11, 20),
		Lines: []store.Line{{Description: "作業", Quantity: 2000, UnitPrice: 5000, TaxCategory: store.TaxStandard}}}
	if err := st.SaveDraft(ctx, &d); err != nil {
		t.Fatal(err)
	}
	issued, err := st.Issue(ctx, d.ID, d.Version)
	if err != nil {
		t.Fatal(err)
	}
	return issued
}

// y says what it copied, + on an invoice says what it is for, and the issue
// question names the kind in the sentence's case.
func TestDocumentActionsSayWhatTheyDid(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedDocument(t, st, store.KindInvoice)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "y")
	h.mustSee("Draft copy of I-2026-0001 made, dated today")
	h.press("esc") // back to the list, on the copy
	h.press("+")
	h.mustSee("+ and - mark an estimate accepted or declined: they apply to estimates only.")
	h.press("I")
	h.mustSee("Issue this invoice as I-2026-0002 to")
	h.press("n")

	h.press("y") // a copy of the draft
	h.mustSee("Draft copy made, dated today")
}

// One delivery note makes "1 delivery note", not "these 1 delivery notes".
func TestClosingQuestionCountsInTheSingular(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	issuedDocument(t, st, store.KindDeliveryNote)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "c", "enter")
	h.mustSee("One invoice for this 1 delivery note of the billing cycle closing")
	h.mustNotSee("these 1")
}
