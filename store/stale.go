package store

import "time"

// staleError is the refusal of a save whose record was changed by someone
// else after it was opened. It names who made the newest change and when,
// read from the audit log inside the refusing transaction, so it is the very
// change that made the form stale: "changed by hanako at 2026-11-26 09:00".
// entityID is the audit log's entity_id of the record (a customer's and a
// product's code, a document's or contract's id, "company").
//
// A record changed without an audit row (data older than the log) is
// refused all the same, with the reason that names no one.
func (tx *Tx) staleError(entity, entityID string) error {
	var at, actor string
	err := tx.QueryRowContext(tx.ctx, `SELECT at, actor FROM audit_log
		WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1`, entity, entityID).Scan(&at, &actor)
	if isNoRows(err) {
		return &Error{Code: CodeConflict, Reason: "changed_since_opened"}
	}
	if err != nil {
		return err
	}
	t, err := time.Parse(time.RFC3339Nano, at)
	if err != nil {
		return err
	}
	return &Error{Code: CodeConflict, Reason: "changed_by", Args: []any{actor, t.Local().Format(staleTimeLayout)}}
}

// staleTimeLayout is how the time of the newest change is shown: to the
// minute, in the local time of the machine running daicho.
const staleTimeLayout = "2006-01-02 15:04"
