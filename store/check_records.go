package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
)

// The snapshot rule of Check: each issued document and each payment hashes
// (record_hash.go) to what the last audit row about it recorded, every such
// record is in the chain, and every record the chain holds still exists.
// The records are hashed in one of checkLedger's transactions
// (checkDocuments, hashPayments) while the chain is read in the other; then
// compared here.

// recordCheck is the snapshot rule's state.
type recordCheck struct {
	ctx      context.Context
	q        queryer
	chain    *chainScan
	currency Currency
	v        Violations
}

func newRecordCheck(ctx context.Context, q queryer, chain *chainScan) (*recordCheck, error) {
	c := &recordCheck{ctx: ctx, q: q, chain: chain, currency: JPY}
	var code string
	if err := q.QueryRowContext(ctx, `SELECT currency FROM company WHERE id = 1`).Scan(&code); err == nil {
		if cur, ok := CurrencyByCode(code); ok {
			c.currency = cur
		}
	} else if !isNoRows(err) {
		return nil, err
	}
	return c, nil
}

// snapshot compares a record's hash now with its last snapshot in the chain,
// which it takes out of the chain's map (what is left there at the end no
// longer exists). It returns the reason to report ("" none) and the row.
func (c *recordCheck) snapshot(kind int, id int64, now [32]byte) (reason string, row int64) {
	snap, ok := c.chain.snaps[kind][id]
	if !ok {
		return recordReasons[kind].unrecorded, 0
	}
	delete(c.chain.snaps[kind], id)
	if snap.hash != now {
		return recordReasons[kind].changed, snap.row
	}
	return "", 0
}

// report adds a violation; args name the record, and a changed record is
// followed by the audit row that recorded it, and when.
func (c *recordCheck) report(reason string, row int64, args ...any) error {
	if row != 0 {
		at, err := auditRowAt(c.ctx, c.q, row)
		if err != nil {
			return err
		}
		args = append(args, row, at)
	}
	c.v = append(c.v, Violation{Reason: reason, Args: args})
	return nil
}

// compareDocuments compares the documents' hashes with the chain: every
// issued document must be there and as recorded, and so must a draft the
// chain holds (an issued document made a draft again).
func (c *recordCheck) compareDocuments(docs []docHash) error {
	for _, d := range docs {
		if !d.issued {
			if _, held := c.chain.snaps[0][d.id]; !held {
				continue
			}
		}
		if reason, row := c.snapshot(0, d.id, d.hash); reason != "" {
			if err := c.report(reason, row, d.name); err != nil {
				return err
			}
		}
	}
	return nil
}

// paymentHash is a payment's hash as it is now, with its allocations.
type paymentHash struct {
	id   int64
	hash [32]byte
}

// hashPayments hashes every payment with its allocations, in id order: the
// allocations are read first, in one scan, and sorted by payment.
func hashPayments(ctx context.Context, q queryer) ([]paymentHash, error) {
	allocations, err := readGrouped(ctx, q, `SELECT concat(payment_id, ';', `+allocationEncoding()+`) FROM allocations`)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT `+paymentEncoding()+` FROM payments ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		row  sql.RawBytes
		out  []paymentHash
		buf  canonical
		mine [][]byte
	)
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, err
		}
		r := canonReader{b: row}
		r.text() // "payment"
		h := paymentHash{id: r.int()}
		mine = allocations.take(h.id, mine)
		h.hash, buf = hashPayment(row, mine, buf)
		out = append(out, h)
	}
	return out, rows.Err()
}

// comparePayments compares the payments with the chain.
func (c *recordCheck) comparePayments(hashes []paymentHash) error {
	for _, h := range hashes {
		reason, row := c.snapshot(1, h.id, h.hash)
		if reason == "" {
			continue
		}
		var (
			date   string
			amount Money
		)
		if err := c.q.QueryRowContext(c.ctx, `SELECT date, amount FROM payments WHERE id = ?`, h.id).
			Scan(&date, &amount); err != nil {
			return err
		}
		if err := c.report(reason, row, h.id, date, amount.Format(c.currency)); err != nil {
			return err
		}
	}
	return nil
}

// missing reports the records the chain holds that no longer exist, named
// as the last audit row about them names them.
func (c *recordCheck) missing() error {
	for k, snaps := range c.chain.snaps {
		ids := make([]int64, 0, len(snaps))
		for id := range snaps {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			row := snaps[id].row
			var at, before, after string
			if err := c.q.QueryRowContext(c.ctx, `SELECT at, before, after FROM audit_log WHERE id = ?`, row).
				Scan(&at, &before, &after); err != nil {
				return err
			}
			name := "#" + itoa(id)
			if keyedByDocument(recordKinds[k]) { // the document's number the row recorded
				var doc struct {
					Number string `json:"number"`
				}
				for _, j := range []string{after, before} {
					if json.Unmarshal([]byte(j), &doc) == nil && doc.Number != "" {
						name = doc.Number
						break
					}
				}
			}
			c.v = append(c.v, Violation{Reason: recordReasons[k].missing, Args: []any{name, row, at}})
		}
	}
	return nil
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
