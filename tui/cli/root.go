// Package cli is daicho's command line: the commands of ARCHITECTURE.md §8,
// the line-by-line face of the terminal beside the full-screen TUI (package
// tui). Run parses the global flags and hands each command to a method of
// cli, one file per command or family of commands; the work itself is the
// store's, exchange's (file formats) and pdf's, and every sentence comes from
// tui/i18n.
package cli

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"daicho/store"
	"daicho/tui/i18n"
	"daicho/tui/tmuxenv"
)

// Exit statuses (ARCHITECTURE.md §8).
const (
	exitOK    = 0
	exitFail  = 1 // a problem the user must fix: the message on stderr says what, where and what to do
	exitUsage = 2 // bad usage: an unknown command or flag
)

// cli is one run of the program: its streams, language and global flags.
type cli struct {
	ctx            context.Context
	stdin          io.Reader
	stdout, stderr io.Writer
	p              i18n.Printer
	db             string   // --db, "" when not given
	lang           string   // --lang, "" when not given
	profile        *os.File // --cpuprofile's file while profiling (profile.go)
}

// Run does everything main does, with the streams passed in, and returns the
// exit status: tests call it directly.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	tmuxenv.Restore() // hidden from lipgloss's package init only (tui/tmuxenv)
	c := &cli{ctx: context.Background(), stdin: stdin, stdout: stdout, stderr: stderr}
	defer c.stopCPUProfile()
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
	case "archive":
		return c.archive(args)
	case "staff":
		return c.staff(args)
	case "notify":
		return c.notify(args)
	case "backup":
		return c.backup(args)
	case "restore":
		return c.restore(args)
	case "check":
		return c.check(args)
	case "settings": // the closing run (issue 16): scripted set-up
		return c.settings(args)
	case "close":
		return c.close(args)
	case "receipt":
		return c.receipt(args)
	case "version", "help":
		return c.info(cmd, args)
	}
	return c.usageError(c.p.T("cli.unknown_command", cmd))
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
	fs.Func("cpuprofile", "", c.startCPUProfile) // hidden: not in the usage
	return fs
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
func (c *cli) open() (*store.Store, int) { return c.openWith(store.Open) }

// openWith is open with the store's opener of the caller's choice (the TUI's
// checks the file's integrity after its first rows: store.OpenCheckingLater).
func (c *cli) openWith(open func(path string) (*store.Store, error)) (*store.Store, int) {
	path, err := c.dbPath()
	if err != nil {
		return nil, c.fail(c.p.T("cli.no_home"))
	}
	st, err := open(path)
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

// heldUntilChecked runs a command on a ledger opened with
// store.OpenCheckingAlongside, whose integrity check runs while the command
// works, and holds what it prints until the check's verdict: a damaged file
// is reported as openChecked reports it, and nothing read from it is shown.
func (c *cli) heldUntilChecked(st *store.Store, run func() int) int {
	stdout, stderr := c.stdout, c.stderr
	var out, errOut bytes.Buffer
	c.stdout, c.stderr = &out, &errOut
	code := run()
	c.stdout, c.stderr = stdout, stderr
	if err := st.Checked(); err != nil {
		return c.failErr(err)
	}
	stdout.Write(out.Bytes())
	stderr.Write(errOut.Bytes())
	return code
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
