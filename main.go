// Command daicho is a keyboard-driven sales ledger (台帳) for a small office.
// Without a command it opens the full-screen TUI; the commands of
// ARCHITECTURE.md §8 do the same work from a shell or a script. Run
// `daicho help` for the list.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/store/demo"
	"daicho/store/exchange"
	"daicho/tui"
	"daicho/tui/i18n"
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

// tui runs the TUI on the user's database.
func (c *cli) tui() int {
	st, code := c.open()
	if st == nil {
		return code
	}
	defer st.Close()
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
	st, code := c.open()
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
	if err := demo.Fill(c.ctx, st, size); err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.demo.done", size.Count(), st.Path()))
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

// list prints a master file on stdout. Only customers exist so far.
func (c *cli) list(args []string) int {
	fs := c.flagSet("list")
	format := fs.String("format", "table", "")
	archived := fs.Bool("archived", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.list.what"))
	case pos[0] != "customers":
		return c.usageError(c.p.T("cli.list.unknown", pos[0]))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	case !slices.Contains(listFormats, *format):
		return c.usageError(c.p.T("cli.list.bad_format", *format))
	}
	st, code := c.open()
	if st == nil {
		return code
	}
	defer st.Close()
	cs, err := st.Customers(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	if !*archived {
		cs = activeOnly(cs)
	}
	if err := c.writeCustomers(*format, cs, *archived); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// activeOnly drops archived customers: the rule for every format of list
// unless --archived (then every customer is listed).
func activeOnly(cs []store.Customer) []store.Customer {
	out := cs[:0]
	for _, cu := range cs {
		if !cu.Archived {
			out = append(out, cu)
		}
	}
	return out
}

func (c *cli) writeCustomers(format string, cs []store.Customer, withArchived bool) error {
	w := bufio.NewWriter(c.stdout)
	var err error
	switch format {
	case "json":
		err = exchange.WriteCustomersJSON(w, cs)
	case "csv":
		err = exchange.WriteCustomersCSV(w, cs)
	default:
		if len(cs) == 0 {
			fmt.Fprintln(c.stderr, c.p.T("cli.list.empty"))
			return nil
		}
		err = writeColumns(w, customerTable(c.p, cs, withArchived))
	}
	if err != nil {
		return err
	}
	return w.Flush()
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
			mark := ""
			if cu.Archived {
				mark = p.T("cli.list.archived_mark")
			}
			row = append(row, mark)
		}
		rows = append(rows, row)
	}
	return rows
}

// writeColumns writes rows as columns two spaces apart, padded by display
// width so that a kanji (two cells) lines up with Latin text (one cell).
// Trailing spaces are dropped.
func writeColumns(w io.Writer, rows [][]string) error {
	widths := make([]int, len(rows[0]))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], ansi.StringWidth(cell))
		}
	}
	var line strings.Builder
	for _, row := range rows {
		line.Reset()
		for i, cell := range row {
			line.WriteString(cell)
			if i < len(row)-1 {
				line.WriteString(strings.Repeat(" ", widths[i]-ansi.StringWidth(cell)+2))
			}
		}
		if _, err := fmt.Fprintln(w, strings.TrimRight(line.String(), " ")); err != nil {
			return err
		}
	}
	return nil
}

// importCmd adds records from a file, all or nothing. Only customers so far.
func (c *cli) importCmd(args []string) int {
	fs := c.flagSet("import")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.import.what"))
	case pos[0] != "customers":
		return c.usageError(c.p.T("cli.import.unknown", pos[0]))
	case len(pos) == 1:
		return c.usageError(c.p.T("cli.import.need_file"))
	case len(pos) > 2:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[2]))
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
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, where, withFieldProblems(batch, cs, lines))
	}
	if err != nil {
		return c.failErr(err)
	}
	st, code := c.open()
	if st == nil {
		return code
	}
	defer st.Close()
	if err := st.CreateCustomers(c.ctx, cs, lines); err != nil {
		if errors.As(err, &batch) {
			return c.reportProblems(name, where, batch)
		}
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.import.done", len(cs), name))
	return exitOK
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
// time. A field that already has a problem is not reported twice. (Codes
// clashing with the database are checked by CreateCustomers, once the file
// reads cleanly.)
func withFieldProblems(problems store.BatchError, cs []store.Customer, lines []int) store.BatchError {
	type at struct {
		line  int
		field string
	}
	reported := map[at]bool{}
	for _, re := range problems {
		reported[at{re.Line, re.Err.Field}] = true
	}
	for i := range cs {
		for _, fe := range store.FieldErrors(cs[i].Validate()) {
			if !reported[at{lines[i], fe.Field}] {
				problems = append(problems, store.RowError{Line: lines[i], Err: fe})
			}
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	return problems
}

// reportProblems lists every problem of an import on stderr, one per line
// with its line (or record) number, field and reason.
func (c *cli) reportProblems(name, where string, problems store.BatchError) int {
	fmt.Fprintf(c.stderr, "daicho: %s\n", c.p.T("cli.import.problems", name, len(problems)))
	for _, re := range problems {
		fmt.Fprintf(c.stderr, "  %s\n", c.p.T(where, re.Line, c.p.Error(re.Err)))
	}
	fmt.Fprintln(c.stderr, c.p.T("cli.import.fix"))
	return exitFail
}
