package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// When two people edit one record, the second save is refused: "changed by
// hanako at 2026-11-26 09:00 — reload?". Every form answers that refusal the
// same way: the question in a confirm dialog, whose yes loads the record as
// saved now into the form (the edits on screen are lost) and whose no keeps
// the edits on screen, with the refusal above them, to copy by hand.

// isStale reports a save refused because someone saved the record after
// this form loaded it.
func isStale(err error) bool {
	e, ok := store.AsError(err)
	return ok && e.Code == store.CodeConflict && (e.Reason == "changed_by" || e.Reason == "changed_since_opened")
}

// notSaved is the status line of a refused save: the refusal itself when
// someone else's save came first (the reload question is on screen), else
// the form's "correct what is marked" line under key.
func (k kit) notSaved(err error, key string) tea.Cmd {
	if isStale(err) {
		return statusErr(k.p.Error(err))
	}
	return statusErr(k.p.T(key))
}

// askReload asks whether to reload after the stale save err. reload loads
// the stored record into the form; back, if not nil, is the dialog the
// question was asked over (the inquiry form), shown again on no.
func (k kit) askReload(err error, reload tea.Cmd, back dialog) tea.Cmd {
	return k.show(&reloadDialog{
		confirmDialog: confirmDialog{kit: k, question: k.p.Error(err), keys: DefaultDialogKeyMap(k.p),
			yes: func() tea.Cmd { return tea.Batch(reload, status(k.p.T("form.reloaded"))) }},
		back: back,
	})
}

// reloadDialog is a confirmDialog that can return to the dialog it covered.
type reloadDialog struct {
	confirmDialog
	back dialog
}

func (d *reloadDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	done, cmd := d.confirmDialog.Update(msg)
	if k, ok := msg.(tea.KeyPressMsg); ok && done && d.back != nil && key.Matches(k, d.keys.No) {
		d.show(d.back) // the root keeps a dialog opened by the answer
	}
	return done, cmd
}

// reloadDraft loads a draft back into the editor after a stale save; one
// that was issued meanwhile opens in the detail view instead, as it can no
// longer be edited.
func (s *documentsScreen) reloadDraft(id int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		d, err := st.Document(ctx, id)
		if err != nil {
			return docOpenedMsg{err: err}
		}
		chain, err := st.Chain(ctx, id)
		return docOpenedMsg{d: d, chain: chain, edit: d.Status == store.StatusDraft, err: err}
	}
}

// reloadShown reads the documents list again, and the document in the
// detail view, after an action on a draft someone had changed meanwhile.
func (s *documentsScreen) reloadShown() tea.Cmd {
	if s.mode == modeDetail {
		return tea.Batch(s.load(0, s.doc.ID), s.open(s.doc.ID, false))
	}
	return s.load(0, 0)
}

// reloadShown reads the contracts list again, and the contract in the
// detail view, after an action on a draft someone had changed meanwhile.
func (s *contractsScreen) reloadShown() tea.Cmd {
	if s.mode == modeDetail {
		return tea.Batch(s.load(s.detail.ID), s.open(s.detail.ID, false))
	}
	return s.load(0)
}
