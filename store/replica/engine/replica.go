// Package engine keeps a continuous copy of the ledger off the machine
// with Litestream (github.com/benbjohnson/litestream), used as a library:
// the ledger's WAL is shipped, commit by commit, to a folder, an SFTP server
// or S3-compatible storage, from which any moment can be restored.
//
// Litestream, not a copier of our own: it is the established tool for
// exactly this, and it uses modernc.org/sqlite — daicho's driver — so both
// share one SQLite in the process and its file locks (two drivers in one
// process would release each other's POSIX locks). Its library API is not
// declared stable, so the version is pinned in go.mod and everything that
// touches it is in this package.
//
// It runs in the sidecar program daicho-replica (store/replica/daicho-replica),
// not in daicho itself: linked into daicho, Litestream and its S3 SDK made
// every command's start ~10 ms slower and the binary 21 MB larger. Package
// replica starts the sidecar and speaks to it; these tests run it in-process.
package engine

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/benbjohnson/litestream"
	"github.com/benbjohnson/litestream/file"

	"daicho/store"
	"daicho/store/replica"
)

// WaitTimeout is how long a commit waits for the replica before the
// replicator gives up waiting (ErrBehind) until the replica answers again.
var WaitTimeout = 10 * time.Second

// Replicator replicates one open ledger. While it runs, every commit the
// ledger's Store makes returns only when the replica holds it (store's
// commit waiter); commits by other processes on the same file are shipped
// within about a second by Litestream's monitor.
type Replicator struct {
	url    string
	st     *store.Store
	db     *litestream.DB
	ls     *litestream.Store
	unlock func()
	log    *slog.Logger // Litestream's warnings, and when the replica falls behind or catches up

	mu       sync.Mutex
	lastSync time.Time // the last time the replica was known to hold every commit
	lastErr  error     // why the last wait failed; nil when in step
	retrying bool      // a background retry runs while lastErr is set
	closed   bool
}

// Status and ErrRunning are package replica's, which daicho reads through
// the sidecar: one definition on both sides of the pipe.
type Status = replica.Status

var ErrRunning = replica.ErrRunning

// Start begins replicating the ledger st (opened and migrated: Litestream
// adds its two bookkeeping tables, _litestream_seq and _litestream_lock, to
// the file, and daicho's checks expect its own tables to be there first) to
// rawURL. The first sync is made before Start returns, so a replica that
// cannot be reached is reported at once. log receives Litestream's warnings
// (nil: none).
func Start(ctx context.Context, st *store.Store, rawURL string, log io.Writer) (*Replicator, error) {
	client, err := NewClient(rawURL)
	if err != nil {
		return nil, err
	}
	path, err := filepath.Abs(st.Path())
	if err != nil {
		return nil, err
	}
	unlock, err := lockLedger(path)
	if err != nil {
		return nil, err
	}
	db := litestream.NewDB(path)
	rep := litestream.NewReplicaWithClient(db, client)
	db.Replica = rep
	if fc, ok := client.(*file.ReplicaClient); ok {
		fc.Replica = rep // a folder replica's files get the ledger's owner and mode
		// Its folder is only the user's, as the ledger's is (Litestream
		// would give it the mode of the ledger's folder).
		if err := os.MkdirAll(fc.Path(), 0o700); err != nil {
			unlock()
			return nil, fmt.Errorf("replica %s: %w", Redact(rawURL), err)
		}
	}
	ls := litestream.NewStore([]*litestream.DB{db}, litestream.DefaultCompactionLevels)
	logger := slog.New(slog.NewTextHandler(orDiscard(log), &slog.HandlerOptions{Level: slog.LevelWarn}))
	ls.Logger = logger
	db.SetLogger(logger)
	// A point in time can be restored as far back as a week.
	ls.SnapshotRetention = 7 * 24 * time.Hour
	if err := ls.Open(ctx); err != nil {
		unlock()
		return nil, fmt.Errorf("replica %s: %w", Redact(rawURL), err)
	}
	r := &Replicator{url: rawURL, st: st, db: db, ls: ls, unlock: unlock, log: logger}
	if err := r.sync(ctx); err != nil {
		ls.Close(context.Background())
		unlock()
		return nil, fmt.Errorf("replica %s: %w", Redact(rawURL), err)
	}
	st.SetCommitWaiter(r.Wait)
	return r, nil
}

// sync ships every commit so far to the replica.
func (r *Replicator) sync(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, WaitTimeout)
	defer cancel()
	err := r.db.SyncAndWait(ctx)
	r.mu.Lock()
	defer r.mu.Unlock()
	if err != nil {
		if r.lastErr == nil {
			r.log.Warn("daicho: the replica is behind; saves go on here and are sent when it answers",
				"replica", Redact(r.url), "error", err)
		}
		r.lastErr = err
		return err
	}
	if r.lastErr != nil {
		r.log.Warn("daicho: the replica holds every save again", "replica", Redact(r.url))
	}
	r.lastSync, r.lastErr = time.Now(), nil
	return nil
}

// Wait is the ledger's commit waiter: it returns when the replica holds the
// commit just made. While the replica is behind (a wait failed), commits do
// not wait — the ledger works on, locally — and one background retry at a
// time tries to catch up.
func (r *Replicator) Wait(ctx context.Context) error {
	r.mu.Lock()
	behind := r.lastErr != nil
	if behind && !r.retrying {
		r.retrying = true
		go r.retry()
	}
	r.mu.Unlock()
	if !behind {
		// The commit is on disk already: a cancelled caller does not cut
		// the wait short (it is bounded by WaitTimeout).
		if r.sync(context.WithoutCancel(ctx)) == nil {
			return nil
		}
	}
	// Not in the replica. Still durable here, unless the -wal it went
	// into was deleted: then it is nowhere, and the caller must not say
	// it was saved.
	if _, err := os.Stat(r.db.WALPath()); errors.Is(err, fs.ErrNotExist) {
		return store.LedgerDeleted(r.db.WALPath())
	}
	return nil
}

// retry syncs until the replica holds everything again.
func (r *Replicator) retry() {
	for {
		if r.sync(context.Background()) == nil {
			break
		}
		time.Sleep(5 * time.Second)
		r.mu.Lock()
		closed := r.closed
		r.mu.Unlock()
		if closed {
			break
		}
	}
	r.mu.Lock()
	r.retrying = false
	r.mu.Unlock()
}

// Status reports whether the replica holds every commit.
func (r *Replicator) Status() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	return Status{URL: Redact(r.url), LastSync: r.lastSync, Err: r.lastErr}
}

// Close stops replicating after a last sync. Call it after the ledger's
// Store is closed: Litestream's file handle on the ledger, closed here,
// would otherwise release the Store's SQLite locks (POSIX locks belong to
// the process, not to a handle).
func (r *Replicator) Close() error {
	r.st.SetCommitWaiter(nil)
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), WaitTimeout)
	defer cancel()
	err := r.ls.Close(ctx)
	r.unlock()
	return err
}
