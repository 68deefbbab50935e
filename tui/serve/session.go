package serve

import (
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	bm "charm.land/wish/v2/bubbletea"

	"daicho/store"
	"daicho/tui"
	"daicho/tui/i18n"
)

// Why a session ended, for the log and the last line the person sees.
const (
	endQuit       = "quit"         // the person quit the TUI
	endDisconnect = "disconnected" // the connection went away
	endIdle       = "idle"         // no key press for the idle timeout
	endShutdown   = "shutdown"     // the server is stopping
	endRefused    = "refused"      // no terminal, a command, or the key is gone
)

// session is one SSH session's TUI.
type session struct {
	user, remote string
	role         store.Role
	p            i18n.Printer
	started      time.Time

	mu     sync.Mutex
	prog   *tea.Program // nil until the TUI starts
	reason string       // set by whoever ends it first
	done   chan struct{}

	lastInput atomic.Int64 // unix nanoseconds of the last key press, click or resize
}

// end records why the session ends (the first reason given wins) and tells
// its TUI to quit.
func (ss *session) end(reason string) {
	ss.mu.Lock()
	if ss.reason == "" {
		ss.reason = reason
	}
	prog := ss.prog
	ss.mu.Unlock()
	if prog != nil {
		go prog.Quit() // Quit waits for the program to take it
	}
}

func (ss *session) endReason() string {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	return ss.reason
}

type sessionKey struct{}

// logged is the outermost middleware: it makes the session, logs its start
// and end, keeps it on the list the shutdown walks, and tells the person
// why the server closed it.
func (s *Server) logged(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ss := &session{remote: sess.RemoteAddr().String(), started: time.Now(), done: make(chan struct{}),
			p: sessionPrinter(sess.Environ(), s.cfg.Printer)}
		ss.lastInput.Store(time.Now().UnixNano())
		keys, err := loadKeys(s.cfg.AuthorizedKeys, s.cfg.Printer)
		if k, ok := find(keys, sess.PublicKey()); err == nil && ok {
			ss.user, ss.role = userName(k, sess.User()), k.role
		}
		sess.Context().SetValue(sessionKey{}, ss)
		if !s.add(ss) {
			wish.Println(sess, ss.p.T("serve.shutdown_closed"))
			return
		}
		s.logf("event=start user=%q remote=%s role=%s", ss.user, ss.remote, ss.role)
		next(sess)
		close(ss.done)
		s.remove(ss)
		reason := ss.endReason()
		if reason == "" {
			reason = endQuit
			if sess.Context().Err() != nil {
				reason = endDisconnect
			}
		}
		s.logf("event=end user=%q remote=%s duration=%s reason=%s", ss.user, ss.remote,
			time.Since(ss.started).Round(time.Second), reason)
		switch reason {
		case endIdle:
			wish.Println(sess, ss.p.T("serve.idle_closed", s.cfg.IdleTimeout))
		case endShutdown:
			wish.Println(sess, ss.p.T("serve.shutdown_closed"))
		}
	}
}

// guard lets through only a session the TUI can serve: its key still
// listed, a terminal, and no command.
func (s *Server) guard(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ss := sess.Context().Value(sessionKey{}).(*session)
		refuse := ""
		_, _, pty := sess.Pty()
		switch {
		case ss.user == "":
			refuse = "serve.key_removed"
		case len(sess.Command()) > 0 || sess.Subsystem() != "":
			refuse = "serve.no_command"
		case !pty:
			refuse = "serve.no_pty"
		}
		if refuse != "" {
			ss.end(endRefused)
			wish.Fatalln(sess, ss.p.T(refuse))
			return
		}
		next(sess)
	}
}

// program makes the session's TUI: the ledger over the shared store,
// writing as the session's user, files only into the server's folder.
// bubbletea.MiddlewareWithProgramHandler runs it with the session as its
// terminal and passes on window size changes.
func (s *Server) program(sess ssh.Session) *tea.Program {
	ss := sess.Context().Value(sessionKey{}).(*session)
	// A key named like a staff entry's SSH key (or name) opens on their queue.
	staff := tui.StaffFor(sess.Context(), s.cfg.Store, ss.user)
	m := tui.New(s.cfg.Store.AsPerson(ss.user, ss.role), ss.p, tui.WithExportsDir(s.cfg.ExportsDir),
		tui.WithImportsDir(s.cfg.ImportsDir), tui.WithRemote(), tui.WithDone(ss.done), tui.WithStaff(staff))
	opts := append(bm.MakeOptions(sess),
		// The server handles SIGINT and SIGTERM once for all sessions.
		tea.WithoutSignalHandler(),
		// Replaces MakeOptions' filter, so it does that one's job too.
		tea.WithFilter(ss.watchInput))
	prog := tea.NewProgram(m, opts...)
	ss.mu.Lock()
	ss.prog = prog
	ended := ss.reason != ""
	ss.mu.Unlock()
	if ended { // the shutdown came first: no TUI
		return nil
	}
	if s.cfg.IdleTimeout > 0 {
		go s.watchIdle(ss)
	}
	return prog
}

// watchInput notes the time of every key press, click, paste and resize,
// which is what "idle" is measured against: the screen's own output (a
// blinking cursor) does not count. A suspend (ctrl+z) means nothing in a
// session, so it resumes at once, as wish's own filter does.
func (ss *session) watchInput(_ tea.Model, msg tea.Msg) tea.Msg {
	switch msg.(type) {
	case tea.KeyMsg, tea.MouseMsg, tea.PasteMsg, tea.WindowSizeMsg:
		ss.lastInput.Store(time.Now().UnixNano())
	case tea.SuspendMsg:
		return tea.ResumeMsg{}
	}
	return msg
}

// watchIdle ends the session once it has had no input for the idle timeout.
func (s *Server) watchIdle(ss *session) {
	idle := s.cfg.IdleTimeout
	tick := time.NewTicker(min(max(idle/10, 10*time.Millisecond), 30*time.Second))
	defer tick.Stop()
	for {
		select {
		case <-ss.done:
			return
		case now := <-tick.C:
			if now.Sub(time.Unix(0, ss.lastInput.Load())) >= idle {
				ss.end(endIdle)
				return
			}
		}
	}
}

// add puts a session on the list, unless the server is stopping.
func (s *Server) add(ss *session) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.sessions[ss] = struct{}{}
	return true
}

func (s *Server) remove(ss *session) {
	s.mu.Lock()
	delete(s.sessions, ss)
	s.mu.Unlock()
}

// endAll stops taking sessions and ends every open one.
func (s *Server) endAll(reason string) {
	s.mu.Lock()
	s.closing = true
	open := make([]*session, 0, len(s.sessions))
	for ss := range s.sessions {
		open = append(open, ss)
	}
	s.mu.Unlock()
	for _, ss := range open {
		ss.end(reason)
	}
}

// sessionPrinter speaks the language the person's ssh client sends in
// LC_ALL, LC_MESSAGES or LANG (the first one set; OpenSSH sends LANG and
// LC_* by default), else the server's.
func sessionPrinter(env []string, fallback i18n.Printer) i18n.Printer {
	vars := map[string]string{}
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok {
			vars[k] = v
		}
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := vars[name]; v != "" {
			if strings.HasPrefix(v, "ja") {
				return i18n.New(i18n.JA)
			}
			return i18n.New(i18n.EN)
		}
	}
	return fallback
}
