package tui

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/store/demo"
	"daicho/tui/i18n"
)

// reportsLedger is the small demo: five months of issued invoices across
// fourteen customers and five persons in charge, payments and overdue
// invoices.
func reportsLedger(t *testing.T) *store.Store {
	t.Helper()
	st := newStore(t, false)
	if err := demo.Fill(context.Background(), st, demo.Small); err != nil {
		t.Fatal(err)
	}
	return st
}

func reportsOf(h *harness) *reportsScreen { return h.m.screens[len(h.m.screens)-1].(*reportsScreen) }

// storeReport is the store's own report that the screen must show.
func storeReport(t *testing.T, st *store.Store, from, to time.Time, by string) store.Report {
	t.Helper()
	rep, err := st.SalesReport(context.Background(), store.ReportQuery{From: from, To: to, By: by})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// bars are the characters a chart draws with.
const bars = "█▏▎▍▌▋▊▉░"

// screenLine is the line of the view starting with prefix (after any
// indentation), without the bar
// characters, runs of spaces squeezed.
func screenLine(h *harness, prefix string) string {
	h.t.Helper()
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.HasPrefix(strings.TrimLeft(l, " "), prefix) {
			l = strings.Map(func(r rune) rune {
				if strings.ContainsRune(bars, r) {
					return ' '
				}
				return r
			}, l)
			return strings.TrimSpace(squeeze(l))
		}
	}
	h.t.Fatalf("no line starts with %q:\n%s", prefix, h.screen())
	return ""
}

// figures is how the screen writes a row's figures.
func figures(cur store.Currency, r store.ReportRow, more ...string) string {
	parts := append(more, r.Sales.Plain(cur), r.Cost.Plain(cur), r.Profit().Plain(cur))
	if m, ok := r.MarginPermille(); ok {
		parts = append(parts, store.FormatPermille(m)+"%")
	}
	return strings.Join(parts, " ")
}

func TestReportsShowTheStoresFigures(t *testing.T) {
	st := reportsLedger(t)
	ctx := context.Background()
	cur := store.JPY
	today := store.Today(st.Now())
	from, to := store.YearEndingIn(today)
	h := newHarness(t, st, i18n.EN, 120, 35)
	h.press("7")
	h.mustSee("Reports 2025-12-01 to 2026-11-30", "Month Customers Products Persons Aging Cash")

	// Month: every month of the last twelve, with its bar and figures.
	months := storeReport(t, st, from, to, store.ReportByMonth)
	if len(months.Rows) != 12 || months.Total.Documents == 0 {
		t.Fatalf("the demo gives %d months, %d documents", len(months.Rows), months.Total.Documents)
	}
	for _, r := range months.Rows {
		want := strings.TrimSpace(r.Key + " " + figures(cur, r))
		if got := screenLine(h, r.Key); got != want {
			t.Errorf("month %s:\n got %q\nwant %q", r.Key, got, want)
		}
	}
	if got, want := screenLine(h, "Total"), figures(cur, months.Total, "Total"); got != want {
		t.Errorf("total %q, want %q", got, want)
	}
	// The widest month fills the bar; an empty one has none.
	if !strings.Contains(h.screen(), "2025-12   ") || strings.Count(h.screen(), "█") < 40 {
		t.Errorf("bars:\n%s", h.screen())
	}

	// Customers, products, persons: ranked tables with the total under them.
	for _, v := range []struct {
		key, by string
	}{{"Customers", store.ReportByCustomer}, {"Products", store.ReportByProduct}, {"Persons", store.ReportByPerson}} {
		h.press("l")
		rep := storeReport(t, st, from, to, v.by)
		h.mustSee("sorted by sales")
		for _, r := range rep.Rows {
			label := store.FoldDisplay(r.Label)
			if r.Key == "" && v.by == store.ReportByProduct {
				label = "(no product)"
			}
			prefix := r.Key + " " + label
			if v.by == store.ReportByPerson {
				prefix = label
			}
			want := figures(cur, r, prefix, fmt.Sprint(r.Documents))
			if got := screenLine(h, strings.Fields(prefix)[0]); got != strings.TrimSpace(squeeze(want)) {
				t.Errorf("%s, %q:\n got %q\nwant %q", v.key, r.Key, got, want)
			}
		}
		if got, want := screenLine(h, "Total"), figures(cur, rep.Total, "Total", fmt.Sprint(rep.Total.Documents)); got != want {
			t.Errorf("%s total %q, want %q", v.key, got, want)
		}
	}

	// Aging, as of the end of the period or today, whichever comes first.
	h.press("l")
	items, err := st.Overdue(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	a := store.Aging(items)
	notDue, notDueCount, err := st.NotDue(ctx, today)
	if err != nil {
		t.Fatal(err)
	}
	h.mustSee("Receivables as of 2026-11-26")
	if got, want := screenLine(h, "Not yet due"), fmt.Sprintf("Not yet due %d %s", notDueCount, notDue.Plain(cur)); got != want {
		t.Errorf("not yet due: %q, want %q", got, want)
	}
	for _, b := range store.AgingBuckets {
		label := i18n.New(i18n.EN).T("overdue.bucket." + b)
		if got, want := screenLine(h, label), fmt.Sprintf("%s %d %s", label, a.Counts[b], a.Buckets[b].Plain(cur)); got != want {
			t.Errorf("bucket %s: %q, want %q", b, got, want)
		}
	}
	if got, want := screenLine(h, "Total"), fmt.Sprintf("Total %d %s", a.Count+notDueCount, (a.Total+notDue).Plain(cur)); got != want {
		t.Errorf("aging total %q, want %q", got, want)
	}

	// Cash received per month.
	h.press("l")
	cash, err := st.CashReceived(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	var sum store.Money
	for _, m := range cash {
		sum += m.Amount
		if got, want := screenLine(h, m.Month), m.Month+" "+m.Amount.Plain(cur); got != want {
			t.Errorf("cash %s: %q, want %q", m.Month, got, want)
		}
	}
	if got := screenLine(h, "Total"); got != "Total "+sum.Plain(cur) || sum == 0 {
		t.Errorf("cash total %q, want %s", got, sum.Plain(cur))
	}
	// → the balances (the last view), → wraps to the month view, ← (h) back.
	h.press("right")
	h.mustSee("Receivables by customer")
	h.press("right")
	h.mustSee("Gross profit")
	h.press("h", "h")
	h.mustSee("Cash received per month")
}

func TestReportsSortTheRankedViews(t *testing.T) {
	st := reportsLedger(t)
	from, to := store.YearEndingIn(store.Today(st.Now()))
	rep := storeReport(t, st, from, to, store.ReportByCustomer)
	h := newHarness(t, st, i18n.JA, 120, 35)
	h.press("7", "l")
	first := func() store.ReportRow {
		r := reportsOf(h).ranked[repCustomer]
		return r.rows[0]
	}
	best := func(better func(a, b store.ReportRow) bool) store.ReportRow {
		b := rep.Rows[0]
		for _, r := range rep.Rows[1:] {
			if better(r, b) || (!better(b, r) && r.Key < b.Key) {
				b = r
			}
		}
		return b
	}
	margin := func(r store.ReportRow) int64 { m, _ := r.MarginPermille(); return m }
	for _, tc := range []struct {
		name   string
		better func(a, b store.ReportRow) bool
	}{
		{"売上", func(a, b store.ReportRow) bool { return a.Sales > b.Sales }},
		{"粗利", func(a, b store.ReportRow) bool { return a.Profit() > b.Profit() }},
		{"粗利率", func(a, b store.ReportRow) bool { return margin(a) > margin(b) }},
		{"コード", func(a, b store.ReportRow) bool { return a.Key < b.Key }},
	} {
		h.mustSee("並び順: " + tc.name)
		want := best(tc.better)
		if got := first(); got.Key != want.Key {
			t.Errorf("sorted by %s: %s first, want %s", tc.name, got.Key, want.Key)
		}
		// The first row on screen is the first of the order, with its figures.
		if got := screenLine(h, want.Key); !strings.Contains(got, want.Sales.Plain(store.JPY)+" "+want.Cost.Plain(store.JPY)) {
			t.Errorf("sorted by %s: %q", tc.name, got)
		}
		h.press("s")
	}
	h.mustSee("並び順: 売上") // round again
	h.press("down", "down")
	if c := reportsOf(h).ranked[repCustomer].table.Cursor(); c != 2 {
		t.Errorf("cursor %d after two downs", c)
	}
}

func TestReportsPeriod(t *testing.T) {
	st := reportsLedger(t)
	h := newHarness(t, st, i18n.EN, 80, 24)
	h.press("7", "D")
	h.mustSee("The period starts on")
	h.typeText("2026-09-01")
	h.press("enter")
	h.mustSee("The period ends on")
	h.typeText("2026-08-31") // before the start: refused, the dialog stays
	h.press("enter")
	h.mustSee("must not be before the start of the period (2026-09-01)")
	for range 10 {
		h.press("backspace")
	}
	h.typeText("2026-10-31")
	h.press("enter")
	h.mustSee("Reports for 2026-09-01 to 2026-10-31", "Reports 2026-09-01 to 2026-10-31")
	rep := storeReport(t, st, store.DateOf(2026, 9, 1), store.DateOf(2026, 10, 31), store.ReportByMonth)
	for _, r := range rep.Rows {
		if got, want := screenLine(h, r.Key), r.Key+" "+figures(store.JPY, r); got != want {
			t.Errorf("%s: %q, want %q", r.Key, got, want)
		}
	}
	h.mustNotSee("2026-08 ")
	h.mustNotSee("2026-11 ")
	// The aging of a past period is as of its last day.
	h.press("left", "left", "left") // past balances and cash
	h.mustSee("Receivables as of 2026-10-31")
	items, _ := st.Overdue(context.Background(), store.DateOf(2026, 10, 31))
	notDue, _, _ := st.NotDue(context.Background(), store.DateOf(2026, 10, 31))
	if all := store.Aging(items).Total + notDue; !strings.Contains(screenLine(h, "Total"), all.Plain(store.JPY)) {
		t.Errorf("aging total %s:\n%s", all.Plain(store.JPY), h.screen())
	}
	// Empty answers go back to the last twelve months.
	h.press("D")
	for range 10 {
		h.press("backspace")
	}
	h.press("enter")
	for range 10 {
		h.press("backspace")
	}
	h.press("enter")
	h.mustSee("Reports 2025-12-01 to 2026-11-30")
}

// A month of credit notes only is drawn in light shade; the ledger changing
// elsewhere reloads the figures.
func TestReportsNegativeMonthAndReload(t *testing.T) {
	st := reportsLedger(t)
	ctx := context.Background()
	h := newHarness(t, st, i18n.EN, 80, 24)
	h.press("7")
	open, err := st.InvoiceBalances(ctx, store.BalanceFilter{OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var unpaid int64
	for _, b := range open {
		if b.Paid == 0 && b.Credited == 0 {
			unpaid = b.InvoiceID
		}
	}
	if unpaid == 0 {
		t.Fatal("no unpaid invoice in the demo")
	}
	// A credit note is dated on or after its invoice: a copy of the unpaid
	// invoice dated in February, credited in March, a month without sales.
	inv, err := st.Document(ctx, unpaid)
	if err != nil {
		t.Fatal(err)
	}
	early := store.Document{Kind: store.KindInvoice, CustomerID: inv.CustomerID, Subject: inv.Subject,
		IssueDate: store.DateOf(2026, 2, 10), PriceMode: inv.PriceMode, Lines: inv.Lines}
	for i := range early.Lines {
		early.Lines[i].ID, early.Lines[i].SourceLineID = 0, 0
	}
	if err := st.SaveDraft(ctx, &early); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Issue(ctx, early.ID, early.Version); err != nil {
		t.Fatal(err)
	}
	cn, err := st.CreateCreditNote(ctx, early.ID)
	if err != nil {
		t.Fatal(err)
	}
	cn.IssueDate = store.DateOf(2026, 3, 10) // a month without sales
	cn.Lines = cn.Lines[:1]
	if err := st.SaveDraft(ctx, &cn); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Issue(ctx, cn.ID, cn.Version); err != nil {
		t.Fatal(err)
	}
	h.mustNotSee("░")
	h.send(docChangedMsg{id: cn.ID, status: store.StatusIssued}) // as the documents screen reports an issue
	line := ""
	for _, l := range strings.Split(h.screen(), "\n") {
		if strings.HasPrefix(l, "2026-03") {
			line = l
		}
	}
	sales, cost := store.DocumentMargin(&cn)
	if !strings.Contains(line, "░") || !strings.Contains(line, (-sales).Plain(store.JPY)) ||
		!strings.Contains(line, (-cost).Plain(store.JPY)) {
		t.Errorf("the credit note's month: %q", line)
	}
}

// At 80×24 and 120×35, in both languages, every view fits the terminal:
// no line wider than it, the total line and the help bar on screen.
func TestReportsFitTheTerminal(t *testing.T) {
	st := reportsLedger(t)
	for _, size := range [][2]int{{80, 24}, {120, 35}} {
		for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
			h := newHarness(t, st, lang, size[0], size[1])
			p := i18n.New(lang)
			h.press("7")
			for v := range repViews {
				lines := strings.Split(h.screen(), "\n")
				if len(lines) != size[1] {
					t.Errorf("%v %s view %d: %d lines", size, lang, v, len(lines))
				}
				for _, l := range lines {
					if w := ansi.StringWidth(l); w > size[0] {
						t.Errorf("%v %s view %d: a line of %d cells: %q", size, lang, v, w, l)
					}
				}
				h.mustSee(p.T(repViewNames[v]), p.T("rep.total"), p.T("key.report_period"))
				h.press("l")
			}
		}
	}
}

// The document view shows the document's gross profit and margin, as
// DocumentMargin computes them, under the totals.
func TestDocumentViewShowsTheMargin(t *testing.T) {
	st := reportsLedger(t)
	h := newHarness(t, st, i18n.EN, 120, 35)
	h.press("3")
	for range 4 {
		h.press("down")
	}
	h.press("enter")
	number := regexp.MustCompile(`[A-Z]-\d{4}-\d{4}`).FindString(h.screen())
	d, err := st.DocumentByNumber(context.Background(), number)
	if err != nil {
		t.Fatalf("%q: %v\n%s", number, err, h.screen())
	}
	sales, cost := store.DocumentMargin(&d)
	r := store.ReportRow{Sales: sales, Cost: cost}
	m, ok := r.MarginPermille()
	if !ok || cost == 0 {
		t.Fatalf("%s: sales %d, cost %d: the test proves nothing", number, sales, cost)
	}
	h.mustSee(fmt.Sprintf("Gross profit %s (margin %s%%) · cost %s", r.Profit().Format(store.JPY),
		store.FormatPermille(m), cost.Format(store.JPY)))
}
