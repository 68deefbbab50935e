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

// parseAsOf reads an --as-of date: the zero time when none is given (today,
// once the store's clock is known).
func parseAsOf(v string) (time.Time, error) {
	if v == "" {
		return time.Time{}, nil
	}
	return store.ParseDate(v)
}

// overdue prints the invoices past due as of a day (today by default).
func (c *cli) overdue(args []string) int {
	fs := c.flagSet("overdue")
	asOf := fs.String("as-of", "", "")
	format := fs.String("format", "table", "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	case !slices.Contains(listFormats, *format):
		return c.usageError(c.p.T("cli.list.bad_format", *format))
	}
	day, err := parseAsOf(*asOf)
	if err != nil {
		return c.usageError(c.p.T("cli.list.bad_date", "--as-of", *asOf))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	if day.IsZero() {
		day = store.Today(st.Now())
	}
	items, err := st.Overdue(c.ctx, day)
	if err == nil {
		err = st.AttachStages(c.ctx, day, items)
	}
	if err != nil {
		return c.failErr(err)
	}
	w := bufio.NewWriter(c.stdout)
	switch *format {
	case "json":
		err = exchange.WriteOverdueJSON(w, items)
	case "csv":
		err = exchange.WriteOverdueCSV(w, items)
	default:
		err = c.overdueTable(w, items, day, c.currency(st))
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// overdueTable writes the overdue invoices, the most overdue first, then
// the totals per aging bucket.
func (c *cli) overdueTable(w io.Writer, items []store.OverdueInvoice, day time.Time, cur store.Currency) error {
	if len(items) == 0 {
		fmt.Fprintln(c.stderr, c.p.T("cli.overdue.none", store.FormatDate(day)))
		return nil
	}
	p := c.p
	rows := [][]string{{p.T("cli.col.number"), p.T("cli.col.code"), p.T("cli.col.customer"), p.T("cli.col.person"),
		p.T("cli.col.due_date"), p.T("cli.col.days"), p.T("cli.col.open"), p.T("cli.col.bucket")}}
	for _, it := range items {
		rows = append(rows, []string{it.Number, it.CustomerCode, store.FoldDisplay(it.CustomerName),
			store.FoldDisplay(it.PersonInCharge), store.FormatDate(it.DueDate), fmt.Sprint(it.DaysOverdue),
			it.Open.Plain(cur), it.Bucket})
	}
	if err := writeTable(w, rows, 5, 6); err != nil {
		return err
	}
	a := store.Aging(items)
	var parts []string
	for _, b := range store.AgingBuckets {
		parts = append(parts, p.T("cli.overdue.bucket", b, a.Counts[b], a.Buckets[b].Format(cur)))
	}
	_, err := fmt.Fprintln(w, "\n"+p.N("cli.overdue.total", a.Count, store.FormatDate(day), a.Count, a.Total.Format(cur),
		strings.Join(parts, " · ")))
	return err
}
