package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The payments screen (入金): every payment with how much of it is allocated;
// n records one and allocates it, enter shows one, R reverses one, a
// allocates what is left of it, b opens the bank reconciliation. The
// allocation and reconciliation views have files of their own.

type paymentsScreen struct {
	env
	nav  ListKeyMap
	keys PaymentKeyMap
	rec  RecordKeyMap

	list   *recordList[paymentRow]
	search searchLine
	loaded bool

	// The list, one payment, or over them the allocation of one payment or
	// the bank reconciliation.
	recordViews[subView]

	detail   store.Payment
	reversal store.Payment // the record that reversed detail, if it is reversed
	allocs   []store.Allocation
	bank     *reconcileView // kept when closed: it reopens where it was

	width, height int
}

type paymentRow struct {
	store.Payment
	search string
}

type (
	paymentsLoadedMsg struct {
		rows    []paymentRow
		focusID int64
		err     error
	}
	paymentOpenedMsg struct {
		p        store.Payment
		allocs   []store.Allocation
		reversal store.Payment // the record that reversed p, if p.Reversed
		err      error
	}
	// paymentChangedMsg: a payment was recorded, allocated or reversed.
	paymentChangedMsg struct {
		id     int64
		status string
	}
	paymentFailedMsg struct{ err error }
)

func newPaymentsScreen(e env) *paymentsScreen {
	s := &paymentsScreen{env: e, nav: DefaultListKeyMap(e.p), keys: DefaultPaymentKeyMap(e.p), rec: DefaultRecordKeyMap(e.p),
		search: newSearchLine(e.p, e.styles, e.p.T("pay.search_placeholder"))}
	s.list = newRecordList([]Column{
		{Title: e.p.T("field.date"), Min: 10, Whole: true},
		{Title: e.p.T("docs.col_customer"), Min: 14, Grow: 3},
		{Title: e.p.T("pay.col_payer"), Min: 10, Grow: 2},
		{Title: e.p.T("pay.col_amount"), Min: 11, Right: true},
		{Title: e.p.T("pay.col_unapplied"), Min: 11, Right: true},
		{Title: e.p.T("pay.col_method"), Min: 8},
	}, s.nav, e.styles, func(r *paymentRow) int64 { return r.ID })
	s.list.Cell = s.cell
	s.list.Dim = func(r int) bool { p := s.list.Row(r); return p.Reversed || p.ReversesID != 0 }
	return s
}

func (s *paymentsScreen) Title() string { return s.p.T("tab.payments") }

func (s *paymentsScreen) Init() tea.Cmd { return s.load(0) }

func (s *paymentsScreen) load(focusID int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		ps, err := st.Payments(ctx, store.PaymentFilter{})
		if err != nil {
			return paymentsLoadedMsg{err: err}
		}
		rows := make([]paymentRow, len(ps))
		for i, p := range ps {
			p.CustomerName, p.PayerName = store.FoldDisplay(p.CustomerName), store.FoldDisplay(p.PayerName)
			rows[i] = paymentRow{Payment: p, search: store.FoldSearch(strings.Join(
				[]string{p.CustomerCode, p.CustomerName, p.PayerName, p.Reference, p.Memo}, "\x00"))}
		}
		return paymentsLoadedMsg{rows: rows, focusID: focusID}
	}
}

func (s *paymentsScreen) cell(r, c int) string {
	p := s.list.Row(r)
	switch c {
	case 0:
		return store.FormatDate(p.Date)
	case 1:
		return p.CustomerCode + " " + p.CustomerName
	case 2:
		return p.PayerName
	case 3:
		return s.money(p.Amount)
	case 4:
		if p.Reversed || p.ReversesID != 0 {
			return s.p.T("pay.reversed")
		}
		return s.money(p.Amount - p.Allocated)
	default:
		return s.p.T("method." + p.Method)
	}
}

func (s *paymentsScreen) applyFilter() {
	words := s.search.Words()
	s.list.Filter(func(r *paymentRow) bool { return matchesAll(r.search, words) })
}

func (s *paymentsScreen) SetSize(w, h int) {
	s.width, s.height = w, h
	s.list.SetSize(w, h-2)
	s.search.SetWidth(w)
	if s.bank != nil {
		s.bank.SetSize(w, h)
	}
	s.sizeEditor(w, h)
}

func (s *paymentsScreen) Capturing() bool { return s.search.active || s.editorCapturing() }

func (s *paymentsScreen) Dirty() bool { return s.editorDirty() }

// allocating is the allocation view, while it is open.
func (s *paymentsScreen) allocating() (*allocateView, bool) {
	v, ok := s.editor.(*allocateView)
	return v, ok && s.editing()
}

func (s *paymentsScreen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case paymentsLoadedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.loaded = true
		s.list.Replace(msg.rows, msg.focusID, s.applyFilter)
		return nil
	case paymentOpenedMsg:
		if msg.err != nil {
			return statusErr(s.p.Error(msg.err))
		}
		s.detail, s.allocs, s.reversal = msg.p, msg.allocs, msg.reversal
		s.showDetail()
		return nil
	case paymentChangedMsg:
		if _, ok := s.allocating(); ok {
			s.showDetail()
		}
		return tea.Batch(s.load(msg.id), s.open(msg.id), status(msg.status))
	case paymentFailedMsg:
		if v, ok := s.allocating(); ok {
			v.err = s.p.Error(msg.err)
		}
		return statusErr(s.p.Error(msg.err))
	case allocationLoadedMsg:
		return s.startAllocation(msg)
	case reconcileClosedMsg:
		s.showList()
		return s.load(0)
	case overdueDoneMsg: // a payment recorded from the overdue screen
		return s.load(0)
	case receiptIssuedMsg:
		return s.receiptIssued(msg)
	case exportedMsg:
		return s.exported(msg)
	}
	if _, isKey := msg.(tea.KeyPressMsg); !isKey && s.bank != nil {
		return s.bank.Update(msg) // its loads, also while it is closed
	}
	return s.route(msg, s.listKey, s.detailKey)
}

func (s *paymentsScreen) listKey(k tea.KeyPressMsg) tea.Cmd {
	if handled, cmd := s.search.listKey(k, s.list, s.applyFilter, nil); handled {
		return cmd
	}
	row, ok := s.list.Selected()
	switch {
	case key.Matches(k, s.keys.New):
		return s.newPayment()
	case key.Matches(k, s.keys.Bank):
		return s.openReconcile()
	case ok && key.Matches(k, s.rec.Open):
		return s.open(row.ID)
	case ok:
		return s.paymentAction(k, row.Payment)
	}
	return nil
}

func (s *paymentsScreen) detailKey(k tea.KeyPressMsg) tea.Cmd {
	if key.Matches(k, s.rec.Back) {
		s.showList()
		return nil
	}
	return s.paymentAction(k, s.detail)
}

// paymentAction runs a key on one payment: reverse it, or allocate its rest.
func (s *paymentsScreen) paymentAction(k tea.KeyPressMsg, p store.Payment) tea.Cmd {
	switch {
	case key.Matches(k, s.keys.Reverse):
		st, ctx := s.st, s.ctx
		return askIfAllowed(func() error { return st.ReversalCheck(ctx, p.ID) }, func() tea.Cmd {
			return s.prompt(s.p.T("pay.reverse_reason"), "", required, func(reason string) tea.Cmd {
				return s.do(func() (int64, error) { return p.ID, st.ReversePayment(ctx, p.ID, reason) }, "pay.reversed_done")
			})
		})
	case key.Matches(k, s.keys.Allocate):
		return s.loadAllocation(p.ID)
	case key.Matches(k, s.keys.Receipt):
		return s.issueReceipt(p)
	case key.Matches(k, s.rec.Inquiry):
		return openInquiryForm(s.env, p.CustomerID, 0)
	}
	return nil
}

// do runs a store call that changes a payment and reports it.
func (s *paymentsScreen) do(call func() (int64, error), done string) tea.Cmd {
	p := s.p
	return func() tea.Msg {
		id, err := call()
		if err != nil {
			return paymentFailedMsg{err}
		}
		return paymentChangedMsg{id: id, status: p.T(done)}
	}
}

func (s *paymentsScreen) open(id int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		p, allocs, err := st.Payment(ctx, id)
		msg := paymentOpenedMsg{p: p, allocs: allocs, err: err}
		if err == nil && p.Reversed {
			msg.reversal, msg.err = st.ReversalOf(ctx, id)
		}
		return msg
	}
}

// newPayment asks whose payment, how much and when, records it (by bank
// transfer unless chosen otherwise) and opens the allocation.
func (s *paymentsScreen) newPayment() tea.Cmd {
	return s.pickCustomer(s.p.T("pay.pick_customer"), s.refs.customers, func(c store.CustomerSummary) tea.Cmd {
		return s.prompt(s.p.T("pay.amount", c.Code, store.FoldDisplay(c.Name)), "", checkMoney(s.env), func(amount string) tea.Cmd {
			m, _ := store.ParseMoney(amount, s.currency())
			today := store.FormatDate(store.Today(s.st.Now()))
			return s.prompt(s.p.T("pay.date"), today, checkDate, func(date string) tea.Cmd {
				d, _ := store.ParseDate(date)
				record := func(method string) func() tea.Cmd {
					return func() tea.Cmd {
						st, ctx := s.st, s.ctx
						return func() tea.Msg {
							p := store.Payment{CustomerID: c.ID, Date: d, Amount: m, Method: method}
							if err := st.RecordPayment(ctx, &p); err != nil {
								return paymentFailedMsg{err}
							}
							return s.allocationFor(p.ID)
						}
					}
				}
				var opts []option
				for i, m := range []string{store.PayBankTransfer, store.PayCash, store.PayCard, store.PayDirectDebit, store.PayOther} {
					opts = append(opts, option{fmt.Sprint(i + 1), s.p.T("method." + m), record(m)})
				}
				return s.choose(s.p.T("pay.method"), opts...)
			})
		})
	})
}

// checkMoney checks an amount as typed, in the company's currency.
func checkMoney(e env) func(string) error {
	return func(v string) error {
		m, err := store.ParseMoney(v, e.currency())
		if err == nil && m <= 0 {
			return store.Invalid("", "money.positive")
		}
		return err
	}
}

func (s *paymentsScreen) View() string {
	if s.height <= 0 {
		return ""
	}
	return s.render(s.listView, s.detailView)
}

func (s *paymentsScreen) listView() string {
	title := s.styles.Title.Render(s.p.T("pay.title")) + "  " +
		s.styles.Dim.Render(s.p.T("customers.count", s.list.Visible(), len(s.list.rows)))
	if s.loaded && len(s.list.rows) == 0 {
		return title + "\n\n" + s.p.T("pay.empty")
	}
	return title + "\n" + s.search.View(s.p.T("pay.search_hint"), s.styles) + "\n" + s.list.View()
}

func (s *paymentsScreen) detailView() string {
	p, pr := s.detail, s.p
	lines := []string{
		s.styles.Title.Render(pr.T("pay.detail_title", store.FormatDate(p.Date), p.Amount.Format(s.currency()))),
		p.CustomerCode + "  " + store.FoldDisplay(p.CustomerName),
		pr.T("pay.col_method") + ": " + pr.T("method."+p.Method) + "   " + pr.T("pay.col_payer") + ": " + store.FoldDisplay(p.PayerName),
	}
	if p.Reference != "" || p.Memo != "" {
		lines = append(lines, strings.TrimSpace(p.Reference+"  "+p.Memo))
	}
	switch {
	case p.Reversed: // what it was reversed for, not a credit it no longer gives
		r := s.reversal
		lines = append(lines, s.styles.StatusError.Render(pr.T("pay.reversed_on", store.FormatDate(r.Date), r.Reason)))
	case p.ReversesID != 0:
		lines = append(lines, s.styles.StatusError.Render(pr.T("pay.reversal")+": "+p.Reason))
	default: // the same figure as the CLI's unapplied column
		lines = append(lines, pr.T("pay.unapplied", p.Rest().Format(s.currency())))
	}
	lines = append(lines, "", s.styles.Header.Render(pr.T("pay.allocations")))
	for _, a := range s.allocs {
		line := fmt.Sprintf("%s  %s  %12s", a.CreatedAt.Local().Format("2006-01-02"), fit(a.InvoiceNumber, 12, false), s.money(a.Amount))
		if a.ReversesID != 0 {
			line += "  " + pr.T("pay.reversal") + ": " + a.Reason
		}
		lines = append(lines, line)
	}
	return strings.Join(lines[:min(len(lines), s.height)], "\n")
}

func (s *paymentsScreen) ShortHelp() []key.Binding { return s.shortHelp(s.listHelp, s.detailHelp) }

// detailHelp offers allocate and reverse only on a live payment: a reversed
// payment, or the reversal record, has nothing left to do either with.
func (s *paymentsScreen) detailHelp() []key.Binding {
	if p := s.detail; p.Reversed || p.ReversesID != 0 {
		return []key.Binding{s.rec.Inquiry, s.rec.Back}
	}
	return []key.Binding{s.keys.Allocate, s.keys.Reverse, s.keys.Receipt, s.rec.Inquiry, s.rec.Back}
}

func (s *paymentsScreen) listHelp() []key.Binding {
	if s.search.active {
		return s.search.ShortHelp()
	}
	return []key.Binding{s.rec.Filter, s.rec.Open, s.keys.New, s.keys.Allocate, s.keys.Reverse, s.rec.Inquiry, s.keys.Bank}
}

func (s *paymentsScreen) FullHelp() [][]key.Binding {
	if s.editing() { // the allocation or the bank reconciliation
		return s.editor.FullHelp()
	}
	if s.mode != modeList || s.search.active {
		return [][]key.Binding{s.ShortHelp()}
	}
	return [][]key.Binding{
		{s.nav.Up, s.nav.Down, s.nav.Top, s.nav.Bottom, s.nav.PageUp, s.nav.PageDown},
		{s.rec.Filter, s.rec.Back, s.rec.Open},
		{s.keys.New, s.keys.Allocate, s.keys.Reverse, s.keys.Bank, s.rec.Inquiry},
	}
}
