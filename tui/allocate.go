package tui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// allocateView spreads a payment over the customer's open invoices by
// keyboard: space applies what is left to the selected invoice (or takes it
// back), e types an amount, A fills oldest first; the remaining figure
// follows every key. ctrl+s records the allocations.
type allocateView struct {
	env
	keys     AllocateKeyMap
	payment  store.Payment
	list     *recordList[allocRow]
	err      string
	width    int
	height   int
	remained store.Money // the payment's unallocated rest when the view opened
}

type allocRow struct {
	store.InvoiceBalance
	apply store.Money
}

type allocationLoadedMsg struct {
	p        store.Payment
	invoices []store.InvoiceBalance
	err      error
}

// allocationFor loads what the allocation view needs; it runs inside a command.
func (s *paymentsScreen) allocationFor(paymentID int64) tea.Msg {
	p, _, err := s.st.Payment(s.ctx, paymentID)
	if err != nil {
		return allocationLoadedMsg{err: err}
	}
	inv, err := s.st.InvoiceBalances(s.ctx, store.BalanceFilter{CustomerID: p.CustomerID, OpenOnly: true})
	return allocationLoadedMsg{p: p, invoices: inv, err: err}
}

func (s *paymentsScreen) loadAllocation(paymentID int64) tea.Cmd {
	return func() tea.Msg { return s.allocationFor(paymentID) }
}

func (s *paymentsScreen) startAllocation(msg allocationLoadedMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	rest := msg.p.Rest()
	if msg.p.Reversed || rest <= 0 {
		return tea.Batch(s.load(msg.p.ID), s.open(msg.p.ID), status(s.p.T("pay.nothing_to_allocate")))
	}
	if len(msg.invoices) == 0 {
		return tea.Batch(s.load(msg.p.ID), s.open(msg.p.ID), status(s.p.T("pay.no_open_invoices", rest.Format(s.currency()))))
	}
	v := &allocateView{env: s.env, keys: DefaultAllocateKeyMap(s.p), payment: msg.p, remained: rest}
	v.list = newRecordList([]Column{
		{Title: s.p.T("docs.col_number"), Min: 12, Whole: true},
		{Title: s.p.T("field.issue_date"), Min: 10, Whole: true},
		{Title: s.p.T("field.due_date"), Min: 10, Whole: true},
		{Title: s.p.T("pay.col_open"), Min: 11, Right: true},
		{Title: s.p.T("pay.col_apply"), Min: 11, Right: true},
	}, DefaultListKeyMap(s.p), s.styles, func(r *allocRow) int64 { return r.InvoiceID })
	sort.SliceStable(msg.invoices, func(i, j int) bool { return msg.invoices[i].DueDate.Before(msg.invoices[j].DueDate) })
	for _, inv := range msg.invoices {
		v.list.rows = append(v.list.rows, allocRow{InvoiceBalance: inv})
	}
	v.list.Cell = v.cell
	v.list.Filter(func(*allocRow) bool { return true })
	v.SetSize(s.width, s.height)
	s.showEditor(v)
	return nil
}

func (v *allocateView) cell(r, c int) string {
	row := v.list.Row(r)
	switch c {
	case 0:
		return row.Number
	case 1:
		return store.FormatDate(row.IssueDate)
	case 2:
		return store.FormatDate(row.DueDate)
	case 3:
		return v.money(row.Open)
	}
	if row.apply == 0 {
		return ""
	}
	return v.money(row.apply)
}

// remaining is what is left of the payment after the amounts applied so far.
func (v *allocateView) remaining() store.Money {
	left := v.remained
	for _, r := range v.list.rows {
		left -= r.apply
	}
	return left
}

func (v *allocateView) Dirty() bool { return v.remaining() != v.remained }

// Capturing: the view takes its keys (e, A, space) before the global ones.
func (v *allocateView) Capturing() bool { return true }

func (v *allocateView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.list.SetSize(w, max(3, h-4))
}

func (v *allocateView) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	v.err = ""
	if v.list.Update(k) {
		return nil
	}
	row, ok := v.list.Selected()
	switch {
	case key.Matches(k, v.keys.Save):
		return v.save()
	case key.Matches(k, v.keys.Cancel):
		back := func() tea.Msg { return paymentChangedMsg{id: v.payment.ID} }
		if v.Dirty() {
			return v.confirm(v.p.T("confirm.discard"), back)
		}
		return back
	case key.Matches(k, v.keys.Auto):
		for i := range v.list.rows {
			v.list.rows[i].apply = 0
		}
		for i := range v.list.rows {
			r := &v.list.rows[i]
			r.apply = min(r.Open, v.remaining())
		}
	case ok && key.Matches(k, v.keys.Toggle):
		if row.apply != 0 {
			row.apply = 0
		} else {
			row.apply = min(row.Open, v.remaining())
		}
	case ok && key.Matches(k, v.keys.Amount):
		return v.prompt(v.p.T("pay.apply_amount", row.Number, row.Open.Format(v.currency())), v.money(row.apply),
			func(s string) error {
				m, err := store.ParseMoney(s, v.currency())
				switch {
				case err != nil:
					return err
				case m < 0 || m > row.Open:
					return store.Invalid("", "allocation.over_open")
				case m-row.apply > v.remaining():
					return store.Invalid("", "allocation.over_payment")
				}
				return nil
			}, func(s string) tea.Cmd {
				row.apply, _ = store.ParseMoney(s, v.currency())
				return nil
			})
	}
	return nil
}

// save records the allocations, one store call per invoice.
func (v *allocateView) save() tea.Cmd {
	st, ctx, p := v.st, v.ctx, v.p
	id := v.payment.ID
	var todo []allocRow
	for _, r := range v.list.rows {
		if r.apply > 0 {
			todo = append(todo, r)
		}
	}
	return func() tea.Msg {
		for _, r := range todo {
			if err := st.Allocate(ctx, id, r.InvoiceID, r.apply); err != nil {
				return paymentFailedMsg{err}
			}
		}
		return paymentChangedMsg{id: id, status: p.N("pay.allocated", len(todo), len(todo))}
	}
}

func (v *allocateView) View() string {
	title := v.styles.Title.Render(v.p.T("pay.allocate_title", v.payment.CustomerCode, store.FoldDisplay(v.payment.CustomerName),
		v.payment.Amount.Format(v.currency())))
	left := v.p.T("pay.remaining", v.remaining().Format(v.currency()))
	lines := []string{title, v.styles.FocusLabel.Render(left)}
	if v.err != "" {
		lines = append(lines, v.styles.StatusError.Render(v.err))
	} else {
		lines = append(lines, "")
	}
	lines = append(lines, v.list.View())
	return strings.Join(lines, "\n")
}

func (v *allocateView) ShortHelp() []key.Binding {
	return []key.Binding{v.keys.Toggle, v.keys.Amount, v.keys.Auto, v.keys.Save, v.keys.Cancel}
}

func (v *allocateView) FullHelp() [][]key.Binding { return [][]key.Binding{v.ShortHelp()} }
