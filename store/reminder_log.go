package store

import (
	"context"
	"fmt"
	"time"
)

// Reminder methods: how the customer was reminded.
const (
	RemindPhone  = "phone"
	RemindEmail  = "email"
	RemindLetter = "letter"
	RemindVisit  = "visit"
	RemindOther  = "other"
)

// ReminderMethods lists the methods in display order.
var ReminderMethods = []string{RemindPhone, RemindEmail, RemindLetter, RemindVisit, RemindOther}

// ReminderLog records that a customer was reminded of an unpaid invoice (or
// of its account as a whole): the history shown on the overdue screen.
type ReminderLog struct {
	ID            int64
	CustomerID    int64
	InvoiceID     int64  // 0: about the customer's account
	InvoiceNumber string // filled when loaded
	Date          time.Time
	Method        string
	Note          string
	CreatedAt     time.Time
	Actor         string
	Stage         string // the reminder stage sent (StagePreDue…); "": logged by hand (issue 14)
}

// Validate normalises a reminder log in place and returns every field error.
func (r *ReminderLog) Validate() error {
	var ck checker
	if r.CustomerID == 0 {
		ck.add("customer", "required")
	}
	if r.Date.IsZero() {
		ck.add("date", "required")
	}
	ck.choice("method", r.Method, ReminderMethods...)
	ck.text("note", &r.Note, false, 1000)
	if r.Stage != "" {
		ck.choice("stage", r.Stage, ReminderStageNames...)
		if r.InvoiceID == 0 {
			ck.add("invoice", "required") // a stage is an invoice's
		}
	}
	return ck.errs.OrNil()
}

// LogReminder stores a reminder (with an audit row). An invoice, when given,
// must be an issued invoice of the customer. r gets its ID, the invoice
// number, the actor and the time.
func (s *Store) LogReminder(ctx context.Context, r *ReminderLog) error {
	if err := r.Validate(); err != nil {
		return err
	}
	rec := *r
	err := s.write(ctx, func(tx *Tx) error { return tx.insertReminder(&rec) })
	if err == nil {
		*r = rec
	}
	return err
}

// insertReminder writes a validated reminder and its audit row in tx (also
// for LogMail, which records a reminder sent by mail with the mail).
func (tx *Tx) insertReminder(rec *ReminderLog) error {
	var exists int
	if err := tx.QueryRowContext(tx.ctx, `SELECT count(*) FROM customers WHERE id = ?`, rec.CustomerID).Scan(&exists); err != nil {
		return err
	}
	if exists == 0 {
		return Invalid("customer", "customer.not_found", rec.CustomerID)
	}
	if rec.InvoiceID != 0 {
		b, err := invoiceBalance(tx.ctx, tx, rec.InvoiceID)
		if err != nil {
			return err
		}
		if err := b.allocatable(rec.CustomerID); err != nil {
			return err
		}
		rec.InvoiceNumber = b.Number
	}
	rec.Date, rec.Actor, rec.CreatedAt = dateOnly(rec.Date), tx.actor, tx.now
	res, err := tx.ExecContext(tx.ctx, `INSERT INTO reminder_logs (customer_id, invoice_id, date, method, note, actor,
		created_at, stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, rec.CustomerID, nullID(rec.InvoiceID), FormatDate(rec.Date),
		rec.Method, rec.Note, rec.Actor, stamp(rec.CreatedAt), rec.Stage)
	if err != nil {
		return err
	}
	if rec.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	return tx.audit("remind", "customer", fmt.Sprint(rec.CustomerID), nil, map[string]any{"reminder": rec.ID,
		"invoice": rec.InvoiceNumber, "date": FormatDate(rec.Date), "method": rec.Method, "note": rec.Note,
		"stage": rec.Stage})
}

// Reminders lists a customer's reminder history, newest first.
func (s *Store) Reminders(ctx context.Context, customerID int64) ([]ReminderLog, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.id, r.customer_id, coalesce(r.invoice_id, 0), coalesce(d.number, ''),
		r.date, r.method, r.note, r.created_at, r.actor, r.stage
		FROM reminder_logs r LEFT JOIN documents d ON d.id = r.invoice_id
		WHERE r.customer_id = ? ORDER BY r.date DESC, r.id DESC`, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReminderLog
	for rows.Next() {
		var r ReminderLog
		var date, created string
		if err := rows.Scan(&r.ID, &r.CustomerID, &r.InvoiceID, &r.InvoiceNumber, &date, &r.Method, &r.Note,
			&created, &r.Actor, &r.Stage); err != nil {
			return nil, err
		}
		r.Date = mustDate(date)
		r.CreatedAt, _ = time.Parse(time.RFC3339Nano, created)
		out = append(out, r)
	}
	return out, rows.Err()
}
