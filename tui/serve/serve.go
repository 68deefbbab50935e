// Package serve is daicho serve: the ledger's TUI over SSH, so that two or
// three people at their own terminals work on one database. Each SSH session
// gets its own TUI (tui.New) over one shared *store.Store, writing the audit
// log under the session's user (store.As). Only the public keys listed in
// the authorized keys file get in; there are no passwords. A session without
// a key press for the idle timeout is closed, and files are written only
// into the one exports folder the server fixes.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"daicho/store"
	"daicho/tui/i18n"
)

// Config is what daicho serve is started with.
type Config struct {
	Store   *store.Store // the one store every session shares
	Printer i18n.Printer // for the operator's messages, and sessions that send no LANG

	Listen         string        // host:port ("127.0.0.1:0" picks a free port)
	AuthorizedKeys string        // the public keys allowed in, OpenSSH format, user name as the comment
	HostKey        string        // the server's private key; "": ssh_host_ed25519_key beside the database
	ExportsDir     string        // where sessions write files; "": exports beside the database
	ImportsDir     string        // the only folder sessions read files from (bank files, seal images); "": imports beside the exports folder
	IdleTimeout    time.Duration // close a session after this long without a key press; 0: never

	// ShutdownGrace is how long Serve waits, once its context is done, for
	// the sessions' clients to disconnect before cutting them off (0: 10 s).
	ShutdownGrace time.Duration
	Log           io.Writer // one line per session start and end; nil: discarded
}

// DefaultHostKey and DefaultExportsDir are where the host key and the files
// go when the flags do not say: the database's folder, which is the
// operator's and 0700.
func DefaultHostKey(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "ssh_host_ed25519_key")
}

func DefaultExportsDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "exports") }

// DefaultImportsDir is where sessions read files from when --imports does
// not say: "imports" beside the exports folder. Files arrive there by the
// office's usual means (a shared folder, scp by the administrator).
func DefaultImportsDir(exportsDir string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(exportsDir)), "imports")
}

// Server is a running daicho serve: listening from New on, serving sessions
// from Serve until its context is done.
type Server struct {
	cfg  Config
	ssh  *ssh.Server
	ln   net.Listener
	host gossh.PublicKey

	mu       sync.Mutex
	closing  bool
	sessions map[*session]struct{}

	noticesSent time.Time // the day the notices were last sent (sendNoticesDaily's goroutine only)
}

// New checks the configuration and starts listening: a missing, unreadable
// or empty authorized keys file, a host key that cannot be read or made, or
// an address in use is an error here (a sentence for the operator), before
// anyone connects.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("serve: no store")
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.ShutdownGrace <= 0 {
		cfg.ShutdownGrace = 10 * time.Second
	}
	if cfg.HostKey == "" {
		cfg.HostKey = DefaultHostKey(cfg.Store.Path())
	}
	if cfg.ExportsDir == "" {
		cfg.ExportsDir = DefaultExportsDir(cfg.Store.Path())
	}
	p := cfg.Printer
	if _, err := loadKeys(cfg.AuthorizedKeys, p); err != nil {
		return nil, err
	}
	signer, err := hostKey(cfg.HostKey, p, cfg.Log)
	if err != nil {
		return nil, err
	}
	// Absolute, so what the sessions are told and where they write cannot
	// depend on a working directory.
	if abs, err := filepath.Abs(cfg.ExportsDir); err == nil {
		cfg.ExportsDir = abs
	}
	if err := os.MkdirAll(cfg.ExportsDir, 0o700); err != nil {
		return nil, errors.New(p.T("serve.exports", cfg.ExportsDir, err))
	}
	if cfg.ImportsDir == "" {
		cfg.ImportsDir = DefaultImportsDir(cfg.ExportsDir)
	}
	if abs, err := filepath.Abs(cfg.ImportsDir); err == nil {
		cfg.ImportsDir = abs
	}
	if err := os.MkdirAll(cfg.ImportsDir, 0o700); err != nil {
		return nil, errors.New(p.T("serve.imports", cfg.ImportsDir, err))
	}
	s := &Server{cfg: cfg, host: signer.PublicKey(), sessions: map[*session]struct{}{}}
	s.ssh, err = wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		// Public keys only: with no password or keyboard-interactive
		// handler, the server offers no other way in.
		wish.WithPublicKeyAuth(s.allowKey),
		// The session watches for key presses itself (the screen's own
		// output keeps a connection busy); this one only ends connections
		// that never open a session, a little after a session would end.
		wish.WithIdleTimeout(idleBackstop(cfg.IdleTimeout)),
		wish.WithMiddleware(
			bm.MiddlewareWithProgramHandler(s.program), // runs last: the TUI
			s.guard,  // a user, a terminal, no command
			s.logged, // runs first: the log lines, the list of sessions
		),
		func(srv *ssh.Server) error {
			srv.HandshakeTimeout = 30 * time.Second
			srv.ConnectionFailedCallback = s.refused
			return nil
		},
	)
	if err != nil {
		return nil, err
	}
	if s.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, errors.New(p.T("serve.listen_failed", cfg.Listen, err))
	}
	return s, nil
}

// idleBackstop is the connections' own idle timeout.
func idleBackstop(idle time.Duration) time.Duration {
	if idle <= 0 {
		return 0
	}
	return idle + 30*time.Second
}

// Addr is the address listened on (with the port chosen, for ":0").
func (s *Server) Addr() net.Addr { return s.ln.Addr() }

// HostKey is the server's host key file, and HostKeyFingerprint its public
// key as ssh shows it on the first connection (SHA256:…), to compare.
func (s *Server) HostKey() string            { return s.cfg.HostKey }
func (s *Server) HostKeyFingerprint() string { return fingerprint(s.host) }

// ExportsDir is the one folder sessions write files into.
func (s *Server) ExportsDir() string { return s.cfg.ExportsDir }

// ImportsDir is the one folder sessions read files from.
func (s *Server) ImportsDir() string { return s.cfg.ImportsDir }

// Serve serves sessions until ctx is done, then shuts down gracefully: no
// new connections; every open TUI is told to quit (a form's unsaved edits
// are lost, nothing half-saved: each save is one transaction); clients get
// ShutdownGrace to disconnect before they are cut off. The store stays
// open: it is the caller's.
func (s *Server) Serve(ctx context.Context) error {
	served := make(chan error, 1)
	go func() { served <- s.ssh.Serve(s.ln) }()
	noticesCtx, stopNotices := context.WithCancel(ctx)
	noticesDone := make(chan struct{})
	go func() { defer close(noticesDone); s.sendNoticesDaily(noticesCtx) }()
	defer func() { stopNotices(); <-noticesDone }() // the store is the caller's to close after
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	// Closed here as well as by Shutdown, which closes only the listeners
	// Serve has begun to track: a stop right after the start must not leave
	// one accepting.
	s.ln.Close()
	s.endAll(endShutdown)
	grace, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownGrace)
	defer cancel()
	if err := s.ssh.Shutdown(grace); err != nil {
		s.ssh.Close()
	}
	if err := <-served; err != nil && !errors.Is(err, ssh.ErrServerClosed) && !errors.Is(err, net.ErrClosed) {
		return err
	}
	return nil
}

// allowKey lets a key in when the authorized keys file lists it. The file
// is read at every attempt, so a line added or removed counts at once; a
// file that has become unreadable lets no one in (and says so on the log).
func (s *Server) allowKey(ctx ssh.Context, key ssh.PublicKey) bool {
	keys, err := loadKeys(s.cfg.AuthorizedKeys, s.cfg.Printer)
	if err != nil {
		s.logf("event=refused remote=%s error=%q", ctx.RemoteAddr(), err.Error())
		return false
	}
	_, ok := find(keys, key)
	return ok
}

// refused logs a connection that never got in (no listed key, a password
// tried, a handshake that timed out).
func (s *Server) refused(conn net.Conn, err error) {
	s.logf("event=refused remote=%s error=%q", conn.RemoteAddr(), err.Error())
}

// logf writes one line to the log, stamped with the time.
func (s *Server) logf(format string, args ...any) {
	fmt.Fprintf(s.cfg.Log, "time=%s "+format+"\n", append([]any{time.Now().Format(time.RFC3339)}, args...)...)
}
