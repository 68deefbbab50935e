package store_test

import (
	"strconv"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

func TestLogMail(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-09-20", "2026-10-31", 10000)
	others := f.invoice(f.other, "2026-09-20", "2026-10-31", 10000)
	draft := f.draft(store.KindInvoice, "2026-11-20", storetest.Line("保守作業", "1", 5000, store.TaxExempt))

	doc := func(id int64) store.MailLog {
		return store.MailLog{DocumentID: id, CustomerID: f.cust.ID, Kind: store.MailDocument, To: "keiri@example.jp",
			Subject: "請求書 のご送付", Method: store.MailSMTP}
	}
	cases := []struct {
		name   string
		m      store.MailLog
		code   store.Code
		field  string
		reason string
	}{
		{"no recipient", func() store.MailLog { m := doc(inv.ID); m.To = ""; return m }(), store.CodeInvalid, "to", "required"},
		{"bad recipient", func() store.MailLog { m := doc(inv.ID); m.To = "keiri"; return m }(), store.CodeInvalid, "to", "email.format"},
		{"no document", doc(0), store.CodeInvalid, "document", "required"},
		{"eml without file", func() store.MailLog { m := doc(inv.ID); m.Method = store.MailEML; return m }(), store.CodeInvalid, "file", "required"},
		{"unknown method", func() store.MailLog { m := doc(inv.ID); m.Method = "fax"; return m }(), store.CodeInvalid, "method", "choice"},
		{"a draft", doc(draft.ID), store.CodeInvalid, "document", "mail.draft"},
		{"another customer's document", doc(others.ID), store.CodeInvalid, "document", "mail.other_customer"},
		{"unknown document", doc(9999), store.CodeNotFound, "document", "document.not_found"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			e := storeError(t, f.st.LogMail(f.ctx, &m, nil), tc.code)
			if e.Field != tc.field || e.Reason != tc.reason {
				t.Errorf("%v, want %s: %s", e, tc.field, tc.reason)
			}
		})
	}
	if n := f.count(`SELECT count(*) FROM mail_log`); n != 0 {
		t.Fatalf("%d rows after refusals", n)
	}

	sent := doc(inv.ID)
	sent.MessageID = "<abc@example.jp>"
	if err := f.st.LogMail(f.ctx, &sent, nil); err != nil {
		t.Fatal(err)
	}
	if sent.ID == 0 || sent.DocumentNumber != inv.Number || sent.Actor != "tester" || !sent.SentAt.Equal(fixedNow) {
		t.Errorf("logged %+v", sent)
	}

	// A reminder about the invoice, written to a file, with its reminder
	// history entry in the same transaction.
	rem := store.MailLog{DocumentID: inv.ID, CustomerID: f.cust.ID, Kind: store.MailReminder, To: "keiri@example.jp",
		Subject: "お支払いのお願い", Method: store.MailEML, File: "/tmp/exports/reminder_C0001.eml"}
	r := store.ReminderLog{CustomerID: f.cust.ID, InvoiceID: inv.ID, Date: storetest.Date("2026-11-20"), Method: store.RemindEmail,
		Note: "keiri@example.jp"}
	if err := f.st.LogMail(f.ctx, &rem, &r); err != nil {
		t.Fatal(err)
	}
	if r.ID == 0 || r.InvoiceNumber != inv.Number {
		t.Errorf("reminder %+v", r)
	}
	// One about the whole account.
	account := store.MailLog{CustomerID: f.cust.ID, Kind: store.MailReminder, To: "keiri@example.jp", Method: store.MailSMTP}
	if err := f.st.LogMail(f.ctx, &account, nil); err != nil {
		t.Fatal(err)
	}

	got, err := f.st.MailLog(f.ctx, inv.ID)
	if err != nil || len(got) != 2 || got[0] != rem || got[1] != sent {
		t.Fatalf("MailLog (newest first):\n%+v, %v\nwant\n%+v\n%+v", got, err, rem, sent)
	}
	all, err := f.st.CustomerMailLog(f.ctx, f.cust.ID)
	if err != nil || len(all) != 3 || all[0] != account {
		t.Fatalf("CustomerMailLog %+v, %v", all, err)
	}
	if none, _ := f.st.CustomerMailLog(f.ctx, f.other.ID); len(none) != 0 {
		t.Errorf("the other customer has %+v", none)
	}
	rs, err := f.st.Reminders(f.ctx, f.cust.ID)
	if err != nil || len(rs) != 1 || rs[0].Method != store.RemindEmail || rs[0].ID != r.ID {
		t.Errorf("reminders %+v, %v", rs, err)
	}
	audit, err := f.st.AuditLog(f.ctx, "document", strconv.FormatInt(inv.ID, 10))
	if err != nil || audit[len(audit)-1].Action != "mail" {
		t.Errorf("audit %+v, %v", audit, err)
	}

	// A reminder entry that cannot be written takes the mail row with it.
	bad := store.MailLog{CustomerID: f.cust.ID, Kind: store.MailReminder, To: "keiri@example.jp", Method: store.MailSMTP}
	badR := store.ReminderLog{CustomerID: f.cust.ID, InvoiceID: others.ID, Date: storetest.Date("2026-11-20"), Method: store.RemindEmail}
	storeError(t, f.st.LogMail(f.ctx, &bad, &badR), store.CodeConflict)
	if n := f.count(`SELECT count(*) FROM mail_log`); n != 3 {
		t.Errorf("%d mail rows, want 3: the failed reminder's mail was kept", n)
	}

	// Append-only, whoever writes.
	for _, q := range []string{`UPDATE mail_log SET to_address = 'x@example.jp'`, `DELETE FROM mail_log`} {
		if _, err := f.st.DB().Exec(q); err == nil {
			t.Errorf("%s was allowed", q)
		}
	}
}
