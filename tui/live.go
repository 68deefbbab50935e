package tui

import (
	"context"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// Live updates between desks. The root subscribes to the store's change
// feed when it starts: every commit of another session of daicho serve
// arrives within a moment, another process's (a second terminal on the same
// file) within a few seconds. Each screen then reloads what it shows of the
// kinds that changed — the lists keep the cursor on the same record (see
// recordList.Replace), an open form or editor is never touched — and a form
// whose record was saved underneath says so on the status line at once. The
// save is still refused as stale (stale.go); ctrl+r still reloads it all.

// liveGap is the least time between two changes handed to the screens:
// what commits meanwhile is merged by the feed, so a burst of saves (a
// billing run, an import) is one refresh.
const liveGap = 250 * time.Millisecond

type (
	// liveMsg carries a change, and the command that waits for the next.
	liveMsg struct {
		change store.Change
		next   tea.Cmd
	}
	// liveResultMsg is what a refresh loaded, applied only if still()
	// holds when it arrives: a detail view loaded again must not replace
	// the form the person opened meanwhile.
	liveResultMsg struct {
		msg   tea.Msg
		still func() bool
	}
	// liveCompanyMsg carries the company settings someone else saved: the
	// money rules follow them.
	liveCompanyMsg struct{ c store.Company }
)

// subscribeLive subscribes to the feed and returns the command that waits
// for the first change. The subscription ends when the TUI ends (WithDone)
// or the store is closed.
func (m *Model) subscribeLive() tea.Cmd {
	if m.opt.noLive {
		return nil
	}
	ch, stop := m.st.Subscribe()
	if done := m.opt.done; done != nil {
		go func() { <-done; stop() }()
	}
	return waitChange(ch, m.opt.done, time.Time{})
}

// waitChange waits, no earlier than notBefore, for the next change.
func waitChange(ch <-chan store.Change, done <-chan struct{}, notBefore time.Time) tea.Cmd {
	return func() tea.Msg {
		if d := time.Until(notBefore); d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-done:
				t.Stop()
				return nil
			}
		}
		select {
		case c, ok := <-ch:
			if !ok {
				return nil
			}
			return liveMsg{change: c, next: waitChange(ch, done, time.Now().Add(liveGap))}
		case <-done:
			return nil
		}
	}
}

// live handles the root's live messages.
func (m *Model) live(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case liveMsg:
		return tea.Batch(msg.next, m.changed(msg.change))
	case liveResultMsg:
		if msg.still() {
			_, cmd := m.Update(msg.msg)
			return cmd
		}
	case liveCompanyMsg:
		m.setMoneyRules(msg.c)
	}
	return nil
}

// liveScreen is a screen that follows changes: changed returns what to
// reload for c (nil: nothing it shows changed).
type liveScreen interface {
	changed(c store.Change) tea.Cmd
}

// changed tells every screen, the settings form and an open inquiry form
// what changed. A session's own saves are left out: the screen that saved
// has reloaded what it shows already.
func (m *Model) changed(c store.Change) tea.Cmd {
	if c.By(m.st) || !m.ready {
		return nil
	}
	var cmds []tea.Cmd
	if m.setup == nil || !m.setup.first { // on the first run the screens have not started
		for _, s := range m.screens {
			if l, ok := s.(liveScreen); ok {
				cmds = append(cmds, l.changed(c))
			}
		}
	}
	if m.setup != nil {
		cmds = append(cmds, m.setup.changed(c))
	}
	if d, ok := m.ui.d.(*inquiryDialog); ok {
		cmds = append(cmds, d.changed(m.env, c))
	}
	if c.Has(store.ChangedCustomers | store.ChangedProducts | store.ChangedSettings) {
		cmds = append(cmds, m.loadRefs()) // the pickers, the editors' products and tax rates
	}
	if c.Has(store.ChangedSettings) {
		st, ctx := m.st, m.ctx
		cmds = append(cmds, func() tea.Msg {
			co, err := st.Company(ctx)
			if err != nil {
				return nil
			}
			return liveCompanyMsg{co}
		})
	}
	return tea.Batch(cmds...)
}

// whileShowing runs load and applies its message only if still() holds then.
func whileShowing(still func() bool, load tea.Cmd) tea.Cmd {
	return func() tea.Msg { return liveResultMsg{msg: load(), still: still} }
}

// storedRecord is a form's record as stored now: its version and the audit
// log's name for it (the name can change: a customer's code).
type storedRecord struct {
	version          int64
	entity, entityID string
}

// checkForm compares the record an open form edits, loaded at version, with
// the stored one, and says on the status line (if the form is still open
// then) that someone saved or deleted it meanwhile.
func (e env) checkForm(version int64, still func() bool, load func(ctx context.Context) (storedRecord, error)) tea.Cmd {
	st, ctx, p := e.st, e.ctx, e.p
	return func() tea.Msg {
		r, err := load(ctx)
		var text string
		switch {
		case isNotFound(err):
			text = p.T("live.form_deleted")
		case err != nil, r.version == version:
			return nil // unchanged, or cannot tell: the save will
		default:
			text = p.T("live.form_stale_unknown")
			if log, err := st.AuditLog(ctx, r.entity, r.entityID); err == nil && len(log) > 0 {
				last := log[len(log)-1]
				if at, err := time.Parse(time.RFC3339Nano, last.At); err == nil {
					text = p.T("live.form_stale", last.Actor, at.Local().Format("2006-01-02 15:04"))
				}
			}
		}
		return liveResultMsg{msg: statusMsg{text: text, err: true}, still: still}
	}
}

func isNotFound(err error) bool {
	e, ok := store.AsError(err)
	return ok && e.Code == store.CodeNotFound
}

// The screens. Each reloads its list for the kinds it shows, the record in
// its detail view (if one is shown), and checks the record of its form.

func (s *customersScreen) changed(c store.Change) tea.Cmd {
	var cmds []tea.Cmd
	if c.Has(store.ChangedCustomers) {
		cmds = append(cmds, s.load(0))
	}
	if s.mode == modeDetail && c.Has(store.ChangedCustomers|store.ChangedDocuments|store.ChangedPayments|store.ChangedInquiries) {
		id := s.detail.ID
		cmds = append(cmds, whileShowing(func() bool { return s.mode == modeDetail && s.detail.ID == id }, s.open(id, false)))
	}
	if f := s.editor; s.editing() && f != nil && !f.created && c.Has(store.ChangedCustomers) {
		st, id := s.st, f.c.ID
		cmds = append(cmds, s.checkForm(f.c.Version, func() bool { return s.editor == f }, func(ctx context.Context) (storedRecord, error) {
			cur, err := st.Customer(ctx, id)
			return storedRecord{cur.Version, "customer", cur.Code}, err
		}))
	}
	return tea.Batch(cmds...)
}

func (s *documentsScreen) changed(c store.Change) tea.Cmd {
	var cmds []tea.Cmd
	// Payments change the payment state the list shows of invoices.
	if c.Has(store.ChangedDocuments | store.ChangedCustomers | store.ChangedPayments) {
		cmds = append(cmds, s.load(0, 0))
	}
	if s.mode == modeDetail && c.Has(store.ChangedDocuments|store.ChangedPayments) {
		id := s.doc.ID
		cmds = append(cmds, whileShowing(func() bool { return s.mode == modeDetail && s.doc.ID == id }, s.open(id, false)))
	}
	if ed := s.editor; s.editing() && ed != nil && ed.doc.ID != 0 && c.Has(store.ChangedDocuments) {
		st, id := s.st, ed.doc.ID
		cmds = append(cmds, s.checkForm(ed.doc.Version, func() bool { return s.editor == ed && ed.doc.ID == id }, func(ctx context.Context) (storedRecord, error) {
			cur, err := st.Document(ctx, id)
			return storedRecord{cur.Version, "document", strconv.FormatInt(id, 10)}, err
		}))
	}
	return tea.Batch(cmds...)
}

func (s *contractsScreen) changed(c store.Change) tea.Cmd {
	var cmds []tea.Cmd
	if c.Has(store.ChangedContracts | store.ChangedCustomers) {
		cmds = append(cmds, s.load(0))
	}
	if s.mode == modeDetail && c.Has(store.ChangedContracts) {
		id := s.detail.ID
		cmds = append(cmds, whileShowing(func() bool { return s.mode == modeDetail && s.detail.ID == id }, s.open(id, false)))
	}
	if ed := s.editor; s.editing() && ed != nil && ed.c.ID != 0 && c.Has(store.ChangedContracts) {
		st, id := s.st, ed.c.ID
		cmds = append(cmds, s.checkForm(ed.c.Version, func() bool { return s.editor == ed && ed.c.ID == id }, func(ctx context.Context) (storedRecord, error) {
			cur, err := st.Contract(ctx, id)
			return storedRecord{cur.Version, "contract", strconv.FormatInt(id, 10)}, err
		}))
	}
	return tea.Batch(cmds...)
}

func (s *paymentsScreen) changed(c store.Change) tea.Cmd {
	var cmds []tea.Cmd
	if c.Has(store.ChangedPayments | store.ChangedCustomers | store.ChangedBank) {
		cmds = append(cmds, s.load(0))
	}
	if s.mode == modeDetail && c.Has(store.ChangedPayments|store.ChangedDocuments) {
		id := s.detail.ID
		cmds = append(cmds, whileShowing(func() bool { return s.mode == modeDetail && s.detail.ID == id }, s.open(id)))
	}
	return tea.Batch(cmds...)
}

func (s *overdueScreen) changed(c store.Change) tea.Cmd {
	if c.Has(store.ChangedDocuments | store.ChangedPayments | store.ChangedCustomers) {
		return s.load()
	}
	return nil
}

// The inquiries list follows customer names through the root's reference
// reload (refsLoadedMsg).
func (s *inquiriesScreen) changed(c store.Change) tea.Cmd {
	if c.Has(store.ChangedInquiries | store.ChangedDocuments) {
		return s.load(0)
	}
	return nil
}

func (s *reportsScreen) changed(c store.Change) tea.Cmd {
	if c.Has(store.ChangedDocuments | store.ChangedPayments | store.ChangedCustomers | store.ChangedProducts) {
		return s.reload()
	}
	return nil
}

// changed checks the company form and the mail settings page.
func (s *setupScreen) changed(c store.Change) tea.Cmd {
	if s.first || !c.Has(store.ChangedSettings) {
		return nil
	}
	st, form := s.st, s.form
	cmds := []tea.Cmd{s.checkForm(s.c.Version, func() bool { return s.form == form }, func(ctx context.Context) (storedRecord, error) {
		cur, err := st.Company(ctx)
		return storedRecord{cur.Version, "company", "company"}, err
	})}
	if page := s.mail.page; page != nil {
		mailForm := page.form
		cmds = append(cmds, s.checkForm(page.m.Version, func() bool { return s.mail.page == page && page.form == mailForm },
			func(ctx context.Context) (storedRecord, error) {
				cur, err := st.MailSettings(ctx)
				return storedRecord{cur.Version, "mail_settings", "mail_settings"}, err
			}))
	}
	return tea.Batch(cmds...)
}

// changed checks the inquiry an open inquiry form edits (the dialog holds
// no env: the root lends its own).
func (d *inquiryDialog) changed(e env, c store.Change) tea.Cmd {
	if d.created || !c.Has(store.ChangedInquiries) {
		return nil
	}
	st, ui, id := d.st, d.ui, d.q.ID
	return e.checkForm(d.q.Version, func() bool { return ui.d == d }, func(ctx context.Context) (storedRecord, error) {
		cur, err := st.Inquiry(ctx, id)
		return storedRecord{cur.Version, "inquiry", strconv.FormatInt(id, 10)}, err
	})
}
