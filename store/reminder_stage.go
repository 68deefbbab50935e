package store

import (
	"context"
	"fmt"
	"time"
)

// Staged reminders (issue 14): a notice a few days before the due date (for
// customers who asked for one), a friendly reminder after it, a firm 督促
// later and a final notice. Each stage has its day, counted from the
// invoice's due date, and its own words in both languages; all are settings
// (table reminder_stages). Which stage an invoice is at comes from the
// reminder log: NextStage is the one rule, and every screen and command
// reads it through InvoiceStages or ReminderStages.

// The stages, in order.
const (
	StagePreDue   = "pre_due"  // before the due date: a courtesy notice
	StageFriendly = "friendly" // just after it: "perhaps it was overlooked"
	StageFirm     = "firm"     // 督促: please pay by a date
	StageFinal    = "final"    // 最終通知: the last letter before other steps
)

// ReminderStageNames lists the stages in order.
var ReminderStageNames = []string{StagePreDue, StageFriendly, StageFirm, StageFinal}

// ReminderStage is the setting of one stage. An empty subject or body means
// the built-in words (DefaultStageText).
type ReminderStage struct {
	Stage     string `json:"stage"`
	Days      int    `json:"days"` // from the due date; the notice's is negative (before it)
	Enabled   bool   `json:"enabled"`
	SubjectJA string `json:"subject_ja"`
	BodyJA    string `json:"body_ja"`
	SubjectEN string `json:"subject_en"`
	BodyEN    string `json:"body_en"`
}

// Text is the stage's subject and body in lang ("ja" or "en"), the built-in
// words where none are set.
func (r ReminderStage) Text(lang string) (subject, body string) {
	subject, body = r.SubjectJA, r.BodyJA
	if lang == "en" {
		subject, body = r.SubjectEN, r.BodyEN
	}
	ds, db := DefaultStageText(r.Stage, lang)
	if subject == "" {
		subject = ds
	}
	if body == "" {
		body = db
	}
	return subject, body
}

// validateStages checks the stages as a whole: all four, in order, the
// notice before the due date (−60…0), the others after it (1…365) and each
// enabled stage later than the one before.
func validateStages(stages []ReminderStage) error {
	var ck checker
	if len(stages) != len(ReminderStageNames) {
		ck.add("stages", "reminder_stage.count", len(ReminderStageNames))
		return ck.errs
	}
	last, lastName := -1000, ""
	for i := range stages {
		s := &stages[i]
		field := func(f string) string { return s.Stage + "." + f }
		if s.Stage != ReminderStageNames[i] {
			ck.add(field("stage"), "reminder_stage.order")
			continue
		}
		if s.Stage == StagePreDue {
			ck.intRange(field("days"), s.Days, -60, 0, 0)
		} else {
			ck.intRange(field("days"), s.Days, 1, 365, 1)
		}
		for _, t := range []struct {
			name string
			v    *string
			subj bool
		}{{"subject_ja", &s.SubjectJA, true}, {"body_ja", &s.BodyJA, false},
			{"subject_en", &s.SubjectEN, true}, {"body_en", &s.BodyEN, false}} {
			if t.subj {
				ck.line(field(t.name), t.v, false, 200)
			} else {
				ck.text(field(t.name), t.v, false, 4000)
			}
		}
		if s.Enabled {
			if s.Days <= last {
				ck.add(field("days"), "reminder_stage.not_after", lastName, last)
			}
			last, lastName = s.Days, s.Stage
		}
	}
	return ck.errs.OrNil()
}

// DefaultReminderStages are the stages of a new ledger: −3, +1, +15, +30
// days, all enabled, with the built-in words.
func DefaultReminderStages() []ReminderStage {
	days := map[string]int{StagePreDue: -3, StageFriendly: 1, StageFirm: 15, StageFinal: 30}
	out := make([]ReminderStage, len(ReminderStageNames))
	for i, name := range ReminderStageNames {
		out[i] = ReminderStage{Stage: name, Days: days[name], Enabled: true}
	}
	return out
}

// ReminderStageSettings reads the four stages in order.
func (s *Store) ReminderStageSettings(ctx context.Context) ([]ReminderStage, error) {
	return loadStages(ctx, s.db)
}

func loadStages(ctx context.Context, q queryer) ([]ReminderStage, error) {
	rows, err := q.QueryContext(ctx, `SELECT stage, days, enabled, subject_ja, body_ja, subject_en, body_en
		FROM reminder_stages ORDER BY position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReminderStage
	for rows.Next() {
		var r ReminderStage
		if err := rows.Scan(&r.Stage, &r.Days, &r.Enabled, &r.SubjectJA, &r.BodyJA, &r.SubjectEN, &r.BodyEN); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return DefaultReminderStages(), nil
	}
	return out, nil
}

// SaveReminderStages validates and stores the four stages (with an audit
// row), in one transaction.
func (s *Store) SaveReminderStages(ctx context.Context, stages []ReminderStage) error {
	stages = append([]ReminderStage(nil), stages...)
	if err := validateStages(stages); err != nil {
		return err
	}
	return s.write(ctx, func(tx *Tx) error {
		old, err := loadStages(tx.ctx, tx)
		if err != nil {
			return err
		}
		for i, r := range stages {
			if _, err := tx.ExecContext(tx.ctx, `INSERT INTO reminder_stages (stage, position, days, enabled,
				subject_ja, body_ja, subject_en, body_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT (stage) DO UPDATE SET days = excluded.days, enabled = excluded.enabled,
				subject_ja = excluded.subject_ja, body_ja = excluded.body_ja, subject_en = excluded.subject_en,
				body_en = excluded.body_en, version = version + 1`,
				r.Stage, i+1, r.Days, r.Enabled, r.SubjectJA, r.BodyJA, r.SubjectEN, r.BodyEN); err != nil {
				return err
			}
		}
		return tx.audit("update", "reminder_stages", "", old, stages)
	})
}

// SentStage is a stage already sent for an invoice: the latest day it was.
type SentStage struct {
	Stage string
	Date  time.Time
}

// StageInput is what the stage rule needs to know of one invoice.
type StageInput struct {
	DueDate      time.Time
	Open         Money
	PreDueNotice bool        // the customer wants the notice before the due date
	Hold         string      // the customer's hold reason ("": not held)
	Sent         []SentStage // stages logged for the invoice on or before the as-of day, any order
}

// StageDue is an invoice's next reminder stage: which, from when, and
// whether it is due on the as-of day. Stage "" means none is left (or the
// invoice has nothing open, or no due date); Held says the customer is on
// hold, when no stage is ever due.
type StageDue struct {
	Stage string
	Date  time.Time
	Due   bool
	Held  bool
	Last  SentStage // the most advanced stage already sent (Stage "": none)
}

// NextStage is the one stage rule. Stages go in order and none is sent
// twice; a stage sent later in the order makes the earlier ones moot. The
// notice before the due date is only for customers who want it, and only
// until the due date (after it, it would say the wrong thing). After a stage
// was sent, the next keeps its distance: it is due on the later of its own
// day (due date + days) and the day the last was sent plus the days between
// the two stages, so a late friendly reminder is not followed by the firm one
// the next morning. Disabled stages are skipped.
func NextStage(stages []ReminderStage, in StageInput, asOf time.Time) StageDue {
	asOf = dateOnly(asOf)
	var out StageDue
	pos := map[string]int{}
	for i, s := range stages {
		pos[s.Stage] = i
	}
	lastPos := -1
	for _, s := range in.Sent {
		if p, ok := pos[s.Stage]; ok && (p > lastPos || (p == lastPos && s.Date.After(out.Last.Date))) {
			lastPos, out.Last = p, s
		}
	}
	if in.Hold != "" {
		out.Held = true
		return out
	}
	if in.Open <= 0 || in.DueDate.IsZero() {
		return out
	}
	for i := lastPos + 1; i < len(stages); i++ {
		s := stages[i]
		if !s.Enabled {
			continue
		}
		if s.Stage == StagePreDue && (!in.PreDueNotice || !asOf.Before(in.DueDate)) {
			continue
		}
		date := in.DueDate.AddDate(0, 0, s.Days)
		if lastPos >= 0 {
			if gap := out.Last.Date.AddDate(0, 0, s.Days-stages[lastPos].Days); gap.After(date) {
				date = gap
			}
		}
		out.Stage, out.Date, out.Due = s.Stage, date, !date.After(asOf)
		return out
	}
	return out
}

// InvoiceStage is an open invoice with its next reminder stage as of a day.
type InvoiceStage struct {
	InvoiceBalance
	StageDue
	HoldReason   string
	PreDueNotice bool
}

// InvoiceStages lists every invoice open as of asOf (due or not), the
// oldest due date first, with its next reminder stage by NextStage: what
// the overdue screen and `daicho overdue` show.
func (s *Store) InvoiceStages(ctx context.Context, asOf time.Time) ([]InvoiceStage, error) {
	day := dateOnly(asOf)
	stages, err := loadStages(ctx, s.db)
	if err != nil {
		return nil, err
	}
	open, err := openAsOf(ctx, s.db, day, 0, false)
	if err != nil {
		return nil, err
	}
	type flags struct {
		preDue bool
		hold   string
	}
	customers := map[int64]flags{}
	rows, err := s.db.QueryContext(ctx, `SELECT id, pre_due_notice, reminder_hold FROM customers
		WHERE pre_due_notice <> 0 OR reminder_hold <> ''`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var id int64
		var f flags
		if err := rows.Scan(&id, &f.preDue, &f.hold); err != nil {
			rows.Close()
			return nil, err
		}
		customers[id] = f
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	sent, err := sentStages(ctx, s.db, day)
	if err != nil {
		return nil, err
	}
	out := make([]InvoiceStage, 0, len(open))
	for _, b := range open {
		f := customers[b.CustomerID]
		in := StageInput{DueDate: b.DueDate, Open: b.Open, PreDueNotice: f.preDue, Hold: f.hold, Sent: sent[b.InvoiceID]}
		out = append(out, InvoiceStage{InvoiceBalance: b, StageDue: NextStage(stages, in, day), HoldReason: f.hold,
			PreDueNotice: f.preDue})
	}
	return out, nil
}

// ReminderStages lists the invoices whose next stage is due as of asOf
// (customers on hold left out), the oldest due date first: what `R` on the
// overdue screen sends and what `daicho notify` tells the person in charge.
func (s *Store) ReminderStages(ctx context.Context, asOf time.Time) ([]InvoiceStage, error) {
	all, err := s.InvoiceStages(ctx, asOf)
	if err != nil {
		return nil, err
	}
	due := all[:0]
	for _, it := range all {
		if it.Due && !it.Held && it.Stage != "" {
			due = append(due, it)
		}
	}
	return due, nil
}

// sentStages reads the stages logged per invoice on or before day.
func sentStages(ctx context.Context, q queryer, day time.Time) (map[int64][]SentStage, error) {
	rows, err := q.QueryContext(ctx, `SELECT invoice_id, stage, max(date) FROM reminder_logs
		WHERE stage <> '' AND invoice_id IS NOT NULL AND date <= ? GROUP BY invoice_id, stage`, FormatDate(day))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]SentStage{}
	for rows.Next() {
		var id int64
		var st, date string
		if err := rows.Scan(&id, &st, &date); err != nil {
			return nil, err
		}
		out[id] = append(out[id], SentStage{Stage: st, Date: mustDate(date)})
	}
	return out, rows.Err()
}

// SetReminderHold puts a customer on hold (no reminders) with the reason,
// or releases it (reason ""), with an audit row.
func (s *Store) SetReminderHold(ctx context.Context, customerID int64, reason string) error {
	var ck checker
	ck.line("reminder_hold", &reason, false, 200)
	if len(ck.errs) > 0 {
		return ck.errs
	}
	return s.write(ctx, func(tx *Tx) error {
		var old string
		if err := tx.QueryRowContext(tx.ctx, `SELECT reminder_hold FROM customers WHERE id = ?`, customerID).Scan(&old); err != nil {
			if isNoRows(err) {
				return &Error{Code: CodeNotFound, Reason: "customer.not_found", Args: []any{customerID}}
			}
			return err
		}
		if _, err := tx.ExecContext(tx.ctx, `UPDATE customers SET reminder_hold = ?, version = version + 1,
			updated_at = ? WHERE id = ?`, reason, stamp(tx.now), customerID); err != nil {
			return err
		}
		return tx.audit("reminder_hold", "customer", fmt.Sprint(customerID),
			map[string]any{"reminder_hold": old}, map[string]any{"reminder_hold": reason})
	})
}
