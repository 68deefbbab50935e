package tui

import (
	"errors"

	tea "charm.land/bubbletea/v2"

	"daicho/pdf/mail"
	"daicho/store"
)

// Contracts that mail themselves (issue 16): activating a contract (I)
// offers to mail the customer its 契約内容確認書 at once. The activation's
// command also composes that mail; when it cannot go (no email, no mail
// server, no sender) the status line says why after "activated" instead of
// asking. y sends it in a command; the mail is logged and its PDF kept in the
// archive (mail.Sender.Send), and the contract's view lists it.

type (
	// contractActivatedMsg is a contract just activated, with the mail that
	// would send it its summary (offer) or why there is none (notOffered).
	contractActivatedMsg struct {
		id         int64
		offer      *mail.Message
		notOffered string
	}
	contractMailedMsg struct {
		id  int64
		log store.MailLog
		err error
	}
)

// activateContract activates contract id (shown at version) and composes
// its summary's mail.
func (s *contractsScreen) activateContract(id int64) tea.Cmd {
	st, ctx, p := s.st, s.ctx, s.p
	return func() tea.Msg {
		c, err := st.Contract(ctx, id)
		if err != nil {
			return contractFailedMsg{err}
		}
		if _, err := st.ActivateContract(ctx, id, c.Version); err != nil {
			return contractFailedMsg{err}
		}
		msg := contractActivatedMsg{id: id}
		settings, err := st.MailSettings(ctx)
		switch {
		case err != nil:
			msg.notOffered = p.Error(err)
		case settings.Host == "":
			msg.notOffered = p.T("conmail.no_server")
		default:
			m, err := mail.ComposeContract(ctx, st, id)
			if err != nil {
				msg.notOffered = p.T("conmail.cannot", p.Error(err))
			} else {
				msg.offer = &m
			}
		}
		return msg
	}
}

// contractMailMsg handles the activation's result and the mail's.
func (s *contractsScreen) contractMailMsg(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case contractActivatedMsg:
		if s.editing() {
			s.showDetail()
		}
		done := s.p.T("con.activated")
		refresh := tea.Batch(s.load(msg.id), s.open(msg.id, false))
		if msg.offer == nil {
			return tea.Batch(refresh, status(done+" "+msg.notOffered))
		}
		m := *msg.offer
		to := m.To
		if m.ToName != "" {
			to = m.ToName + " <" + m.To + ">"
		}
		return tea.Batch(refresh, status(done), s.confirm(s.p.T("conmail.ask", to), s.sendContractMail(msg.id, m)))
	case contractMailedMsg:
		var nl *mail.NotLoggedError
		var se *mail.SendError
		switch {
		case errors.As(msg.err, &nl):
			return statusErr(s.p.T("mail.not_logged", nl.Log.To, s.p.Error(nl.Err)))
		case errors.As(msg.err, &se):
			return statusErr(s.p.T("mail.not_sent", s.p.T("mail.send_failed", se.Server, se.Err.Error())))
		case msg.err != nil:
			return statusErr(s.p.T("mail.not_sent", s.p.Error(msg.err)))
		}
		var reload tea.Cmd
		if s.mode == modeDetail && s.detail.ID == msg.id {
			reload = s.open(msg.id, false) // the view lists the mail
		}
		return tea.Batch(reload, status(s.p.T("conmail.sent", msg.log.ContractNumber, msg.log.To)))
	}
	return nil
}

// sendContractMail sends m, composed for contract id.
func (s *contractsScreen) sendContractMail(id int64, m mail.Message) tea.Cmd {
	st, ctx, sender := s.st, s.ctx, mail.Sender{ExportsDir: s.opt.exportsDir}
	return func() tea.Msg {
		log, err := sender.Send(ctx, st, m)
		return contractMailedMsg{id: id, log: log, err: err}
	}
}
