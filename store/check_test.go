package store_test

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/demo"
)

// goodLedger writes the small demo (documents of every kind, delivery notes
// invoiced, payments, contracts) into a file once per test and returns its
// path, closed, for copying.
func goodLedger(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "good.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st.Now = func() time.Time { return fixedNow }
	if err := demo.Fill(t.Context(), st, demo.Small); err != nil {
		t.Fatal(err)
	}
	if v, err := st.Check(t.Context()); err != nil || len(v) > 0 {
		t.Fatalf("the good ledger: %v, %v", v, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// copyFile copies a closed database file (no -wal left) to a new folder.
func copyFile(t *testing.T, from string) string {
	t.Helper()
	body, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	to := filepath.Join(t.TempDir(), filepath.Base(from))
	if err := os.WriteFile(to, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return to
}

// corrupt runs raw SQL on a closed database file, on one connection of its
// own, as another program would.
func corrupt(t *testing.T, path string, queries ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, q := range queries {
		if _, err := db.ExecContext(t.Context(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// TestCheck breaks one rule at a time in a copy of a good ledger, with raw
// SQL as another program would (dropping the trigger that would refuse it),
// and expects exactly the violations that rule gives — and, where a record
// the audit chain snapshots was changed, that it is not as the chain says.
func TestCheck(t *testing.T) {
	good := goodLedger(t)
	// The delivery note invoiced by an issued invoice, and that invoice.
	const invoicedDN = `(SELECT l.source_id FROM document_links l JOIN documents s ON s.id = l.source_id
		JOIN documents i ON i.id = l.target_id
		WHERE s.kind = 'delivery_note' AND i.kind = 'invoice' AND i.status = 'issued' ORDER BY s.id LIMIT 1)`
	const dnInvoice = `(SELECT l.target_id FROM document_links l JOIN documents i ON i.id = l.target_id
		WHERE l.source_id = ` + invoicedDN + ` AND i.kind = 'invoice' AND i.status = 'issued')`
	// Another issued invoice, unpaid and of no delivery note.
	const otherInvoice = `(SELECT d.id FROM documents d JOIN invoice_balances b ON b.invoice_id = d.id
		WHERE d.kind = 'invoice' AND d.status = 'issued' AND b.paid = 0 AND d.id <> ` + dnInvoice + `
		ORDER BY d.id LIMIT 1)`
	const issuedDN = `(SELECT id FROM documents WHERE kind = 'delivery_note' AND status = 'issued' ORDER BY id LIMIT 1)`
	const topInvoiceSeq = `(SELECT max(seq) FROM documents WHERE kind = 'invoice' AND fiscal_year = 2026)`

	tests := []struct {
		name string
		sql  []string
		want []string // each violation must contain one of these, in order
	}{
		{
			name: "an index that does not match its table",
			sql: []string{`PRAGMA writable_schema = ON`,
				`UPDATE sqlite_schema SET sql = 'CREATE INDEX documents_issue_date ON documents (subject)'
					WHERE name = 'documents_issue_date'`},
			want: []string{"integrity_check: "},
		},
		{
			name: "an allocation larger than its payment",
			sql: []string{`DROP TRIGGER allocations_within_payment`, `DROP TRIGGER allocations_to_open_invoice`,
				`DROP TRIGGER invoice_balances_allocation`,
				`INSERT INTO allocations (payment_id, invoice_id, amount, date, actor, created_at)
				SELECT a.payment_id, a.invoice_id, 1, a.date, 'x', '2026-11-20' FROM allocations a
				JOIN payments p ON p.id = a.payment_id JOIN documents d ON d.id = a.invoice_id
				WHERE p.reverses_id IS NULL AND a.reverses_id IS NULL
				AND (SELECT sum(amount) FROM allocations WHERE payment_id = p.id) = p.amount
				AND (SELECT count(*) FROM allocations WHERE payment_id = p.id) = 1
				AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
				AND NOT EXISTS (SELECT 1 FROM adjustments j WHERE j.invoice_id = d.id)
				AND NOT EXISTS (SELECT 1 FROM documents k WHERE k.corrects_id = d.id)
				AND (SELECT count(*) FROM allocations WHERE invoice_id = d.id) = 1
				AND p.amount = d.total ORDER BY a.id LIMIT 1`},
			want: []string{"is below zero", "payment #", "check.payment_changed"},
		},
		{
			name: "a balance cache out of step",
			sql:  []string{`UPDATE invoice_balances SET paid = paid + 100 WHERE invoice_id = ` + otherInvoice},
			want: []string{"the balance cache"},
		},
		{
			name: "a missing number",
			sql: []string{`DROP TRIGGER documents_frozen`,
				`UPDATE counters SET last = last + 1 WHERE kind = 'invoice' AND fiscal_year = 2026`,
				`UPDATE documents SET seq = seq + 1 WHERE kind = 'invoice' AND fiscal_year = 2026 AND seq = ` + topInvoiceSeq},
			want: []string{"invoice numbers of fiscal year 2026: ", "check.document_changed [I-2026-"},
		},
		{
			name: "several missing numbers",
			sql: []string{`DROP TRIGGER documents_frozen`,
				`UPDATE counters SET last = last + 3 WHERE kind = 'delivery_note' AND fiscal_year = 2026`,
				`UPDATE documents SET seq = seq + 3 WHERE kind = 'delivery_note' AND fiscal_year = 2026
					AND seq = (SELECT max(seq) FROM documents WHERE kind = 'delivery_note' AND fiscal_year = 2026)`},
			want: []string{"are missing", "check.document_changed [D-2026-"},
		},
		{
			name: "a counter ahead of the numbers",
			sql:  []string{`UPDATE counters SET last = last + 1 WHERE kind = 'estimate'`},
			want: []string{"estimate counter of fiscal year 2026 stands at"},
		},
		{
			name: "a contract counter without contracts",
			sql:  []string{`INSERT INTO counters (kind, fiscal_year, last) VALUES ('contract', 2019, 2)`},
			want: []string{"contract counter of fiscal year 2019 stands at 2, but the highest number is 0"},
		},
		{
			name: "a missing counter",
			sql:  []string{`DELETE FROM counters WHERE kind = 'credit_note'`},
			want: []string{"credit_note counter of fiscal year 2026 is missing"},
		},
		{
			name: "a stored total that its lines do not give",
			sql: []string{`DROP TRIGGER documents_frozen`,
				`UPDATE documents SET total = total + 1 WHERE id = ` + issuedDN},
			want: []string{"stored subtotal", "check.document_changed"},
		},
		{
			name: "a stored tax row that its lines do not give",
			sql: []string{`DROP TRIGGER document_taxes_frozen_update`,
				`UPDATE document_taxes SET tax = tax - 1, gross = gross - 1 WHERE document_id = ` + issuedDN},
			want: []string{"stored tax rows", "check.document_changed"},
		},
		{
			name: "a line amount that quantity and price do not give",
			sql: []string{`DROP TRIGGER document_lines_frozen_update`,
				`UPDATE document_lines SET quantity = quantity + 1000
					WHERE id = (SELECT min(id) FROM document_lines WHERE document_id = ` + issuedDN + `)`},
			want: []string{"line ", "check.document_changed"},
		},
		{
			name: "lines changed under an issued document",
			sql: []string{`DROP TRIGGER document_lines_frozen_delete`,
				`DELETE FROM document_lines WHERE id = (SELECT max(id) FROM document_lines WHERE document_id = ` + issuedDN + `)`},
			want: []string{"stored subtotal", "stored tax rows", "check.document_changed"},
		},
		{
			name: "a delivery note on two invoices",
			sql: []string{`DROP TRIGGER document_links_frozen_insert`,
				`INSERT INTO document_links (source_id, target_id) VALUES (` + invoicedDN + `, ` + otherInvoice + `)`},
			want: []string{"is invoiced 2 times", "check.document_changed [I-"},
		},
		{
			name: "a delivery note line on two invoices",
			sql: []string{`DROP TRIGGER document_lines_frozen_update`,
				`UPDATE document_lines SET source_line_id =
					(SELECT min(id) FROM document_lines WHERE document_id = ` + invoicedDN + `)
					WHERE id = (SELECT min(id) FROM document_lines WHERE document_id = ` + otherInvoice + `)`},
			want: []string{"line 1 of delivery note", "check.document_changed [I-"},
		},
		{
			name: "a draft taking an invoiced delivery note counts",
			sql: []string{`INSERT INTO document_links (source_id, target_id)
				VALUES (` + invoicedDN + `, (SELECT id FROM documents WHERE kind = 'invoice' AND status = 'draft' LIMIT 1))`},
			want: []string{"draft #"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := copyFile(t, good)
			corrupt(t, path, tc.sql...)
			st := openTestStore(t, path)
			v, err := st.Check(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if len(v) != len(tc.want) && !strings.HasPrefix(tc.want[0], "integrity_check") {
				t.Fatalf("got %d violations, want %d: %q", len(v), len(tc.want), v.Strings())
			}
			if len(v) == 0 {
				t.Fatal("no violation reported")
			}
			for i, w := range tc.want {
				if i < len(v) && !strings.Contains(v[i].String(), w) {
					t.Errorf("violation %d = %q, want it to contain %q", i, v[i], w)
				}
			}
		})
	}
}

// TestCheckGoodLedgerAfterEveryKindOfChange: a ledger changed only through
// the store passes (the good ledger itself is checked by goodLedger; here a
// void and a reissue are added on top).
func TestCheckAfterVoid(t *testing.T) {
	st := openTestStore(t, copyFile(t, goodLedger(t)))
	var id int64
	if err := st.DB().QueryRow(`SELECT d.id FROM documents d JOIN invoice_balances b ON b.invoice_id = d.id
		WHERE b.paid = 0 AND b.credited = 0 AND NOT EXISTS (SELECT 1 FROM document_links l WHERE l.source_id = d.id)
		ORDER BY d.id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := st.Void(t.Context(), id, "typo"); err != nil {
		t.Fatal(err)
	}
	if v, err := st.Check(t.Context()); err != nil || len(v) > 0 {
		t.Fatalf("after a void: %q, %v", v, err)
	}
}
