package store

// documentKindsCheckOld and documentKindsCheckNew are the kind CHECK of the
// documents table as migration 0002 wrote it and as receipts need it.
const (
	documentKindsCheckOld = `CHECK (kind IN ('estimate', 'delivery_note', 'invoice', 'credit_note'))`
	documentKindsCheckNew = `CHECK (kind IN ('estimate', 'delivery_note', 'invoice', 'credit_note', 'receipt'))`
)

// allowReceiptKind lets 'receipt' into documents.kind (see loosenChecks for
// how, and why not by rebuilding the table).
func allowReceiptKind(tx *Tx) error {
	return loosenChecks(tx, "documents", []string{documentKindsCheckOld}, []string{documentKindsCheckNew})
}
