package cli

import (
	"fmt"
	"time"
)

// exportContracts is export pdf --contracts --month YYYY-MM [--dir DIR], the
// monthly contract pack (毎月の契約書一括出力): for every contract active in
// the month its summary (契約内容確認書), then its invoices billed in the
// month, each written once (a combined invoice serves several contracts).
// Every file goes through the exporter, so it is kept in the archive. The
// paths go to stdout, the summary to stderr, as with --kind.
func (c *cli) exportContracts(pos []string, o exportOptions) int {
	switch {
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.export.contracts_no_number"))
	case o.kind != "":
		return c.usageError(c.p.T("cli.export.contracts_no_kind"))
	case o.output != "":
		return c.usageError(c.p.T("cli.export.o_with_month"))
	case o.month == "":
		return c.usageError(c.p.T("cli.export.contracts_month"))
	}
	month, err := time.Parse("2006-01", o.month)
	if err != nil {
		return c.usageError(c.p.T("cli.export.bad_month", o.month))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	ex, _, code := c.exporter(st, o)
	if code != exitOK {
		return code
	}
	cms, err := st.ContractsOfMonth(c.ctx, month)
	if err != nil {
		return c.failErr(err)
	}
	if len(cms) == 0 {
		fmt.Fprintln(c.stderr, c.p.T("cli.export.contracts_none", o.month))
		return exitOK
	}
	written := map[int64]bool{}
	var summaries, invoices int
	for _, cm := range cms {
		path, err := ex.WriteContract(c.ctx, st, cm.Contract, "")
		if err != nil {
			return c.exportFailed(path, err)
		}
		fmt.Fprintln(c.stdout, path)
		summaries++
		for _, id := range cm.Invoices {
			if written[id] {
				continue
			}
			written[id] = true
			d, err := st.Document(c.ctx, id)
			if err != nil {
				return c.failErr(err)
			}
			path, err := ex.WriteDocument(c.ctx, st, d, "")
			if err != nil {
				return c.exportFailed(path, err)
			}
			fmt.Fprintln(c.stdout, path)
			invoices++
		}
	}
	fmt.Fprintln(c.stderr, c.p.T("cli.export.contracts_done", summaries, invoices, ex.Dir))
	return exitOK
}
