// Command daicho is a keyboard-driven sales ledger (台帳) for a small office.
// Without a command it opens the full-screen TUI; the commands of
// ARCHITECTURE.md §8 do the same work from a shell or a script. Run
// `daicho help` for the list.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"daicho/pdf"
	"daicho/pdf/mail"
	"daicho/store"
	"daicho/store/bank"
	"daicho/store/demo"
	"daicho/store/exchange"
	"daicho/tui"
	"daicho/tui/i18n"
	"daicho/tui/serve"
)

// version is this program's release.
const version = "0.1.0"

// Exit statuses (ARCHITECTURE.md §8).
const (
	exitOK    = 0
	exitFail  = 1 // a problem the user must fix: the message on stderr says what, where and what to do
	exitUsage = 2 // bad usage: an unknown command or flag
)

// runTUI is tui.Run, as a variable so tests can check what `daicho` and
// `daicho --demo` hand to the TUI without a terminal.
var runTUI = tui.Run

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

// cli is one run of the program: its streams, language and global flags.
type cli struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	p              i18n.Printer
	db             string // --db, "" when not given
	lang           string // --lang, "" when not given
}

// run does everything main does, with the streams passed in, and returns the
// exit status: tests call it directly.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{ctx: context.Background(), stdin: stdin, stdout: stdout, stderr: stderr}
	// Until --lang is read, messages (a bad flag) follow the environment.
	lang, _ := i18n.Detect("")
	c.p = i18n.New(lang)

	fs := c.flagSet("daicho")
	demoTUI := fs.Bool("demo", false, "")
	if err := fs.Parse(args); err != nil {
		return c.flagError(err)
	}
	if code := c.applyLang(); code != exitOK {
		return code
	}
	args = fs.Args()
	if len(args) == 0 {
		if *demoTUI {
			return c.demoTUI()
		}
		return c.tui()
	}
	if *demoTUI {
		return c.usageError(c.p.T("cli.demo_flag_alone"))
	}
	cmd, args := args[0], args[1:]
	switch cmd {
	case "demo":
		return c.demo(args)
	case "list":
		return c.list(args)
	case "import":
		return c.importCmd(args)
	case "export":
		return c.export(args)
	case "overdue":
		return c.overdue(args)
	case "bill":
		return c.bill(args)
	case "report":
		return c.report(args)
	case "serve":
		return c.serve(args)
	case "mail":
		return c.mail(args)
	case "backup":
		return c.backup(args)
	case "restore":
		return c.restore(args)
	case "check":
		return c.check(args)
	case "version", "help":
		return c.info(cmd, args)
	}
	return c.usageError(c.p.T("cli.unknown_command", cmd))
}

// flagSet makes the flag set of a command with the global flags on it too,
// so `daicho list customers --db x.db` works as well as `daicho --db x.db
// list customers`. Flag errors are printed by flagError, in the user's
// language, instead of by the flag package.
func (c *cli) flagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.StringVar(&c.db, "db", c.db, "")
	fs.StringVar(&c.lang, "lang", c.lang, "")
	return fs
}

// parseArgs parses flags wherever they stand among a command's positional
// arguments (`list customers --format json` and `list --format json
// customers` alike; the flag package alone stops at the first positional).
// After "--" everything is positional.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		if len(rest) == 0 {
			return positional, nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

// applyLang switches the printer to --lang once it has been read.
func (c *cli) applyLang() int {
	lang, err := i18n.Detect(c.lang)
	if err != nil {
		return c.usageError(c.p.T("cli.bad_lang", c.lang))
	}
	c.p = i18n.New(lang)
	return exitOK
}

// flagError reports a bad flag (exit 2), or prints the usage for -h (exit 0).
func (c *cli) flagError(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(c.stdout, c.p.T("cli.usage"))
		return exitOK
	}
	return c.usageError(err.Error())
}

// usageError prints what was wrong and the short usage on stderr.
func (c *cli) usageError(msg string) int {
	fmt.Fprintf(c.stderr, "daicho: %s\n%s", msg, c.p.T("cli.usage_short"))
	return exitUsage
}

// fail prints a problem the user must fix on stderr.
func (c *cli) fail(msg string) int {
	fmt.Fprintf(c.stderr, "daicho: %s\n", msg)
	return exitFail
}

// failErr prints an error in plain words (store errors through the catalog).
func (c *cli) failErr(err error) int { return c.fail(c.p.Error(err)) }

// dbPath is the database file: --db, else $DAICHO_DB, else daicho.db in the
// user's data folder ($XDG_DATA_HOME, by default ~/.local/share).
func (c *cli) dbPath() (string, error) {
	if c.db != "" {
		return c.db, nil
	}
	if p := os.Getenv("DAICHO_DB"); p != "" {
		return p, nil
	}
	// The XDG spec says to ignore a relative XDG_DATA_HOME.
	if x := os.Getenv("XDG_DATA_HOME"); filepath.IsAbs(x) {
		return filepath.Join(x, "daicho", "daicho.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(home, ".local", "share", "daicho", "daicho.db"), nil
}

// open opens the database, or reports why it cannot (damaged, too new, …)
// and returns the exit status.
func (c *cli) open() (*store.Store, int) {
	path, err := c.dbPath()
	if err != nil {
		return nil, c.fail(c.p.T("cli.no_home"))
	}
	st, err := store.Open(path)
	if err != nil {
		return nil, c.failErr(err)
	}
	return st, exitOK
}

// openChecked opens the database for a command and waits for the whole
// integrity check (the TUI shows its first screen before a large file's check
// ends; a command has no first screen to show).
func (c *cli) openChecked() (*store.Store, int) {
	st, code := c.open()
	if st == nil {
		return nil, code
	}
	if err := st.Checked(); err != nil {
		st.Close()
		return nil, c.failErr(err)
	}
	return st, exitOK
}

// tui runs the TUI on the user's database.
func (c *cli) tui() int {
	st, code := c.open()
	if st == nil {
		return code
	}
	defer st.Close()
	// The day's backup, in the background: the first screen does not wait.
	defer c.autoBackup(st)()
	return c.runTUI(st)
}

// demoTUI runs the TUI on a small demo database in a new temporary folder,
// removed when the TUI ends, however it ends; the user's database is not
// opened at all.
func (c *cli) demoTUI() int {
	dir, err := os.MkdirTemp("", "daicho-demo-")
	if err != nil {
		return c.fail(c.p.T("cli.demo.temp", err))
	}
	defer os.RemoveAll(dir)
	defer removeOnHangup(dir)()
	st, err := store.Open(filepath.Join(dir, "daicho.db"))
	if err != nil {
		return c.failErr(err)
	}
	defer st.Close() // runs before RemoveAll: deferred calls run last-in first-out
	if err := demo.Fill(c.ctx, st, demo.Small); err != nil {
		return c.failErr(err)
	}
	// The morning's bank files, where the reconciliation screen's import
	// dialog opens: the database's folder.
	if _, err := demo.WriteBankFiles(c.ctx, dir, st); err != nil {
		return c.failErr(err)
	}
	return c.runTUI(st)
}

// removeOnHangup removes dir if the terminal is closed (SIGHUP), which ends
// the process without running deferred calls; the TUI itself turns ctrl+c and
// SIGTERM into a normal quit, after which the deferred RemoveAll runs. The
// returned function stops watching.
func removeOnHangup(dir string) (stop func()) {
	hangup := make(chan os.Signal, 1)
	signal.Notify(hangup, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case <-hangup:
			os.RemoveAll(dir)
			os.Exit(exitFail)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(hangup)
		close(done)
	}
}

func (c *cli) runTUI(st *store.Store) int {
	if err := runTUI(st, c.p); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// info prints the version or the usage on stdout.
func (c *cli) info(cmd string, args []string) int {
	pos, code, ok := c.parseCommand(c.flagSet(cmd), args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	if cmd == "version" {
		fmt.Fprintln(c.stdout, c.p.T("cli.version", version, store.SchemaVersion()))
	} else {
		fmt.Fprint(c.stdout, c.p.T("cli.usage"))
	}
	return exitOK
}

// demo fills the database with demo data; see the usage text for --force.
func (c *cli) demo(args []string) int {
	fs := c.flagSet("demo")
	sizeFlag := fs.String("size", "small", "")
	force := fs.Bool("force", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	size, err := demo.ParseSize(*sizeFlag)
	if err != nil {
		return c.usageError(c.p.T("cli.demo.bad_size", *sizeFlag))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	has, err := demo.HasData(c.ctx, st)
	if err != nil {
		return c.failErr(err)
	}
	if has && !*force {
		return c.fail(c.p.T("cli.demo.has_data", st.Path()))
	}
	added, err := demo.Add(c.ctx, st, size)
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.demo.done", added.Customers, added.Products, added.Documents, st.Path()))
	if added.Contracts > 0 {
		fmt.Fprintln(c.stdout, c.p.T("cli.demo.contracts", added.Contracts))
	}
	if added.Inquiries > 0 {
		fmt.Fprintln(c.stdout, c.p.T("cli.demo.inquiries", added.Inquiries))
	}
	if added.Documents == 0 {
		return exitOK
	}
	// The bank files of the demo morning, beside the database, to try
	// daicho import bank (or the reconciliation screen) on.
	dir := filepath.Join(filepath.Dir(st.Path()), "demo-bank")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return c.fail(c.p.T("cli.export.cannot_write", dir, err))
	}
	paths, err := demo.WriteBankFiles(c.ctx, dir, st)
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.demo.payments", added.Payments, strings.Join(paths, "\n  ")))
	return exitOK
}

// parseCommand parses a command's flags and sets the language they may
// name. When the command must not go on (a bad flag, or -h answered with
// the usage) ok is false and code is the exit status to end with.
func (c *cli) parseCommand(fs *flag.FlagSet, args []string) (pos []string, code int, ok bool) {
	pos, err := parseArgs(fs, args)
	if err != nil {
		return nil, c.flagError(err), false
	}
	if code := c.applyLang(); code != exitOK {
		return nil, code, false
	}
	return pos, exitOK, true
}

// listFormats are the output formats of list.
var listFormats = []string{"table", "csv", "json"}

// listFlags are the flags only some lists take; --format is everyone's.
var listFlags = map[string][]string{
	"customers": {"archived"},
	"products":  {"archived"},
	"documents": {"kind", "status", "customer", "from", "to"},
	"payments":  {"customer", "from", "to"},
	"contracts": {"status", "customer"},
	"inquiries": {"status", "customer"},
}

// documentStatuses are the statuses --status takes: the stored ones and
// expired, which an issued estimate past its valid-until date reads as.
var documentStatuses = []string{store.StatusDraft, store.StatusIssued, store.StatusAccepted, store.StatusDeclined,
	store.StatusExpired, store.StatusVoid}

// listOptions are the flags of list.
type listOptions struct {
	format, kind, status, customer, from, to string
	archived                                 bool
}

// list prints the customers, products, documents, payments, contracts or
// inquiries on stdout.
func (c *cli) list(args []string) int {
	fs := c.flagSet("list")
	var o listOptions
	fs.StringVar(&o.format, "format", "table", "")
	fs.BoolVar(&o.archived, "archived", false, "")
	for name, dst := range map[string]*string{"kind": &o.kind, "status": &o.status, "customer": &o.customer,
		"from": &o.from, "to": &o.to} {
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
	if o.kind != "" && !slices.Contains(store.DocumentKinds, o.kind) {
		return f, c.p.T("cli.list.bad_kind", o.kind, strings.Join(store.DocumentKinds, ", "))
	}
	if o.status != "" && !slices.Contains(documentStatuses, o.status) {
		return f, c.p.T("cli.list.bad_status", o.status, strings.Join(documentStatuses, ", "))
	}
	f.Kind, f.Status = o.kind, o.status
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
	return exchange.WriteTable(w, table(), right...)
}

// customerID resolves --customer CODE (0 when none was given).
func (c *cli) customerID(st *store.Store, code string) (int64, error) {
	if code == "" {
		return 0, nil
	}
	cu, err := st.CustomerByCode(c.ctx, code)
	return cu.ID, err
}

func (c *cli) listDocuments(w io.Writer, st *store.Store, o listOptions) error {
	f, _ := c.documentFilter(o) // checked by checkList
	var err error
	if f.CustomerID, err = c.customerID(st, o.customer); err != nil {
		return err
	}
	f.Today = store.Today(st.Now())
	ds, err := st.DocumentSummaries(c.ctx, f)
	if err != nil {
		return err
	}
	return c.writeList(w, o.format, len(ds), "cli.list.empty_documents",
		func() error { return exchange.WriteDocumentsJSON(w, exchange.Load(c.ctx, st, ds), f.Today) },
		func() error { return exchange.WriteDocumentsCSV(w, ds, f.Today) },
		func() [][]string { return documentTable(c.p, ds, c.currency(st), f.Today) }, 5)
}

// currency is the company's currency, for amounts in tables (yen before the
// company is set up, when there is nothing to show anyway).
func (c *cli) currency(st *store.Store) store.Currency {
	if co, err := st.Company(c.ctx); err == nil {
		if cur, ok := store.CurrencyByCode(co.Currency); ok {
			return cur
		}
	}
	return store.JPY
}

// productTable is the table of list products; prices are columns 3 and 4.
func productTable(p i18n.Printer, ps []store.Product, cur store.Currency, withArchived bool) [][]string {
	header := []string{p.T("cli.col.code"), p.T("cli.col.name"), p.T("cli.col.unit"), p.T("cli.col.unit_price"),
		p.T("cli.col.cost_price"), p.T("cli.col.tax")}
	if withArchived {
		header = append(header, p.Field("archived"))
	}
	rows := [][]string{header}
	for _, pr := range ps {
		row := []string{pr.Code, store.FoldDisplay(pr.Name), pr.Unit, pr.UnitPrice.Plain(cur), pr.CostPrice.Plain(cur),
			p.T("cli.tax." + pr.TaxCategory)}
		if withArchived {
			row = append(row, archivedMark(p, pr.Archived))
		}
		rows = append(rows, row)
	}
	return rows
}

// documentTable is the table of list documents, the Documents screen's
// columns; the total is column 5.
func documentTable(p i18n.Printer, ds []store.DocumentSummary, cur store.Currency, today time.Time) [][]string {
	rows := [][]string{{p.T("cli.col.number"), p.T("cli.col.kind"), p.T("cli.col.customer"), p.T("cli.col.subject"),
		p.T("cli.col.issue_date"), p.T("cli.col.total"), p.T("cli.col.status")}}
	for _, d := range ds {
		number := d.Number
		if number == "" {
			number = p.T("cli.status.draft")
		}
		rows = append(rows, []string{number, p.T("cli.kind." + d.Kind), store.FoldDisplay(d.CustomerName),
			store.FoldDisplay(d.Subject), store.FormatDate(d.IssueDate), d.Total.Plain(cur),
			p.T("cli.status." + d.DisplayStatus(today))})
	}
	return rows
}

func archivedMark(p i18n.Printer, archived bool) string {
	if archived {
		return p.T("cli.list.archived_mark")
	}
	return ""
}

// customerTable is the table of list customers: the customer list screen's
// columns, with a marker column when archived customers are included.
func customerTable(p i18n.Printer, cs []store.Customer, withArchived bool) [][]string {
	header := []string{p.Field("code"), p.Field("name"), p.Field("kana"), p.Field("phone"), p.Field("person_in_charge")}
	if withArchived {
		header = append(header, p.Field("archived"))
	}
	rows := [][]string{header}
	for _, cu := range cs {
		// FoldDisplay turns half-width ｶﾞ into ガ, which a width library
		// measures as the terminal draws it; otherwise the columns drift.
		row := []string{cu.Code, store.FoldDisplay(cu.Name), store.FoldDisplay(cu.Kana), cu.Phone,
			store.FoldDisplay(cu.PersonInCharge)}
		if withArchived {
			row = append(row, archivedMark(p, cu.Archived))
		}
		rows = append(rows, row)
	}
	return rows
}

// bankOptions are the flags of import bank.
type bankOptions struct {
	format, profile string
	dryRun          bool
}

// importCmd adds records from a file, all or nothing.
func (c *cli) importCmd(args []string) int {
	fs := c.flagSet("import")
	issue := fs.Bool("issue", false, "")
	var b bankOptions
	fs.StringVar(&b.format, "format", "", "")
	fs.StringVar(&b.profile, "profile", "", "")
	fs.BoolVar(&b.dryRun, "dry-run", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	var bankFlag string
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "format" || f.Name == "profile" || f.Name == "dry-run" {
			bankFlag = f.Name
		}
	})
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.import.what"))
	case pos[0] != "customers" && pos[0] != "documents" && pos[0] != "bank":
		return c.usageError(c.p.T("cli.import.unknown", pos[0]))
	case len(pos) == 1:
		return c.usageError(c.p.T("cli.import.need_file", pos[0]))
	case len(pos) > 2:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[2]))
	case *issue && pos[0] != "documents":
		return c.usageError(c.p.T("cli.import.issue_documents"))
	case bankFlag != "" && pos[0] != "bank":
		return c.usageError(c.p.T("cli.import.bank_flag", bankFlag))
	case pos[0] == "documents":
		return c.importDocuments(pos[1], *issue)
	case pos[0] == "bank":
		return c.importBank(pos[1], b)
	}
	return c.importCustomers(pos[1])
}

// importCustomers reads the file, reports every problem in it, and only when
// there is none opens the database and adds the customers in one batch
// (which checks the codes against those in use).
func (c *cli) importCustomers(path string) int {
	data, name, err := c.readInput(path)
	if err != nil {
		return c.fail(c.p.T("cli.import.read", path, err))
	}
	cs, lines, err := exchange.ReadCustomers(bytes.NewReader(data), name)
	where := "err.at_line"
	if exchange.DetectFormat(data) == exchange.JSON {
		where = "cli.import.record" // JSON problems are numbered by record, not line
	}
	problem := func(re store.RowError) string { return c.p.T(where, re.Line, c.p.Error(re.Err)) }
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, withFieldProblems(batch, cs, lines), problem)
	}
	if err != nil {
		return c.failErr(err)
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	if err := st.CreateCustomers(c.ctx, cs, lines); err != nil {
		if errors.As(err, &batch) {
			return c.reportProblems(name, batch, problem)
		}
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.import.done", len(cs), name))
	return exitOK
}

// importDocuments reads the file, resolves its codes and rates against the
// database, and imports the documents in one transaction (issuing them with
// --issue), then prints them as JSON with what was computed. Any problem,
// in the file or against the database, writes nothing.
func (c *cli) importDocuments(path string, issue bool) int {
	data, name, err := c.readInput(path)
	if err != nil {
		return c.fail(c.p.T("cli.import.read", path, err))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	docs, err := exchange.LoadDocuments(c.ctx, st, bytes.NewReader(data), name)
	if err == nil {
		docs, err = st.ImportDocuments(c.ctx, docs, issue)
	}
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, exchange.DocumentProblems(batch), c.documentProblem)
	}
	if err != nil {
		return c.failErr(err)
	}
	w := bufio.NewWriter(c.stdout)
	if err := exchange.WriteDocumentsJSON(w, exchange.Documents(docs), store.Today(st.Now())); err != nil {
		return c.failErr(err)
	}
	if err := w.Flush(); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// documentProblem names a problem of a documents file by the document's
// position and the key as the file writes it (lines.0.tax_rate), which says
// where to look better than a label would.
func (c *cli) documentProblem(re store.RowError) string {
	msg := c.p.Reason(re.Err)
	if re.Err.Field != "" {
		msg = re.Err.Field + ": " + msg
	}
	return c.p.T("cli.import.document", re.Line, msg)
}

// readInput reads the file to import ("-": standard input), at most one byte
// more than exchange accepts so an oversized file is refused without being
// read whole.
func (c *cli) readInput(path string) (data []byte, name string, err error) {
	r, name := c.stdin, c.p.T("cli.import.stdin")
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		r, name = f, path
	}
	data, err = io.ReadAll(io.LimitReader(r, exchange.MaxFileSize+1))
	return data, name, err
}

// withFieldProblems adds, to the problems of a file that did not read
// cleanly, what Validate finds in the records that could be read, so one run
// reports everything wrong in the file rather than one kind of mistake at a
// time. (Codes clashing with the database are checked by CreateCustomers,
// once the file reads cleanly.)
func withFieldProblems(problems store.BatchError, cs []store.Customer, lines []int) store.BatchError {
	var more store.BatchError
	for i := range cs {
		for _, fe := range store.FieldErrors(cs[i].Validate()) {
			more = append(more, store.RowError{Line: lines[i], Err: fe})
		}
	}
	return exchange.MergeProblems(problems, more)
}

// reportProblems lists every problem of an import on stderr, one per line
// as describe words it (with its line, record or document number, field and
// reason).
func (c *cli) reportProblems(name string, problems store.BatchError, describe func(store.RowError) string) int {
	fmt.Fprintf(c.stderr, "daicho: %s\n", c.p.T("cli.import.problems", name, len(problems)))
	for _, re := range problems {
		fmt.Fprintf(c.stderr, "  %s\n", describe(re))
	}
	fmt.Fprintln(c.stderr, c.p.T("cli.import.fix"))
	return exitFail
}

// exportOptions are the flags of export.
type exportOptions struct {
	output, dir, kind, month, from, to string
	encoding, format                   string // csv, journal
	force, all                         bool
}

// exportFlags are the flags only some forms of export take; -o and --force
// are everyone's.
var exportFlags = map[string][]string{
	"pdf":       {"kind", "month", "dir"},
	"statement": {"from", "to", "dir", "all"},
	"csv":       {"from", "to", "encoding"},
	"journal":   {"from", "to", "format"},
}

// export writes PDFs: one document by number, every document of a kind
// issued in a month, or a customer's statement of account.
func (c *cli) export(args []string) int {
	fs := c.flagSet("export")
	var o exportOptions
	for name, dst := range map[string]*string{"o": &o.output, "dir": &o.dir, "kind": &o.kind, "month": &o.month,
		"from": &o.from, "to": &o.to, "encoding": &o.encoding, "format": &o.format} {
		fs.StringVar(dst, name, "", "")
	}
	fs.BoolVar(&o.force, "force", false, "")
	fs.BoolVar(&o.all, "all", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if code := c.checkExport(fs, pos, o); code != exitOK {
		return code
	}
	switch pos[0] {
	case "statement":
		if o.all {
			return c.exportStatements(pos[1:], o)
		}
		return c.exportStatement(pos[1:], o)
	case "csv":
		return c.exportCSV(pos[1:], o)
	case "journal":
		return c.exportJournal(pos[1:], o)
	}
	if len(pos) == 2 {
		if o.kind != "" || o.month != "" {
			return c.usageError(c.p.T("cli.export.number_or_month"))
		}
		return c.exportDocument(pos[1], o)
	}
	return c.exportMonth(o)
}

// checkExport refuses, as bad usage, an export that cannot run: nothing or
// something unknown to export, too many arguments, -o with --dir, or a flag
// of the other form.
func (c *cli) checkExport(fs *flag.FlagSet, pos []string, o exportOptions) int {
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.export.what"))
	case exportFlags[pos[0]] == nil:
		return c.usageError(c.p.T("cli.export.unknown", pos[0]))
	case len(pos) > 2:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[2]))
	case o.output != "" && o.dir != "":
		return c.usageError(c.p.T("cli.export.o_and_dir"))
	}
	var wrong string
	fs.Visit(func(f *flag.Flag) {
		for _, names := range exportFlags {
			if slices.Contains(names, f.Name) && !slices.Contains(exportFlags[pos[0]], f.Name) {
				wrong = f.Name
			}
		}
	})
	if wrong != "" {
		return c.usageError(c.p.T("cli.export.flag_not_for", wrong, pos[0]))
	}
	return exitOK
}

// exporter is where the files of an export go: -o FILE (whose folder must
// exist: a typo should not make folders), --dir DIR, or the exports folder
// of the settings. name is the file name -o gives, "" for the usual name.
func (c *cli) exporter(st *store.Store, o exportOptions) (ex pdf.Exporter, name string, code int) {
	ex.Force = o.force
	switch {
	case o.output != "":
		ex.Dir, name = filepath.Dir(o.output), filepath.Base(o.output)
		if fi, err := os.Stat(o.output); err == nil && fi.IsDir() {
			return ex, "", c.fail(c.p.T("cli.export.o_is_folder", o.output))
		}
		if fi, err := os.Stat(ex.Dir); err != nil || !fi.IsDir() {
			return ex, "", c.fail(c.p.T("cli.export.no_folder", ex.Dir))
		}
	case o.dir != "":
		ex.Dir = o.dir
	default:
		co, err := st.Company(c.ctx)
		if e, ok := store.AsError(err); err != nil && (!ok || e.Code != store.CodeNotFound) {
			return ex, "", c.failErr(err) // no settings yet is fine: the default folder
		}
		ex.Dir = pdf.ExportsDir(co, st.Path())
	}
	// Absolute, so the paths printed work from anywhere (--db d.db would
	// otherwise print "." as the folder).
	if abs, err := filepath.Abs(ex.Dir); err == nil {
		ex.Dir = abs
	}
	return ex, name, exitOK
}

// exportFailed reports a failed write: a file in the way (with what to do),
// a store error in plain words, or what the system said.
func (c *cli) exportFailed(path string, err error) int {
	var exists *pdf.ExistsError
	if errors.As(err, &exists) {
		return c.fail(c.p.T("cli.export.exists", exists.Path))
	}
	if _, ok := store.AsError(err); ok {
		return c.failErr(err)
	}
	return c.fail(c.p.T("cli.export.cannot_write", path, err))
}

// exportDocument writes the PDF of the document numbered number and prints
// its path. A number no document has may be a contract's (K-2026-0001): its
// summary is written instead. Documents and contracts are numbered in
// sequences of their own letter, so a number is never both; trying the
// contract second keeps a custom number format working too.
func (c *cli) exportDocument(number string, o exportOptions) int {
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	d, err := st.DocumentByNumber(c.ctx, number)
	if e, ok := store.AsError(err); ok && e.Code == store.CodeNotFound {
		if code, ok := c.exportContract(st, number, o); ok {
			return code
		}
		return c.fail(c.p.T("cli.export.no_number", number))
	}
	if err != nil {
		return c.failErr(err)
	}
	ex, name, code := c.exporter(st, o)
	if code != exitOK {
		return code
	}
	path, err := ex.WriteDocument(c.ctx, st, d, name)
	if err != nil {
		return c.exportFailed(path, err)
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK
}

// exportMonth writes every document of --kind issued in --month (drafts
// included, watermarked; void ones left out) on two workers, prints each
// path on stdout and a summary on stderr, so the output can be piped to lp
// or xargs. Ctrl+C stops it with every file written so far whole.
func (c *cli) exportMonth(o exportOptions) int {
	switch {
	case o.kind == "" && o.month == "":
		return c.usageError(c.p.T("cli.export.pdf_what"))
	case o.kind == "" || o.month == "":
		return c.usageError(c.p.T("cli.export.kind_and_month"))
	case o.output != "":
		return c.usageError(c.p.T("cli.export.o_with_month"))
	case !slices.Contains(store.DocumentKinds, o.kind):
		return c.usageError(c.p.T("cli.list.bad_kind", o.kind, strings.Join(store.DocumentKinds, ", ")))
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
	ids, err := pdf.MonthDocuments(c.ctx, st, o.kind, month.Year(), month.Month())
	if err != nil {
		return c.failErr(err)
	}
	if len(ids) == 0 {
		fmt.Fprintln(c.stderr, c.p.T("cli.export.none", c.p.T("cli.kind."+o.kind), o.month))
		return exitOK
	}
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	paths, err := pdf.ExportBatch(ctx, st, ids, ex, 2, nil)
	for _, p := range paths {
		fmt.Fprintln(c.stdout, p)
	}
	switch {
	case errors.Is(err, context.Canceled):
		return c.fail(c.p.T("cli.export.interrupted", len(paths), len(ids)))
	case err != nil:
		fmt.Fprintln(c.stderr, c.p.T("cli.export.partial", len(paths), len(ids)))
		return c.exportFailed(ex.Dir, err)
	}
	fmt.Fprintln(c.stderr, c.p.T("cli.export.batch_done", len(paths), ex.Dir, time.Since(start).Seconds()))
	return exitOK
}

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
	path, err := ex.Write(name, func(w io.Writer) error { return pdf.RenderStatement(w, s) })
	if err != nil {
		return c.exportFailed(path, err)
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK
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

// paymentTable is the table of list payments; amounts are columns 3–5.
func paymentTable(p i18n.Printer, ps []store.Payment, cur store.Currency) [][]string {
	rows := [][]string{{p.T("cli.col.date"), p.T("cli.col.code"), p.T("cli.col.customer"), p.T("cli.col.amount"),
		p.T("cli.col.allocated"), p.T("cli.col.unapplied"), p.T("cli.col.method"), p.T("cli.col.payer"),
		p.T("cli.col.status")}}
	for _, pm := range ps {
		status := ""
		switch {
		case pm.ReversesID != 0:
			status = p.T("cli.payment.reversal", pm.ReversesID, pm.Reason)
		case pm.Reversed:
			status = p.T("cli.payment.reversed")
		}
		rows = append(rows, []string{store.FormatDate(pm.Date), pm.CustomerCode, store.FoldDisplay(pm.CustomerName),
			pm.Amount.Plain(cur), pm.Allocated.Plain(cur), pm.Rest().Plain(cur), p.T("method." + pm.Method),
			store.FoldDisplay(pm.PayerName), status})
	}
	return rows
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
	var day time.Time
	if *asOf != "" {
		var err error
		if day, err = store.ParseDate(*asOf); err != nil {
			return c.usageError(c.p.T("cli.list.bad_date", "--as-of", *asOf))
		}
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
	if err := exchange.WriteTable(w, rows, 5, 6); err != nil {
		return err
	}
	a := store.Aging(items)
	var parts []string
	for _, b := range store.AgingBuckets {
		parts = append(parts, p.T("cli.overdue.bucket", b, a.Counts[b], a.Buckets[b].Format(cur)))
	}
	_, err := fmt.Fprintln(w, "\n"+p.T("cli.overdue.total", store.FormatDate(day), a.Count, a.Total.Format(cur),
		strings.Join(parts, " · ")))
	return err
}

// importBank reads a bank file, imports its deposits (with --dry-run, only
// reads and shows), confirms the matches that need no person (exact amount
// and a learned payer or the invoice's number, see store.AutoMatches), and
// prints what it matched, what waits for review and what was imported
// before.
func (c *cli) importBank(path string, o bankOptions) int {
	if o.format != "" && o.format != string(bank.Zengin) && o.format != string(bank.CSV) {
		return c.usageError(c.p.T("cli.import.bad_bank_format", o.format))
	}
	if o.profile != "" && o.format == string(bank.Zengin) {
		return c.usageError(c.p.T("cli.import.profile_csv"))
	}
	data, name, err := c.readInput(path)
	if err != nil {
		return c.fail(c.p.T("cli.import.read", path, err))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	deposits, err := exchange.ReadBankFile(c.ctx, st, data, bank.Format(o.format), o.profile)
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, batch, c.bankProblem)
	}
	if err != nil {
		return c.failErr(err)
	}
	source := filepath.Base(name)
	importLines := st.ImportBankLines
	if o.dryRun {
		importLines = st.PreviewBankLines
	}
	res, err := importLines(c.ctx, source, exchange.BankLines(deposits))
	if err != nil {
		return c.failErr(err)
	}
	cands, err := st.CandidatesForAll(c.ctx, res.Added)
	if err != nil {
		return c.failErr(err)
	}
	return c.reconcileReport(st, name, res, cands, o.dryRun)
}

// bankProblem names a problem of a bank file by line, field and reason.
func (c *cli) bankProblem(re store.RowError) string {
	msg := c.p.Reason(re.Err)
	if re.Err.Field != "" {
		msg = re.Err.Field + ": " + msg
	}
	return c.p.T("err.at_line", re.Line, msg)
}

// reconcileReport confirms the automatic matches (not on a dry run) and
// prints the lines matched, to review and without a candidate.
func (c *cli) reconcileReport(st *store.Store, name string, res store.ImportResult, cands map[int64][]store.Candidate, dry bool) int {
	cur := c.currency(st)
	matched, review, none := c.confirmSure(st, res.Added, cands, dry, cur)
	w := bufio.NewWriter(c.stdout)
	key, matchedKey := "cli.bank.summary", "cli.bank.matched"
	if dry {
		key, matchedKey = "cli.bank.summary_dry", "cli.bank.would_match"
	}
	fmt.Fprintln(w, c.p.T(key, name, len(res.Added)+res.AlreadyImported, len(res.Added), res.AlreadyImported))
	for _, sec := range []struct {
		key  string
		rows [][]string
	}{{matchedKey, matched}, {"cli.bank.review", review}, {"cli.bank.unmatched", none}} {
		if len(sec.rows) == 0 {
			continue
		}
		fmt.Fprintln(w, "\n"+c.p.T(sec.key, len(sec.rows)))
		var table strings.Builder
		exchange.WriteTable(&table, sec.rows, 1)
		for _, line := range strings.Split(strings.TrimRight(table.String(), "\n"), "\n") {
			fmt.Fprintln(w, "  "+line)
		}
	}
	if err := w.Flush(); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// confirmSure confirms the lines store.AutoMatches picks (on a dry run it
// only says so) and sorts every line into matched, to review (with its best
// candidate) and without a candidate, as table rows.
func (c *cli) confirmSure(st *store.Store, lines []store.BankLine, cands map[int64][]store.Candidate, dry bool,
	cur store.Currency) (matched, review, none [][]string) {
	auto := store.AutoMatches(lines, cands)
	for _, l := range lines {
		row := []string{store.FormatDate(l.Date), l.Amount.Plain(cur), store.FoldDisplay(l.PayerName)}
		cs := cands[l.ID]
		if m, ok := auto[l.ID]; ok {
			var err error
			if !dry {
				_, err = st.ConfirmMatch(c.ctx, m)
			}
			if err == nil {
				matched = append(matched, append(row, c.candidateText(cs[0], cur)))
				continue
			}
			fmt.Fprintln(c.stderr, c.p.T("cli.bank.confirm_failed", store.FormatDate(l.Date), c.p.Error(err)))
		}
		if len(cs) == 0 {
			none = append(none, row)
			continue
		}
		review = append(review, append(row, c.candidateText(cs[0], cur)+"  "+c.candidateWhy(cs[0], cur)))
	}
	return matched, review, none
}

// candidateText is a candidate as one cell: the invoices and the customer.
func (c *cli) candidateText(cand store.Candidate, cur store.Currency) string {
	numbers := make([]string, len(cand.Invoices))
	for i, b := range cand.Invoices {
		numbers[i] = b.Number
	}
	s := strings.Join(numbers, "+") + "  " + cand.CustomerCode + " " + store.FoldDisplay(cand.CustomerName)
	if len(numbers) == 0 {
		s = cand.CustomerCode + " " + store.FoldDisplay(cand.CustomerName) + "  " + c.p.T("cli.bank.no_invoice")
	}
	if cand.Fee > 0 {
		s += "  " + c.p.T("cli.bank.fee", cand.Fee.Format(cur))
	}
	return s
}

// candidateWhy is a candidate's confidence and reasons, in words.
func (c *cli) candidateWhy(cand store.Candidate, cur store.Currency) string {
	reasons := make([]string, len(cand.Reasons))
	for i, r := range cand.Reasons {
		reasons[i] = c.p.MatchReason(r, cur)
	}
	return "(" + c.p.T("cli.bank.confidence."+cand.Confidence) + ": " + strings.Join(reasons, ", ") + ")"
}

// The contract commands (issue 6): the billing run, the list of contracts
// and, through export pdf, the contract summary. In a file of their own as
// main.go is long enough; the work itself is the store's (PlanBilling,
// RunBilling), exchange's (the list formats) and pdf's (the summary).

// bill runs the billing for --month: with --dry-run it prints every invoice
// the run would make and writes nothing; else it makes them (issued with
// --issue, else drafts) and prints what it made, or that the month was
// billed before.
func (c *cli) bill(args []string) int {
	fs := c.flagSet("bill")
	monthFlag := fs.String("month", "", "")
	issue := fs.Bool("issue", false, "")
	dry := fs.Bool("dry-run", false, "")
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
	if *dry {
		err = c.printPlan(w, st, month)
	} else {
		err = c.runBilling(w, st, month, *issue)
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

// printPlan prints the dry run: each invoice with its customer, contracts,
// lines (their descriptions carry the service period) and totals.
func (c *cli) printPlan(w io.Writer, st *store.Store, month time.Time) error {
	plan, err := st.PlanBilling(c.ctx, month)
	if err != nil {
		return err
	}
	m := month.Format("2006-01")
	if len(plan.Invoices) == 0 {
		return c.nothingToBill(w, m, plan.AlreadyBilled)
	}
	cur := c.currency(st)
	fmt.Fprintln(w, c.p.T("cli.bill.plan", m, len(plan.Invoices), plan.AlreadyBilled))
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
	_, err = fmt.Fprintln(w, "\n"+c.p.T("cli.bill.plan_total", len(plan.Invoices), total.Format(cur)))
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

// indented writes a table two spaces in, under an invoice's heading.
func indented(w io.Writer, rows [][]string, right ...int) error {
	var table strings.Builder
	if err := exchange.WriteTable(&table, rows, right...); err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(table.String(), "\n"), "\n") {
		if _, err := fmt.Fprintln(w, "  "+line); err != nil {
			return err
		}
	}
	return nil
}

// nothingToBill says why a run makes nothing: the month was billed before,
// or no contract has a period due in it. Either way it is not a failure.
func (c *cli) nothingToBill(w io.Writer, month string, already int) error {
	msg := c.p.T("cli.bill.none_due", month)
	if already > 0 {
		msg = c.p.T("cli.bill.nothing_new", month, already)
	}
	_, err := fmt.Fprintln(w, msg)
	return err
}

// runBilling makes the month's invoices and lists them with their customer
// and total.
func (c *cli) runBilling(w io.Writer, st *store.Store, month time.Time, issue bool) error {
	res, err := st.RunBilling(c.ctx, month, issue)
	if err != nil {
		return err
	}
	m := month.Format("2006-01")
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
	fmt.Fprintln(w, c.p.T(key, m, len(res.Invoices), res.AlreadyBilled))
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
	return exchange.WriteTable(w, rows, 4)
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
		func() [][]string { return contractTable(c.p.T, ss, c.currency(st)) }, 7)
}

// contractTable is the table of list contracts; the monthly value is
// column 7. An active contract with an end date says how soon it ends.
func contractTable(t func(string, ...any) string, ss []store.ContractSummary, cur store.Currency) [][]string {
	rows := [][]string{{t("cli.col.number"), t("cli.col.code"), t("cli.col.customer"), t("cli.col.title"),
		t("cli.col.status"), t("cli.col.cycle"), t("cli.col.next_billing"), t("cli.col.monthly"), t("cli.col.end")}}
	for _, s := range ss {
		number := s.Number
		if number == "" {
			number = t("cli.contract.status.draft")
		}
		end := t("cli.contract.open_ended")
		if !s.End.IsZero() {
			end = store.FormatDate(s.End)
			if s.Status == store.ContractActive {
				end += " " + t("cli.contract.ends_in", s.EndsInDays)
			}
		}
		rows = append(rows, []string{number, s.CustomerCode, store.FoldDisplay(s.CustomerName),
			store.FoldDisplay(s.Title), t("cli.contract.status." + s.Status), t("cli.contract.cycle." + s.Cycle),
			store.FormatDate(s.NextBilling), s.MonthlyValue.Plain(cur), end})
	}
	return rows
}

// checkContractStatus refuses a --status a contract cannot have.
func (c *cli) checkContractStatus(status string) int {
	if status != "" && !slices.Contains(store.ContractStatuses, status) {
		return c.usageError(c.p.T("cli.list.bad_status", status, strings.Join(store.ContractStatuses, ", ")))
	}
	return exitOK
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

// inquiryTable is the table of list inquiries: one line each, the body left
// to csv and json.
func inquiryTable(t func(string, ...any) string, qs []store.Inquiry) [][]string {
	rows := [][]string{{t("cli.col.status"), t("cli.inq.col_follow_up"), t("cli.col.date"), t("cli.col.code"),
		t("cli.col.customer"), t("cli.col.subject"), t("cli.col.person"), t("cli.inq.col_channel"),
		t("cli.inq.col_document")}}
	for _, q := range qs {
		rows = append(rows, []string{t("inq.status." + q.Status), store.FormatDate(q.FollowUp), store.FormatDate(q.Date),
			q.CustomerCode, store.FoldDisplay(q.CustomerName), store.FoldDisplay(q.Subject), q.Person,
			t("inq.channel." + q.Channel), q.DocumentNumber})
	}
	return rows
}

// checkInquiryStatus refuses a --status an inquiry cannot have.
func (c *cli) checkInquiryStatus(status string) int {
	if status != "" && !slices.Contains(store.InquiryStatuses, status) {
		return c.usageError(c.p.T("cli.list.bad_status", status, strings.Join(store.InquiryStatuses, ", ")))
	}
	return exitOK
}

// exportContract writes the summary (契約内容確認書) of the contract numbered
// number and prints its path. ok is false when there is no such contract, so
// the caller can report the number as not found among documents either.
func (c *cli) exportContract(st *store.Store, number string, o exportOptions) (code int, ok bool) {
	k, err := st.ContractByNumber(c.ctx, number)
	if e, isStore := store.AsError(err); isStore && e.Code == store.CodeNotFound {
		return exitFail, false
	}
	if err != nil {
		return c.failErr(err), true
	}
	ex, name, code := c.exporter(st, o)
	if code != exitOK {
		return code, true
	}
	path, err := ex.WriteContract(c.ctx, st, k, name)
	if err != nil {
		return c.exportFailed(path, err), true
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK, true
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
		path, err := ex.Write(pdf.StatementFileName(cu.Code, from, to), func(w io.Writer) error {
			return pdf.RenderStatement(w, s)
		})
		if err != nil {
			fmt.Fprintln(c.stderr, c.p.T("cli.export.statements_partial", written, len(cs)))
			return c.exportFailed(path, err)
		}
		fmt.Fprintln(c.stdout, path)
		written++
	}
	fmt.Fprintln(c.stderr, c.p.T("cli.export.statements_done", written, ex.Dir))
	return exitOK
}

// reportKinds are what `daicho report` prints.
var reportKinds = []string{"sales", "margin", "aging"}

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
	if pos[0] == "aging" {
		asOf := f.To
		if asOf.IsZero() {
			asOf = today
		}
		err = c.agingReport(w, st, asOf, o.by == store.ReportByCustomer, o.format, cur)
	} else {
		q := store.ReportQuery{By: o.by, From: f.From, To: f.To}
		if q.By == "" {
			q.By = store.ReportByMonth
		}
		switch {
		case q.To.IsZero() && q.From.IsZero():
			q.From, q.To = store.YearEndingIn(today)
		case q.To.IsZero():
			_, q.To = store.YearEndingIn(today)
		case q.From.IsZero():
			q.From, _ = store.YearEndingIn(q.To)
		}
		if q.To.Before(q.From) { // --from after this month, --to left out
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

// marginText is a row's margin in percent ("40.5"), or "" without sales.
func marginText(r store.ReportRow) string {
	if m, ok := r.MarginPermille(); ok {
		return store.FormatPermille(m)
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
		return writeReportJSON(w, rep, margin)
	case "csv":
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		header := []string{"key", "label", "documents", "sales"}
		if margin {
			header = append(header, "cost", "profit", "margin")
		}
		if err := cw.Write(header); err != nil {
			return err
		}
		for _, r := range rep.Rows {
			rec := []string{exchange.Defuse(r.Key), exchange.Defuse(r.Label), fmt.Sprint(r.Documents), fmt.Sprint(int64(r.Sales))}
			if margin {
				rec = append(rec, fmt.Sprint(int64(r.Cost)), fmt.Sprint(int64(r.Profit())), marginText(r))
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
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
			m := marginText(r)
			if m != "" {
				m += "%"
			}
			row = append(row, r.Cost.Plain(cur), r.Profit().Plain(cur), m)
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
	return exchange.WriteTable(w, rows, right...)
}

// reportRowJSON is one row of `report sales|margin --format json`; the
// margin keys only in a margin report. margin is a percentage with one
// decimal, null without sales.
type reportRowJSON struct {
	Key       string          `json:"key"`
	Label     string          `json:"label"`
	Documents int             `json:"documents"`
	Sales     store.Money     `json:"sales"`
	Cost      *store.Money    `json:"cost,omitempty"`
	Profit    *store.Money    `json:"profit,omitempty"`
	Margin    json.RawMessage `json:"margin,omitempty"` // a number, or null
}

func toReportRowJSON(r store.ReportRow, margin bool) reportRowJSON {
	j := reportRowJSON{Key: r.Key, Label: r.Label, Documents: r.Documents, Sales: r.Sales}
	if margin {
		cost, profit := r.Cost, r.Profit()
		j.Cost, j.Profit = &cost, &profit
		j.Margin = json.RawMessage("null") // no sales: no margin, said so
		if m := marginText(r); m != "" {
			j.Margin = json.RawMessage(m)
		}
	}
	return j
}

// writeReportJSON writes {"from", "to", "by", "rows": […], "total": {…}},
// indented like every JSON daicho writes.
func writeReportJSON(w io.Writer, rep store.Report, margin bool) error {
	out := struct {
		From  string          `json:"from"`
		To    string          `json:"to"`
		By    string          `json:"by"`
		Rows  []reportRowJSON `json:"rows"`
		Total reportRowJSON   `json:"total"`
	}{From: store.FormatDate(rep.Query.From), To: store.FormatDate(rep.Query.To), By: rep.Query.By,
		Rows: []reportRowJSON{}, Total: toReportRowJSON(rep.Total, margin)}
	for _, r := range rep.Rows {
		out.Rows = append(out.Rows, toReportRowJSON(r, margin))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// agingReport writes the overdue receivables as of a day per aging bucket
// and in all, and with perCustomer one row per customer (store.Overdue and
// store.Aging, as the overdue screen sums them).
func (c *cli) agingReport(w io.Writer, st *store.Store, asOf time.Time, perCustomer bool, format string, cur store.Currency) error {
	items, err := st.Overdue(c.ctx, asOf)
	if err != nil {
		return err
	}
	a := store.Aging(items)
	notDue, notDueCount, err := st.NotDue(c.ctx, asOf)
	if err != nil {
		return err
	}
	type bucketJSON struct {
		Bucket   string      `json:"bucket"`
		Invoices int         `json:"invoices"`
		Open     store.Money `json:"open"`
	}
	type customerJSON struct {
		Code           string      `json:"code"`
		Name           string      `json:"name"`
		PersonInCharge string      `json:"person_in_charge"`
		Invoices       int         `json:"invoices"`
		OldestDays     int         `json:"oldest_days"`
		Open           store.Money `json:"open"`
	}
	// The receivables in all: not yet due, then overdue per bucket.
	buckets := []bucketJSON{{"not_due", notDueCount, notDue}}
	for _, b := range store.AgingBuckets {
		buckets = append(buckets, bucketJSON{b, a.Counts[b], a.Buckets[b]})
	}
	total := bucketJSON{"total", a.Count + notDueCount, a.Total + notDue}
	customers := make([]customerJSON, len(a.ByCustomer))
	for i, cu := range a.ByCustomer {
		customers[i] = customerJSON{cu.Code, cu.Name, cu.PersonInCharge, cu.Count, cu.Oldest, cu.Total}
	}
	switch format {
	case "json":
		out := struct {
			AsOf      string         `json:"as_of"`
			Buckets   []bucketJSON   `json:"buckets"`
			Total     bucketJSON     `json:"total"`
			Customers []customerJSON `json:"customers,omitempty"`
		}{AsOf: store.FormatDate(asOf), Buckets: buckets, Total: total}
		if perCustomer {
			out.Customers = customers
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	case "csv":
		cw := csv.NewWriter(w)
		cw.UseCRLF = true
		recs := [][]string{{"bucket", "invoices", "open"}}
		for _, b := range buckets {
			recs = append(recs, []string{b.Bucket, fmt.Sprint(b.Invoices), fmt.Sprint(int64(b.Open))})
		}
		if perCustomer {
			recs = [][]string{{"code", "name", "person_in_charge", "invoices", "oldest_days", "open"}}
			for _, cu := range customers {
				recs = append(recs, []string{exchange.Defuse(cu.Code), exchange.Defuse(cu.Name), exchange.Defuse(cu.PersonInCharge),
					fmt.Sprint(cu.Invoices), fmt.Sprint(cu.OldestDays), fmt.Sprint(int64(cu.Open))})
			}
		}
		return cw.WriteAll(recs)
	}
	p := c.p
	fmt.Fprintln(w, p.T("cli.report.aging_heading", store.FormatDate(asOf)))
	rows := [][]string{{p.T("cli.col.bucket"), p.T("cli.col.invoices"), p.T("cli.col.open")}}
	for _, b := range buckets {
		label := p.T("rep.not_due")
		if b.Bucket != "not_due" {
			label = p.T("cli.report.days", b.Bucket)
		}
		rows = append(rows, []string{label, fmt.Sprint(b.Invoices), b.Open.Plain(cur)})
	}
	rows = append(rows, []string{p.T("cli.report.total"), fmt.Sprint(total.Invoices), total.Open.Plain(cur)})
	if err := exchange.WriteTable(w, rows, 1, 2); err != nil || !perCustomer || len(customers) == 0 {
		return err
	}
	fmt.Fprintln(w)
	rows = [][]string{{p.T("cli.col.code"), p.T("cli.col.customer"), p.T("cli.col.person"), p.T("cli.col.invoices"),
		p.T("cli.col.oldest"), p.T("cli.col.open")}}
	for _, cu := range customers {
		rows = append(rows, []string{cu.Code, store.FoldDisplay(cu.Name), store.FoldDisplay(cu.PersonInCharge),
			fmt.Sprint(cu.Invoices), fmt.Sprint(cu.OldestDays), cu.Open.Plain(cur)})
	}
	return exchange.WriteTable(w, rows, 3, 4, 5)
}

// mail sends the document numbered NUMBER to its customer's email as the
// mail settings say (with no server set, it writes the .eml file into the
// exports folder), logs it and says where it went; --dry-run prints the mail
// instead and sends nothing.
func (c *cli) mail(args []string) int {
	fs := c.flagSet("mail")
	dryRun := fs.Bool("dry-run", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.mail.number"))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	d, err := st.DocumentByNumber(c.ctx, pos[0])
	if e, ok := store.AsError(err); ok && e.Code == store.CodeNotFound {
		return c.fail(c.p.T("cli.mail.no_number", pos[0]))
	}
	if err != nil {
		return c.failErr(err)
	}
	m, err := mail.ComposeDocument(c.ctx, st, d.ID)
	if err != nil {
		return c.fail(c.p.T("mail.cannot", c.p.Error(err)))
	}
	to := m.To
	if m.ToName != "" {
		to = m.ToName + " <" + m.To + ">"
	}
	if *dryRun {
		return c.printMail(st, m, to)
	}
	log, err := mail.Send(c.ctx, st, m)
	var se *mail.SendError
	var nl *mail.NotLoggedError
	switch {
	case errors.As(err, &nl):
		return c.fail(c.p.T("mail.not_logged", nl.Log.To, c.p.Error(nl.Err)))
	case errors.As(err, &se):
		return c.fail(c.p.T("mail.not_sent", c.p.T("mail.send_failed", se.Server, se.Err.Error())))
	case err != nil:
		return c.fail(c.p.T("mail.not_sent", c.p.Error(err)))
	case log.Method == store.MailEML:
		fmt.Fprintln(c.stdout, c.p.T("mail.saved_eml", to, log.File))
	default:
		fmt.Fprintln(c.stdout, c.p.T("mail.sent", m.AttachmentName, to))
	}
	return exitOK
}

// printMail shows what mail would send: the headers, how it would leave,
// and the body.
func (c *cli) printMail(st *store.Store, m mail.Message, to string) int {
	settings, err := st.MailSettings(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	via := c.p.T("mail.via_smtp", settings.Host, settings.Port, c.p.T("mail.security."+settings.Security))
	if settings.Host == "" {
		co, err := st.Company(c.ctx)
		if err != nil {
			return c.failErr(err)
		}
		via = c.p.T("mail.via_eml", pdf.ExportsDir(co, st.Path()))
	}
	fmt.Fprintf(c.stdout, "%s: %s\n%s: %s\n%s: %s (%d bytes)\n%s: %s\n\n%s\n\n%s\n", c.p.T("mail.to"), to,
		c.p.T("mail.subject"), m.Subject, c.p.T("mail.attachment"), m.AttachmentName, len(m.Attachment),
		c.p.T("mail.via"), via, m.Body, c.p.T("cli.mail.dry_run"))
	return exitOK
}

// The commands that keep the ledger safe: backup, restore and check
// (docs/guide.md, "Backups and checks"), and the daily automatic backup of
// the TUI's first start.

// backup copies the database into the backup folder (or --to DIR) and prints
// the copy's path on stdout.
func (c *cli) backup(args []string) int {
	fs := c.flagSet("backup")
	to := fs.String("to", "", "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	res, err := st.Backup(c.ctx, *to)
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, res.Path)
	for _, p := range res.Removed {
		fmt.Fprintln(c.stderr, c.p.T("cli.backup.removed", p))
	}
	if len(res.Violations) > 0 {
		c.printViolations(res.Violations)
		return c.fail(c.p.T("cli.backup.violations", res.Path, len(res.Violations)))
	}
	return exitOK
}

// restore swaps a backup in for the database, after checking it and asking.
func (c *cli) restore(args []string) int {
	fs := c.flagSet("restore")
	yes := fs.Bool("yes", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch len(pos) {
	case 0:
		return c.usageError(c.p.T("cli.restore.no_file"))
	case 1:
	default:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	}
	file := pos[0]
	db, err := c.dbPath()
	if err != nil {
		return c.fail(c.p.T("cli.no_home"))
	}
	// The file is checked before the question, so a bad one is refused
	// before anyone is asked.
	var confirm func() bool
	if !*yes {
		confirm = func() bool { return c.ask(c.p.T("cli.restore.confirm", db, file)) }
	}
	aside, err := store.Restore(c.ctx, db, file, time.Now(), confirm)
	if errors.Is(err, store.ErrRestoreCancelled) {
		fmt.Fprintln(c.stderr, c.p.T("cli.restore.cancelled"))
		return exitFail
	}
	if err != nil {
		return c.restoreFailed(file, err)
	}
	if aside != "" {
		fmt.Fprintln(c.stdout, c.p.T("cli.restore.done", db, file, aside))
	} else {
		fmt.Fprintln(c.stdout, c.p.T("cli.restore.done_new", db, file))
	}
	return exitOK
}

// restoreFailed explains why a restore did not happen; the database is as
// it was.
func (c *cli) restoreFailed(file string, err error) int {
	var refused *store.RestoreRefused
	if errors.As(err, &refused) {
		c.printViolations(refused.Violations)
		return c.fail(c.p.T("cli.restore.violations", file, len(refused.Violations)))
	}
	return c.failErr(err)
}

// ask prints question and reads a yes (y or yes, any case) from stdin.
func (c *cli) ask(question string) bool {
	fmt.Fprint(c.stderr, question+" ")
	line, _ := bufio.NewReader(c.stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(line)) {
	case "y", "yes", "はい":
		return true
	}
	return false
}

// check runs integrity_check and the ledger's rules on the database, read
// only, and prints every violation; the exit status is 0 only when none.
func (c *cli) check(args []string) int {
	fs := c.flagSet("check")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	path, err := c.dbPath()
	if err != nil {
		return c.fail(c.p.T("cli.no_home"))
	}
	r, err := store.CheckFile(c.ctx, path)
	c.printViolations(r.Violations)
	if err != nil {
		return c.failErr(err)
	}
	if len(r.Violations) > 0 {
		return c.fail(c.p.T("cli.check.violations", path, len(r.Violations)))
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.check.ok", r.Documents, r.Payments, path))
	return exitOK
}

// printViolations prints one broken rule a line on stdout.
func (c *cli) printViolations(v store.Violations) {
	for _, s := range v {
		fmt.Fprintln(c.stdout, s)
	}
}

// autoBackupDelay is how long the day's automatic backup waits after the TUI
// starts, so that its reading (seconds, on a large ledger) does not compete
// with the first screen's.
var autoBackupDelay = 2 * time.Second

// autoBackup makes the day's backup in the background while the TUI runs (a
// VACUUM INTO only reads the database: screens and saves go on). The
// returned function, called when the TUI has ended, waits for it — starting
// it at once if the TUI ended within the delay — and reports a failure on
// stderr; nothing is printed while the TUI is on screen.
func (c *cli) autoBackup(st *store.Store) (wait func()) {
	type result struct {
		res  store.BackupResult
		made bool
		err  error
	}
	ended := make(chan struct{})
	done := make(chan result, 1)
	go func() {
		select {
		case <-time.After(autoBackupDelay):
		case <-ended:
		}
		res, made, err := store.BackupIfDue(c.ctx, st, time.Now())
		done <- result{res, made, err}
	}()
	return func() {
		close(ended)
		var r result
		select {
		case r = <-done:
		case <-time.After(200 * time.Millisecond):
			fmt.Fprintln(c.stderr, c.p.T("cli.backup.finishing"))
			r = <-done
		}
		switch {
		case r.err != nil && !errors.Is(r.err, context.Canceled):
			fmt.Fprintln(c.stderr, "daicho: "+c.p.T("cli.backup.auto_failed", c.p.Error(r.err)))
		case len(r.res.Violations) > 0:
			fmt.Fprintln(c.stderr, "daicho: "+c.p.T("cli.backup.violations", r.res.Path, len(r.res.Violations)))
		}
	}
}

// serve runs `daicho serve`: the TUI for several people over SSH (see
// tui/serve). It parses the flags, opens the ledger and runs the server
// until SIGINT or SIGTERM, then closes the sessions and exits 0.
func (c *cli) serve(args []string) int {
	fs := c.flagSet("serve")
	listen := fs.String("listen", "127.0.0.1:2222", "")
	keys := fs.String("authorized-keys", "", "")
	hostKey := fs.String("host-key", "", "")
	exports := fs.String("exports", "", "")
	idle := fs.Duration("idle-timeout", 30*time.Minute, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	case *keys == "":
		return c.usageError(c.p.T("serve.need_keys"))
	case *idle <= 0:
		return c.usageError(c.p.T("serve.bad_idle", *idle))
	}
	if _, _, err := net.SplitHostPort(*listen); err != nil {
		return c.usageError(c.p.T("serve.bad_listen", *listen))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	defer c.autoBackup(st)() // the day's backup, as the TUI makes it
	srv, err := serve.New(serve.Config{Store: st, Printer: c.p, Listen: *listen, AuthorizedKeys: *keys,
		HostKey: *hostKey, ExportsDir: *exports, IdleTimeout: *idle, Log: c.stderr})
	if err != nil {
		return c.fail(err.Error())
	}
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprint(c.stderr, c.p.T("serve.listening", srv.Addr(), st.Path(), srv.HostKey(), srv.HostKeyFingerprint(),
		srv.ExportsDir()))
	served := make(chan struct{})
	defer close(served)
	go func() {
		select {
		case <-ctx.Done():
			stop() // a second Ctrl+C ends daicho at once
			fmt.Fprint(c.stderr, c.p.T("serve.stopping"))
		case <-served:
		}
	}()
	if err := srv.Serve(ctx); err != nil {
		return c.failErr(err)
	}
	return exitOK
}
