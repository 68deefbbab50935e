package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"daicho/tui/i18n"
)

// somethingLoadedMsg stands for any store result that arrives while a
// dialog is open.
type somethingLoadedMsg struct{}

// The open dialog hears every message, but only typing corrects a refused
// answer: a load coming back does not wipe the refusal off the prompt, and
// a paste goes into the prompt, not into the screen under it.
func TestDialogHearsMessagesButOnlyTypingChangesTheAnswer(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st, i18n.EN, 120, 40)
	h.press("5", "D")
	h.typeText("2026-02-30")
	h.press("enter")
	h.mustSee("✗ no such date")

	h.send(somethingLoadedMsg{})
	h.mustSee("✗ no such date")

	for range 10 {
		h.press("backspace")
	}
	h.send(tea.PasteMsg{Content: "2026-12-31"})
	h.mustNotSee("✗ no such date")
	h.press("enter")
	h.mustSee("Overdue as of 2026-12-31")
}
