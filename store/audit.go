package store

import (
	"context"
	"encoding/json"
)

// AuditEntry is one row of the append-only audit log.
type AuditEntry struct {
	At       string `json:"at"`
	Actor    string `json:"actor"`
	Action   string `json:"action"`
	Entity   string `json:"entity"`
	EntityID string `json:"entity_id"`
	Before   string `json:"before"`
	After    string `json:"after"`
}

// audit records a change inside the transaction that makes it, so the log and
// the data can never disagree. before/after are marshalled to JSON; nil means
// "nothing" (a create has no before).
func (tx *Tx) audit(action, entity, entityID string, before, after any) error {
	return tx.appendAudit(tx, tx.txExec, auditEntry{action: action, entity: entity, entityID: entityID,
		before: before, after: after})
}

// auditRecord is audit for a change to a record the chain snapshots (an
// issued document, a payment, an allocation, an adjustment): the row also
// carries the hash of record kind/id as the change left it.
func (tx *Tx) auditRecord(action, entity, entityID string, before, after any, record string, recordID int64) error {
	return tx.appendAudit(tx, tx.txExec, auditEntry{action: action, entity: entity, entityID: entityID,
		before: before, after: after, record: record, recordID: recordID})
}

func auditJSON(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}

// AuditLog returns the log of one entity, oldest first.
func (s *Store) AuditLog(ctx context.Context, entity, entityID string) ([]AuditEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT at, actor, action, entity, entity_id, before, after
		FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, entityID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.At, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
