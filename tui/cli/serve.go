package cli

import (
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"daicho/store/replica"
	"daicho/tui/serve"
)

// serve runs `daicho serve`: the TUI for several people over SSH (see
// tui/serve). It parses the flags, opens the ledger and runs the server
// until SIGINT or SIGTERM, then closes the sessions and exits 0.
func (c *cli) serve(args []string) int {
	fs := c.flagSet("serve")
	listen := fs.String("listen", "127.0.0.1:2222", "")
	keys := fs.String("authorized-keys", "", "")
	hostKey := fs.String("host-key", "", "")
	exports := fs.String("exports", "", "")
	imports := fs.String("imports", "", "")
	idle := fs.Duration("idle-timeout", 30*time.Minute, "")
	replicate := fs.String("replicate", "", "")
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
	// Replication (--replicate, else the replica setting) must reach its
	// replica before the server opens: the administrator is here to see
	// that it does not. It stops after the ledger is closed (deferred
	// first, runs last), with a last sync.
	url := c.replicaURL(st, *replicate)
	rp := c.startReplication(st, url, c.stderr)
	if err := rp.wait(); err != nil {
		st.Close()
		rp.stop()
		c.replicationProblem(url, err)
		return exitFail
	}
	defer func() { c.replicationProblem(url, rp.stop()) }()
	defer st.Close()
	defer c.autoBackup(st)() // the day's backup, as the TUI makes it
	srv, err := serve.New(serve.Config{Store: st, Printer: c.p, Listen: *listen, AuthorizedKeys: *keys,
		HostKey: *hostKey, ExportsDir: *exports, ImportsDir: *imports, IdleTimeout: *idle, Log: c.stderr})
	if err != nil {
		return c.fail(err.Error())
	}
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprint(c.stderr, c.p.T("serve.listening", srv.Addr(), st.Path(), srv.HostKey(), srv.HostKeyFingerprint(),
		srv.ExportsDir()))
	fmt.Fprint(c.stderr, c.p.T("serve.listening_imports", srv.ImportsDir()))
	if url != "" {
		fmt.Fprint(c.stderr, c.p.T("serve.replicating", replica.Redact(url)))
	}
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
