package tui

import (
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
)

// dialog is a small window the root shows over the screen: a confirmation, a
// question with a typed answer, a choice of a few options, or a picker. It has
// the keyboard until it is done; what it decides comes back as a tea.Cmd. It
// also hears every other message while it is open (the root's toDialog), so
// a dialog that waits for work of its own, such as the PDF batch's progress,
// drives itself.
type dialog interface {
	Update(msg tea.Msg) (done bool, cmd tea.Cmd)
	View() string
	ShortHelp() []key.Binding
}

// sizedDialog is a dialog that fits itself to the screen area; the root
// sizes it when the terminal changes size.
type sizedDialog interface {
	dialog
	SetSize(width, height int)
}

// dismissable is a dialog with work under way that stops it when another
// dialog takes its place (it would no longer hear of the work).
type dismissable interface {
	dismiss()
}

// dialogSlot is where the open dialog lives, shared by the root and the
// screens through env. Screens open dialogs from Update, in the program's own
// goroutine, so the very next key press already goes to the dialog: a fast
// typist's keys are never lost to a dialog still on its way.
type dialogSlot struct {
	d     dialog
	width int // the terminal's, for dialogs that size to their content (picker)
}

// show opens d in place of the open dialog. Call it only from Update (never
// from inside a tea.Cmd).
func (k kit) show(d dialog) tea.Cmd {
	if old, ok := k.ui.d.(dismissable); ok && k.ui.d != d {
		old.dismiss()
	}
	k.ui.d = d
	return nil
}

// isInput reports a message the person typed: while a dialog is open, it is
// the dialog's alone.
func isInput(msg tea.Msg) bool {
	switch msg.(type) {
	case tea.KeyPressMsg, tea.PasteMsg:
		return true
	}
	return false
}

// confirmDialog asks a yes/no question; yes runs on confirmation.
type confirmDialog struct {
	kit
	question string
	yes      func() tea.Cmd // called in Update: it may open the next dialog at once
	keys     DialogKeyMap
}

// confirm returns a command that asks question and runs yes if confirmed.
func (k kit) confirm(question string, yes tea.Cmd) tea.Cmd {
	return k.confirmThen(question, func() tea.Cmd { return yes })
}

// confirmThen asks question and, if confirmed, calls yes in Update, so that
// what it opens (the progress of the work it starts) is there at once.
func (k kit) confirmThen(question string, yes func() tea.Cmd) tea.Cmd {
	return k.show(&confirmDialog{kit: k, question: question, yes: yes, keys: DefaultDialogKeyMap(k.p)})
}

func (d *confirmDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case ok && key.Matches(k, d.keys.Yes):
		return true, d.yes()
	case ok && key.Matches(k, d.keys.No):
		return true, nil
	}
	return false, nil
}

func (d *confirmDialog) View() string {
	return d.question + "\n\n" + d.styles.Dim.Render(d.p.T("confirm.keys"))
}

func (d *confirmDialog) ShortHelp() []key.Binding { return []key.Binding{d.keys.Yes, d.keys.No} }

// promptDialog asks for one line of text (a void reason, a date). check runs
// on enter: an error is shown under the input and the dialog stays open.
type promptDialog struct {
	kit
	question string
	input    textinput.Model
	err      string
	check    func(string) error
	submit   func(string) tea.Cmd
	complete func(string) string // tab completes the answer (a path); nil: no completion
	keys     FilterKeyMap
}

func (k kit) prompt(question, value string, check func(string) error, submit func(string) tea.Cmd) tea.Cmd {
	in := textinput.New()
	in.Prompt = "> "
	in.SetStyles(k.styles.Input)
	in.SetWidth(40)
	in.SetValue(value)
	in.Focus()
	keys := FilterKeyMap{Apply: bind(k.p, "enter", "key.ok", "enter"), Clear: bind(k.p, "esc", "key.cancel", "esc")}
	return k.show(&promptDialog{kit: k, question: question, input: in, check: check, submit: submit, keys: keys})
}

func (d *promptDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		if k.String() == "tab" && d.complete != nil {
			d.input.SetValue(d.complete(d.input.Value()))
			d.input.CursorEnd()
			d.err = ""
			return false, nil
		}
		switch {
		case key.Matches(k, d.keys.Apply):
			v := strings.TrimSpace(d.input.Value())
			if d.check != nil {
				if err := d.check(v); err != nil {
					d.err = d.p.Error(err)
					if e, ok := store.AsError(err); ok {
						d.err = d.p.Reason(e)
					}
					return false, nil
				}
			}
			return true, d.submit(v)
		case key.Matches(k, d.keys.Clear):
			return true, nil
		}
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	if isInput(msg) { // the answer is being corrected: the refusal no longer applies
		d.err = ""
	}
	return false, cmd
}

func (d *promptDialog) View() string {
	v := d.question + "\n\n" + d.input.View()
	if d.err != "" {
		v += "\n" + d.styles.FieldError.Render("✗ "+d.err)
	}
	return v
}

func (d *promptDialog) ShortHelp() []key.Binding { return []key.Binding{d.keys.Apply, d.keys.Clear} }

// promptPath asks for a file path; tab completes it from the file system.
func (k kit) promptPath(question, value string, check func(string) error, submit func(string) tea.Cmd) tea.Cmd {
	cmd := k.prompt(question, value, check, submit)
	if d, ok := k.ui.d.(*promptDialog); ok {
		d.complete = completePath
		d.input.SetWidth(60)
	}
	return cmd
}

// promptFile asks for a file of files (the local file system, or only the
// imports folder over SSH); tab completes within it.
func (k kit) promptFile(files fileSource, question, value string, check func(string) error, submit func(string) tea.Cmd) tea.Cmd {
	cmd := k.prompt(question, value, check, submit)
	if d, ok := k.ui.d.(*promptDialog); ok {
		d.complete = files.complete
		d.input.SetWidth(60)
	}
	return cmd
}

// promptAgain asks again with the last answer and why it was refused (the
// store's reason) under the input, so a refused date or amount is corrected
// where it was typed.
func (k kit) promptAgain(question, value, refusal string, check func(string) error, submit func(string) tea.Cmd) tea.Cmd {
	cmd := k.prompt(question, value, check, submit)
	if d, ok := k.ui.d.(*promptDialog); ok {
		d.err = refusal
	}
	return cmd
}

// completePath extends a path to the longest prefix its matches share (a
// folder gets its slash), as a shell's tab does.
func completePath(v string) string {
	matches, _ := filepath.Glob(v + "*")
	if len(matches) == 0 {
		return v
	}
	common := matches[0]
	for _, m := range matches[1:] {
		for !strings.HasPrefix(m, common) { // by runes: paths may be Japanese
			_, size := utf8.DecodeLastRuneInString(common)
			common = common[:len(common)-size]
		}
	}
	if len(matches) == 1 {
		if info, err := os.Stat(common); err == nil && info.IsDir() {
			common += string(filepath.Separator)
		}
	}
	return common
}

// option is one answer of a choiceDialog, chosen by its key. run is called
// in Update, so it may open the next dialog at once.
type option struct {
	key, label string
	run        func() tea.Cmd
}

// choiceDialog offers a few options, each on its own key.
type choiceDialog struct {
	kit
	question string
	options  []option
	cancel   key.Binding
}

func (k kit) choose(question string, options ...option) tea.Cmd {
	return k.show(&choiceDialog{kit: k, question: question, options: options,
		cancel: bind(k.p, "esc", "key.cancel", "esc")})
}

func (d *choiceDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return false, nil
	}
	if key.Matches(k, d.cancel) {
		return true, nil
	}
	for _, o := range d.options {
		if k.String() == o.key {
			return true, o.run()
		}
	}
	return false, nil
}

func (d *choiceDialog) View() string {
	lines := []string{d.question, ""}
	for _, o := range d.options {
		lines = append(lines, d.styles.FocusLabel.Render(o.key)+"  "+o.label)
	}
	return strings.Join(lines, "\n")
}

func (d *choiceDialog) ShortHelp() []key.Binding {
	out := make([]key.Binding, 0, len(d.options)+1)
	for _, o := range d.options {
		out = append(out, key.NewBinding(key.WithKeys(o.key), key.WithHelp(o.key, o.label)))
	}
	return append(out, d.cancel)
}

// pickItem is one row of a picker: its cells, and the folded text the filter
// searches (store.FoldSearch of whatever should match).
type pickItem struct {
	cells  []string
	search string
}

// pickerDialog finds one item among many by typing: every word typed must
// appear in the item; ↑/↓ move, enter picks.
type pickerDialog struct {
	kit
	title   string
	items   []pickItem
	visible []int
	table   Table
	filter  textinput.Model
	pick    func(i int) tea.Cmd
	keys    FilterKeyMap
}

func (k kit) picker(title string, cols []Column, items []pickItem, query string, pick func(i int) tea.Cmd) tea.Cmd {
	in := textinput.New()
	in.Prompt = "/ "
	in.SetStyles(k.styles.Input)
	in.SetWidth(40)
	in.SetValue(query)
	in.Focus()
	d := &pickerDialog{kit: k, title: title, items: items, filter: in, pick: pick,
		keys: FilterKeyMap{Apply: bind(k.p, "enter", "key.pick", "enter"), Clear: bind(k.p, "esc", "key.cancel", "esc")}}
	d.table = NewTable(cols, ListKeyMap{
		Up:       bind(k.p, "↑", "key.up", "up", "ctrl+p"),
		Down:     bind(k.p, "↓", "key.down", "down", "ctrl+n"),
		PageUp:   bind(k.p, "pgup", "key.page_up", "pgup"),
		PageDown: bind(k.p, "pgdn", "key.page_down", "pgdown"),
	}, k.styles)
	d.table.Cell = func(r, c int) string { return d.items[d.visible[r]].cells[c] }
	width := 0
	for _, c := range cols {
		width += c.Min + 1
	}
	width = max(width, 50)
	d.table.SetSize(width, 12)
	d.refilter() // rows before the measure
	d.table.Measure()
	// As wide as the rows want, within the terminal: the dialog's border
	// and padding take 6 cells, a margin each side 1 (the table's allocator
	// cuts the names first when the terminal is narrow).
	width = max(width, d.table.naturalWidth())
	if k.ui.width > 0 {
		width = min(width, k.ui.width-8)
	}
	d.table.SetSize(width, 12)
	return k.show(d)
}

func (d *pickerDialog) refilter() {
	words := strings.Fields(store.FoldSearch(d.filter.Value()))
	d.visible = d.visible[:0]
	for i, it := range d.items {
		if matchesAll(it.search, words) {
			d.visible = append(d.visible, i)
		}
	}
	d.table.SetRows(len(d.visible))
	d.table.SetCursor(0)
}

// matchesAll reports whether every word appears in s.
func matchesAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

func (d *pickerDialog) Update(msg tea.Msg) (bool, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(k, d.keys.Apply):
			if i := d.table.Cursor(); i >= 0 {
				return true, d.pick(d.visible[i])
			}
			return false, nil
		case key.Matches(k, d.keys.Clear):
			return true, nil
		case d.table.Update(k):
			return false, nil
		}
	}
	before := d.filter.Value()
	var cmd tea.Cmd
	d.filter, cmd = d.filter.Update(msg)
	if d.filter.Value() != before {
		d.refilter()
	}
	return false, cmd
}

func (d *pickerDialog) View() string {
	count := d.styles.Dim.Render(d.p.T("customers.count", len(d.visible), len(d.items)))
	return ansi.Truncate(d.title+"  "+count, 80, "…") + "\n" + d.filter.View() + "\n\n" + d.table.View()
}

func (d *pickerDialog) ShortHelp() []key.Binding {
	return []key.Binding{d.table.Keys.Up, d.table.Keys.Down, d.keys.Apply, d.keys.Clear}
}
