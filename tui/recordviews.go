package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// recordMode is which of its views a record screen shows.
type recordMode int

const (
	modeList   recordMode = iota // the list of records
	modeDetail                   // one record
	modeEdit                     // an editor over the screen (a form, the line editor, the allocation, …)
)

// subView is what a record screen shows in its edit mode: it has the keys,
// draws the whole screen area and lists its own keys in the help bar.
type subView interface {
	Update(msg tea.Msg) tea.Cmd
	View() string
	SetSize(width, height int)
	ShortHelp() []key.Binding
	FullHelp() [][]key.Binding
	// Capturing reports that it types into a text field (global keys wait).
	Capturing() bool
	// Dirty reports changes that leaving would lose.
	Dirty() bool
}

// recordViews is the list → detail → edit switch every record screen
// shares: which view is shown, the editor while one is open, and where
// closing it returns to. A screen embeds it and gives it the list and the
// detail view as functions; the editor is an E.
type recordViews[E subView] struct {
	mode   recordMode
	editor E          // the open editor (the zero E unless mode is modeEdit)
	back   recordMode // the view the editor was opened from
}

// showEditor opens ed. Opened over another editor (a record reloaded into
// its form), closing it still returns to where the first was opened from.
func (v *recordViews[E]) showEditor(ed E) {
	if v.mode != modeEdit {
		v.back = v.mode
	}
	v.mode, v.editor = modeEdit, ed
}

// showList and showDetail close any editor and show the list or the record.
func (v *recordViews[E]) showList()   { v.leaveTo(modeList) }
func (v *recordViews[E]) showDetail() { v.leaveTo(modeDetail) }

// closeEditor returns to the view the editor was opened from.
func (v *recordViews[E]) closeEditor() {
	if v.mode == modeEdit {
		v.leaveTo(v.back)
	}
}

func (v *recordViews[E]) leaveTo(mode recordMode) {
	var none E
	v.mode, v.editor = mode, none
}

// editing reports that an editor is open.
func (v *recordViews[E]) editing() bool { return v.mode == modeEdit }

// editorDirty and editorCapturing answer for the open editor (false: none).
func (v *recordViews[E]) editorDirty() bool     { return v.editing() && v.editor.Dirty() }
func (v *recordViews[E]) editorCapturing() bool { return v.editing() && v.editor.Capturing() }

// sizeEditor gives the open editor the screen's area.
func (v *recordViews[E]) sizeEditor(width, height int) {
	if v.editing() {
		v.editor.SetSize(width, height)
	}
}

// route hands a message to the view shown: a key to the editor, or to the
// screen's detail or list keys; anything else (a cursor, a confirmed line
// deletion) to the open editor.
func (v *recordViews[E]) route(msg tea.Msg, listKey, detailKey func(tea.KeyPressMsg) tea.Cmd) tea.Cmd {
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case v.editing():
		return v.editor.Update(msg)
	case !isKey:
		return nil
	case v.mode == modeDetail:
		return detailKey(k)
	}
	return listKey(k)
}

// render draws the view shown.
func (v *recordViews[E]) render(list, detail func() string) string {
	switch v.mode {
	case modeEdit:
		return v.editor.View()
	case modeDetail:
		return detail()
	}
	return list()
}

// shortHelp is the keys of the view shown.
func (v *recordViews[E]) shortHelp(list, detail func() []key.Binding) []key.Binding {
	switch v.mode {
	case modeEdit:
		return v.editor.ShortHelp()
	case modeDetail:
		return detail()
	}
	return list()
}
