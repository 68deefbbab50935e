package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// documentEditor edits a draft in the lineEditor: ctrl+s saves, ctrl+p saves
// and exports the PDF.
type documentEditor struct {
	lineEditor
	st  *store.Store
	ctx context.Context
	doc store.Document // the draft as last loaded or saved (id, version, links)
}

type (
	draftSavedMsg struct {
		d    store.Document
		then string // "export": export the draft once stored
	}
	draftFailedMsg struct{ err error }
)

// openEditor shows the editor on d at once; its grid looks up the tax rates
// and products of the references the root keeps.
func (s *documentsScreen) openEditor(d store.Document) tea.Cmd {
	ed := newDocumentEditor(s.env, d)
	ed.SetSize(s.width, s.height)
	s.showEditor(ed)
	return nil
}

func newDocumentEditor(e env, d store.Document) *documentEditor {
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
	ed := &documentEditor{lineEditor: newLineEditor(e.kit, e.refs, fields, d.Lines), st: e.st, ctx: e.ctx, doc: d}
	ed.summary, ed.sync = ed.headerSummary, ed.syncGrid
	ed.syncGrid()
	ed.saved = ed.snapshot()
	if len(d.Lines) > 0 || d.ID != 0 {
		ed.enterGrid(true) // a made or saved draft: its lines are what to check
	}
	return ed
}

// syncGrid tells the grid the date and price mode the totals depend on.
func (ed *documentEditor) syncGrid() {
	date, err := store.ParseDate(ed.form.Value("issue_date"))
	if err != nil {
		date = ed.doc.IssueDate
	}
	ed.grid.SetContext(date, ed.form.Value("price_mode"))
}

func (ed *documentEditor) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return ed.update(msg)
	case key.Matches(k, ed.keys.Save):
		return ed.save("")
	case k.String() == "ctrl+p": // export: what is printed is what is saved, so save first
		return ed.save("export")
	}
	return ed.key(k, editorClosedMsg{})
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

// savedDraft takes a stored draft back: new ids and version, same content.
func (ed *documentEditor) savedDraft(d store.Document) {
	ed.doc = d
	ed.markSaved(d.Lines)
}

func (ed *documentEditor) View() string {
	d := ed.doc
	title := ed.p.T("kind."+d.Kind) + " " + ed.p.T("docs.draft_number") + " — " + d.CustomerCode + " " + store.FoldDisplay(d.CustomerName)
	if d.ID == 0 {
		title = ed.p.T("docs.new_title", ed.p.T("kind.noun."+d.Kind)) + " — " + d.CustomerCode + " " + store.FoldDisplay(d.CustomerName)
	}
	if d.Revises != "" {
		title += "  " + ed.p.T("docs.revises", d.Revises)
	}
	return ed.body(title)
}

// headerSummary is the header on one line while the grid has the keyboard.
func (ed *documentEditor) headerSummary() string {
	v := ed.form.Value
	s := fmt.Sprintf("%s: %s  %s: %s", ed.p.T("field.subject"), v("subject"), ed.p.T("field.issue_date"), v("issue_date"))
	if v("price_mode") == store.PriceInclusive {
		s += "  " + ed.p.T("docs.inclusive")
	}
	return s
}
