// Package store is daicho's model: the SQLite schema and the business rules
// (money, tax, numbering, customers, …). It imports no UI. Every exported
// method that changes data runs in exactly one write transaction.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Store is an open daicho database.
type Store struct {
	db   *sql.DB
	path string

	// Actor is written into the audit log as the author of every change:
	// the OS user by default, the SSH user in server mode.
	Actor string
	// Now is the clock; tests fix it so timestamps are predictable.
	Now func() time.Time

	// checked is closed when the background quick_check of a large file is
	// done; checkErr is its verdict. Writes wait for it (see write).
	checked     chan struct{}
	checkErr    error
	cancelCheck context.CancelFunc
	// startCheck starts that check, once: on the first Checked (which the
	// first write calls, and the TUI after its first rows), so nothing
	// competes with the first query, and a read-only command that never
	// asks does not read the whole file for nothing.
	startCheck sync.Once
	// checkHere: the pending check is a small WAL-mode file's, run on the
	// store's own connection (OpenCheckingAlongside); unchecked removes the
	// -wal and -shm the open made when that check fails, as a failed check
	// at open does.
	checkHere bool
	unchecked func()

	// root is the Store this one was made from with As (nil for the one
	// Open returned): it owns the pool and the open-time check.
	root *Store

	// feed tells listeners what each commit changed (feed.go); shared
	// with every copy made by As.
	feed *feed

	// role is what the person may do (role.go); "" is a manager.
	role Role
	// waiter, on the root Store only, makes each commit wait for the
	// replica (commit_wait.go).
	waiter *commitWaiter
}

// syncCheckLimit is the largest file checked before Open returns. quick_check
// reads the whole file (about 1 ms per MB here), so a 400 MB ledger would keep
// the first screen waiting 0.4 s; larger files are checked in the background
// once something asks for the verdict (Checked: the first write, or the TUI
// once its first rows are on screen), at a low priority, and no write happens
// until the check has passed.
var syncCheckLimit int64 = 32 << 20

// pragmas are set on every connection through the DSN. _txlock=immediate makes
// BEGIN take the write lock at once, so a second writer waits (busy_timeout)
// instead of failing later when a deferred transaction tries to upgrade.
const pragmas = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_txlock=immediate"

// Open opens (creating if needed) the database at path: the folder 0700, the
// file 0600. An existing file is checked first, so a damaged file or one
// written by a newer daicho is refused before anything is written (a large
// file's quick_check finishes in the background; writes wait for it, and its
// schema version is read on the pool's first connection when opening it
// writes nothing: see inWALMode).
func Open(path string) (*Store, error) { return open(path, syncCheckLimit, false) }

// OpenCheckingLater is Open for the TUI, which has rows to show before it
// needs the integrity check's verdict: the quick_check of a file of any size
// runs in the background, started by the first Checked (the TUI calls it once
// its first rows are on screen; every write waits for it and a damaged file is
// never written to). The schema check still comes first, so a file of a newer
// daicho or of another program is refused here, as by Open. On the small
// demo this takes the open from about 28 ms of CPU to 11 (the check, and the
// read-only connection's parse of the whole schema) off the way to the first
// screen.
func OpenCheckingLater(path string) (*Store, error) { return open(path, 0, false) }

// OpenCheckingAlongside is Open for a command that reads a little and then
// works a while without the database before it writes or shows anything
// (export pdf NUMBER: one document read, then rendered): the quick_check
// of a small file in WAL mode, which Open runs before it returns, waits
// instead for CheckInBackground, which runs it on the store's own
// connection while the caller works, so the check and the rendering
// overlap on a machine of two cores (6 of the 65 ms of CPU one invoice's
// export takes). Checked gives the verdict and every write waits for it, so
// a damaged file is never written to; the caller shows nothing it read
// before Checked returned nil. Other files are checked as by Open.
func OpenCheckingAlongside(path string) (*Store, error) { return open(path, syncCheckLimit, true) }

// open is Open checking files up to syncLimit bytes before it returns;
// alongside leaves a small WAL-mode file's check to CheckInBackground.
func open(path string, syncLimit int64, alongside bool) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		if f := placeFault(path, err); f != nil {
			return nil, f
		}
		return nil, fmt.Errorf("cannot create the folder for %s: %w", path, err)
	}
	info, err := os.Stat(path)
	large := err == nil && info.Size() > syncLimit
	created, prechecked := false, false
	cleanup := func() {}
	checkHere := false // checked on the store's own connection (open_check.go)
	switch {
	case err == nil && info.Size() > 0:
		// Until the file is known good and ours, anything the read-only
		// check leaves beside it (-wal, -shm) is removed again.
		cleanup = sideFilesGuard(path)
		if checkHere = inWALMode(path); checkHere {
			break
		}
		if err := precheck(path, !large); err != nil {
			cleanup()
			return nil, recount(err)
		}
		prechecked = true
	case err == nil || errors.Is(err, os.ErrNotExist):
		// Create the file ourselves so it gets 0600 whatever the umask.
		created = err != nil
		f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
		if err != nil {
			if f := placeFault(path, err); f != nil {
				return nil, f
			}
			return nil, fmt.Errorf("cannot create %s: %w", path, err)
		}
		f.Close()
	default:
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}

	db, err := sql.Open("sqlite", fileURI(path)+"?"+pragmas)
	if err != nil {
		return nil, err
	}
	s := &Store{db: db, path: path, Actor: currentUser(), Now: time.Now, feed: newFeed(), waiter: &commitWaiter{}}
	if s.waiter.ident, err = os.Stat(path); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot read %s: %w", path, err)
	}
	switch {
	case checkHere && !large && alongside:
		// Started by CheckInBackground or the first Checked.
		s.checked, s.checkHere, s.unchecked = make(chan struct{}), true, cleanup
		s.cancelCheck = func() {}
	case checkHere && !large:
		if err := s.quickCheckHere(context.Background()); err != nil {
			db.Close()
			cleanup()
			return nil, recount(err)
		}
	}
	if large {
		// Started by the first Checked, not here (see startCheck).
		s.checked = make(chan struct{})
		s.cancelCheck = func() {}
	}
	if err := s.migrate(context.Background(), prechecked); err != nil {
		if s.checkHere {
			// What was read before the check is no answer from a damaged
			// file: its verdict goes first, as when it ran at open.
			if checkErr := s.Checked(); checkErr != nil {
				err = checkErr
			}
		}
		s.Close()
		cleanup()
		if created {
			// A ledger that could not be made (a full disk) is not left
			// behind half made, to be taken for one later.
			for _, suffix := range []string{"", "-wal", "-shm"} {
				os.Remove(path + suffix)
			}
		}
		return nil, recount(err)
	}
	return s, nil
}

// precheck opens the file read-only and runs the schema-version check and
// (with full) quick_check, so that neither a damaged file nor a newer schema
// is ever written to.
func precheck(path string, full bool) error {
	db, err := openForCheck(path)
	if err != nil {
		return faultOr(path, err)
	}
	defer db.Close()
	if full {
		if err := runQuickCheck(db, path); err != nil {
			return err
		}
	}
	return checkSchemaVersion(db, path)
}

func openReadOnly(path string) (*sql.DB, error) {
	return sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=busy_timeout(5000)")
}

// checkMmapSize is how much of the file the open-time check reads through a
// memory map. quick_check reads every page once: through the map SQLite
// looks at the pages where the kernel keeps them, instead of copying each
// into a page cache it allocates first, which took three quarters of the
// check's time (14 ms → 3 ms of CPU for the 0.7 MB demo ledger). Only the
// short-lived read-only check connection maps the file; a damaged page is
// reported as before (SQLite checks the bytes it reads the same way).
const checkMmapSize = 1 << 30

// openForCheck opens the read-only connection of the open-time checks.
func openForCheck(path string) (*sql.DB, error) {
	return sql.Open("sqlite", fileURI(path)+"?mode=ro&_pragma=busy_timeout(5000)&_pragma=mmap_size("+
		strconv.Itoa(checkMmapSize)+")")
}

// quickCheck runs quick_check on its own read-only connection: through the
// memory map for a file up to syncCheckLimit, through SQLite's page cache
// for a larger one, whose mapped pages would otherwise add the whole file to
// the process's resident memory while the check reads it (a 100 MB ledger:
// 100 MB more for an import or a TUI session to show in top).
func quickCheck(ctx context.Context, path string) error {
	open := openForCheck
	if info, err := os.Stat(path); err == nil && info.Size() > syncCheckLimit {
		open = openReadOnly
	}
	db, err := open(path)
	if err != nil {
		return faultOr(path, err)
	}
	defer db.Close()
	return runQuickCheckContext(ctx, db, path)
}

func runQuickCheck(db *sql.DB, path string) error {
	return runQuickCheckContext(context.Background(), db, path)
}

func runQuickCheckContext(ctx context.Context, db *sql.DB, path string) error {
	var result string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result); err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // stopped by Close: no verdict
		}
		return faultOr(path, err)
	}
	if result != "ok" {
		return damaged(path, result)
	}
	return nil
}

// Checked waits for the open-time integrity check and returns its verdict
// (nil at once for a file checked before Open returned).
func (s *Store) Checked() error {
	if s.root != nil {
		return s.root.Checked()
	}
	if s.checked != nil {
		s.startCheck.Do(s.runCheck)
		<-s.checked
	}
	return s.checkErr
}

// CheckInBackground starts the open-time integrity check if it waits to be
// started (OpenCheckingAlongside, OpenCheckingLater, a large file) and
// returns at once; Checked gives its verdict. A caller that has done its
// reading calls it so the check runs while it works.
func (s *Store) CheckInBackground() {
	if s.root != nil {
		s.root.CheckInBackground()
		return
	}
	if s.checked != nil {
		s.startCheck.Do(s.runCheck)
	}
}

// runCheck starts the background quick_check: of a large file on a thread
// of low priority (it reads the whole file: the screens and the user's
// typing go first); of a small one opened with OpenCheckingAlongside on
// the store's connection, at the caller's priority, since the caller waits
// for it before it writes anything.
func (s *Store) runCheck() {
	ctx, cancel := context.WithCancel(context.Background())
	s.cancelCheck = cancel
	go func() {
		defer close(s.checked)
		if s.checkHere {
			if err := s.quickCheckHere(ctx); err != nil {
				s.checkErr = recount(err)
			}
			return
		}
		LowerPriority()
		s.checkErr = quickCheck(ctx, s.path)
	}()
}

// fileURI turns a file path into an SQLite "file:" URI. SQLite decodes %XX
// escapes in it and ends the path at '?' or '#', so those three characters
// are escaped: a folder named "帳簿#2" must not open "帳簿".
func fileURI(path string) string {
	return "file:" + strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(path)
}

func damaged(path, detail string) error {
	return &Error{Code: CodeDamaged, Reason: "db.damaged", Args: []any{path, detail}}
}

// Close closes the database, stopping the open-time check if it still runs.
// On a Store made by As it does nothing: the pool is the original's.
func (s *Store) Close() error {
	if s.root != nil {
		return nil
	}
	if s.checked != nil {
		// A check never started is not started now: close its channel
		// instead (a Checked after Close says nothing).
		s.startCheck.Do(func() { close(s.checked) })
		s.cancelCheck()
		<-s.checked
	}
	if s.feed != nil {
		s.feed.close()
	}
	err := s.db.Close()
	if s.checkErr != nil && s.unchecked != nil {
		s.unchecked() // the file failed its check: nothing of ours stays beside it
	}
	return err
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// DB exposes the connection pool for tests and benchmarks in other packages
// that need to look underneath the API (never for writes).
func (s *Store) DB() *sql.DB { return s.db }

func currentUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "unknown"
}

// Tx is one write transaction. It carries one timestamp for every row it
// writes and the actor for the audit log.
type Tx struct {
	*sql.Tx
	ctx   context.Context
	now   time.Time
	actor string
	head  auditHead // the audit chain's last row (audit_chain.go)
	// beforeAdjustmentPolicy: the schema has no adjustments.policy yet (the
	// audit_chain migration seals records before bank_in_view adds it).
	beforeAdjustmentPolicy bool
	role                   Role    // the person's role (role.go)
	stmts                  txStmts // its prepared statements (tx_stmts.go)
	// knownStaff, when not nil, remembers the staff names checkPersonInCharge
	// found, for a transaction that adds no staff (CreateCustomers: two
	// queries a customer less).
	knownStaff map[string]bool
}

// Now is the transaction's timestamp.
func (tx *Tx) Now() time.Time { return tx.now }

// stamp is how timestamps are stored: UTC, RFC 3339 with nanoseconds, so text
// order is time order.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// write runs fn in one immediate write transaction and commits it, or rolls
// everything back if fn or the commit fails. The lock is taken by
// beginWrite, which waits its turn fairly among several processes. Once
// committed, the change is published to the listeners (feed.go).
func (s *Store) write(ctx context.Context, fn func(tx *Tx) error) error {
	return s.writeTx(ctx, false, fn)
}

// bulkWrite is write for a transaction that writes a whole file's records
// (importing documents or customers): its statement journals are kept in
// memory and its page cache is larger (see beginWrite).
func (s *Store) bulkWrite(ctx context.Context, fn func(tx *Tx) error) error {
	return s.writeTx(ctx, true, fn)
}

func (s *Store) writeTx(ctx context.Context, bulk bool, fn func(tx *Tx) error) error {
	if err := s.Checked(); err != nil {
		return err // a damaged file is never written to
	}
	if err := s.ledgerGone(); err != nil {
		return err // what is written to a deleted file is lost when daicho ends
	}
	sqlTx, release, err := s.beginWrite(ctx, bulk)
	if err != nil {
		return s.fault(err)
	}
	defer release()
	tx := &Tx{Tx: sqlTx, ctx: ctx, now: s.Now(), actor: s.Actor, role: s.role}
	change, err := s.beginChange(tx)
	if err == nil {
		err = fn(tx)
	}
	if err == nil {
		err = change.collect(tx)
	}
	if err != nil {
		sqlTx.Rollback()
		return s.fault(err)
	}
	if err := sqlTx.Commit(); err != nil {
		return s.fault(err)
	}
	s.committed(change)
	if err := s.ledgerGone(); err != nil {
		return err
	}
	return s.waitCommitted(ctx)
}

// fault is translate, with an I/O failure told by what about the file's
// place caused it (a full disk, the file-size limit, …) when it can be.
func (s *Store) fault(err error) error {
	if f := placeFault(s.path, err); f != nil {
		return f
	}
	return translate(err)
}

// translate turns driver errors a user can meet into store errors.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &Error{Code: CodeLocked, Reason: "db.locked"}
		case sqlite3.SQLITE_FULL:
			// The disk (or the file system's quota) is full. SQLite has
			// rolled the statement back and write rolls back the rest, so
			// nothing of the change is on disk: the user frees space and
			// tries again.
			return &Error{Code: CodeFull, Reason: "db.full"}
		}
	}
	return err
}

// isUniqueViolation reports whether err is a UNIQUE constraint failure on column.
func isUniqueViolation(err error, column string) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE &&
		strings.Contains(se.Error(), column)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
