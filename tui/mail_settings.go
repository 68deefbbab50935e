package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The mail settings: the settings screen's second page (pgdn from the
// company form, pgup back), one Form like every other: the SMTP server,
// where its password comes from (never the password itself), the sender and
// the texts in Japanese and English.

type (
	mailSettingsLoadedMsg struct {
		m      store.MailSettings
		reload bool // after a stale save: replace the form, do not just show it
		err    error
	}
	mailSettingsSavedMsg      struct{ m store.MailSettings }
	mailSettingsSaveFailedMsg struct{ err error }
)

// mailPages is the settings screen's page state.
type mailPages struct {
	page *mailSettingsPage // nil until first shown
	on   bool              // the mail page is the one on screen
}

type mailSettingsPage struct {
	env
	form     *Form
	m        store.MailSettings // as loaded or last saved
	security string             // the security choice, to follow it with the port
}

// templateFields are the text fields of each language, as the store names them.
var templateFields = []string{"subject", "body", "reminder_subject", "reminder_body"}

func newMailSettingsPage(e env, m store.MailSettings) *mailSettingsPage {
	p, st := e.p, e.styles
	port := ""
	if m.Port != 0 {
		port = strconv.Itoa(m.Port)
	}
	fields := []*Field{
		TextField("host", p.T("field.host"), m.Host, p.T("mailset.host_hint"), st),
		ChoiceField("security", p.T("field.security"), []Choice{
			{store.SecuritySTARTTLS, p.T("mail.security.starttls")}, {store.SecurityTLS, p.T("mail.security.tls")},
			{store.SecurityNone, p.T("mail.security.none")},
		}, m.Security),
		TextField("port", p.T("field.port"), port, p.T("mailset.port_hint"), st),
		TextField("username", p.T("field.username"), m.Username, "", st),
		TextField("password_env", p.T("field.password_env"), m.PasswordEnv, p.T("mailset.password_env_hint"), st),
		TextField("password_file", p.T("field.password_file"), m.PasswordFile, p.T("mailset.password_file_hint"), st),
		TextField("from_address", p.T("field.from_address"), m.From, p.T("mailset.from_hint"), st),
		TextField("from_name", p.T("field.from_name"), m.FromName, p.T("mailset.from_name_hint"), st),
	}
	for _, lang := range []string{"ja", "en"} {
		tpl := m.Template(lang)
		values := []string{tpl.Subject, tpl.Body, tpl.ReminderSubject, tpl.ReminderBody}
		for i, name := range templateFields {
			k := lang + "." + name
			hint := ""
			switch {
			case k == "ja.subject":
				hint = "{" + strings.Join(store.MailPlaceholders, "} {") + "}"
			case k == "ja.body":
				hint = p.T("mailset.lines_hint", bodyMark)
			}
			fields = append(fields, TextField(k, p.Field(k), strings.ReplaceAll(values[i], "\n", " "+bodyMark+" "), hint, st))
		}
	}
	return &mailSettingsPage{env: e, m: m, security: m.Security,
		form: NewForm(p.T("mailset.title"), fields, DefaultFormKeyMap(p), st)}
}

// settings reads the form. A port that is not a number is reported here
// (Validate sees only numbers); the rest by Validate.
func (pg *mailSettingsPage) settings() (store.MailSettings, error) {
	m, v := pg.m, pg.form.Value
	var errs store.Errors
	m.Host, m.Security, m.Username = v("host"), v("security"), v("username")
	m.PasswordEnv, m.PasswordFile, m.From, m.FromName = v("password_env"), v("password_file"), v("from_address"), v("from_name")
	m.Port = 0
	portBad := false
	if s := strings.TrimSpace(foldDigits(v("port"))); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			errs = append(errs, store.Invalid("port", "range", 1, 65535))
			portBad = true
		}
		m.Port = n
	}
	for _, lang := range []string{"ja", "en"} {
		tpl := &m.JA
		if lang == "en" {
			tpl = &m.EN
		}
		targets := []*string{&tpl.Subject, &tpl.Body, &tpl.ReminderSubject, &tpl.ReminderBody}
		for i, name := range templateFields {
			*targets[i] = unmarkLines(v(lang + "." + name))
		}
	}
	for _, fe := range store.FieldErrors(m.Validate()) {
		if !(portBad && fe.Field == "port") {
			errs = append(errs, fe)
		}
	}
	return m, errs.OrNil()
}

// bodyMark stands for a line break in a one-line template field, and turns
// back into one when saved.
const bodyMark = "⏎"

// unmarkLines turns the ⏎ marks of a one-line field back into line breaks.
func unmarkLines(v string) string {
	parts := strings.Split(v, bodyMark)
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return strings.Join(parts, "\n")
}

// foldDigits turns full-width digits into ASCII ones (a Japanese IME's ５８７).
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s)
}

func (pg *mailSettingsPage) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case mailSettingsSavedMsg:
		pg.m = msg.m
		pg.form.SetErrors(nil, pg.p)
		pg.form.MarkSaved()
		return status(pg.p.T("mailset.saved"))
	case mailSettingsSaveFailedMsg:
		pg.form.SetErrors(msg.err, pg.p)
		if isStale(msg.err) {
			st, ctx := pg.st, pg.ctx
			pg.askReload(msg.err, func() tea.Msg {
				m, err := st.MailSettings(ctx)
				return mailSettingsLoadedMsg{m: m, reload: true, err: err}
			}, nil)
		}
		return pg.notSaved(msg.err, "mailset.not_saved")
	case tea.KeyPressMsg:
		if key.Matches(msg, pg.form.Keys.Save) {
			m, err := pg.settings()
			if err != nil {
				pg.form.SetErrors(err, pg.p)
				return statusErr(pg.p.T("mailset.not_saved"))
			}
			st, ctx := pg.st, pg.ctx
			return func() tea.Msg {
				if err := st.SaveMailSettings(ctx, &m); err != nil {
					return mailSettingsSaveFailedMsg{err}
				}
				return mailSettingsSavedMsg{m}
			}
		}
	}
	cmd := pg.form.Update(msg)
	pg.followSecurity()
	return cmd
}

// followSecurity moves the port along with the security choice while it is
// the usual port of the previous choice (or empty): 587 → 465 for TLS.
func (pg *mailSettingsPage) followSecurity() {
	now := pg.form.Value("security")
	if now == pg.security {
		return
	}
	port := pg.form.Field("port")
	if v := strings.TrimSpace(port.Value()); v == "" || v == strconv.Itoa(store.DefaultPort(pg.security)) {
		port.input.SetValue(strconv.Itoa(store.DefaultPort(now)))
	}
	pg.security = now
}

// The settings screen's side: pgdn and pgup turn the pages; the mail page's
// messages and keys go to it while it is on screen.

func (s *setupScreen) pageKeys() SettingsPageKeyMap { return DefaultSettingsPageKeyMap(s.p) }

// mailPageUpdate handles what belongs to the mail page; ok is false for
// what the company form handles.
func (s *setupScreen) mailPageUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case mailSettingsLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err)), true
		}
		if s.mail.page == nil || msg.reload {
			s.mail.page = newMailSettingsPage(s.env, msg.m)
			s.mail.page.form.SetSize(s.form.width, s.form.height)
		}
		s.mail.on = true
		s.form.Blur()
		return nil, true
	case mailSettingsSavedMsg, mailSettingsSaveFailedMsg:
		if s.mail.page == nil {
			return nil, true
		}
		return s.mail.page.Update(msg), true
	case tea.KeyPressMsg:
		if s.first {
			return nil, false // the company comes first
		}
		keys := s.pageKeys()
		switch {
		case !s.mail.on && key.Matches(msg, keys.Mail):
			if s.mail.page != nil {
				s.mail.on = true
				s.form.Blur()
				s.mail.page.form.Refocus()
				return nil, true
			}
			st, ctx := s.st, s.ctx
			return func() tea.Msg {
				m, err := st.MailSettings(ctx)
				return mailSettingsLoadedMsg{m: m, err: err}
			}, true
		case s.mail.on && key.Matches(msg, keys.Company):
			s.mail.on = false
			s.mail.page.form.Blur()
			s.form.Refocus()
			return nil, true
		case s.mail.on && key.Matches(msg, s.form.Keys.Cancel):
			closed := func() tea.Msg { return setupClosedMsg{} }
			if s.Dirty() {
				return s.confirm(s.p.T("confirm.discard"), closed), true
			}
			return closed, true
		case s.mail.on:
			return s.mail.page.Update(msg), true
		}
	}
	return nil, false
}

func (s *setupScreen) mailPageDirty() bool { return s.mail.page != nil && s.mail.page.form.Dirty() }

func (s *setupScreen) mailPageSize(w, h int) {
	if s.mail.page != nil {
		s.mail.page.form.SetSize(w, h)
	}
}

// mailPageHelp is the help of the page on screen, with the key to the other.
func (s *setupScreen) mailPageHelp() []key.Binding {
	k := s.form.Keys
	if s.stages.on {
		return []key.Binding{k.Next, k.Prev, k.Choose, k.Save, s.pageKeys().BackToMail, k.Cancel}
	}
	if s.mail.on { // pgdn: the reminder stages
		return []key.Binding{k.Next, k.Prev, k.Choose, k.Save, s.pageKeys().Company, s.pageKeys().Stages, k.Cancel}
	}
	return []key.Binding{k.Next, k.Prev, k.Choose, k.Save, s.pageKeys().Mail, k.Cancel}
}
