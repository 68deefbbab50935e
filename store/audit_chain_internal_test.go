package store

import (
	"bytes"
	"path/filepath"
	"testing"
)

// The writer encodes an audit row in Go (auditRow.encode); check and the
// migration read the same encoding from SQL (auditEncoding). They must give
// the same bytes for any text — Japanese, empty, a NUL byte, JSON — and any
// integer, or every ledger would fail its check.
func TestAuditEncodingInGoIsSQLs(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "daicho.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows := []auditRow{
		{id: 1, at: "2026-11-20T10:00:00Z", actor: "hanako", action: "create", entity: "customer", entityID: "C0001",
			after: `{"name":"株式会社だいちょう","notes":"改行\nと\"引用\""}`},
		{id: 2, at: "", actor: "", action: "", entity: "", entityID: ""},
		{id: 3, at: "x", actor: "nul\x00byte", action: "a;b:c", entity: "12:", entityID: "-1", before: "ｶ)ﾀﾞｲﾁｮｳ",
			record: recordPayment, recordID: -9223372036854775808, recordHash: bytes.Repeat([]byte{0xab, 0x00}, 16)},
		{id: 9223372036854775807, record: recordDocument, recordID: 42, recordHash: make([]byte, 32)},
	}
	for _, r := range rows {
		var recordID, recordHash any
		if r.record != "" {
			recordID, recordHash = r.recordID, r.recordHash
		}
		if _, err := st.db.Exec(`INSERT INTO audit_log (id, at, actor, action, entity, entity_id, before, after,
			record, record_id, record_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, x'00')`, r.id, r.at, r.actor,
			r.action, r.entity, r.entityID, r.before, r.after, r.record, recordID, recordHash); err != nil {
			t.Fatal(err)
		}
		var fromSQL []byte
		if err := st.db.QueryRow(`SELECT `+auditEncoding()+` FROM audit_log WHERE id = ?`, r.id).Scan(&fromSQL); err != nil {
			t.Fatal(err)
		}
		if fromGo := r.encode(nil); !bytes.Equal(fromGo, fromSQL) {
			t.Errorf("row %d:\nGo  %q\nSQL %q", r.id, fromGo, fromSQL)
		}
	}
}
