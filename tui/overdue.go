package tui

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/pdf"
	"daicho/store"
)

// The overdue screen (延滞): every issued invoice with something open after
// its due date, as of today or a date chosen with D, the most overdue first.
// Above the list, the open amount per aging bucket and in all; v shows one
// row per customer instead. Actions on the selected invoice (or customer):
// n records a payment, m logs a reminder, p writes a reminder PDF.

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
		keys: DefaultOverdueKeyMap(e.p), search: newSearchLine(e, e.p.T("overdue.search_placeholder"))}
	s.list = newRecordList([]Column{
		{Title: e.p.T("docs.col_number"), Min: 12},
		{Title: e.p.T("docs.col_customer"), Min: 14, Grow: 3},
		{Title: e.p.T("customers.col_person"), Min: 8, Grow: 1},
		{Title: e.p.T("overdue.col_due"), Min: 10},
		{Title: e.p.T("overdue.col_days"), Min: 5, Right: true},
		{Title: e.p.T("overdue.col_open"), Min: 12, Right: true},
		{Title: e.p.T("overdue.col_bucket"), Min: 8},
	}, s.nav, e.styles, func(r *overdueRow) int64 { return r.InvoiceID })
	s.list.Cell = s.cell
	s.customers = newRecordList([]Column{
		{Title: e.p.T("field.code"), Min: 7},
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
	default:
		return s.p.T("overdue.bucket." + row.Bucket)
	}
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
		return s.p.T("overdue.days", row.Oldest)
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
			if line := s.startupLine(); line != "" {
				return status(line)
			}
		}
		return nil
	case overdueDoneMsg:
		if msg.err {
			return tea.Batch(s.load(), statusErr(msg.text))
		}
		return tea.Batch(s.load(), status(msg.text))
	case reminderExportedMsg:
		return s.exported(msg.exportedMsg)
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
	if s.search.active {
		changed, cmd := s.search.Key(k)
		if changed {
			s.applyFilter()
		}
		return cmd
	}
	if s.perCust && s.customers.Update(k) || !s.perCust && s.list.Update(k) {
		return nil
	}
	switch {
	case key.Matches(k, s.rec.Filter):
		return s.search.Start()
	case key.Matches(k, s.rec.Back):
		s.search.Clear()
		s.customerID, s.customer = 0, ""
		s.applyFilter()
		return nil
	case key.Matches(k, s.keys.AsOf):
		return s.askAsOf()
	case key.Matches(k, s.keys.PerCustomer):
		s.perCust = !s.perCust
		if !s.perCust && s.customerID != 0 {
			s.customerID, s.customer = 0, ""
			s.applyFilter()
		}
		return nil
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
	case key.Matches(k, s.keys.ReminderPDF):
		return s.askReminderPDF(t)
	}
	return nil
}

// overdueTarget is what an action works on: the selected invoice, or in the
// per-customer view the selected customer's account as a whole.
type overdueTarget struct {
	customerID int64
	code, name string
	invoiceID  int64 // 0: the customer's account
	number     string
	open       store.Money
}

func (s *overdueScreen) target() (overdueTarget, bool) {
	if s.perCust {
		c, ok := s.customers.Selected()
		if !ok {
			return overdueTarget{}, false
		}
		return overdueTarget{customerID: c.CustomerID, code: c.Code, name: c.Name, open: c.Total}, true
	}
	r, ok := s.list.Selected()
	if !ok {
		return overdueTarget{}, false
	}
	return overdueTarget{customerID: r.CustomerID, code: r.CustomerCode, name: r.CustomerName,
		invoiceID: r.InvoiceID, number: r.Number, open: r.Open}, true
}

// askAsOf asks for the date the list is as of; empty means today.
func (s *overdueScreen) askAsOf() tea.Cmd {
	current := ""
	if !s.asOf.IsZero() {
		current = store.FormatDate(s.asOf)
	}
	return s.prompt(s.p.T("overdue.as_of_prompt"), current, func(v string) error {
		if v == "" {
			return nil
		}
		return checkDate(v)
	}, func(v string) tea.Cmd {
		s.asOf = time.Time{}
		if v != "" {
			s.asOf, _ = store.ParseDate(v)
		}
		return s.load()
	})
}

// askPayment asks how much was received (the open amount unless changed),
// records it as a bank transfer dated today, puts it on the selected invoice
// first and the rest on the customer's other open invoices, oldest due first.
func (s *overdueScreen) askPayment(t overdueTarget) tea.Cmd {
	question := s.p.T("overdue.pay_prompt", t.code, t.name, t.open.Format(s.currency()))
	return s.prompt(question, s.money(t.open), checkMoney(s.env), func(v string) tea.Cmd {
		amount, _ := store.ParseMoney(v, s.currency())
		return s.recordPayment(t, amount)
	})
}

func (s *overdueScreen) recordPayment(t overdueTarget, amount store.Money) tea.Cmd {
	st, ctx, p, cur, today := s.st, s.ctx, s.p, s.currency(), s.today()
	return func() tea.Msg {
		pay := store.Payment{CustomerID: t.customerID, Date: today, Amount: amount, Method: store.PayBankTransfer,
			Memo: t.number}
		if err := st.RecordPayment(ctx, &pay); err != nil {
			return overdueDoneMsg{text: p.Error(err), err: true}
		}
		var allocs []store.Allocation
		if t.invoiceID != 0 {
			first := min(amount, t.open)
			if err := st.Allocate(ctx, pay.ID, t.invoiceID, first); err != nil {
				return overdueDoneMsg{text: p.T("overdue.paid_unallocated", amount.Format(cur), t.name, p.Error(err)), err: true}
			}
			allocs = append(allocs, store.Allocation{InvoiceNumber: t.number, Amount: first})
		}
		more, err := st.AutoAllocate(ctx, pay.ID)
		if err != nil {
			return overdueDoneMsg{text: p.T("overdue.paid_unallocated", amount.Format(cur), t.name, p.Error(err)), err: true}
		}
		allocs = append(allocs, more...)
		return overdueDoneMsg{text: paymentSentence(p.T, cur, amount, t.name, allocs)}
	}
}

// paymentSentence says what became of a payment: the invoices it settled and
// what is left as the customer's credit.
func paymentSentence(T func(string, ...any) string, cur store.Currency, amount store.Money, name string,
	allocs []store.Allocation) string {
	if len(allocs) == 0 {
		return T("overdue.paid_none", amount.Format(cur), name)
	}
	parts := make([]string, len(allocs))
	rest := amount
	for i, a := range allocs {
		parts[i] = a.InvoiceNumber + " " + a.Amount.Format(cur)
		rest -= a.Amount
	}
	if rest > 0 {
		return T("overdue.paid_credit", amount.Format(cur), name, strings.Join(parts, ", "), rest.Format(cur))
	}
	return T("overdue.paid", amount.Format(cur), name, strings.Join(parts, ", "))
}

// askReminder asks how the customer was reminded, then for a note, and logs
// it dated today (about the selected invoice, or the whole account).
func (s *overdueScreen) askReminder(t overdueTarget) tea.Cmd {
	about := t.number
	if about == "" {
		about = t.code
	}
	log := func(method string) func() tea.Cmd {
		return func() tea.Cmd {
			return s.prompt(s.p.T("overdue.remind_note", s.p.T("remind."+method)), "", nil, func(note string) tea.Cmd {
				st, ctx, p, today := s.st, s.ctx, s.p, s.today()
				return func() tea.Msg {
					r := store.ReminderLog{CustomerID: t.customerID, InvoiceID: t.invoiceID, Date: today, Method: method, Note: note}
					if err := st.LogReminder(ctx, &r); err != nil {
						return overdueDoneMsg{text: p.Error(err), err: true}
					}
					return overdueDoneMsg{text: p.T("overdue.reminded", p.T("remind."+method), t.name, about)}
				}
			})
		}
	}
	opts := make([]option, 0, len(store.ReminderMethods))
	for i, m := range store.ReminderMethods {
		opts = append(opts, option{fmt.Sprint(i + 1), s.p.T("remind." + m), log(m)})
	}
	return s.choose(s.p.T("overdue.remind_how", t.name, about), opts...)
}

// askReminderPDF asks for the date to pay by, then writes the reminder.
func (s *overdueScreen) askReminderPDF(t overdueTarget) tea.Cmd {
	payBy := store.FormatDate(s.today().AddDate(0, 0, 14))
	return s.prompt(s.p.T("overdue.pay_by", t.name), payBy, checkDate, func(v string) tea.Cmd {
		d, _ := store.ParseDate(v)
		return s.exportReminder(t.customerID, d, false)
	})
}

// exportReminder writes a reminder dated today listing the customer's
// invoices overdue today into the exports folder (force: over a file of the
// same name); the answer comes back as a reminderExportedMsg.
func (s *overdueScreen) exportReminder(customerID int64, payBy time.Time, force bool) tea.Cmd {
	st, ctx, p, today := s.st, s.ctx, s.p, s.today()
	var export func(force bool) tea.Cmd
	export = func(force bool) tea.Cmd {
		return func() tea.Msg {
			fail := func(err error) tea.Msg { return reminderExportedMsg{exportedMsg{err: err}} }
			company, err := st.Company(ctx)
			if err != nil {
				return fail(err)
			}
			cu, err := st.Customer(ctx, customerID)
			if err != nil {
				return fail(err)
			}
			open, err := st.InvoiceBalances(ctx, store.BalanceFilter{CustomerID: customerID, OpenOnly: true})
			if err != nil {
				return fail(err)
			}
			r := pdf.Reminder{Company: company, Customer: cu, Date: today, PayBy: payBy}
			for _, b := range open {
				if b.Status(today) == store.BalanceOverdue {
					r.Invoices = append(r.Invoices, pdf.ReminderInvoice{Number: b.Number, IssueDate: b.IssueDate,
						DueDate: b.DueDate, Total: b.Total, Open: b.Open})
				}
			}
			if len(r.Invoices) == 0 {
				return statusMsg{text: p.T("overdue.nothing_overdue", cu.Code, store.FoldDisplay(cu.Name),
					store.FormatDate(today)), err: true}
			}
			ex := pdf.Exporter{Dir: pdf.ExportsDir(company, st.Path()), Force: force}
			msg := exportResult(ex.Write(pdf.ReminderFileName(cu.Code, today), func(w io.Writer) error {
				return pdf.RenderReminder(w, r)
			}))
			msg.retry = export(true)
			return reminderExportedMsg{msg}
		}
	}
	return export(force)
}

func (s *overdueScreen) View() string {
	if s.height <= 0 {
		return ""
	}
	title := s.titleLine()
	if !s.loaded {
		return title + "\n" + s.styles.Dim.Render(s.p.T("loading"))
	}
	if len(s.list.rows) == 0 {
		return title + "\n\n" + s.p.T("overdue.empty", store.FormatDate(s.shownAsOf))
	}
	search := ansi.Truncate(s.search.View(s.p.T("overdue.search_hint"), s.styles), s.width, "…")
	table := s.list.View()
	if s.perCust {
		table = s.customers.View()
	}
	return title + "\n" + s.summaryView() + "\n" + search + "\n" + table
}

// titleLine: "Overdue as of 2026-11-26  12 of 40  sorted by days overdue".
func (s *overdueScreen) titleLine() string {
	asOf := s.shownAsOf
	if !s.loaded {
		asOf = s.asOf
		if asOf.IsZero() {
			asOf = s.today()
		}
	}
	title := s.styles.Title.Render(s.p.T("overdue.title", store.FormatDate(asOf)))
	if !s.loaded {
		return title
	}
	shown, all := s.list.Visible(), len(s.list.rows)
	if s.perCust {
		shown, all = s.customers.Visible(), len(s.customers.rows)
	}
	sorts := []string{"overdue.sort_days", "overdue.sort_amount", "overdue.sort_customer"}
	title += "  " + s.styles.Dim.Render(s.p.T("customers.count", shown, all)+"  "+
		s.p.T("customers.sorted_by", s.p.T(sorts[s.sortBy])))
	switch {
	case s.perCust:
		title += "  " + s.styles.FocusLabel.Render(s.p.T("overdue.per_customer"))
	case s.customer != "":
		title += "  " + s.styles.FocusLabel.Render(s.customer)
	}
	return fit(title, s.width, false)
}

// summaryView is three lines of five right-aligned cells, each bucket and
// the total: its name, the open amount and the number of invoices.
func (s *overdueScreen) summaryView() string {
	const cells = 5
	gap := 2
	if (s.width-(cells-1)*gap)/cells < 15 { // room for ¥12,345,678,901
		gap = 1
	}
	w := max(6, (s.width-(cells-1)*gap)/cells)
	sep := strings.Repeat(" ", gap)
	var names, amounts, counts []string
	add := func(name string, amount store.Money, count int) {
		names = append(names, fit(name, w, true))
		amounts = append(amounts, fit(amount.Format(s.currency()), w, true))
		counts = append(counts, fit(s.p.T("overdue.count", count), w, true))
	}
	for _, b := range store.AgingBuckets {
		add(s.p.T("overdue.bucket_days", s.p.T("overdue.bucket."+b)), s.summary.Buckets[b], s.summary.Counts[b])
	}
	add(s.p.T("overdue.total"), s.summary.Total, s.summary.Count)
	return s.styles.Title.Render(strings.Join(names, sep)) + "\n" + strings.Join(amounts, sep) + "\n" +
		s.styles.Dim.Render(strings.Join(counts, sep))
}

func (s *overdueScreen) ShortHelp() []key.Binding {
	if s.search.active {
		return s.search.ShortHelp()
	}
	return []key.Binding{s.rec.Filter, s.keys.Pay, s.keys.Remind, s.keys.ReminderPDF, s.keys.AsOf,
		s.keys.PerCustomer, s.keys.Sort}
}

func (s *overdueScreen) FullHelp() [][]key.Binding {
	if s.search.active {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{
		{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom, s.nav.PageUp, s.nav.PageDown},
		{s.rec.Filter, s.rec.Back, s.keys.AsOf, s.keys.PerCustomer, s.keys.Sort, s.rec.Open},
		{s.keys.Pay, s.keys.Remind, s.keys.ReminderPDF},
	}
}
