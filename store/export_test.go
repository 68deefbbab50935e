package store

import "context"

// SetSyncCheckLimit lets tests treat small files as large ones, whose
// integrity check runs in the background.
func SetSyncCheckLimit(n int64) (restore func()) {
	old := syncCheckLimit
	syncCheckLimit = n
	return func() { syncCheckLimit = old }
}

// SealAuditLog chains and seals what a test wrote underneath the store (the
// benchmarks fill their ledgers with SQL), as migration audit_chain does for
// a ledger written before the chain.
func SealAuditLog(ctx context.Context, st *Store) error { return st.write(ctx, sealAuditLog) }
