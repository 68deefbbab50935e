package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"daicho/store"
	"daicho/store/exchange"
)

// listFormats are the output formats of list.
var listFormats = []string{"table", "csv", "json"}

// listFlags are the flags only some lists take; --format is everyone's.
var listFlags = map[string][]string{
	"customers": {"archived"},
	"products":  {"archived"},
	"documents": {"kind", "status", "customer", "from", "to", "min", "max"},
	"payments":  {"customer", "from", "to"},
	"contracts": {"status", "customer"},
	"inquiries": {"status", "customer"},
	"payers":    {"customer"}, // the learned payer names (issue 14), list_payers.go
}

// documentStatuses are the document statuses --status takes: the stored
// ones and expired, which an issued estimate past its valid-until date reads
// as. --status also takes the payment states of issued invoices
// (store.PaymentFilters); the two sets share no word.
var documentStatuses = []string{store.StatusDraft, store.StatusIssued, store.StatusAccepted, store.StatusDeclined,
	store.StatusExpired, store.StatusVoid}

// listOptions are the flags of list.
type listOptions struct {
	format, kind, status, customer, from, to string
	min, max                                 string // the total's range (documents)
	archived                                 bool
	amount                                   store.MoneyRange // min and max, read in the company's currency
}

// list prints the customers, products, documents, payments, contracts or
// inquiries on stdout.
func (c *cli) list(args []string) int {
	fs := c.flagSet("list")
	var o listOptions
	fs.StringVar(&o.format, "format", "table", "")
	fs.BoolVar(&o.archived, "archived", false, "")
	for name, dst := range map[string]*string{"kind": &o.kind, "status": &o.status, "customer": &o.customer,
		"from": &o.from, "to": &o.to, "min": &o.min, "max": &o.max} {
		fs.StringVar(dst, name, "", "")
	}
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if code := c.checkList(fs, pos, o); code != exitOK {
		return code
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	var problem string
	if o.amount, problem = c.amountRange(st, o.min, o.max); problem != "" {
		return c.usageError(problem)
	}
	w := bufio.NewWriter(c.stdout)
	var err error
	switch pos[0] {
	case "customers":
		err = c.listCustomers(w, st, o)
	case "products":
		err = c.listProducts(w, st, o)
	case "payments":
		err = c.listPayments(w, st, o)
	case "contracts":
		err = c.listContracts(w, st, o)
	case "inquiries":
		err = c.listInquiries(w, st, o)
	case "payers":
		err = c.listPayers(w, st, o)
	default:
		err = c.listDocuments(w, st, o)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// checkList refuses, as bad usage, a list that cannot run: nothing or
// something unknown to list, a flag of another list, a bad format or filter.
func (c *cli) checkList(fs *flag.FlagSet, pos []string, o listOptions) int {
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.list.what"))
	case listFlags[pos[0]] == nil:
		return c.usageError(c.p.T("cli.list.unknown", pos[0]))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	case !slices.Contains(listFormats, o.format):
		return c.usageError(c.p.T("cli.list.bad_format", o.format))
	}
	var wrong string
	fs.Visit(func(f *flag.Flag) {
		for _, names := range listFlags {
			if slices.Contains(names, f.Name) && !slices.Contains(listFlags[pos[0]], f.Name) {
				wrong = f.Name
			}
		}
	})
	if wrong != "" {
		return c.usageError(c.p.T("cli.list.flag_not_for", wrong, pos[0]))
	}
	if pos[0] == "contracts" { // statuses of their own
		return c.checkContractStatus(o.status)
	}
	if pos[0] == "inquiries" {
		return c.checkInquiryStatus(o.status)
	}
	if _, msg := c.documentFilter(o); msg != "" {
		return c.usageError(msg)
	}
	return exitOK
}

// documentFilter turns the filter flags into a filter (without the
// customer, which needs the database), or says which flag is wrong.
func (c *cli) documentFilter(o listOptions) (f store.DocumentFilter, problem string) {
	if o.kind != "" && !slices.Contains(store.ListedKinds, o.kind) {
		return f, c.p.T("cli.list.bad_kind", o.kind, strings.Join(store.ListedKinds, ", "))
	}
	switch {
	case slices.Contains(store.PaymentFilters, o.status):
		f.Payment = o.status
	case o.status == "" || slices.Contains(documentStatuses, o.status):
		f.Status = o.status
	default:
		all := append(slices.Clone(documentStatuses), store.PaymentFilters...)
		return f, c.p.T("cli.list.bad_status", o.status, strings.Join(all, ", "))
	}
	f.Kind = o.kind
	for _, d := range []struct {
		flag, value string
		dst         *time.Time
	}{{"--from", o.from, &f.From}, {"--to", o.to, &f.To}} {
		if d.value == "" {
			continue
		}
		var err error
		if *d.dst, err = store.ParseDate(d.value); err != nil {
			return f, c.p.T("cli.list.bad_date", d.flag, d.value)
		}
	}
	if !f.From.IsZero() && !f.To.IsZero() && f.To.Before(f.From) {
		return f, c.p.T("cli.list.from_after_to", o.from, o.to)
	}
	return f, ""
}

// checkContractStatus refuses a --status a contract cannot have.
func (c *cli) checkContractStatus(status string) int {
	if status != "" && !slices.Contains(store.ContractStatuses, status) {
		return c.usageError(c.p.T("cli.list.bad_status", status, strings.Join(store.ContractStatuses, ", ")))
	}
	return exitOK
}

// checkInquiryStatus refuses a --status an inquiry cannot have.
func (c *cli) checkInquiryStatus(status string) int {
	if status != "" && !slices.Contains(store.InquiryStatuses, status) {
		return c.usageError(c.p.T("cli.list.bad_status", status, strings.Join(store.InquiryStatuses, ", ")))
	}
	return exitOK
}

// writeList writes a list as JSON, CSV or (the default) a table with the
// given columns aligned right; an empty table is a line on stderr, so a
// script reading stdout sees nothing.
func (c *cli) writeList(w io.Writer, format string, n int, emptyKey string,
	asJSON, asCSV func() error, table func() [][]string, right ...int) error {
	switch format {
	case "json":
		return asJSON()
	case "csv":
		return asCSV()
	}
	if n == 0 {
		fmt.Fprintln(c.stderr, c.p.T(emptyKey))
		return nil
	}
	return writeTable(w, table(), right...)
}

// customerID resolves --customer CODE (0 when none was given).
func (c *cli) customerID(st *store.Store, code string) (int64, error) {
	if code == "" {
		return 0, nil
	}
	cu, err := st.CustomerByCode(c.ctx, code)
	return cu.ID, err
}

func (c *cli) listCustomers(w io.Writer, st *store.Store, o listOptions) error {
	cs, err := st.Customers(c.ctx)
	if err != nil {
		return err
	}
	if !o.archived { // the rule for every format, so a script sees what the table shows
		cs = slices.DeleteFunc(cs, func(cu store.Customer) bool { return cu.Archived })
	}
	return c.writeList(w, o.format, len(cs), "cli.list.empty",
		func() error { return exchange.WriteCustomersJSON(w, cs) },
		func() error { return exchange.WriteCustomersCSV(w, cs) },
		func() [][]string { return customerTable(c.p, cs, o.archived) })
}

func (c *cli) listProducts(w io.Writer, st *store.Store, o listOptions) error {
	ps, err := st.Products(c.ctx)
	if err != nil {
		return err
	}
	if !o.archived {
		ps = slices.DeleteFunc(ps, func(p store.Product) bool { return p.Archived })
	}
	return c.writeList(w, o.format, len(ps), "cli.list.empty_products",
		func() error { return exchange.WriteProductsJSON(w, ps) },
		func() error { return exchange.WriteProductsCSV(w, ps) },
		func() [][]string { return productTable(c.p, ps, c.currency(st), o.archived) }, 3, 4)
}

func (c *cli) listDocuments(w io.Writer, st *store.Store, o listOptions) error {
	f, _ := c.documentFilter(o) // checked by checkList
	var err error
	if f.CustomerID, err = c.customerID(st, o.customer); err != nil {
		return err
	}
	f.Today = store.Today(st.Now())
	f.Amount = o.amount
	ds, err := st.DocumentSummaries(c.ctx, f)
	if err != nil {
		return err
	}
	return c.writeList(w, o.format, len(ds), "cli.list.empty_documents",
		func() error { return exchange.WriteDocumentsJSON(w, exchange.Load(c.ctx, st, ds), f.Today) },
		func() error { return exchange.WriteDocumentsCSV(w, ds, f.Today) },
		func() [][]string { return documentTable(c.p, ds, c.currency(st), f.Today) }, 5, 6)
}

// listPayments prints the payments, newest first, reversals included.
func (c *cli) listPayments(w io.Writer, st *store.Store, o listOptions) error {
	f, _ := c.documentFilter(o) // the dates, checked by checkList
	pf := store.PaymentFilter{From: f.From, To: f.To}
	var err error
	if pf.CustomerID, err = c.customerID(st, o.customer); err != nil {
		return err
	}
	ps, err := st.Payments(c.ctx, pf)
	if err != nil {
		return err
	}
	return c.writeList(w, o.format, len(ps), "cli.list.empty_payments",
		func() error { return exchange.WritePaymentsJSON(w, ps) },
		func() error { return exchange.WritePaymentsCSV(w, ps) },
		func() [][]string { return paymentTable(c.p, ps, c.currency(st)) }, 3, 4, 5)
}

// listContracts prints the contracts: a table like the Contracts screen's,
// one CSV row per contract, or JSON with every line and its price history.
func (c *cli) listContracts(w io.Writer, st *store.Store, o listOptions) error {
	f := store.ContractFilter{Status: o.status, Today: store.Today(st.Now())}
	var err error
	if f.CustomerID, err = c.customerID(st, o.customer); err != nil {
		return err
	}
	ss, err := st.ContractSummaries(c.ctx, f)
	if err != nil {
		return err
	}
	return c.writeList(w, o.format, len(ss), "cli.list.empty_contracts",
		func() error { return exchange.WriteContractsJSON(w, exchange.LoadContracts(c.ctx, st, ss), ss) },
		func() error { return exchange.WriteContractsCSV(w, ss) },
		func() [][]string { return contractTable(c.p, ss, c.currency(st)) }, 7)
}

// listInquiries prints the inquiry log in the order of the Inquiries screen
// (open, then waiting, then closed; the soonest follow-up first).
func (c *cli) listInquiries(w io.Writer, st *store.Store, o listOptions) error {
	f := store.InquiryFilter{Status: o.status}
	var err error
	if f.CustomerID, err = c.customerID(st, o.customer); err != nil {
		return err
	}
	qs, err := st.Inquiries(c.ctx, f)
	if err != nil {
		return err
	}
	return c.writeList(w, o.format, len(qs), "cli.list.empty_inquiries",
		func() error { return exchange.WriteInquiriesJSON(w, qs) },
		func() error { return exchange.WriteInquiriesCSV(w, qs) },
		func() [][]string { return inquiryTable(c.p.T, qs) })
}

// amountRange reads --min and --max (either may be left out) in the
// company's currency, or says which is wrong.
func (c *cli) amountRange(st *store.Store, min, max string) (r store.MoneyRange, problem string) {
	cur := c.currency(st)
	for _, a := range []struct {
		flag, value string
		dst         *store.Money
		has         *bool
	}{{"--min", min, &r.Min, &r.HasMin}, {"--max", max, &r.Max, &r.HasMax}} {
		if a.value == "" {
			continue
		}
		m, err := store.ParseMoney(a.value, cur)
		if err != nil {
			return r, c.p.T("cli.list.bad_amount", a.flag, a.value)
		}
		*a.dst, *a.has = m, true
	}
	if r.HasMin && r.HasMax && r.Max < r.Min {
		return r, c.p.T("cli.list.min_over_max", min, max)
	}
	return r, ""
}
