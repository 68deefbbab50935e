package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Column is one column of a Table. Its width comes from the allocator in
// table_layout.go: at least Min cells, more up to its content's natural width
// when that is cut, and a share of what is left in proportion to Grow.
type Column struct {
	Title string
	Min   int
	Grow  int
	Right bool // numbers align right; an amount is never cut
	// Whole marks a column whose value an action depends on (a document
	// number, a date): like amounts it is never cut while any other column
	// can still give up a cell.
	Whole bool
	// WideOnly hides the column when the table is narrower than this many
	// cells, so that a narrow terminal gives its room to the names.
	WideOnly int
}

// Table shows rows through a window of the terminal's height. It never holds
// the rows: Cell asks the screen for one cell, and only visible rows are asked,
// so 10,000 customers cost the same per frame as 10.
type Table struct {
	Columns []Column
	Cell    func(row, col int) string
	Dim     func(row int) bool // rows drawn dimmed (archived)
	Keys    ListKeyMap

	rows           int
	cursor, offset int
	width, height  int
	widths         []int
	natural        []int // content widths measured by Measure
	styles         *Styles
}

// NewTable returns an empty table.
func NewTable(cols []Column, keys ListKeyMap, styles *Styles) Table {
	return Table{Columns: cols, Keys: keys, styles: styles}
}

// SetRows sets the number of rows and keeps the cursor on the same index (or
// the last row) — call it after filtering or reloading.
func (t *Table) SetRows(n int) {
	t.rows = n
	t.moveTo(t.cursor)
}

// Rows is the number of rows.
func (t *Table) Rows() int { return t.rows }

// Cursor is the index of the selected row (-1 when the table is empty).
func (t *Table) Cursor() int {
	if t.rows == 0 {
		return -1
	}
	return t.cursor
}

// SetCursor selects row i.
func (t *Table) SetCursor(i int) { t.moveTo(i) }

// SetSize sets the table's outer size: one header line plus height-1 rows.
func (t *Table) SetSize(width, height int) {
	t.width, t.height = width, max(height, 2)
	t.layout()
	t.moveTo(t.cursor)
}

func (t *Table) bodyHeight() int { return t.height - 1 }

// moveTo puts the cursor on row i (clamped) and scrolls it into view.
func (t *Table) moveTo(i int) {
	t.cursor = max(0, min(i, t.rows-1))
	h := t.bodyHeight()
	if t.cursor < t.offset {
		t.offset = t.cursor
	}
	if h > 0 && t.cursor >= t.offset+h {
		t.offset = t.cursor - h + 1
	}
	t.offset = max(0, min(t.offset, t.rows-h))
}

// Update moves the cursor for the list keys; it reports whether it used msg.
func (t *Table) Update(msg tea.Msg) bool {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false
	}
	page := max(1, t.bodyHeight())
	switch {
	case key.Matches(k, t.Keys.Up):
		t.moveTo(t.cursor - 1)
	case key.Matches(k, t.Keys.Down):
		t.moveTo(t.cursor + 1)
	case key.Matches(k, t.Keys.Top):
		t.moveTo(0)
	case key.Matches(k, t.Keys.Bottom):
		t.moveTo(t.rows - 1)
	case key.Matches(k, t.Keys.PageUp):
		t.offset = max(0, t.offset-page)
		t.moveTo(t.cursor - page)
	case key.Matches(k, t.Keys.PageDown):
		t.offset = min(max(0, t.rows-page), t.offset+page)
		t.moveTo(t.cursor + page)
	default:
		return false
	}
	return true
}

// View renders the header and the visible rows, exactly height lines.
func (t *Table) View() string {
	var b strings.Builder
	header := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		header[i] = c.Title
	}
	b.WriteString(t.styles.Header.Render(t.line(header)))
	cells := make([]string, len(t.Columns))
	end := min(t.rows, t.offset+t.bodyHeight())
	for r := t.offset; r < end; r++ {
		for c := range t.Columns {
			cells[c] = t.Cell(r, c)
		}
		line := t.line(cells)
		switch {
		case r == t.cursor:
			line = t.styles.Selected.Render(line)
		case t.Dim != nil && t.Dim(r):
			line = t.styles.Dim.Render(line)
		}
		b.WriteString("\n")
		b.WriteString(line)
	}
	for r := end; r < t.offset+t.bodyHeight(); r++ {
		b.WriteString("\n")
	}
	return b.String()
}

// line lays out one row's cells in the column widths, by display cells so that
// Japanese (two cells a character) stays aligned.
func (t *Table) line(cells []string) string {
	var b strings.Builder
	first := true
	for i, w := range t.widths {
		if w < 0 {
			continue // hidden: too narrow
		}
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(fit(cells[i], w, t.Columns[i].Right))
	}
	return b.String()
}

// fit truncates s to w display cells (ending in …) and pads it to exactly w.
func fit(s string, w int, right bool) string {
	if w <= 0 {
		return ""
	}
	s = ansi.Truncate(s, w, "…")
	pad := strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	if right {
		return pad + s
	}
	return s + pad
}
