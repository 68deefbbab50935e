package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// documentEditor edits a draft: the header fields in the shared Form, the
// lines in the LineGrid, the totals under them. tab past the last header
// field enters the grid; shift+tab on its first cell goes back. ctrl+s saves.
type documentEditor struct {
	env
	doc    store.Document // the draft as last loaded or saved (id, version, links)
	form   *Form
	grid   *LineGrid
	inGrid bool
	saved  string // form and grid content when loaded or saved
	keys   FormKeyMap

	width, height int
}

type (
	referencesLoadedMsg struct {
		taxes    store.TaxTable
		products []store.Product
		err      error
	}
	draftSavedMsg struct {
		d    store.Document
		then string // "export": export the draft once stored
	}
	draftFailedMsg struct{ err error }
)

// openEditor shows the editor on d at once (with the tax table and products
// the screen holds), and refreshes those behind it.
func (s *documentsScreen) openEditor(d store.Document) tea.Cmd {
	s.editor = newDocumentEditor(s.env, d, s.taxes, s.products)
	s.editor.SetSize(s.width, s.height)
	s.view = docEdit
	return s.loadReferences()
}

// loadReferences reads what the editor looks up: tax rates and products.
func (s *documentsScreen) loadReferences() tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		taxes, err := st.TaxTable(ctx)
		if err != nil {
			return referencesLoadedMsg{err: err}
		}
		products, err := st.Products(ctx)
		return referencesLoadedMsg{taxes: taxes, products: products, err: err}
	}
}

func newDocumentEditor(e env, d store.Document, taxes store.TaxTable, products []store.Product) *documentEditor {
	p, st := e.p, e.styles
	date := func(key string, v time.Time, hint string) *Field {
		return TextField(key, p.T("field."+key), store.FormatDate(v), hint, st)
	}
	fields := []*Field{
		TextField("subject", p.T("field.subject"), d.Subject, "", st),
		date("issue_date", d.IssueDate, "YYYY-MM-DD"),
	}
	switch d.Kind {
	case store.KindEstimate:
		fields = append(fields, date("valid_until", d.ValidUntil, p.T("docs.valid_hint")))
	case store.KindDeliveryNote:
		fields = append(fields, date("delivery_date", d.DeliveryDate, p.T("docs.delivery_hint")))
	case store.KindInvoice:
		fields = append(fields,
			date("closing_date", d.ClosingDate, p.T("docs.closing_hint")),
			date("due_date", d.DueDate, p.T("docs.due_hint")))
	}
	fields = append(fields,
		ChoiceField("price_mode", p.T("field.price_mode"), []Choice{
			{store.PriceExclusive, p.T("docs.exclusive")}, {store.PriceInclusive, p.T("docs.inclusive")}}, d.PriceMode),
		TextField("notes", p.T("field.notes"), d.Notes, "", st))
	ed := &documentEditor{env: e, doc: d, keys: DefaultFormKeyMap(p),
		form: NewForm("", fields, DefaultFormKeyMap(p), st),
		grid: NewLineGrid(e, d.Lines, taxes, false)}
	ed.grid.products = products
	ed.syncGrid()
	ed.saved = ed.snapshot()
	if len(d.Lines) > 0 || d.ID != 0 {
		ed.enterGrid(true) // a made or saved draft: its lines are what to check
	}
	return ed
}

func (ed *documentEditor) snapshot() string {
	var b strings.Builder
	for _, k := range []string{"subject", "issue_date", "valid_until", "delivery_date", "closing_date", "due_date", "price_mode", "notes"} {
		b.WriteString(ed.form.Value(k) + "|")
	}
	return b.String() + ed.grid.Snapshot()
}

func (ed *documentEditor) Dirty() bool { return ed.snapshot() != ed.saved }

// Capturing: the editor types everywhere, so global keys stay away.
func (ed *documentEditor) Capturing() bool { return true }

// syncGrid tells the grid the date and price mode the totals depend on.
func (ed *documentEditor) syncGrid() {
	date, err := store.ParseDate(ed.form.Value("issue_date"))
	if err != nil {
		date = ed.doc.IssueDate
	}
	ed.grid.SetContext(date, ed.form.Value("price_mode"))
}

func (ed *documentEditor) enterGrid(fromTop bool) {
	ed.inGrid = true
	ed.form.Blur()
	ed.grid.Focus(fromTop)
}

// leaveGrid gives the keyboard back to the header, on its last field (as
// shift+tab would), or where the form has put it (on its first bad field).
func (ed *documentEditor) leaveGrid(toLast bool) {
	ed.inGrid = false
	ed.grid.Blur()
	if toLast {
		ed.form.FocusLast()
	} else {
		ed.form.Refocus()
	}
}

func (ed *documentEditor) SetSize(w, h int) {
	ed.width, ed.height = w, h
	ed.form.SetSize(w, h-8)
	ed.grid.SetSize(w, ed.gridHeight())
}

// gridHeight is what the header and the totals leave to the lines.
func (ed *documentEditor) gridHeight() int {
	header := 3 // title, summary, blank
	if !ed.inGrid {
		header = 2 + ed.form.Lines()
	}
	return max(4, ed.height-header-len(ed.grid.Totals().Taxes)-3)
}

func (ed *documentEditor) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case gridDeleteMsg:
		ed.grid.Delete(msg.row)
		return nil
	case tea.KeyPressMsg:
		return ed.key(msg)
	}
	if ed.inGrid {
		return ed.grid.Update(msg)
	}
	return ed.form.Update(msg)
}

func (ed *documentEditor) key(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, ed.keys.Save):
		return ed.save("")
	case k.String() == "ctrl+p": // export: what is printed is what is saved, so save first
		return ed.save("export")
	case k.String() == "esc" && !(ed.inGrid && ed.grid.Editing()):
		if ed.Dirty() {
			return ed.confirm(ed.p.T("confirm.discard"), func() tea.Msg { return editorClosedMsg{} })
		}
		return func() tea.Msg { return editorClosedMsg{} }
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
	ed.syncGrid()
	return cmd
}

type editorClosedMsg struct{}

// draft reads the editor into a document; unreadable dates and numbers are
// field errors here, the rest is the store's to check.
func (ed *documentEditor) draft() (store.Document, error) {
	d := ed.doc
	v := ed.form.Value
	d.Subject, d.PriceMode, d.Notes = v("subject"), v("price_mode"), v("notes")
	var errs store.Errors
	dates := []struct {
		key string
		to  *time.Time
	}{{"issue_date", &d.IssueDate}, {"valid_until", &d.ValidUntil}, {"delivery_date", &d.DeliveryDate},
		{"closing_date", &d.ClosingDate}, {"due_date", &d.DueDate}}
	for _, f := range dates {
		if ed.form.Field(f.key) == nil {
			continue
		}
		text := strings.TrimSpace(v(f.key))
		if text == "" { // an empty date is left to the rules (due date from the terms, …)
			*f.to = time.Time{}
			if f.key == "issue_date" {
				errs = append(errs, store.Invalid(f.key, "required"))
			}
			continue
		}
		t, err := store.ParseDate(text)
		if e, ok := store.AsError(err); ok {
			errs = append(errs, store.Invalid(f.key, e.Reason, e.Args...))
			continue
		}
		*f.to = t
	}
	lines, lineErrs := ed.grid.Lines()
	d.Lines = lines
	return d, append(errs, lineErrs...).OrNil()
}

// save stores the draft; then says what to do once it is stored ("export").
func (ed *documentEditor) save(then string) tea.Cmd {
	d, err := ed.draft()
	if err != nil {
		ed.showErrors(err)
		return statusErr(ed.p.T("docs.not_saved"))
	}
	st, ctx := ed.st, ed.ctx
	return func() tea.Msg {
		if err := st.SaveDraft(ctx, &d); err != nil {
			return draftFailedMsg{err}
		}
		saved, err := st.Document(ctx, d.ID)
		if err != nil {
			return draftFailedMsg{err}
		}
		return draftSavedMsg{d: saved, then: then}
	}
}

// showErrors puts each error where it belongs: a cell, a header field, or
// the top of the form.
func (ed *documentEditor) showErrors(err error) {
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

// saved takes a stored draft back: new ids and version, same content.
func (ed *documentEditor) savedDraft(d store.Document) {
	ed.doc = d
	ed.grid.SetErrors(nil)
	ed.form.SetErrors(nil, ed.p)
	for i := range d.Lines {
		if i < len(ed.grid.rows) {
			ed.grid.rows[i].line = d.Lines[i]
		}
	}
	ed.saved = ed.snapshot()
}

func (ed *documentEditor) View() string {
	d := ed.doc
	title := ed.p.T("kind."+d.Kind) + " " + ed.p.T("docs.draft_number") + " — " + d.CustomerCode + " " + store.FoldDisplay(d.CustomerName)
	if d.ID == 0 {
		title = ed.p.T("docs.new_title", ed.p.T("kind."+d.Kind)) + " — " + d.CustomerCode + " " + store.FoldDisplay(d.CustomerName)
	}
	if d.Revises != "" {
		title += "  " + ed.p.T("docs.revises", d.Revises)
	}
	parts := []string{ed.styles.Title.Render(title)}
	if ed.inGrid {
		parts = append(parts, ed.styles.Dim.Render(ed.headerSummary()), "")
	} else {
		parts = append(parts, ed.form.View(), "")
	}
	totals := ed.grid.Totals()
	ed.grid.SetSize(ed.width, ed.gridHeight()) // the totals grow a line per tax rate as lines are typed
	parts = append(parts, ed.grid.View(), ed.grid.TotalsView(totals))
	return strings.Join(parts, "\n")
}

// headerSummary is the header on one line while the grid has the keyboard.
func (ed *documentEditor) headerSummary() string {
	v := ed.form.Value
	s := fmt.Sprintf("%s: %s  %s: %s", ed.p.T("field.subject"), v("subject"), ed.p.T("field.issue_date"), v("issue_date"))
	if v("price_mode") == store.PriceInclusive {
		s += "  " + ed.p.T("docs.inclusive")
	}
	return s + "  " + ed.p.T("docs.header_hint")
}

func (ed *documentEditor) ShortHelp() []key.Binding {
	if ed.inGrid {
		g := ed.grid.Keys
		return []key.Binding{g.Edit, g.AddBelow, g.Delete, g.MoveUp, ed.keys.Save, ed.keys.Cancel}
	}
	return []key.Binding{ed.keys.Next, ed.keys.Prev, ed.keys.Choose, ed.keys.Save, ed.keys.Cancel}
}

func (ed *documentEditor) FullHelp() [][]key.Binding {
	g := ed.grid.Keys
	return [][]key.Binding{
		{g.Up, g.Down, g.Left, g.Right, g.Edit},
		{g.AddBelow, g.AddAbove, g.Delete, g.MoveUp, g.MoveDown},
		{ed.keys.Next, ed.keys.Prev, ed.keys.Choose, ed.keys.Save, ed.keys.Cancel},
	}
}
