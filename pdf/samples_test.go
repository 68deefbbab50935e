package pdf

import (
	"os"
	"path/filepath"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// TestWriteSamples is not a check but a way to look at the pages: with
// DAICHO_PDF_SAMPLES=/some/dir it writes one PDF of every kind in both
// languages there (view them, or pdftoppm -png -r 60 them).
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("DAICHO_PDF_SAMPLES")
	if dir == "" {
		t.Skip("set DAICHO_PDF_SAMPLES=DIR to write sample PDFs into DIR")
	}
	f := newFix(t)
	write := func(name string, pdf []byte) {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []store.Customer{f.ja, f.en} {
		ds := f.makeDocs(c)
		for _, d := range ds.all() {
			name := d.Kind
			if len(d.Sources) > 0 && d.Kind == store.KindInvoice {
				name = "closing_invoice"
			}
			write(c.Language+"_"+name, f.render(d))
		}
		inclusive := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, IssueDate: storetest.Date("2026-11-25"),
			Subject: "税込価格の請求", PriceMode: store.PriceInclusive,
			Lines: []store.Line{storetest.ProductLine(f.service, "1"), storetest.ProductLine(f.bento, "10")}}
		f.must(f.st.SaveDraft(f.ctx, &inclusive))
		write(c.Language+"_inclusive", f.render(f.issue(inclusive)))
		draft := f.draft(store.KindInvoice, c, "2026-11-25", storetest.ProductLine(f.service, "1"))
		write(c.Language+"_draft", f.render(draft))
		write(c.Language+"_statement", renderStatement(t, f.statement(c, ds)))
		write(c.Language+"_reminder", renderReminder(t, f.reminder(c, ds)))
		write(c.Language+"_contract", f.renderContract(f.contract(c)))
	}
	write("ja_long", f.render(f.longInvoice(120)))
}
