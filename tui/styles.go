package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles is every style the TUI uses, in one place, so screens never invent
// their own colours.
type Styles struct {
	App         lipgloss.Style
	Brand       lipgloss.Style
	Tab         lipgloss.Style
	ActiveTab   lipgloss.Style
	Title       lipgloss.Style
	Header      lipgloss.Style // table header row
	Selected    lipgloss.Style // the row under the cursor
	Dim         lipgloss.Style // archived rows, hints, counts
	Label       lipgloss.Style // form and detail labels
	FocusLabel  lipgloss.Style // the focused form field's label
	FieldError  lipgloss.Style // the message under a bad field
	Status      lipgloss.Style
	StatusError lipgloss.Style
	Dialog      lipgloss.Style
	Placeholder lipgloss.Style // screens that come with a later release
	Help        help.Styles
	Input       textinput.Styles
}

// DefaultStyles returns the house styles (for dark and light terminals alike:
// only a few ANSI colours, so the terminal's own theme decides the shades).
func DefaultStyles() Styles {
	accent := lipgloss.Color("6") // cyan
	red := lipgloss.Color("1")
	dim := lipgloss.Color("8")
	s := Styles{
		Brand:       lipgloss.NewStyle().Bold(true).Foreground(accent).PaddingRight(1),
		Tab:         lipgloss.NewStyle().Padding(0, 1),
		ActiveTab:   lipgloss.NewStyle().Padding(0, 1).Bold(true).Reverse(true),
		Title:       lipgloss.NewStyle().Bold(true),
		Header:      lipgloss.NewStyle().Bold(true).Underline(true),
		Selected:    lipgloss.NewStyle().Reverse(true),
		Dim:         lipgloss.NewStyle().Foreground(dim),
		Label:       lipgloss.NewStyle(),
		FocusLabel:  lipgloss.NewStyle().Bold(true).Foreground(accent),
		FieldError:  lipgloss.NewStyle().Foreground(red),
		Status:      lipgloss.NewStyle().Foreground(accent),
		StatusError: lipgloss.NewStyle().Foreground(red).Bold(true),
		Dialog:      lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(1, 2),
		Placeholder: lipgloss.NewStyle().Foreground(dim).Padding(1, 2),
		Help:        help.DefaultDarkStyles(),
		Input:       textinput.DefaultDarkStyles(),
	}
	s.Input.Cursor.Blink = false // a steady cursor: no timer redrawing the screen twice a second
	return s
}
