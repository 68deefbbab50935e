package mail_test

import (
	"bytes"
	"strings"
	"testing"

	"daicho/pdf/mail"
	"daicho/store"
)

// The due stage of each invoice goes out through the SMTP server (mailpit)
// in the customer's language, with the stage's words and letter; the
// reminder log keeps the stage, so the next run finds the next stage, and
// sending again the same day sends nothing.
func TestStageRemindersOverSMTP(t *testing.T) {
	f := newFixture(t)
	mp := startMailpit(t, mailpitOptions{})
	f.setMail(func(s *store.MailSettings) {
		s.Host, s.Port, s.Security = "127.0.0.1", mp.smtpPort, store.SecurityNone
	})
	asOf := store.DateOf(2026, 11, 26) // f.overdue (C0001) was due 2026-10-31
	due, err := f.st.ReminderStages(f.ctx, asOf)
	if err != nil || len(due) != 1 || due[0].InvoiceID != f.overdue.ID || due[0].Stage != store.StageFriendly {
		t.Fatalf("due %+v, %v", due, err)
	}
	m, err := mail.ComposeStageReminder(f.ctx, f.st, due[0], asOf)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := mail.Send(f.ctx, f.st, m); err != nil {
		t.Fatal(err)
	}
	got := mp.messages()
	if len(got) != 1 {
		t.Fatalf("%d messages", len(got))
	}
	msg := got[0]
	if msg.Subject != "【ご確認】"+f.overdue.Number+" のお支払いについて" || !strings.Contains(msg.Text, "株式会社テスト 御中") ||
		!strings.Contains(msg.Text, "¥13,200") || !strings.Contains(msg.Text, "2026年12月10日 までに") {
		t.Errorf("subject %q, text:\n%s", msg.Subject, msg.Text)
	}
	if len(msg.Attachments) != 1 || msg.Attachments[0].FileName != "reminder_"+f.overdue.Number+"_friendly_2026-11-26.pdf" ||
		!bytes.HasPrefix(mp.part(msg.ID, msg.Attachments[0].PartID), []byte("%PDF")) {
		t.Errorf("attachments %+v", msg.Attachments)
	}
	rs, err := f.st.Reminders(f.ctx, f.ja.ID)
	if err != nil || len(rs) != 1 || rs[0].Stage != store.StageFriendly || rs[0].InvoiceID != f.overdue.ID {
		t.Fatalf("reminders %+v, %v", rs, err)
	}
	if again, _ := f.st.ReminderStages(f.ctx, asOf); len(again) != 0 {
		t.Errorf("still due after sending: %+v", again)
	}
	all, _ := f.st.InvoiceStages(f.ctx, asOf)
	for _, it := range all {
		if it.InvoiceID == f.overdue.ID && (it.Stage != store.StageFirm || !it.Date.Equal(store.DateOf(2026, 12, 10))) {
			t.Errorf("next after friendly: %+v", it.StageDue)
		}
	}
}
