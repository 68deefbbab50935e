package cli

import (
	"bytes"
	"errors"
	"fmt"

	"daicho/store"
	"daicho/store/exchange"
)

// importBalances records the opening balances of a file (`daicho import
// balances FILE`, issue 16), all or nothing: every problem of the file and
// of its rows against the database is reported by line, and nothing is
// written unless there is none. Each balance becomes an issued
// opening-balance invoice, printed with its number.
func (c *cli) importBalances(path string) int {
	data, name, err := c.readInput(path)
	if err != nil {
		return c.fail(c.p.T("cli.import.read", path, err))
	}
	where := "err.at_line"
	if exchange.DetectFormat(data) == exchange.JSON {
		where = "cli.import.record"
	}
	problem := func(re store.RowError) string { return c.p.T(where, re.Line, c.p.Error(re.Err)) }
	bs, lines, err := exchange.ReadBalances(bytes.NewReader(data), name)
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, batch, problem)
	}
	if err != nil {
		return c.failErr(err)
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	refs, err := st.ImportOpeningBalances(c.ctx, bs, lines)
	if errors.As(err, &batch) {
		return c.reportProblems(name, batch, problem)
	}
	if err != nil {
		return c.failErr(err)
	}
	cur := c.currency(st)
	fmt.Fprintln(c.stdout, c.p.N("cli.import.balances_done", len(refs), len(refs)))
	for i, r := range refs {
		fmt.Fprintln(c.stdout, c.p.T("cli.import.balance", bs[i].CustomerCode, r.Number, r.Total.Format(cur)))
	}
	return exitOK
}
