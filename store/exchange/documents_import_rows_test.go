package exchange

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"daicho/store"
)

// The stream writes its documents 256 at a time, their lines in multi-row
// INSERTs (256 rows a statement) and its audit rows 64 at a time: a
// document of 300 lines and 300 documents in all (more than one write, and
// more audit rows than one statement takes) come back
// from the database as the import handed them over, line ids included, and
// the audit chain checks clean, drafts and issued alike.
func TestImportDocumentsStreamWritesRowsInBulk(t *testing.T) {
	var long strings.Builder
	for i := range 300 {
		if i > 0 {
			long.WriteString(", ")
		}
		fmt.Fprintf(&long, `{"description": "行 %d", "quantity": "%d", "unit_price": %d, "tax_rate": %d}`,
			i, 1+i%3, 100+i, []int{10, 8}[i%2])
	}
	big := `{"kind": "invoice", "customer_code": "C001", "issue_date": "2026-11-21", "lines": [` + long.String() + `]}`
	for _, issue := range []bool{false, true} {
		st := docStore(t)
		auditBefore := count(t, st, "audit_log")
		stored, err := importStream(t, st, manyDocuments(299, big), issue)
		if err != nil {
			t.Fatal(err)
		}
		if len(stored) != 300 || len(stored[299].Lines) != 300 {
			t.Fatalf("issue %v: %d documents stored", issue, len(stored))
		}
		for _, d := range stored {
			got, err := st.Document(context.Background(), d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Lines) != len(d.Lines) {
				t.Fatalf("issue %v: document %d has %d lines, handed over %d", issue, d.ID, len(got.Lines), len(d.Lines))
			}
			for i := range got.Lines {
				if g, h := got.Lines[i], d.Lines[i]; g.ID != h.ID || g.Description != h.Description {
					t.Errorf("issue %v: document %d line %d: stored %d %q, handed over %d %q",
						issue, d.ID, i, g.ID, g.Description, h.ID, h.Description)
				}
			}
		}
		perDocument := 1
		if issue {
			perDocument = 2
		}
		if n := count(t, st, "audit_log"); n != auditBefore+300*perDocument {
			t.Errorf("issue %v: %d audit rows, want %d", issue, n, auditBefore+300*perDocument)
		}
		violations, err := st.Check(context.Background())
		if err != nil || len(violations) > 0 {
			t.Errorf("issue %v: check: %v %v", issue, violations, err)
		}
	}
}

// Documents wait to be written 256 at a time; what one takes of an estimate
// line counts for the later ones whether it is written yet or not: three
// delivery notes taking 0.4 each of an estimate line of 1 leave the third
// refused with 0.2 left, next to each other (one write) or 300 documents
// apart (the first written before the others are checked).
func TestImportDocumentsStreamCountsTakesNotWrittenYet(t *testing.T) {
	for _, gap := range []int{0, 300} {
		st := docStore(t)
		estimate := importText(t, st, docFile, true)[1].Number
		dn := fmt.Sprintf(`{"kind": "delivery_note", "customer_code": "C002", "issue_date": "2026-11-16", "price_mode": "inclusive",
		  "sources": [%q], "lines": [{"description": "Design", "quantity": "0.4", "unit_price": 110000, "tax_rate": 10}]}`,
			estimate)
		rest := strings.TrimSuffix(strings.TrimPrefix(manyDocuments(gap, dn, dn), "[\n"), "\n]\n")
		text := "[" + dn + ",\n" + rest + "]" // dn, gap other documents, dn, dn
		_, err := importStream(t, st, text, false)
		var batch store.BatchError
		if !errors.As(err, &batch) {
			t.Fatalf("gap %d: err = %v, want problems", gap, err)
		}
		var got []string
		for _, re := range DocumentProblems(batch) {
			got = append(got, fmt.Sprintf("%d %s %s %v", re.Line, re.Err.Field, re.Err.Reason, re.Err.Args))
		}
		want := fmt.Sprintf("%d lines.0.quantity document.exceeds_remaining [0.2]", gap+3)
		if len(got) != 1 || got[0] != want {
			t.Errorf("gap %d: problems %q, want %q", gap, got, want)
		}
	}
}
