package tui

import (
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/pdf"
	"daicho/store"
)

// The Reports screen's 売掛金残高一覧表: each customer's previous balance,
// what was invoiced, received and adjusted in the period, and the closing
// balance, with the total (store.ReceivableBalances); ↑/↓ scroll, p writes
// it as a PDF into the exports folder.

// balancesView is the balances view's table over the loaded report.
type balancesView struct {
	table Table
	rows  []store.BalanceRow
}

// balanceCells are a row's cells: code, name, the five amounts.
func (s *reportsScreen) balanceCells(r store.BalanceRow, code, name string) []string {
	return []string{code, name, s.money(r.Previous), s.money(r.Invoiced), s.money(r.Received), s.money(r.Adjusted),
		s.money(r.Closing)}
}

// layoutBalances builds the table: amounts as wide as their widest cell
// (the total's), the name taking the rest.
func (s *reportsScreen) layoutBalances() {
	p, b := s.p, s.balances
	b.rows = s.data[repBalances].bal.Rows
	cols := []Column{{Title: p.T("rep.col.code"), Min: ansi.StringWidth(p.T("rep.col.code"))},
		{Title: p.T("rep.col.customer"), Min: 10, Grow: 1}}
	for _, h := range []string{"bal.previous", "bal.invoiced", "bal.received", "bal.adjusted", "bal.closing"} {
		cols = append(cols, Column{Title: p.T(h), Min: ansi.StringWidth(p.T(h)), Right: true})
	}
	total := s.data[repBalances].bal.Total
	for _, row := range append([]store.BalanceRow{total}, b.rows...) {
		for i, c := range s.balanceCells(row, row.Code, "") {
			cols[i].Min = max(cols[i].Min, ansi.StringWidth(c))
		}
	}
	cursor := b.table.Cursor()
	b.table = NewTable(cols, s.nav, s.styles)
	b.table.Cell = func(row, col int) string {
		x := b.rows[row]
		return s.balanceCells(x, x.Code, store.FoldDisplay(x.Name))[col]
	}
	b.table.SetSize(s.width, max(2, s.height-repChrome))
	b.table.SetRows(len(b.rows))
	b.table.SetCursor(max(0, cursor))
}

// balancesViewText is the heading, the table and the total under it.
func (s *reportsScreen) balancesViewText(d repData) string {
	p := s.p
	title := s.styles.Dim.Render(ansi.Truncate(p.T("rep.balances_title"), s.width, "…"))
	if len(d.bal.Rows) == 0 {
		return title + "\n\n" + p.T("rep.balances_none")
	}
	cells := s.balanceCells(d.bal.Total, p.T("rep.total"), "")
	return title + "\n" + s.balances.table.View() + "\n" + s.styles.Title.Render(s.balances.table.line(cells))
}

// balancesExportedMsg is the balances PDF's exportedMsg: a type of its own,
// so the documents screen does not take it for one of its exports.
type balancesExportedMsg struct{ exportedMsg }

// exportBalances writes the report shown as a PDF into the exports folder
// (force: over an existing file). It is the office's own paper, not sent to
// a customer, so it is not kept in the archive.
func (s *reportsScreen) exportBalances(force bool) tea.Cmd {
	st, ctx, rep, lang := s.st, s.ctx, s.data[repBalances].bal, string(s.p.Lang)
	return func() tea.Msg {
		company, err := st.Company(ctx)
		if err != nil {
			return balancesExportedMsg{exportedMsg{err: err}}
		}
		b := pdf.Balances{Company: company, Report: rep, Lang: lang, Printed: store.Today(st.Now())}
		ex := pdf.Exporter{Dir: s.exportsDir(company), Force: force}
		msg := exportResult(ex.Write(pdf.BalancesFileName(rep.From, rep.To), func(w io.Writer) error {
			return pdf.RenderBalances(w, b)
		}))
		msg.retry = s.exportBalances(true)
		return balancesExportedMsg{msg}
	}
}
