package store

import (
	"fmt"
	"strconv"
)

// sealAuditLog is the Go step of migration audit_chain: it chains the rows
// written before the log was a chain, and adds a "seal" row for every record
// the chain must snapshot (issued documents, payments) that no row
// snapshots yet. What a ledger holds when it is
// upgraded is taken as true: the chain proves what happens to it from then
// on. It runs inside the migration's transaction; on a new ledger it has
// nothing to do.
func sealAuditLog(tx *Tx) error {
	// adjustments.policy comes in a later migration (bank_in_view): until
	// then the adjustments are sealed in the encoding of before it.
	var hasPolicy bool
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) > 0 FROM pragma_table_info('adjustments')
		WHERE name = 'policy'`).Scan(&hasPolicy); err != nil {
		return err
	}
	tx.beforeAdjustmentPolicy = !hasPolicy
	defer func() { tx.beforeAdjustmentPolicy = false }()
	if _, err := tx.ExecContext(tx.ctx, `DROP TRIGGER IF EXISTS audit_log_no_update`); err != nil {
		return err
	}
	if err := tx.chainUnhashedRows(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(tx.ctx, auditNoUpdateTrigger); err != nil {
		return err
	}
	return tx.sealRecords()
}

// auditNoUpdateTrigger is migration 0001's, put back once the hashes are in.
const auditNoUpdateTrigger = `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END`

// chainUnhashedRows computes the hash of every row from the first one that
// has none, in id order, a thousand rows at a time, from the rows' encoding
// in SQL as check reads it.
func (tx *Tx) chainUnhashedRows() error {
	ctx := tx.ctx
	var from int64
	err := tx.QueryRowContext(ctx, `SELECT coalesce(min(id), 0) FROM audit_log WHERE hash IS NULL`).Scan(&from)
	if err != nil || from == 0 {
		return err
	}
	var prev []byte
	err = tx.QueryRowContext(ctx, `SELECT (SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1)`,
		from).Scan(&prev)
	if err != nil {
		return err
	}
	update, err := tx.PrepareContext(ctx, `UPDATE audit_log SET hash = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer update.Close()
	type unhashed struct {
		id       int64
		encoding []byte
	}
	last := from - 1
	for {
		rows, err := tx.QueryContext(ctx, `SELECT id, `+auditEncoding()+` FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000`, last)
		if err != nil {
			return err
		}
		var batch []unhashed
		for rows.Next() {
			var r unhashed
			if err := rows.Scan(&r.id, &r.encoding); err != nil {
				rows.Close()
				return err
			}
			batch = append(batch, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if len(batch) == 0 {
			return nil
		}
		for _, r := range batch {
			sum := chainHash(prev, r.encoding)
			prev = sum[:]
			if _, err := update.ExecContext(ctx, prev, r.id); err != nil {
				return err
			}
		}
		last = batch[len(batch)-1].id
	}
}

// sealRecords appends a seal row for each record no row snapshots.
func (tx *Tx) sealRecords() error {
	stmts := newStmtCache(tx)
	defer stmts.close()
	for _, k := range []struct{ kind, query string }{
		{recordDocument, `SELECT id, coalesce(number, '') FROM documents WHERE status <> 'draft'`},
		{recordPayment, `SELECT id, '' FROM payments WHERE true`},
	} {
		rows, err := tx.QueryContext(tx.ctx, k.query+` AND id NOT IN (SELECT record_id FROM audit_log WHERE record = ?)
			ORDER BY id`, k.kind)
		if err != nil {
			return fmt.Errorf("sealing the %ss: %w", k.kind, err)
		}
		type unsealed struct {
			id     int64
			number string
		}
		var todo []unsealed
		for rows.Next() {
			var u unsealed
			if err := rows.Scan(&u.id, &u.number); err != nil {
				rows.Close()
				return err
			}
			todo = append(todo, u)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, u := range todo {
			var after any
			if u.number != "" {
				after = map[string]string{"number": u.number}
			}
			if err := tx.appendAudit(stmts, stmts.exec, auditEntry{action: "seal", entity: k.kind,
				entityID: strconv.FormatInt(u.id, 10), after: after, record: k.kind, recordID: u.id}); err != nil {
				return err
			}
		}
	}
	return nil
}
