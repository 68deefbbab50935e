package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/pdf/mail"
	"daicho/store"
)

// Email from the documents and overdue screens: m composes the mail (in a
// command: the PDF is rendered there), a preview dialog shows recipient,
// subject, body and attachment, and y sends it (in a command too). The
// dialog stays open while it sends and on a failure, which it shows, so y
// tries again; nothing is logged unless the mail left.

// Messages carry the screen that asked (owner): every screen receives every
// message, and only that one opens the preview or hears the result.
type (
	mailComposedMsg struct {
		owner any
		m     mail.Message
		via   string // how it will leave, in words
		err   error
	}
	mailSentMsg struct {
		dlg *mailDialog
		log store.MailLog
		err error
	}
)

// composeMail runs compose in a command and comes back as mailComposedMsg.
func (e env) composeMail(owner any, compose func() (mail.Message, error)) tea.Cmd {
	st, ctx, p := e.st, e.ctx, e.p
	return func() tea.Msg {
		m, err := compose()
		if err != nil {
			return mailComposedMsg{owner: owner, err: err}
		}
		settings, err := st.MailSettings(ctx)
		if err != nil {
			return mailComposedMsg{owner: owner, err: err}
		}
		var via string
		if settings.Host == "" {
			company, err := st.Company(ctx)
			if err != nil {
				return mailComposedMsg{owner: owner, err: err}
			}
			via = p.T("mail.via_eml", e.exportsDir(company))
		} else {
			via = p.T("mail.via_smtp", settings.Host, settings.Port, p.T("mail.security."+settings.Security))
		}
		return mailComposedMsg{owner: owner, m: m, via: via}
	}
}

// mailDocument previews the mail of document id (an issued one).
func (e env) mailDocument(owner any, id int64, status string) tea.Cmd {
	if status == store.StatusDraft {
		return statusErr(e.p.T("mail.draft_refused"))
	}
	st, ctx := e.st, e.ctx
	return e.composeMail(owner, func() (mail.Message, error) { return mail.ComposeDocument(ctx, st, id) })
}

// mailReminder previews the payment reminder to a customer: its invoices
// overdue as of asOf, to be paid within two weeks from today (as the
// reminder PDF's default).
func (e env) mailReminder(owner any, customerID, invoiceID int64, asOf time.Time) tea.Cmd {
	st, ctx := e.st, e.ctx
	return e.composeMail(owner, func() (mail.Message, error) {
		payBy := store.Today(st.Now()).AddDate(0, 0, 14)
		return mail.ComposeReminder(ctx, st, customerID, invoiceID, asOf, payBy)
	})
}

// mailUpdate handles the mail messages of owner's mails; the screen calls it
// for both message types, with its height, which the preview fits into.
func (e env) mailUpdate(owner any, height int, msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case mailComposedMsg:
		if msg.owner != owner {
			return nil
		}
		if msg.err != nil {
			return statusErr(e.p.T("mail.cannot", e.mailError(msg.err)))
		}
		// The box's border and padding and the lines around the body take 17.
		lines := min(maxPreviewLines, max(3, height-17))
		return e.show(&mailDialog{kit: e.kit, st: e.st, ctx: e.ctx, sender: mail.Sender{ExportsDir: e.opt.exportsDir},
			owner: owner, m: msg.m, via: msg.via, bodyLines: lines, keys: DefaultMailKeyMap(e.p)})
	case mailSentMsg:
		if msg.dlg.owner != owner {
			return nil
		}
		return msg.dlg.sent(msg)
	}
	return nil
}

// mailError says why a mail could not be made or sent.
func (k kit) mailError(err error) string {
	var se *mail.SendError
	var nl *mail.NotLoggedError
	switch {
	case errors.As(err, &nl):
		return k.p.T("mail.not_logged", nl.Log.To, k.p.Error(nl.Err))
	case errors.As(err, &se):
		return k.p.T("mail.send_failed", se.Server, se.Err.Error())
	}
	return k.p.Error(err)
}

// mailDialog is the preview: y sends, t and s change the recipient and the
// subject, esc does not send.
type mailDialog struct {
	kit
	st        *store.Store // sending is the dialog's own
	ctx       context.Context
	sender    mail.Sender
	owner     any
	m         mail.Message
	via       string
	bodyLines int // how many lines of the body the preview shows
	sending   bool
	err       string
	keys      MailKeyMap
}

// maxPreviewLines is the most lines of the body the preview shows.
const maxPreviewLines = 12

// previewWidth is where the preview wraps the body (display cells).
const previewWidth = 72

func (d *mailDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok || d.sending {
		return false, nil
	}
	switch {
	case key.Matches(k, d.keys.Send):
		d.sending, d.err = true, ""
		return false, d.send()
	case key.Matches(k, d.keys.Cancel):
		return true, nil
	case key.Matches(k, d.keys.To):
		return true, d.prompt(d.p.T("mail.ask_to"), d.m.To, checkAddress, func(v string) tea.Cmd {
			if v != d.m.To {
				d.m.To, d.m.ToName = v, ""
				if d.m.Reminder != nil {
					d.m.Reminder.Note = v
				}
			}
			return d.show(d)
		})
	case key.Matches(k, d.keys.Subject):
		return true, d.prompt(d.p.T("mail.ask_subject"), d.m.Subject, required, func(v string) tea.Cmd {
			d.m.Subject = v
			return d.show(d)
		})
	}
	return false, nil
}

// checkAddress accepts one plain address.
func checkAddress(v string) error {
	if !mail.PlainAddress(v) {
		return store.Invalid("to", "email.format")
	}
	return nil
}

func (d *mailDialog) send() tea.Cmd {
	st, ctx, m, sender := d.st, d.ctx, d.m, d.sender
	return func() tea.Msg {
		log, err := sender.Send(ctx, st, m)
		return mailSentMsg{dlg: d, log: log, err: err}
	}
}

// sent closes the preview and says where the mail went, or keeps it open
// with the reason it did not.
func (d *mailDialog) sent(msg mailSentMsg) tea.Cmd {
	d.sending = false
	if msg.err != nil {
		var nl *mail.NotLoggedError
		if errors.As(msg.err, &nl) { // it left: sending again would send it twice
			d.closeDialog(d)
			return statusErr(d.mailError(msg.err))
		}
		d.err = d.mailError(msg.err)
		return statusErr(d.p.T("mail.not_sent", d.err))
	}
	d.closeDialog(d)
	to := d.recipient()
	if msg.log.Method == store.MailEML {
		return status(d.p.T("mail.saved_eml", to, msg.log.File))
	}
	return status(d.p.T("mail.sent", d.m.AttachmentName, to))
}

func (d *mailDialog) recipient() string {
	if d.m.ToName == "" {
		return d.m.To
	}
	return d.m.ToName + " <" + d.m.To + ">"
}

func (d *mailDialog) View() string {
	p, s := d.p, d.styles
	title := p.T("mail.preview_title")
	if d.m.Kind == store.MailReminder {
		title = p.T("mail.preview_reminder_title")
	}
	label := func(k string) string { return s.Label.Render(fit(p.T(k), 10, false)) + " " }
	lines := []string{s.Title.Render(title), "",
		label("mail.to") + d.recipient(),
		label("mail.subject") + d.m.Subject,
		label("mail.attachment") + fmt.Sprintf("%s (%s)", d.m.AttachmentName, sizeText(len(d.m.Attachment))),
		label("mail.via") + s.Dim.Render(d.via),
		s.Dim.Render(strings.Repeat("─", previewWidth)),
	}
	var body []string
	for line := range strings.SplitSeq(d.m.Body, "\n") {
		body = append(body, strings.Split(wrapLine(line, previewWidth), "\n")...)
	}
	if len(body) > d.bodyLines {
		more := len(body) - d.bodyLines
		body = append(body[:d.bodyLines], s.Dim.Render(p.N("mail.more_lines", more, more)))
	}
	lines = append(lines, body...)
	lines = append(lines, s.Dim.Render(strings.Repeat("─", previewWidth)))
	switch {
	case d.sending:
		lines = append(lines, s.Dim.Render(p.T("mail.sending", d.m.To)))
	case d.err != "":
		lines = append(lines, s.FieldError.Render("✗ "+d.err), s.Dim.Render(p.T("mail.retry_keys")))
	default:
		lines = append(lines, s.Dim.Render(p.T("mail.keys")))
	}
	return strings.Join(lines, "\n")
}

func (d *mailDialog) ShortHelp() []key.Binding {
	if d.sending {
		return nil
	}
	return []key.Binding{d.keys.Send, d.keys.To, d.keys.Subject, d.keys.Cancel}
}

// wrapLine wraps one line of a mail to width cells: at spaces where it has
// them (English), else at the width (Japanese has no spaces, and a word
// wrap would break at the hyphens of a document number instead).
func wrapLine(line string, width int) string {
	switch {
	case ansi.StringWidth(line) <= width:
		return line
	case strings.Contains(line, " "):
		return ansi.Wrap(line, width, "")
	}
	return ansi.Hardwrap(line, width, true)
}

// sizeText is a file size people read: 812 B, 52 KB, 1.2 MB.
func sizeText(n int) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d B", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// mailLogLines are a document's (or a contract's) mails for its view, newest first, at most
// max of them: when, who, to whom, how.
func (e env) mailLogLines(log []store.MailLog, max int) []string {
	if len(log) == 0 {
		return nil
	}
	lines := []string{e.styles.Label.Render(e.p.T("mail.log_title", len(log)))}
	for i, m := range log {
		if i == max {
			lines = append(lines, e.styles.Dim.Render("  "+e.p.T("mail.log_more", len(log)-max)))
			break
		}
		what := e.p.T("mail.log_smtp")
		if m.Method == store.MailEML {
			what = e.p.T("mail.log_eml")
		}
		switch m.Kind {
		case store.MailReminder:
			what = e.p.T("mail.log_reminder") + " · " + what
		case store.MailContract, store.MailRenewal: // contracts that mail themselves (issue 16)
			what = e.p.T("conmail.log_"+m.Kind, m.ContractNumber, store.FormatDate(m.ContractEnd)) + " · " + what
		}
		lines = append(lines, fmt.Sprintf("  %s  %s → %s  %s", m.SentAt.Local().Format("2006-01-02 15:04"), m.Actor, m.To,
			e.styles.Dim.Render(what)))
	}
	return lines
}

// The documents screen's part: m on a document, and its mail log in the view.

type docMailsMsg struct {
	id  int64
	log []store.MailLog
	err error
}

func (s *documentsScreen) loadMails(id int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		log, err := st.MailLog(ctx, id)
		return docMailsMsg{id: id, log: log, err: err}
	}
}

// mailMsg handles the mail messages: the preview, the result (a document
// sent from its view shows the new log entry at once), the log.
func (s *documentsScreen) mailMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case docMailsMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if msg.id == s.doc.ID {
			s.mails = msg.log
		}
		return nil
	case mailSentMsg:
		cmd := s.mailUpdate(s, s.height, msg)
		if msg.dlg.owner == s && msg.log.ID != 0 && s.mode == modeDetail && msg.log.DocumentID == s.doc.ID {
			return tea.Batch(cmd, s.loadMails(s.doc.ID))
		}
		return cmd
	}
	return s.mailUpdate(s, s.height, msg)
}
