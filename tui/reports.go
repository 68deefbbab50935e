package tui

import (
	"sort"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The Reports screen (レポート): sales, cost, gross profit and margin of a
// period (the last twelve months by default, D sets another) by month as a
// bar chart, by customer, product and person in charge as ranked tables
// sorted with s, the receivables aging as of the period's end and the cash
// received per month. ←/→ switch the views. Each view loads in a tea.Cmd the
// first time it is shown, and again after the period or the ledger changed.

// Views, in ←/→ order.
const (
	repMonth = iota
	repCustomer
	repProduct
	repPerson
	repAging
	repCash
	repBalances // 売掛金残高一覧表 (reports_balances.go)
	repViews
)

// repViewNames are the views' names on the screen.
var repViewNames = [repViews]string{"rep.view.month", "rep.view.customer", "rep.view.product", "rep.view.person",
	"rep.view.aging", "rep.view.cash", "rep.view.balances"}

// repGrouping is the store grouping behind each sales view.
var repGrouping = [repViews]string{repMonth: store.ReportByMonth, repCustomer: store.ReportByCustomer,
	repProduct: store.ReportByProduct, repPerson: store.ReportByPerson}

// Orders of the ranked views, cycled with s.
const (
	repBySales = iota
	repByProfit
	repByMargin
	repByCode
	repSorts
)

var repSortNames = [repSorts]string{"rep.sort.sales", "rep.sort.profit", "rep.sort.margin", "rep.sort.code"}

// repData is what one view shows, as loaded.
type repData struct {
	loaded bool
	rep    store.Report         // the sales views
	recv   store.Receivables    // aging
	cash   []store.MonthAmount  // cash
	bal    store.BalancesReport // balances
}

// rankedView is a sales view shown as a table: customers, products, persons.
type rankedView struct {
	table  Table
	rows   []store.ReportRow // in the chosen order
	sortBy int
}

type reportsScreen struct {
	env
	nav  ListKeyMap
	keys ReportKeyMap

	view     int
	from, to time.Time // chosen with D; zero: the default period's end
	gen      int       // bumped when the period or the ledger changes: older loads are dropped
	data     [repViews]repData
	pending  [repViews]bool // a load is on its way
	ranked   [repViews]*rankedView
	balances *balancesView

	width, height int
}

// reportLoadedMsg brings one view's figures.
type reportLoadedMsg struct {
	gen, view int
	data      repData
	err       error
}

func newReportsScreen(e env) *reportsScreen {
	s := &reportsScreen{env: e, nav: DefaultListKeyMap(e.p), keys: DefaultReportKeyMap(e.p), balances: &balancesView{}}
	for _, v := range []int{repCustomer, repProduct, repPerson} {
		s.ranked[v] = &rankedView{}
	}
	return s
}

func (s *reportsScreen) Title() string   { return s.p.T("tab.reports") }
func (s *reportsScreen) Capturing() bool { return false }
func (s *reportsScreen) Dirty() bool     { return false }

// Init loads the first view only: the others load when they are shown, so
// a large ledger costs nothing at start for reports nobody opens.
func (s *reportsScreen) Init() tea.Cmd { return s.load(s.view) }

func (s *reportsScreen) today() time.Time { return store.Today(s.st.Now()) }

// period is the period shown: the one chosen with D, its open ends filled in
// (the end of this month; twelve months before the end).
func (s *reportsScreen) period() (from, to time.Time) {
	return store.ReportPeriod(s.today(), s.from, s.to)
}

// load reads a view's figures unless they are there or on their way.
func (s *reportsScreen) load(view int) tea.Cmd {
	if s.data[view].loaded || s.pending[view] {
		return nil
	}
	s.pending[view] = true
	st, ctx, gen := s.st, s.ctx, s.gen
	from, to := s.period()
	asOf := store.AgingDate(s.today(), to)
	return func() tea.Msg {
		msg := reportLoadedMsg{gen: gen, view: view, data: repData{loaded: true}}
		switch view {
		case repAging:
			msg.data.recv, msg.err = st.Receivables(ctx, asOf)
		case repCash:
			msg.data.cash, msg.err = st.CashReceived(ctx, from, to)
		case repBalances:
			msg.data.bal, msg.err = st.ReceivableBalances(ctx, from, to)
		default:
			msg.data.rep, msg.err = st.SalesReport(ctx, store.ReportQuery{From: from, To: to, By: repGrouping[view]})
		}
		return msg
	}
}

// reload forgets every view's figures and loads the one shown.
func (s *reportsScreen) reload() tea.Cmd {
	s.gen++
	s.data, s.pending = [repViews]repData{}, [repViews]bool{}
	return s.load(s.view)
}

func (s *reportsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case reportLoadedMsg:
		if msg.gen != s.gen {
			return nil // the period or the ledger changed since: a newer load follows
		}
		s.pending[msg.view] = false
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.data[msg.view] = msg.data
		if r := s.ranked[msg.view]; r != nil {
			r.rows = append([]store.ReportRow(nil), msg.data.rep.Rows...)
			s.sortRanked(msg.view)
			s.layoutRanked(msg.view)
		}
		if msg.view == repBalances {
			s.layoutBalances()
		}
		return nil
	case balancesExportedMsg:
		return s.exported(msg.exportedMsg)
	case docChangedMsg:
		if msg.status == store.StatusDraft {
			return nil // a draft counts for nothing
		}
		return s.reload() // issued, voided, credited: the figures have changed
	case paymentChangedMsg, reconcileClosedMsg, billingDoneMsg:
		// A payment recorded or reversed, invoices billed: the figures are
		// no longer those of the ledger.
		return s.reload()
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

func (s *reportsScreen) key(k tea.KeyPressMsg) tea.Cmd {
	r := s.ranked[s.view]
	switch {
	case key.Matches(k, s.keys.NextView):
		s.view = (s.view + 1) % repViews
		return s.load(s.view)
	case key.Matches(k, s.keys.PrevView):
		s.view = (s.view + repViews - 1) % repViews
		return s.load(s.view)
	case key.Matches(k, s.keys.Period):
		return s.askPeriod()
	case r != nil && key.Matches(k, s.keys.Sort):
		r.sortBy = (r.sortBy + 1) % repSorts
		s.sortRanked(s.view)
		r.table.SetCursor(0)
		return nil
	case r != nil:
		r.table.Update(k)
	case s.view == repBalances && key.Matches(k, s.keys.Export):
		return s.exportBalances(false)
	case s.view == repBalances:
		s.balances.table.Update(k)
	}
	return nil
}

// sortRanked orders a ranked view's rows: the largest sales, gross profit or
// margin first (rows without sales, which have no margin, last), or by code;
// ties by code.
func (s *reportsScreen) sortRanked(view int) {
	r := s.ranked[view]
	sort.SliceStable(r.rows, func(i, j int) bool {
		a, b := r.rows[i], r.rows[j]
		switch r.sortBy {
		case repBySales:
			if a.Sales != b.Sales {
				return a.Sales > b.Sales
			}
		case repByProfit:
			if a.Profit() != b.Profit() {
				return a.Profit() > b.Profit()
			}
		case repByMargin:
			ma, oka := a.MarginPermille()
			mb, okb := b.MarginPermille()
			if oka != okb {
				return oka
			}
			if ma != mb {
				return ma > mb
			}
		}
		return a.Key < b.Key
	})
}

// askPeriod asks for the period's first day, then its last; empty answers
// mean the default (twelve months ending this month).
func (s *reportsScreen) askPeriod() tea.Cmd {
	shown := func(t time.Time) string { return store.FormatDate(t) }
	optional := func(v string) error {
		if v == "" {
			return nil
		}
		return checkDate(v)
	}
	return s.prompt(s.p.T("rep.from_prompt"), shown(s.from), optional, func(v string) tea.Cmd {
		from, _ := store.ParseDate(v) // zero when empty
		return s.prompt(s.p.T("rep.to_prompt"), shown(s.to), func(v string) error {
			if err := optional(v); err != nil || v == "" || from.IsZero() {
				return err
			}
			if to, _ := store.ParseDate(v); to.Before(from) {
				return store.Invalid("to", "report.to_before_from", store.FormatDate(from))
			}
			return nil
		}, func(v string) tea.Cmd {
			to, _ := store.ParseDate(v)
			s.from, s.to = from, to
			a, b := s.period()
			return tea.Batch(s.reload(), status(s.p.T("rep.period_set", store.FormatDate(a), store.FormatDate(b))))
		})
	})
}

func (s *reportsScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	for v, r := range s.ranked {
		if r != nil && s.data[v].loaded {
			s.layoutRanked(v)
		}
	}
	if s.data[repBalances].loaded {
		s.layoutBalances()
	}
}

func (s *reportsScreen) ShortHelp() []key.Binding {
	views := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", s.p.T("key.report_view")))
	keys := []key.Binding{views, s.keys.Period}
	if s.ranked[s.view] != nil {
		keys = append(keys, s.keys.Sort, s.nav.Up, s.nav.Down)
	}
	if s.view == repBalances {
		keys = append(keys, s.keys.Export, s.nav.Up, s.nav.Down)
	}
	return keys
}

func (s *reportsScreen) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.keys.PrevView, s.keys.NextView, s.keys.Period, s.keys.Sort, s.keys.Export},
		{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom, s.nav.PageUp, s.nav.PageDown},
	}
}
