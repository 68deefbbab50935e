package tui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// issuedInvoices stores n issued invoices for C0001 and returns the store's
// exports folder (a temporary one).
func issuedInvoices(t *testing.T, st *store.Store, n int) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	co, _ := st.Company(ctx)
	co.ExportsDir = dir
	co.BankAccounts = []store.BankAccount{{Bank: "サンプル銀行", Branch: "本店", AccountType: store.AccountOrdinary, Number: "1234567", HolderKana: "カ)サンプル"}}
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	c, _ := st.CustomerByCode(ctx, "C0001")
	for i := 0; i < n; i++ {
		d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: "保守", IssueDate: store.DateOf(2026, 11, 20),
			Lines: []store.Line{{Description: "保守サポート", Quantity: 1000, UnitPrice: 30000, TaxCategory: store.TaxStandard}}}
		if err := st.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		if _, err := st.Issue(ctx, d.ID, d.Version); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestExportOneDocumentAndAskBeforeOverwriting(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	dir := issuedInvoices(t, st, 1)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "p")
	path := filepath.Join(dir, "I-2026-0001_株式会社テスト.pdf")
	h.mustSee("Saved: " + path)
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF")) {
		t.Fatalf("%s: %v", path, err)
	}
	h.press("p")
	h.mustSee("exists already.", "Replace it?")
	h.press("y")
	h.mustSee("Saved: " + path)
}

func TestExportEverythingShownWithProgress(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	dir := issuedInvoices(t, st, 5)
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("3", "E")
	h.mustSee("表示中の書類5件")
	h.press("y")
	h.mustSee("5 / 5件")
	h.press("enter")
	h.mustSee("5 / 5件の書類を")
	files, _ := filepath.Glob(filepath.Join(dir, "*.pdf"))
	if len(files) != 5 {
		t.Fatalf("%d files, want 5: %v", len(files), files)
	}
}
