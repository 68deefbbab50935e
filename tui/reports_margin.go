package tui

import (
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
)

// marginLine is a document's gross profit, margin and cost (粗利), shown
// under its totals in the document view, right-aligned like them, for the
// office: the PDFs never print it. Sales are the subtotal (net of tax), cost
// the lines' cost price snapshots × quantities; a credit note shows what it
// takes back.
func (s *documentsScreen) marginLine(d *store.Document) string {
	sales, cost := store.DocumentMargin(d)
	r := store.ReportRow{Sales: sales, Cost: cost}
	cur := s.currency()
	line := s.p.T("docs.margin_no_sales", r.Profit().Format(cur), cost.Format(cur))
	if m, ok := r.MarginPermille(); ok {
		line = s.p.T("docs.margin", r.Profit().Format(cur), store.FormatPermille(m), cost.Format(cur))
	}
	return s.styles.Dim.Render(fit(ansi.Truncate(line, s.width, "…"), s.width, true))
}
