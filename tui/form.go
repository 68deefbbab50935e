package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/tui/i18n"
)

// Choice is one option of a choice field.
type Choice struct{ Value, Label string }

// Field is one input of a Form: free text, or one value out of a few choices.
type Field struct {
	Key     string // the store's field name, so a store error lands on this field
	Label   string
	Hint    string
	Choices []Choice // nil for a text field
	Err     string   // the message shown under the field

	// Pick, when set, opens a picker for the field on enter; the picker
	// calls set with what was picked. The field still takes typing.
	Pick func(set func(string)) tea.Cmd

	input  textinput.Model
	area   *textarea.Model // a multi-line text field (AreaField); nil otherwise
	choice int
}

// SetValue replaces a text field's value (what a picker picked).
func (f *Field) SetValue(v string) {
	f.input.SetValue(v)
	f.input.CursorEnd()
	f.Err = ""
}

// TextField returns a text input holding value.
func TextField(key, label, value, hint string, styles *Styles) *Field {
	in := textinput.New()
	in.Prompt = ""
	in.SetStyles(styles.Input)
	in.SetValue(value)
	return &Field{Key: key, Label: label, Hint: hint, input: in}
}

// AreaField returns a multi-line text field of rows lines: enter makes a new
// line, ↑/↓ move between its lines, tab and shift+tab leave it.
func AreaField(key, label, value, hint string, rows int, styles *Styles) *Field {
	ta := textarea.New()
	ta.Prompt, ta.ShowLineNumbers = "", false
	ts := textarea.DefaultDarkStyles()
	ts.Cursor.Blink = false // a steady cursor, as in the one-line fields
	ts.Focused.CursorLine, ts.Focused.Base, ts.Blurred.Base = lipgloss.NewStyle(), lipgloss.NewStyle(), lipgloss.NewStyle()
	ta.SetStyles(ts)
	ta.SetHeight(rows)
	ta.SetValue(value)
	ta.MoveToBegin()
	return &Field{Key: key, Label: label, Hint: hint, area: &ta}
}

// ChoiceField returns a field that cycles through choices, starting at value.
func ChoiceField(key, label string, choices []Choice, value string) *Field {
	f := &Field{Key: key, Label: label, Choices: choices}
	for i, c := range choices {
		if c.Value == value {
			f.choice = i
		}
	}
	return f
}

// Value is the field's current value.
func (f *Field) Value() string {
	if f.Choices != nil {
		return f.Choices[f.choice].Value
	}
	if f.area != nil {
		return f.area.Value()
	}
	return f.input.Value()
}

func (f *Field) blur() {
	f.input.Blur()
	if f.area != nil {
		f.area.Blur()
	}
}

// Form is the one form component every editor uses: labelled fields in a
// column, tab between them, errors under the field at fault, scrolling when
// the terminal is shorter than the form. The owner handles save and cancel.
type Form struct {
	Title  string
	Err    string // a problem with the whole record (a conflict, a locked database)
	Keys   FormKeyMap
	fields []*Field
	focus  int
	saved  []string // values as loaded or last saved, to know if anything changed

	width, height, offset int
	styles                *Styles
}

// NewForm returns a form over fields with the first one focused.
func NewForm(title string, fields []*Field, keys FormKeyMap, styles *Styles) *Form {
	f := &Form{Title: title, Keys: keys, fields: fields, styles: styles}
	f.MarkSaved()
	f.setFocus(0)
	return f
}

// Field returns the field with the given key, or nil.
func (f *Form) Field(key string) *Field {
	for _, fd := range f.fields {
		if fd.Key == key {
			return fd
		}
	}
	return nil
}

// Value is the value of the field with the given key ("" if there is none).
func (f *Form) Value(key string) string {
	if fd := f.Field(key); fd != nil {
		return fd.Value()
	}
	return ""
}

// Focused is the key of the field that has the keyboard.
func (f *Form) Focused() string { return f.fields[f.focus].Key }

// Dirty reports whether any value differs from the one loaded or saved.
func (f *Form) Dirty() bool {
	for i, fd := range f.fields {
		if fd.Value() != f.saved[i] {
			return true
		}
	}
	return false
}

// MarkSaved takes the current values as the saved ones.
func (f *Form) MarkSaved() {
	f.saved = make([]string, len(f.fields))
	for i, fd := range f.fields {
		f.saved[i] = fd.Value()
	}
}

// SetErrors shows each field error under its field (translated by p), puts any
// error without a field at the top, and moves the focus to the first bad field.
// A nil or non-store error clears the field errors.
func (f *Form) SetErrors(err error, p i18n.Printer) {
	for _, fd := range f.fields {
		fd.Err = ""
	}
	f.Err = ""
	if err == nil {
		return
	}
	fes := store.FieldErrors(err)
	if len(fes) == 0 {
		f.Err = p.Error(err)
		return
	}
	first := -1
	for _, fe := range fes {
		i := f.index(fe.Field)
		if i < 0 {
			f.Err = p.Error(fe)
			continue
		}
		if f.fields[i].Err == "" {
			f.fields[i].Err = p.Reason(fe)
		}
		if first < 0 || i < first {
			first = i
		}
	}
	if first >= 0 {
		f.setFocus(first)
	}
}

func (f *Form) index(key string) int {
	for i, fd := range f.fields {
		if fd.Key == key {
			return i
		}
	}
	return -1
}

func (f *Form) setFocus(i int) {
	f.fields[f.focus].blur()
	f.focus = (i + len(f.fields)) % len(f.fields)
	fd := f.fields[f.focus]
	switch {
	case fd.area != nil:
		fd.area.Focus()
	case fd.Choices == nil:
		fd.input.Focus()
		fd.input.CursorEnd()
	}
	f.scrollToFocus()
}

// Blur takes the keyboard away from the form (another component has it).
func (f *Form) Blur() { f.fields[f.focus].blur() }

// Refocus gives the keyboard back to the field that had it.
func (f *Form) Refocus() { f.setFocus(f.focus) }

// FocusLast gives the keyboard back on the last field.
func (f *Form) FocusLast() { f.setFocus(len(f.fields) - 1) }

// AtFirst and AtLast report the focus on the first or last field, so an owner
// can move on to its next component instead of wrapping around.
func (f *Form) AtFirst() bool { return f.focus == 0 }
func (f *Form) AtLast() bool  { return f.focus == len(f.fields)-1 }

// Lines is how many lines the whole form takes (title, errors and fields).
func (f *Form) Lines() int {
	n := f.headerLines()
	for i := range f.fields {
		n += f.fieldLines(i)
	}
	return n
}

// HasFieldErrors reports whether any field shows an error.
func (f *Form) HasFieldErrors() bool {
	for _, fd := range f.fields {
		if fd.Err != "" {
			return true
		}
	}
	return false
}

// SetSize sets the form's outer size.
func (f *Form) SetSize(width, height int) {
	f.width, f.height = width, height
	inputWidth := max(10, min(40, width-f.labelWidth()-4))
	for _, fd := range f.fields {
		fd.input.SetWidth(inputWidth)
		if fd.area != nil { // as wide as the form allows: notes are sentences
			fd.area.SetWidth(max(10, width-f.labelWidth()-1))
		}
	}
	f.scrollToFocus()
}

// Update handles navigation and typing; save and cancel are the owner's.
func (f *Form) Update(msg tea.Msg) tea.Cmd {
	fd := f.fields[f.focus]
	if k, ok := msg.(tea.KeyPressMsg); ok {
		lineKey := fd.area != nil && (k.String() == "up" || k.String() == "down")
		switch {
		case lineKey: // ↑/↓ move between the area's lines
		case key.Matches(k, f.Keys.Next):
			f.setFocus(f.focus + 1)
			return nil
		case key.Matches(k, f.Keys.Prev):
			f.setFocus(f.focus - 1)
			return nil
		case fd.Pick != nil && k.String() == "enter":
			return fd.Pick(fd.SetValue)
		}
		if fd.Choices != nil {
			switch k.String() {
			case "right", "space", "l":
				fd.choice = (fd.choice + 1) % len(fd.Choices)
				fd.Err = ""
			case "left", "h":
				fd.choice = (fd.choice + len(fd.Choices) - 1) % len(fd.Choices)
				fd.Err = ""
			}
			return nil
		}
	}
	before := fd.Value()
	var cmd tea.Cmd
	if fd.area != nil {
		*fd.area, cmd = fd.area.Update(msg)
	} else {
		fd.input, cmd = fd.input.Update(msg)
	}
	if fd.Value() != before {
		fd.Err = "" // the user is fixing it: the old message no longer applies
	}
	return cmd
}

func (f *Form) labelWidth() int {
	w := 0
	for _, fd := range f.fields {
		w = max(w, ansi.StringWidth(fd.Label))
	}
	return w + 2 // the focus marker and a space
}

// fieldLines is how many lines field i takes: itself and its error, if any.
func (f *Form) fieldLines(i int) int {
	n := 1
	if a := f.fields[i].area; a != nil {
		n = 1 + a.Height() // the label's line, then the text
	}
	if f.fields[i].Err != "" {
		n++
	}
	return n
}

// headerLines is the title and a blank line (none without a title), and the
// record error, if any.
func (f *Form) headerLines() int {
	n := 0
	if f.Title != "" {
		n = 2
	}
	if f.Err != "" {
		n++
	}
	return n
}

func (f *Form) scrollToFocus() {
	room := f.height - f.headerLines()
	if room <= 0 {
		return
	}
	start := 0
	for i := 0; i < f.focus; i++ {
		start += f.fieldLines(i)
	}
	end := start + f.fieldLines(f.focus)
	if start < f.offset {
		f.offset = start
	}
	if end > f.offset+room {
		f.offset = end - room
	}
}

// View renders the form in at most height lines.
func (f *Form) View() string {
	f.scrollToFocus()
	s := f.styles
	lw := f.labelWidth()
	var body []string
	for i, fd := range f.fields {
		label, marker := s.Label, "  "
		if i == f.focus {
			label, marker = s.FocusLabel, "▸ "
		}
		head := marker + label.Render(fit(fd.Label, lw-2, false)) + " "
		if fd.area != nil { // the hint goes on the label's line, the text under it
			hint := ""
			if fd.Hint != "" {
				hint = s.Dim.Render(fd.Hint)
			}
			body = append(body, ansi.Truncate(head+hint, f.width, "…"))
			for _, l := range strings.Split(fd.area.View(), "\n") {
				body = append(body, ansi.Truncate(strings.Repeat(" ", lw+1)+l, f.width, "…"))
			}
		} else {
			line := head + f.valueView(fd, i == f.focus)
			if fd.Hint != "" {
				line += "  " + s.Dim.Render(fd.Hint)
			}
			body = append(body, ansi.Truncate(line, f.width, "…"))
		}
		if fd.Err != "" {
			body = append(body, ansi.Truncate(strings.Repeat(" ", lw+1)+s.FieldError.Render("✗ "+fd.Err), f.width, "…"))
		}
	}
	room := max(1, f.height-f.headerLines())
	end := min(len(body), f.offset+room)
	var out []string
	if f.Title != "" {
		out = append(out, s.Title.Render(f.Title))
	}
	if f.Err != "" {
		out = append(out, s.StatusError.Render(ansi.Truncate(f.Err, f.width, "…")))
	}
	if f.Title != "" {
		out = append(out, "")
	}
	out = append(out, body[min(f.offset, end):end]...)
	return strings.Join(out, "\n")
}

func (f *Form) valueView(fd *Field, focused bool) string {
	if fd.Choices == nil {
		return fd.input.View()
	}
	parts := make([]string, len(fd.Choices))
	for i, c := range fd.Choices {
		switch {
		case i == fd.choice && focused:
			parts[i] = f.styles.Selected.Render(" " + c.Label + " ")
		case i == fd.choice:
			parts[i] = "[" + c.Label + "]"
		default:
			parts[i] = f.styles.Dim.Render(" " + c.Label + " ")
		}
	}
	return strings.Join(parts, "")
}
