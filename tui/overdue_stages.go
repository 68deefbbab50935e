package tui

import (
	"io"
	"slices"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"daicho/pdf"
	"daicho/pdf/mail"
	"daicho/store"
)

// Staged reminders from the overdue screen (issue 14). R sends the due
// stage of every invoice the list shows (all, or the customers the search or
// the per-customer view narrowed it to), as of the list's day — the notice
// before the due date included, for customers who want one — by email or as
// PDF letters. Before asking how, it says when the last bank file came in and
// which deposits not yet on an invoice may be these customers' payments, and
// offers to leave those customers out. H puts the selected customer's
// reminders on hold, with the reason (empty: released).

// stagePlanMsg is what R would send: the due stages and the check.
type stagePlanMsg struct {
	asOf  time.Time
	items []store.InvoiceStage
	check store.ReminderCheck
	err   error
}

// askSendStages gathers the due stages and the check before asking.
func (s *overdueScreen) askSendStages() tea.Cmd {
	st, ctx, asOf := s.st, s.ctx, s.reminderAsOf()
	var only map[int64]bool // the customers the list is narrowed to; nil: all
	if s.customerID != 0 || len(s.search.Words()) > 0 {
		only = map[int64]bool{}
		for i := range s.list.Visible() {
			only[s.list.Row(i).CustomerID] = true
		}
	}
	return func() tea.Msg {
		all, err := st.ReminderStages(ctx, asOf)
		if err != nil {
			return stagePlanMsg{err: err}
		}
		var items []store.InvoiceStage
		var customers []int64
		for _, it := range all {
			if only != nil && !only[it.CustomerID] {
				continue
			}
			items = append(items, it)
			if !slices.Contains(customers, it.CustomerID) {
				customers = append(customers, it.CustomerID)
			}
		}
		check, err := st.CheckBeforeReminding(ctx, customers)
		return stagePlanMsg{asOf: asOf, items: items, check: check, err: err}
	}
}

// stagePlan asks how to send the due stages, after saying what to know.
func (s *overdueScreen) stagePlan(msg stagePlanMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	if len(msg.items) == 0 {
		return status(s.p.T("stages.none_due", store.FormatDate(msg.asOf)))
	}
	p, cur := s.p, s.currency()
	counts := map[string]int{}
	names := map[int64]string{}
	for _, it := range msg.items {
		counts[it.Stage]++
		names[it.CustomerID] = it.CustomerCode + " " + store.FoldDisplay(it.CustomerName)
	}
	var parts []string
	for _, st := range store.ReminderStageNames {
		if counts[st] > 0 {
			parts = append(parts, p.T("stages.count", p.T("stage.name."+st), counts[st]))
		}
	}
	lines := []string{p.T("stages.due", len(msg.items), store.FormatDate(msg.asOf), strings.Join(parts, " · "))}
	if msg.check.LastImport.IsZero() {
		lines = append(lines, p.T("stages.never_imported"))
	} else {
		lines = append(lines, p.T("stages.last_import", msg.check.LastImport.Local().Format("2006-01-02 15:04")))
	}
	maybePaid := map[int64]bool{}
	if len(msg.check.Possible) > 0 {
		lines = append(lines, p.T("stages.possible_payments"))
		for i, d := range msg.check.Possible {
			maybePaid[d.CustomerID] = true
			if i == 3 {
				lines = append(lines, "  "+p.T("stages.more", len(msg.check.Possible)-3))
				continue
			}
			if i > 3 {
				continue
			}
			lines = append(lines, "  "+p.T("stages.possible", names[d.CustomerID], store.FoldDisplay(d.PayerName),
				d.Amount.Format(cur), d.Date.Format("01-02"), p.T("stages.state."+d.State)))
		}
	} else {
		lines = append(lines, p.T("stages.no_possible_payments"))
	}
	var rest []store.InvoiceStage // without the customers who may have paid
	for _, it := range msg.items {
		if !maybePaid[it.CustomerID] {
			rest = append(rest, it)
		}
	}
	send := func(items []store.InvoiceStage, byMail bool) func() tea.Cmd {
		return func() tea.Cmd { return s.sendStages(items, msg.asOf, byMail) }
	}
	opts := []option{{key: "m", label: p.T("stages.by_mail"), run: send(msg.items, true)},
		{key: "p", label: p.T("stages.as_pdf"), run: send(msg.items, false)}}
	if len(maybePaid) > 0 && len(rest) > 0 {
		opts = append(opts, option{key: "M", label: p.T("stages.by_mail_rest", len(rest)), run: send(rest, true)},
			option{key: "P", label: p.T("stages.as_pdf_rest", len(rest)), run: send(rest, false)})
	}
	return s.choose(strings.Join(lines, "\n"), opts...)
}

// sendStages sends (or writes as PDF letters into the exports folder) each
// invoice's due stage; each one sent is logged with its stage. What could
// not be sent is named, the rest goes on.
func (s *overdueScreen) sendStages(items []store.InvoiceStage, asOf time.Time, byMail bool) tea.Cmd {
	st, ctx, p, exportsDir := s.st, s.ctx, s.p, s.opt.exportsDir
	return func() tea.Msg {
		sent, asEML, failed := 0, 0, []string{}
		fail := func(it store.InvoiceStage, err error) {
			failed = append(failed, it.Number+": "+p.Error(err))
		}
		var company store.Company
		if !byMail {
			var err error
			if company, err = st.Company(ctx); err != nil {
				return overdueDoneMsg{text: p.Error(err), err: true}
			}
		}
		dir := s.exportsDir(company)
		for _, it := range items {
			if byMail {
				m, err := mail.ComposeStageReminder(ctx, st, it, asOf)
				var log store.MailLog
				if err == nil {
					log, err = mail.Sender{ExportsDir: exportsDir}.Send(ctx, st, m)
				}
				if err != nil {
					fail(it, err)
					continue
				}
				sent++
				if log.Method == store.MailEML {
					asEML++
				}
				continue
			}
			r, _, err := pdf.BuildStageReminder(ctx, st, it, asOf)
			if err == nil {
				ex := pdf.Exporter{Dir: dir, Force: true}
				_, err = ex.Write(pdf.StageReminderFileName(it.Number, it.Stage, r.Date), func(w io.Writer) error {
					return pdf.RenderReminder(w, r)
				})
			}
			if err == nil {
				log := store.ReminderLog{CustomerID: it.CustomerID, InvoiceID: it.InvoiceID, Date: r.Date,
					Method: store.RemindLetter, Stage: it.Stage}
				err = st.LogReminder(ctx, &log)
			}
			if err != nil {
				fail(it, err)
				continue
			}
			sent++
		}
		how := p.T("stages.sent_mail")
		if !byMail {
			how = p.T("stages.sent_pdf", dir)
		}
		text := p.T("stages.sent", sent, how)
		if asEML > 0 { // no SMTP server set: the mails wait as .eml files
			text += " " + p.T("stages.as_eml", asEML)
		}
		if len(failed) > 0 {
			text += " " + p.T("stages.failed", len(failed), strings.Join(failed, "; "))
		}
		return overdueDoneMsg{text: text, err: len(failed) > 0}
	}
}

// askHold asks why the customer's reminders are held (the current reason
// filled in); an empty answer releases the hold.
func (s *overdueScreen) askHold(t overdueTarget) tea.Cmd {
	current := ""
	for i := range s.list.rows {
		if r := &s.list.rows[i]; r.CustomerID == t.customerID {
			current = r.HoldReason
			break
		}
	}
	question := s.p.T("stages.hold_prompt", t.code, t.name)
	return s.prompt(question, current, nil, func(reason string) tea.Cmd {
		st, ctx, p := s.st, s.ctx, s.p
		return func() tea.Msg {
			if err := st.SetReminderHold(ctx, t.customerID, reason); err != nil {
				return overdueDoneMsg{text: p.Error(err), err: true}
			}
			if reason == "" {
				return overdueDoneMsg{text: p.T("stages.released", t.code, t.name)}
			}
			return overdueDoneMsg{text: p.T("stages.held", t.code, t.name, reason)}
		}
	})
}
