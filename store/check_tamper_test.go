package store_test

import (
	"database/sql"
	"fmt"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
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
	tests := []tamperCase{
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
	runTamperCases(t, good, tests)
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

// monthEndLedger is the good ledger with the month-end records of issue 16:
// a closing run on 2026-11-20, issued (C0020, carry-forward); one on
// 2026-11-30 kept as drafts, of which C0017's (carry-forward) is issued
// afterwards with Issue; and an opening balance of C0002. It checks clean.
func monthEndLedger(t *testing.T) string {
	t.Helper()
	path := copyFile(t, goodLedger(t))
	st := openTestStore(t, path)
	ctx := t.Context()
	if _, err := st.RunClosing(ctx, storetest.Date("2026-11-20"), true); err != nil {
		t.Fatal(err)
	}
	plan, err := st.RunClosing(ctx, storetest.Date("2026-11-30"), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Invoices {
		if p.Customer.Code == "C0017" {
			if _, err := st.Issue(ctx, p.Invoice.ID, 1); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := st.ImportOpeningBalances(ctx, []store.OpeningBalance{{CustomerCode: "C0002",
		AsOf: storetest.Date("2026-03-31"), Amount: 120000, Reference: "旧-0042"}}, nil); err != nil {
		t.Fatal(err)
	}
	if v, err := st.Check(ctx); err != nil || len(v) > 0 {
		t.Fatalf("the month-end ledger: %q, %v", v.Strings(), err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCheckNamesMonthEndTampering: the closing run's records and the opening
// balances are in the audit chain too (issue 16): an edit of either with
// sqlite3's means is named by check.
func TestCheckNamesMonthEndTampering(t *testing.T) {
	good := monthEndLedger(t)
	opening := rawString(t, good, `SELECT document_id FROM opening_balances`)
	openingNumber := rawString(t, good, `SELECT number FROM documents WHERE id = `+opening)
	ranIssued := rawString(t, good, `SELECT document_id FROM closing_invoices WHERE closing_date = '2026-11-20'`)
	ranNumber := rawString(t, good, `SELECT number FROM documents WHERE id = `+ranIssued)
	issuedLater := rawString(t, good, `SELECT ci.document_id FROM closing_invoices ci JOIN customers c ON c.id = ci.customer_id
		WHERE c.code = 'C0017' AND ci.closing_date = '2026-11-30'`)
	laterNumber := rawString(t, good, `SELECT number FROM documents WHERE id = `+issuedLater)
	plain := rawString(t, good, `SELECT min(id) FROM documents WHERE kind = 'invoice' AND status = 'issued'
		AND id NOT IN (SELECT document_id FROM opening_balances) AND id NOT IN (SELECT document_id FROM closing_invoices)`)
	plainNumber := rawString(t, good, `SELECT number FROM documents WHERE id = `+plain)

	openingChanged := "check.opening_changed [" + openingNumber + " C0002 2026-03-31 "
	tests := []tamperCase{
		{
			name: "an opening balance's amount raised, with its invoice's lines, taxes, totals and balance",
			sql: []string{`DROP TRIGGER document_lines_frozen_update`, `DROP TRIGGER document_taxes_frozen_update`,
				`DROP TRIGGER documents_frozen`,
				`UPDATE document_lines SET unit_price = unit_price + 10000, amount = amount + 10000 WHERE document_id = ` + opening,
				`UPDATE document_taxes SET net = net + 10000, gross = gross + 10000 WHERE document_id = ` + opening,
				`UPDATE documents SET subtotal = subtotal + 10000, total = total + 10000 WHERE id = ` + opening,
				`UPDATE invoice_balances SET total = total + 10000 WHERE invoice_id = ` + opening},
			want: []string{"check.document_changed [" + openingNumber + " ", openingChanged + "¥130,000 "},
		},
		{
			name: "an opening balance's reference changed",
			sql: []string{`DROP TRIGGER opening_balances_no_update`,
				`UPDATE opening_balances SET reference = '旧-0043' WHERE document_id = ` + opening},
			want: []string{openingChanged + "¥120,000 "},
		},
		{
			name: "an opening balance unmarked",
			sql: []string{`DROP TRIGGER opening_balances_no_delete`,
				`DELETE FROM opening_balances WHERE document_id = ` + opening},
			// Out of its series, which check names too.
			want: []string{"opening_balance counter of fiscal year 2025 stands at 1, but the highest number is 0",
				"check.opening_missing [" + openingNumber + " "},
		},
		{
			name: "an ordinary invoice marked as an opening balance",
			sql: []string{`INSERT INTO opening_balances (document_id, reference, created_at)
				VALUES (` + plain + `, '', '2026-11-20T09:30:00Z')`},
			want: []string{"check.opening_unrecorded [" + plainNumber + " "},
		},
		{
			name: "a closing run's carry-forward figures changed (issued by the run)",
			sql: []string{`DROP TRIGGER closing_invoices_no_update`,
				`UPDATE closing_invoices SET previous_billed = previous_billed + 1000, carried = carried + 1000
					WHERE document_id = ` + ranIssued},
			want: []string{"check.closing_changed [" + ranNumber + " C0020 2026-11-20 "},
		},
		{
			name: "a closing run's carry-forward figures changed (draft issued later)",
			sql: []string{`DROP TRIGGER closing_invoices_no_update`,
				`UPDATE closing_invoices SET received = received + 1, carried = carried - 1 WHERE document_id = ` + issuedLater},
			want: []string{"check.closing_changed [" + laterNumber + " C0017 2026-11-30 "},
		},
		{
			name: "a closing run's record deleted",
			sql:  []string{`DELETE FROM closing_invoices WHERE document_id = ` + ranIssued},
			want: []string{"check.closing_missing [" + ranNumber + " "},
		},
	}
	runTamperCases(t, good, tests)
}

// TestMonthEndRecordsSealAnOlderLedger: a ledger written before the month-end
// records were in the chain (an opening balance and an issued invoice's
// closing-run row without audit rows of their own, and opening_balances
// without its series) has them sealed once when it is opened (migration
// month_end_chain), each as it stands; a draft's closing-run row is left
// out, as drafts are. It then checks clean, and an edit made afterwards is
// caught.
func TestMonthEndRecordsSealAnOlderLedger(t *testing.T) {
	path := copyFile(t, goodLedger(t))
	st := openTestStore(t, path)
	if _, err := st.RunClosing(t.Context(), storetest.Date("2026-11-30"), false); err != nil { // drafts only
		t.Fatal(err)
	}
	st.Close()
	plain := `SELECT id FROM documents WHERE kind = 'invoice' AND status = 'issued'
		AND id NOT IN (SELECT document_id FROM closing_invoices) ORDER BY id LIMIT 1 OFFSET `
	opening, closed := rawString(t, path, plain+"0"), rawString(t, path, plain+"1")
	openingNumber := rawString(t, path, `SELECT number FROM documents WHERE id = `+opening)
	// Back to the schema before, and the rows as the version before wrote them.
	corrupt(t, path, `DROP TRIGGER opening_balances_no_update`, `DROP TRIGGER opening_balances_no_delete`,
		`ALTER TABLE opening_balances DROP COLUMN seq`,
		`DELETE FROM schema_migrations WHERE name LIKE '%_month_end_chain.sql'`,
		`INSERT INTO opening_balances (document_id, reference, created_at) VALUES (`+opening+`, '旧-0001', '2026-04-01T00:00:00Z')`,
		`INSERT INTO closing_invoices (document_id, customer_id, closing_date, style, created_at)
			SELECT id, customer_id, issue_date, 'simple', '2026-10-31T00:00:00Z' FROM documents WHERE id = `+closed)
	before := rawString(t, path, `SELECT count(*) FROM audit_log`)

	st = openTestStore(t, path)
	if v, err := st.Check(t.Context()); err != nil || len(v) > 0 {
		t.Fatalf("after the upgrade: %q, %v", v.Strings(), err)
	}
	var seals, all int
	var seq sql.NullInt64
	if err := st.DB().QueryRow(`SELECT count(*) FILTER (WHERE action = 'seal' AND record IN ('closing_invoice', 'opening_balance')),
		count(*), (SELECT seq FROM opening_balances) FROM audit_log`).Scan(&seals, &all, &seq); err != nil {
		t.Fatal(err)
	}
	if seals != 2 || fmt.Sprint(all-seals) != before || seq.Valid {
		t.Errorf("%d month-end seals (want 2: the opening balance and the issued invoice's row, not the drafts'), "+
			"%d rows in all (want %s before them), seq %v (want NULL: the old number stays)", seals, all, before, seq)
	}
	st.Close()

	corrupt(t, path, `DROP TRIGGER opening_balances_no_update`,
		`UPDATE opening_balances SET reference = '旧-0002' WHERE document_id = `+opening)
	st = openTestStore(t, path)
	v, err := st.Check(t.Context())
	if err != nil || len(v) != 1 || !strings.HasPrefix(v[0].String(), "check.opening_changed ["+openingNumber+" ") {
		t.Fatalf("after changing the opening balance's reference: %q, %v", v.Strings(), err)
	}
}

// tamperCase is one way of making a good ledger lie: the SQL run on a copy
// of it (triggers dropped as needed) and the violations check must report,
// in order, each containing its string.
type tamperCase struct {
	name string
	sql  []string
	want []string
}

// runTamperCases runs each case on its own copy of the ledger at good.
func runTamperCases(t *testing.T, good string, tests []tamperCase) {
	t.Helper()
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
