package store

import (
	"context"
	"fmt"
	"strings"
)

// Violation is one broken ledger rule: it means a bug, or a file changed by
// another program, never a user's mistake. The rules that name a record for
// the bookkeeper (what the audit chain proves, check_chain.go) give a
// message key, as a store Error does: the catalogs in tui/i18n say it in
// the user's language (err.<Reason>, with Args; when Field is set, its label
// comes first). The older rules, phrased in SQL for a developer or a
// support person, give a plain English sentence in Text.
type Violation struct {
	Reason string
	Field  string
	Args   []any
	Text   string
}

// String is the sentence for rules phrased in SQL, and the key with its
// arguments for the others (as Error.Error is).
func (v Violation) String() string {
	if v.Reason == "" {
		return v.Text
	}
	args := v.Args
	if v.Field != "" {
		args = append([]any{v.Field}, args...)
	}
	return fmt.Sprintf("%s %v", v.Reason, args)
}

// Violations lists broken ledger rules.
type Violations []Violation

func (v Violations) Error() string {
	switch len(v) {
	case 0:
		return "no violations"
	case 1:
		return "ledger invariant broken: " + v[0].String()
	}
	return fmt.Sprintf("%d ledger invariants broken: %s", len(v), strings.Join(v.Strings(), "; "))
}

// Strings is every violation's String.
func (v Violations) Strings() []string {
	out := make([]string, len(v))
	for i, x := range v {
		out[i] = x.String()
	}
	return out
}

// recordSums are the sums per invoice computed from the records themselves,
// each table read once (GROUP BY), and the sums per payment.
const recordSums = `WITH
	paid (invoice_id, amount) AS (SELECT invoice_id, sum(amount) FROM allocations GROUP BY invoice_id),
	adjusted (invoice_id, amount) AS (SELECT invoice_id, sum(amount) FROM adjustments GROUP BY invoice_id),
	credited (invoice_id, amount) AS (SELECT corrects_id, sum(total) FROM documents
		WHERE corrects_id IS NOT NULL AND kind = 'credit_note' AND status = 'issued' GROUP BY corrects_id),
	allocated (payment_id, amount) AS (SELECT payment_id, sum(amount) FROM allocations GROUP BY payment_id)
`

// invariantChecks are the ledger's rules about money (ARCHITECTURE.md §4,
// Payments), each a query returning one description per violation. They run
// as one statement over the sums above.
var invariantChecks = []string{
	// Every issued invoice: 0 ≤ open = total − Σ allocations − Σ adjustments
	// − Σ credits ≤ total, from the records; and the cached sums the lists
	// read (invoice_balances) say the same.
	`SELECT CASE WHEN r.open < 0
		THEN printf('invoice %s: open %d is below zero (total %d, paid %d, adjusted %d, credited %d)',
			r.number, r.open, r.total, r.paid, r.adjusted, r.credited)
		WHEN r.open > r.total
		THEN printf('invoice %s: open %d is more than its total %d (paid %d, adjusted %d, credited %d)',
			r.number, r.open, r.total, r.paid, r.adjusted, r.credited)
		ELSE printf('invoice %s: the balance cache (total %d, paid %d, adjusted %d, credited %d) differs from the records (total %d, paid %d, adjusted %d, credited %d)',
			r.number, b.total, b.paid, b.adjusted, b.credited, r.total, r.paid, r.adjusted, r.credited) END
	FROM (SELECT d.id, coalesce(d.number, '#' || d.id) AS number, d.customer_id, d.issue_date, d.due_date, d.total,
			coalesce(p.amount, 0) AS paid, coalesce(j.amount, 0) AS adjusted, coalesce(k.amount, 0) AS credited,
			d.total - coalesce(p.amount, 0) - coalesce(j.amount, 0) - coalesce(k.amount, 0) AS open
		FROM documents d LEFT JOIN paid p ON p.invoice_id = d.id LEFT JOIN adjusted j ON j.invoice_id = d.id
		LEFT JOIN credited k ON k.invoice_id = d.id
		WHERE d.kind = 'invoice' AND d.status = 'issued') r
	LEFT JOIN invoice_balances b ON b.invoice_id = r.id
	WHERE r.open < 0 OR r.open > r.total OR b.invoice_id IS NULL OR b.total <> r.total OR b.paid <> r.paid OR b.adjusted <> r.adjusted
		OR b.credited <> r.credited OR b.customer_id <> r.customer_id OR b.due_date <> r.due_date
		OR b.issue_date <> r.issue_date OR b.number <> r.number`,
	// (NOT IN a list of the issued invoices' ids: looking each balance's
	// document up in its table instead was a third of this statement's time.)
	`SELECT printf('the balance cache has document %s, a %s %s', coalesce(d.number, '#' || b.invoice_id),
		coalesce(d.status, 'missing'), coalesce(d.kind, 'document'))
	FROM invoice_balances b LEFT JOIN documents d ON d.id = b.invoice_id
	WHERE b.invoice_id NOT IN (SELECT id FROM documents WHERE kind = 'invoice' AND status = 'issued')`,
	// What is paid on a document is never negative, and only issued invoices
	// carry payments (a void one only with its allocations reversed).
	`SELECT printf('document %s (%s, %s): payments allocated sum to %d',
		coalesce(d.number, '#' || d.id), d.kind, d.status, p.amount)
	FROM paid p JOIN documents d ON d.id = p.invoice_id
	WHERE p.amount < 0 OR (p.amount <> 0 AND (d.kind <> 'invoice' OR d.status <> 'issued'))`,
	// Adjustments close issued (or since voided) invoices only.
	`SELECT printf('adjustment #%d is on document %s, a %s %s', a.id, coalesce(d.number, '#' || d.id), d.status, d.kind)
	FROM adjustments a JOIN documents d ON d.id = a.invoice_id
	WHERE d.kind <> 'invoice' OR d.status NOT IN ('issued', 'void')`,
	// Every payment: 0 ≤ Σ allocations ≤ amount; a reversal record and a
	// reversed payment keep none.
	`SELECT printf('payment #%d: allocated %d of %d', p.id, s.amount, p.amount)
	FROM payments p JOIN allocated s ON s.payment_id = p.id
	WHERE s.amount < 0 OR s.amount > p.amount
		OR (s.amount <> 0 AND (p.reverses_id IS NOT NULL OR EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)))`,
	// An allocation puts a payment on an invoice of the payment's customer.
	`SELECT printf('allocation #%d: payment #%d of customer #%d is allocated to %s of customer #%d',
		a.id, p.id, p.customer_id, coalesce(d.number, '#' || d.id), d.customer_id)
	FROM allocations a JOIN payments p ON p.id = a.payment_id JOIN documents d ON d.id = a.invoice_id
	WHERE a.reverses_id IS NULL AND d.customer_id <> p.customer_id`,
	// Reversals point at an existing record that is not itself a reversal,
	// and mirror it.
	`SELECT printf('payment #%d reverses payment #%d, which does not exist, is a reversal or differs', r.id, r.reverses_id)
	FROM payments r LEFT JOIN payments o ON o.id = r.reverses_id
	WHERE r.reverses_id IS NOT NULL AND (o.id IS NULL OR o.reverses_id IS NOT NULL OR o.amount <> -r.amount
		OR o.customer_id <> r.customer_id)`,
	`SELECT printf('allocation #%d reverses allocation #%d, which does not exist, is a reversal or differs', r.id, r.reverses_id)
	FROM allocations r LEFT JOIN allocations o ON o.id = r.reverses_id
	WHERE r.reverses_id IS NOT NULL AND (o.id IS NULL OR o.reverses_id IS NOT NULL OR o.amount <> -r.amount
		OR o.payment_id <> r.payment_id OR o.invoice_id <> r.invoice_id)`,
	// An allocation counts from its payment's date; its reversal from the
	// same day (a correction) or from the payment reversal's date (the money
	// went back): migration 0011. Any other date would move a past position.
	`SELECT printf('allocation #%d counts from %s, not from its payment''s date %s', a.id, a.date, p.date)
	FROM allocations a JOIN payments p ON p.id = a.payment_id
	WHERE a.reverses_id IS NULL AND a.date <> p.date`,
	`SELECT printf('allocation #%d counts from %s, neither from its allocation''s day %s nor from its payment''s reversal (%s)',
		r.id, r.date, o.date, coalesce(pr.date, 'none'))
	FROM allocations r JOIN allocations o ON o.id = r.reverses_id LEFT JOIN payments pr ON pr.reverses_id = r.payment_id
	WHERE r.date <> o.date AND r.date IS NOT pr.date`,
	// Every yen of a bank file is on an invoice or a customer's credit (a
	// matched line: one live payment that names it; a changed amount is the
	// audit chain's to name), held,
	// marked not a payment, or open on the reconciliation screen — never on
	// a reversed payment, where it would be nowhere (issue 14).
	`SELECT printf('bank line #%d is matched to payment #%s, which %s', l.id, coalesce(l.payment_id, 'none'),
		CASE WHEN p.id IS NULL THEN 'does not exist' WHEN p.bank_line_id IS NOT l.id THEN 'names another bank line'
		ELSE 'is reversed' END)
	FROM bank_lines l LEFT JOIN payments p ON p.id = l.payment_id
	WHERE l.state = 'matched' AND (p.id IS NULL OR p.bank_line_id IS NOT l.id
		OR EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id))`,
	`SELECT printf('payment #%d came from bank line #%d, which is %s', p.id, p.bank_line_id,
		coalesce(l.state || iif(l.state = 'matched', printf(' to payment #%d', l.payment_id), ''), 'missing'))
	FROM payments p LEFT JOIN bank_lines l ON l.id = p.bank_line_id
	WHERE p.bank_line_id IS NOT NULL AND p.reverses_id IS NULL
		AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)
		AND (l.id IS NULL OR l.state <> 'matched' OR l.payment_id <> p.id)`,
	// The signs (a record positive, its reversal negative, an adjustment
	// positive) are the tables' CHECK constraints, which no write escapes.
}

// invariantQuery is every check in one statement, put together when check
// runs rather than at every start-up (lazy.go).
func invariantQuery() string {
	return recordSums + strings.Join(invariantChecks, "\nUNION ALL\n")
}

// CheckInvariants checks the money invariants over the whole ledger and
// returns every violation (a Violations list), or nil.
func (s *Store) CheckInvariants(ctx context.Context) error {
	v, err := queryViolations(ctx, s.db, invariantQuery())
	if err != nil {
		return err
	}
	if len(v) == 0 {
		return nil
	}
	return v
}

// queryViolations runs a query whose rows are one violation sentence each.
func queryViolations(ctx context.Context, q queryer, query string, args ...any) (Violations, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var v Violations
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return nil, err
		}
		v = append(v, Violation{Text: msg})
	}
	return v, rows.Err()
}
