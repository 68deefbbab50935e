package store

import (
	"context"
	"fmt"
	"time"
)

// What a mail was about, and how it left.
const (
	MailDocument = "document" // a document's PDF
	MailReminder = "reminder" // a payment reminder about overdue invoices
	// Contracts that mail themselves (issue 16): mails about a contract,
	// which name it (ContractID) instead of a document.
	MailContract = "contract" // a contract's summary (契約内容確認書)
	MailRenewal  = "renewal"  // a renewal notice: the contract's notice period has begun

	MailSMTP = "smtp" // handed to the SMTP server, which accepted it
	MailEML  = "eml"  // written as an .eml file (no server set): sent by hand from a mail program
)

// MailLog is one mail that left: the answer to "did we send it, and to whom?".
// Rows are written only after the server accepted the message (or the file
// was written), and never changed.
type MailLog struct {
	ID             int64
	DocumentID     int64  // the document sent, or the invoice a reminder was about; 0: the customer's account
	DocumentNumber string // filled when loaded
	CustomerID     int64
	Kind           string
	To             string
	Subject        string
	Method         string
	File           string // the .eml written (method eml)
	MessageID      string
	Actor          string
	SentAt         time.Time

	// Contracts that mail themselves (issue 16).
	ContractID     int64     // the contract a contract mail or renewal notice is about
	ContractNumber string    // filled when loaded
	ContractEnd    time.Time // the end date a renewal notice was about (once per contract and end date)
}

// aboutContract reports whether m is one of the kinds that name a contract.
func (m *MailLog) aboutContract() bool { return m.Kind == MailContract || m.Kind == MailRenewal }

// Validate normalises a mail log in place and returns every field error.
func (m *MailLog) Validate() error {
	var ck checker
	if m.CustomerID == 0 {
		ck.add("customer", "required")
	}
	ck.choice("kind", m.Kind, MailDocument, MailReminder, MailContract, MailRenewal)
	if m.Kind == MailDocument && m.DocumentID == 0 {
		ck.add("document", "required")
	}
	switch {
	case m.aboutContract() && m.ContractID == 0:
		ck.add("contract", "required")
	case m.Kind == MailRenewal && m.ContractEnd.IsZero():
		ck.add("contract_end", "required")
	case !m.aboutContract() && (m.ContractID != 0 || !m.ContractEnd.IsZero()):
		ck.add("contract", "mail.not_contract_kind")
	}
	ck.email("to", &m.To)
	if m.To == "" {
		ck.add("to", "required")
	}
	ck.line("subject", &m.Subject, false, 500)
	ck.choice("method", m.Method, MailSMTP, MailEML)
	if m.Method == MailEML && m.File == "" {
		ck.add("file", "required")
	}
	return ck.errs.OrNil()
}

// LogMail records a mail that left, with an audit row; with reminder (a
// reminder sent by mail) the reminder history gets its entry in the same
// transaction, so the two never disagree. A document mail must be of an
// issued (not draft) document of the customer. m gets its ID, the document
// number, the actor and the time.
func (s *Store) LogMail(ctx context.Context, m *MailLog, reminder *ReminderLog) error {
	return s.LogMailKept(ctx, m, reminder, nil)
}

// LogMailKept is LogMail that also keeps the mail's attachment in the
// archive (ArchiveSent; kept nil: nothing), in the same transaction: a mail
// is logged and its PDF kept, or neither.
func (s *Store) LogMailKept(ctx context.Context, m *MailLog, reminder *ReminderLog, kept *SentFile) error {
	if err := m.Validate(); err != nil {
		return err
	}
	var keep SentFile
	if kept != nil {
		keep = *kept
		if err := keep.check(); err != nil {
			return err
		}
	}
	if reminder != nil {
		if err := reminder.Validate(); err != nil {
			return err
		}
	}
	rec := *m
	var rem ReminderLog
	if reminder != nil {
		rem = *reminder
	}
	err := s.write(ctx, func(tx *Tx) error {
		if err := tx.checkMailTarget(&rec); err != nil {
			return err
		}
		rec.Actor, rec.SentAt = tx.actor, tx.now
		res, err := tx.ExecContext(tx.ctx, `INSERT INTO mail_log (document_id, customer_id, kind, to_address, subject,
			method, file, message_id, actor, sent_at, contract_id, contract_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			nullID(rec.DocumentID), rec.CustomerID, rec.Kind, rec.To, rec.Subject, rec.Method, rec.File, rec.MessageID,
			rec.Actor, stamp(rec.SentAt), nullID(rec.ContractID), FormatDate(rec.ContractEnd))
		if err != nil {
			return err
		}
		if rec.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		entity, id := "document", fmt.Sprint(rec.DocumentID)
		switch {
		case rec.aboutContract():
			entity, id = "contract", fmt.Sprint(rec.ContractID)
		case rec.Kind == MailReminder:
			entity, id = "customer", fmt.Sprint(rec.CustomerID)
		}
		after := map[string]any{"mail": rec.ID, "kind": rec.Kind, "document": rec.DocumentNumber, "to": rec.To,
			"subject": rec.Subject, "method": rec.Method, "file": rec.File}
		if rec.aboutContract() {
			after["contract"], after["contract_end"] = rec.ContractNumber, FormatDate(rec.ContractEnd)
		}
		if err := tx.audit("mail", entity, id, nil, after); err != nil {
			return err
		}
		if kept != nil {
			if err := tx.archiveSent(&keep); err != nil {
				return err
			}
		}
		if reminder == nil {
			return nil
		}
		return tx.insertReminder(&rem)
	})
	if err == nil {
		*m = rec
		if kept != nil {
			*kept = keep
		}
		if reminder != nil {
			*reminder = rem
		}
	}
	return err
}

// checkMailTarget checks the customer exists and the document, if any, is
// an issued one of that customer, and fills in its number.
func (tx *Tx) checkMailTarget(m *MailLog) error {
	var exists int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM customers WHERE id = ?`, m.CustomerID).Scan(&exists); err != nil {
		return err
	}
	if exists == 0 {
		return Invalid("customer", "customer.not_found", m.CustomerID)
	}
	if m.aboutContract() {
		return tx.checkMailContract(m)
	}
	if m.DocumentID == 0 {
		return nil
	}
	var customerID int64
	var status, number string
	err := tx.QueryRowContext(tx.ctx, `SELECT customer_id, status, coalesce(number, '') FROM documents WHERE id = ?`,
		m.DocumentID).Scan(&customerID, &status, &number)
	if isNoRows(err) {
		return &Error{Code: CodeNotFound, Field: "document", Reason: "document.not_found", Args: []any{m.DocumentID}}
	}
	if err != nil {
		return err
	}
	switch {
	case status == StatusDraft:
		return Invalid("document", "mail.draft")
	case customerID != m.CustomerID:
		return Invalid("document", "mail.other_customer", number)
	}
	m.DocumentNumber = number
	return nil
}

// MailLog lists the mails about a document (the document itself, and
// reminders about it when it is an invoice), newest first.
func (s *Store) MailLog(ctx context.Context, documentID int64) ([]MailLog, error) {
	return s.mailLog(ctx, `m.document_id = ?`, documentID)
}

// ContractMailLog lists the mails about a contract (its summary, its
// renewal notices), newest first.
func (s *Store) ContractMailLog(ctx context.Context, contractID int64) ([]MailLog, error) {
	return s.mailLog(ctx, `m.contract_id = ?`, contractID)
}

// CustomerMailLog lists the mails sent to a customer, newest first.
func (s *Store) CustomerMailLog(ctx context.Context, customerID int64) ([]MailLog, error) {
	return s.mailLog(ctx, `m.customer_id = ?`, customerID)
}

func (s *Store) mailLog(ctx context.Context, where string, arg int64) ([]MailLog, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT m.id, coalesce(m.document_id, 0), coalesce(d.number, ''), m.customer_id,
		m.kind, m.to_address, m.subject, m.method, m.file, m.message_id, m.actor, m.sent_at,
		coalesce(m.contract_id, 0), coalesce(k.number, ''), m.contract_end
		FROM mail_log m LEFT JOIN documents d ON d.id = m.document_id LEFT JOIN contracts k ON k.id = m.contract_id
		WHERE `+where+` ORDER BY m.sent_at DESC, m.id DESC`, arg)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MailLog
	for rows.Next() {
		var m MailLog
		var sent, end string
		if err := rows.Scan(&m.ID, &m.DocumentID, &m.DocumentNumber, &m.CustomerID, &m.Kind, &m.To, &m.Subject,
			&m.Method, &m.File, &m.MessageID, &m.Actor, &sent, &m.ContractID, &m.ContractNumber, &end); err != nil {
			return nil, err
		}
		m.SentAt, _ = time.Parse(time.RFC3339Nano, sent)
		if end != "" {
			m.ContractEnd, _ = ParseDate(end)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}
