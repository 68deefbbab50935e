package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// lineEditor is the one editor of things with lines — documents and
// contracts: a header in the shared Form over a LineGrid, the totals under
// it. tab past the last header field enters the grid; shift+tab on its first
// cell goes back; esc leaves, asking first when anything changed. The owner
// adds what is its own: reading the fields, saving, the title.
type lineEditor struct {
	kit
	form   *Form
	grid   *LineGrid
	inGrid bool
	keys   FormKeyMap
	saved  string // form and grid content when loaded or saved

	summary func() string // the header on one line while the grid has the keyboard
	sync    func()        // after a header key: tell the grid what its totals depend on

	width, height int
}

// newLineEditor edits fields over lines, looking rates and products up in refs.
func newLineEditor(k kit, refs *references, fields []*Field, lines []store.Line) lineEditor {
	return lineEditor{kit: k, keys: DefaultFormKeyMap(k.p), form: NewForm("", fields, DefaultFormKeyMap(k.p), k.styles),
		grid: NewLineGrid(k, lines, refs, false), sync: func() {}}
}

func (ed *lineEditor) snapshot() string {
	var b strings.Builder
	for _, f := range ed.form.fields {
		b.WriteString(f.Value() + "|")
	}
	return b.String() + ed.grid.Snapshot()
}

// markSaved takes the current content as saved (and the stored lines' ids).
func (ed *lineEditor) markSaved(lines []store.Line) {
	ed.grid.SetErrors(nil)
	ed.form.SetErrors(nil, ed.p)
	for i := range lines {
		if i < len(ed.grid.rows) {
			ed.grid.rows[i].line = lines[i]
		}
	}
	ed.saved = ed.snapshot()
}

func (ed *lineEditor) Dirty() bool { return ed.snapshot() != ed.saved }

// Capturing: the editor types everywhere, so global keys stay away.
func (ed *lineEditor) Capturing() bool { return true }

func (ed *lineEditor) enterGrid(fromTop bool) {
	ed.inGrid = true
	ed.form.Blur()
	ed.grid.Focus(fromTop)
}

// leaveGrid gives the keyboard back to the header, on its last field (as
// shift+tab would), or where the form has put it (on its first bad field).
func (ed *lineEditor) leaveGrid(toLast bool) {
	ed.inGrid = false
	ed.grid.Blur()
	if toLast {
		ed.form.FocusLast()
	} else {
		ed.form.Refocus()
	}
}

func (ed *lineEditor) SetSize(w, h int) {
	ed.width, ed.height = w, h
	ed.form.SetSize(w, h-8)
	ed.grid.SetSize(w, ed.gridHeight())
}

// gridHeight is what the header and the totals leave to the lines.
func (ed *lineEditor) gridHeight() int {
	header := 3 // title, summary, blank
	if !ed.inGrid {
		header = 2 + ed.form.Lines()
	}
	return max(4, ed.height-header-len(ed.grid.Totals().Taxes)-3)
}

// update handles what is not a key (a confirmed line deletion, the cursor).
func (ed *lineEditor) update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(gridDeleteMsg); ok {
		ed.grid.Delete(m.row)
		return nil
	}
	if ed.inGrid {
		return ed.grid.Update(msg)
	}
	return ed.form.Update(msg)
}

// key moves between the header and the grid and types into the one that has
// the keyboard; esc sends closed (after asking, when there are changes).
func (ed *lineEditor) key(k tea.KeyPressMsg, closed tea.Msg) tea.Cmd {
	if k.String() == "esc" && !(ed.inGrid && ed.grid.Editing()) {
		leave := func() tea.Msg { return closed }
		if ed.Dirty() {
			return ed.confirm(ed.p.T("confirm.discard"), leave)
		}
		return leave
	}
	if ed.inGrid {
		if k.String() == "shift+tab" && ed.grid.AtStart() && !ed.grid.Editing() {
			ed.leaveGrid(true)
			ed.SetSize(ed.width, ed.height)
			return nil
		}
		return ed.grid.Update(k)
	}
	if (k.String() == "tab" || k.String() == "down") && ed.form.AtLast() {
		ed.enterGrid(true)
		ed.SetSize(ed.width, ed.height)
		return nil
	}
	cmd := ed.form.Update(k)
	ed.sync()
	return cmd
}

// showErrors puts each error where it belongs: a cell, a header field, or
// the top of the form.
func (ed *lineEditor) showErrors(err error) {
	rest := ed.grid.SetErrors(store.FieldErrors(err))
	if len(store.FieldErrors(err)) == 0 {
		ed.form.SetErrors(err, ed.p)
		return
	}
	ed.form.SetErrors(store.Errors(rest).OrNil(), ed.p)
	if len(rest) < len(store.FieldErrors(err)) && !ed.inGrid {
		ed.enterGrid(false)
	}
	if len(rest) > 0 && ed.form.HasFieldErrors() && ed.inGrid {
		ed.leaveGrid(false) // header problems first: the form has focused the first one
	}
	ed.SetSize(ed.width, ed.height)
}

// body is the editor under its title: the header (or its one-line summary),
// the lines and the totals.
func (ed *lineEditor) body(title string) string {
	parts := []string{ed.styles.Title.Render(title)}
	if ed.inGrid {
		parts = append(parts, ed.styles.Dim.Render(ed.summary()+"  "+ed.p.T("docs.header_hint")), "")
	} else {
		parts = append(parts, ed.form.View(), "")
	}
	totals := ed.grid.Totals()
	ed.grid.SetSize(ed.width, ed.gridHeight()) // the totals grow a line per tax rate as lines are typed
	parts = append(parts, ed.grid.View(), ed.grid.TotalsView(totals))
	return strings.Join(parts, "\n")
}

func (ed *lineEditor) ShortHelp() []key.Binding {
	if ed.inGrid {
		g := ed.grid.Keys
		return []key.Binding{g.Edit, g.AddBelow, g.Delete, g.MoveUp, ed.keys.Save, ed.keys.Cancel}
	}
	return []key.Binding{ed.keys.Next, ed.keys.Prev, ed.keys.Choose, ed.keys.Save, ed.keys.Cancel}
}

func (ed *lineEditor) FullHelp() [][]key.Binding {
	g := ed.grid.Keys
	return [][]key.Binding{
		{g.Up, g.Down, g.Left, g.Right, g.Edit},
		{g.AddBelow, g.AddAbove, g.Delete, g.MoveUp, g.MoveDown},
		{ed.keys.Next, ed.keys.Prev, ed.keys.Choose, ed.keys.Save, ed.keys.Cancel},
	}
}
