package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"daicho/pdf/closing"
	"daicho/store"
)

// The closing run from the documents screen (B, issue 16): the closing
// date (the last month end by default), a preview of every invoice it
// would make and of whom it leaves alone, then the invoices issued or as
// drafts, then either all of them as PDFs behind the progress bar or the
// send step (mail to email customers, one print pack for post customers,
// which P prints with lp).

type (
	closingRunPlanMsg struct {
		plan store.ClosingRunPlan
		err  error
	}
	closingRunDoneMsg struct {
		plan  store.ClosingRunPlan
		issue bool
		err   error
	}
	closingSentMsg struct {
		res closing.Result
		err error
	}
)

// lastMonthEnd is the closing date a run most often closes: today when it
// is a month's last day, else the previous month's.
func lastMonthEnd(today time.Time) time.Time {
	if today.AddDate(0, 0, 1).Day() == 1 {
		return today
	}
	return store.DateOf(today.Year(), today.Month(), 1).AddDate(0, 0, -1)
}

// askClosingRun asks for the closing date and loads the run's plan.
func (s *documentsScreen) askClosingRun() tea.Cmd {
	def := lastMonthEnd(store.Today(s.st.Now()))
	return s.prompt(s.p.T("close.ask_date"), store.FormatDate(def), func(v string) error {
		_, err := store.ParseDate(strings.TrimSpace(v))
		return err
	}, func(v string) tea.Cmd {
		date, _ := store.ParseDate(strings.TrimSpace(v))
		st, ctx := s.st, s.ctx
		return func() tea.Msg {
			plan, err := st.PlanClosingRun(ctx, date)
			return closingRunPlanMsg{plan: plan, err: err}
		}
	})
}

// closingRunPreview shows what the run would make and asks how.
func (s *documentsScreen) closingRunPreview(msg closingRunPlanMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	plan := msg.plan
	date := store.FormatDate(plan.Date)
	lines := s.closingRunLines(plan)
	if len(plan.Invoices) == 0 {
		return s.choose(strings.Join(append([]string{s.p.T("close.nothing_to_make", date), ""}, lines...), "\n"))
	}
	run := func(issue bool) func() tea.Cmd {
		return func() tea.Cmd {
			st, ctx := s.st, s.ctx
			return func() tea.Msg {
				done, err := st.RunClosing(ctx, plan.Date, issue)
				return closingRunDoneMsg{plan: done, issue: issue, err: err}
			}
		}
	}
	head := []string{s.p.N("close.preview", len(plan.Invoices), date, len(plan.Invoices)), ""}
	return s.choose(strings.Join(append(head, lines...), "\n"),
		option{"i", s.p.T("con.bill_issue"), run(true)},
		option{"d", s.p.T("con.bill_drafts"), run(false)})
}

// closingRunLines are the preview's lines: each invoice (with its
// carry-forward), then the customers left alone and why.
func (s *documentsScreen) closingRunLines(plan store.ClosingRunPlan) []string {
	const shown = 10
	var lines []string
	var total store.Money
	for i, p := range plan.Invoices {
		total += p.Totals.Total
		if i >= shown {
			continue
		}
		line := fmt.Sprintf("%s %s  %s  %s", fit(p.Customer.Code, 6, false), fit(store.FoldDisplay(p.Customer.Name), 22, false),
			fit(s.closingSources(p), 16, false), fit(s.money(p.Totals.Total), 11, true))
		if cf := p.CarryForward; cf != nil {
			line += "  " + s.p.T("close.carry_short", s.money(cf.Carried), s.money(cf.Billed))
		}
		lines = append(lines, line)
	}
	if len(plan.Invoices) > shown {
		lines = append(lines, s.p.T("con.bill_more", len(plan.Invoices)-shown))
	}
	if len(plan.Invoices) > 0 {
		lines = append(lines, "", s.p.T("con.bill_total", total.Format(s.currency())))
	}
	left := func(key string, skips []store.ClosingSkip) {
		if len(skips) == 0 {
			return
		}
		names := make([]string, 0, len(skips))
		for _, k := range skips {
			names = append(names, k.CustomerCode)
		}
		lines = append(lines, s.p.T(key, len(skips), strings.Join(names[:min(len(names), 8)], ", ")))
	}
	left("close.left_nothing", plan.Nothing)
	left("close.left_closed", plan.Closed)
	for _, k := range plan.Problems {
		lines = append(lines, s.p.T("close.left_problem", k.CustomerCode, s.p.Error(k.Err)))
	}
	return lines
}

// closingSources is how many delivery notes and contracts an invoice of the
// run takes, each count with its noun in the plural it needs.
func (s *documentsScreen) closingSources(p store.ClosingPlan) string {
	notes, contracts := len(p.DeliveryNotes), len(p.Contracts)
	return s.p.T("close.sources", s.p.N("close.notes", notes, notes), s.p.N("close.contracts", contracts, contracts))
}

// closingRunDone reports the run and offers the PDFs of what it made.
func (s *documentsScreen) closingRunDone(msg closingRunDoneMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	n := len(msg.plan.Invoices)
	if n == 0 {
		return tea.Batch(s.load(0, 0), status(s.p.T("close.nothing_to_make", store.FormatDate(msg.plan.Date))))
	}
	ids := make([]int64, n)
	for i, p := range msg.plan.Invoices {
		ids[i] = p.Invoice.ID
	}
	plan := msg.plan
	send := func() tea.Cmd {
		st, ctx := s.st, s.ctx
		return func() tea.Msg {
			co, err := st.Company(ctx)
			if err != nil {
				return closingSentMsg{err: err}
			}
			res, err := closing.Send(ctx, st, plan, closing.Options{Labels: true, Dir: s.exportsDir(co)})
			return closingSentMsg{res: res, err: err}
		}
	}
	return tea.Batch(s.load(0, 0), s.choose(s.p.N("close.made", n, n),
		option{"s", s.p.T("close.send"), send},
		option{"e", s.p.N("close.export", n, n), func() tea.Cmd { return s.startBatch(ids) }}))
}

// closingSent reports the send step and offers to print the pack (P).
func (s *documentsScreen) closingSent(msg closingSentMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	r := msg.res
	text := s.p.N("close.sent", len(r.Mailed), len(r.Mailed), len(r.Posted))
	for _, f := range r.Failed {
		text += "\n" + s.p.T("close.not_mailed", f.CustomerCode, s.p.Error(f.Err))
	}
	if len(r.Drafts) > 0 {
		text += "\n" + s.p.T("close.drafts_not_sent", strings.Join(r.Drafts, ", "))
	}
	if r.PackPath == "" {
		return s.choose(text)
	}
	path := r.PackPath
	return s.choose(text+"\n"+path,
		option{"P", s.p.T("close.print_pack"), func() tea.Cmd { return s.run("lp", path, "export.printed", "export.no_printer") }})
}
