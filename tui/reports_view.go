package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"daicho/store"
)

// Drawing the Reports screen: the header (period and views), the bar charts
// of the month, aging and cash views, and the ranked tables.

// repChrome is the lines above and below a ranked table: the title, the
// views, the sort line and the total.
const repChrome = 4

// repMonths is how many months the charts show: the last twelve of the period.
const repMonths = 12

func (s *reportsScreen) View() string {
	if s.height <= 0 {
		return ""
	}
	lines := []string{s.titleLine(), s.viewsLine()}
	d := s.data[s.view]
	if !d.loaded {
		return strings.Join(append(lines, s.styles.Dim.Render(s.p.T("rep.loading"))), "\n")
	}
	var body string
	switch s.view {
	case repMonth:
		body = s.monthView(d)
	case repAging:
		body = s.agingView(d)
	case repCash:
		body = s.cashView(d)
	case repBalances:
		body = s.balancesViewText(d)
	default:
		body = s.rankedView(s.view, d)
	}
	return strings.Join(append(lines, body), "\n")
}

// titleLine: "Reports  2025-12-01 to 2026-11-30".
func (s *reportsScreen) titleLine() string {
	from, to := s.period()
	return fit(s.styles.Title.Render(s.p.T("tab.reports"))+"  "+
		s.p.T("rep.period", store.FormatDate(from), store.FormatDate(to)), s.width, false)
}

// viewsLine names the views, the one shown highlighted.
func (s *reportsScreen) viewsLine() string {
	parts := make([]string, repViews)
	for i, k := range repViewNames {
		style := s.styles.Tab
		if i == s.view {
			style = s.styles.ActiveTab
		}
		parts[i] = style.Render(s.p.T(k))
	}
	return ansi.Truncate(strings.Join(parts, ""), s.width, "…")
}

// margin is a row's margin as shown: "40.5%", "" without sales.
func margin(r store.ReportRow) string {
	if m, ok := r.MarginPermille(); ok {
		return store.FormatPermille(m) + "%"
	}
	return ""
}

// chartRow is one bar of a chart with the figures beside it.
type chartRow struct {
	label   string
	value   store.Money // the bar's length
	figures []string
}

// chart draws rows as horizontal bars scaled to the largest magnitude and to
// the width left beside the label and the figures (right-aligned under
// their headers). Negative values are drawn in light shade, in the error
// colour, so a month of credit notes never looks like sales. The total, if
// given, closes the chart without a bar.
func (s *reportsScreen) chart(labelHead string, heads []string, rows []chartRow, total *chartRow) string {
	labelW := ansi.StringWidth(labelHead)
	widths := make([]int, len(heads))
	for i, h := range heads {
		widths[i] = ansi.StringWidth(h)
	}
	all := rows
	if total != nil {
		all = append(append([]chartRow(nil), rows...), *total)
	}
	var largest uint64
	for _, r := range all {
		labelW = max(labelW, ansi.StringWidth(r.label))
		for i, f := range r.figures {
			widths[i] = max(widths[i], ansi.StringWidth(f))
		}
	}
	for _, r := range rows {
		largest = max(largest, magnitudeOf(r.value))
	}
	figW := 0
	for _, w := range widths {
		figW += w + 2
	}
	barW := max(1, s.width-labelW-1-figW)
	line := func(label, bar string, figures []string) string {
		var b strings.Builder
		b.WriteString(fit(label, labelW, false))
		b.WriteString(" ")
		b.WriteString(bar)
		b.WriteString(strings.Repeat(" ", max(0, barW-ansi.StringWidth(bar))))
		for i, f := range figures {
			b.WriteString("  ")
			b.WriteString(fit(f, widths[i], true))
		}
		return ansi.Truncate(b.String(), s.width, "…")
	}
	out := []string{s.styles.Header.Render(line(labelHead, "", heads))}
	for _, r := range rows {
		out = append(out, line(r.label, s.bar(r.value, largest, barW), r.figures))
	}
	if total != nil {
		out = append(out, s.styles.Title.Render(line(total.label, "", total.figures)))
	}
	return strings.Join(out, "\n")
}

// eighths are the partial blocks of a bar, one to seven eighths of a cell.
var eighths = []string{"▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// bar draws |v| of largest in width cells, to an eighth of a cell; anything
// above zero gets at least the thinnest block.
func (s *reportsScreen) bar(v store.Money, largest uint64, width int) string {
	if v == 0 || largest == 0 {
		return ""
	}
	// |v| ≤ largest, so |v| × width × 8 stays within 64 bits for any width
	// a terminal has while largest < 2^40; above that, both are scaled down.
	mag, big := magnitudeOf(v), largest
	for big > 1<<40 {
		mag, big = mag>>8, big>>8
	}
	n := max(1, mag*uint64(width)*8/max(big, 1))
	if v < 0 {
		return s.styles.FieldError.Render(strings.Repeat("░", int((n+7)/8)))
	}
	bar := strings.Repeat("█", int(n/8))
	if r := n % 8; r > 0 {
		bar += eighths[r-1]
	}
	return s.styles.Status.Render(bar)
}

func magnitudeOf(m store.Money) uint64 {
	if m < 0 {
		return uint64(-(m + 1)) + 1
	}
	return uint64(m)
}

// lastMonths keeps the last twelve of a period's months, and says how many
// were left out ("" when none).
func lastMonths[T any](rows []T) ([]T, int) {
	if len(rows) <= repMonths {
		return rows, 0
	}
	return rows[len(rows)-repMonths:], len(rows) - repMonths
}

// monthView is the bar chart of sales per month with cost, gross profit and
// margin beside each bar, then the period's total.
func (s *reportsScreen) monthView(d repData) string {
	p := s.p
	if d.rep.Total.Documents == 0 {
		return "\n" + p.T("rep.empty")
	}
	months, left := lastMonths(d.rep.Rows)
	rows := make([]chartRow, len(months))
	figures := func(r store.ReportRow) []string {
		return []string{s.money(r.Sales), s.money(r.Cost), s.money(r.Profit()), margin(r)}
	}
	for i, r := range months {
		rows[i] = chartRow{label: r.Key, value: r.Sales, figures: figures(r)}
	}
	total := chartRow{label: p.T("rep.total"), figures: figures(d.rep.Total)}
	note := p.T("rep.sales_note")
	if left > 0 {
		note = fmt.Sprintf("%s (%d+%d)", note, left, repMonths)
	}
	return s.styles.Dim.Render(ansi.Truncate(note, s.width, "…")) + "\n" +
		s.chart(p.T("rep.col.month"), []string{p.T("rep.col.sales"), p.T("rep.col.cost"), p.T("rep.col.profit"),
			p.T("rep.col.margin")}, rows, &total)
}

// agingView is the bar chart of the receivables as of a day: what is not yet
// due, then what is overdue per aging bucket.
func (s *reportsScreen) agingView(d repData) string {
	p := s.p
	r := d.recv
	title := s.styles.Dim.Render(ansi.Truncate(p.T("rep.aging_title", store.FormatDate(r.AsOf)), s.width, "…"))
	if r.Count() == 0 {
		return title + "\n\n" + p.T("rep.aging_none", store.FormatDate(r.AsOf))
	}
	rows := []chartRow{{label: p.T("rep.not_due"), value: r.NotDue,
		figures: []string{fmt.Sprint(r.NotDueCount), s.money(r.NotDue)}}}
	for _, b := range store.AgingBuckets {
		rows = append(rows, chartRow{label: p.T("overdue.bucket." + b), value: r.Aging.Buckets[b],
			figures: []string{fmt.Sprint(r.Aging.Counts[b]), s.money(r.Aging.Buckets[b])}})
	}
	total := chartRow{label: p.T("rep.total"), figures: []string{fmt.Sprint(r.Count()),
		s.money(r.Total())}}
	return title + "\n" + s.chart(p.T("rep.col.bucket"), []string{p.T("rep.col.invoices"), p.T("rep.col.open")}, rows, &total)
}

// cashView is the bar chart of the cash received per month.
func (s *reportsScreen) cashView(d repData) string {
	p := s.p
	months, _ := lastMonths(d.cash)
	rows := make([]chartRow, len(months))
	var sum store.Money
	for _, m := range d.cash {
		sum += m.Amount
	}
	for i, m := range months {
		rows[i] = chartRow{label: m.Month, value: m.Amount, figures: []string{s.money(m.Amount)}}
	}
	total := chartRow{label: p.T("rep.total"), figures: []string{s.money(sum)}}
	return s.styles.Dim.Render(ansi.Truncate(p.T("rep.cash_title"), s.width, "…")) + "\n" +
		s.chart(p.T("rep.col.month"), []string{p.T("rep.col.received")}, rows, &total)
}

// rankedLabel is a row's name: the customer's or product's, the person, or
// words for the row without a product or a person.
func (s *reportsScreen) rankedLabel(view int, r store.ReportRow) string {
	switch {
	case view == repProduct && r.Key == "":
		return s.p.T("rep.no_product")
	case view == repPerson && r.Key == "":
		return s.p.T("rep.no_person")
	}
	return store.FoldDisplay(r.Label)
}

// rankedCells are a row's cells: code and name (a person: the name only),
// documents, sales, cost, gross profit, margin.
func (s *reportsScreen) rankedCells(view int, r store.ReportRow, label string) []string {
	cells := []string{}
	if view != repPerson {
		cells = append(cells, r.Key)
	}
	return append(cells, label, fmt.Sprint(r.Documents), s.money(r.Sales), s.money(r.Cost), s.money(r.Profit()), margin(r))
}

// layoutRanked builds a ranked view's table: the figure columns as wide as
// their widest cell (the total's, usually), the name taking the rest.
func (s *reportsScreen) layoutRanked(view int) {
	p, r, d := s.p, s.ranked[view], s.data[view]
	var cols []Column
	if view != repPerson {
		cols = append(cols, Column{Title: p.T("rep.col.code"), Min: ansi.StringWidth(p.T("rep.col.code"))})
	}
	name := map[int]string{repCustomer: "rep.col.customer", repProduct: "rep.col.product", repPerson: "rep.col.person"}[view]
	cols = append(cols, Column{Title: p.T(name), Min: 10, Grow: 1})
	for _, h := range []string{"rep.col.docs", "rep.col.sales", "rep.col.cost", "rep.col.profit", "rep.col.margin"} {
		cols = append(cols, Column{Title: p.T(h), Min: ansi.StringWidth(p.T(h)), Right: true})
	}
	for _, row := range append([]store.ReportRow{d.rep.Total}, r.rows...) {
		for i, c := range s.rankedCells(view, row, "") {
			cols[i].Min = max(cols[i].Min, ansi.StringWidth(c))
		}
	}
	cursor := r.table.Cursor()
	r.table = NewTable(cols, s.nav, s.styles)
	r.table.Cell = func(row, col int) string {
		x := r.rows[row]
		return s.rankedCells(view, x, s.rankedLabel(view, x))[col]
	}
	r.table.SetSize(s.width, max(2, s.height-repChrome))
	r.table.SetRows(len(r.rows))
	r.table.Measure()
	r.table.SetCursor(max(0, cursor))
}

// rankedView is the sort line, the table and the total under it.
func (s *reportsScreen) rankedView(view int, d repData) string {
	p, r := s.p, s.ranked[view]
	if d.rep.Total.Documents == 0 {
		return "\n" + p.T("rep.empty")
	}
	sortLine := s.styles.Dim.Render(p.T("rep.sorted", p.T(repSortNames[r.sortBy])))
	total := d.rep.Total
	cells := s.rankedCells(view, total, p.T("rep.total"))
	if view != repPerson {
		cells[0], cells[1] = p.T("rep.total"), ""
	}
	return ansi.Truncate(sortLine, s.width, "…") + "\n" + r.table.View() + "\n" + s.styles.Title.Render(r.table.line(cells))
}
