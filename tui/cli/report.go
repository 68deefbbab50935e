package cli

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"daicho/store"
	"daicho/store/exchange"
)

// reportKinds are what `daicho report` prints.
var reportKinds = []string{"sales", "margin", "aging", "balances"}

// reportOptions are the flags of report.
type reportOptions struct{ from, to, by, format string }

// report prints the sales or margin report of a period, grouped by month,
// customer, product or person in charge, or the receivables aging as of a
// day (ARCHITECTURE.md §8).
func (c *cli) report(args []string) int {
	fs := c.flagSet("report")
	var o reportOptions
	for name, dst := range map[string]*string{"from": &o.from, "to": &o.to, "by": &o.by} {
		fs.StringVar(dst, name, "", "")
	}
	fs.StringVar(&o.format, "format", "table", "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.report.what"))
	case !slices.Contains(reportKinds, pos[0]):
		return c.usageError(c.p.T("cli.report.unknown", pos[0]))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	case !slices.Contains(listFormats, o.format):
		return c.usageError(c.p.T("cli.list.bad_format", o.format))
	case pos[0] == "aging" && o.from != "":
		return c.usageError(c.p.T("cli.report.aging_from"))
	case pos[0] == "aging" && o.by != "" && o.by != store.ReportByCustomer:
		return c.usageError(c.p.T("cli.report.aging_by", o.by))
	case pos[0] == "balances" && o.by != "":
		return c.usageError(c.p.T("cli.report.balances_by"))
	case pos[0] != "aging" && o.by != "" && !slices.Contains(store.ReportGroupings, o.by):
		return c.usageError(c.p.T("cli.report.bad_by", o.by, strings.Join(store.ReportGroupings, ", ")))
	}
	f, problem := c.documentFilter(listOptions{from: o.from, to: o.to})
	if problem != "" {
		return c.usageError(problem)
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	today, cur := store.Today(st.Now()), c.currency(st)
	w := bufio.NewWriter(c.stdout)
	var err error
	switch pos[0] {
	case "aging":
		err = c.agingReport(w, st, store.AgingDate(today, f.To), o.by == store.ReportByCustomer, o.format, cur)
	case "balances":
		from, to := store.ReportPeriod(today, f.From, f.To)
		if to.Before(from) {
			return c.usageError(c.p.T("cli.list.from_after_to", store.FormatDate(from), store.FormatDate(to)))
		}
		err = c.balancesReport(w, st, from, to, o.format, cur)
	default:
		q := store.ReportQuery{By: o.by, From: f.From, To: f.To}
		if q.By == "" {
			q.By = store.ReportByMonth
		}
		q.From, q.To = store.ReportPeriod(today, q.From, q.To)
		if q.To.Before(q.From) {
			return c.usageError(c.p.T("cli.list.from_after_to", store.FormatDate(q.From), store.FormatDate(q.To)))
		}
		var rep store.Report
		if rep, err = st.SalesReport(c.ctx, q); err == nil {
			err = c.salesReport(w, rep, pos[0] == "margin", o.format, cur)
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// reportLabel is a row's name as people read it: the product or customer
// name, the month, or words for the rows without a product or a person.
func (c *cli) reportLabel(by string, r store.ReportRow) string {
	switch {
	case by == store.ReportByProduct && r.Key == "":
		return c.p.T("cli.report.no_product")
	case by == store.ReportByPerson && r.Key == "":
		return c.p.T("cli.report.no_person")
	}
	return store.FoldDisplay(r.Label)
}

// marginCell is a row's margin as the table shows it ("40.5%"), or ""
// without sales.
func marginCell(r store.ReportRow) string {
	if m, ok := r.MarginPermille(); ok {
		return store.FormatPermille(m) + "%"
	}
	return ""
}

// salesReport writes a sales report (with margin, also cost, gross profit
// and margin) as a table with its total, as CSV rows (no total: a script
// sums them) or as one JSON object with the period, the rows and the total.
func (c *cli) salesReport(w io.Writer, rep store.Report, margin bool, format string, cur store.Currency) error {
	by := rep.Query.By
	switch format {
	case "json":
		return exchange.WriteReportJSON(w, rep, margin)
	case "csv":
		return exchange.WriteReportCSV(w, rep, margin)
	}
	p := c.p
	heading := "cli.report.sales_heading"
	if margin {
		heading = "cli.report.margin_heading"
	}
	fmt.Fprintln(w, p.T(heading, store.FormatDate(rep.Query.From), store.FormatDate(rep.Query.To), p.T("cli.report.by_"+by)))
	if rep.Total.Documents == 0 {
		fmt.Fprintln(c.stderr, p.T("cli.report.nothing", store.FormatDate(rep.Query.From), store.FormatDate(rep.Query.To)))
	}
	// Month and person are their own label; customers and products have a
	// code and a name.
	named := by == store.ReportByCustomer || by == store.ReportByProduct
	header := []string{p.T("cli.report.col_" + by)}
	if named {
		header = append(header, p.T("cli.col.name"))
	}
	header = append(header, p.T("cli.col.documents"), p.T("cli.col.sales"))
	if margin {
		header = append(header, p.T("cli.col.cost_total"), p.T("cli.col.profit"), p.T("cli.col.margin"))
	}
	line := func(first, name string, r store.ReportRow) []string {
		row := []string{first}
		if named {
			row = append(row, name)
		}
		row = append(row, fmt.Sprint(r.Documents), r.Sales.Plain(cur))
		if margin {
			row = append(row, r.Cost.Plain(cur), r.Profit().Plain(cur), marginCell(r))
		}
		return row
	}
	rows := [][]string{header}
	for _, r := range rep.Rows {
		first, name := r.Key, c.reportLabel(by, r)
		if !named {
			first = name
		}
		rows = append(rows, line(first, name, r))
	}
	rows = append(rows, line(p.T("cli.report.total"), "", rep.Total))
	var right []int // the figures: every column after the key (and the name)
	for i := len(header) - 1; i > 0 && !(named && i == 1); i-- {
		right = append(right, i)
	}
	return writeTable(w, rows, right...)
}

// agingReport writes the overdue receivables as of a day per aging bucket
// and in all, and with perCustomer one row per customer (store.Receivables,
// as the Reports screen shows them).
func (c *cli) agingReport(w io.Writer, st *store.Store, asOf time.Time, perCustomer bool, format string, cur store.Currency) error {
	r, err := st.Receivables(c.ctx, asOf)
	if err != nil {
		return err
	}
	a := exchange.ToAgingJSON(r)
	switch format {
	case "json":
		return exchange.WriteAgingJSON(w, a, perCustomer)
	case "csv":
		return exchange.WriteAgingCSV(w, a, perCustomer)
	}
	p := c.p
	fmt.Fprintln(w, p.T("cli.report.aging_heading", store.FormatDate(asOf)))
	rows := [][]string{{p.T("cli.col.bucket"), p.T("cli.col.invoices"), p.T("cli.col.open")}}
	for _, b := range a.Buckets {
		label := p.T("rep.not_due")
		if b.Bucket != "not_due" {
			label = p.T("cli.report.days", b.Bucket)
		}
		rows = append(rows, []string{label, fmt.Sprint(b.Invoices), b.Open.Plain(cur)})
	}
	rows = append(rows, []string{p.T("cli.report.total"), fmt.Sprint(a.Total.Invoices), a.Total.Open.Plain(cur)})
	if err := writeTable(w, rows, 1, 2); err != nil || !perCustomer || len(a.Customers) == 0 {
		return err
	}
	fmt.Fprintln(w)
	rows = [][]string{{p.T("cli.col.code"), p.T("cli.col.customer"), p.T("cli.col.person"), p.T("cli.col.invoices"),
		p.T("cli.col.oldest"), p.T("cli.col.open")}}
	for _, cu := range a.Customers {
		rows = append(rows, []string{cu.Code, store.FoldDisplay(cu.Name), store.FoldDisplay(cu.PersonInCharge),
			fmt.Sprint(cu.Invoices), fmt.Sprint(cu.OldestDays), cu.Open.Plain(cur)})
	}
	return writeTable(w, rows, 3, 4, 5)
}

// balancesReport writes the receivables by customer over a period
// (売掛金残高一覧表): previous balance, invoiced, received, adjusted and
// closing balance per customer, and the total.
func (c *cli) balancesReport(w io.Writer, st *store.Store, from, to time.Time, format string, cur store.Currency) error {
	rep, err := st.ReceivableBalances(c.ctx, from, to)
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return exchange.WriteBalancesJSON(w, rep)
	case "csv":
		return exchange.WriteBalancesCSV(w, rep)
	}
	p := c.p
	fmt.Fprintln(w, p.T("cli.report.balances_heading", store.FormatDate(from), store.FormatDate(to)))
	rows := [][]string{{p.T("cli.col.code"), p.T("cli.col.customer"), p.T("bal.previous"), p.T("bal.invoiced"),
		p.T("bal.received"), p.T("bal.adjusted"), p.T("bal.closing")}}
	line := func(code, name string, r store.BalanceRow) []string {
		return []string{code, name, r.Previous.Plain(cur), r.Invoiced.Plain(cur), r.Received.Plain(cur),
			r.Adjusted.Plain(cur), r.Closing.Plain(cur)}
	}
	for _, r := range rep.Rows {
		rows = append(rows, line(r.Code, store.FoldDisplay(r.Name), r))
	}
	rows = append(rows, line(p.T("cli.report.total"), "", rep.Total))
	return writeTable(w, rows, 2, 3, 4, 5, 6)
}
