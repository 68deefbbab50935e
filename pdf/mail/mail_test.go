package mail_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"daicho/pdf/mail"
	"daicho/store"
	"daicho/store/storetest"
)

var fixedNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

// fixture is a ledger with a company, a Japanese customer with an email
// (C0001, an organisation), an English one (C0002), a Japanese one without
// email (C0003), and issued invoices, exports going to a temporary folder.
type fixture struct {
	t                 *testing.T
	ctx               context.Context
	st                *store.Store
	exports           string
	ja, en, noEmail   store.Customer
	invoice, invoiceE store.Document // C0001's and C0002's, due 2026-12-31
	overdue           store.Document // C0001's, due 2026-10-31: overdue on the test date
	draft             store.Document
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	st := storetest.Open(t)
	st.Now, st.Actor = func() time.Time { return fixedNow }, "keiri"
	f := &fixture{t: t, ctx: t.Context(), st: st, exports: t.TempDir()}
	co := storetest.Company()
	co.Email, co.ExportsDir = "keiri@sample.example.jp", f.exports
	storetest.SaveCompany(t, st, co)
	add := func(code, name, email, lang string) store.Customer {
		c := storetest.Customer(code, name)
		c.Email, c.Language = email, lang
		if lang == "en" {
			c.Honorific = ""
		}
		return storetest.AddCustomers(t, st, c)[0]
	}
	f.ja = add("C0001", "株式会社テスト", "tanaka@test.example.jp", "ja")
	f.en = add("C0002", "Example Ltd.", "ap@example.com", "en")
	f.noEmail = add("C0003", "有限会社メールなし", "", "ja")
	f.invoice = f.issue(f.ja, "2026-11-20", "2026-12-31", 30000)
	f.invoiceE = f.issue(f.en, "2026-11-20", "2026-12-31", 50000)
	f.overdue = f.issue(f.ja, "2026-09-30", "2026-10-31", 12000)
	f.draft = f.save(f.ja, store.KindInvoice, "2026-11-25", "", 1000)
	return f
}

func (f *fixture) save(c store.Customer, kind, date, due string, price store.Money) store.Document {
	f.t.Helper()
	d := store.Document{Kind: kind, CustomerID: c.ID, Subject: "保守", IssueDate: storetest.Date(date),
		Lines: []store.Line{storetest.Line("保守サポート", "1", price, store.TaxStandard)}}
	if due != "" {
		d.DueDate = storetest.Date(due)
	}
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		f.t.Fatal(err)
	}
	return d
}

func (f *fixture) issue(c store.Customer, date, due string, price store.Money) store.Document {
	f.t.Helper()
	d := f.save(c, store.KindInvoice, date, due, price)
	issued, err := f.st.Issue(f.ctx, d.ID, d.Version)
	if err != nil {
		f.t.Fatal(err)
	}
	return issued
}

// setMail saves mail settings changed by edit.
func (f *fixture) setMail(edit func(m *store.MailSettings)) {
	f.t.Helper()
	m, err := f.st.MailSettings(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	edit(&m)
	if err := f.st.SaveMailSettings(f.ctx, &m); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) mailLog(documentID int64) []store.MailLog {
	f.t.Helper()
	log, err := f.st.MailLog(f.ctx, documentID)
	if err != nil {
		f.t.Fatal(err)
	}
	return log
}

func (f *fixture) compose(id int64) mail.Message {
	f.t.Helper()
	m, err := mail.ComposeDocument(f.ctx, f.st, id)
	if err != nil {
		f.t.Fatalf("ComposeDocument: %v", err)
	}
	return m
}

func reasonOf(t *testing.T, err error) string {
	t.Helper()
	e, ok := store.AsError(err)
	if !ok {
		t.Fatalf("got %v, want a store error", err)
	}
	return e.Reason
}

func TestComposeDocument(t *testing.T) {
	f := newFixture(t)
	m := f.compose(f.invoice.ID)
	if m.To != "tanaka@test.example.jp" || m.ToName != "株式会社テスト" || m.From != "keiri@sample.example.jp" ||
		m.FromName != "株式会社サンプル商事" || m.Kind != store.MailDocument || m.DocumentID != f.invoice.ID {
		t.Errorf("addresses %+v", m)
	}
	if m.Subject != "請求書 I-2026-0001 のご送付" {
		t.Errorf("subject %q", m.Subject)
	}
	for _, want := range []string{"株式会社テスト\nご担当者様", "株式会社サンプル商事でございます", "請求書（I-2026-0001）",
		"ご請求金額: ¥33,000", "お支払期限: 2026年12月31日"} {
		if !strings.Contains(m.Body, want) {
			t.Errorf("body lacks %q:\n%s", want, m.Body)
		}
	}
	if m.AttachmentName != "I-2026-0001_株式会社テスト.pdf" || !bytes.HasPrefix(m.Attachment, []byte("%PDF")) {
		t.Errorf("attachment %q, %d bytes", m.AttachmentName, len(m.Attachment))
	}

	// English, from the settings' own sender, in the customer's language.
	f.setMail(func(s *store.MailSettings) { s.From, s.FromName = "billing@sample.example.jp", "Sample Trading" })
	m = f.compose(f.invoiceE.ID)
	if m.Subject != "Invoice I-2026-0002 from 株式会社サンプル商事" || m.From != "billing@sample.example.jp" ||
		m.FromName != "Sample Trading" || !strings.Contains(m.Body, "Dear Example Ltd.,") ||
		!strings.Contains(m.Body, "Total: ¥55,000\nDue date: 31 Dec 2026") {
		t.Errorf("English mail %q from %s:\n%s", m.Subject, m.From, m.Body)
	}

	// An estimate has no due date: the line naming it goes, not just the value.
	est := f.save(f.ja, store.KindEstimate, "2026-11-20", "", 1000)
	if _, err := f.st.Issue(f.ctx, est.ID, est.Version); err != nil {
		t.Fatal(err)
	}
	m = f.compose(est.ID)
	if strings.Contains(m.Body, "お支払期限") || !strings.Contains(m.Body, "見積書（Q-2026-0001）") ||
		!strings.HasPrefix(m.Subject, "見積書 Q-2026-0001") {
		t.Errorf("estimate mail %q:\n%s", m.Subject, m.Body)
	}

	refusals := []struct {
		name   string
		id     int64
		reason string
	}{
		{"a draft", f.draft.ID, "mail.draft"},
		{"no email", f.issue(f.noEmail, "2026-11-20", "2026-12-31", 1000).ID, "mail.no_email"},
	}
	for _, tc := range refusals {
		_, err := mail.ComposeDocument(f.ctx, f.st, tc.id)
		if got := reasonOf(t, err); got != tc.reason {
			t.Errorf("%s: %v, want %s", tc.name, err, tc.reason)
		}
	}
	// No sender anywhere.
	f.setMail(func(s *store.MailSettings) { s.From = "" })
	co, _ := f.st.Company(f.ctx)
	co.Email = ""
	if err := f.st.SaveCompany(f.ctx, &co); err != nil {
		t.Fatal(err)
	}
	if _, err := mail.ComposeDocument(f.ctx, f.st, f.invoice.ID); reasonOf(t, err) != "mail.no_from" {
		t.Errorf("no sender: %v", err)
	}
}

func TestSendOverSMTP(t *testing.T) {
	f := newFixture(t)
	mp := startMailpit(t, mailpitOptions{})
	f.setMail(func(s *store.MailSettings) {
		s.Host, s.Port, s.Security = "127.0.0.1", mp.smtpPort, store.SecurityNone
	})
	m := f.compose(f.invoice.ID)
	log, err := mail.Send(f.ctx, f.st, m)
	if err != nil {
		t.Fatal(err)
	}
	got := mp.messages()
	if len(got) != 1 {
		t.Fatalf("%d messages arrived", len(got))
	}
	msg := got[0]
	if len(msg.To) != 1 || msg.To[0].Address != "tanaka@test.example.jp" || msg.To[0].Name != "株式会社テスト" ||
		msg.From.Address != "keiri@sample.example.jp" || msg.From.Name != "株式会社サンプル商事" {
		t.Errorf("from %+v to %+v", msg.From, msg.To)
	}
	if msg.Subject != "請求書 I-2026-0001 のご送付" || !strings.Contains(msg.Text, "ご請求金額: ¥33,000") {
		t.Errorf("subject %q, text:\n%s", msg.Subject, msg.Text)
	}
	if !msg.Date.Equal(fixedNow) || "<"+msg.MessageID+">" != log.MessageID || !strings.HasSuffix(msg.MessageID, "@sample.example.jp") {
		t.Errorf("date %v, message id %q (logged %q)", msg.Date, msg.MessageID, log.MessageID)
	}
	if len(msg.Attachments) != 1 {
		t.Fatalf("attachments %+v", msg.Attachments)
	}
	a := msg.Attachments[0]
	if a.FileName != "I-2026-0001_株式会社テスト.pdf" || a.ContentType != "application/pdf" {
		t.Errorf("attachment %+v", a)
	}
	if pdf := mp.part(msg.ID, a.PartID); !bytes.HasPrefix(pdf, []byte("%PDF")) || !bytes.Equal(pdf, m.Attachment) {
		t.Errorf("attachment bytes differ from the PDF (%d bytes, starts %q)", len(pdf), pdf[:min(8, len(pdf))])
	}
	logged := f.mailLog(f.invoice.ID)
	if len(logged) != 1 || logged[0] != log || log.Method != store.MailSMTP || log.To != "tanaka@test.example.jp" ||
		log.Actor != "keiri" || !log.SentAt.Equal(fixedNow) || log.DocumentNumber != "I-2026-0001" {
		t.Errorf("logged %+v (returned %+v)", logged, log)
	}
}

// TestSendWithPassword authenticates against mailpit with a password from an
// environment variable and from a 0600 file, over verified STARTTLS and over
// plain SMTP to this machine; a wrong password fails and logs nothing.
func TestSendWithPassword(t *testing.T) {
	cases := []struct {
		name     string
		security string
		tls      bool
		source   func(t *testing.T, s *store.MailSettings, password string)
	}{
		{"starttls, env", store.SecuritySTARTTLS, true, fromEnv},
		{"starttls, file", store.SecuritySTARTTLS, true, fromFile},
		{"plain to localhost, env", store.SecurityNone, false, fromEnv},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			mp := startMailpit(t, mailpitOptions{users: "keiri:s3cret-パス", tls: tc.tls})
			sender := mail.Sender{TLSConfig: mp.tlsConfig(), Timeout: 10 * time.Second}
			f.setMail(func(s *store.MailSettings) {
				s.Host, s.Port, s.Security, s.Username = "127.0.0.1", mp.smtpPort, tc.security, "keiri"
				tc.source(t, s, "wrong")
			})
			m := f.compose(f.invoice.ID)
			if _, err := sender.Send(f.ctx, f.st, m); err == nil {
				t.Fatal("a wrong password was accepted")
			}
			if n := len(mp.messages()); n != 0 || len(f.mailLog(f.invoice.ID)) != 0 {
				t.Fatalf("after the refusal: %d messages, log %+v", n, f.mailLog(f.invoice.ID))
			}
			f.setMail(func(s *store.MailSettings) { tc.source(t, s, "s3cret-パス") })
			if _, err := sender.Send(f.ctx, f.st, m); err != nil {
				t.Fatal(err)
			}
			got := mp.messages()
			if len(got) != 1 || got[0].Username != "keiri" || len(f.mailLog(f.invoice.ID)) != 1 {
				t.Fatalf("messages %+v", got)
			}
		})
	}
}

func fromEnv(t *testing.T, s *store.MailSettings, password string) {
	t.Setenv("DAICHO_TEST_SMTP_PASSWORD", password)
	s.PasswordEnv, s.PasswordFile = "DAICHO_TEST_SMTP_PASSWORD", ""
}

func fromFile(t *testing.T, s *store.MailSettings, password string) {
	path := filepath.Join(t.TempDir(), "smtp-password")
	if err := os.WriteFile(path, []byte(password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.PasswordEnv, s.PasswordFile = "", path
}

func TestSTARTTLSIsMandatory(t *testing.T) {
	f := newFixture(t)
	mp := startMailpit(t, mailpitOptions{}) // offers no STARTTLS
	f.setMail(func(s *store.MailSettings) {
		s.Host, s.Port, s.Security = "127.0.0.1", mp.smtpPort, store.SecuritySTARTTLS
	})
	_, err := mail.Send(f.ctx, f.st, f.compose(f.invoice.ID))
	var se *mail.SendError
	if !errors.As(err, &se) || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("got %v, want a SendError about STARTTLS", err)
	}
	if n := len(mp.messages()); n != 0 || len(f.mailLog(f.invoice.ID)) != 0 {
		t.Fatalf("sent in clear: %d messages", n)
	}
}

func TestSendFailureLogsNothing(t *testing.T) {
	f := newFixture(t)
	down := freePort(t) // nobody listens there
	f.setMail(func(s *store.MailSettings) { s.Host, s.Port, s.Security = "127.0.0.1", down, store.SecurityNone })
	for _, m := range []mail.Message{f.compose(f.invoice.ID), f.reminder()} {
		_, err := mail.Sender{Timeout: 5 * time.Second}.Send(f.ctx, f.st, m)
		var se *mail.SendError
		if !errors.As(err, &se) || !strings.HasSuffix(se.Server, ":"+strconv.Itoa(down)) {
			t.Fatalf("%s: got %v, want a SendError naming the server", m.Kind, err)
		}
	}
	all, _ := f.st.CustomerMailLog(f.ctx, f.ja.ID)
	rs, _ := f.st.Reminders(f.ctx, f.ja.ID)
	if len(all) != 0 || len(rs) != 0 {
		t.Errorf("a failed send was logged: %+v, reminders %+v", all, rs)
	}
	if files, _ := filepath.Glob(filepath.Join(f.exports, "*")); len(files) != 0 {
		t.Errorf("files written: %v", files)
	}
}

func (f *fixture) reminder() mail.Message {
	f.t.Helper()
	m, err := mail.ComposeReminder(f.ctx, f.st, f.ja.ID, f.overdue.ID, store.DateOf(2026, 11, 26), store.DateOf(2026, 12, 10))
	if err != nil {
		f.t.Fatalf("ComposeReminder: %v", err)
	}
	return m
}

func TestEMLWithoutSMTPSettings(t *testing.T) {
	f := newFixture(t)
	m := f.compose(f.invoice.ID)
	log, err := mail.Send(f.ctx, f.st, m)
	if err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(f.exports, "I-2026-0001_株式会社テスト_20261126-090000.eml")
	if log.Method != store.MailEML || log.File != want {
		t.Fatalf("logged %+v, want the file %s", log, want)
	}
	if info, err := os.Stat(want); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("%s: %v %v", want, info.Mode(), err)
	}
	raw, _ := os.ReadFile(want)
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(msg.Header.Get("Subject"))
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 1 || to[0].Address != "tanaka@test.example.jp" || subject != "請求書 I-2026-0001 のご送付" {
		t.Errorf("to %v (%v), subject %q", to, err, subject)
	}
	if date, err := msg.Header.Date(); err != nil || !date.Equal(fixedNow) || msg.Header.Get("Message-ID") != log.MessageID {
		t.Errorf("date %v %v, message id %q", date, err, msg.Header.Get("Message-ID"))
	}
	text, name, pdf := parseMultipart(t, msg)
	if !strings.Contains(text, "ご請求金額: ¥33,000") || name != "I-2026-0001_株式会社テスト.pdf" ||
		!bytes.HasPrefix(pdf, []byte("%PDF")) || !bytes.Equal(pdf, m.Attachment) {
		t.Errorf("text %q, attachment %q (%d bytes)", text, name, len(pdf))
	}

	// The same mail again the same second: a second file, not over the first.
	again, err := mail.Send(f.ctx, f.st, m)
	if err != nil || again.File != strings.TrimSuffix(want, ".eml")+"-2.eml" {
		t.Errorf("second file %q, %v", again.File, err)
	}
	if n := len(f.mailLog(f.invoice.ID)); n != 2 {
		t.Errorf("%d log entries, want 2", n)
	}

	// A fixed folder (server mode) wins over the company settings.
	fixed := t.TempDir()
	third, err := mail.Sender{ExportsDir: fixed}.Send(f.ctx, f.st, m)
	if err != nil || filepath.Dir(third.File) != fixed {
		t.Errorf("with a fixed folder: %q, %v", third.File, err)
	}
}

// parseMultipart reads a multipart/mixed message back: the text part and the
// one attachment, decoded.
func parseMultipart(t *testing.T, msg *netmail.Message) (text, name string, attachment []byte) {
	t.Helper()
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mediaType != "multipart/mixed" {
		t.Fatalf("content type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := r.NextPart()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		var body io.Reader = p
		switch strings.ToLower(p.Header.Get("Content-Transfer-Encoding")) {
		case "base64":
			body = base64.NewDecoder(base64.StdEncoding, p)
		case "quoted-printable":
			body = quotedprintable.NewReader(p)
		}
		b, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		switch {
		case ct == "text/plain":
			text = string(b)
		case ct == "application/pdf":
			name, attachment = p.FileName(), b
			if dec, err := new(mime.WordDecoder).DecodeHeader(name); err == nil {
				name = dec
			}
		}
	}
}

func TestReminderByMail(t *testing.T) {
	f := newFixture(t)
	m := f.reminder()
	if m.Kind != store.MailReminder || m.Subject != "お支払いのお願い（株式会社サンプル商事）" ||
		!strings.Contains(m.Body, "請求書番号: I-2026-0003") || !strings.Contains(m.Body, "未入金額: ¥13,200") ||
		!strings.Contains(m.Body, "2026年12月10日までに") || m.AttachmentName != "reminder_C0001_2026-11-26.pdf" ||
		!bytes.HasPrefix(m.Attachment, []byte("%PDF")) {
		t.Errorf("reminder %q, %q:\n%s", m.Subject, m.AttachmentName, m.Body)
	}
	log, err := mail.Send(f.ctx, f.st, m)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := f.st.Reminders(f.ctx, f.ja.ID)
	if err != nil || len(rs) != 1 || rs[0].Method != store.RemindEmail || rs[0].InvoiceNumber != "I-2026-0003" ||
		rs[0].Note != "tanaka@test.example.jp" {
		t.Errorf("reminders %+v, %v", rs, err)
	}
	if got := f.mailLog(f.overdue.ID); len(got) != 1 || got[0] != log || log.Kind != store.MailReminder {
		t.Errorf("mail log %+v", got)
	}

	// A customer with nothing overdue gets no reminder.
	_, err = mail.ComposeReminder(f.ctx, f.st, f.en.ID, 0, store.DateOf(2026, 11, 26), store.DateOf(2026, 12, 10))
	if reasonOf(t, err) != "reminder.nothing_overdue" {
		t.Errorf("nothing overdue: %v", err)
	}
}

func TestPasswordSources(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	t.Setenv("DAICHO_TEST_PW", "from-env")
	t.Setenv("DAICHO_TEST_EMPTY", "")
	cases := []struct {
		name   string
		s      store.MailSettings
		want   string
		reason string
	}{
		{"env", store.MailSettings{PasswordEnv: "DAICHO_TEST_PW"}, "from-env", ""},
		{"env unset", store.MailSettings{PasswordEnv: "DAICHO_TEST_NOT_SET"}, "", "mail.password_env_unset"},
		{"env empty", store.MailSettings{PasswordEnv: "DAICHO_TEST_EMPTY"}, "", "mail.password_env_unset"},
		{"file 0600", store.MailSettings{PasswordFile: write("ok", "pa ss\r\n", 0o600)}, "pa ss", ""},
		{"file 0400", store.MailSettings{PasswordFile: write("ro", "x", 0o400)}, "x", ""},
		{"file 0644", store.MailSettings{PasswordFile: write("open", "x", 0o644)}, "", "mail.password_file_mode"},
		{"file 0640", store.MailSettings{PasswordFile: write("group", "x", 0o640)}, "", "mail.password_file_mode"},
		{"file empty", store.MailSettings{PasswordFile: write("empty", "\n", 0o600)}, "", "mail.password_file_empty"},
		{"file missing", store.MailSettings{PasswordFile: filepath.Join(dir, "none")}, "", "mail.password_file_unreadable"},
		{"a folder", store.MailSettings{PasswordFile: dir}, "", "mail.password_file_unreadable"},
		{"no source", store.MailSettings{}, "", "mail.password_missing"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := mail.Password(tc.s)
			if tc.reason == "" {
				if err != nil || got != tc.want {
					t.Fatalf("got %q, %v; want %q", got, err, tc.want)
				}
				return
			}
			if r := reasonOf(t, err); r != tc.reason {
				t.Fatalf("got %v, want %s", err, tc.reason)
			}
			if e, _ := store.AsError(err); tc.s.PasswordFile != "" && (len(e.Args) == 0 || e.Args[0] != tc.s.PasswordFile) {
				t.Errorf("the message does not name the file: %v", e)
			}
		})
	}

	// Sending with a readable-by-others file is refused before connecting.
	f := newFixture(t)
	f.setMail(func(s *store.MailSettings) {
		s.Host, s.Port, s.Username, s.PasswordFile = "127.0.0.1", freePort(t), "keiri", write("sendopen", "x", 0o644)
	})
	if _, err := mail.Send(f.ctx, f.st, f.compose(f.invoice.ID)); reasonOf(t, err) != "mail.password_file_mode" {
		t.Errorf("sent with a 0644 password file: %v", err)
	}
}
