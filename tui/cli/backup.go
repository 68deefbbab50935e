package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"daicho/store"
	"daicho/store/replica"
)

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
	fromReplica := fs.String("from-replica", "", "")
	at := fs.String("at", "", "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case *fromReplica != "" && len(pos) > 0:
		return c.usageError(c.p.T("cli.restore.file_or_replica"))
	case *at != "" && *fromReplica == "":
		return c.usageError(c.p.T("cli.restore.at_needs_replica"))
	case *fromReplica != "":
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.restore.no_file"))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	}
	db, err := c.dbPath()
	if err != nil {
		return c.fail(c.p.T("cli.no_home"))
	}
	var file, shown string // the copy restored, and how the user named it
	if *fromReplica != "" {
		var code int
		file, code = c.restoredReplica(db, *fromReplica, *at)
		if file == "" {
			return code
		}
		defer removeWithSideFiles(file)
		shown = replica.Redact(*fromReplica)
	} else {
		file, shown = pos[0], pos[0]
	}
	// The file is checked before the question, so a bad one is refused
	// before anyone is asked.
	var confirm func() bool
	if !*yes {
		confirm = func() bool { return c.ask(c.p.T("cli.restore.confirm", db, shown)) }
	}
	aside, err := store.Restore(c.ctx, db, file, time.Now(), confirm)
	if errors.Is(err, store.ErrRestoreCancelled) {
		fmt.Fprintln(c.stderr, c.p.T("cli.restore.cancelled"))
		return exitFail
	}
	if err != nil {
		return c.restoreFailed(shown, err)
	}
	if aside != "" {
		fmt.Fprintln(c.stdout, c.p.T("cli.restore.done", db, shown, aside))
	} else {
		fmt.Fprintln(c.stdout, c.p.T("cli.restore.done_new", db, shown))
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
		return c.fail(c.p.N("cli.check.violations", len(r.Violations), path, len(r.Violations)))
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.check.ok", r.Documents, r.Payments, r.AuditRows, path, r.ChainHead))
	return exitOK
}

// printViolations prints one broken rule a line on stdout, in the user's
// language where the store names the rule by key.
func (c *cli) printViolations(v store.Violations) {
	for _, x := range v {
		fmt.Fprintln(c.stdout, c.p.Violation(x))
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
			// The copy reads the whole file while the TUI runs: at a low
			// priority, so the screen keeps a core (the goroutine ends
			// with the backup). Once the TUI has ended, the user waits
			// for it: then it runs at full speed.
			store.LowerPriority()
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
