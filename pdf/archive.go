package pdf

import (
	"bytes"
	"context"
	"io"
	"path/filepath"

	"daicho/store"
)

// Keeping what goes out (電子帳簿保存法): an Exporter whose Channel is set
// keeps every customer PDF it writes — a document, a contract summary, a
// statement, a reminder — in the archive (store.ArchiveSent), with the
// exact bytes written. Mail keeps its attachments itself (pdf/mail).

// KeptError is a PDF that was written but could not be kept in the archive:
// the file is there (Path), the archive lacks it.
type KeptError struct {
	Path string
	Err  error
}

func (e *KeptError) Error() string {
	return e.Path + ": written, but not kept in the archive: " + e.Err.Error()
}
func (e *KeptError) Unwrap() error { return e.Err }

// WriteKept renders a file called name, writes it (Write) and, when the
// exporter has a Channel and sent is not nil, keeps its bytes as sent says
// (the channel, file name and bytes are filled in here).
//
// The bytes are rendered into memory first (with CheckWhileRendering,
// while the ledger's check runs, and nothing goes further unless it
// passes). The file is then written and synced while the archive's
// transaction writes its rows; the transaction commits only once the file
// is in place and is rolled back if it cannot be placed, so, as when one
// followed the other, the archive keeps exactly the files written.
func (e Exporter) WriteKept(ctx context.Context, st *store.Store, name string, render func(io.Writer) error,
	sent *store.SentFile) (string, error) {
	keep := e.Channel != "" && sent != nil
	if !keep && !e.CheckWhileRendering {
		return e.Write(name, render)
	}
	pdf, err := e.renderInMemory(st, render)
	if err != nil {
		return filepath.Join(e.Dir, name), err
	}
	write := func(w io.Writer) error {
		_, err := w.Write(pdf)
		return err
	}
	if !keep {
		return e.Write(name, write)
	}
	type outcome struct {
		path string
		err  error
	}
	written := make(chan outcome, 1)
	go func() {
		path, err := e.Write(name, write)
		written <- outcome{path, err}
	}()
	var file *outcome
	placed := func() error {
		if file == nil {
			o := <-written
			file = &o
		}
		return file.err
	}
	kept := *sent
	kept.Channel, kept.FileName, kept.PDF = e.Channel, filepath.Base(name), pdf
	err = st.ArchiveSentAlong(ctx, &kept, placed)
	if placed() != nil {
		return file.path, file.err // the file's failure, not the rollback it caused
	}
	if err != nil {
		return file.path, &KeptError{Path: file.path, Err: err}
	}
	return file.path, nil
}

// renderInMemory renders a file's bytes. With CheckWhileRendering it starts
// st's integrity check first (store.CheckInBackground), so the two run at
// once, and returns the check's verdict before anything else: what was read
// from a damaged file is no answer.
func (e Exporter) renderInMemory(st *store.Store, render func(io.Writer) error) ([]byte, error) {
	if e.CheckWhileRendering {
		st.CheckInBackground()
	}
	var buf bytes.Buffer
	err := render(&buf)
	if e.CheckWhileRendering {
		if checkErr := st.Checked(); checkErr != nil {
			return nil, checkErr
		}
	}
	return buf.Bytes(), err
}

// DocumentSent is what the archive keeps of document d's PDF: nil for a
// draft, which is watermarked and goes out to nobody (the store takes the
// rest from the document).
func DocumentSent(d store.Document) *store.SentFile {
	if d.Status == store.StatusDraft {
		return nil
	}
	return &store.SentFile{DocumentID: d.ID}
}

// ContractSent is what the archive keeps of contract c's summary: nil for a
// draft. Its amount is the net of one billing period at today's prices, its
// date the start date.
func ContractSent(c store.Contract) *store.SentFile {
	if c.Number == "" {
		return nil
	}
	var net store.Money
	for _, l := range c.Lines {
		if a, err := store.LineAmount(l.Quantity, l.UnitPrice); err == nil {
			net += a
		}
	}
	return &store.SentFile{ContractID: c.ID, CustomerID: c.CustomerID, CustomerName: c.CustomerName,
		Kind: store.SentContract, Number: c.Number,
		Date: c.Start, Amount: net}
}

// StatementSent is what the archive keeps of a statement of account: its
// closing balance, dated its last day.
func StatementSent(s Statement) *store.SentFile {
	closing := s.Opening
	for _, e := range s.Entries {
		closing += e.Debit - e.Credit
	}
	return &store.SentFile{CustomerID: s.Customer.ID, CustomerName: s.Customer.Name, Kind: store.SentStatement,
		Date: s.To, Amount: closing}
}

// ReminderSent is what the archive keeps of a payment reminder: what is
// open on its invoices, dated the reminder's date.
func ReminderSent(r Reminder) *store.SentFile {
	var open store.Money
	for _, i := range r.Invoices {
		open += i.Open
	}
	return &store.SentFile{CustomerID: r.Customer.ID, CustomerName: r.Customer.Name, Kind: store.SentReminder,
		Date: r.Date, Amount: open}
}
