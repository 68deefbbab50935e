package store_test

import (
	"errors"
	"fmt"
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// An invoice whose total is negative is refused when it is saved, drafts
// too, on its total with a reason (a credit note is what takes money off),
// never with the database's CHECK message when it is issued.
func TestNegativeInvoiceRefusedAtSave(t *testing.T) {
	f := newDocFix(t)
	want := []string{"total document.negative_invoice"}
	d := f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("返品", "-1", 1000, store.TaxExempt))
	if got := fieldErrors(f.st.SaveDraft(f.ctx, &d)); !slices.Equal(got, want) {
		t.Errorf("SaveDraft: %q, want %q", got, want)
	}
	for _, issue := range []bool{false, true} {
		d := f.newDoc(store.KindInvoice, "2026-11-20", storetest.Line("作業", "1", 500, store.TaxExempt),
			storetest.Line("返品", "-1", 1000, store.TaxExempt))
		_, err := f.st.ImportDocuments(f.ctx, []store.Document{d}, issue)
		if got := batchFields(err); !slices.Equal(got, []string{"1 total document.negative_invoice"}) {
			t.Errorf("ImportDocuments (issue %v): %q", issue, got)
		}
	}
	// A delivery note of returns may be negative: the closing invoice nets it.
	f.draft(store.KindDeliveryNote, "2026-11-20", storetest.Line("返品", "-1", 1000, store.TaxExempt))
	// A draft saved before the rule (written with SQL here) is refused when issued.
	d = f.draft(store.KindInvoice, "2026-11-20", storetest.Line("作業", "1", 1000, store.TaxExempt))
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

// A document imported with sources is linked to them as the conversion
// would link it: its lines to the source lines (with their cost snapshot),
// so what is left of an estimate goes down; without lines it takes theirs.
func TestImportDocumentsFromSources(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-11-02", storetest.ProductLine(f.product, "3"), storetest.ProductLine(f.reducedP, "2"))
	dn := f.newDoc(store.KindDeliveryNote, "2026-11-10", storetest.ProductLine(f.product, "1"))
	dn.Sources = []store.DocRef{{ID: est.ID, Number: est.Number}}
	inv := f.newDoc(store.KindInvoice, "2026-11-20")
	inv.Sources = dn.Sources
	got, err := f.st.ImportDocuments(f.ctx, []store.Document{dn, inv}, true)
	if err != nil {
		t.Fatal(err)
	}
	if l := got[0].Lines[0]; l.SourceLineID != est.Lines[0].ID || l.CostPrice != f.product.CostPrice {
		t.Errorf("delivery note line from %d, cost %d", l.SourceLineID, l.CostPrice)
	}
	// The invoice takes what the delivery note left: 2 h of work, 2 lunches.
	if ls := got[1].Lines; len(ls) != 2 || ls[0].Quantity != storetest.Qty("2") || ls[0].SourceLineID != est.Lines[0].ID ||
		ls[1].Quantity != storetest.Qty("2") || ls[1].SourceLineID != est.Lines[1].ID {
		t.Errorf("invoice lines %+v", ls)
	}
	if refs := refNumbers(got[1].Sources); !slices.Equal(refs, []string{est.Number}) {
		t.Errorf("invoice sources %q", refs)
	}
	if rem := remainingOf(t, f, est.ID); !slices.Equal(rem, []string{"0", "0"}) {
		t.Errorf("remaining %q", rem)
	}
}

// An invoice imported from delivery notes takes one billing cycle, as the
// documents screen's closing invoice does: delivery notes of two cycles are
// refused by name; without a closing date it takes its notes' cycle.
func TestImportClosingInvoiceTakesOneCycle(t *testing.T) {
	f := newDocFix(t) // C0001 closes on the 20th
	oct := f.issued(store.KindDeliveryNote, "2026-10-15", storetest.ProductLine(f.product, "1"))
	nov := f.issued(store.KindDeliveryNote, "2026-11-05", storetest.ProductLine(f.product, "1"))
	both := f.newDoc(store.KindInvoice, "2026-11-20")
	both.Sources = []store.DocRef{{ID: oct.ID, Number: oct.Number}, {ID: nov.ID, Number: nov.Number}}
	_, err := f.st.ImportDocuments(f.ctx, []store.Document{both}, false)
	if got := batchFields(err); !slices.Equal(got, []string{"1 sources document.dn_other_cycle"}) {
		t.Errorf("two cycles: %q", got)
	}
	one := f.newDoc(store.KindInvoice, "2026-11-25")
	one.Sources = []store.DocRef{{ID: nov.ID, Number: nov.Number}}
	got, err := f.st.ImportDocuments(f.ctx, []store.Document{one}, true)
	if err != nil {
		t.Fatal(err)
	}
	if c := store.FormatDate(got[0].ClosingDate); c != "2026-11-20" {
		t.Errorf("closing date %s, want the notes' cycle 2026-11-20", c)
	}
}
