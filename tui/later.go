package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// laterScreen holds the place of a tab whose feature has not been built yet.
// It says so plainly; it shows no made-up data.
type laterScreen struct {
	env
	title, text   string
	width, height int
}

func newLaterScreen(e env, titleKey, textKey string) *laterScreen {
	return &laterScreen{env: e, title: e.p.T(titleKey), text: e.p.T(textKey)}
}

func (s *laterScreen) Init() tea.Cmd             { return nil }
func (s *laterScreen) Update(tea.Msg) tea.Cmd    { return nil }
func (s *laterScreen) SetSize(w, h int)          { s.width, s.height = w, h }
func (s *laterScreen) Title() string             { return s.title }
func (s *laterScreen) Capturing() bool           { return false }
func (s *laterScreen) Dirty() bool               { return false }
func (s *laterScreen) ShortHelp() []key.Binding  { return nil }
func (s *laterScreen) FullHelp() [][]key.Binding { return nil }
func (s *laterScreen) View() string {
	return s.styles.Placeholder.Width(s.width).Render(
		lipgloss.JoinVertical(lipgloss.Left, s.styles.Title.Render(s.title), "", s.text))
}
