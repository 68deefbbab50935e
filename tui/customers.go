package tui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The customers screen (顧客マスタ): a filterable, sortable list; enter shows
// one customer, n and e open the form, a archives. This file is the list; the
// detail view and the form have files of their own.

type customerView int

const (
	viewList customerView = iota
	viewDetail
	viewForm
)

// Sort orders of the list, cycled with s.
const (
	sortCode = iota
	sortName
	sortKana
	sortOrders
)

// customerRow is one list row with what filtering and sorting need computed
// once at load time, so a keystroke only compares prepared strings.
type customerRow struct {
	store.CustomerSummary
	search  string // folded code, name, kana, phone (also digits only) and email
	nameKey string
	kanaKey string
}

type customersScreen struct {
	env
	list   ListKeyMap
	rec    RecordKeyMap
	filter FilterKeyMap

	rows         []customerRow // every customer, in the current sort order
	visible      []int         // indices into rows that pass the filter
	table        Table
	query        textinput.Model
	filtering    bool
	sortBy       int
	showArchived bool
	loaded       bool

	view       customerView
	detail     store.Customer
	detailDocs []store.DocumentSummary // the customer's documents, newest first
	form       *customerForm

	width, height int
}

// Messages of the customers screen.
type (
	customersLoadedMsg struct {
		rows    []customerRow
		err     error
		focusID int64 // select this customer once loaded (after a save)
	}
	customerOpenedMsg struct {
		c    store.Customer
		docs []store.DocumentSummary
		edit bool
		err  error
	}
	newCustomerMsg struct {
		code string
		err  error
	}
	customerSavedMsg struct {
		c       store.Customer
		created bool
	}
	customerSaveFailedMsg struct{ err error }
	customerArchivedMsg   struct {
		c   store.CustomerSummary
		err error
	}
	formDiscardedMsg struct{}
)

func newCustomersScreen(e env) *customersScreen {
	s := &customersScreen{
		env:    e,
		list:   DefaultListKeyMap(e.p),
		rec:    DefaultRecordKeyMap(e.p),
		filter: DefaultFilterKeyMap(e.p),
	}
	s.table = NewTable([]Column{
		{Title: e.p.T("field.code"), Min: 7},
		{Title: e.p.T("field.name"), Min: 16, Grow: 3},
		{Title: e.p.T("field.kana"), Min: 12, Grow: 2},
		{Title: e.p.T("field.phone"), Min: 13},
		{Title: e.p.T("customers.col_person"), Min: 8, Grow: 1},
	}, s.list, e.styles)
	s.table.Cell = s.cell
	s.table.Dim = func(r int) bool { return s.rows[s.visible[r]].Archived }
	s.query = textinput.New()
	s.query.Prompt = "/ "
	s.query.Placeholder = e.p.T("customers.filter_placeholder")
	s.query.SetStyles(e.styles.Input)
	return s
}

func (s *customersScreen) Title() string { return s.p.T("tab.customers") }

func (s *customersScreen) Init() tea.Cmd { return s.load(0) }

// load reads every customer's list columns and prepares the rows.
func (s *customersScreen) load(selectID int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		sums, err := st.CustomerSummaries(ctx)
		if err != nil {
			return customersLoadedMsg{err: err}
		}
		return customersLoadedMsg{rows: prepareRows(sums), focusID: selectID}
	}
}

func prepareRows(sums []store.CustomerSummary) []customerRow {
	rows := make([]customerRow, len(sums))
	for i, c := range sums {
		c.Name = store.FoldDisplay(c.Name)
		c.Kana = store.FoldDisplay(c.Kana)
		digits := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, c.Phone)
		// One fold per row; the name and kana keys are its second and third parts.
		search := store.FoldSearch(strings.Join([]string{c.Code, c.Name, c.Kana, c.Phone, digits, c.Email}, "\x00"))
		parts := strings.SplitN(search, "\x00", 4)
		rows[i] = customerRow{CustomerSummary: c, search: search, nameKey: parts[1], kanaKey: parts[2]}
		if rows[i].kanaKey == "" { // no reading: sort by the name among the readings
			rows[i].kanaKey = rows[i].nameKey
		}
	}
	return rows
}

// sortRows orders every row by the chosen key (code breaks ties).
func (s *customersScreen) sortRows() {
	key := func(r *customerRow) string {
		switch s.sortBy {
		case sortName:
			return r.nameKey
		case sortKana:
			return r.kanaKey
		}
		return r.Code
	}
	sort.SliceStable(s.rows, func(i, j int) bool {
		a, b := key(&s.rows[i]), key(&s.rows[j])
		if a != b {
			return a < b
		}
		return s.rows[i].Code < s.rows[j].Code
	})
}

// applyFilter recomputes the visible rows from the query: every word of the
// query must appear in the row, ignoring width and hiragana/katakana.
func (s *customersScreen) applyFilter() {
	selected := s.selectedID()
	words := strings.Fields(store.FoldSearch(s.query.Value()))
	s.visible = s.visible[:0]
	for i := range s.rows {
		r := &s.rows[i]
		if r.Archived && !s.showArchived {
			continue
		}
		match := true
		for _, w := range words {
			if !strings.Contains(r.search, w) {
				match = false
				break
			}
		}
		if match {
			s.visible = append(s.visible, i)
		}
	}
	s.table.SetRows(len(s.visible))
	s.selectID(selected)
}

func (s *customersScreen) selectedID() int64 {
	if i := s.table.Cursor(); i >= 0 && i < len(s.visible) {
		return s.rows[s.visible[i]].ID
	}
	return 0
}

func (s *customersScreen) selected() (customerRow, bool) {
	if i := s.table.Cursor(); i >= 0 && i < len(s.visible) {
		return s.rows[s.visible[i]], true
	}
	return customerRow{}, false
}

func (s *customersScreen) selectID(id int64) {
	for i, ri := range s.visible {
		if s.rows[ri].ID == id {
			s.table.SetCursor(i)
			return
		}
	}
}

func (s *customersScreen) cell(r, c int) string {
	row := &s.rows[s.visible[r]]
	switch c {
	case 0:
		return row.Code
	case 1:
		return row.Name
	case 2:
		return row.Kana
	case 3:
		return row.Phone
	default:
		return row.PersonInCharge
	}
}

func (s *customersScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.table.SetSize(w, h-2) // a title line and the filter line
	s.query.SetWidth(max(10, w-4))
	if s.form != nil {
		s.form.form.SetSize(w, h)
	}
}

func (s *customersScreen) Capturing() bool { return s.filtering || s.view == viewForm }

func (s *customersScreen) Dirty() bool { return s.view == viewForm && s.form.form.Dirty() }

func (s *customersScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case customersLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		selected := s.selectedID()
		if msg.focusID != 0 {
			selected = msg.focusID
		}
		s.rows, s.loaded = msg.rows, true
		s.sortRows()
		s.applyFilter()
		s.selectID(selected)
		return nil
	case customerOpenedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if msg.edit {
			s.openForm(msg.c, false)
		} else {
			s.detail, s.detailDocs, s.view = msg.c, msg.docs, viewDetail
		}
		return nil
	case newCustomerMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		c := store.NewCustomer()
		c.Code = msg.code
		s.openForm(c, true)
		return nil
	case customerSavedMsg:
		s.form, s.detail, s.view = nil, msg.c, viewDetail
		text := s.p.T("customers.saved", msg.c.Code)
		if msg.created {
			text = s.p.T("customers.created", msg.c.Code)
		}
		return tea.Batch(s.load(msg.c.ID), status(text))
	case customerSaveFailedMsg:
		if s.form != nil {
			s.form.form.SetErrors(msg.err, s.p)
		}
		return statusErr(s.p.T("customers.not_saved"))
	case customerArchivedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if s.view == viewDetail && s.detail.ID == msg.c.ID {
			s.detail.Archived = !msg.c.Archived
		}
		text := s.p.T("customers.archived", msg.c.Code)
		if msg.c.Archived {
			text = s.p.T("customers.restored", msg.c.Code)
		}
		return tea.Batch(s.load(0), status(text))
	case formDiscardedMsg:
		s.leaveForm()
		return nil
	case tea.KeyPressMsg:
		switch s.view {
		case viewForm:
			return s.formKey(msg)
		case viewDetail:
			return s.detailKey(msg)
		}
		return s.listKey(msg)
	}
	if s.view == viewForm {
		return s.form.form.Update(msg)
	}
	if s.filtering {
		var cmd tea.Cmd
		s.query, cmd = s.query.Update(msg)
		return cmd
	}
	return nil
}

func (s *customersScreen) listKey(k tea.KeyPressMsg) tea.Cmd {
	if s.filtering {
		switch {
		case key.Matches(k, s.filter.Apply):
			s.filtering = false
			s.query.Blur()
		case key.Matches(k, s.filter.Clear):
			s.filtering = false
			s.query.Blur()
			s.query.SetValue("")
			s.applyFilter()
		default:
			var cmd tea.Cmd
			s.query, cmd = s.query.Update(k)
			s.applyFilter()
			return cmd
		}
		return nil
	}
	if s.table.Update(k) {
		return nil
	}
	row, ok := s.selected()
	switch {
	case key.Matches(k, s.rec.Filter):
		s.filtering = true
		return s.query.Focus()
	case key.Matches(k, s.rec.Back):
		if s.query.Value() != "" {
			s.query.SetValue("")
			s.applyFilter()
		}
	case key.Matches(k, s.rec.Sort):
		s.sortBy = (s.sortBy + 1) % sortOrders
		selected := s.selectedID()
		s.sortRows()
		s.applyFilter()
		s.selectID(selected)
	case key.Matches(k, s.rec.ShowArchived):
		s.showArchived = !s.showArchived
		s.applyFilter()
	case key.Matches(k, s.rec.New):
		return s.newCustomer()
	case ok && key.Matches(k, s.rec.Open):
		return s.open(row.ID, false)
	case ok && key.Matches(k, s.rec.Edit):
		return s.open(row.ID, true)
	case ok && key.Matches(k, s.rec.Archive):
		return s.askArchive(row.CustomerSummary)
	}
	return nil
}

func (s *customersScreen) open(id int64, edit bool) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		c, err := st.Customer(ctx, id)
		if err != nil || edit {
			return customerOpenedMsg{c: c, edit: edit, err: err}
		}
		docs, err := st.DocumentSummaries(ctx, store.DocumentFilter{CustomerID: id})
		return customerOpenedMsg{c: c, docs: docs, err: err}
	}
}

func (s *customersScreen) newCustomer() tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		code, err := st.NextCustomerCode(ctx)
		return newCustomerMsg{code: code, err: err}
	}
}

// askArchive confirms, then archives (or restores an archived) customer.
func (s *customersScreen) askArchive(c store.CustomerSummary) tea.Cmd {
	question := s.p.T("customers.confirm_archive", c.Code, store.FoldDisplay(c.Name))
	if c.Archived {
		question = s.p.T("customers.confirm_restore", c.Code, store.FoldDisplay(c.Name))
	}
	st, ctx := s.st, s.ctx
	return s.confirm(question, func() tea.Msg {
		return customerArchivedMsg{c: c, err: st.SetCustomerArchived(ctx, c.ID, !c.Archived)}
	})
}

func (s *customersScreen) View() string {
	if s.height <= 0 {
		return ""
	}
	switch s.view {
	case viewForm:
		return s.form.form.View()
	case viewDetail:
		return s.detailView()
	}
	return s.listView()
}

func (s *customersScreen) listView() string {
	sorts := []string{"field.code", "field.name", "field.kana"}
	title := s.styles.Title.Render(s.p.T("customers.title")) + "  " +
		s.styles.Dim.Render(s.p.T("customers.count", len(s.visible), s.countAll())+"  "+
			s.p.T("customers.sorted_by", s.p.T(sorts[s.sortBy])))
	if s.showArchived {
		title += s.styles.Dim.Render("  " + s.p.T("customers.with_archived"))
	}
	filter := s.query.View()
	if !s.filtering && s.query.Value() == "" {
		filter = s.styles.Dim.Render(s.p.T("customers.filter_hint"))
	}
	if !s.loaded {
		return title + "\n" + filter + "\n" + s.styles.Dim.Render(s.p.T("loading"))
	}
	if len(s.rows) == 0 {
		return title + "\n\n" + s.p.T("customers.empty")
	}
	return title + "\n" + filter + "\n" + s.table.View()
}

// countAll is the number of customers the list can show (archived ones only
// when shown), the "of N" in "12 of 40".
func (s *customersScreen) countAll() int {
	n := 0
	for i := range s.rows {
		if s.showArchived || !s.rows[i].Archived {
			n++
		}
	}
	return n
}

func (s *customersScreen) ShortHelp() []key.Binding {
	switch {
	case s.view == viewForm:
		f := s.form.form.Keys
		return []key.Binding{f.Next, f.Prev, f.Choose, f.Save, f.Cancel}
	case s.view == viewDetail:
		return []key.Binding{s.rec.Edit, s.rec.Archive, s.rec.Back}
	case s.filtering:
		return []key.Binding{s.filter.Apply, s.filter.Clear}
	}
	return []key.Binding{s.rec.Filter, s.rec.Open, s.rec.New, s.rec.Edit, s.rec.Archive, s.rec.Sort}
}

func (s *customersScreen) FullHelp() [][]key.Binding {
	switch {
	case s.view == viewList && !s.filtering:
		return [][]key.Binding{
			{s.list.Up, s.list.Down, s.list.Top, s.list.Bottom, s.list.PageUp, s.list.PageDown},
			{s.rec.Filter, s.rec.Back, s.rec.Sort, s.rec.ShowArchived},
			{s.rec.Open, s.rec.New, s.rec.Edit, s.rec.Archive},
		}
	}
	return [][]key.Binding{s.ShortHelp()}
}
