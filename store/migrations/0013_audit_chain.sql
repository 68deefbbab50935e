-- The audit log becomes a hash chain (ARCHITECTURE.md §4, Audit): each row
-- carries SHA-256 of the previous row's hash and of its own content, and a
-- row about an issued document, a payment, an allocation or an adjustment
-- carries the hash of that record as the change left it. `daicho check`
-- recomputes both, so an edit made outside daicho — to a record or to the
-- log — is found and named. The hashes are computed in Go (store/audit_chain.go,
-- store/record_hash.go); the Go step of this migration (store/audit_seal.go)
-- fills them in for the rows already there (the one update the log ever
-- takes: it lifts audit_log_no_update for that and puts it back) and adds one
-- "seal" row per record that no row snapshots yet, in this migration's
-- transaction.

ALTER TABLE audit_log ADD COLUMN record TEXT NOT NULL DEFAULT ''; -- document, payment, allocation, adjustment; '': none
ALTER TABLE audit_log ADD COLUMN record_id INTEGER;               -- that record's id
ALTER TABLE audit_log ADD COLUMN record_hash BLOB;                -- SHA-256 of its canonical encoding (32 bytes)
ALTER TABLE audit_log ADD COLUMN hash BLOB;                       -- SHA-256 (previous row's hash ‖ this row's encoding)
