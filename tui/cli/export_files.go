package cli

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"daicho/pdf"
	"daicho/store"
	"daicho/store/exchange"
)

// exportStatement writes a customer's statement of account for a period and
// prints its path.
func (c *cli) exportStatement(pos []string, o exportOptions) int {
	if len(pos) == 0 {
		return c.usageError(c.p.T("cli.export.statement_who"))
	}
	if o.from == "" || o.to == "" {
		return c.usageError(c.p.T("cli.export.need_period"))
	}
	period, problem := c.documentFilter(listOptions{from: o.from, to: o.to})
	if problem != "" {
		return c.usageError(problem)
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	cu, err := st.CustomerByCode(c.ctx, pos[0])
	if err != nil {
		return c.failErr(err)
	}
	s, err := pdf.BuildStatement(c.ctx, st, cu, period.From, period.To)
	if err != nil {
		return c.failErr(err)
	}
	ex, name, code := c.exporter(st, o)
	if code != exitOK {
		return code
	}
	if name == "" {
		name = pdf.StatementFileName(cu.Code, period.From, period.To)
	}
	path, err := ex.WriteKept(c.ctx, st, name, func(w io.Writer) error { return pdf.RenderStatement(w, s) },
		pdf.StatementSent(s))
	if err != nil {
		return c.exportFailed(path, err)
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK
}

// exportStatements writes the statement of account of every customer with
// something to say for the period (a document or payment in it, or a
// balance at its end) into the exports folder or --dir, prints each path,
// and a summary on stderr. Files already there stop it before anything is
// written, unless --force.
func (c *cli) exportStatements(pos []string, o exportOptions) int {
	switch {
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.export.all_or_code"))
	case o.output != "":
		return c.usageError(c.p.T("cli.export.o_with_all"))
	case o.from == "" || o.to == "":
		return c.usageError(c.p.T("cli.export.need_period"))
	}
	from, to, code := c.period(o)
	if code != exitOK {
		return code
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	cs, err := st.StatementCustomers(c.ctx, from, to)
	if err != nil {
		return c.failErr(err)
	}
	if len(cs) == 0 {
		fmt.Fprintln(c.stderr, c.p.T("cli.export.no_statements", o.from, o.to))
		return exitOK
	}
	ex, _, code := c.exporter(st, o)
	if code != exitOK {
		return code
	}
	if !o.force {
		var there []string
		for _, cu := range cs {
			path := filepath.Join(ex.Dir, pdf.StatementFileName(cu.Code, from, to))
			if _, err := os.Lstat(path); err == nil {
				there = append(there, path)
			}
		}
		if len(there) > 0 {
			return c.fail(c.p.T("cli.export.statements_exist", len(there), len(cs), there[0]))
		}
	}
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	written := 0
	for _, cu := range cs {
		if ctx.Err() != nil {
			return c.fail(c.p.T("cli.export.statements_interrupted", written, len(cs)))
		}
		s, err := pdf.BuildStatement(ctx, st, cu, from, to)
		if err != nil {
			return c.failErr(err)
		}
		path, err := ex.WriteKept(ctx, st, pdf.StatementFileName(cu.Code, from, to), func(w io.Writer) error {
			return pdf.RenderStatement(w, s)
		}, pdf.StatementSent(s))
		if err != nil {
			fmt.Fprintln(c.stderr, c.p.T("cli.export.statements_partial", written, len(cs)))
			return c.exportFailed(path, err)
		}
		fmt.Fprintln(c.stdout, path)
		written++
	}
	fmt.Fprintln(c.stderr, c.p.N("cli.export.statements_done", written, written, ex.Dir))
	return exitOK
}

// period reads --from and --to of an export (either may be left out: that
// side is open), or returns the exit status of a usage error.
func (c *cli) period(o exportOptions) (from, to time.Time, code int) {
	f, problem := c.documentFilter(listOptions{from: o.from, to: o.to})
	if problem != "" {
		return f.From, f.To, c.usageError(problem)
	}
	return f.From, f.To, exitOK
}

// writeExport writes a file export to stdout, or with -o through a
// temporary file renamed into place (0600; an existing file only with
// --force) and prints its path. A failure a user can fix (a text Shift_JIS
// cannot hold) exits 1; with -o nothing is left behind.
func (c *cli) writeExport(st *store.Store, o exportOptions, render func(w io.Writer) error) int {
	if o.output == "" {
		w := bufio.NewWriterSize(c.stdout, 64<<10)
		err := render(w)
		if err == nil {
			err = w.Flush()
		}
		if err != nil {
			return c.failErr(err)
		}
		return exitOK
	}
	ex, name, code := c.exporter(st, o)
	if code != exitOK {
		return code
	}
	path, err := ex.Write(name, render)
	if err != nil {
		return c.exportFailed(path, err)
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK
}

// exportCSV writes one table for the accountant as CSV: the invoices,
// payments or document lines of a period, or the customers.
func (c *cli) exportCSV(pos []string, o exportOptions) int {
	if len(pos) == 0 {
		return c.usageError(c.p.T("cli.export.csv_what"))
	}
	table := pos[0]
	if !slices.Contains(exchange.ExportTables, table) {
		return c.usageError(c.p.T("cli.export.csv_unknown", table, strings.Join(exchange.ExportTables, ", ")))
	}
	enc := exchange.UTF8
	if o.encoding != "" {
		var ok bool
		if enc, ok = exchange.ParseEncoding(o.encoding); !ok {
			return c.usageError(c.p.T("cli.export.bad_encoding", o.encoding))
		}
	}
	if table == exchange.TableCustomers && (o.from != "" || o.to != "") {
		return c.usageError(c.p.T("cli.export.customers_no_period"))
	}
	from, to, code := c.period(o)
	if code != exitOK {
		return code
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	return c.writeExport(st, o, func(w io.Writer) error {
		return exchange.ExportCSV(c.ctx, w, st, table, from, to, enc)
	})
}

// exportJournal writes the ledger's entries of a period for accounting
// software: an hledger journal or 弥生会計's import file.
func (c *cli) exportJournal(pos []string, o exportOptions) int {
	switch {
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	case o.format == "":
		return c.usageError(c.p.T("cli.export.journal_format"))
	case !slices.Contains(exchange.JournalFormats, o.format):
		return c.usageError(c.p.T("cli.export.bad_journal_format", o.format))
	}
	from, to, code := c.period(o)
	if code != exitOK {
		return code
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	return c.writeExport(st, o, func(w io.Writer) error {
		return exchange.ExportJournal(c.ctx, w, st, o.format, from, to, string(c.p.Lang))
	})
}
