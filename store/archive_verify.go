package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"strings"
)

// Verifying the kept archive: every kept file is hashed again, and every
// archive row is compared with the snapshot its audit row took. The
// triggers stop daicho from changing either; this finds what another
// program changed.

// What is wrong with a kept file (ArchiveProblem.Reason).
const (
	ArchiveChanged    = "changed"     // its bytes no longer hash to what was kept
	ArchiveMissing    = "missing"     // its bytes are gone (or the row names other bytes)
	ArchiveRowChanged = "row_changed" // the row's facts (date, amount, …) differ from its audit snapshot
)

// ArchiveProblem is one kept file that is not as it was kept.
type ArchiveProblem struct {
	File   SentFile
	Reason string
}

// ArchiveReport is what VerifyArchive found.
type ArchiveReport struct {
	Checked  int // archive rows
	Files    int // distinct kept files hashed
	Problems []ArchiveProblem
}

// VerifyArchive re-hashes every kept file (each distinct file once) and
// checks every archive row against it and against its audit snapshot, in
// one read transaction.
func (s *Store) VerifyArchive(ctx context.Context) (ArchiveReport, error) {
	var r ArchiveReport
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return r, err
	}
	defer tx.Rollback()
	bad, files, err := badArchiveFiles(ctx, tx)
	if err != nil {
		return r, err
	}
	r.Files = files
	snaps, err := archiveSnapshots(ctx, tx)
	if err != nil {
		return r, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.sha256, EXISTS (SELECT 1 FROM archive_files f WHERE f.sha256 = a.sha256),
		`+archiveEncoding()+` FROM archive a ORDER BY a.id`)
	if err != nil {
		return r, err
	}
	type found struct {
		id     int64
		reason string
	}
	var problems []found
	for rows.Next() {
		var (
			id       int64
			sum      string
			exists   bool
			encoding []byte
		)
		if err := rows.Scan(&id, &sum, &exists, &encoding); err != nil {
			rows.Close()
			return r, err
		}
		r.Checked++
		switch {
		case !exists:
			problems = append(problems, found{id, ArchiveMissing})
		case bad[sum]:
			problems = append(problems, found{id, ArchiveChanged})
		case snaps[id] != sha256.Sum256(encoding):
			problems = append(problems, found{id, ArchiveRowChanged})
		}
	}
	if err := rows.Close(); err != nil {
		return r, err
	}
	for _, p := range problems {
		f, err := sentFileByID(ctx, tx, p.id)
		if err != nil {
			return r, err
		}
		r.Problems = append(r.Problems, ArchiveProblem{File: f, Reason: p.reason})
	}
	return r, nil
}

// badArchiveFiles hashes every kept file and returns the keys of those whose
// bytes no longer match, and how many there are.
func badArchiveFiles(ctx context.Context, q queryer) (map[string]bool, int, error) {
	rows, err := q.QueryContext(ctx, `SELECT sha256, size, content FROM archive_files`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	bad := map[string]bool{}
	n := 0
	for rows.Next() {
		var (
			key     string
			size    int64
			content sql.RawBytes
		)
		if err := rows.Scan(&key, &size, &content); err != nil {
			return nil, 0, err
		}
		n++
		sum := sha256.Sum256(content)
		if !strings.EqualFold(hex.EncodeToString(sum[:]), key) || int64(len(content)) != size {
			bad[key] = true
		}
	}
	return bad, n, rows.Err()
}

// archiveSnapshots are the last audit snapshots of the archive rows, by id.
func archiveSnapshots(ctx context.Context, q queryer) (map[int64][32]byte, error) {
	rows, err := q.QueryContext(ctx, `SELECT record_id, record_hash FROM audit_log WHERE record = ? ORDER BY id`,
		recordArchive)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][32]byte{}
	for rows.Next() {
		var id int64
		var h []byte
		if err := rows.Scan(&id, &h); err != nil {
			return nil, err
		}
		var sum [32]byte
		copy(sum[:], h) // a hash of another length never matches
		out[id] = sum
	}
	return out, rows.Err()
}

// sentFileByID loads one archive row for a message, as it is now.
func sentFileByID(ctx context.Context, q queryer, id int64) (SentFile, error) {
	var f SentFile
	var date string
	err := q.QueryRowContext(ctx, `SELECT a.id, coalesce(a.document_id, 0), a.customer_id, coalesce(c.code, ''),
		iif(a.counterparty <> '', a.counterparty, coalesce(c.name, '')), a.kind, a.number, a.date, a.amount, a.channel, a.file_name, a.sha256
		FROM archive a LEFT JOIN customers c ON c.id = a.customer_id WHERE a.id = ?`, id).
		Scan(&f.ID, &f.DocumentID, &f.CustomerID, &f.CustomerCode, &f.CustomerName, &f.Kind, &f.Number, &date,
			&f.Amount, &f.Channel, &f.FileName, &f.SHA256)
	f.Date, _ = ParseDate(date)
	return f, err
}
