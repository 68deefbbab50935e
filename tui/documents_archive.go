package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The documents screen's part of the law's search (電子帳簿保存法): A sets
// an amount range on the totals, which works together with the date range
// (D) and the customer (C); H lists the kept PDFs — what went out by mail,
// print or export — that match the same filters, and enter on one opens
// its document.

// amountRangeMsg sets the amount filter.
type amountRangeMsg struct{ r store.MoneyRange }

// sentFilesMsg carries the kept files the history lists.
type sentFilesMsg struct {
	files []store.SentFile
	err   error
}

// askAmounts sets the totals' range: "10000..50000", "10000..", "..50000",
// or one amount; empty clears it.
func (s *documentsScreen) askAmounts() tea.Cmd {
	current := ""
	if !s.amount.Empty() {
		current = s.amountText("..")
	}
	cur := s.currency()
	return s.prompt(s.p.T("docs.amount_range"), current, func(v string) error {
		_, err := parseAmountRange(v, cur)
		return err
	}, func(v string) tea.Cmd {
		r, _ := parseAmountRange(v, cur)
		return func() tea.Msg { return amountRangeMsg{r} }
	})
}

// amountText is the range in plain amounts, its sides joined by sep.
func (s *documentsScreen) amountText(sep string) string {
	var from, to string
	if s.amount.HasMin {
		from = s.money(s.amount.Min)
	}
	if s.amount.HasMax {
		to = s.money(s.amount.Max)
	}
	return from + sep + to
}

// parseAmountRange reads "MIN..MAX" (either side may be empty) or one
// amount (exactly that amount).
func parseAmountRange(v string, cur store.Currency) (r store.MoneyRange, err error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return r, nil
	}
	a, b, isRange := strings.Cut(v, "..")
	if !isRange {
		b = a
	}
	if a = strings.TrimSpace(a); a != "" {
		if r.Min, err = store.ParseMoney(a, cur); err != nil {
			return r, err
		}
		r.HasMin = true
	}
	if b = strings.TrimSpace(b); b != "" {
		if r.Max, err = store.ParseMoney(b, cur); err != nil {
			return r, err
		}
		r.HasMax = true
	}
	if r.HasMin && r.HasMax && r.Max < r.Min {
		return r, store.Invalid("amount", "amount.min_over_max")
	}
	return r, nil
}

// inAmount reports whether total lies in the amount filter.
func (s *documentsScreen) inAmount(total store.Money) bool {
	return (!s.amount.HasMin || total >= s.amount.Min) && (!s.amount.HasMax || total <= s.amount.Max)
}

// loadSent reads the kept files matching the screen's filters.
func (s *documentsScreen) loadSent() tea.Cmd {
	st, ctx := s.st, s.ctx
	f := store.ArchiveFilter{From: s.from, To: s.to, CustomerID: s.customerID, Amount: s.amount}
	return func() tea.Msg {
		files, err := st.SentFiles(ctx, f)
		return sentFilesMsg{files: files, err: err}
	}
}

// showSent lists the kept files, the newest first, in a picker; picking a
// document's opens it.
func (s *documentsScreen) showSent(msg sentFilesMsg) tea.Cmd {
	p := s.p
	if msg.err != nil {
		return statusErr(p.Error(msg.err))
	}
	if len(msg.files) == 0 {
		return status(p.T("docs.sent_none"))
	}
	items := make([]pickItem, len(msg.files))
	for i := range msg.files {
		f := msg.files[len(msg.files)-1-i]
		number := f.Number
		if number == "" {
			number = p.T("cli.archive.kind." + f.Kind)
		}
		name := store.FoldDisplay(f.CustomerName)
		cells := []string{store.FormatDate(f.Date), number, name, s.money(f.Amount),
			p.T("cli.archive.channel." + f.Channel), f.SentAt.Local().Format("2006-01-02 15:04")}
		items[i] = pickItem{cells: cells, search: store.FoldSearch(strings.Join(cells, "\x00") + "\x00" + f.CustomerCode)}
	}
	cols := []Column{{Title: p.T("docs.col_date"), Min: 10, Whole: true}, {Title: p.T("docs.col_number"), Min: 12, Whole: true},
		{Title: p.T("docs.col_customer"), Min: 14, Grow: 1}, {Title: p.T("docs.col_total"), Min: 10, Right: true},
		{Title: p.T("docs.sent_channel"), Min: 6}, {Title: p.T("docs.sent_at"), Min: 16, Whole: true}}
	return s.picker(p.T("docs.sent_title"), cols, items, "", func(i int) tea.Cmd {
		if f := msg.files[len(msg.files)-1-i]; f.DocumentID != 0 {
			return s.open(f.DocumentID, false)
		}
		return nil
	})
}
