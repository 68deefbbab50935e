package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"daicho/pdf"
	"daicho/store"
)

// The billing run from the contracts screen (B): the month, a preview of
// every invoice it would make, then drafts or issued invoices at once, then,
// if wanted, all of them as PDFs behind the progress bar. And p: a
// contract's summary (契約内容確認書) as a PDF.

type (
	// billingSuggestMsg carries the months still to bill up to next month,
	// found before asking which month to run.
	billingSuggestMsg struct {
		unbilled []time.Time
		next     time.Time
		err      error
	}
	billingPlanMsg struct {
		plan    store.BillingPlan
		earlier []time.Time // months before plan.Month still to bill, oldest first
		err     error
	}
	billingDoneMsg struct {
		res   store.BillingResult
		issue bool
		err   error
	}
	contractExportedMsg struct{ exportedMsg }
)

// askBilling finds the months still unbilled up to next month (runs are
// made ahead), then asks for the month: the earliest unbilled one by
// default, so a month nobody ran is not skipped.
func (s *contractsScreen) askBilling() tea.Cmd {
	next := s.today().AddDate(0, 1, 1-s.today().Day())
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		ms, err := st.UnbilledMonths(ctx, next)
		return billingSuggestMsg{unbilled: ms, next: next, err: err}
	}
}

// askBillingMonth asks for the month of the run, suggesting the earliest
// unbilled one.
func (s *contractsScreen) askBillingMonth(msg billingSuggestMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	suggest := msg.next
	if len(msg.unbilled) > 0 {
		suggest = msg.unbilled[0]
	}
	return s.prompt(s.p.T("con.bill_month"), suggest.Format("2006-01"), func(v string) error {
		_, err := parseMonth(v)
		return err
	}, func(v string) tea.Cmd {
		month, _ := parseMonth(v)
		st, ctx := s.st, s.ctx
		return func() tea.Msg {
			plan, err := st.PlanBilling(ctx, month)
			if err != nil {
				return billingPlanMsg{err: err}
			}
			ms, err := st.UnbilledMonths(ctx, month)
			var earlier []time.Time
			for _, m := range ms {
				if m.Before(plan.Month) {
					earlier = append(earlier, m)
				}
			}
			return billingPlanMsg{plan: plan, earlier: earlier, err: err}
		}
	})
}

// parseMonth reads "2026-12" (or a full date) as the month's first day.
func parseMonth(v string) (time.Time, error) {
	d, err := store.ParseDate(strings.TrimSpace(v) + "-01")
	if err != nil {
		d, err = store.ParseDate(v)
	}
	if err != nil {
		return time.Time{}, err
	}
	return store.DateOf(d.Year(), d.Month(), 1), nil
}

// showPlan previews the run and asks how to make the invoices; when
// earlier months are still unbilled it offers to bill them all, in order,
// and it lists the contracts it holds back (archived customers).
func (s *contractsScreen) showPlan(msg billingPlanMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	plan := msg.plan
	month := plan.Month.Format("2006-01")
	held := s.heldLines(plan.Held)
	if len(plan.Invoices) == 0 && len(msg.earlier) == 0 {
		nothing := s.p.N("con.bill_nothing", plan.AlreadyBilled, month, plan.AlreadyBilled)
		if len(held) > 0 {
			return s.choose(strings.Join(append([]string{nothing, ""}, held...), "\n"))
		}
		return status(nothing)
	}
	var total store.Money
	lines := []string{s.p.N("con.bill_preview", len(plan.Invoices), month, len(plan.Invoices)), ""}
	const shown = 12
	for i, inv := range plan.Invoices {
		total += inv.Totals.Total
		if i < shown {
			lines = append(lines, fmt.Sprintf("%s %s  %s  %d %s  %s", fit(inv.CustomerCode, 6, false),
				fit(store.FoldDisplay(inv.CustomerName), 24, false), fit(strings.Join(inv.Contracts, ","), 12, false),
				len(inv.Lines), s.p.T("con.lines_short"), fit(s.money(inv.Totals.Total), 11, true)))
		}
	}
	if len(plan.Invoices) > shown {
		lines = append(lines, s.p.T("con.bill_more", len(plan.Invoices)-shown))
	}
	lines = append(lines, "", s.p.T("con.bill_total", total.Format(s.currency())))
	if plan.AlreadyBilled > 0 {
		lines = append(lines, s.p.N("con.bill_already", plan.AlreadyBilled, plan.AlreadyBilled))
	}
	if len(plan.Renewed) > 0 {
		lines = append(lines, s.p.T("con.bill_renews", strings.Join(plan.Renewed, ", ")))
	}
	if len(held) > 0 {
		lines = append(append(lines, ""), held...)
	}
	var opts []option
	if len(msg.earlier) > 0 {
		all := make([]string, 0, len(msg.earlier)+1)
		for _, m := range msg.earlier {
			all = append(all, m.Format("2006-01"))
		}
		all = append(all, month)
		lines = append(lines, "", s.p.T("con.bill_earlier", strings.Join(all[:len(all)-1], ", ")))
		catchUp := func(issue bool) func() tea.Cmd {
			return func() tea.Cmd {
				st, ctx := s.st, s.ctx
				return func() tea.Msg {
					rs, err := st.RunBillingThrough(ctx, plan.Month, issue)
					return billingDoneMsg{res: mergeResults(rs), issue: issue, err: err}
				}
			}
		}
		opts = append(opts, option{"a", s.p.T("con.bill_catch_up_issue", strings.Join(all, ", ")), catchUp(true)},
			option{"s", s.p.T("con.bill_catch_up_drafts", strings.Join(all, ", ")), catchUp(false)})
	}
	run := func(issue bool) func() tea.Cmd {
		return func() tea.Cmd {
			st, ctx := s.st, s.ctx
			return func() tea.Msg {
				res, err := st.RunBilling(ctx, plan.Month, issue)
				return billingDoneMsg{res: res, issue: issue, err: err}
			}
		}
	}
	if len(plan.Invoices) > 0 {
		opts = append(opts, option{"i", s.p.T("con.bill_issue"), run(true)},
			option{"d", s.p.T("con.bill_drafts"), run(false)})
	}
	return s.choose(strings.Join(lines, "\n"), opts...)
}

// heldLines lists the contracts a run leaves to a decision.
func (s *contractsScreen) heldLines(held []store.HeldContract) []string {
	if len(held) == 0 {
		return nil
	}
	out := []string{s.p.T("con.bill_held")}
	for _, h := range held {
		out = append(out, "  "+h.Number+"  "+h.CustomerCode+" "+store.FoldDisplay(h.CustomerName))
	}
	return out
}

// mergeResults adds up a catch-up run's months into one result, invoices
// in the order made.
func mergeResults(rs []store.BillingResult) store.BillingResult {
	var out store.BillingResult
	for _, r := range rs {
		out.Month = r.Month
		out.Invoices = append(out.Invoices, r.Invoices...)
		out.AlreadyBilled += r.AlreadyBilled
		out.Renewed = append(out.Renewed, r.Renewed...)
		out.Held = append(out.Held, r.Held...)
	}
	return out
}

// billingDone reports the run and offers the PDFs of what it made.
func (s *contractsScreen) billingDone(msg billingDoneMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	n := len(msg.res.Invoices)
	if n == 0 {
		return tea.Batch(s.load(0), status(s.p.N("con.bill_none_made", msg.res.AlreadyBilled, msg.res.AlreadyBilled)))
	}
	ids := make([]int64, n)
	for i, r := range msg.res.Invoices {
		ids[i] = r.ID
	}
	return tea.Batch(s.load(0), s.confirmThen(s.p.N("con.bill_made", n, n)+"\n"+s.p.N("con.bill_export", n), func() tea.Cmd {
		return s.startBatch(ids)
	}))
}

// exportContract writes the contract summary PDF into the exports folder.
func (s *contractsScreen) exportContract(id int64) tea.Cmd {
	return s.exportContractForce(id, false)
}

func (s *contractsScreen) exportContractForce(id int64, force bool) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		c, err := st.Contract(ctx, id)
		if err != nil {
			return contractExportedMsg{exportResult("", err)}
		}
		company, err := st.Company(ctx)
		if err != nil {
			return contractExportedMsg{exportResult("", err)}
		}
		ex := pdf.Exporter{Dir: s.exportsDir(company), Force: force, Channel: store.SentExport}
		path, err := ex.WriteContract(ctx, st, c, "")
		msg := exportResult(path, err)
		msg.retry = s.exportContractForce(id, true)
		return contractExportedMsg{msg}
	}
}
