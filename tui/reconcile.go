package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// reconcileView is the bank reconciliation (入金消込), the bookkeeper's daily
// loop: i imports a bank file; then each deposit shows its best match and a
// confidence mark; enter accepts it (a fee-short deposit by the customer's
// transfer-fee policy), space shows the next candidate, a assigns by hand, s
// holds it (保留) for later, x marks it not a customer's payment, f accepts
// and closes a small shortfall as the transfer fee. h shows the held
// deposits, then those marked not a payment, where u undoes. A clean
// morning is one key per deposit.
type reconcileView struct {
	env
	keys    ReconcileKeyMap
	list    *recordList[bankRow]
	section string                         // the lines shown: store.LineOpen, LineHeld or LineSkipped
	counts  map[string]store.BankLineCount // every section's count, for the summary
	matched int                            // deposits matched since the view opened
	amount  store.Money                    // and their sum
	width   int
	height  int
	// While a store command of this view runs, the list on screen is the
	// one before it: the keys typed meanwhile wait in queued and are
	// applied, in order, to the list the command leaves.
	busy   bool
	queued []tea.KeyPressMsg
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
		section string
		rows    []bankRow
		counts  map[string]store.BankLineCount
		err     error
	}
	bankImportedMsg struct {
		added, already int
		err            error
	}
	// bankDoneMsg ends a store command of the view (a match, a hold, …):
	// the list reloads and text, if any, goes to the status line.
	bankDoneMsg struct {
		matched store.Money // the amount of a deposit matched
		text    string
		err     error
	}
)

func (s *paymentsScreen) openReconcile() tea.Cmd {
	if s.bank == nil {
		v := &reconcileView{env: s.env, keys: DefaultReconcileKeyMap(s.p), section: store.LineOpen}
		// At 80 columns what is accepted comes first: the amount, then the
		// invoice number(s) and the fee; the payer's name shortens.
		v.list = newRecordList([]Column{
			{Title: "", Min: 1},
			{Title: s.p.T("field.date"), Min: 5},
			{Title: s.p.T("pay.col_payer"), Min: 10, Grow: 1},
			{Title: s.p.T("pay.col_amount"), Min: 11, Right: true},
			{Title: s.p.T("rec.col_match"), Min: 34, Grow: 3},
		}, DefaultListKeyMap(s.p), s.styles, func(r *bankRow) int64 { return r.ID })
		v.list.Cell = v.cell
		s.bank = v
	}
	s.bank.SetSize(s.width, s.height)
	s.showEditor(s.bank)
	return s.bank.load()
}

// load reads the lines of the section shown, ranks candidates for all of
// them at once (a held deposit is matched later like an open one), and
// counts every section.
func (v *reconcileView) load() tea.Cmd {
	st, ctx, section := v.st, v.ctx, v.section
	v.busy = true
	return func() tea.Msg {
		counts, err := st.BankLineCounts(ctx)
		if err != nil {
			return bankLinesLoadedMsg{section: section, err: err}
		}
		lines, err := st.BankLines(ctx, section)
		if err != nil {
			return bankLinesLoadedMsg{section: section, err: err}
		}
		var cands map[int64][]store.Candidate
		if section != store.LineSkipped {
			if cands, err = st.CandidatesForAll(ctx, lines); err != nil {
				return bankLinesLoadedMsg{section: section, err: err}
			}
		}
		rows := make([]bankRow, len(lines))
		for i, l := range lines {
			l.PayerName = store.FoldDisplay(l.PayerName)
			rows[i] = bankRow{BankLine: l, cands: cands[l.ID]}
		}
		return bankLinesLoadedMsg{section: section, rows: rows, counts: counts}
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
		return store.FormatDate(row.Date)[5:] // MM-DD: the year is the file's
	case 2:
		return row.PayerName
	case 3:
		return v.money(row.Amount)
	}
	if row.State == store.LineSkipped {
		return row.SkipReason
	}
	if !ok {
		return v.p.T("rec.no_match")
	}
	return v.candidateText(cand, len(row.cands), row.pick)
}

// candidateText is a candidate in the order that matters when the width is
// short: the invoice number(s), the fee, then the customer.
func (v *reconcileView) candidateText(cand store.Candidate, n, pick int) string {
	numbers := make([]string, len(cand.Invoices))
	for i, inv := range cand.Invoices {
		numbers[i] = inv.Number
	}
	s := strings.Join(numbers, "+")
	if s == "" {
		s = v.p.T("rec.credit")
	}
	if cand.Fee > 0 {
		s += " " + v.p.T("rec.fee", v.money(cand.Fee))
		if cand.FeePolicy == store.FeeTheirs {
			s += v.p.T("rec.fee_theirs_mark")
		}
	}
	s += " " + cand.CustomerCode + " " + store.FoldDisplay(cand.CustomerName)
	if n > 1 {
		s += fmt.Sprintf(" (%d/%d)", pick%n+1, n)
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
		if msg.section != v.section {
			return nil // another section was chosen meanwhile: its load is on its way
		}
		v.busy = false
		if msg.err != nil {
			v.queued = nil
			return statusErr(v.p.Error(msg.err))
		}
		cursor := v.list.Cursor()
		v.counts = msg.counts
		v.list.Load(msg.rows)
		v.list.Filter(func(*bankRow) bool { return true })
		v.list.SetCursor(cursor) // the next deposit comes up where the last one was
		return v.drain()
	case bankImportedMsg:
		if msg.err != nil {
			return tea.Batch(v.load(), statusErr(v.p.Error(msg.err)))
		}
		return tea.Batch(v.load(), status(v.p.N("rec.imported", msg.added, msg.added, v.p.N("rec.imported_before", msg.already, msg.already))))
	case bankDoneMsg:
		if msg.err != nil {
			return tea.Batch(v.load(), statusErr(v.p.Error(msg.err)))
		}
		if msg.matched > 0 {
			v.matched++
			v.amount += msg.matched
		}
		if msg.text != "" {
			return tea.Batch(v.load(), status(msg.text))
		}
		return v.load()
	case tea.KeyPressMsg:
		if v.busy {
			v.queued = append(v.queued, msg)
			return nil
		}
		return v.key(msg)
	}
	return nil
}

// drain applies the keys typed while a command ran, in order, until one
// starts another command (the rest wait for its result) or opens a dialog
// (the rest are the dialog's: typed ahead into a question, they are
// dropped rather than guessed at).
func (v *reconcileView) drain() tea.Cmd {
	var cmds []tea.Cmd
	for len(v.queued) > 0 && !v.busy {
		k := v.queued[0]
		v.queued = v.queued[1:]
		cmds = append(cmds, v.key(k))
		if v.ui.d != nil {
			v.queued = nil
		}
	}
	return tea.Batch(cmds...)
}

// run starts a store command of the view: until its result is back, keys wait.
func (v *reconcileView) run(cmd tea.Cmd) tea.Cmd {
	v.busy = true
	return cmd
}

func (v *reconcileView) key(k tea.KeyPressMsg) tea.Cmd {
	if v.list.Update(k) {
		return nil
	}
	switch {
	case key.Matches(k, v.keys.Back):
		return func() tea.Msg { return reconcileClosedMsg{} }
	case key.Matches(k, v.keys.Import):
		return v.askImport()
	case key.Matches(k, v.keys.Section):
		v.section = map[string]string{store.LineOpen: store.LineHeld, store.LineHeld: store.LineSkipped,
			store.LineSkipped: store.LineOpen}[v.section]
		v.list.Load(nil)
		v.list.Filter(func(*bankRow) bool { return true })
		return v.load()
	}
	row, ok := v.list.Selected()
	if !ok {
		return nil
	}
	if v.section == store.LineSkipped { // marked not a payment: only undone
		if key.Matches(k, v.keys.Undo) {
			return v.reopen(row, "rec.not_payment_undone")
		}
		return nil
	}
	cand, has := row.candidate()
	switch {
	case key.Matches(k, v.keys.Accept) && has:
		return v.accept(row, cand)
	case key.Matches(k, v.keys.Fee) && has && cand.Fee > 0:
		return v.confirmMatch(row, cand, store.ClosedByHand)
	case key.Matches(k, v.keys.Next) && len(row.cands) > 1:
		row.pick++
	case key.Matches(k, v.keys.Hold) && v.section == store.LineOpen:
		st, ctx, id := v.st, v.ctx, row.ID
		text := v.p.T("rec.held_status", v.money(row.Amount), row.PayerName)
		return v.run(func() tea.Msg { return bankDoneMsg{text: text, err: st.HoldBankLine(ctx, id)} })
	case key.Matches(k, v.keys.Undo) && v.section == store.LineHeld:
		return v.reopen(row, "rec.hold_lifted")
	case key.Matches(k, v.keys.NotPayment):
		return v.askNotPayment(row)
	case key.Matches(k, v.keys.Assign):
		return v.assign(row)
	}
	return nil
}

type reconcileClosedMsg struct{}

// reopen returns a held or not-a-payment line to the open lines.
func (v *reconcileView) reopen(row *bankRow, done string) tea.Cmd {
	st, ctx, id := v.st, v.ctx, row.ID
	text := v.p.T(done, v.money(row.Amount), row.PayerName)
	return v.run(func() tea.Msg { return bankDoneMsg{text: text, err: st.ReopenBankLine(ctx, id)} })
}

// summary is the line above the deposits: matched / to review / unmatched,
// and how many are held.
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
	held := v.counts[store.LineHeld]
	switch v.section {
	case store.LineHeld:
		return v.p.T("rec.summary_held", held.Count, v.money(held.Amount))
	case store.LineSkipped:
		c := v.counts[store.LineSkipped]
		return v.p.T("rec.summary_skipped", c.Count, v.money(c.Amount))
	}
	s := v.p.T("rec.summary", v.matched, v.money(v.amount), review, v.money(reviewAmt), none, v.money(noneAmt))
	if held.Count > 0 {
		s += " · " + v.p.T("rec.summary_held", held.Count, v.money(held.Amount))
	}
	return s
}

func (v *reconcileView) View() string {
	title := v.p.T("rec.title")
	if v.section != store.LineOpen {
		title = v.p.T("rec.title_" + v.section)
	}
	lines := []string{v.styles.Title.Render(title) + "  " + v.styles.Dim.Render(v.summary())}
	if len(v.list.rows) == 0 {
		empty := "rec.empty"
		if v.section != store.LineOpen {
			empty = "rec.empty_" + v.section
		}
		return strings.Join(append(lines, "", v.p.T(empty)), "\n")
	}
	var about []string
	if row, ok := v.list.Selected(); ok {
		if row.State == store.LineHeld {
			about = append(about, v.p.T("rec.held_by", row.HeldAt.Local().Format("2006-01-02 15:04"), row.HeldBy))
		}
		if c, has := row.candidate(); has {
			for _, r := range c.Reasons {
				about = append(about, v.p.MatchReason(r, v.currency()))
			}
			if c.Fee > 0 {
				about = append(about, v.p.T("rec.fee_policy."+c.FeePolicy))
			}
		}
	}
	lines = append(lines, v.styles.Dim.Render(strings.Join(about, " · ")), v.list.View())
	return strings.Join(lines, "\n")
}

func (v *reconcileView) ShortHelp() []key.Binding {
	switch v.section {
	case store.LineSkipped:
		return []key.Binding{v.keys.Move, v.keys.Undo, v.keys.Section, v.keys.Back}
	case store.LineHeld:
		return []key.Binding{v.keys.Accept, v.keys.Move, v.keys.Next, v.keys.Assign, v.keys.Undo, v.keys.NotPayment,
			v.keys.Section, v.keys.Back}
	}
	return []key.Binding{v.keys.Accept, v.keys.Move, v.keys.Next, v.keys.Assign, v.keys.Hold, v.keys.NotPayment,
		v.keys.Fee, v.keys.Section, v.keys.Import, v.keys.Back}
}

// FullHelp adds the list's keys: j/k (↑/↓) move from deposit to deposit.
func (v *reconcileView) FullHelp() [][]key.Binding {
	nav := v.list.Keys
	return [][]key.Binding{
		{nav.Up, nav.Down, nav.Top, nav.Bottom, nav.PageUp, nav.PageDown},
		{v.keys.Accept, v.keys.Next, v.keys.Assign, v.keys.Hold, v.keys.NotPayment, v.keys.Fee},
		{v.keys.Section, v.keys.Undo, v.keys.Import, v.keys.Back},
	}
}

// Capturing is false: tab and the digits still switch screens from here.
func (v *reconcileView) Capturing() bool { return false }

// Dirty is false: each match is stored when it is confirmed.
func (v *reconcileView) Dirty() bool { return false }
