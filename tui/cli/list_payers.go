package cli

import (
	"fmt"
	"io"

	"daicho/store"
	"daicho/store/exchange"
)

// listPayers prints the payer names learned from confirmed matches, by
// name then customer (--customer CODE: that customer's only). A name a
// stranger taught by mistake is removed in the customer's detail (p).
func (c *cli) listPayers(w io.Writer, st *store.Store, o listOptions) error {
	id, err := c.customerID(st, o.customer)
	if err != nil {
		return err
	}
	var as []store.PayerAlias
	if id != 0 {
		as, err = st.AliasesOf(c.ctx, id)
	} else {
		as, err = st.Aliases(c.ctx)
	}
	if err != nil {
		return err
	}
	return c.writeList(w, o.format, len(as), "cli.list.empty_payers",
		func() error { return exchange.WritePayersJSON(w, as) },
		func() error { return exchange.WritePayersCSV(w, as) },
		func() [][]string {
			rows := [][]string{{c.p.T("cli.col.payer"), c.p.T("cli.col.code"), c.p.T("cli.col.customer"),
				c.p.T("cli.col.confirmed")}}
			for _, a := range as {
				rows = append(rows, []string{store.FoldDisplay(a.Alias), a.CustomerCode, store.FoldDisplay(a.CustomerName),
					fmt.Sprint(a.Confirmed)})
			}
			return rows
		}, 3)
}
