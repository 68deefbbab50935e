package tui

import (
	"fmt"
	"io"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/pdf"
	"daicho/store"
)

// Actions on the overdue screen: record a payment, log a reminder, write a
// reminder PDF (or mail it: tui/mail.go), change the as-of date.

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
// records it as a bank transfer dated today, puts it on what is open today on
// the selected invoice first (the list may be as of another day) and the rest
// on the customer's other open invoices, oldest due first.
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
			// What is open today: the list may be as of another day.
			b, err := st.InvoiceBalance(ctx, t.invoiceID)
			if err != nil {
				return overdueDoneMsg{text: p.T("overdue.paid_unallocated", amount.Format(cur), t.name, p.Error(err)), err: true}
			}
			if first := min(amount, b.Open); first > 0 {
				if err := st.Allocate(ctx, pay.ID, t.invoiceID, first); err != nil {
					return overdueDoneMsg{text: p.T("overdue.paid_unallocated", amount.Format(cur), t.name, p.Error(err)), err: true}
				}
				allocs = append(allocs, store.Allocation{InvoiceNumber: t.number, Amount: first})
			}
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

// reminderAsOf is the day reminders are made for: the day the list shows
// (chosen with D), so a reminder lists the invoices and figures on screen.
func (s *overdueScreen) reminderAsOf() time.Time {
	if s.loaded && !s.shownAsOf.IsZero() {
		return s.shownAsOf
	}
	if !s.asOf.IsZero() {
		return s.asOf
	}
	return s.today()
}

// askReminderPDF asks for the date to pay by, then writes the reminder.
func (s *overdueScreen) askReminderPDF(t overdueTarget) tea.Cmd {
	payBy := store.FormatDate(s.today().AddDate(0, 0, 14))
	return s.prompt(s.p.T("overdue.pay_by", t.name), payBy, checkDate, func(v string) tea.Cmd {
		d, _ := store.ParseDate(v)
		return s.exportReminder(t.customerID, d, false)
	})
}

// exportReminder writes a reminder listing the customer's invoices overdue
// as of the screen's day into the exports folder (force: over a file of the
// same name); the answer comes back as a reminderExportedMsg.
func (s *overdueScreen) exportReminder(customerID int64, payBy time.Time, force bool) tea.Cmd {
	st, ctx, p, asOf := s.st, s.ctx, s.p, s.reminderAsOf()
	var export func(force bool) tea.Cmd
	export = func(force bool) tea.Cmd {
		return func() tea.Msg {
			fail := func(err error) tea.Msg { return reminderExportedMsg{exportedMsg{err: err}} }
			r, err := pdf.BuildReminder(ctx, st, customerID, asOf, payBy) // as the reminder mail gathers it
			if err != nil {
				return fail(err)
			}
			company, cu := r.Company, r.Customer
			if len(r.Invoices) == 0 {
				return statusMsg{text: p.T("overdue.nothing_overdue", cu.Code, store.FoldDisplay(cu.Name),
					store.FormatDate(asOf)), err: true}
			}
			ex := pdf.Exporter{Dir: s.exportsDir(company), Force: force, Channel: store.SentExport}
			msg := exportResult(ex.WriteKept(ctx, st, pdf.ReminderFileName(cu.Code, asOf), func(w io.Writer) error {
				return pdf.RenderReminder(w, r)
			}, pdf.ReminderSent(r)))
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
	return []key.Binding{s.rec.Filter, s.keys.Pay, s.keys.Mail, s.keys.Remind, s.rec.Inquiry, s.keys.ReminderPDF, s.keys.AsOf,
		s.keys.PerCustomer, s.keys.Sort}
}

func (s *overdueScreen) FullHelp() [][]key.Binding {
	if s.search.active {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{
		{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom, s.nav.PageUp, s.nav.PageDown},
		{s.rec.Filter, s.rec.Back, s.keys.AsOf, s.keys.PerCustomer, s.keys.Sort, s.rec.Open},
		{s.keys.Pay, s.keys.Mail, s.keys.Remind, s.keys.ReminderPDF, s.rec.Inquiry},
		{s.keys.SendStage, s.keys.Hold, s.keys.WriteOff},
	}
}
