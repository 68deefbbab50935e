package cli

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"daicho/store"
)

// bill runs the billing for --month: with --dry-run it prints every invoice
// the run would make and writes nothing; else it makes them (issued with
// --issue, else drafts) and prints what it made, or that the month was
// billed before.
//
// Earlier months still unbilled: bill warns on stderr and bills only the
// month asked (a script billing one month keeps working and is told), or,
// with --catch-up, bills every unbilled month up to --month, oldest first,
// in one transaction. Contracts of archived customers are listed, never
// billed (store.BillingPlan.Held).
func (c *cli) bill(args []string) int {
	fs := c.flagSet("bill")
	monthFlag := fs.String("month", "", "")
	issue := fs.Bool("issue", false, "")
	dry := fs.Bool("dry-run", false, "")
	catchUp := fs.Bool("catch-up", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	case *monthFlag == "":
		return c.usageError(c.p.T("cli.bill.need_month"))
	}
	month, err := time.Parse("2006-01", *monthFlag)
	if err != nil {
		return c.usageError(c.p.T("cli.export.bad_month", *monthFlag))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	w := bufio.NewWriter(c.stdout)
	switch {
	case *catchUp && !*dry:
		err = c.catchUp(w, st, month, *issue)
	default:
		if err = c.warnEarlier(st, month, *catchUp); err != nil {
			break
		}
		if *dry {
			err = c.printPlan(w, st, month)
		} else {
			err = c.runBilling(w, st, month, *issue)
		}
	}
	if err == nil {
		err = w.Flush()
	}
	var be *store.BillingError
	if errors.As(err, &be) {
		return c.fail(c.p.T("cli.bill.failed", be.Contract, c.p.Error(be.Err)))
	}
	if err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// warnEarlier tells on stderr which months before month are still unbilled
// (with catchUp, as a dry run, which months --catch-up would bill first).
func (c *cli) warnEarlier(st *store.Store, month time.Time, catchUp bool) error {
	ms, err := st.UnbilledMonths(c.ctx, month)
	if err != nil {
		return err
	}
	var earlier []string
	for _, m := range ms {
		if m.Before(month) {
			earlier = append(earlier, m.Format("2006-01"))
		}
	}
	if len(earlier) == 0 {
		return nil
	}
	key := "cli.bill.earlier_unbilled"
	if catchUp {
		key = "cli.bill.would_catch_up"
	}
	fmt.Fprintln(c.stderr, c.p.T(key, strings.Join(earlier, ", "), month.Format("2006-01")))
	return nil
}

// catchUp bills every unbilled month up to month in order and reports each
// as runBilling does.
func (c *cli) catchUp(w io.Writer, st *store.Store, month time.Time, issue bool) error {
	rs, err := st.RunBillingThrough(c.ctx, month, issue)
	if err != nil {
		return err
	}
	for i, res := range rs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		if err := c.reportRun(w, st, res, issue); err != nil {
			return err
		}
	}
	return nil
}

// printHeld lists the contracts a run left to a decision.
func (c *cli) printHeld(w io.Writer, held []store.HeldContract) {
	if len(held) == 0 {
		return
	}
	fmt.Fprintln(w, c.p.T("cli.bill.held"))
	for _, h := range held {
		fmt.Fprintln(w, "  "+h.Number+"  "+h.CustomerCode+" "+store.FoldDisplay(h.CustomerName))
	}
}

// printPlan prints the dry run: each invoice with its customer, contracts,
// lines (their descriptions carry the service period) and totals.
func (c *cli) printPlan(w io.Writer, st *store.Store, month time.Time) error {
	plan, err := st.PlanBilling(c.ctx, month)
	if err != nil {
		return err
	}
	m := month.Format("2006-01")
	c.printHeld(w, plan.Held)
	if len(plan.Invoices) == 0 {
		return c.nothingToBill(w, m, plan.AlreadyBilled)
	}
	cur := c.currency(st)
	fmt.Fprintln(w, c.p.N("cli.bill.plan", len(plan.Invoices), m, len(plan.Invoices), c.p.N("cli.bill.left_alone", plan.AlreadyBilled, plan.AlreadyBilled)))
	if len(plan.Renewed) > 0 {
		fmt.Fprintln(w, c.p.T("cli.bill.would_renew", c.numbers(plan.Renewed)))
	}
	var total store.Money
	for _, inv := range plan.Invoices {
		fmt.Fprintln(w, "\n"+c.p.T("cli.bill.invoice", inv.CustomerCode, store.FoldDisplay(inv.CustomerName),
			strings.Join(inv.Contracts, ", "), store.FormatDate(inv.IssueDate)))
		if err := indented(w, planLines(c.p.T, inv.Lines, cur), 1, 3, 4); err != nil {
			return err
		}
		fmt.Fprintln(w, "  "+c.p.T("cli.bill.totals", inv.Totals.Subtotal.Format(cur), inv.Totals.Tax.Format(cur),
			inv.Totals.Total.Format(cur)))
		total += inv.Totals.Total
	}
	_, err = fmt.Fprintln(w, "\n"+c.p.N("cli.bill.plan_total", len(plan.Invoices), len(plan.Invoices), total.Format(cur)))
	return err
}

// runBilling makes the month's invoices and lists them with their customer
// and total.
func (c *cli) runBilling(w io.Writer, st *store.Store, month time.Time, issue bool) error {
	res, err := st.RunBilling(c.ctx, month, issue)
	if err != nil {
		return err
	}
	return c.reportRun(w, st, res, issue)
}

// reportRun prints what one month's run did.
func (c *cli) reportRun(w io.Writer, st *store.Store, res store.BillingResult, issue bool) error {
	month := res.Month
	m := month.Format("2006-01")
	c.printHeld(w, res.Held)
	if len(res.Renewed) > 0 {
		fmt.Fprintln(w, c.p.T("cli.bill.renewed", c.numbers(res.Renewed)))
	}
	if len(res.Invoices) == 0 {
		return c.nothingToBill(w, m, res.AlreadyBilled)
	}
	// The customers of the invoices: one query for the month, not one per
	// invoice (a run over 5,000 contracts makes thousands).
	ds, err := st.DocumentSummaries(c.ctx, store.DocumentFilter{Kind: store.KindInvoice, From: month,
		To: store.MonthEndOf(month.Year(), month.Month())})
	if err != nil {
		return err
	}
	byID := make(map[int64]store.DocumentSummary, len(ds))
	for _, d := range ds {
		byID[d.ID] = d
	}
	key := "cli.bill.made_drafts"
	if issue {
		key = "cli.bill.made_issued"
	}
	fmt.Fprintln(w, c.p.N(key, len(res.Invoices), m, len(res.Invoices), c.p.N("cli.bill.were_left_alone", res.AlreadyBilled, res.AlreadyBilled)))
	cur := c.currency(st)
	rows := [][]string{{c.p.T("cli.col.number"), c.p.T("cli.col.code"), c.p.T("cli.col.customer"),
		c.p.T("cli.col.issue_date"), c.p.T("cli.col.total")}}
	for _, ref := range res.Invoices {
		number := ref.Number
		if number == "" {
			number = c.p.T("cli.bill.draft", ref.ID)
		}
		d := byID[ref.ID]
		rows = append(rows, []string{number, d.CustomerCode, store.FoldDisplay(d.CustomerName),
			store.FormatDate(ref.IssueDate), ref.Total.Plain(cur)})
	}
	return writeTable(w, rows, 4)
}

// nothingToBill says why a run makes nothing: the month was billed before,
// or no contract has a period due in it. Either way it is not a failure.
func (c *cli) nothingToBill(w io.Writer, month string, already int) error {
	msg := c.p.T("cli.bill.none_due", month)
	if already > 0 {
		msg = c.p.N("cli.bill.nothing_new", already, month, already)
	}
	_, err := fmt.Fprintln(w, msg)
	return err
}

// shownNumbers is how many contract numbers a line lists before "and N
// more": a large run renews hundreds, and list contracts shows them all.
const shownNumbers = 10

// numbers lists contract numbers on one line, the first shownNumbers of them.
func (c *cli) numbers(ns []string) string {
	if len(ns) <= shownNumbers {
		return strings.Join(ns, ", ")
	}
	return strings.Join(ns[:shownNumbers], ", ") + " " + c.p.T("cli.bill.more", len(ns)-shownNumbers)
}

// planLines is the line table of a planned invoice.
func planLines(t func(string, ...any) string, lines []store.Line, cur store.Currency) [][]string {
	rows := [][]string{{t("cli.col.description"), t("cli.col.quantity"), t("cli.col.unit"), t("cli.col.unit_price"),
		t("cli.col.amount"), t("cli.col.tax")}}
	for _, l := range lines {
		rows = append(rows, []string{store.FoldDisplay(l.Description), l.Quantity.String(), l.Unit,
			l.UnitPrice.Plain(cur), l.Amount.Plain(cur), fmt.Sprintf("%d%%", l.TaxRate)})
	}
	return rows
}
