package tui

import (
	"charm.land/bubbles/v2/key"

	"daicho/tui/i18n"
)

// Key maps, one struct per kind of view, each built by a Default…KeyMap
// function with help text in the user's language. Screens embed the maps they
// use and list them in ShortHelp/FullHelp, so the help bar always shows the
// keys of what is on screen.

func bind(p i18n.Printer, helpKey, helpText string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKey, p.T(helpText)))
}

// GlobalKeyMap works on every screen (unless a text field has the keyboard).
type GlobalKeyMap struct {
	NextTab, PrevTab, Jump, Settings, Help, Quit key.Binding
}

func DefaultGlobalKeyMap(p i18n.Printer) GlobalKeyMap {
	return GlobalKeyMap{
		NextTab:  bind(p, "tab", "key.next_screen", "tab"),
		PrevTab:  bind(p, "shift+tab", "key.prev_screen", "shift+tab"),
		Jump:     bind(p, "1-6", "key.jump", "1", "2", "3", "4", "5", "6"),
		Settings: bind(p, "S", "key.settings", "S"),
		Help:     bind(p, "?", "key.help", "?"),
		Quit:     bind(p, "q", "key.quit", "q", "ctrl+c"),
	}
}

// ListKeyMap moves through a table.
type ListKeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
}

func DefaultListKeyMap(p i18n.Printer) ListKeyMap {
	return ListKeyMap{
		Up:       bind(p, "↑/k", "key.up", "up", "k"),
		Down:     bind(p, "↓/j", "key.down", "down", "j"),
		Top:      bind(p, "g", "key.top", "g", "home"),
		Bottom:   bind(p, "G", "key.bottom", "G", "end"),
		PageUp:   bind(p, "pgup", "key.page_up", "pgup", "ctrl+b"),
		PageDown: bind(p, "pgdn", "key.page_down", "pgdown", "ctrl+f"),
	}
}

// RecordKeyMap acts on the records of a master list (customers, later products).
type RecordKeyMap struct {
	Filter, Open, New, Edit, Archive, Sort, ShowArchived, Back key.Binding
}

func DefaultRecordKeyMap(p i18n.Printer) RecordKeyMap {
	return RecordKeyMap{
		Filter:       bind(p, "/", "key.filter", "/"),
		Open:         bind(p, "enter", "key.open", "enter"),
		New:          bind(p, "n", "key.new", "n"),
		Edit:         bind(p, "e", "key.edit", "e"),
		Archive:      bind(p, "a", "key.archive", "a"),
		Sort:         bind(p, "s", "key.sort", "s"),
		ShowArchived: bind(p, "A", "key.show_archived", "A"),
		Back:         bind(p, "esc", "key.back", "esc"),
	}
}

// FilterKeyMap is active while the filter line has the keyboard.
type FilterKeyMap struct {
	Apply, Clear key.Binding
}

func DefaultFilterKeyMap(p i18n.Printer) FilterKeyMap {
	return FilterKeyMap{
		Apply: bind(p, "enter", "key.filter_apply", "enter", "down"),
		Clear: bind(p, "esc", "key.filter_clear", "esc"),
	}
}

// FormKeyMap edits a form.
type FormKeyMap struct {
	Next, Prev, Choose, Save, Cancel key.Binding
}

func DefaultFormKeyMap(p i18n.Printer) FormKeyMap {
	return FormKeyMap{
		Next:   bind(p, "tab/↓", "key.next_field", "tab", "down"),
		Prev:   bind(p, "shift+tab/↑", "key.prev_field", "shift+tab", "up"),
		Choose: bind(p, "←/→/space", "key.choose", "left", "right", "space"),
		Save:   bind(p, "ctrl+s", "key.save", "ctrl+s"),
		Cancel: bind(p, "esc", "key.cancel", "esc"),
	}
}

// DialogKeyMap answers a confirmation.
type DialogKeyMap struct {
	Yes, No key.Binding
}

func DefaultDialogKeyMap(p i18n.Printer) DialogKeyMap {
	return DialogKeyMap{
		Yes: bind(p, "y/enter", "key.yes", "y", "Y", "enter"),
		No:  bind(p, "n/esc", "key.no", "n", "N", "esc"),
	}
}

// DocumentKeyMap filters documents and acts on the selected one.
type DocumentKeyMap struct {
	KindFilter, StatusFilter, CustomerFilter, DateFilter             key.Binding
	Issue, Convert, Void, Revise, Duplicate, Delete, Accept, Decline key.Binding
	Export, Open, Print, ExportAll                                   key.Binding
}

func DefaultDocumentKeyMap(p i18n.Printer) DocumentKeyMap {
	return DocumentKeyMap{
		KindFilter:     bind(p, "K", "key.kind_filter", "K"),
		StatusFilter:   bind(p, "F", "key.status_filter", "F"),
		CustomerFilter: bind(p, "C", "key.customer_filter", "C"),
		DateFilter:     bind(p, "D", "key.date_filter", "D"),
		Issue:          bind(p, "I", "key.issue", "I"),
		Convert:        bind(p, "c", "key.convert", "c"),
		Void:           bind(p, "V", "key.void", "V"),
		Revise:         bind(p, "r", "key.revise", "r"),
		Duplicate:      bind(p, "y", "key.duplicate", "y"),
		Delete:         bind(p, "x", "key.delete_draft", "x"),
		Accept:         bind(p, "+", "key.accept", "+"),
		Decline:        bind(p, "-", "key.decline", "-"),
		Export:         bind(p, "p", "key.export", "p"),
		Open:           bind(p, "o", "key.open_pdf", "o"),
		Print:          bind(p, "P", "key.print", "P"),
		ExportAll:      bind(p, "E", "key.export_all", "E"),
	}
}

// GridKeyMap moves through and edits the line grid of a document.
type GridKeyMap struct {
	Up, Down, Left, Right, Edit, AddBelow, AddAbove, Delete, MoveUp, MoveDown, Product key.Binding
}

func DefaultGridKeyMap(p i18n.Printer) GridKeyMap {
	return GridKeyMap{
		Up:       bind(p, "↑/k", "key.up", "up", "k"),
		Down:     bind(p, "↓/j", "key.down", "down", "j"),
		Left:     bind(p, "←/h", "key.left", "left", "h"),
		Right:    bind(p, "→/l", "key.right", "right", "l"),
		Edit:     bind(p, "enter", "key.edit_cell", "enter"),
		AddBelow: bind(p, "o", "key.add_below", "o"),
		AddAbove: bind(p, "O", "key.add_above", "O"),
		Delete:   bind(p, "d", "key.delete_line", "d"),
		MoveUp:   bind(p, "ctrl+↑", "key.move_up", "ctrl+up"),
		MoveDown: bind(p, "ctrl+↓", "key.move_down", "ctrl+down"),
		Product:  bind(p, "p", "key.product", "p"),
	}
}
