package store_test

import (
	"strings"
	"testing"

	"daicho/store"
)

func TestMailSettingsValidate(t *testing.T) {
	cases := []struct {
		name   string
		edit   func(m *store.MailSettings)
		field  string
		reason string
	}{
		{"host with a space", func(m *store.MailSettings) { m.Host = "smtp example.jp" }, "host", "mail.host"},
		{"host with a scheme", func(m *store.MailSettings) { m.Host = "smtp://example.jp" }, "host", "mail.host"},
		{"unknown security", func(m *store.MailSettings) { m.Security = "ssl" }, "security", "choice"},
		{"port out of range", func(m *store.MailSettings) { m.Port = 70000 }, "port", "range"},
		{"bad env name", func(m *store.MailSettings) { m.Username, m.PasswordEnv = "u", "SMTP-PASS" }, "password_env", "mail.env_name"},
		{"relative password file", func(m *store.MailSettings) { m.Username, m.PasswordFile = "u", "pw.txt" }, "password_file", "path.absolute"},
		{"both password sources", func(m *store.MailSettings) {
			m.Username, m.PasswordEnv, m.PasswordFile = "u", "SMTP_PASS", "/etc/daicho/pw"
		}, "password_file", "mail.password_both"},
		{"user without password", func(m *store.MailSettings) { m.Username = "u" }, "password_env", "mail.password_missing"},
		{"password without user", func(m *store.MailSettings) { m.PasswordEnv = "SMTP_PASS" }, "username", "required"},
		{"bad from", func(m *store.MailSettings) { m.From = "経理" }, "from_address", "email.format"},
		{"empty subject", func(m *store.MailSettings) { m.JA.Subject = " " }, "ja.subject", "required"},
		{"two-line subject", func(m *store.MailSettings) { m.EN.Subject = "a\nb" }, "en.subject", "one_line"},
		{"empty body", func(m *store.MailSettings) { m.EN.Body = "" }, "en.body", "required"},
		{"unknown placeholder", func(m *store.MailSettings) { m.JA.Body = "{customer} 様 {totl}" }, "ja.body", "mail.placeholder"},
		{"unknown reminder placeholder", func(m *store.MailSettings) { m.EN.ReminderSubject = "{Number}" }, "en.reminder_subject", "mail.placeholder"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := store.NewMailSettings()
			tc.edit(&m)
			e := storeError(t, m.Validate(), store.CodeInvalid)
			if e.Field != tc.field || e.Reason != tc.reason {
				t.Errorf("%v, want %s: %s", e, tc.field, tc.reason)
			}
		})
	}

	m := store.NewMailSettings()
	m.Host, m.Security, m.Port = " ｓｍｔｐ.example.jp ", store.SecurityTLS, 0
	m.Username, m.PasswordFile, m.From = "keiri", "/home/keiri/.daicho-smtp", "ｋｅｉｒｉ@example.jp"
	m.JA.Body = "  {customer}\r\n{total}  "
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if m.Host != "smtp.example.jp" || m.Port != 465 || m.From != "keiri@example.jp" || m.JA.Body != "{customer}\n{total}" {
		t.Errorf("normalised to %+v", m)
	}
	for _, lang := range []string{"ja", "en"} {
		d := store.DefaultMailTemplate(lang)
		m := store.NewMailSettings()
		if m.Template(lang) != d {
			t.Errorf("%s: the new settings' template is not the default", lang)
		}
		if !strings.Contains(d.Subject, "{number}") || !strings.Contains(d.Body, "{total}") ||
			!strings.Contains(d.ReminderBody, "{due_date}") {
			t.Errorf("%s default template lacks a placeholder: %+v", lang, d)
		}
	}
	if got := store.DefaultMailTemplate("ja").Subject; got != "{kind} {number} のご送付" {
		t.Errorf("ja subject %q", got)
	}
}

func TestSaveMailSettings(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	m, err := st.MailSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m.Version != 0 || m.Host != "" || m.JA != store.DefaultMailTemplate("ja") {
		t.Fatalf("before any save: %+v", m)
	}
	m.Host, m.Username, m.PasswordEnv, m.From = "smtp.example.jp", "keiri", "DAICHO_SMTP_PASSWORD", "keiri@example.jp"
	m.EN.Subject = "Invoice {number}"
	if err := st.SaveMailSettings(ctx, &m); err != nil {
		t.Fatal(err)
	}
	got, err := st.MailSettings(ctx)
	if err != nil || got != m || got.Version != 1 {
		t.Fatalf("loaded %+v, %v\nwant %+v", got, err, m)
	}

	// A form opened before this save cannot overwrite it.
	stale := got
	got.Port = 2525
	if err := st.SaveMailSettings(ctx, &got); err != nil {
		t.Fatal(err)
	}
	stale.Host = "other.example.jp"
	if e := storeError(t, st.SaveMailSettings(ctx, &stale), store.CodeConflict); e.Reason != "changed_since_opened" {
		t.Errorf("stale save: %v", e)
	}
	// An invalid one changes nothing.
	bad := got
	bad.From = "nobody"
	storeError(t, st.SaveMailSettings(ctx, &bad), store.CodeInvalid)
	if again, _ := st.MailSettings(ctx); again != got {
		t.Errorf("after the refused saves: %+v, want %+v", again, got)
	}

	log, err := st.AuditLog(ctx, "mail_settings", "mail_settings")
	if err != nil || len(log) != 2 || log[0].Action != "create" || log[1].Action != "update" ||
		!strings.Contains(log[1].After, `"port":2525`) || !strings.Contains(log[1].Before, `"port":587`) {
		t.Fatalf("audit %+v, %v", log, err)
	}
	// The password itself is nowhere: only where it comes from.
	if !strings.Contains(log[0].After, "DAICHO_SMTP_PASSWORD") {
		t.Errorf("audit lacks the variable name: %s", log[0].After)
	}
}
