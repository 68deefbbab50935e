package store_test

import (
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// creditFix is docFix with an issued invoice of C0001 dated 2026-11-02:
// 1.5 h of work at 10% (13,200) and 3 lunches at 8% (3,499).
type creditFix struct {
	*docFix
	inv store.Document
}

func newCreditFix(t *testing.T) *creditFix {
	f := &creditFix{docFix: newDocFix(t)}
	f.inv = f.issued(store.KindInvoice, "2026-11-02", f.twoLines()...)
	return f
}

// creditNote is a credit note draft of the invoice, made as the TUI makes it.
func (f *creditFix) creditNote() store.Document {
	f.t.Helper()
	cn, err := f.st.CreateCreditNote(f.ctx, f.inv.ID)
	if err != nil {
		f.t.Fatalf("CreateCreditNote: %v", err)
	}
	return cn
}

// A credit note belongs to its invoice's customer, is dated on or after it,
// carries only the invoice's rates and only takes away from what is owed:
// whatever breaks one of these is refused on its field, by SaveDraft, by
// ImportDocuments and (for a draft stored before the rules) by Issue.
func TestCreditNoteRules(t *testing.T) {
	f := newCreditFix(t)
	cases := []struct {
		name string
		edit func(f *creditFix, d *store.Document)
		want []string
	}{
		{"as made", func(*creditFix, *store.Document) {}, nil},
		{"on the invoice's day", func(f *creditFix, d *store.Document) { d.IssueDate = f.inv.IssueDate }, nil},
		{"another customer", func(f *creditFix, d *store.Document) { d.CustomerID = f.other.ID },
			[]string{"customer credit.other_customer"}},
		{"before the invoice", func(f *creditFix, d *store.Document) { d.IssueDate = storetest.Date("2026-11-01") },
			[]string{"issue_date credit.before_invoice"}},
		{"a rate the invoice lacks", func(f *creditFix, d *store.Document) {
			d.Lines = append(d.Lines, storetest.Line("交通費", "1", 500, store.TaxExempt))
		}, []string{"lines.2.tax_category credit.rate_not_on_invoice"}},
		{"a debit", func(f *creditFix, d *store.Document) {
			d.Lines = []store.Line{storetest.Line("追加請求", "-1", 1000, store.TaxStandard)}
		}, []string{"lines credit.debit"}},
		{"a debit at one rate", func(f *creditFix, d *store.Document) {
			d.Lines = []store.Line{storetest.Line("値引き", "1", 1000, store.TaxStandard), storetest.Line("追加", "-1", 500, store.TaxReduced)}
		}, []string{"lines credit.debit"}},
		{"not an invoice", func(f *creditFix, d *store.Document) {
			d.CorrectsID = f.issued(store.KindDeliveryNote, "2026-11-01", f.twoLines()...).ID
		}, []string{"corrects document.credit_needs_invoice"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newCreditFix(t)
			d := f.creditNote()
			tc.edit(f, &d)
			if got := fieldErrors(f.st.SaveDraft(f.ctx, &d)); !slices.Equal(got, tc.want) {
				t.Errorf("SaveDraft: %q, want %q", got, tc.want)
			}
			imported := d
			imported.ID, imported.Version, imported.Sources = 0, 0, nil
			for i := range imported.Lines {
				imported.Lines[i].ID, imported.Lines[i].SourceLineID = 0, 0
			}
			var want []string
			for _, w := range tc.want {
				want = append(want, "1 "+w)
			}
			for _, issue := range []bool{false, true} {
				_, err := f.st.ImportDocuments(f.ctx, []store.Document{imported}, issue)
				if got := batchFields(err); !slices.Equal(got, want) && !(want == nil && err == nil) {
					t.Errorf("ImportDocuments (issue %v): %q, want %q", issue, got, want)
				}
			}
		})
	}
	_ = f
}

// A credit note draft stored before the rules (written with SQL here) is
// refused when issued: another customer's credit would move both balances.
func TestCreditNoteOfAnotherCustomerNotIssued(t *testing.T) {
	f := newCreditFix(t)
	cn := f.creditNote()
	if _, err := f.st.DB().Exec(`UPDATE documents SET customer_id = ? WHERE id = ?`, f.other.ID, cn.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.Issue(f.ctx, cn.ID, 0); !slices.Equal(fieldErrors(err), []string{"customer credit.other_customer"}) {
		t.Errorf("Issue: %v", err)
	}
	if n := f.count(`SELECT count(*) FROM documents WHERE kind = 'credit_note' AND status = 'issued'`); n != 0 {
		t.Errorf("%d credit notes issued", n)
	}
}

// A credit note made today of an invoice dated later (issued ahead) is
// dated on the invoice's day, so the draft keeps to the rules.
func TestCreditNoteOfAnInvoiceDatedAhead(t *testing.T) {
	f := newDocFix(t)
	inv := f.issued(store.KindInvoice, "2026-12-01", f.twoLines()...)
	cn, err := f.st.CreateCreditNote(f.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !cn.IssueDate.Equal(inv.IssueDate) {
		t.Errorf("credit note dated %v, its invoice %v", cn.IssueDate, inv.IssueDate)
	}
}
