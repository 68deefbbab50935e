package cli

import (
	"fmt"
	"strconv"

	"daicho/store"
)

// receipt shows, or with --issue makes and issues, the 領収書 of a payment
// (PAYMENT_ID) or of each live payment of an invoice (INVOICE_NUMBER). It
// prints one line per payment: the receipt's number, or that it has none
// yet. An issued receipt prints with `export pdf NUMBER`.
func (c *cli) receipt(args []string) int {
	fs := c.flagSet("receipt")
	issue := fs.Bool("issue", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		return c.usageError(c.p.T("cli.receipt.usage"))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	payments, err := c.receiptPayments(st, pos[0])
	if err != nil {
		return c.failErr(err)
	}
	if len(payments) == 0 {
		return c.fail(c.p.T("cli.receipt.no_payments", pos[0]))
	}
	for _, id := range payments {
		var r store.Document
		if *issue {
			r, err = st.IssueReceipt(c.ctx, id)
		} else {
			r, err = st.ReceiptFor(c.ctx, id)
			if e, ok := store.AsError(err); ok && e.Code == store.CodeNotFound {
				fmt.Fprintln(c.stdout, c.p.T("cli.receipt.none", id))
				continue
			}
		}
		if err != nil {
			return c.failErr(err)
		}
		fmt.Fprintln(c.stdout, c.p.T("cli.receipt.line", id, r.Number, r.Totals.Total.Format(c.currency(st))))
	}
	return exitOK
}

// receiptPayments reads the argument as a payment id, else as an invoice
// number whose live (not reversed) allocations name the payments.
func (c *cli) receiptPayments(st *store.Store, arg string) ([]int64, error) {
	if id, err := strconv.ParseInt(arg, 10, 64); err == nil {
		p, _, err := st.Payment(c.ctx, id)
		return []int64{p.ID}, err
	}
	inv, err := st.DocumentByNumber(c.ctx, arg)
	if err != nil {
		return nil, err
	}
	allocs, err := st.InvoiceAllocations(c.ctx, inv.ID)
	if err != nil {
		return nil, err
	}
	var ids []int64
	seen := map[int64]bool{}
	for _, a := range allocs {
		if a.ReversesID == 0 && !a.Reversed && !seen[a.PaymentID] {
			seen[a.PaymentID] = true
			ids = append(ids, a.PaymentID)
		}
	}
	return ids, nil
}
