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
	billingPlanMsg struct {
		plan store.BillingPlan
		err  error
	}
	billingDoneMsg struct {
		res   store.BillingResult
		issue bool
		err   error
	}
	contractExportedMsg struct{ exportedMsg }
)

// askBilling asks for the month (next month by default: runs are made ahead).
func (s *contractsScreen) askBilling() tea.Cmd {
	next := s.today().AddDate(0, 1, 1-s.today().Day())
	return s.prompt(s.p.T("con.bill_month"), next.Format("2006-01"), func(v string) error {
		_, err := parseMonth(v)
		return err
	}, func(v string) tea.Cmd {
		month, _ := parseMonth(v)
		st, ctx := s.st, s.ctx
		return func() tea.Msg {
			plan, err := st.PlanBilling(ctx, month)
			return billingPlanMsg{plan: plan, err: err}
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

// showPlan previews the run and asks how to make the invoices.
func (s *contractsScreen) showPlan(msg billingPlanMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	plan := msg.plan
	month := plan.Month.Format("2006-01")
	if len(plan.Invoices) == 0 {
		return status(s.p.N("con.bill_nothing", plan.AlreadyBilled, month, plan.AlreadyBilled))
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
	run := func(issue bool) func() tea.Cmd {
		return func() tea.Cmd {
			st, ctx := s.st, s.ctx
			return func() tea.Msg {
				res, err := st.RunBilling(ctx, plan.Month, issue)
				return billingDoneMsg{res: res, issue: issue, err: err}
			}
		}
	}
	return s.choose(strings.Join(lines, "\n"),
		option{"i", s.p.T("con.bill_issue"), run(true)},
		option{"d", s.p.T("con.bill_drafts"), run(false)})
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
