package tui

import tea "charm.land/bubbletea/v2"

// Messages that travel between screens and the root. Store calls run inside
// tea.Cmds and come back as one of these (or a screen's own …Msg type).

// statusMsg puts a line in the status bar.
type statusMsg struct {
	text string
	err  bool
}

// confirmMsg asks the root to show a yes/no dialog; yes runs on confirmation.
type confirmMsg struct {
	question string
	yes      tea.Cmd
}

// companySavedMsg tells the root the first-run setup is done.
type companySavedMsg struct{}

// companyCheckedMsg carries whether the company has been set up.
type companyCheckedMsg struct {
	has bool
	err error
}

// quitMsg quits after a confirmation.
type quitMsg struct{}

// status returns a command that shows text in the status bar.
func status(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text} }
}

// statusErr returns a command that shows an error sentence in the status bar.
func statusErr(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text, err: true} }
}

// confirm returns a command that asks question and runs yes if confirmed.
func confirm(question string, yes tea.Cmd) tea.Cmd {
	return func() tea.Msg { return confirmMsg{question: question, yes: yes} }
}
