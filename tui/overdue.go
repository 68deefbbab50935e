package tui

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The overdue screen (延滞): every issued invoice with something open after
// its due date, as of today or a date chosen with D (counting only what is
// dated by then), the most overdue first. Above the list, the open amount per
// aging bucket and in all; v shows one row per customer instead. Actions on
// the selected invoice (or customer): n records a payment, L logs a
// reminder, p writes a reminder PDF and m mails it — reminders as of the
// day the list shows.

// Sort orders, cycled with s.
const (
	overdueByDays = iota // the store's order: most overdue first, then by number
	overdueByAmount
	overdueByCustomer
	overdueSorts
)

// overdueRow is one overdue invoice with its search and sort keys computed
// once at load time.
type overdueRow struct {
	store.OverdueInvoice
	search  string
	nameKey string
}

// agingRow is one customer's overdue total (the per-customer view).
type agingRow struct {
	store.CustomerAging
	search  string
	nameKey string
}

type overdueScreen struct {
	env
	nav  ListKeyMap
	rec  RecordKeyMap
	keys OverdueKeyMap

	list      *recordList[overdueRow]
	customers *recordList[agingRow]
	search    searchLine

	asOf       time.Time // chosen with D; zero: today
	shownAsOf  time.Time // the date of the rows shown
	summary    store.AgingSummary
	sortBy     int
	perCust    bool
	customerID int64 // invoices of one customer only (enter in the per-customer view)
	customer   string
	loaded     bool
	announced  bool // the start-up status line has been sent
	loads      int  // loads started: only the latest one's rows are shown

	width, height int
}

type (
	overdueLoadedMsg struct {
		load      int
		asOf      time.Time
		rows      []overdueRow
		customers []agingRow
		summary   store.AgingSummary
		err       error
	}
	// overdueDoneMsg reports an action of the overdue screen: the list
	// reloads and text goes to the status line.
	overdueDoneMsg struct {
		text string
		err  bool
	}
	// reminderExportedMsg is an exportedMsg of the overdue screen's reminder
	// PDF (its own type: every screen sees every message).
	reminderExportedMsg struct{ exportedMsg }
)

func newOverdueScreen(e env) *overdueScreen {
	s := &overdueScreen{env: e, nav: DefaultListKeyMap(e.p), rec: DefaultRecordKeyMap(e.p),
		keys: DefaultOverdueKeyMap(e.p), search: newSearchLine(e.p, e.styles, e.p.T("overdue.search_placeholder"))}
	s.list = newRecordList([]Column{
		{Title: e.p.T("docs.col_number"), Min: 12, Whole: true},
		{Title: e.p.T("docs.col_customer"), Min: 14, Grow: 3},
		{Title: e.p.T("customers.col_person"), Min: 8, Grow: 1},
		{Title: e.p.T("overdue.col_due"), Min: 10, Whole: true},
		{Title: e.p.T("overdue.col_days"), Min: 5, Right: true},
		{Title: e.p.T("overdue.col_open"), Min: 12, Right: true},
		// The bucket is in the summary above: at 80 columns the next stage has its room.
		{Title: e.p.T("overdue.col_bucket"), Min: 8, WideOnly: 100},
		{Title: e.p.T("overdue.col_next"), Min: 13},
	}, s.nav, e.styles, func(r *overdueRow) int64 { return r.InvoiceID })
	s.list.Cell = s.cell
	s.customers = newRecordList([]Column{
		{Title: e.p.T("field.code"), Min: 7, Whole: true},
		{Title: e.p.T("docs.col_customer"), Min: 16, Grow: 3},
		{Title: e.p.T("customers.col_person"), Min: 8, Grow: 1},
		{Title: e.p.T("overdue.col_count"), Min: 6, Right: true},
		{Title: e.p.T("overdue.col_oldest"), Min: 8, Right: true},
		{Title: e.p.T("overdue.col_open"), Min: 14, Right: true},
	}, s.nav, e.styles, func(r *agingRow) int64 { return r.CustomerID })
	s.customers.Cell = s.customerCell
	return s
}

func (s *overdueScreen) Title() string { return s.p.T("tab.overdue") }

func (s *overdueScreen) Init() tea.Cmd { return s.load() }

func (s *overdueScreen) today() time.Time { return store.Today(s.st.Now()) }

// load reads the overdue invoices as of the chosen date (today when none),
// sums them and prepares the rows.
func (s *overdueScreen) load() tea.Cmd {
	s.loads++
	st, ctx, asOf, n := s.st, s.ctx, s.asOf, s.loads
	return func() tea.Msg {
		if asOf.IsZero() {
			asOf = store.Today(st.Now())
		}
		items, err := st.Overdue(ctx, asOf)
		if err == nil {
			err = st.AttachStages(ctx, asOf, items)
		}
		if err != nil {
			return overdueLoadedMsg{load: n, err: err}
		}
		sum := store.Aging(items)
		rows, customers := prepareOverdue(items, sum.ByCustomer)
		return overdueLoadedMsg{load: n, asOf: asOf, rows: rows, customers: customers, summary: sum}
	}
}

// prepareOverdue folds names and search keys once per customer (a customer
// has many invoices) and once per invoice number.
func prepareOverdue(items []store.OverdueInvoice, byCustomer []store.CustomerAging) ([]overdueRow, []agingRow) {
	type folded struct{ name, person, search, nameKey string }
	cache := make(map[int64]folded, len(byCustomer))
	customers := make([]agingRow, len(byCustomer))
	for i, c := range byCustomer {
		f := folded{name: store.FoldDisplay(c.Name), person: store.FoldDisplay(c.PersonInCharge)}
		// One fold per customer; the name key is its second part.
		f.search = store.FoldSearch(c.Code + "\x00" + f.name + "\x00" + f.person)
		f.nameKey = strings.SplitN(f.search, "\x00", 3)[1]
		cache[c.CustomerID] = f
		c.Name, c.PersonInCharge = f.name, f.person
		customers[i] = agingRow{CustomerAging: c, search: f.search, nameKey: f.nameKey}
	}
	rows := make([]overdueRow, len(items))
	for i, it := range items {
		f := cache[it.CustomerID]
		it.CustomerName, it.PersonInCharge = f.name, f.person
		rows[i] = overdueRow{OverdueInvoice: it, search: store.FoldSearch(it.Number) + "\x00" + f.search, nameKey: f.nameKey}
	}
	return rows, customers
}

// sortInvoices orders the invoices by the chosen key.
func (s *overdueScreen) sortInvoices() {
	rows := s.list.rows
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		switch {
		case s.sortBy == overdueByAmount && a.Open != b.Open:
			return a.Open > b.Open
		case s.sortBy == overdueByCustomer && a.nameKey != b.nameKey:
			return a.nameKey < b.nameKey
		case s.sortBy == overdueByCustomer && a.CustomerCode != b.CustomerCode:
			return a.CustomerCode < b.CustomerCode
		case a.DaysOverdue != b.DaysOverdue:
			return a.DaysOverdue > b.DaysOverdue
		}
		return a.Number < b.Number
	})
}

// sortCustomers orders the per-customer rows by the chosen key: by days, the
// oldest invoice; by amount, the total.
func (s *overdueScreen) sortCustomers() {
	cs := s.customers.rows
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := &cs[i], &cs[j]
		switch {
		case s.sortBy == overdueByDays && a.Oldest != b.Oldest:
			return a.Oldest > b.Oldest
		case s.sortBy == overdueByAmount && a.Total != b.Total:
			return a.Total > b.Total
		case s.sortBy == overdueByCustomer && a.nameKey != b.nameKey:
			return a.nameKey < b.nameKey
		}
		return a.Code < b.Code
	})
}

// applyFilter recomputes the visible rows of both lists from the search (and
// the customer chosen in the per-customer view).
func (s *overdueScreen) applyFilter() {
	words := s.search.Words()
	s.list.Filter(func(r *overdueRow) bool {
		return (s.customerID == 0 || r.CustomerID == s.customerID) && matchesAll(r.search, words)
	})
	s.customers.Filter(func(r *agingRow) bool { return matchesAll(r.search, words) })
}

func (s *overdueScreen) cell(r, c int) string {
	row := s.list.Row(r)
	switch c {
	case 0:
		return row.Number
	case 1:
		return row.CustomerName
	case 2:
		return row.PersonInCharge
	case 3:
		return store.FormatDate(row.DueDate)
	case 4:
		return fmt.Sprint(row.DaysOverdue)
	case 5:
		return s.money(row.Open)
	case 6:
		return s.p.T("overdue.bucket." + row.Bucket)
	default:
		return s.nextStageCell(row.Next)
	}
}

// nextStageCell is "firm 12-15", with a ! once it is due; "on hold" for a
// customer on hold, "—" when every stage was sent.
func (s *overdueScreen) nextStageCell(n store.StageDue) string {
	switch {
	case n.Held:
		return s.p.T("stage.held")
	case n.Stage == "":
		return "—"
	}
	cell := s.p.T("stage.short."+n.Stage) + " " + n.Date.Format("01-02")
	if n.Due {
		cell += "!"
	}
	return cell
}

func (s *overdueScreen) customerCell(r, c int) string {
	row := s.customers.Row(r)
	switch c {
	case 0:
		return row.Code
	case 1:
		return row.Name
	case 2:
		return row.PersonInCharge
	case 3:
		return fmt.Sprint(row.Count)
	case 4:
		return s.p.N("overdue.days", row.Oldest, row.Oldest)
	default:
		return s.money(row.Total)
	}
}

// Chrome above the lists: the title, three summary lines and the search line.
const overdueChrome = 5

func (s *overdueScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetSize(w, h-overdueChrome)
	s.customers.SetSize(w, h-overdueChrome)
	s.search.SetWidth(w)
}

func (s *overdueScreen) Capturing() bool { return s.search.active }

func (s *overdueScreen) Dirty() bool { return false }

func (s *overdueScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case overdueLoadedMsg:
		if msg.load != s.loads {
			return nil // a later load (another date, a change) is on its way
		}
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.shownAsOf, s.summary, s.loaded = msg.asOf, msg.summary, true
		selected, selectedCustomer := s.list.SelectedID(), s.customers.SelectedID()
		s.list.Load(msg.rows)
		s.customers.Load(msg.customers)
		if s.sortBy != overdueByDays { // the store's order is by days
			s.sortInvoices()
		}
		s.sortCustomers()
		s.applyFilter()
		s.list.Select(selected)
		s.customers.Select(selectedCustomer)
		if !s.announced {
			s.announced = true
			return s.announce(s.startupLine()) // with the held deposits (startup_held.go)
		}
		return nil
	case mailComposedMsg, mailSentMsg:
		return s.mailUpdate(s, s.height, msg)
	case overdueDoneMsg:
		if msg.err {
			return tea.Batch(s.load(), statusErr(msg.text))
		}
		return tea.Batch(s.load(), status(msg.text))
	case reminderExportedMsg:
		return s.exported(msg.exportedMsg)
	case stagePlanMsg:
		return s.stagePlan(msg)
	case writeOffDoneMsg: // the root says how it went
		return s.load()
	case docChangedMsg, paymentChangedMsg, reconcileClosedMsg:
		// Elsewhere an invoice was issued, voided or credited, or a payment
		// recorded, allocated or reversed: what is overdue may have changed.
		return s.load()
	case tea.KeyPressMsg:
		return s.key(msg)
	}
	return nil
}

// startupLine says how many invoices are overdue today and for how much
// ("" when none is: nothing to say).
func (s *overdueScreen) startupLine() string {
	switch s.summary.Count {
	case 0:
		return ""
	case 1:
		return s.p.T("overdue.startup_one", s.summary.Total.Format(s.currency()))
	}
	return s.p.T("overdue.startup", s.summary.Count, s.summary.Total.Format(s.currency()))
}

func (s *overdueScreen) key(k tea.KeyPressMsg) tea.Cmd {
	var shown cursorKeys = s.list
	if s.perCust {
		shown = s.customers
	}
	if handled, cmd := s.search.listKey(k, shown, s.applyFilter, func() { s.customerID, s.customer = 0, "" }); handled {
		return cmd
	}
	switch {
	case key.Matches(k, s.keys.AsOf):
		return s.askAsOf()
	case key.Matches(k, s.keys.PerCustomer):
		s.perCust = !s.perCust
		if !s.perCust && s.customerID != 0 {
			s.customerID, s.customer = 0, ""
			s.applyFilter()
		}
		return nil
	case key.Matches(k, s.keys.SendStage): // every due stage the list covers, not one row
		return s.askSendStages()
	case key.Matches(k, s.keys.Sort):
		s.sortBy = (s.sortBy + 1) % overdueSorts
		selected, selectedCustomer := s.list.SelectedID(), s.customers.SelectedID()
		s.sortInvoices()
		s.sortCustomers()
		s.applyFilter()
		s.list.Select(selected)
		s.customers.Select(selectedCustomer)
		return nil
	}
	t, ok := s.target()
	if !ok {
		return nil
	}
	switch {
	case s.perCust && key.Matches(k, s.rec.Open):
		// The customer's invoices, in the invoice view.
		s.customerID, s.customer, s.perCust = t.customerID, t.name, false
		s.applyFilter()
		s.list.SetCursor(0)
		return nil
	case key.Matches(k, s.keys.Pay):
		return s.askPayment(t)
	case key.Matches(k, s.keys.Remind):
		return s.askReminder(t)
	case key.Matches(k, s.keys.Mail): // the reminder PDF, to the customer's email
		return s.mailReminder(s, t.customerID, t.invoiceID, s.reminderAsOf())
	case key.Matches(k, s.keys.ReminderPDF):
		return s.askReminderPDF(t)
	case key.Matches(k, s.rec.Inquiry): // about the invoice (none in the per-customer view)
		return openInquiryForm(s.env, t.customerID, t.invoiceID)
	case key.Matches(k, s.keys.WriteOff) && t.invoiceID != 0:
		return askWriteOff(s.env, t.invoiceID)
	case key.Matches(k, s.keys.WriteOff):
		return statusErr(s.p.T("writeoff.choose_invoice"))
	case key.Matches(k, s.keys.Hold):
		return s.askHold(t)
	}
	return nil
}
