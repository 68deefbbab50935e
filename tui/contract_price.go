package tui

import (
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The price change (価格改定, c) of an active contract's line: which line
// (when there are several), from which date, at which unit price. The store
// keeps the history and refuses a date inside a billed period; a refusal
// comes back under the prompt at fault (and on the status line), so the
// bookkeeper corrects the date or the price without starting over. A draft's
// prices are typed in the editor, and ended or cancelled contracts no longer
// change.

// priceChange is one change being asked for: the answers so far, as typed.
type priceChange struct {
	c     store.Contract
	line  store.ContractLine
	from  string
	price string
}

type (
	priceChangeLoadedMsg struct {
		c    store.Contract
		from time.Time // the first date a change can take effect
		err  error
	}
	priceChangeFailedMsg struct {
		pc  priceChange
		err error
	}
)

// startPriceChange loads the contract afresh (the list holds no lines) with
// the date a change can take effect from.
func (s *contractsScreen) startPriceChange(id int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		c, err := st.Contract(ctx, id)
		if err != nil {
			return priceChangeLoadedMsg{err: err}
		}
		from, err := st.PriceChangeFrom(ctx, id)
		return priceChangeLoadedMsg{c: c, from: from, err: err}
	}
}

func (s *contractsScreen) priceChangeLoaded(msg priceChangeLoadedMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	c := msg.c
	switch {
	case c.Status == store.ContractDraft:
		return statusErr(s.p.T("con.price_draft"))
	case c.Status != store.ContractActive:
		return statusErr(s.p.T("con.price_closed", s.p.T("con.status."+c.Status)))
	case len(c.Lines) == 0:
		return statusErr(s.p.T("con.price_no_lines"))
	}
	pc := priceChange{c: c, from: store.FormatDate(msg.from)}
	if len(c.Lines) == 1 {
		return s.askPriceFrom(pc.withLine(c.Lines[0], s.env), "")
	}
	return s.chooseLine(pc)
}

func (pc priceChange) withLine(l store.ContractLine, e env) priceChange {
	pc.line, pc.price = l, e.money(l.UnitPrice)
	return pc
}

// chooseLine asks for the line: by its digit in the choice dialog, or in
// the picker when there are more lines than digits.
func (s *contractsScreen) chooseLine(pc priceChange) tea.Cmd {
	lines := pc.c.Lines
	label := func(l store.ContractLine) string {
		return fit(store.FoldDisplay(l.Description), 30, false) + "  " + l.Quantity.String() + " " + l.Unit + " × " +
			s.money(l.UnitPrice)
	}
	if len(lines) <= 9 {
		opts := make([]option, len(lines))
		for i, l := range lines {
			opts[i] = option{strconv.Itoa(i + 1), label(l), func() tea.Cmd { return s.askPriceFrom(pc.withLine(l, s.env), "") }}
		}
		return s.choose(s.p.T("con.price_pick_line"), opts...)
	}
	items := make([]pickItem, len(lines))
	for i, l := range lines {
		items[i] = pickItem{cells: []string{strconv.Itoa(i + 1), store.FoldDisplay(l.Description),
			l.Quantity.String() + " " + l.Unit, s.money(l.UnitPrice)}, search: store.FoldSearch(l.Description)}
	}
	cols := []Column{{Title: "#", Min: 3, Right: true}, {Title: s.p.T("field.description"), Min: 30},
		{Title: s.p.T("field.quantity"), Min: 8, Right: true}, {Title: s.p.T("field.unit_price"), Min: 10, Right: true}}
	return s.picker(s.p.T("con.price_more_lines", len(lines)), cols, items, "", func(i int) tea.Cmd {
		return s.askPriceFrom(pc.withLine(lines[i], s.env), "")
	})
}

// askPriceFrom asks for the date the new price takes effect; refusal is the
// store's reason for the last answer, "" at first.
func (s *contractsScreen) askPriceFrom(pc priceChange, refusal string) tea.Cmd {
	q := s.p.T("con.price_from", store.FoldDisplay(pc.line.Description), s.money(pc.line.UnitPrice))
	return s.promptAgain(q, pc.from, refusal, func(v string) error {
		_, err := store.ParseDate(v)
		return err
	}, func(v string) tea.Cmd {
		pc.from = v
		return s.askNewPrice(pc, "")
	})
}

// askNewPrice asks for the new unit price, in the company's currency.
func (s *contractsScreen) askNewPrice(pc priceChange, refusal string) tea.Cmd {
	from, _ := store.ParseDate(pc.from)
	q := s.p.T("con.price_new", store.FoldDisplay(pc.line.Description), store.FormatDate(from))
	return s.promptAgain(q, pc.price, refusal, func(v string) error {
		_, err := store.ParseMoney(v, s.currency())
		return err
	}, func(v string) tea.Cmd {
		pc.price = v
		return s.changePrice(pc)
	})
}

// changePrice runs the change; success reloads the contract's view, which
// shows the new price history.
func (s *contractsScreen) changePrice(pc priceChange) tea.Cmd {
	from, _ := store.ParseDate(pc.from)
	price, _ := store.ParseMoney(pc.price, s.currency())
	done := s.p.T("con.price_changed", store.FoldDisplay(pc.line.Description), s.money(price), store.FormatDate(from))
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		if err := st.ChangePrice(ctx, pc.c.ID, pc.line.ID, from, price); err != nil {
			return priceChangeFailedMsg{pc: pc, err: err}
		}
		return contractChangedMsg{id: pc.c.ID, status: done}
	}
}

// priceChangeFailed shows the refusal; a date or price the store refused is
// asked again with the reason under it.
func (s *contractsScreen) priceChangeFailed(msg priceChangeFailedMsg) tea.Cmd {
	shown := statusErr(s.p.Error(msg.err))
	if fes := store.FieldErrors(msg.err); len(fes) == 1 {
		switch fes[0].Field {
		case "from":
			return tea.Batch(shown, s.askPriceFrom(msg.pc, s.p.Reason(fes[0])))
		case "unit_price":
			return tea.Batch(shown, s.askNewPrice(msg.pc, s.p.Reason(fes[0])))
		}
	}
	return shown
}
