package tui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// Option changes how New sets up the TUI. Without options the TUI is the
// local one: files go where the company settings say, and a PDF can be
// opened with this machine's viewer.
type Option func(*options)

type options struct {
	exportsDir string // "": from the company settings (pdf.ExportsDir)
	// exportsDefault is where files go while the setting is empty, as the
	// settings form shows it (found once in New: Update does no I/O).
	exportsDefault string
	remote         bool
	importsDir     string          // "": file prompts read the local file system (imports.go)
	done           <-chan struct{} // closed when the TUI has ended (live.go)
	noLive         bool            // no live updates: tests that run commands one by one
	staff          string          // the person in charge using the TUI: their queue is the first screen
	restDelay      time.Duration   // how long what follows the first rows waits (start.go)
}

// WithStaff names the staff member (a person in charge) using the TUI: their
// queue (queue.go) is added as the last tab and is the first screen shown.
// daicho serve gives it for a session whose key is named like a staff
// entry's SSH key; the local TUI for $DAICHO_USER (resolveStaff).
func WithStaff(name string) Option { return func(o *options) { o.staff = name } }

// resolveStaff is the staff member user names: by SSH key name, else by
// name; "" when none (or user is "").
func resolveStaff(ctx context.Context, st *store.Store, user string) string {
	if user == "" || st == nil {
		return ""
	}
	if m, err := st.StaffBySSHKey(ctx, user); err == nil {
		return m.Name
	}
	if m, err := st.StaffByName(ctx, user); err == nil {
		return m.Name
	}
	return ""
}

// StaffFor is resolveStaff for daicho serve: the staff member whose SSH key
// name (or name) is user, "" when none.
func StaffFor(ctx context.Context, st *store.Store, user string) string {
	return resolveStaff(ctx, st, user)
}

// withRestDelay makes what follows the first rows wait d, so the frame that
// shows them is drawn first: Run's, not the tests' (their harness runs every
// command at once) nor the SSH server's (its sessions share one process).
func withRestDelay(d time.Duration) Option { return func(o *options) { o.restDelay = d } }

// WithExportsDir fixes the one folder the TUI writes files into, whatever
// the company settings say; the settings form shows it and cannot change it.
// daicho serve gives it to every SSH session, so that nothing a session
// types can make the server write anywhere else.
func WithExportsDir(dir string) Option { return func(o *options) { o.exportsDir = dir } }

// WithRemote says the person sits at another machine (an SSH session): a
// file cannot be opened with this machine's viewer, so o only saves it.
func WithRemote() Option { return func(o *options) { o.remote = true } }

// WithDone gives the channel that is closed once the TUI has ended, so its
// subscription to the store's changes (live.go) ends with it: daicho serve
// gives each session's, as the shared store outlives the sessions.
func WithDone(done <-chan struct{}) Option { return func(o *options) { o.done = done } }

// withoutLive leaves live updates out: the tests' harness runs every
// command at once, and the one that waits for the next change would never
// return.
func withoutLive() Option { return func(o *options) { o.noLive = true } }

// defaultExportsDir is the folder files go into while the company setting is
// empty (Documents/daicho, else the database's folder), with the home
// folder written ~ as people know it. "" without a store (tests of the
// layout alone).
func defaultExportsDir(st *store.Store) string {
	if st == nil {
		return ""
	}
	dir := pdf.ExportsDir(store.Company{}, st.Path())
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if rel, err := filepath.Rel(home, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.Join("~", rel)
		}
	}
	return dir
}

// exportsDir is the folder files are written into: the fixed one in server
// mode, else the one of the company settings (or its default).
func (e env) exportsDir(company store.Company) string {
	if e.opt.exportsDir != "" {
		return e.opt.exportsDir
	}
	return pdf.ExportsDir(company, e.st.Path())
}
