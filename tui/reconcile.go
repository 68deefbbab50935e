package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/store/exchange"
)

// reconcileView is the bank reconciliation (入金消込), the bookkeeper's daily
// loop: i imports a bank file; then each deposit shows its best match and a
// confidence mark; enter accepts it, space shows the next candidate, a
// assigns by hand, s skips, f accepts and closes a small shortfall as the
// transfer fee. A clean morning is one key per deposit.
type reconcileView struct {
	env
	keys    ReconcileKeyMap
	list    *recordList[bankRow]
	matched int         // deposits matched since the view opened
	amount  store.Money // and their sum
	width   int
	height  int
}

type bankRow struct {
	store.BankLine
	cands []store.Candidate
	pick  int // the candidate shown
}

func (r *bankRow) candidate() (store.Candidate, bool) {
	if len(r.cands) == 0 {
		return store.Candidate{}, false
	}
	return r.cands[r.pick%len(r.cands)], true
}

type (
	bankLinesLoadedMsg struct {
		rows []bankRow
		err  error
	}
	bankImportedMsg struct {
		added, already int
		err            error
	}
	bankMatchedMsg struct {
		amount store.Money
		err    error
	}
	bankSkippedMsg struct{ err error }
)

func (s *paymentsScreen) openReconcile() tea.Cmd {
	if s.bank == nil {
		v := &reconcileView{env: s.env, keys: DefaultReconcileKeyMap(s.p)}
		v.list = newRecordList([]Column{
			{Title: "", Min: 1},
			{Title: s.p.T("field.date"), Min: 10},
			{Title: s.p.T("pay.col_payer"), Min: 14, Grow: 2},
			{Title: s.p.T("pay.col_amount"), Min: 11, Right: true},
			{Title: s.p.T("rec.col_match"), Min: 20, Grow: 3},
		}, DefaultListKeyMap(s.p), s.styles, func(r *bankRow) int64 { return r.ID })
		v.list.Cell = v.cell
		s.bank = v
	}
	s.bank.SetSize(s.width, s.height)
	s.showEditor(s.bank)
	return s.bank.load()
}

// load reads the open deposits and ranks candidates for all of them at once.
func (v *reconcileView) load() tea.Cmd {
	st, ctx := v.st, v.ctx
	return func() tea.Msg {
		lines, err := st.BankLines(ctx, "open")
		if err != nil {
			return bankLinesLoadedMsg{err: err}
		}
		cands, err := st.CandidatesForAll(ctx, lines)
		if err != nil {
			return bankLinesLoadedMsg{err: err}
		}
		rows := make([]bankRow, len(lines))
		for i, l := range lines {
			l.PayerName = store.FoldDisplay(l.PayerName)
			rows[i] = bankRow{BankLine: l, cands: cands[l.ID]}
		}
		return bankLinesLoadedMsg{rows: rows}
	}
}

func (v *reconcileView) cell(r, c int) string {
	row := v.list.Row(r)
	cand, ok := row.candidate()
	switch c {
	case 0:
		if !ok {
			return "·"
		}
		return map[string]string{"high": "●", "medium": "◐", "low": "○"}[cand.Confidence]
	case 1:
		return store.FormatDate(row.Date)
	case 2:
		return row.PayerName
	case 3:
		return v.money(row.Amount)
	}
	if !ok {
		return v.p.T("rec.no_match")
	}
	numbers := make([]string, len(cand.Invoices))
	for i, inv := range cand.Invoices {
		numbers[i] = inv.Number
	}
	s := cand.CustomerCode + " " + store.FoldDisplay(cand.CustomerName) + "  " + strings.Join(numbers, "+")
	if cand.Fee > 0 {
		s += "  " + v.p.T("rec.fee", v.money(cand.Fee))
	}
	if len(row.cands) > 1 {
		s += fmt.Sprintf("  (%d/%d)", row.pick%len(row.cands)+1, len(row.cands))
	}
	return s
}

func (v *reconcileView) SetSize(w, h int) {
	v.width, v.height = w, h
	v.list.SetSize(w, max(3, h-4))
}

func (v *reconcileView) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case bankLinesLoadedMsg:
		if msg.err != nil {
			return statusErr(v.p.Error(msg.err))
		}
		cursor := v.list.Cursor()
		v.list.Load(msg.rows)
		v.list.Filter(func(*bankRow) bool { return true })
		v.list.SetCursor(cursor) // the next deposit comes up where the last one was
		return nil
	case bankImportedMsg:
		if msg.err != nil {
			return statusErr(v.p.Error(msg.err))
		}
		return tea.Batch(v.load(), status(v.p.N("rec.imported", msg.added, msg.added, v.p.N("rec.imported_before", msg.already, msg.already))))
	case bankMatchedMsg:
		if msg.err != nil {
			return tea.Batch(v.load(), statusErr(v.p.Error(msg.err)))
		}
		v.matched++
		v.amount += msg.amount
		return v.load()
	case bankSkippedMsg:
		if msg.err != nil {
			return statusErr(v.p.Error(msg.err))
		}
		return v.load()
	case tea.KeyPressMsg:
		return v.key(msg)
	}
	return nil
}

func (v *reconcileView) key(k tea.KeyPressMsg) tea.Cmd {
	if v.list.Update(k) {
		return nil
	}
	if key.Matches(k, v.keys.Back) {
		return func() tea.Msg { return reconcileClosedMsg{} }
	}
	if key.Matches(k, v.keys.Import) {
		return v.askImport()
	}
	row, ok := v.list.Selected()
	if !ok {
		return nil
	}
	cand, has := row.candidate()
	switch {
	case key.Matches(k, v.keys.Accept) && has:
		return v.confirmMatch(row, cand, false)
	case key.Matches(k, v.keys.Fee) && has && cand.Fee > 0:
		return v.confirmMatch(row, cand, true)
	case key.Matches(k, v.keys.Next) && len(row.cands) > 1:
		row.pick++
	case key.Matches(k, v.keys.Skip):
		st, ctx, id := v.st, v.ctx, row.ID
		return func() tea.Msg { return bankSkippedMsg{st.SkipBankLine(ctx, id, "skipped")} }
	case key.Matches(k, v.keys.Assign):
		return v.assign(row)
	}
	return nil
}

type reconcileClosedMsg struct{}

// confirmMatch records the deposit as a payment allocated to the candidate's
// invoices (closing the fee shortfall when asked) and learns the payer name.
func (v *reconcileView) confirmMatch(row *bankRow, c store.Candidate, closeFee bool) tea.Cmd {
	st, ctx := v.st, v.ctx
	m := store.Match{LineID: row.ID, CustomerID: c.CustomerID, CloseFee: closeFee}
	for _, inv := range c.Invoices {
		m.InvoiceIDs = append(m.InvoiceIDs, inv.InvoiceID)
	}
	amount := row.Amount
	return func() tea.Msg {
		_, err := st.ConfirmMatch(ctx, m)
		return bankMatchedMsg{amount: amount, err: err}
	}
}

// assign matches a deposit by hand: pick the customer, then the invoice (or
// all its open invoices, oldest first).
func (v *reconcileView) assign(row *bankRow) tea.Cmd {
	line := row.BankLine
	return v.pickCustomer(v.p.T("rec.pick_customer", v.money(line.Amount), line.PayerName), v.refs.customers, func(c store.CustomerSummary) tea.Cmd {
		open, err := v.st.InvoiceBalances(v.ctx, store.BalanceFilter{CustomerID: c.ID, OpenOnly: true})
		if err != nil {
			return statusErr(v.p.Error(err))
		}
		items := []pickItem{{cells: []string{v.p.T("rec.all_open"), "", v.money(sumOpen(open))}, search: ""}}
		for _, inv := range open {
			items = append(items, pickItem{cells: []string{inv.Number, store.FormatDate(inv.DueDate), v.money(inv.Open)},
				search: store.FoldSearch(inv.Number)})
		}
		cols := []Column{{Title: v.p.T("docs.col_number"), Min: 14}, {Title: v.p.T("field.due_date"), Min: 10},
			{Title: v.p.T("pay.col_open"), Min: 11, Right: true}}
		return v.picker(v.p.T("rec.pick_invoice"), cols, items, "", func(i int) tea.Cmd {
			cand := store.Candidate{CustomerID: c.ID, Invoices: open}
			if i > 0 {
				cand.Invoices = open[i-1 : i]
			}
			return v.confirmMatch(row, cand, false)
		})
	})
}

func sumOpen(inv []store.InvoiceBalance) store.Money {
	var s store.Money
	for _, i := range inv {
		s += i.Open
	}
	return s
}

// askImport asks for the bank file (tab completes the path), then imports it.
func (v *reconcileView) askImport() tea.Cmd {
	files := v.files()
	question := v.p.T("rec.import_path")
	if files.rooted() {
		question = v.p.T("rec.import_path_in", files.root)
	}
	start := files.start(filepath.Dir(v.st.Path()) + string(filepath.Separator))
	return v.promptFile(files, question, start, files.check, func(path string) tea.Cmd {
		st, ctx := v.st, v.ctx
		return func() tea.Msg {
			data, err := files.read(path)
			if err != nil {
				return bankImportedMsg{err: err}
			}
			deposits, err := exchange.ReadBankFile(ctx, st, data, "", "")
			if err != nil {
				return bankImportedMsg{err: err}
			}
			res, err := st.ImportBankLines(ctx, filepath.Base(path), exchange.BankLines(deposits))
			return bankImportedMsg{added: len(res.Added), already: res.AlreadyImported, err: err}
		}
	})
}

// summary is the line above the deposits: matched / to review / unmatched.
func (v *reconcileView) summary() string {
	var review, none int
	var reviewAmt, noneAmt store.Money
	for _, r := range v.list.rows {
		if len(r.cands) > 0 {
			review, reviewAmt = review+1, reviewAmt+r.Amount
		} else {
			none, noneAmt = none+1, noneAmt+r.Amount
		}
	}
	return v.p.T("rec.summary", v.matched, v.money(v.amount), review, v.money(reviewAmt), none, v.money(noneAmt))
}

func (v *reconcileView) View() string {
	lines := []string{v.styles.Title.Render(v.p.T("rec.title")) + "  " + v.styles.Dim.Render(v.summary())}
	if len(v.list.rows) == 0 {
		return strings.Join(append(lines, "", v.p.T("rec.empty")), "\n")
	}
	reasons := ""
	if row, ok := v.list.Selected(); ok {
		if c, has := row.candidate(); has {
			words := make([]string, len(c.Reasons))
			for i, r := range c.Reasons {
				words[i] = v.p.MatchReason(r, v.currency())
			}
			reasons = strings.Join(words, " · ")
		}
	}
	lines = append(lines, v.styles.Dim.Render(reasons), v.list.View())
	return strings.Join(lines, "\n")
}

func (v *reconcileView) ShortHelp() []key.Binding {
	return []key.Binding{v.keys.Accept, v.keys.Move, v.keys.Next, v.keys.Assign, v.keys.Skip, v.keys.Fee, v.keys.Import, v.keys.Back}
}

// FullHelp adds the list's keys: j/k (↑/↓) move from deposit to deposit.
func (v *reconcileView) FullHelp() [][]key.Binding {
	nav := v.list.Keys
	return [][]key.Binding{
		{nav.Up, nav.Down, nav.Top, nav.Bottom, nav.PageUp, nav.PageDown},
		{v.keys.Accept, v.keys.Next, v.keys.Assign, v.keys.Skip, v.keys.Fee},
		{v.keys.Import, v.keys.Back},
	}
}

// Capturing is false: tab and the digits still switch screens from here.
func (v *reconcileView) Capturing() bool { return false }

// Dirty is false: each match is stored when it is confirmed.
func (v *reconcileView) Dirty() bool { return false }
