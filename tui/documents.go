package tui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The documents screen: every estimate, delivery note, invoice and credit
// note, newest first, drafts on top; an issued invoice's status is its
// payment state. Filters are keys: K kind, F status (payment states
// included), C customer, D dates, / search. This file is the list; the view of one
// document, the editor and the actions have files of their own.

// firstPage is how many documents the first frame shows while the full list
// loads behind it: the screen is usable at once on a 100,000-document ledger.
const firstPage = 200

// docRow is one list row with its search key folded once at load time.
type docRow struct {
	store.DocumentSummary
	search string
}

type documentsScreen struct {
	env
	nav  ListKeyMap
	keys DocumentKeyMap
	rec  RecordKeyMap

	list     *recordList[docRow]
	complete bool // the full list has arrived (not just the first page)
	search   searchLine

	kind       int // index into docKindFilters
	status     int // index into docStatusFilters
	customerID int64
	customer   string
	from, to   time.Time
	amount     store.MoneyRange // the totals' range (A)

	recordViews[*documentEditor] // the list, one document, or the editor of a draft

	doc          store.Document // the document shown in the detail view
	chain        []store.DocRef
	detailScroll int
	mails        []store.MailLog // the mails of the document shown, newest first

	width, height int
}

var (
	docKindFilters = append([]string{""}, store.DocumentKinds...)
	// docStatusFilters are what F offers: every document, the payment
	// states of issued invoices, then the statuses of documents.
	docStatusFilters = append(append([]string{""}, store.PaymentFilters...), store.StatusDraft, store.StatusIssued,
		store.StatusAccepted, store.StatusDeclined, store.StatusExpired, store.StatusVoid)
)

type (
	docsLoadedMsg struct {
		rows     []docRow
		complete bool
		focusID  int64
		err      error
	}
	docOpenedMsg struct {
		d     store.Document
		chain []store.DocRef
		edit  bool
		err   error
	}
	// docChangedMsg reports that an action changed or made a document: the
	// list reloads, and the document is shown (edit: in the editor).
	docChangedMsg struct {
		id     int64
		status string
		edit   bool
	}
	docFailedMsg struct{ err error }
)

func newDocumentsScreen(e env) *documentsScreen {
	s := &documentsScreen{env: e, nav: DefaultListKeyMap(e.p), keys: DefaultDocumentKeyMap(e.p),
		rec: DefaultRecordKeyMap(e.p), search: newSearchLine(e.p, e.styles, e.p.T("docs.search_placeholder"))}
	if e.clerk() { // the store refuses them; the help does not offer them (roles.go)
		s.keys.Issue.SetEnabled(false)
		s.keys.Void.SetEnabled(false)
		s.keys.Revise.SetEnabled(false)
	}
	s.list = newRecordList([]Column{
		{Title: e.p.T("docs.col_number"), Min: 12, Whole: true},
		{Title: e.p.T("docs.col_kind"), Min: 6},
		{Title: e.p.T("docs.col_customer"), Min: 14, Grow: 3},
		{Title: e.p.T("docs.col_subject"), Min: 10, Grow: 3},
		{Title: e.p.T("docs.col_date"), Min: 10, Whole: true},
		{Title: e.p.T("docs.col_total"), Min: 11, Right: true},
		{Title: e.p.T("docs.col_status"), Min: 11}, // "partly paid" whole at 80 columns
	}, s.nav, e.styles, func(r *docRow) int64 { return r.ID })
	s.list.Cell = s.cell
	s.list.Dim = func(r int) bool { return s.list.Row(r).Status == store.StatusVoid }
	return s
}

func (s *documentsScreen) Title() string { return s.p.T("tab.documents") }

// Init shows the newest page at once, then the whole list.
func (s *documentsScreen) Init() tea.Cmd {
	return tea.Batch(s.load(firstPage, 0), s.load(0, 0))
}

func (s *documentsScreen) load(limit int, focusID int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		sums, err := st.DocumentSummaries(ctx, store.DocumentFilter{Limit: limit})
		if err != nil {
			return docsLoadedMsg{err: err}
		}
		rows := make([]docRow, len(sums))
		for i, d := range sums {
			d.CustomerName = store.FoldDisplay(d.CustomerName)
			d.Subject = store.FoldDisplay(d.Subject)
			rows[i] = docRow{DocumentSummary: d,
				search: store.FoldSearch(d.Number + "\x00" + d.Subject + "\x00" + d.CustomerName + "\x00" + d.CustomerCode)}
		}
		return docsLoadedMsg{rows: rows, complete: limit == 0, focusID: focusID}
	}
}

func (s *documentsScreen) today() time.Time { return store.Today(s.st.Now()) }

// applyFilter recomputes the visible rows from the filters and the search.
func (s *documentsScreen) applyFilter() {
	words := s.search.Words()
	kind, status, today := docKindFilters[s.kind], docStatusFilters[s.status], s.today()
	from, to := store.FormatDate(s.from), store.FormatDate(s.to)
	s.list.Filter(func(r *docRow) bool {
		if kind != "" && r.Kind != kind || s.customerID != 0 && r.CustomerID != s.customerID ||
			status != "" && !r.HasStatus(status, today) || !matchesAll(r.search, words) {
			return false
		}
		d := store.FormatDate(r.IssueDate)
		return (from == "" || d >= from) && (to == "" || d <= to) && s.inAmount(r.Total)
	})
}

func (s *documentsScreen) cell(r, c int) string {
	row := s.list.Row(r)
	switch c {
	case 0:
		if row.Number == "" {
			return s.p.T("docs.draft_number")
		}
		return row.Number
	case 1:
		return s.p.T("kind.short." + row.Kind)
	case 2:
		return row.CustomerName
	case 3:
		return row.Subject
	case 4:
		return store.FormatDate(row.IssueDate)
	case 5:
		return s.money(row.Total)
	default:
		return s.p.T("status." + row.ListStatus(s.today()))
	}
}

// money formats an amount in the company's currency, without the symbol (for
// table columns).
func (k kit) money(m store.Money) string { return m.Plain(k.co.cur) }

func (s *documentsScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetSize(w, h-2)
	s.search.SetWidth(w)
	s.sizeEditor(w, h)
}

func (s *documentsScreen) Capturing() bool { return s.search.active || s.editorCapturing() }

func (s *documentsScreen) Dirty() bool { return s.editorDirty() }

func (s *documentsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case docsLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if s.complete && !msg.complete {
			return nil // the full list came first: keep it
		}
		s.complete = msg.complete
		s.list.Replace(msg.rows, msg.focusID, s.applyFilter)
		return nil
	case docOpenedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if msg.edit {
			return s.openEditor(msg.d)
		}
		if msg.d.ID != s.doc.ID {
			s.mails = nil
		}
		s.doc, s.chain, s.detailScroll = msg.d, msg.chain, 0
		s.showDetail()
		return s.loadMails(msg.d.ID)
	case mailComposedMsg, mailSentMsg, docMailsMsg:
		return s.mailMsg(msg)
	case docChangedMsg:
		text := ""
		if msg.status != "" {
			text = msg.status
		}
		return tea.Batch(s.load(0, msg.id), s.open(msg.id, msg.edit), status(text))
	case docFailedMsg:
		if isStale(msg.err) { // issuing a draft someone changed after it was shown
			s.askReload(msg.err, s.reloadShown(), nil)
		}
		return statusErr(s.p.Error(msg.err))
	case billingDoneMsg: // the contracts screen made invoices
		return s.load(0, 0)
	case paymentChangedMsg, reconcileClosedMsg, overdueDoneMsg, writeOffDoneMsg: // payment states may have changed
		if id := s.doc.ID; s.mode == modeDetail {
			return tea.Batch(s.load(0, 0), whileShowing(func() bool { return s.mode == modeDetail && s.doc.ID == id }, s.open(id, false)))
		}
		return s.load(0, 0)
	case docDeletedMsg:
		s.showList()
		return tea.Batch(s.load(0, 0), status(s.p.T("docs.deleted")))
	case exportedMsg:
		return s.exported(msg)
	case issuePreviewMsg:
		return s.issuePreview(msg)
	case closingPreviewMsg:
		return s.closingPreview(msg)
	case closingAskMsg:
		return s.closingAsk(msg)
	case closingRunPlanMsg:
		return s.closingRunPreview(msg)
	case closingRunDoneMsg:
		return s.closingRunDone(msg)
	case closingSentMsg:
		return s.closingSent(msg)
	case docRangeMsg:
		s.from, s.to = msg.from, msg.to
		s.applyFilter()
		return nil
	case amountRangeMsg:
		s.amount = msg.r
		s.applyFilter()
		return nil
	case sentFilesMsg:
		return s.showSent(msg)
	case draftSavedMsg:
		if s.editing() {
			s.editor.savedDraft(msg.d)
		}
		if msg.then == "export" {
			return tea.Batch(s.load(0, msg.d.ID), s.exportDoc(msg.d.ID, false, ""))
		}
		return tea.Batch(s.load(0, msg.d.ID), status(s.p.T("docs.saved")))
	case draftFailedMsg:
		if s.editing() {
			s.editor.showErrors(msg.err)
			if isStale(msg.err) && s.editor.doc.ID != 0 {
				s.askReload(msg.err, s.reloadDraft(s.editor.doc.ID), nil)
			}
		}
		return s.notSaved(msg.err, "docs.not_saved")
	case editorClosedMsg:
		id := int64(0)
		if s.editing() {
			id = s.editor.doc.ID
		}
		s.showList() // then the draft, if it was stored
		if id != 0 {
			return s.open(id, false)
		}
		return nil
	}
	return s.route(msg, s.listKey, s.detailKey)
}

// clearFilters is esc on the list: every filter off.
func (s *documentsScreen) clearFilters() {
	s.kind, s.status, s.customerID, s.customer, s.from, s.to = 0, 0, 0, "", time.Time{}, time.Time{}
	s.amount = store.MoneyRange{}
}

func (s *documentsScreen) listKey(k tea.KeyPressMsg) tea.Cmd {
	if handled, cmd := s.search.listKey(k, s.list, s.applyFilter, s.clearFilters); handled {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.KindFilter):
		s.kind = (s.kind + 1) % len(docKindFilters)
		s.applyFilter()
		return nil
	case key.Matches(k, s.keys.StatusFilter):
		return s.pickStatus()
	case key.Matches(k, s.keys.CustomerFilter):
		return s.pickCustomer(s.p.T("docs.filter_customer"), s.refs.customers, func(c store.CustomerSummary) tea.Cmd {
			s.customerID, s.customer = c.ID, store.FoldDisplay(c.Name)
			s.applyFilter()
			return nil
		})
	case key.Matches(k, s.keys.DateFilter):
		return s.askDates()
	case key.Matches(k, s.keys.AmountFilter):
		return s.askAmounts()
	case key.Matches(k, s.keys.SentHistory):
		return s.loadSent()
	case key.Matches(k, s.rec.New):
		return s.newDocument()
	case key.Matches(k, s.keys.CloseRun):
		return s.askClosingRun()
	case key.Matches(k, s.keys.ExportAll):
		ids := make([]int64, s.list.Visible())
		for i := range ids {
			ids[i] = s.list.Row(i).ID
		}
		return s.exportBatch(ids)
	}
	if row, ok := s.list.Selected(); ok {
		switch {
		case key.Matches(k, s.rec.Open):
			return s.open(row.ID, false)
		case key.Matches(k, s.rec.Edit):
			return s.editDraft(row.DocumentSummary)
		}
		return s.action(k, row.ID, row.Status, row.Kind)
	}
	return nil
}

// open loads a document (and its chain) for the detail view or the editor.
func (s *documentsScreen) open(id int64, edit bool) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		d, err := st.Document(ctx, id)
		if err != nil {
			return docOpenedMsg{err: err}
		}
		chain, err := st.Chain(ctx, id)
		return docOpenedMsg{d: d, chain: chain, edit: edit, err: err}
	}
}

func (s *documentsScreen) editDraft(d store.DocumentSummary) tea.Cmd {
	if d.Status != store.StatusDraft {
		return statusErr(s.p.T("docs.frozen", d.Number))
	}
	return s.open(d.ID, true)
}

func (s *documentsScreen) View() string {
	if s.height <= 0 {
		return ""
	}
	return s.render(s.listView, s.detailView)
}

func (s *documentsScreen) listView() string {
	title := s.styles.Title.Render(s.p.T("docs.title")) + "  " +
		s.styles.Dim.Render(s.p.T("customers.count", s.list.Visible(), len(s.list.rows))) + "  " + s.filterSummary()
	if !s.complete {
		title += s.styles.Dim.Render("  " + s.p.T("loading"))
	}
	search := s.search.View(s.p.T("docs.search_hint"), s.styles)
	if s.complete && len(s.list.rows) == 0 {
		return title + "\n\n" + s.p.T("docs.empty")
	}
	return title + "\n" + search + "\n" + s.list.View()
}

// pickStatus asks which status to show (F): every document, a payment state
// of issued invoices, or a document status; the second column says which
// kind of document can have it.
func (s *documentsScreen) pickStatus() tea.Cmd {
	p := s.p
	items := make([]pickItem, len(docStatusFilters))
	for i, st := range docStatusFilters {
		label, kind := p.T("docs.no_filter"), ""
		if st != "" {
			label = p.T("status." + st)
		}
		switch {
		case slices.Contains(store.PaymentFilters, st):
			kind = p.T("kind." + store.KindInvoice)
		case st == store.StatusAccepted || st == store.StatusDeclined || st == store.StatusExpired:
			kind = p.T("kind." + store.KindEstimate)
		}
		items[i] = pickItem{cells: []string{label, kind}, search: store.FoldSearch(label + "\x00" + st)}
	}
	cols := []Column{{Title: p.T("docs.col_status"), Min: 24}, {Title: p.T("docs.col_kind"), Min: 16}}
	return s.picker(p.T("docs.filter_status"), cols, items, "", func(i int) tea.Cmd {
		s.status = i
		s.applyFilter()
		return nil
	})
}

// filterSummary says which filters are on, e.g. "請求書 · 発行済 · 株式会社テスト".
func (s *documentsScreen) filterSummary() string {
	if t := s.filterSummaryPlain(); t != "" {
		return s.styles.FocusLabel.Render(t)
	}
	return s.styles.Dim.Render(s.p.T("docs.no_filter"))
}

// filterSummaryPlain is the filters in words, "" when none is on.
func (s *documentsScreen) filterSummaryPlain() string {
	var parts []string
	if k := docKindFilters[s.kind]; k != "" {
		parts = append(parts, s.p.T("kind."+k))
	}
	if st := docStatusFilters[s.status]; st != "" {
		parts = append(parts, s.p.T("status."+st))
	}
	if s.customer != "" {
		parts = append(parts, s.customer)
	}
	if !s.from.IsZero() || !s.to.IsZero() {
		parts = append(parts, fmt.Sprintf("%s〜%s", store.FormatDate(s.from), store.FormatDate(s.to)))
	}
	if !s.amount.Empty() {
		parts = append(parts, s.p.T("docs.amount_filter", s.amountText("〜")))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " · ")
}

func (s *documentsScreen) ShortHelp() []key.Binding { return s.shortHelp(s.listHelp, s.detailHelp) }

func (s *documentsScreen) detailHelp() []key.Binding {
	return []key.Binding{s.rec.Edit, s.keys.Issue, s.keys.Convert, s.keys.Export, s.keys.Mail, s.keys.Void, s.keys.Revise,
		s.keys.Duplicate, s.rec.Inquiry, s.rec.Back}
}

func (s *documentsScreen) listHelp() []key.Binding {
	if s.search.active {
		return s.search.ShortHelp()
	}
	return []key.Binding{s.rec.Filter, s.keys.KindFilter, s.keys.StatusFilter, s.rec.Open, s.rec.New, s.keys.Issue, s.keys.Convert,
		s.keys.Mail, s.rec.Inquiry}
}

func (s *documentsScreen) FullHelp() [][]key.Binding {
	if s.editing() {
		return s.editor.FullHelp()
	}
	if s.mode == modeDetail {
		return s.detailFullHelp()
	}
	if s.search.active {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{
		{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom, s.nav.PageUp, s.nav.PageDown},
		{s.rec.Filter, s.keys.KindFilter, s.keys.StatusFilter, s.keys.CustomerFilter, s.keys.DateFilter, s.keys.AmountFilter,
			s.rec.Back},
		{s.rec.Open, s.rec.New, s.rec.Edit, s.keys.Delete, s.rec.Inquiry, s.keys.CloseRun},
		{s.keys.Issue, s.keys.Convert, s.keys.Void, s.keys.Revise, s.keys.Duplicate, s.keys.Accept, s.keys.Decline},
		{s.keys.Export, s.keys.Open, s.keys.Print, s.keys.ExportAll, s.keys.Mail, s.keys.SentHistory, s.keys.WriteOff},
	}
}
