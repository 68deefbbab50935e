package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/tui/i18n"
)

// recordList is a Table over records that filters narrow: the list behaviour
// the record screens share. Records stay in memory (loaded once, their search
// keys folded then); a filter only recomputes which are visible, and the
// selection stays on the same record across reloads and filters.
type recordList[T any] struct {
	Table
	rows    []T
	visible []int
	id      func(*T) int64
	fresh   bool // loaded but not yet measured: the next Filter measures
}

func newRecordList[T any](cols []Column, keys ListKeyMap, styles *Styles, id func(*T) int64) *recordList[T] {
	return &recordList[T]{Table: NewTable(cols, keys, styles), id: id}
}

// Load replaces the records (call Filter next). The selection is forgotten:
// callers that keep it read SelectedID first and Select it after Filter.
func (l *recordList[T]) Load(rows []T) {
	l.rows = rows
	l.visible = l.visible[:0]
	l.fresh = true
	l.SetRows(0)
}

// Filter shows the records keep accepts, in their order, keeping the selection.
func (l *recordList[T]) Filter(keep func(*T) bool) {
	selected := l.SelectedID()
	l.visible = l.visible[:0]
	for i := range l.rows {
		if keep(&l.rows[i]) {
			l.visible = append(l.visible, i)
		}
	}
	l.SetRows(len(l.visible))
	if l.fresh {
		l.fresh = false
		l.Measure()
	}
	l.Select(selected)
}

// Row is the r-th visible record.
func (l *recordList[T]) Row(r int) *T { return &l.rows[l.visible[r]] }

// Selected is the record under the cursor.
func (l *recordList[T]) Selected() (*T, bool) {
	if i := l.Cursor(); i >= 0 && i < len(l.visible) && l.visible[i] < len(l.rows) {
		return l.Row(i), true
	}
	return nil, false
}

// SelectedID is the id of the record under the cursor (0: none).
func (l *recordList[T]) SelectedID() int64 {
	if r, ok := l.Selected(); ok {
		return l.id(r)
	}
	return 0
}

// Select puts the cursor on the record with the given id, if it is visible.
func (l *recordList[T]) Select(id int64) {
	for i, ri := range l.visible {
		if l.id(&l.rows[ri]) == id {
			l.SetCursor(i)
			return
		}
	}
}

// Visible is how many records the filters let through.
func (l *recordList[T]) Visible() int { return len(l.visible) }

// searchLine is the "/" line above a list: typing narrows the list at once,
// enter keeps the query, esc clears it.
type searchLine struct {
	input      textinput.Model
	active     bool
	keys       FilterKeyMap
	open, back key.Binding // the list's / and esc (RecordKeyMap's Filter and Back)
}

func newSearchLine(p i18n.Printer, styles *Styles, placeholder string) searchLine {
	in := textinput.New()
	in.Prompt = "/ "
	in.Placeholder = placeholder
	in.SetStyles(styles.Input)
	rec := DefaultRecordKeyMap(p)
	return searchLine{input: in, keys: DefaultFilterKeyMap(p), open: rec.Filter, back: rec.Back}
}

// Start gives the line the keyboard.
func (l *searchLine) Start() tea.Cmd {
	l.active = true
	return l.input.Focus()
}

// Key handles a key while the line is active; changed reports that the query
// changed and the list must be filtered again.
func (l *searchLine) Key(k tea.KeyPressMsg) (changed bool, cmd tea.Cmd) {
	switch {
	case key.Matches(k, l.keys.Apply):
		l.active = false
		l.input.Blur()
		return false, nil
	case key.Matches(k, l.keys.Clear):
		return l.Clear(), nil
	}
	before := l.input.Value()
	l.input, cmd = l.input.Update(k)
	return l.input.Value() != before, cmd
}

// Clear empties and leaves the line; it reports whether there was a query.
func (l *searchLine) Clear() bool {
	had := l.input.Value() != ""
	l.active = false
	l.input.Blur()
	l.input.SetValue("")
	return had
}

// Words are the query's words, folded as the search keys are.
func (l *searchLine) Words() []string { return strings.Fields(store.FoldSearch(l.input.Value())) }

func (l *searchLine) SetWidth(w int) { l.input.SetWidth(max(10, w-4)) }

// View is the line, or hint while it is empty and idle.
func (l *searchLine) View(hint string, styles *Styles) string {
	if !l.active && l.input.Value() == "" {
		return styles.Dim.Render(hint)
	}
	return l.input.View()
}

func (l *searchLine) ShortHelp() []key.Binding { return []key.Binding{l.keys.Apply, l.keys.Clear} }

// Replace puts freshly loaded records in the list and keeps the cursor on the
// record it was on — or on focusID, when a change asks to show that one.
func (l *recordList[T]) Replace(rows []T, focusID int64, refilter func()) {
	selected := l.SelectedID()
	if focusID != 0 {
		selected = focusID
	}
	l.Load(rows)
	refilter()
	l.Select(selected)
}

// cursorKeys is a list the cursor keys move (a Table, a recordList).
type cursorKeys interface{ Update(msg tea.Msg) bool }

// listKey is what every record list does with a key before its own keys:
// the search line takes it while active (filtering again as the query
// changes); else the cursor keys move the list, / opens the search line,
// and esc empties it and clears the screen's own filters (reset; nil when
// the screen has none). refilter recomputes the visible rows. handled
// reports that the key was used.
func (l *searchLine) listKey(k tea.KeyPressMsg, list cursorKeys, refilter, reset func()) (handled bool, cmd tea.Cmd) {
	if l.active {
		changed, cmd := l.Key(k)
		if changed {
			refilter()
		}
		return true, cmd
	}
	switch {
	case list.Update(k):
		return true, nil
	case key.Matches(k, l.open):
		return true, l.Start()
	case key.Matches(k, l.back):
		l.Clear()
		if reset != nil {
			reset()
		}
		refilter()
		return true, nil
	}
	return false, nil
}
