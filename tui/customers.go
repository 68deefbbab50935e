package tui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The customers screen (顧客マスタ): a filterable, sortable list; enter shows
// one customer, n and e open the form, a archives. This file is the list; the
// detail view and the form have files of their own.

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
	keys ListKeyMap
	rec  RecordKeyMap

	list         *recordList[customerRow] // every customer, in the current sort order
	search       searchLine
	sortBy       int
	showArchived bool
	loaded       bool
	head         bool // only the first rows are in (loadHead)

	recordViews[*customerForm] // the list, one customer, or the form

	detail       store.Customer
	detailDocs   []store.DocumentSummary // the customer's documents, newest first
	detailBal    store.CustomerBalance
	detailPay    []store.Payment     // newest first
	detailRem    []store.ReminderLog // newest first
	detailInq    []store.Inquiry     // open first (the store's order)
	detailPayers []store.PayerAlias  // the payer names learned for it (issue 14)
	detailTop    int                 // the first line shown (the detail scrolls)
	detailDoc    int                 // the document ↑/↓ select and enter opens
	docMoved     bool                // scroll the selected document into view when drawn

	width, height int
}

// Messages of the customers screen.
type (
	customersLoadedMsg struct {
		rows    []customerRow
		err     error
		focusID int64 // select this customer once loaded (after a save)
		head    bool  // only the first rows (loadHead): the whole list follows
	}
	customerOpenedMsg struct {
		c         store.Customer
		docs      []store.DocumentSummary
		balance   store.CustomerBalance
		payments  []store.Payment
		reminders []store.ReminderLog
		inquiries []store.Inquiry
		payers    []store.PayerAlias
		edit      bool
		err       error
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
		keys:   DefaultListKeyMap(e.p),
		rec:    DefaultRecordKeyMap(e.p),
		search: newSearchLine(e.p, e.styles, e.p.T("customers.filter_placeholder")),
	}
	s.list = newRecordList([]Column{
		{Title: e.p.T("field.code"), Min: 7, Whole: true},
		{Title: e.p.T("field.name"), Min: 16, Grow: 3},
		{Title: e.p.T("field.kana"), Min: 12, Grow: 2},
		{Title: e.p.T("field.phone"), Min: 13},
		{Title: e.p.T("customers.col_person"), Min: 8, Grow: 1},
	}, s.keys, e.styles, func(r *customerRow) int64 { return r.ID })
	s.list.Cell = s.cell
	s.list.Dim = func(r int) bool { return s.list.Row(r).Archived }
	return s
}

func (s *customersScreen) Title() string { return s.p.T("tab.customers") }

func (s *customersScreen) Init() tea.Cmd {
	if !s.loaded && s.sortBy == sortCode && !s.showArchived && len(s.search.Words()) == 0 {
		return s.loadHead()
	}
	return s.load(0)
}

// headRows is how many rows the first load reads: more than the tallest
// terminal shows.
const headRows = 200

// loadHead reads the first screenful of the list as it first appears
// (active customers by code), so a ledger of 10,000 customers shows its
// first rows as fast as one of 40; the whole list is read next.
func (s *customersScreen) loadHead() tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		sums, err := st.CustomerSummariesHead(ctx, headRows)
		if err != nil {
			return customersLoadedMsg{err: err}
		}
		return customersLoadedMsg{rows: prepareRows(sums), head: true}
	}
}

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
	rows := s.list.rows
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := key(&rows[i]), key(&rows[j])
		if a != b {
			return a < b
		}
		return rows[i].Code < rows[j].Code
	})
}

// applyFilter recomputes the visible rows from the query: every word of the
// query must appear in the row, ignoring width and hiragana/katakana.
func (s *customersScreen) applyFilter() {
	words := s.search.Words()
	s.list.Filter(func(r *customerRow) bool {
		return (s.showArchived || !r.Archived) && matchesAll(r.search, words)
	})
}

func (s *customersScreen) cell(r, c int) string {
	row := s.list.Row(r)
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
	s.list.SetSize(w, h-2) // a title line and the filter line
	s.search.SetWidth(w)
	s.sizeEditor(w, h)
}

func (s *customersScreen) Capturing() bool { return s.search.active || s.editorCapturing() }

func (s *customersScreen) Dirty() bool { return s.editorDirty() }

func (s *customersScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case customersLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.loaded, s.head = true, msg.head
		s.list.Replace(msg.rows, msg.focusID, func() { s.sortRows(); s.applyFilter() })
		if msg.head {
			return s.afterFirstFrame(s.load(0))
		}
		return nil
	case customerOpenedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if msg.edit {
			s.openForm(msg.c, false)
		} else {
			if s.mode != modeDetail || s.detail.ID != msg.c.ID {
				s.detailTop, s.detailDoc = 0, 0
			}
			s.detail, s.detailDocs = msg.c, msg.docs
			s.detailBal, s.detailPay, s.detailRem = msg.balance, msg.payments, msg.reminders
			s.detailInq, s.detailPayers = msg.inquiries, msg.payers
			s.showDetail()
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
	case payerForgottenMsg:
		if s.mode == modeDetail && s.detail.ID == msg.customerID {
			return tea.Batch(s.open(msg.customerID, false), status(s.p.T("customers.payer_forgotten")))
		}
		return nil
	case customerSavedMsg:
		s.detail = msg.c
		s.showDetail()
		text := s.p.T("customers.saved", msg.c.Code)
		if msg.created {
			text = s.p.T("customers.created", msg.c.Code)
		}
		return tea.Batch(s.load(msg.c.ID), status(text))
	case customerSaveFailedMsg:
		if s.editing() {
			s.editor.form.SetErrors(msg.err, s.p)
			if isStale(msg.err) && !s.editor.created {
				s.askReload(msg.err, s.open(s.editor.c.ID, true), nil)
			}
		}
		return s.notSaved(msg.err, "customers.not_saved")
	case customerArchivedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if s.mode == modeDetail && s.detail.ID == msg.c.ID {
			s.detail.Archived = !msg.c.Archived
		}
		text := s.p.T("customers.archived", msg.c.Code)
		if msg.c.Archived {
			text = s.p.T("customers.restored", msg.c.Code)
		}
		return tea.Batch(s.load(0), status(text))
	case formDiscardedMsg:
		s.closeEditor()
		return nil
	case overdueDoneMsg, paymentChangedMsg, inquirySavedMsg:
		if s.mode == modeDetail { // its balance, payments, reminders or inquiries may have changed
			return s.open(s.detail.ID, false)
		}
		return nil
	}
	return s.route(msg, s.listKey, s.detailKey)
}

func (s *customersScreen) listKey(k tea.KeyPressMsg) tea.Cmd {
	if handled, cmd := s.search.listKey(k, s.list, s.applyFilter, nil); handled {
		return cmd
	}
	row, ok := s.list.Selected()
	switch {
	case key.Matches(k, s.rec.Sort):
		s.sortBy = (s.sortBy + 1) % sortOrders
		selected := s.list.SelectedID()
		s.sortRows()
		s.applyFilter()
		s.list.Select(selected)
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
	case ok && key.Matches(k, s.rec.Inquiry):
		return openInquiryForm(s.env, row.ID, 0)
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
		msg := customerOpenedMsg{c: c}
		if msg.docs, err = st.DocumentSummaries(ctx, store.DocumentFilter{CustomerID: id}); err != nil {
			return customerOpenedMsg{err: err}
		}
		if msg.balance, err = st.CustomerBalance(ctx, id); err != nil {
			return customerOpenedMsg{err: err}
		}
		if msg.payments, err = st.Payments(ctx, store.PaymentFilter{CustomerID: id}); err != nil {
			return customerOpenedMsg{err: err}
		}
		if msg.reminders, err = st.Reminders(ctx, id); err != nil {
			return customerOpenedMsg{err: err}
		}
		if msg.payers, err = st.AliasesOf(ctx, id); err != nil {
			return customerOpenedMsg{err: err}
		}
		msg.inquiries, msg.err = st.Inquiries(ctx, store.InquiryFilter{CustomerID: id})
		return msg
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
	return s.render(s.listView, s.detailView)
}

func (s *customersScreen) listView() string {
	sorts := []string{"field.code", "field.name", "field.kana"}
	count := s.p.T("customers.count", s.list.Visible(), s.countAll()) + "  "
	if s.head {
		count = "" // not known until the whole list is in
	}
	title := s.styles.Title.Render(s.p.T("customers.title")) + "  " +
		s.styles.Dim.Render(count+s.p.T("customers.sorted_by", s.p.T(sorts[s.sortBy])))
	if s.showArchived {
		title += s.styles.Dim.Render("  " + s.p.T("customers.with_archived"))
	}
	filter := s.search.View(s.p.T("customers.filter_hint"), s.styles)
	if !s.loaded {
		return title + "\n" + filter + "\n" + s.styles.Dim.Render(s.p.T("loading"))
	}
	if len(s.list.rows) == 0 {
		return title + "\n\n" + s.p.T("customers.empty")
	}
	return title + "\n" + filter + "\n" + s.list.View()
}

// countAll is the number of customers the list can show (archived ones only
// when shown), the "of N" in "12 of 40".
func (s *customersScreen) countAll() int {
	n := 0
	for i := range s.list.rows {
		if s.showArchived || !s.list.rows[i].Archived {
			n++
		}
	}
	return n
}

func (s *customersScreen) ShortHelp() []key.Binding { return s.shortHelp(s.listHelp, s.detailHelp) }

func (s *customersScreen) listHelp() []key.Binding {
	if s.search.active {
		return s.search.ShortHelp()
	}
	return []key.Binding{s.rec.Filter, s.rec.Open, s.rec.New, s.rec.Edit, s.rec.Inquiry, s.rec.Archive, s.rec.Sort}
}

func (s *customersScreen) detailHelp() []key.Binding {
	if len(s.detailDocs) > 0 { // ↑/↓ pick one of its documents, enter shows it
		return []key.Binding{s.keys.Up, s.keys.Down, s.rec.Open, s.rec.Edit, s.rec.Inquiry, s.rec.Payers, s.rec.Archive, s.rec.Back}
	}
	return []key.Binding{s.rec.Edit, s.rec.Inquiry, s.rec.Payers, s.rec.Archive, s.rec.Back, s.keys.Up, s.keys.Down}
}

func (s *customersScreen) FullHelp() [][]key.Binding {
	switch {
	case s.mode == modeDetail:
		return s.detailFullHelp()
	case s.mode == modeList && !s.search.active:
		return [][]key.Binding{
			{s.keys.Up, s.keys.Down, s.keys.Top, s.keys.Bottom, s.keys.PageUp, s.keys.PageDown},
			{s.rec.Filter, s.rec.Back, s.rec.Sort, s.rec.ShowArchived},
			{s.rec.Open, s.rec.New, s.rec.Edit, s.rec.Inquiry, s.rec.Archive},
		}
	}
	return [][]key.Binding{s.ShortHelp()}
}
