package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// The customer inquiry log (サポート履歴): what each customer asked, by which
// channel, who looks after it and where it stands. Inquiries are not
// financial: they are edited (the status moves on, the body grows) but never
// deleted (a trigger refuses it), and every change writes an audit row.

// Inquiry statuses, in list order.
const (
	InquiryOpen    = "open"    // someone here has to act
	InquiryWaiting = "waiting" // the customer (or someone else) has to answer
	InquiryClosed  = "closed"
)

// Inquiry channels: how the customer asked.
const (
	ChannelPhone = "phone"
	ChannelEmail = "email"
	ChannelVisit = "visit"
	ChannelOther = "other"
)

var (
	// InquiryStatuses lists the statuses in list order.
	InquiryStatuses = []string{InquiryOpen, InquiryWaiting, InquiryClosed}
	// InquiryChannels lists the channels in display order.
	InquiryChannels = []string{ChannelPhone, ChannelEmail, ChannelVisit, ChannelOther}
)

// Inquiry is one question or request of a customer.
type Inquiry struct {
	ID           int64
	CustomerID   int64
	CustomerCode string // filled when loaded
	CustomerName string // filled when loaded
	CustomerKana string // filled when loaded (the list searches it)
	Date         time.Time
	Channel      string
	Subject      string
	Body         string // free text; may hold line breaks and grows as the matter goes on
	Status       string
	Person       string // who looks after it; "" when created: the customer's person in charge
	// DocumentID links the document the inquiry is about (0: none): any kind,
	// issued (a draft has no number to show and may still be deleted), of
	// the same customer. When it is 0 and DocumentNumber is set, the store
	// looks the number up when saving, so a form can take a typed number.
	DocumentID     int64
	DocumentNumber string    // filled when loaded
	FollowUp       time.Time // the day to look at it again; zero: none
	Version        int64
}

// Validate normalises the inquiry in place and returns every field error at
// once. The document link and the customer are checked when saving.
func (q *Inquiry) Validate() error {
	var ck checker
	if q.CustomerID == 0 {
		ck.add("customer", "required")
	}
	if q.Date.IsZero() {
		ck.add("date", "required")
	}
	ck.date("date", q.Date)
	ck.date("follow_up", q.FollowUp)
	q.Date, q.FollowUp = dateOnly(q.Date), dateOnly(q.FollowUp) // the zero time stays zero: no follow-up
	ck.choice("channel", q.Channel, InquiryChannels...)
	ck.line("subject", &q.Subject, true, 200)
	ck.text("body", &q.Body, false, 10000)
	ck.choice("status", q.Status, InquiryStatuses...)
	ck.line("person", &q.Person, false, 50)
	q.DocumentNumber = strings.TrimSpace(foldASCII(q.DocumentNumber))
	if !q.FollowUp.IsZero() && !q.Date.IsZero() && q.FollowUp.Before(q.Date) {
		ck.add("follow_up", "inquiry.follow_up_before_date", FormatDate(q.Date))
	}
	return ck.errs.OrNil()
}

// inquiryRecord is what the audit log keeps of an inquiry: dates as the
// ledger writes them, the document by its number.
type inquiryRecord struct {
	Customer string `json:"customer"`
	Date     string `json:"date"`
	Channel  string `json:"channel"`
	Subject  string `json:"subject"`
	Body     string `json:"body"`
	Status   string `json:"status"`
	Person   string `json:"person"`
	Document string `json:"document,omitempty"`
	FollowUp string `json:"follow_up,omitempty"`
}

func (q Inquiry) record() inquiryRecord {
	return inquiryRecord{Customer: q.CustomerCode, Date: FormatDate(q.Date), Channel: q.Channel, Subject: q.Subject,
		Body: q.Body, Status: q.Status, Person: q.Person, Document: q.DocumentNumber, FollowUp: FormatDate(q.FollowUp)}
}

// inquiryRank is the status in list order, as SQL; the indexes of
// 0007_inquiries.sql are built on this very expression.
const inquiryRank = `(CASE i.status WHEN 'open' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END)`

const inquirySelect = `SELECT i.id, i.customer_id, c.code, c.name, c.kana, i.date, i.channel, i.subject, i.body,
	i.status, i.person, coalesce(i.document_id, 0), coalesce(d.number, ''), i.follow_up, i.version
	FROM inquiries i JOIN customers c ON c.id = i.customer_id LEFT JOIN documents d ON d.id = i.document_id`

func scanInquiry(r scanner) (Inquiry, error) {
	var q Inquiry
	var date, followUp string
	err := r.Scan(&q.ID, &q.CustomerID, &q.CustomerCode, &q.CustomerName, &q.CustomerKana, &date, &q.Channel,
		&q.Subject, &q.Body, &q.Status, &q.Person, &q.DocumentID, &q.DocumentNumber, &followUp, &q.Version)
	q.Date, q.FollowUp = mustDate(date), mustDate(followUp)
	return q, err
}

func loadInquiry(ctx context.Context, db queryer, id int64) (Inquiry, error) {
	q, err := scanInquiry(db.QueryRowContext(ctx, inquirySelect+` WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return q, &Error{Code: CodeNotFound, Reason: "inquiry.not_found", Args: []any{id}}
	}
	return q, err
}

// Inquiry returns the inquiry with the given id.
func (s *Store) Inquiry(ctx context.Context, id int64) (Inquiry, error) {
	return loadInquiry(ctx, s.db, id)
}

// InquiryFilter narrows Inquiries; zero values mean "any".
type InquiryFilter struct {
	CustomerID int64
	Status     string
	DocumentID int64
}

// Inquiries lists inquiries in the order they need attention: open, then
// waiting, then closed; within a status the soonest follow-up first (none
// last), then the newest date first.
func (s *Store) Inquiries(ctx context.Context, f InquiryFilter) ([]Inquiry, error) {
	var where []string
	var args []any
	if f.CustomerID != 0 {
		where, args = append(where, "i.customer_id = ?"), append(args, f.CustomerID)
	}
	if f.Status != "" {
		where, args = append(where, "i.status = ?"), append(args, f.Status)
	}
	if f.DocumentID != 0 {
		where, args = append(where, "i.document_id = ?"), append(args, f.DocumentID)
	}
	q := inquirySelect
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY " + inquiryRank + ", (i.follow_up = ''), i.follow_up, i.date DESC, i.id DESC"
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Inquiry
	for rows.Next() {
		iq, err := scanInquiry(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, iq)
	}
	return out, rows.Err()
}

// CreateInquiry validates q and stores it (with an audit row). A person left
// empty becomes the customer's person in charge. On success q carries its
// id, version, the customer's code and name and the document's number.
func (s *Store) CreateInquiry(ctx context.Context, q *Inquiry) error {
	if err := q.Validate(); err != nil {
		return err
	}
	rec := *q
	err := s.write(ctx, func(tx *Tx) error {
		var person string
		if err := tx.resolveInquiry(&rec, &person); err != nil {
			return err
		}
		if rec.Person == "" {
			rec.Person = person
		}
		return tx.insertInquiry(&rec)
	})
	if err == nil {
		*q = rec
	}
	return err
}

// CreateInquiries stores a batch in one transaction, all or nothing (the
// demo's thousands; an import). Each is validated and checked as
// CreateInquiry does; the first problem stops the batch, named by position.
func (s *Store) CreateInquiries(ctx context.Context, qs []Inquiry) error {
	for i := range qs {
		if err := qs[i].Validate(); err != nil {
			return fmt.Errorf("inquiry %d: %w", i+1, err)
		}
	}
	recs := make([]Inquiry, len(qs))
	copy(recs, qs)
	err := s.write(ctx, func(tx *Tx) error {
		for i := range recs {
			var person string
			err := tx.resolveInquiry(&recs[i], &person)
			if err == nil {
				if recs[i].Person == "" {
					recs[i].Person = person
				}
				err = tx.insertInquiry(&recs[i])
			}
			if err != nil {
				return fmt.Errorf("inquiry %d: %w", i+1, err)
			}
		}
		return nil
	})
	if err == nil {
		copy(qs, recs)
	}
	return err
}

func (tx *Tx) insertInquiry(q *Inquiry) error {
	q.Version = 1
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO inquiries (customer_id, date, channel, subject, body, status,
		person, document_id, follow_up, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		q.CustomerID, FormatDate(q.Date), q.Channel, q.Subject, q.Body, q.Status, q.Person, nullID(q.DocumentID),
		FormatDate(q.FollowUp), q.Version, stamp(tx.now), stamp(tx.now))
	if err != nil {
		return err
	}
	if q.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return tx.audit("create", "inquiry", fmt.Sprint(q.ID), nil, q.record())
}

// UpdateInquiry saves q over the stored inquiry. q.Version must be the
// version that was loaded: if someone saved the inquiry in between, the save
// is refused as a conflict instead of silently overwriting their change.
func (s *Store) UpdateInquiry(ctx context.Context, q *Inquiry) error {
	if err := q.Validate(); err != nil {
		return err
	}
	rec := *q
	err := s.write(ctx, func(tx *Tx) error {
		before, err := loadInquiry(tx.ctx, tx, rec.ID)
		if err != nil {
			return err
		}
		if before.Version != rec.Version {
			return tx.staleError("inquiry", fmt.Sprint(rec.ID))
		}
		var person string
		if err := tx.resolveInquiry(&rec, &person); err != nil {
			return err
		}
		if _, err := tx.ExecContext(tx.ctx, `UPDATE inquiries SET customer_id = ?, date = ?, channel = ?, subject = ?,
			body = ?, status = ?, person = ?, document_id = ?, follow_up = ?, version = ?, updated_at = ?
			WHERE id = ?`, rec.CustomerID, FormatDate(rec.Date), rec.Channel, rec.Subject, rec.Body, rec.Status,
			rec.Person, nullID(rec.DocumentID), FormatDate(rec.FollowUp), rec.Version+1, stamp(tx.now), rec.ID); err != nil {
			return err
		}
		rec.Version++
		return tx.audit("update", "inquiry", fmt.Sprint(rec.ID), before.record(), rec.record())
	})
	if err == nil {
		*q = rec
	}
	return err
}

// resolveInquiry checks what q refers to inside the transaction: the
// customer exists (its code, name and person in charge come back), and the
// document, given by id or else by number, is an issued document of that
// customer (its id and number are filled in).
func (tx *Tx) resolveInquiry(q *Inquiry, person *string) error {
	err := tx.QueryRowContext(tx.ctx, `SELECT code, name, kana, person_in_charge FROM customers WHERE id = ?`,
		q.CustomerID).Scan(&q.CustomerCode, &q.CustomerName, &q.CustomerKana, person)
	if errors.Is(err, sql.ErrNoRows) {
		return Invalid("customer", "customer.not_found", q.CustomerID)
	}
	if err != nil {
		return err
	}
	if q.DocumentID == 0 && q.DocumentNumber == "" {
		return nil
	}
	var (
		customerID     int64
		number, status string
	)
	if q.DocumentID == 0 { // as DocumentByNumber finds it
		q.DocumentID, err = idByNumber(tx.ctx, tx, numberedDocuments, q.DocumentNumber)
	}
	if err == nil {
		err = tx.QueryRowContext(tx.ctx, `SELECT customer_id, coalesce(number, ''), status FROM documents
			WHERE id = ?`, q.DocumentID).Scan(&customerID, &number, &status)
	}
	switch {
	case errors.Is(err, sql.ErrNoRows):
		what := q.DocumentNumber
		if what == "" {
			what = fmt.Sprint("#", q.DocumentID)
		}
		return Invalid("document", "inquiry.document_unknown", what)
	case err != nil:
		return err
	case status == StatusDraft:
		return Invalid("document", "inquiry.document_draft")
	case customerID != q.CustomerID:
		return Invalid("document", "inquiry.document_other_customer", number, q.CustomerCode)
	}
	q.DocumentNumber = number
	return nil
}
