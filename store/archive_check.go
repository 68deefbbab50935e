package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
)

// The archive's part of check's snapshot rule (check_records.go): each
// archive row hashes to what its audit row recorded. The kept bytes are
// covered by the SHA-256 in the row; re-hashing them is archive verify's
// work (archive_verify.go), too slow for every check.

// hashArchive hashes every archive row, in id order (paymentHash is just an
// id and a hash).
func hashArchive(ctx context.Context, q queryer) ([]paymentHash, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, `+archiveEncoding()+` FROM archive ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var (
		out []paymentHash
		row sql.RawBytes
	)
	for rows.Next() {
		var h paymentHash
		if err := rows.Scan(&h.id, &row); err != nil {
			return nil, err
		}
		h.hash = sha256.Sum256(row)
		out = append(out, h)
	}
	return out, rows.Err()
}

// compareArchive compares the archive rows with the chain, naming a row by
// its number (or kind), file and date.
func (c *recordCheck) compareArchive(hashes []paymentHash) error {
	kind := recordKindIndex([]byte(recordArchive))
	for _, h := range hashes {
		reason, row := c.snapshot(kind, h.id, h.hash)
		if reason == "" {
			continue
		}
		f, err := sentFileByID(c.ctx, c.q, h.id)
		if err != nil {
			return err
		}
		if err := c.report(reason, row, h.id, f.FileName, FormatDate(f.Date)); err != nil {
			return err
		}
	}
	return nil
}
