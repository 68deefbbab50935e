package cli

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strings"
	"syscall"

	"daicho/pdf"
	"daicho/pdf/closing"
	"daicho/store"
	"daicho/store/exchange"
)

// close is the closing run (締め処理, issue 16): `daicho close --date
// YYYY-MM-DD [--issue] [--dry-run] [--format text|json] [--dir DIR]
// [--force] [--send [--labels] [--print]]`. With --send, the issued
// invoices are mailed to the email customers and put into one print pack
// for the post customers (pdf/closing); --print hands the pack to lp. Every customer whose closing day the date is gets one closing
// invoice over its cycle (issued with --issue, else drafts), whose PDFs are
// then written to the exports folder (or --dir); --dry-run prints the plan
// and writes nothing. Running it again makes nothing for a customer whose
// cycle is closed.
func (c *cli) close(args []string) int {
	fs := c.flagSet("close")
	dateFlag := fs.String("date", "", "")
	issue := fs.Bool("issue", false, "")
	dry := fs.Bool("dry-run", false, "")
	format := fs.String("format", "text", "")
	var o exportOptions
	fs.StringVar(&o.dir, "dir", "", "")
	fs.BoolVar(&o.force, "force", false, "")
	send := fs.Bool("send", false, "")
	labels := fs.Bool("labels", false, "")
	printPack := fs.Bool("print", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	case *dateFlag == "":
		return c.usageError(c.p.T("cli.close.need_date"))
	case *format != "text" && *format != "json":
		return c.usageError(c.p.T("cli.list.bad_format", *format))
	case (*labels || *printPack) && !*send, *send && *dry:
		return c.usageError(c.p.T("cli.close.send_flags"))
	}
	date, err := store.ParseDate(*dateFlag)
	if err != nil {
		return c.usageError(c.p.T("cli.close.bad_date", *dateFlag))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	var plan store.ClosingRunPlan
	if *dry {
		plan, err = st.PlanClosingRun(c.ctx, date)
	} else {
		plan, err = st.RunClosing(c.ctx, date, *issue)
	}
	var ce *store.ClosingError
	if errors.As(err, &ce) {
		return c.fail(c.p.T("cli.close.failed", ce.Customer, c.p.Error(ce.Err)))
	}
	if err != nil {
		return c.failErr(err)
	}
	var paths []string
	if !*dry && len(plan.Invoices) > 0 {
		if paths, code = c.closingPDFs(st, plan, o); code != exitOK {
			return code
		}
	}
	var sent *closing.Result
	if *send && len(plan.Invoices) > 0 {
		res, err := closing.Send(c.ctx, st, plan, closing.Options{Labels: *labels, Dir: o.dir})
		if err != nil {
			return c.failErr(err)
		}
		sent = &res
	}
	w := bufio.NewWriter(c.stdout)
	if *format == "json" {
		err = writeClosingJSON(w, plan, *dry, *issue, paths, sent)
	} else {
		err = c.writeClosingText(w, st, plan, *dry, paths)
		if err == nil && sent != nil {
			c.writeSentText(w, *sent)
		}
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return c.failErr(err)
	}
	if *printPack && sent != nil && sent.PackPath != "" {
		if out, err := exec.Command("lp", sent.PackPath).CombinedOutput(); err != nil {
			return c.fail(c.p.T("cli.close.lp_failed", sent.PackPath, strings.TrimSpace(string(out))+" "+err.Error()))
		}
	}
	if sent != nil && len(sent.Failed) > 0 {
		return exitFail // the message says whom: the rest went
	}
	return exitOK
}

// writeSentText says whom the send step mailed, whom it could not, and
// where the print pack is.
func (c *cli) writeSentText(w io.Writer, res closing.Result) {
	for _, m := range res.Mailed {
		fmt.Fprintln(w, c.p.T("cli.close.mailed", m.To, m.Method))
	}
	for _, f := range res.Failed {
		fmt.Fprintln(w, c.p.T("cli.close.mail_failed", f.CustomerCode, c.p.Error(f.Err)))
	}
	if len(res.Drafts) > 0 {
		fmt.Fprintln(w, c.p.T("cli.close.drafts_not_sent", strings.Join(res.Drafts, ", ")))
	}
	if res.PackPath != "" {
		fmt.Fprintln(w, c.p.N("cli.close.pack", len(res.Posted), len(res.Posted), res.PackPath))
	}
}

// sentJSON is the send step in `close --send --format json`.
type sentJSON struct {
	Mailed []string          `json:"mailed"` // addresses (or .eml files' customers)
	Failed []closingSkipJSON `json:"failed"`
	Drafts []string          `json:"drafts_not_sent"`
	Posted []string          `json:"posted"`
	Pack   string            `json:"print_pack,omitempty"`
}

func toSentJSON(res *closing.Result) *sentJSON {
	if res == nil {
		return nil
	}
	out := &sentJSON{Mailed: []string{}, Failed: []closingSkipJSON{}, Drafts: append([]string{}, res.Drafts...),
		Posted: append([]string{}, res.Posted...), Pack: res.PackPath}
	for _, m := range res.Mailed {
		out.Mailed = append(out.Mailed, m.To)
	}
	for _, f := range res.Failed {
		out.Failed = append(out.Failed, closingSkipJSON{CustomerCode: f.CustomerCode, Error: f.Err.Error()})
	}
	return out
}

// closingPDFs writes the PDFs of the run's invoices (drafts watermarked).
func (c *cli) closingPDFs(st *store.Store, plan store.ClosingRunPlan, o exportOptions) ([]string, int) {
	ex, _, code := c.exporter(st, o)
	if code != exitOK {
		return nil, code
	}
	ids := make([]int64, len(plan.Invoices))
	for i, p := range plan.Invoices {
		ids[i] = p.Invoice.ID
	}
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	paths, err := pdf.ExportBatch(ctx, st, ids, ex, 2, nil)
	if err != nil {
		return paths, c.exportFailed(ex.Dir, err)
	}
	return paths, exitOK
}

// closingJSON is what `close --format json` prints: the plan (with
// --dry-run) or what the run made, and whom it left alone and why.
type closingJSON struct {
	Date     string               `json:"date"`
	DryRun   bool                 `json:"dry_run"`
	Issued   bool                 `json:"issued"`
	Invoices []closingInvoiceJSON `json:"invoices"`
	Nothing  []closingSkipJSON    `json:"nothing_to_bill"`
	Closed   []closingSkipJSON    `json:"already_closed"`
	Problems []closingSkipJSON    `json:"problems"`
	Sent     *sentJSON            `json:"sent,omitempty"` // with --send
}

type closingInvoiceJSON struct {
	CustomerCode  string                     `json:"customer_code"`
	CustomerName  string                     `json:"customer_name"`
	InvoiceStyle  string                     `json:"invoice_style"`
	Delivery      string                     `json:"delivery"`
	Number        string                     `json:"number"` // "" in a plan or for a draft
	ClosingDate   string                     `json:"closing_date"`
	DueDate       string                     `json:"due_date"`
	DeliveryNotes []string                   `json:"delivery_notes"`
	Contracts     []string                   `json:"contracts"`
	Taxes         []store.TaxLine            `json:"taxes"`
	Total         store.Money                `json:"total"`
	CarryForward  *exchange.CarryForwardJSON `json:"carry_forward,omitempty"`
	PDF           string                     `json:"pdf,omitempty"`
}

type closingSkipJSON struct {
	CustomerCode string `json:"customer_code"`
	CustomerName string `json:"customer_name"`
	Number       string `json:"number,omitempty"`  // already closed: its invoice
	Earlier      int    `json:"earlier,omitempty"` // nothing to bill: delivery notes of earlier cycles left
	Error        string `json:"error,omitempty"`
}

func writeClosingJSON(w io.Writer, plan store.ClosingRunPlan, dry, issued bool, paths []string, sent *closing.Result) error {
	out := closingJSON{Date: store.FormatDate(plan.Date), DryRun: dry, Issued: issued && !dry, Sent: toSentJSON(sent),
		Invoices: []closingInvoiceJSON{}, Nothing: skipsJSON(plan.Nothing), Closed: skipsJSON(plan.Closed),
		Problems: skipsJSON(plan.Problems)}
	for i, p := range plan.Invoices {
		j := closingInvoiceJSON{CustomerCode: p.Customer.Code, CustomerName: p.Customer.Name,
			InvoiceStyle: p.Customer.InvoiceStyle, Delivery: p.Customer.Delivery, Number: p.Invoice.Number,
			ClosingDate: store.FormatDate(p.Closing), DueDate: store.FormatDate(p.Due), DeliveryNotes: []string{},
			Contracts: append([]string{}, p.Contracts...), Taxes: p.Totals.Taxes, Total: p.Totals.Total,
			CarryForward: exchange.ToCarryForwardJSON(p.CarryForward)}
		for _, d := range p.DeliveryNotes {
			j.DeliveryNotes = append(j.DeliveryNotes, d.Number)
		}
		if j.Taxes == nil {
			j.Taxes = []store.TaxLine{}
		}
		if i < len(paths) {
			j.PDF = paths[i]
		}
		out.Invoices = append(out.Invoices, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func skipsJSON(skips []store.ClosingSkip) []closingSkipJSON {
	out := make([]closingSkipJSON, 0, len(skips))
	for _, s := range skips {
		j := closingSkipJSON{CustomerCode: s.CustomerCode, CustomerName: s.CustomerName, Number: s.Number, Earlier: s.Earlier}
		if s.Err != nil {
			j.Error = s.Err.Error()
		}
		out = append(out, j)
	}
	return out
}

// writeClosingText prints the run for a person: each invoice with its
// customer, total and carry-forward, then whom the run left alone.
func (c *cli) writeClosingText(w io.Writer, st *store.Store, plan store.ClosingRunPlan, dry bool, paths []string) error {
	cur := c.currency(st)
	d := store.FormatDate(plan.Date)
	head := "cli.close.made"
	if dry {
		head = "cli.close.plan"
	}
	fmt.Fprintln(w, c.p.N(head, len(plan.Invoices), len(plan.Invoices), d))
	for i, p := range plan.Invoices {
		number := p.Invoice.Number
		if number == "" {
			number = c.p.T("cli.close.draft")
		}
		notes, contracts := len(p.DeliveryNotes), len(p.Contracts)
		fmt.Fprintln(w, c.p.T("cli.close.invoice_line", p.Customer.Code, store.FoldDisplay(p.Customer.Name), number,
			p.Totals.Total.Format(cur), c.p.N("cli.close.delivery_notes", notes, notes),
			c.p.N("cli.close.contracts", contracts, contracts)))
		if cf := p.CarryForward; cf != nil {
			fmt.Fprintln(w, "    "+c.p.T("cli.close.carry", cf.PreviousBilled.Format(cur), cf.Received.Format(cur),
				cf.Adjusted.Format(cur), cf.Carried.Format(cur), cf.Current.Format(cur), cf.Billed.Format(cur)))
		}
		if i < len(paths) {
			fmt.Fprintln(w, "    "+paths[i])
		}
	}
	for _, s := range plan.Nothing {
		fmt.Fprintln(w, c.p.T("cli.close.nothing", s.CustomerCode, store.FoldDisplay(s.CustomerName)))
	}
	for _, s := range plan.Closed {
		fmt.Fprintln(w, c.p.T("cli.close.closed", s.CustomerCode, store.FoldDisplay(s.CustomerName), s.Number))
	}
	for _, s := range plan.Problems {
		fmt.Fprintln(w, c.p.T("cli.close.problem", s.CustomerCode, store.FoldDisplay(s.CustomerName), c.p.Error(s.Err)))
	}
	return nil
}
