package store

import (
	"context"
	"crypto/sha256"
	"fmt"
	"strconv"
)

// The month-end records in the audit chain (issue 16's loose ends): a
// closing invoice's row (closing_invoices: the carry-forward figures the
// customer was sent) and an opening balance's row (opening_balances: which
// invoice is an opening balance, its reference and its number series). Each
// is its own kind of record, keyed by its invoice's id, hashed like an
// archive row (SHA-256 of one row's canonical encoding), so `check` names
// the closing run's record or the opening balance itself rather than only
// the invoice beside it.
//
// A closing invoice's row enters the chain when its invoice is issued (by
// the run with --issue, or later by Issue): a draft's row may still go with
// its draft, as a draft document is not in the chain either. An opening
// balance is issued at once, so its row enters the chain when it is written.

// The kinds of record (audit_log.record), and the audit rows' entities.
const (
	recordClosing = "closing_invoice"
	recordOpening = "opening_balance"
)

var (
	// A closing invoice's row: every column (none may change; a trigger
	// refuses updates).
	closingEncoding = lazyEncoding(recordClosing, intCol("document_id"), intCol("customer_id"),
		textCol("closing_date"), textCol("style"), textCol("previous_date"), intCol("previous_billed"),
		intCol("received"), intCol("adjusted"), intCol("carried"), textCol("created_at"))
	// An opening balance's row, with what makes it that balance on its
	// invoice: the customer, the as-of date (the issue date), the amount and
	// the number, so an edit of the amount names the opening balance too.
	openingEncoding = lazyEncoding(recordOpening, intCol("document_id"), textCol("reference"), intCol("seq"),
		textCol("created_at"), intCol(openingDocColumn("customer_id")), textCol(openingDocColumn("issue_date")),
		intCol(openingDocColumn("total")), textCol(openingDocColumn("number")))
)

// openingDocColumn is a column of an opening balance's invoice, in SQL on an
// opening_balances row.
func openingDocColumn(column string) string {
	return "(SELECT d." + column + " FROM documents d WHERE d.id = opening_balances.document_id)"
}

// monthEndRowQuery is the query of one record's encoding, by kind.
func monthEndRowQuery(kind string) string {
	if kind == recordOpening {
		return `SELECT ` + openingEncoding() + ` FROM opening_balances WHERE document_id = ?`
	}
	return `SELECT ` + closingEncoding() + ` FROM closing_invoices WHERE document_id = ?`
}

// monthEndRecordHash is the hash of a closing invoice's or an opening
// balance's row (recordHash's case for them).
func monthEndRecordHash(ctx context.Context, q queryer, kind string, id int64) ([32]byte, error) {
	var row []byte
	if err := q.QueryRowContext(ctx, monthEndRowQuery(kind), id).Scan(&row); err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(row), nil
}

// auditMonthEnd writes the audit row that puts a closing invoice's or an
// opening balance's row into the chain; after says what it is (its
// invoice's number among it, which check's "missing" message names).
func (tx *Tx) auditMonthEnd(action, kind string, documentID int64, after map[string]any) error {
	return tx.auditRecord(action, kind, strconv.FormatInt(documentID, 10), nil, after, kind, documentID)
}

// sealClosingOnIssue puts an issued invoice's closing-run row into the
// chain, if it has one: a draft the closing run made, issued now.
func (tx *Tx) sealClosingOnIssue(documentID int64, number string) error {
	var n int
	err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM closing_invoices WHERE document_id = ?`, documentID).Scan(&n)
	if err != nil || n == 0 {
		return err
	}
	return tx.auditMonthEnd("issue", recordClosing, documentID, map[string]any{"number": number})
}

// sealMonthEndRecords is the Go step of migration month_end_chain: the
// closing invoices' rows of issued invoices and the opening balances written
// before this version go into the chain once, as the audit_chain migration
// sealed the records of its time (sealRecords): what the ledger holds when
// it is upgraded is taken as true. On a new ledger it has nothing to do.
func sealMonthEndRecords(tx *Tx) error {
	stmts := newStmtCache(tx)
	defer stmts.close()
	for _, k := range []struct{ kind, query string }{
		{recordClosing, `SELECT ci.document_id, coalesce(d.number, '') FROM closing_invoices ci
			JOIN documents d ON d.id = ci.document_id WHERE d.status <> 'draft'`},
		{recordOpening, `SELECT ob.document_id, coalesce(d.number, '') FROM opening_balances ob
			JOIN documents d ON d.id = ob.document_id WHERE true`},
	} {
		todo, err := unsealedRecords(tx, k.query+` AND d.id NOT IN (SELECT record_id FROM audit_log WHERE record = ?)
			ORDER BY d.id`, k.kind)
		if err != nil {
			return fmt.Errorf("sealing the %s records: %w", k.kind, err)
		}
		for _, u := range todo {
			if err := tx.appendAudit(stmts, stmts.exec, auditEntry{action: "seal", entity: k.kind,
				entityID: strconv.FormatInt(u.id, 10), after: map[string]string{"number": u.number},
				record: k.kind, recordID: u.id}); err != nil {
				return err
			}
		}
	}
	return nil
}

// unsealed is a record to seal: its id and its invoice's number.
type unsealed struct {
	id     int64
	number string
}

func unsealedRecords(tx *Tx, query string, args ...any) ([]unsealed, error) {
	rows, err := tx.QueryContext(tx.ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var todo []unsealed
	for rows.Next() {
		var u unsealed
		if err := rows.Scan(&u.id, &u.number); err != nil {
			return nil, err
		}
		todo = append(todo, u)
	}
	return todo, rows.Err()
}
