package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
)

// MailSettings say how documents leave by email: the SMTP server, who they
// come from and the words sent with them. There is one; with no host, mails
// are written as .eml files into the exports folder instead of being sent.
//
// The password is never stored: PasswordEnv names an environment variable,
// or PasswordFile a file readable only by its owner (0600), read when sending.
type MailSettings struct {
	Host         string       `json:"host"`
	Port         int          `json:"port"`
	Security     string       `json:"security"` // starttls, tls or none
	Username     string       `json:"username"`
	PasswordEnv  string       `json:"password_env"`
	PasswordFile string       `json:"password_file"`
	From         string       `json:"from_address"` // "": the company's email
	FromName     string       `json:"from_name"`    // "": the company's name
	JA           MailTemplate `json:"ja"`           // for customers whose documents are in Japanese
	EN           MailTemplate `json:"en"`           // … in English
	Version      int64        `json:"-"`
}

// MailTemplate is the text of the mails in one document language. Subjects
// and bodies may name {number}, {customer}, {company}, {total}, {due_date}
// and {kind}; a body line whose placeholders are all empty (the due date of
// an estimate) is left out.
type MailTemplate struct {
	Subject         string `json:"subject"`
	Body            string `json:"body"`
	ReminderSubject string `json:"reminder_subject"`
	ReminderBody    string `json:"reminder_body"`
}

// Connection security: STARTTLS is mandatory (never a fallback to plain),
// tls is implicit TLS from the first byte (port 465), none is for a relay on
// this machine.
const (
	SecuritySTARTTLS = "starttls"
	SecurityTLS      = "tls"
	SecurityNone     = "none"
)

// MailPlaceholders are the names a template may use.
var MailPlaceholders = []string{"number", "customer", "company", "total", "due_date", "kind"}

// DefaultPort is the usual port of a security mode: 587 submission with
// STARTTLS, 465 implicit TLS, 25 plain.
func DefaultPort(security string) int {
	switch security {
	case SecurityTLS:
		return 465
	case SecurityNone:
		return 25
	}
	return 587
}

// DefaultMailTemplate is the text daicho sends until it is changed, in the
// document language lang (anything but "en" is Japanese).
func DefaultMailTemplate(lang string) MailTemplate {
	if lang == "en" {
		return MailTemplate{
			Subject: "{kind} {number} from {company}",
			Body: "Dear {customer},\n\nPlease find attached our {kind} {number}.\n\n" +
				"Total: {total}\nDue date: {due_date}\n\n" +
				"If you have any questions, please do not hesitate to contact us.\n\nKind regards,\n{company}",
			ReminderSubject: "Payment reminder from {company}",
			ReminderBody: "Dear {customer},\n\nAccording to our records, invoice {number} is past its due date " +
				"and we have not yet received payment of {total}.\n" +
				"We would be grateful if you could transfer the amount by {due_date}. The details are in the attached PDF.\n\n" +
				"If you have already paid, please disregard this reminder.\n\nKind regards,\n{company}",
		}
	}
	return MailTemplate{
		Subject: "{kind} {number} のご送付",
		Body: "{customer}\nご担当者様\n\nいつもお世話になっております。{company}でございます。\n\n" +
			"{kind}（{number}）を添付にてお送りいたします。ご確認のほどよろしくお願いいたします。\n\n" +
			"ご請求金額: {total}\nお支払期限: {due_date}\n\n" +
			"ご不明な点がございましたら、お気軽にお問い合わせください。\n今後ともよろしくお願い申し上げます。\n\n{company}",
		ReminderSubject: "お支払いのお願い（{company}）",
		ReminderBody: "{customer}\nご担当者様\n\nいつもお世話になっております。{company}でございます。\n\n" +
			"下記のご請求につきまして、お支払期限を過ぎておりますが、本日現在ご入金の確認が取れておりません。\n" +
			"請求書番号: {number}\n未入金額: {total}\n\n" +
			"お手数ではございますが、{due_date}までにお振込みくださいますようお願い申し上げます。詳細は添付のPDFをご覧ください。\n" +
			"なお、本状と行き違いにお支払いいただいている場合は、何卒ご容赦ください。\n\n{company}",
	}
}

// NewMailSettings returns the settings before anything is set: no server
// (mails become .eml files), STARTTLS on 587, the default texts.
func NewMailSettings() MailSettings {
	return MailSettings{Port: DefaultPort(SecuritySTARTTLS), Security: SecuritySTARTTLS,
		JA: DefaultMailTemplate("ja"), EN: DefaultMailTemplate("en")}
}

// Template is the text for a document language.
func (m *MailSettings) Template(lang string) MailTemplate {
	if lang == "en" {
		return m.EN
	}
	return m.JA
}

var (
	envName     = lazyRegexp(`^[A-Za-z_][A-Za-z0-9_]*$`)
	hostName    = lazyRegexp(`^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$`)
	placeholder = lazyRegexp(`\{([^{}]*)\}`)
)

// Validate normalises the settings in place and returns every field error.
// Template fields are named ja.subject, en.reminder_body and so on.
func (m *MailSettings) Validate() error {
	var ck checker
	m.Host = strings.TrimSpace(foldASCII(m.Host))
	ck.line("host", &m.Host, false, 253)
	if m.Host != "" && !hostName().MatchString(m.Host) {
		ck.add("host", "mail.host")
	}
	ck.choice("security", m.Security, SecuritySTARTTLS, SecurityTLS, SecurityNone)
	if m.Port == 0 {
		m.Port = DefaultPort(m.Security)
	}
	ck.intRange("port", m.Port, 1, 65535, 0)
	ck.line("username", &m.Username, false, 200)
	m.PasswordEnv = strings.TrimSpace(m.PasswordEnv)
	if m.PasswordEnv != "" && !envName().MatchString(m.PasswordEnv) {
		ck.add("password_env", "mail.env_name")
	}
	ck.line("password_file", &m.PasswordFile, false, 500)
	switch {
	case m.PasswordFile != "" && !filepath.IsAbs(m.PasswordFile):
		ck.add("password_file", "path.absolute")
	case m.PasswordFile != "" && m.PasswordEnv != "":
		ck.add("password_file", "mail.password_both")
	}
	hasPassword := m.PasswordEnv != "" || m.PasswordFile != ""
	switch {
	case m.Username != "" && !hasPassword:
		ck.add("password_env", "mail.password_missing")
	case m.Username == "" && hasPassword:
		ck.add("username", "required")
	}
	ck.email("from_address", &m.From)
	ck.line("from_name", &m.FromName, false, 100)
	for _, t := range []struct {
		lang string
		tpl  *MailTemplate
	}{{"ja", &m.JA}, {"en", &m.EN}} {
		ck.template(t.lang+".subject", &t.tpl.Subject, true)
		ck.template(t.lang+".body", &t.tpl.Body, false)
		ck.template(t.lang+".reminder_subject", &t.tpl.ReminderSubject, true)
		ck.template(t.lang+".reminder_body", &t.tpl.ReminderBody, false)
	}
	return ck.errs.OrNil()
}

// template checks a subject (one line) or body (many) and that it names only
// the placeholders a mail fills in: a typo like {totl} would otherwise reach
// the customer as it is.
func (c *checker) template(field string, v *string, subject bool) {
	before := len(c.errs)
	if subject {
		c.line(field, v, true, 200)
	} else {
		*v = strings.ReplaceAll(strings.TrimSpace(*v), "\r\n", "\n")
		c.text(field, v, true, 5000)
	}
	if len(c.errs) > before {
		return
	}
	for _, m := range placeholder().FindAllStringSubmatch(*v, -1) {
		if !knownPlaceholder(m[1]) {
			c.add(field, "mail.placeholder", m[0], "{"+strings.Join(MailPlaceholders, "}, {")+"}")
			return
		}
	}
}

func knownPlaceholder(name string) bool {
	for _, p := range MailPlaceholders {
		if p == name {
			return true
		}
	}
	return false
}

// MailSettings returns the mail settings, or NewMailSettings() (version 0)
// when none have been saved.
func (s *Store) MailSettings(ctx context.Context) (MailSettings, error) {
	return loadMailSettings(ctx, s.db)
}

func loadMailSettings(ctx context.Context, q queryer) (MailSettings, error) {
	m := NewMailSettings()
	err := q.QueryRowContext(ctx, `SELECT host, port, security, username, password_env, password_file,
		from_address, from_name, subject_ja, body_ja, reminder_subject_ja, reminder_body_ja,
		subject_en, body_en, reminder_subject_en, reminder_body_en, version FROM mail_settings WHERE id = 1`).
		Scan(&m.Host, &m.Port, &m.Security, &m.Username, &m.PasswordEnv, &m.PasswordFile, &m.From, &m.FromName,
			&m.JA.Subject, &m.JA.Body, &m.JA.ReminderSubject, &m.JA.ReminderBody,
			&m.EN.Subject, &m.EN.Body, &m.EN.ReminderSubject, &m.EN.ReminderBody, &m.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return NewMailSettings(), nil
	}
	return m, err
}

// SaveMailSettings validates and stores the settings with an audit row.
// m.Version must be the version loaded (0 for the first save): settings
// changed by someone else since are refused, not overwritten.
func (s *Store) SaveMailSettings(ctx context.Context, m *MailSettings) error {
	if err := s.needManager("settings"); err != nil {
		return err
	}
	if err := m.Validate(); err != nil {
		return err
	}
	err := s.write(ctx, func(tx *Tx) error { return tx.saveMailSettings(m) })
	if err == nil {
		m.Version++
	}
	return err
}

// saveMailSettings writes m (already validated) in tx, refusing a stale version.
func (tx *Tx) saveMailSettings(m *MailSettings) error {
	ctx := tx.ctx
	old, err := loadMailSettings(ctx, tx)
	if err != nil {
		return err
	}
	if old.Version != m.Version {
		return &Error{Code: CodeConflict, Reason: "changed_since_opened"}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO mail_settings (id, host, port, security, username, password_env,
		password_file, from_address, from_name, subject_ja, body_ja, reminder_subject_ja, reminder_body_ja,
		subject_en, body_en, reminder_subject_en, reminder_body_en, version, updated_at)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET host = excluded.host, port = excluded.port, security = excluded.security,
		username = excluded.username, password_env = excluded.password_env, password_file = excluded.password_file,
		from_address = excluded.from_address, from_name = excluded.from_name,
		subject_ja = excluded.subject_ja, body_ja = excluded.body_ja,
		reminder_subject_ja = excluded.reminder_subject_ja, reminder_body_ja = excluded.reminder_body_ja,
		subject_en = excluded.subject_en, body_en = excluded.body_en,
		reminder_subject_en = excluded.reminder_subject_en, reminder_body_en = excluded.reminder_body_en,
		version = excluded.version, updated_at = excluded.updated_at`,
		m.Host, m.Port, m.Security, m.Username, m.PasswordEnv, m.PasswordFile, m.From, m.FromName,
		m.JA.Subject, m.JA.Body, m.JA.ReminderSubject, m.JA.ReminderBody,
		m.EN.Subject, m.EN.Body, m.EN.ReminderSubject, m.EN.ReminderBody, m.Version+1, stamp(tx.now))
	if err != nil {
		return err
	}
	action, before := "update", any(old)
	if old.Version == 0 {
		action, before = "create", nil
	}
	return tx.audit(action, "mail_settings", "mail_settings", before, m)
}
