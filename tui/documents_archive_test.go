package tui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

func documentsOf(h *harness) *documentsScreen {
	for _, s := range h.m.screens {
		if d, ok := s.(*documentsScreen); ok {
			return d
		}
	}
	h.t.Fatal("no documents screen")
	return nil
}

// TestDocumentsAmountAndCustomerSearch: A (a totals range) with C (a
// customer) shows exactly the documents the store finds with the same
// filter; H lists the PDFs kept for them.
func TestDocumentsAmountAndCustomerSearch(t *testing.T) {
	st := reportsLedger(t)
	ctx := context.Background()
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("3", "A")
	h.typeText("30000..60000")
	h.press("enter")
	h.mustSee("金額 30,000〜60,000")
	s := documentsOf(h)

	shown := func() map[int64]bool {
		ids := map[int64]bool{}
		for i := range s.list.Visible() {
			ids[s.list.Row(i).ID] = true
		}
		return ids
	}
	want := func(f store.DocumentFilter) map[int64]bool {
		f.Amount = store.MoneyRange{Min: 30000, Max: 60000, HasMin: true, HasMax: true}
		ds, err := st.DocumentSummaries(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		ids := map[int64]bool{}
		for _, d := range ds {
			ids[d.ID] = true
		}
		return ids
	}
	same := func(got, want map[int64]bool) {
		t.Helper()
		if len(want) == 0 {
			t.Fatal("the demo has no document in the range: choose another")
		}
		if len(got) != len(want) {
			t.Fatalf("shown %d documents, the store finds %d", len(got), len(want))
		}
		for id := range want {
			if !got[id] {
				t.Fatalf("document %d missing", id)
			}
		}
	}
	same(shown(), want(store.DocumentFilter{}))

	// Add the customer of the first one shown.
	first := s.list.Row(0)
	h.press("C")
	h.typeText(first.CustomerCode)
	h.press("enter")
	same(shown(), want(store.DocumentFilter{CustomerID: first.CustomerID}))

	// H: nothing kept yet; then one PDF sent by mail.
	h.press("H")
	h.mustSee("条件に合う保存済みPDFはありません")
	for i := range s.list.Visible() {
		if first = s.list.Row(i); first.Status != store.StatusDraft {
			break
		}
	}
	if first.Status == store.StatusDraft {
		t.Fatal("only drafts shown: choose another range")
	}
	kept := store.SentFile{DocumentID: first.ID, Channel: store.SentMail, FileName: "x.pdf", PDF: []byte("%PDF-1.4 x")}
	if err := st.ArchiveSent(ctx, &kept); err != nil {
		t.Fatal(err)
	}
	h.press("H")
	h.mustSee("送付したPDF（送付時のまま保存）", "1 / 1件", first.Number, "メール")
	h.press("enter")
	h.mustSee(first.Number)
	if s.doc.ID != first.ID {
		t.Errorf("enter opened %d, want %d", s.doc.ID, first.ID)
	}

	h.press("esc", "esc") // every filter off
	if len(shown()) != len(s.list.rows) {
		t.Errorf("esc left %d of %d shown", len(shown()), len(s.list.rows))
	}
}

// TestTUIExportAndPrintAreKept: p (export) and P (print) on the documents
// screen keep the PDF in the archive, each with its channel, and the kept
// bytes are the file's; E (every document shown) keeps each one.
func TestTUIExportAndPrintAreKept(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	dir := issuedInvoices(t, st, 2)
	t.Setenv("PATH", t.TempDir()) // no lp here: P saves, then says there is no printer
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("3", "p")
	h.mustSee("Saved: ")
	h.press("P")
	h.mustSee("No printing system")
	h.press("E", "y")
	h.mustSee("2 of 2")
	h.press("enter")
	ctx := context.Background()
	kept, err := st.SentFiles(ctx, store.ArchiveFilter{})
	if err != nil {
		t.Fatal(err)
	}
	channels := map[string]int{}
	for _, f := range kept {
		channels[f.Number+"/"+f.Channel]++
	}
	if channels["I-2026-0002/export"] != 2 || channels["I-2026-0002/print"] != 1 || channels["I-2026-0001/export"] != 1 {
		t.Errorf("kept %v", channels)
	}
	b, err := os.ReadFile(filepath.Join(dir, "I-2026-0002_株式会社テスト.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if got, err := st.SentPDF(ctx, kept[0].ID); err != nil || !bytes.Equal(got, b) {
		t.Errorf("the kept bytes are not the file's (%d vs %d bytes): %v", len(got), len(b), err)
	}
}

// TestSentHistoryFitsTheTerminal: H's list of kept PDFs is as wide as its
// rows want within the terminal: at 120 columns nothing is cut, at 80 the
// name gives way and the dates, numbers and send times stay whole, and no
// row wraps.
func TestSentHistoryFitsTheTerminal(t *testing.T) {
	st := reportsLedger(t)
	ctx := context.Background()
	ds, err := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: store.KindInvoice, Status: store.StatusIssued})
	if err != nil || len(ds) == 0 {
		t.Fatalf("no issued invoice in the demo (%v)", err)
	}
	d := ds[0]
	kept := store.SentFile{DocumentID: d.ID, Channel: store.SentMail, FileName: "x.pdf", PDF: []byte("%PDF-1.4 x")}
	if err := st.ArchiveSent(ctx, &kept); err != nil {
		t.Fatal(err)
	}
	sentAt := kept.SentAt.Local().Format("2006-01-02 15:04")
	for _, size := range []struct {
		width, height int
		whole         []string
	}{
		{120, 35, []string{d.Number, store.FoldDisplay(d.CustomerName), sentAt}},
		{80, 24, []string{d.Number, sentAt}},
	} {
		h := newHarness(t, st, i18n.JA, size.width, size.height)
		h.press("3", "H")
		h.mustSee("送付したPDF（送付時のまま保存）")
		row := ""
		for line := range strings.Lines(h.screen()) {
			if strings.Contains(line, d.Number) {
				row = line
			}
		}
		for _, w := range size.whole {
			if !strings.Contains(row, w) {
				t.Errorf("%d columns: the row lacks %q whole:\n%s", size.width, w, h.screen())
			}
		}
	}
}
