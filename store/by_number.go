package store

import (
	"context"
	"strings"
)

// numbered names a table whose rows carry a number once issued or
// activated: documents (I-2026-0007) and contracts (K-2026-0001).
type numbered string

const (
	numberedDocuments numbered = "documents"
	numberedContracts numbered = "contracts"
)

// idByNumber finds the row of table whose number is the one typed: as typed
// (folded to half-width, trimmed) or upper-cased ("i-2026-0007"). A custom
// number format may hold lower-case letters of its own, so the typed form
// wins when both exist. None is sql.ErrNoRows.
func idByNumber(ctx context.Context, q queryer, table numbered, number string) (int64, error) {
	typed := strings.TrimSpace(foldASCII(number))
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM `+string(table)+` WHERE number IN (?, ?)
		ORDER BY number = ? DESC LIMIT 1`, typed, strings.ToUpper(typed), typed).Scan(&id)
	return id, err
}
