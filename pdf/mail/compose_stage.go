package mail

import (
	"bytes"
	"context"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// ComposeStageReminder makes the mail of an invoice's due reminder stage
// (issue 14; store.ReminderStages says which): the stage's subject and words
// in the customer's language, the stage's letter attached, and the reminder
// log entry with the stage, written when the mail leaves.
func ComposeStageReminder(ctx context.Context, st *store.Store, it store.InvoiceStage, asOf time.Time) (Message, error) {
	r, subject, err := pdf.BuildStageReminder(ctx, st, it, asOf)
	if err != nil {
		return Message{}, err
	}
	cu, co, settings, err := parties(ctx, st, it.CustomerID)
	if err != nil {
		return Message{}, err
	}
	m, err := newMessage(store.MailReminder, cu, co, settings, cu.Language)
	if err != nil {
		return Message{}, err
	}
	m.DocumentID, m.Subject, m.Body = it.InvoiceID, subject, r.Body
	var buf bytes.Buffer
	if err := pdf.RenderReminder(&buf, r); err != nil {
		return Message{}, err
	}
	m.AttachmentName, m.Attachment = pdf.StageReminderFileName(it.Number, it.Stage, r.Date), buf.Bytes()
	m.Reminder = &store.ReminderLog{CustomerID: it.CustomerID, InvoiceID: it.InvoiceID, Date: r.Date,
		Method: store.RemindEmail, Note: m.To, Stage: it.Stage}
	return m, nil
}
