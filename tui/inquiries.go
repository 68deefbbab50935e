package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The Inquiries screen (問合せ): every customer's inquiries, the ones that
// need attention first (open, then waiting, then closed; the soonest
// follow-up first). / searches customers and subjects, F narrows by status,
// enter or e edits, n logs a new one for a customer picked from the list.
// The form is inquiry_form.go's dialog, the same one i opens everywhere a
// customer is selected; this screen opens it and takes its answers.

// inquiryRow is one list row with its search key folded once at load time.
type inquiryRow struct {
	store.Inquiry
	search string
}

// Status filters, cycled with F.
const (
	inquiryAll    = iota
	inquiryActive // open and waiting
	inquiryDone   // closed
	inquiryFilters
)

type inquiriesScreen struct {
	env
	nav  ListKeyMap
	rec  RecordKeyMap
	keys InquiryKeyMap

	list   *recordList[inquiryRow]
	search searchLine
	status int // one of the status filters
	loaded bool

	width, height int
}

type inquiriesLoadedMsg struct {
	rows    []inquiryRow
	focusID int64
	err     error
}

func newInquiriesScreen(e env) *inquiriesScreen {
	s := &inquiriesScreen{env: e, nav: DefaultListKeyMap(e.p), rec: DefaultRecordKeyMap(e.p),
		keys: DefaultInquiryKeyMap(e.p), search: newSearchLine(e.p, e.styles, e.p.T("inq.search_placeholder"))}
	s.list = newRecordList([]Column{
		{Title: e.p.T("inq.col_status"), Min: 7},
		{Title: e.p.T("inq.col_follow_up"), Min: 11},
		{Title: e.p.T("inq.col_date"), Min: 10, Whole: true},
		{Title: e.p.T("inq.col_customer"), Min: 10, Grow: 2},
		{Title: e.p.T("inq.col_subject"), Min: 10, Grow: 3},
		{Title: e.p.T("inq.col_person"), Min: 6, Grow: 1},
		{Title: e.p.T("inq.col_channel"), Min: 6, WideOnly: 100},
		{Title: e.p.T("inq.col_document"), Min: 11, WideOnly: 90},
	}, s.nav, e.styles, func(r *inquiryRow) int64 { return r.ID })
	s.list.Cell = s.cell
	s.list.Dim = func(r int) bool { return s.list.Row(r).Status == store.InquiryClosed }
	return s
}

func (s *inquiriesScreen) Title() string { return s.p.T("tab.inquiries") }

func (s *inquiriesScreen) Init() tea.Cmd { return s.load(0) }

func (s *inquiriesScreen) today() time.Time { return store.Today(s.st.Now()) }

// load reads every inquiry in the store's order and folds the search keys.
func (s *inquiriesScreen) load(focusID int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		qs, err := st.Inquiries(ctx, store.InquiryFilter{})
		if err != nil {
			return inquiriesLoadedMsg{err: err}
		}
		rows := make([]inquiryRow, len(qs))
		for i, q := range qs {
			q.CustomerName, q.CustomerKana = store.FoldDisplay(q.CustomerName), store.FoldDisplay(q.CustomerKana)
			q.Subject = store.FoldDisplay(q.Subject)
			rows[i] = inquiryRow{Inquiry: q, search: store.FoldSearch(strings.Join(
				[]string{q.CustomerCode, q.CustomerName, q.CustomerKana, q.Subject}, "\x00"))}
		}
		return inquiriesLoadedMsg{rows: rows, focusID: focusID}
	}
}

func (s *inquiriesScreen) applyFilter() {
	words := s.search.Words()
	s.list.Filter(func(r *inquiryRow) bool {
		switch {
		case s.status == inquiryActive && r.Status == store.InquiryClosed,
			s.status == inquiryDone && r.Status != store.InquiryClosed:
			return false
		}
		return matchesAll(r.search, words)
	})
}

// due reports an inquiry still to be dealt with whose follow-up day has come.
func (s *inquiriesScreen) due(q *store.Inquiry) bool {
	return q.Status != store.InquiryClosed && !q.FollowUp.IsZero() && !q.FollowUp.After(s.today())
}

func (s *inquiriesScreen) cell(r, c int) string {
	row := s.list.Row(r)
	switch c {
	case 0:
		return s.p.T("inq.status." + row.Status)
	case 1:
		return s.followUpCell(&row.Inquiry, r != s.list.Cursor())
	case 2:
		return store.FormatDate(row.Date)
	case 3:
		return row.CustomerName
	case 4:
		return row.Subject
	case 5:
		return row.Person
	case 6:
		return s.p.T("inq.channel." + row.Channel)
	}
	return row.DocumentNumber
}

// followUpCell is the follow-up date, marked with ! (and red, unless the row
// is selected: its reverse video stays whole) when the day has come.
func (s *inquiriesScreen) followUpCell(q *store.Inquiry, colour bool) string {
	if q.FollowUp.IsZero() {
		return ""
	}
	text := store.FormatDate(q.FollowUp)
	if !s.due(q) {
		return " " + text
	}
	if colour {
		return s.styles.StatusError.Render("!" + text)
	}
	return "!" + text
}

func (s *inquiriesScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetSize(w, h-2) // the title and the search line
	s.search.SetWidth(w)
}

func (s *inquiriesScreen) Capturing() bool { return s.search.active }

func (s *inquiriesScreen) Dirty() bool { return false } // the form is a dialog: quitting waits for it

func (s *inquiriesScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case inquiriesLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.loaded = true
		s.list.Replace(msg.rows, msg.focusID, s.applyFilter)
		return nil
	case refsLoadedMsg:
		if s.loaded { // a customer's name may have changed
			return s.load(0)
		}
		return nil
	case inquiryFormMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		return s.show(newInquiryDialog(s.env, msg, s.width, s.height))
	case inquirySavedMsg:
		s.closeDialog(msg.dlg)
		name := store.FoldDisplay(msg.q.CustomerName)
		text := s.p.T("inq.saved", msg.q.ID, msg.q.CustomerCode, name)
		if msg.created {
			text = s.p.T("inq.created", msg.q.ID, msg.q.CustomerCode, name)
		}
		return tea.Batch(s.load(msg.q.ID), status(text))
	case inquirySaveFailedMsg:
		msg.dlg.failed(msg.err)
		if isStale(msg.err) && !msg.dlg.created && s.ui.d == msg.dlg {
			s.askReload(msg.err, editInquiry(s.env, msg.dlg.q.ID), msg.dlg)
		}
		return s.notSaved(msg.err, "inq.not_saved")
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *inquiriesScreen) key(k tea.KeyPressMsg) tea.Cmd {
	if handled, cmd := s.search.listKey(k, s.list, s.applyFilter, func() { s.status = inquiryAll }); handled {
		return cmd
	}
	row, ok := s.list.Selected()
	switch {
	case key.Matches(k, s.keys.StatusFilter):
		s.status = (s.status + 1) % inquiryFilters
		s.applyFilter()
	case key.Matches(k, s.rec.New):
		return s.pickCustomer(s.p.T("inq.pick_customer"), s.refs.customers, func(c store.CustomerSummary) tea.Cmd {
			return openInquiryForm(s.env, c.ID, 0)
		})
	case ok && (key.Matches(k, s.rec.Open) || key.Matches(k, s.rec.Edit)):
		return editInquiry(s.env, row.ID)
	}
	return nil
}

func (s *inquiriesScreen) View() string {
	if s.height <= 0 {
		return ""
	}
	title := s.styles.Title.Render(s.p.T("inq.title")) + "  " +
		s.styles.Dim.Render(s.p.T("customers.count", s.list.Visible(), len(s.list.rows)))
	switch s.status {
	case inquiryActive:
		title += "  " + s.styles.FocusLabel.Render(s.p.T("inq.filter_active"))
	case inquiryDone:
		title += "  " + s.styles.FocusLabel.Render(s.p.T("inq.filter_closed"))
	}
	title = fit(title, s.width, false)
	if !s.loaded {
		return title + "\n" + s.styles.Dim.Render(s.p.T("loading"))
	}
	if len(s.list.rows) == 0 {
		return title + "\n\n" + s.p.T("inq.empty")
	}
	return title + "\n" + s.search.View(s.p.T("inq.search_hint"), s.styles) + "\n" + s.list.View()
}

func (s *inquiriesScreen) ShortHelp() []key.Binding {
	if s.search.active {
		return s.search.ShortHelp()
	}
	return []key.Binding{s.rec.Filter, s.keys.StatusFilter, s.rec.Open, s.rec.New}
}

func (s *inquiriesScreen) FullHelp() [][]key.Binding {
	if s.search.active {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{
		{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom, s.nav.PageUp, s.nav.PageDown},
		{s.rec.Filter, s.keys.StatusFilter, s.rec.Back},
		{s.rec.Open, s.rec.Edit, s.rec.New},
	}
}
