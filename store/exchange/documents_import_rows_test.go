package exchange

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// The stream writes a document's lines in multi-row INSERTs (64 rows a
// statement) and its audit rows 64 at a time: a document of 130 lines and
// 70 documents in all (more audit rows than one statement takes) come back
// from the database as the import handed them over, line ids included, and
// the audit chain checks clean, drafts and issued alike.
func TestImportDocumentsStreamWritesRowsInBulk(t *testing.T) {
	var long strings.Builder
	for i := range 130 {
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
		stored, err := importStream(t, st, manyDocuments(69, big), issue)
		if err != nil {
			t.Fatal(err)
		}
		if len(stored) != 70 || len(stored[69].Lines) != 130 {
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
		if n := count(t, st, "audit_log"); n != auditBefore+70*perDocument {
			t.Errorf("issue %v: %d audit rows, want %d", issue, n, auditBefore+70*perDocument)
		}
		violations, err := st.Check(context.Background())
		if err != nil || len(violations) > 0 {
			t.Errorf("issue %v: check: %v %v", issue, violations, err)
		}
	}
}
