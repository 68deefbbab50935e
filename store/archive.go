package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
)

// The kept archive (電子帳簿保存法, migration 0014): every PDF that went out to
// a customer is kept byte for byte with its SHA-256, its transaction date,
// counterparty, amount, number, kind and how it went out. Every sender — the
// PDF export, printing, mail — calls ArchiveSent after the file left.

// How a PDF went out (archive.channel).
const (
	SentMail   = "mail"
	SentPrint  = "print"
	SentExport = "export"
)

// SentChannels are the channels, in the order screens list them.
var SentChannels = []string{SentMail, SentPrint, SentExport}

// What else than a document goes out as a PDF (archive.kind besides the
// document kinds).
const (
	SentContract  = "contract"  // a contract summary (契約内容確認書)
	SentStatement = "statement" // a statement of account
	SentReminder  = "reminder"  // a payment reminder
)

// recordArchive is the archive row's kind of record in the audit chain.
const recordArchive = "archive"

// SentFile is one PDF that went out: an archive row (and, on the way in,
// its bytes).
type SentFile struct {
	ID         int64
	DocumentID int64 // 0: not a document
	ContractID int64 // a contract summary's contract
	CustomerID int64 // the counterparty
	// CustomerName is the counterparty's name as printed on the PDF (a
	// document's snapshot; else the customer's name when it was kept).
	CustomerName string
	Kind         string
	Number       string
	Date         time.Time // the transaction date (a document's issue date)
	Amount       Money
	Channel      string
	FileName     string
	PDF          []byte // the bytes (given to ArchiveSent; not loaded by lists)
	SHA256       string // hex
	Size         int64
	Actor        string
	SentAt       time.Time

	CustomerCode string // filled when listed
}

// ArchiveSent keeps f.PDF, as it went out through f.Channel, with an audit
// row that snapshots the archive row. For a document (f.DocumentID) the
// store takes the counterparty, kind, number, date and amount from the
// document itself, which must be issued (a draft is watermarked and goes out
// to nobody); otherwise the caller gives them. f gets its ID, hash, size,
// actor and time.
func (s *Store) ArchiveSent(ctx context.Context, f *SentFile) error {
	return s.ArchiveSentAlong(ctx, f, nil)
}

// ArchiveSentAlong is ArchiveSent for a file still being written while its
// rows are: placed, when not nil, is called in the transaction once the
// rows are written, waits for the file and reports whether it is in place;
// its error rolls everything back, so nothing is kept of a file that was
// not written (the caller reports the file's error, not this one's).
func (s *Store) ArchiveSentAlong(ctx context.Context, f *SentFile, placed func() error) error {
	rec := *f
	if err := rec.check(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *Tx) error {
		if err := tx.archiveSent(&rec); err != nil || placed == nil {
			return err
		}
		return placed()
	})
	if err == nil {
		*f = rec
	}
	return err
}

// check refuses a sent file without bytes or with an unknown channel, and
// hashes the bytes.
func (f *SentFile) check() error {
	if len(f.PDF) == 0 {
		return Invalid("pdf", "required")
	}
	if f.Channel != SentMail && f.Channel != SentPrint && f.Channel != SentExport {
		return Invalid("channel", "choice", strings.Join(SentChannels, ", "))
	}
	sum := sha256.Sum256(f.PDF)
	f.SHA256, f.Size = hex.EncodeToString(sum[:]), int64(len(f.PDF))
	return nil
}

// archiveSent writes the checked rec (its bytes once per hash, its row, its
// audit row) in tx.
func (tx *Tx) archiveSent(rec *SentFile) error {
	if err := tx.fillSentFile(rec); err != nil {
		return err
	}
	rec.Actor, rec.SentAt = tx.actor, tx.now
	if _, err := tx.ExecContext(tx.ctx, `INSERT INTO archive_files (sha256, size, content) VALUES (?, ?, ?)
		ON CONFLICT (sha256) DO NOTHING`, rec.SHA256, rec.Size, rec.PDF); err != nil {
		return err
	}
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO archive (sha256, document_id, contract_id, customer_id,
		counterparty, kind, number, date, amount, channel, file_name, actor, sent_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		rec.SHA256, nullID(rec.DocumentID), nullID(rec.ContractID), rec.CustomerID, rec.CustomerName, rec.Kind, rec.Number,
		FormatDate(rec.Date), int64(rec.Amount), rec.Channel, rec.FileName, rec.Actor, stamp(rec.SentAt))
	if err != nil {
		return err
	}
	if rec.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	entity, id := "customer", fmt.Sprint(rec.CustomerID)
	if rec.DocumentID != 0 {
		entity, id = "document", fmt.Sprint(rec.DocumentID)
	}
	return tx.auditRecord("archive", entity, id, nil, map[string]any{"archive": rec.ID, "kind": rec.Kind,
		"number": rec.Number, "date": FormatDate(rec.Date), "amount": rec.Amount, "channel": rec.Channel,
		"file": rec.FileName, "sha256": rec.SHA256, "size": rec.Size}, recordArchive, rec.ID)
}

// fillSentFile checks what f names and fills in what the store knows: a
// document's facts, or that the counterparty exists.
func (tx *Tx) fillSentFile(f *SentFile) error {
	f.FileName = strings.TrimSpace(f.FileName)
	if f.FileName == "" {
		return Invalid("file_name", "required")
	}
	if f.DocumentID != 0 {
		var status, issue string
		var number *string
		err := tx.QueryRowContext(tx.ctx, `SELECT d.customer_id, d.kind, d.status, d.number, d.issue_date, d.total,
			coalesce(json_extract(s.body, '$.name'), c.name)
			FROM documents d JOIN customers c ON c.id = d.customer_id LEFT JOIN snapshots s ON s.id = d.customer_snapshot
			WHERE d.id = ?`, f.DocumentID).Scan(&f.CustomerID, &f.Kind, &status, &number, &issue, &f.Amount, &f.CustomerName)
		if isNoRows(err) {
			return &Error{Code: CodeNotFound, Field: "document", Reason: "document.not_found", Args: []any{f.DocumentID}}
		}
		if err != nil {
			return err
		}
		if status == StatusDraft || number == nil {
			return Invalid("document", "archive.draft")
		}
		f.Number = *number
		f.Date, err = ParseDate(issue)
		return err
	}
	var name string
	err := tx.QueryRowContext(tx.ctx, `SELECT name FROM customers WHERE id = ?`, f.CustomerID).Scan(&name)
	if err != nil && !isNoRows(err) {
		return err
	}
	switch {
	case isNoRows(err):
		return Invalid("customer", "customer.not_found", f.CustomerID)
	case strings.TrimSpace(f.Kind) == "":
		return Invalid("kind", "required")
	case f.Date.IsZero():
		return Invalid("date", "required")
	}
	if strings.TrimSpace(f.CustomerName) == "" {
		f.CustomerName = name
	}
	return nil
}

// ArchiveFilter is the law's search over the archive: a date range, an
// amount range and a counterparty, together; and a channel.
type ArchiveFilter struct {
	From, To   time.Time // transaction date, inclusive; zero: open
	Amount     MoneyRange
	CustomerID int64
	Channel    string
	DocumentID int64
}

// MoneyRange is an amount range, inclusive; a side without Has… is open.
type MoneyRange struct {
	Min, Max       Money
	HasMin, HasMax bool
}

// Empty reports a range open on both sides.
func (r MoneyRange) Empty() bool { return !r.HasMin && !r.HasMax }

// where appends the range's conditions on column.
func (r MoneyRange) where(column string, where []string, args []any) ([]string, []any) {
	if r.HasMin {
		where, args = append(where, column+" >= ?"), append(args, int64(r.Min))
	}
	if r.HasMax {
		where, args = append(where, column+" <= ?"), append(args, int64(r.Max))
	}
	return where, args
}

// SentFiles lists the archive (without the bytes), by transaction date and
// then the order they went out.
func (s *Store) SentFiles(ctx context.Context, f ArchiveFilter) ([]SentFile, error) {
	where, args := []string{"1"}, []any{}
	if !f.From.IsZero() {
		where, args = append(where, "a.date >= ?"), append(args, FormatDate(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "a.date <= ?"), append(args, FormatDate(f.To))
	}
	where, args = f.Amount.where("a.amount", where, args)
	if f.CustomerID != 0 {
		where, args = append(where, "a.customer_id = ?"), append(args, f.CustomerID)
	}
	if f.Channel != "" {
		where, args = append(where, "a.channel = ?"), append(args, f.Channel)
	}
	if f.DocumentID != 0 {
		where, args = append(where, "a.document_id = ?"), append(args, f.DocumentID)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, coalesce(a.document_id, 0), coalesce(a.contract_id, 0),
		a.customer_id, c.code, iif(a.counterparty <> '', a.counterparty, c.name), a.kind, a.number, a.date, a.amount, a.channel, a.file_name, a.sha256,
		coalesce((SELECT size FROM archive_files WHERE sha256 = a.sha256), 0), a.actor, a.sent_at
		FROM archive a JOIN customers c ON c.id = a.customer_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY a.date, a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SentFile
	for rows.Next() {
		var sf SentFile
		var date, sent string
		if err := rows.Scan(&sf.ID, &sf.DocumentID, &sf.ContractID, &sf.CustomerID, &sf.CustomerCode,
			&sf.CustomerName, &sf.Kind, &sf.Number, &date, &sf.Amount, &sf.Channel, &sf.FileName, &sf.SHA256,
			&sf.Size, &sf.Actor, &sent); err != nil {
			return nil, err
		}
		sf.Date, _ = ParseDate(date)
		sf.SentAt, _ = time.Parse(time.RFC3339Nano, sent)
		out = append(out, sf)
	}
	return out, rows.Err()
}

// SentPDF returns the kept bytes of archive row id, as stored (Verify says
// whether they are still what was kept).
func (s *Store) SentPDF(ctx context.Context, id int64) ([]byte, error) {
	var b []byte
	err := s.db.QueryRowContext(ctx, `SELECT f.content FROM archive a JOIN archive_files f ON f.sha256 = a.sha256
		WHERE a.id = ?`, id).Scan(&b)
	if isNoRows(err) {
		return nil, &Error{Code: CodeNotFound, Field: "archive", Reason: "archive.missing", Args: []any{id}}
	}
	return b, err
}
