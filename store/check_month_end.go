package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
)

// The month-end records' part of check's snapshot rule (check_records.go,
// month_end_chain.go): each closing invoice's row of an issued invoice, and
// each opening balance, hashes to what its last audit row recorded. A draft
// closing invoice's row is compared only once the chain holds it.

// monthEndHash is a closing invoice's or an opening balance's row hash as it
// is now, keyed by its invoice's id.
type monthEndHash struct {
	id       int64
	required bool // its invoice is issued: the chain must hold it
	hash     [32]byte
}

// hashMonthEnd hashes every row of the kind's table, in invoice id order.
func hashMonthEnd(ctx context.Context, q queryer, kind string) ([]monthEndHash, error) {
	query := `SELECT document_id, (SELECT status FROM documents d WHERE d.id = closing_invoices.document_id) <> 'draft',
		` + closingEncoding() + ` FROM closing_invoices ORDER BY document_id`
	if kind == recordOpening {
		query = `SELECT document_id, true, ` + openingEncoding() + ` FROM opening_balances ORDER BY document_id`
	}
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out []monthEndHash
		row sql.RawBytes
	)
	for rows.Next() {
		var h monthEndHash
		var required sql.NullBool // NULL: no such invoice (check reports the row as changed or unrecorded)
		if err := rows.Scan(&h.id, &required, &row); err != nil {
			return nil, err
		}
		h.required = !required.Valid || required.Bool
		h.hash = sha256.Sum256(row)
		out = append(out, h)
	}
	return out, rows.Err()
}

// compareMonthEnd compares the kind's rows with the chain, naming a closing
// invoice's row by its invoice, customer and closing date, and an opening
// balance by its invoice, customer, as-of date and amount.
func (c *recordCheck) compareMonthEnd(kind string, hashes []monthEndHash) error {
	k := recordKindIndex([]byte(kind))
	for _, h := range hashes {
		if _, held := c.chain.snaps[k][h.id]; !h.required && !held {
			continue
		}
		reason, row := c.snapshot(k, h.id, h.hash)
		if reason == "" {
			continue
		}
		args, err := c.monthEndName(kind, h.id)
		if err != nil {
			return err
		}
		if err := c.report(reason, row, args...); err != nil {
			return err
		}
	}
	return nil
}

// monthEndName is what a message says of a month-end record.
func (c *recordCheck) monthEndName(kind string, id int64) ([]any, error) {
	var number, code, date string
	var amount Money
	query := `SELECT coalesce(d.number, '#' || r.document_id), coalesce(cu.code, ''), r.closing_date, 0
		FROM closing_invoices r LEFT JOIN documents d ON d.id = r.document_id
		LEFT JOIN customers cu ON cu.id = r.customer_id WHERE r.document_id = ?`
	if kind == recordOpening {
		query = `SELECT coalesce(d.number, '#' || r.document_id), coalesce(cu.code, ''), coalesce(d.issue_date, ''),
			coalesce(d.total, 0)
			FROM opening_balances r LEFT JOIN documents d ON d.id = r.document_id
			LEFT JOIN customers cu ON cu.id = d.customer_id WHERE r.document_id = ?`
	}
	if err := c.q.QueryRowContext(c.ctx, query, id).Scan(&number, &code, &date, &amount); err != nil {
		return nil, err
	}
	if kind == recordOpening {
		return []any{number, code, date, amount.Format(c.currency)}, nil
	}
	return []any{number, code, date}, nil
}

// keyedByDocument reports whether a kind's records are keyed by their
// document's id, so a gone one is named by the number its audit row noted.
func keyedByDocument(kind string) bool {
	return kind == recordDocument || kind == recordClosing || kind == recordOpening
}
