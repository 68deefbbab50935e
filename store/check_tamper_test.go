package store_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"
)

// rawString runs a query returning one text on a closed database file, as
// another program would.
func rawString(t *testing.T, path, query string) string {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var s string
	if err := db.QueryRowContext(t.Context(), query).Scan(&s); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return s
}

// TestCheckNamesTampering edits a copy of a good ledger with sqlite3's
// means — triggers dropped, every figure that would give the edit away
// changed with it — in each way issue 13 lists, and expects check to fail
// and name the record. Before the audit chain, check passed after each of
// them: where the edit leaves every other rule satisfied, the chain's is
// the only violation.
func TestCheckNamesTampering(t *testing.T) {
	good := goodLedger(t)
	// An unpaid, uncredited issued invoice that no other document is made
	// from or into, and not the last of its series.
	invoice := rawString(t, good, `SELECT d.id FROM documents d JOIN invoice_balances b ON b.invoice_id = d.id
		WHERE b.paid = 0 AND b.credited = 0 AND b.adjusted = 0
		AND NOT EXISTS (SELECT 1 FROM document_links l WHERE l.source_id = d.id OR l.target_id = d.id)
		AND d.seq < (SELECT max(seq) FROM documents WHERE kind = 'invoice' AND fiscal_year = d.fiscal_year)
		ORDER BY d.id LIMIT 1`)
	number := rawString(t, good, `SELECT number FROM documents WHERE id = `+invoice)
	// The last invoice of the newest fiscal year, unpaid.
	last := rawString(t, good, `SELECT d.id FROM documents d JOIN invoice_balances b ON b.invoice_id = d.id
		WHERE d.kind = 'invoice' ORDER BY d.fiscal_year DESC, d.seq DESC LIMIT 1`)
	lastNumber := rawString(t, good, `SELECT number FROM documents WHERE id = `+last)
	if rawString(t, good, `SELECT paid || '/' || credited FROM invoice_balances WHERE invoice_id = `+last) != "0/0" {
		t.Fatalf("the demo's last invoice %s is paid or credited: choose another", lastNumber)
	}
	payment := rawString(t, good, `SELECT min(id) FROM payments WHERE reverses_id IS NULL`)
	issueRow := rawString(t, good, `SELECT min(id) FROM audit_log WHERE action = 'issue'`)
	issueRowDoc := rawString(t, good, `SELECT d.number FROM audit_log a JOIN documents d ON d.id = a.entity_id
		WHERE a.id = `+issueRow)
	plainRow := rawString(t, good, `SELECT min(id) FROM audit_log WHERE record = '' AND id > 100`)
	allocation := rawString(t, good, `SELECT min(id) FROM allocations WHERE reverses_id IS NULL
		AND id NOT IN (SELECT reverses_id FROM allocations WHERE reverses_id IS NOT NULL)`)
	allocationPayment := rawString(t, good, `SELECT payment_id FROM allocations WHERE id = `+allocation)
	adjusted := rawString(t, good, `SELECT d.number FROM adjustments a JOIN documents d ON d.id = a.invoice_id ORDER BY a.id LIMIT 1`)
	creditNote := rawString(t, good, `SELECT min(id) FROM documents WHERE kind = 'credit_note' AND status = 'issued'`)
	creditNumber := rawString(t, good, `SELECT number FROM documents WHERE id = `+creditNote)

	changed := "check.document_changed [" + number + " "
	tests := []struct {
		name string
		sql  []string
		want []string // the violations, in order, each containing its string
	}{
		{
			name: "an issued invoice's lines, taxes, totals and balance changed together",
			sql: []string{`DROP TRIGGER document_lines_frozen_update`, `DROP TRIGGER document_taxes_frozen_update`,
				`DROP TRIGGER documents_frozen`,
				// One more unit on each line: LineAmount still agrees.
				`UPDATE document_lines SET quantity = quantity + 1000, amount = amount + unit_price WHERE document_id = ` + invoice,
				`UPDATE document_taxes SET net = (SELECT sum(amount) FROM document_lines l
					WHERE l.document_id = document_taxes.document_id AND l.tax_rate = document_taxes.rate)
					WHERE document_id = ` + invoice,
				`UPDATE document_taxes SET tax = net * rate / 100, gross = net + net * rate / 100 WHERE document_id = ` + invoice,
				`UPDATE documents SET subtotal = (SELECT sum(net) FROM document_taxes WHERE document_id = documents.id),
					tax = (SELECT sum(tax) FROM document_taxes WHERE document_id = documents.id),
					total = (SELECT sum(gross) FROM document_taxes WHERE document_id = documents.id) WHERE id = ` + invoice,
				`UPDATE invoice_balances SET total = (SELECT total FROM documents WHERE id = invoice_id) WHERE invoice_id = ` + invoice},
			want: []string{changed},
		},
		{
			name: "the last invoice deleted and the counter lowered",
			sql: []string{`DROP TRIGGER documents_no_delete`, `DROP TRIGGER document_lines_frozen_delete`,
				`DROP TRIGGER document_taxes_frozen_delete`,
				`DELETE FROM document_lines WHERE document_id = ` + last,
				`DELETE FROM document_taxes WHERE document_id = ` + last,
				`DELETE FROM invoice_balances WHERE invoice_id = ` + last,
				`UPDATE counters SET last = last - 1 WHERE (kind, fiscal_year) = (SELECT kind, fiscal_year FROM documents WHERE id = ` + last + `)`,
				`DELETE FROM documents WHERE id = ` + last},
			want: []string{"check.document_missing [" + lastNumber + " "},
		},
		{
			name: "an invoice moved to another customer",
			sql: []string{`DROP TRIGGER documents_frozen`,
				`UPDATE documents SET customer_id = (SELECT min(c.id) FROM customers c WHERE c.id <> documents.customer_id)
					WHERE id = ` + invoice,
				`UPDATE invoice_balances SET customer_id = (SELECT customer_id FROM documents WHERE id = invoice_id)
					WHERE invoice_id = ` + invoice},
			want: []string{changed},
		},
		{
			name: "an invoice's issue date changed",
			sql: []string{`DROP TRIGGER documents_frozen`,
				`UPDATE documents SET issue_date = date(issue_date, '-1 day') WHERE id = ` + invoice,
				`UPDATE invoice_balances SET issue_date = date(issue_date, '-1 day') WHERE invoice_id = ` + invoice},
			want: []string{changed},
		},
		{
			name: "an unpaid invoice voided by SQL",
			sql: []string{`UPDATE documents SET status = 'void', voided_reason = '取消', voided_at = '2026-11-20T10:00:00Z'
				WHERE id = ` + invoice},
			want: []string{changed},
		},
		{
			name: "a payment raised",
			sql: []string{`DROP TRIGGER payments_no_update`,
				`UPDATE payments SET amount = amount + 100000 WHERE id = ` + payment},
			want: []string{"check.payment_changed [" + payment + " "},
		},
		{
			name: "an allocation deleted, the invoice's balance with it",
			sql: []string{`DROP TRIGGER allocations_no_delete`,
				`UPDATE invoice_balances SET paid = paid - (SELECT amount FROM allocations WHERE id = ` + allocation + `)
					WHERE invoice_id = (SELECT invoice_id FROM allocations WHERE id = ` + allocation + `)`,
				`DELETE FROM allocations WHERE id = ` + allocation},
			want: []string{"check.payment_changed [" + allocationPayment + " "},
		},
		{
			name: "a fee adjustment lowered, the invoice's balance with it",
			sql: []string{`DROP TRIGGER adjustments_no_update`,
				`UPDATE invoice_balances SET adjusted = adjusted - 1
					WHERE invoice_id = (SELECT invoice_id FROM adjustments ORDER BY id LIMIT 1)`,
				`UPDATE adjustments SET amount = amount - 1 WHERE id = (SELECT min(id) FROM adjustments)`},
			want: []string{"check.document_changed [" + adjusted + " "},
		},
		{
			name: "an audit row rewritten",
			sql: []string{`DROP TRIGGER audit_log_no_update`,
				`UPDATE audit_log SET actor = 'mallory' WHERE id = ` + issueRow},
			want: []string{"check.chain_broken [" + issueRow + " issue document " + issueRowDoc + " "},
		},
		{
			name: "an audit row deleted",
			sql:  []string{`DROP TRIGGER audit_log_no_delete`, `DELETE FROM audit_log WHERE id = ` + plainRow},
			want: []string{fmt.Sprintf("check.chain_broken [%s ", next(t, plainRow))},
		},
		{
			name: "a credit note moved to another customer",
			sql: []string{`DROP TRIGGER documents_frozen`,
				`UPDATE documents SET customer_id = (SELECT min(c.id) FROM customers c WHERE c.id <> documents.customer_id)
					WHERE id = ` + creditNote},
			want: []string{"check.credit_note_customer [" + creditNumber + " ", "check.document_changed [" + creditNumber + " "},
		},
		{
			name: "an invoice due in 9999",
			sql: []string{`DROP TRIGGER documents_frozen`,
				`UPDATE documents SET due_date = '9999-12-31' WHERE id = ` + invoice,
				`UPDATE invoice_balances SET due_date = '9999-12-31' WHERE invoice_id = ` + invoice},
			want: []string{"check.document_date [due_date " + number + " 9999-12-31 2000-01-01 2099-12-31]", changed},
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
			got := v.Strings()
			if len(got) != len(tc.want) {
				t.Fatalf("got %d violations, want %d:\n%s", len(got), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("violation %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}

// next is the id after id, as text.
func next(t *testing.T, id string) string {
	t.Helper()
	var n int
	if _, err := fmt.Sscan(id, &n); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(n + 1)
}

// TestAuditChainSealsAnOlderLedger: a ledger written before the audit log
// was a chain is chained when it is opened (migration audit_chain), each of
// its records sealed into the chain as it stands; it then checks clean, and
// an edit made afterwards is caught.
func TestAuditChainSealsAnOlderLedger(t *testing.T) {
	path := copyFile(t, goodLedger(t))
	// Back to the schema before the chain, with a log as it was then.
	corrupt(t, path, `ALTER TABLE audit_log DROP COLUMN record`, `ALTER TABLE audit_log DROP COLUMN record_id`,
		`ALTER TABLE audit_log DROP COLUMN record_hash`, `ALTER TABLE audit_log DROP COLUMN hash`,
		`DELETE FROM schema_migrations WHERE name LIKE '%_audit_chain.sql'`)
	rows := rawString(t, path, `SELECT count(*) FROM audit_log`)
	records := rawString(t, path, `SELECT (SELECT count(*) FROM documents WHERE status <> 'draft')
		+ (SELECT count(*) FROM payments)`)

	st := openTestStore(t, path)
	if v, err := st.Check(t.Context()); err != nil || len(v) > 0 {
		t.Fatalf("after the upgrade: %q, %v", v.Strings(), err)
	}
	var n, seals, unhashed int
	if err := st.DB().QueryRow(`SELECT count(*), count(*) FILTER (WHERE action = 'seal'), count(*) FILTER (WHERE hash = '')
		FROM audit_log`).Scan(&n, &seals, &unhashed); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(seals) != records || fmt.Sprint(n-seals) != rows || unhashed != 0 {
		t.Errorf("%d rows, %d seals, %d without a hash; want %s rows before, %s seals, none without",
			n, seals, unhashed, rows, records)
	}
	// The log is append-only again.
	if _, err := st.DB().Exec(`UPDATE audit_log SET actor = 'mallory' WHERE id = 1`); err == nil ||
		!strings.Contains(err.Error(), "append-only") {
		t.Errorf("an update of the log: %v", err)
	}
	st.Close()

	corrupt(t, path, `DROP TRIGGER payments_no_update`, `UPDATE payments SET amount = amount + 1 WHERE id = 1`)
	st = openTestStore(t, path)
	v, err := st.Check(t.Context())
	if err != nil || len(v) != 1 || !strings.HasPrefix(v[0].String(), "check.payment_changed [1 ") {
		t.Fatalf("after raising payment 1: %q, %v", v.Strings(), err)
	}
}
