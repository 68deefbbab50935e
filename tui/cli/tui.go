package cli

import (
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"daicho/store"
	"daicho/store/demo"
	"daicho/tui"
)

// runTUI is tui.Run, as a variable so tests can check what `daicho` and
// `daicho --demo` hand to the TUI without a terminal.
var runTUI = tui.Run

// tui runs the TUI on the user's database. A file written by a newer daicho
// or another program is refused before the TUI starts; the integrity check
// runs once the first rows are on screen (tui/start.go): a damaged file is
// then said on the status line for as long as daicho runs, and never
// written to.
func (c *cli) tui() int {
	tui.WarmUp(c.p.Lang) // beside the open: what the first frame needs and the ledger does not
	st, code := c.openWith(store.OpenCheckingLater)
	if st == nil {
		return code
	}
	// The replica setting: replication runs while the TUI is open and
	// stops, with a last sync, after the ledger is closed (deferred first,
	// runs last). What went wrong is said after the TUI, not under it.
	url := c.replicaURL(st, "")
	rp := c.startReplication(st, url, nil)
	defer func() { c.replicationProblem(url, rp.stop()) }()
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
	tui.WarmUp(c.p.Lang)
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
