package store

import (
	"context"
	"encoding/json"
	"slices"
	"strconv"
)

// The records' part of Check. Every table the ledger's money rests on is
// read once, in a plain scan in storage order (reading in document order
// instead goes through an index and looks every row up in its table — on
// the large demo, 300,000 lines, most of the check's time), and joined in
// memory. From one reading come:
//   - the totals rule (check_totals.go): an issued document's lines still
//     give its stored totals and tax rows;
//   - the snapshot rule: each issued document, payment, allocation and
//     adjustment hashes (record_hash.go) to what the last audit row about it
//     recorded, every such record is in the chain, and every record the
//     chain holds still exists;
//   - the bounds rule: no date of the ledger outside checkDateMin…checkDateMax.

// The dates a ledger may hold (ARCHITECTURE.md §4, Bounds).
const (
	checkDateMin = "2000-01-01"
	checkDateMax = "2099-12-31"
)

func dateOutOfBounds(d string) bool {
	return d != "" && (d < checkDateMin || d > checkDateMax)
}

// recordCheck holds what one Check has read so far.
type recordCheck struct {
	ctx      context.Context
	q        queryer
	chain    *chainScan
	currency Currency
	v        Violations
	buf      canonical
}

// checkRecords runs the totals, snapshot and bounds rules in q (one read
// transaction: one consistent snapshot).
func checkRecords(ctx context.Context, q queryer) (Violations, error) {
	chain, err := scanAuditChain(ctx, q)
	if err != nil {
		return nil, err
	}
	c := &recordCheck{ctx: ctx, q: q, chain: chain, currency: JPY, v: chain.v}
	var code string
	if err := q.QueryRowContext(ctx, `SELECT currency FROM company WHERE id = 1`).Scan(&code); err == nil {
		if cur, ok := CurrencyByCode(code); ok {
			c.currency = cur
		}
	} else if !isNoRows(err) {
		return nil, err
	}
	if err := c.documents(); err != nil {
		return nil, err
	}
	for _, t := range []flatTable{paymentRecords, allocationRecords, adjustmentRecords} {
		if err := c.flat(t); err != nil {
			return nil, err
		}
	}
	if err := c.missing(); err != nil {
		return nil, err
	}
	return c.v, nil
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

// report adds the violation of record kind; args name the record, and a
// changed record is followed by the audit row that recorded it, and when.
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

// flat checks every row of an append-only table against the chain, and the
// dates of payments and adjustments against the bounds.
func (c *recordCheck) flat(t flatTable) error {
	kind := slices.Index(recordKinds[:], t.kind)
	rows, err := c.q.QueryContext(c.ctx, `SELECT `+t.columns+` FROM `+t.table+` ORDER BY id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	r := t.newRow()
	for rows.Next() {
		if err := rows.Scan(r.dest...); err != nil {
			return err
		}
		var sum [32]byte
		sum, c.buf = t.hash(r, c.buf)
		reason, row := c.snapshot(kind, r.id(), sum)
		var date string
		switch t.kind {
		case recordPayment:
			date = r.texts[2]
		case recordAdjustment:
			date = r.texts[4]
		}
		if reason == "" && !dateOutOfBounds(date) {
			continue
		}
		name, err := c.flatName(t, r)
		if err != nil {
			return err
		}
		if reason != "" {
			if err := c.report(reason, row, name...); err != nil {
				return err
			}
		}
		if dateOutOfBounds(date) {
			c.v = append(c.v, Violation{Reason: recordReasons[kind].date, Field: "date",
				Args: append(name, date, checkDateMin, checkDateMax)})
		}
	}
	return rows.Err()
}

// flatName is how a message names a payment (#id, date, amount), an
// allocation (#id, its payment, its invoice, amount) or an adjustment (#id,
// its invoice, amount).
func (c *recordCheck) flatName(t flatTable, r *flatRow) ([]any, error) {
	switch t.kind {
	case recordPayment:
		return []any{r.id(), r.texts[2], Money(r.ints[3]).Format(c.currency)}, nil
	case recordAllocation:
		inv, err := c.documentName(r.ints[2])
		return []any{r.id(), r.ints[1], inv, Money(r.ints[3]).Format(c.currency)}, err
	default:
		inv, err := c.documentName(r.ints[1])
		return []any{r.id(), inv, Money(r.ints[3]).Format(c.currency)}, err
	}
}

// documentName is a document's number (#id for a draft or a missing one).
func (c *recordCheck) documentName(id int64) (string, error) {
	var number string
	err := c.q.QueryRowContext(c.ctx, `SELECT coalesce(number, '') FROM documents WHERE id = ?`, id).Scan(&number)
	if err != nil && !isNoRows(err) {
		return "", err
	}
	if number == "" {
		return "#" + strconv.FormatInt(id, 10), nil
	}
	return number, nil
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
			name := "#" + strconv.FormatInt(id, 10)
			if k == 0 { // a document: the number the row recorded
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
