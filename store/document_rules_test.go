package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"daicho/store"
)

// An invoice whose total is negative is refused when it is saved, drafts
// too, on its total with a reason (a credit note is what takes money off),
// never with the database's CHECK message when it is issued.
func TestNegativeInvoiceRefusedAtSave(t *testing.T) {
	f := newDocFix(t)
	want := []string{"total document.negative_invoice"}
	d := f.newDoc(store.KindInvoice, "2026-11-20", fixLine("返品", "-1", 1000, store.TaxExempt))
	if got := fieldErrors(f.st.SaveDraft(f.ctx, &d)); !slices.Equal(got, want) {
		t.Errorf("SaveDraft: %q, want %q", got, want)
	}
	for _, issue := range []bool{false, true} {
		d := f.newDoc(store.KindInvoice, "2026-11-20", fixLine("作業", "1", 500, store.TaxExempt),
			fixLine("返品", "-1", 1000, store.TaxExempt))
		_, err := f.st.ImportDocuments(f.ctx, []store.Document{d}, issue)
		if got := batchFields(err); !slices.Equal(got, []string{"1 total document.negative_invoice"}) {
			t.Errorf("ImportDocuments (issue %v): %q", issue, got)
		}
	}
	// A delivery note of returns may be negative: the closing invoice nets it.
	f.draft(store.KindDeliveryNote, "2026-11-20", fixLine("返品", "-1", 1000, store.TaxExempt))
	// A draft saved before the rule (written with SQL here) is refused when issued.
	d = f.draft(store.KindInvoice, "2026-11-20", fixLine("作業", "1", 1000, store.TaxExempt))
	if _, err := f.st.DB().Exec(`UPDATE document_lines SET unit_price = -1000, amount = -1000 WHERE document_id = ?;
		UPDATE documents SET subtotal = -1000, total = -1000 WHERE id = ?`, d.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Issue(f.ctx, d.ID, 0); !slices.Equal(fieldErrors(err), want) {
		t.Errorf("Issue of a negative draft: %v", err)
	}
	if n := f.count(`SELECT count(*) FROM documents WHERE status = 'issued'`); n != 0 {
		t.Errorf("%d documents issued", n)
	}
}

// batchFields lists a BatchError's problems as "line field reason".
func batchFields(err error) []string {
	var batch store.BatchError
	if !errors.As(err, &batch) {
		return []string{fmt.Sprint(err)}
	}
	var out []string
	for _, re := range batch {
		out = append(out, fmt.Sprintf("%d %s %s", re.Line, re.Err.Field, re.Err.Reason))
	}
	return out
}

// An estimate imported without a valid-until date gets the one the editor
// gives a new estimate (DefaultValidUntil, a month), so it expires like any
// other; one given is kept.
func TestImportedEstimateGetsValidUntil(t *testing.T) {
	f := newDocFix(t)
	for _, issue := range []bool{false, true} {
		plain := f.newDoc(store.KindEstimate, "2026-11-20", fixLine("設計", "1", 1000, store.TaxStandard))
		given := plain
		given.ValidUntil = docDate("2027-01-31")
		got, err := f.st.ImportDocuments(f.ctx, []store.Document{plain, given}, issue)
		if err != nil {
			t.Fatal(err)
		}
		if want := docDate("2026-12-20"); !got[0].ValidUntil.Equal(want) || !store.DefaultValidUntil(plain.IssueDate).Equal(want) {
			t.Errorf("issue %v: valid until %v, want %v", issue, got[0].ValidUntil, want)
		}
		if !got[1].ValidUntil.Equal(given.ValidUntil) {
			t.Errorf("issue %v: valid until %v, want the one given", issue, got[1].ValidUntil)
		}
	}
}
