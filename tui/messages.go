package tui

import (
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// Messages that travel between screens and the root. Store calls run inside
// tea.Cmds and come back as one of these (or a screen's own …Msg type).

// statusMsg puts a line in the status bar.
type statusMsg struct {
	text string
	err  bool
}

// companySavedMsg tells the root the company settings were saved.
type companySavedMsg struct{ company store.Company }

// companyCheckedMsg carries the company, if it has been set up.
type companyCheckedMsg struct {
	has     bool
	company store.Company
	err     error
}

// quitMsg quits after a confirmation.
type quitMsg struct{}

// showDocumentMsg asks the root to show a document on the documents tab (enter
// on a document listed in a customer's view).
type showDocumentMsg struct{ id int64 }

// status returns a command that shows text in the status bar.
func status(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text} }
}

// statusErr returns a command that shows an error sentence in the status bar.
func statusErr(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, err: true} }
}

// askMsg is the store's answer to "can this be done?", asked before the
// question: a refusal goes to the status line in words, so no key asks a
// question whose answer it then refuses; otherwise open asks it (called in
// Update, where dialogs open).
type askMsg struct {
	err  error
	open func() tea.Cmd
}

// askIfAllowed runs check (a store …Check, which writes nothing) in a
// command and then opens the question, or says why it cannot be done.
func askIfAllowed(check func() error, open func() tea.Cmd) tea.Cmd {
	return func() tea.Msg { return askMsg{err: check(), open: open} }
}
