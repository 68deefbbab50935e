package tui

import (
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The contracts screen (契約管理): every contract with its next billing date,
// monthly value and end, marked when it ends soon. F and W filter by status
// and person in charge; n, e and enter make, edit and show one; I activates a
// draft (it gets its number); c changes a price from a date; B runs the
// month's billing; R lists the contracts that need a renewal decision (r
// renews, x ends).

var contractStatusFilters = []string{"", store.ContractActive, store.ContractDraft, store.ContractEnded, store.ContractCancelled}

type contractRow struct {
	store.ContractSummary
	search string
}

type contractsScreen struct {
	env
	nav  ListKeyMap
	keys ContractKeyMap
	rec  RecordKeyMap

	list     *recordList[contractRow]
	search   searchLine
	loaded   bool
	status   int    // index into contractStatusFilters
	person   string // "" = everyone
	renewals bool   // the list shows RenewalsDue instead of every contract

	recordViews[*contractEditor] // the list, one contract, or the editor

	detail  store.Contract
	renewed []store.Renewal // the detail's renewal history
	mails   []store.MailLog // the detail's mails, newest first

	width, height int
}

type (
	contractsLoadedMsg struct {
		rows    []contractRow
		focusID int64
		err     error
	}
	contractOpenedMsg struct {
		c        store.Contract
		renewals []store.Renewal // for the detail view only
		mails    []store.MailLog // for the detail view only: its summaries and renewal notices mailed
		edit     bool
		err      error
	}
	contractChangedMsg struct {
		id     int64
		status string
	}
	contractFailedMsg struct{ err error }
)

func newContractsScreen(e env) *contractsScreen {
	s := &contractsScreen{env: e, nav: DefaultListKeyMap(e.p), keys: DefaultContractKeyMap(e.p), rec: DefaultRecordKeyMap(e.p),
		search: newSearchLine(e.p, e.styles, e.p.T("con.search_placeholder"))}
	s.list = newRecordList([]Column{
		{Title: e.p.T("docs.col_number"), Min: 12, Whole: true},
		{Title: e.p.T("docs.col_customer"), Min: 14, Grow: 3},
		{Title: e.p.T("con.col_title"), Min: 10, Grow: 2},
		{Title: e.p.T("con.col_next"), Min: 10, Whole: true},
		{Title: e.p.T("con.col_monthly"), Min: 10, Right: true},
		{Title: e.p.T("con.col_end"), Min: 10},
		{Title: e.p.T("docs.col_status"), Min: 10},
	}, s.nav, e.styles, func(r *contractRow) int64 { return r.ID })
	s.list.Cell = s.cell
	s.list.Dim = func(r int) bool {
		st := s.list.Row(r).Status
		return st == store.ContractEnded || st == store.ContractCancelled
	}
	return s
}

func (s *contractsScreen) Title() string { return s.p.T("tab.contracts") }

func (s *contractsScreen) Init() tea.Cmd { return s.load(0) }

func (s *contractsScreen) today() time.Time { return store.Today(s.st.Now()) }

func (s *contractsScreen) load(focusID int64) tea.Cmd {
	st, ctx, renewals, today := s.st, s.ctx, s.renewals, s.today()
	return func() tea.Msg {
		var sums []store.ContractSummary
		var err error
		if renewals {
			sums, err = st.RenewalsDue(ctx, today)
		} else {
			sums, err = st.ContractSummaries(ctx, store.ContractFilter{Today: today})
		}
		if err != nil {
			return contractsLoadedMsg{err: err}
		}
		rows := make([]contractRow, len(sums))
		for i, c := range sums {
			c.CustomerName, c.Title = store.FoldDisplay(c.CustomerName), store.FoldDisplay(c.Title)
			rows[i] = contractRow{ContractSummary: c, search: store.FoldSearch(strings.Join(
				[]string{c.Number, c.CustomerCode, c.CustomerName, c.Title, c.PersonInCharge}, "\x00"))}
		}
		return contractsLoadedMsg{rows: rows, focusID: focusID}
	}
}

func (s *contractsScreen) cell(r, c int) string {
	row := s.list.Row(r)
	switch c {
	case 0:
		if row.Number == "" {
			return s.p.T("docs.draft_number")
		}
		return row.Number
	case 1:
		return row.CustomerName
	case 2:
		return row.Title
	case 3:
		return store.FormatDate(row.NextBilling)
	case 4:
		return s.money(row.MonthlyValue)
	case 5:
		if row.End.IsZero() {
			return s.p.T("con.open_ended")
		}
		return store.FormatDate(row.End)
	}
	if row.Status == store.ContractActive && row.TermEnded {
		return s.p.T("con.term_ended") // the end date is in the column beside it
	}
	if row.Status == store.ContractActive && row.EndsInDays >= 0 && row.EndsInDays <= 60 {
		return s.p.T("con.ends_in", row.EndsInDays)
	}
	return s.p.T("con.status." + row.Status)
}

func (s *contractsScreen) applyFilter() {
	words, status := s.search.Words(), contractStatusFilters[s.status]
	s.list.Filter(func(r *contractRow) bool {
		return (status == "" || r.Status == status) && (s.person == "" || r.PersonInCharge == s.person) && matchesAll(r.search, words)
	})
}

// nextPerson steps the person-in-charge filter through the people on the list.
func (s *contractsScreen) nextPerson() {
	var people []string
	seen := map[string]bool{}
	for _, r := range s.list.rows {
		if r.PersonInCharge != "" && !seen[r.PersonInCharge] {
			seen[r.PersonInCharge] = true
			people = append(people, r.PersonInCharge)
		}
	}
	next := ""
	for i, p := range people {
		if p == s.person && i+1 < len(people) {
			next = people[i+1]
		}
	}
	if s.person == "" && len(people) > 0 {
		next = people[0]
	}
	s.person = next
}

func (s *contractsScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetSize(w, h-2)
	s.search.SetWidth(w)
	s.sizeEditor(w, h)
}

func (s *contractsScreen) Capturing() bool { return s.search.active || s.editorCapturing() }

func (s *contractsScreen) Dirty() bool { return s.editorDirty() }

func (s *contractsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case contractsLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.loaded = true
		s.list.Replace(msg.rows, msg.focusID, s.applyFilter)
		return nil
	case contractOpenedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		if msg.edit {
			return s.openEditor(msg.c)
		}
		s.detail, s.renewed, s.mails = msg.c, msg.renewals, msg.mails
		s.showDetail()
		return nil
	case contractChangedMsg:
		if s.editing() {
			s.showDetail()
		}
		return tea.Batch(s.load(msg.id), s.open(msg.id, false), status(msg.status))
	case contractActivatedMsg, contractMailedMsg:
		return s.contractMailMsg(msg)
	case contractFailedMsg:
		if s.editing() {
			s.editor.showErrors(msg.err)
			if isStale(msg.err) && s.editor.c.ID != 0 {
				s.askReload(msg.err, s.open(s.editor.c.ID, true), nil)
			}
		} else if isStale(msg.err) { // activating a draft someone changed after it was shown
			s.askReload(msg.err, s.reloadShown(), nil)
		}
		return statusErr(s.p.Error(msg.err))
	case contractSavedMsg:
		if s.editing() {
			s.editor.c = msg.c
			s.editor.markSaved(linesOf(msg.c))
		}
		return tea.Batch(s.load(msg.c.ID), status(s.p.T("con.saved")))
	case contractClosedMsg:
		id := int64(0)
		if s.editing() {
			id = s.editor.c.ID
		}
		s.showList() // then the contract, if it was stored
		if id != 0 {
			return s.open(id, false)
		}
		return nil
	case billingSuggestMsg:
		return s.askBillingMonth(msg)
	case billingPlanMsg:
		return s.showPlan(msg)
	case billingDoneMsg:
		return s.billingDone(msg)
	case contractExportedMsg:
		return s.exported(msg.exportedMsg)
	case priceChangeLoadedMsg:
		return s.priceChangeLoaded(msg)
	case priceChangeFailedMsg:
		return s.priceChangeFailed(msg)
	}
	return s.route(msg, s.listKey, s.detailKey)
}

func (s *contractsScreen) listKey(k tea.KeyPressMsg) tea.Cmd {
	if s.renewals && !s.search.active && key.Matches(k, s.rec.Back) { // esc leaves the renewals first
		s.renewals = false
		return s.load(0)
	}
	if handled, cmd := s.search.listKey(k, s.list, s.applyFilter, func() { s.status, s.person = 0, "" }); handled {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.StatusFilter):
		s.status = (s.status + 1) % len(contractStatusFilters)
		s.applyFilter()
		return nil
	case key.Matches(k, s.keys.PersonFilter):
		s.nextPerson()
		s.applyFilter()
		return nil
	case key.Matches(k, s.keys.Renewals):
		s.renewals = !s.renewals
		return s.load(0)
	case key.Matches(k, s.keys.Bill):
		return s.askBilling()
	case key.Matches(k, s.rec.New):
		return s.pickCustomer(s.p.T("con.pick_customer"), s.refs.customers, func(c store.CustomerSummary) tea.Cmd {
			today := s.today()
			return s.openEditor(store.Contract{CustomerID: c.ID, CustomerCode: c.Code, CustomerName: c.Name,
				Start: today, Cycle: store.CycleMonthly, BillingDay: store.MonthEnd, InAdvance: true,
				PaymentMethod: store.PayBankTransfer, RenewalMonths: 12, NoticeDays: 30, Status: store.ContractDraft})
		})
	}
	if row, ok := s.list.Selected(); ok {
		switch {
		case key.Matches(k, s.rec.Open):
			return s.open(row.ID, false)
		case key.Matches(k, s.rec.Edit):
			return s.open(row.ID, true)
		case key.Matches(k, s.rec.Inquiry):
			return openInquiryForm(s.env, row.CustomerID, 0)
		}
		return s.contractAction(k, row.ID)
	}
	return nil
}

func (s *contractsScreen) detailKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.rec.Back):
		s.showList()
		return nil
	case key.Matches(k, s.rec.Edit):
		return s.openEditor(s.detail)
	case key.Matches(k, s.rec.Inquiry):
		return openInquiryForm(s.env, s.detail.CustomerID, 0)
	}
	return s.contractAction(k, s.detail.ID)
}

// contractAction: activate, renew, end, cancel, PDF, price change.
func (s *contractsScreen) contractAction(k tea.KeyPressMsg, id int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	do := func(done string, call func() error) tea.Cmd {
		p := s.p
		return func() tea.Msg {
			if err := call(); err != nil {
				return contractFailedMsg{err}
			}
			return contractChangedMsg{id: id, status: p.T(done)}
		}
	}
	switch {
	case key.Matches(k, s.keys.Activate):
		return askIfAllowed(func() error { return st.ActivationCheck(ctx, id) }, func() tea.Cmd {
			return s.confirm(s.p.T("con.confirm_activate"), s.activateContract(id)) // then offers to mail it
		})
	case key.Matches(k, s.keys.Renew):
		return s.confirm(s.p.T("con.confirm_renew"), do("con.renewed", func() error {
			_, err := st.RenewContract(ctx, id)
			return err
		}))
	case key.Matches(k, s.keys.End):
		return s.prompt(s.p.T("con.end_reason"), "", required, func(reason string) tea.Cmd {
			return do("con.ended", func() error { return st.EndContract(ctx, id, s.today(), reason) })
		})
	case key.Matches(k, s.keys.Cancel):
		return s.prompt(s.p.T("con.cancel_reason"), "", required, func(reason string) tea.Cmd {
			return do("con.cancelled", func() error { return st.CancelContract(ctx, id, reason) })
		})
	case key.Matches(k, s.keys.PDF):
		return s.exportContract(id)
	case key.Matches(k, s.keys.PriceChange):
		return s.startPriceChange(id)
	}
	return nil
}

func (s *contractsScreen) open(id int64, edit bool) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		c, err := st.Contract(ctx, id)
		if err != nil || edit {
			return contractOpenedMsg{c: c, edit: edit, err: err}
		}
		renewals, err := st.ContractRenewals(ctx, id)
		if err != nil {
			return contractOpenedMsg{err: err}
		}
		mails, err := st.ContractMailLog(ctx, id)
		return contractOpenedMsg{c: c, renewals: renewals, mails: mails, err: err}
	}
}

func (s *contractsScreen) View() string {
	if s.height <= 0 {
		return ""
	}
	return s.render(s.listView, s.detailView)
}

func (s *contractsScreen) listView() string {
	title := s.p.T("con.title")
	if s.renewals {
		title = s.p.T("con.renewals_title")
	}
	head := s.styles.Title.Render(title) + "  " + s.styles.Dim.Render(s.p.T("customers.count", s.list.Visible(), len(s.list.rows)))
	var filters []string
	if st := contractStatusFilters[s.status]; st != "" {
		filters = append(filters, s.p.T("con.status."+st))
	}
	if s.person != "" {
		filters = append(filters, s.person)
	}
	if len(filters) > 0 {
		head += "  " + s.styles.FocusLabel.Render(strings.Join(filters, " · "))
	}
	if s.loaded && len(s.list.rows) == 0 {
		empty := s.p.T("con.empty")
		if s.renewals {
			empty = s.p.T("con.no_renewals")
		}
		return head + "\n\n" + empty
	}
	return head + "\n" + s.search.View(s.p.T("con.search_hint"), s.styles) + "\n" + s.list.View()
}

func (s *contractsScreen) ShortHelp() []key.Binding { return s.shortHelp(s.listHelp, s.detailHelp) }

func (s *contractsScreen) detailHelp() []key.Binding {
	return []key.Binding{s.rec.Edit, s.keys.Activate, s.keys.PriceChange, s.keys.Renew, s.keys.End, s.keys.PDF,
		s.rec.Inquiry, s.rec.Back}
}

func (s *contractsScreen) listHelp() []key.Binding {
	if s.search.active {
		return s.search.ShortHelp()
	}
	if s.renewals {
		return []key.Binding{s.keys.Renew, s.keys.End, s.rec.Open, s.rec.Back}
	}
	return []key.Binding{s.rec.Filter, s.keys.StatusFilter, s.rec.New, s.keys.Activate, s.keys.Bill, s.keys.Renewals,
		s.rec.Inquiry}
}

func (s *contractsScreen) FullHelp() [][]key.Binding {
	if s.editing() {
		return s.editor.FullHelp()
	}
	if s.mode == modeDetail {
		return [][]key.Binding{
			{s.rec.Edit, s.keys.Activate, s.keys.PriceChange, s.keys.Renew, s.keys.End, s.keys.Cancel},
			{s.keys.PDF, s.rec.Inquiry, s.rec.Back},
		}
	}
	return [][]key.Binding{
		{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom, s.nav.PageUp, s.nav.PageDown},
		{s.rec.Filter, s.keys.StatusFilter, s.keys.PersonFilter, s.rec.Back},
		{s.rec.Open, s.rec.New, s.rec.Edit, s.keys.Activate, s.keys.PriceChange, s.keys.PDF, s.rec.Inquiry},
		{s.keys.Bill, s.keys.Renewals, s.keys.Renew, s.keys.End, s.keys.Cancel},
	}
}
