// Package replica keeps a continuous copy of the ledger off the machine with
// Litestream (github.com/benbjohnson/litestream): the ledger's WAL is
// shipped, commit by commit, to a folder, an SFTP server or S3-compatible
// storage, from which any moment can be restored.
//
// Litestream runs in a sidecar program, daicho-replica
// (store/replica/daicho-replica, built on store/replica/engine), which this
// package starts and talks to over a pipe, one line per request. Linked into
// daicho, Litestream and its S3 SDK cost every command — most of which never
// replicate — about 10 ms of start-up and 21 MB of binary. The guarantees
// are the engine's, unchanged: see engine.Replicator.
//
//	file:///mnt/backup/daicho, or just /mnt/backup/daicho
//	sftp://user@host:22/path?key=/home/me/.ssh/id_ed25519&host-key=ssh-ed25519%20AAAA…
//	s3://bucket/path?endpoint=https://…&region=…   (keys: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)
package replica

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"daicho/store"
)

// Replicator replicates one open ledger through the sidecar. While it runs,
// every commit the ledger's Store makes returns only when the replica holds
// it (store's commit waiter); commits by other processes on the same file
// are shipped within about a second by Litestream's monitor.
type Replicator struct {
	url string
	st  *store.Store
	wal string // the ledger's -wal, to tell a deleted ledger when the sidecar is gone
	cmd *exec.Cmd

	mu     sync.Mutex // one request at a time
	in     io.WriteCloser
	out    *bufio.Scanner
	gone   error // why the sidecar no longer answers; nil while it does
	closed bool
}

// Status is what the replicator knows of the replica.
type Status struct {
	URL      string    // with any password hidden
	LastSync time.Time // zero until the first sync
	Err      error     // non-nil: the replica is behind, and why
}

// ErrRunning is Start on a ledger another daicho already replicates.
var ErrRunning = errors.New("another daicho already replicates this ledger")

// Start begins replicating the ledger st (opened and migrated: Litestream
// adds its two bookkeeping tables, _litestream_seq and _litestream_lock, to
// the file, and daicho's checks expect its own tables to be there first) to
// rawURL. The first sync is made before Start returns, so a replica that
// cannot be reached is reported at once. log receives Litestream's warnings
// (nil: none).
func Start(ctx context.Context, st *store.Store, rawURL string, log io.Writer) (*Replicator, error) {
	path, err := filepath.Abs(st.Path())
	if err != nil {
		return nil, err
	}
	bin, err := sidecar()
	if err != nil {
		return nil, err
	}
	// The sidecar opens the ledger with its own daicho code: it must be of
	// this daicho's schema, or it could refuse the file or migrate it under
	// this daicho (--schema).
	cmd := exec.Command(bin, "replicate", "--db", path, "--url", rawURL, "--schema", strconv.Itoa(store.SchemaVersion()))
	cmd.Stderr = log
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("replica %s: %w", Redact(rawURL), err)
	}
	r := &Replicator{url: rawURL, st: st, wal: path + "-wal", cmd: cmd, in: in, out: bufio.NewScanner(stdout)}
	first := make(chan string, 1)
	go func() { first <- r.readLine() }()
	var line string
	select {
	case line = <-first:
	case <-ctx.Done():
		cmd.Process.Kill()
		in.Close()
		cmd.Wait()
		return nil, fmt.Errorf("replica %s: %w", Redact(rawURL), ctx.Err())
	}
	if line != "started" {
		in.Close()
		cmd.Wait()
		switch {
		case line == "error running":
			return nil, ErrRunning
		case strings.HasPrefix(line, "error "):
			return nil, errors.New(strings.TrimPrefix(line, "error "))
		}
		return nil, fmt.Errorf("replica %s: %s did not start (%v)", Redact(rawURL), bin, r.gone)
	}
	st.SetCommitWaiter(r.wait)
	return r, nil
}

// readLine is the sidecar's next answer, or "" (and gone set) when it has
// ended.
func (r *Replicator) readLine() string {
	if r.out.Scan() {
		return r.out.Text()
	}
	r.gone = r.out.Err()
	if r.gone == nil {
		r.gone = io.ErrUnexpectedEOF
	}
	return ""
}

// request sends req and returns the answer; r.mu is held.
func (r *Replicator) request(req string) string {
	if r.gone != nil {
		return ""
	}
	if _, err := io.WriteString(r.in, req+"\n"); err != nil {
		r.gone = err
		return ""
	}
	return r.readLine()
}

// wait is the ledger's commit waiter: the sidecar's (engine.Replicator.Wait)
// returns when the replica holds the commit just made — at once while the
// replica is behind, a background retry catching up. A sidecar that has
// ended leaves the commit durable here, unless its -wal was deleted.
func (r *Replicator) wait(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	answer := r.request("sync")
	switch {
	case answer == "ok":
		return nil
	case strings.HasPrefix(answer, "deleted "):
		return store.LedgerDeleted(strings.TrimPrefix(answer, "deleted "))
	case strings.HasPrefix(answer, "error "):
		return errors.New(strings.TrimPrefix(answer, "error "))
	}
	if _, err := os.Stat(r.wal); errors.Is(err, fs.ErrNotExist) {
		return store.LedgerDeleted(r.wal)
	}
	return nil
}

// Status reports whether the replica holds every commit.
func (r *Replicator) Status() Status {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := Status{URL: Redact(r.url)}
	answer, ok := strings.CutPrefix(r.request("status"), "status ")
	if !ok {
		s.Err = fmt.Errorf("the replicator daicho-replica ended: %v", r.gone)
		return s
	}
	last, why, _ := strings.Cut(answer, " ")
	if last != "-" {
		s.LastSync, _ = time.Parse(time.RFC3339Nano, last)
	}
	if why != "" {
		s.Err = errors.New(why)
	}
	return s
}

// Close stops replicating after a last sync. Call it after the ledger's
// Store is closed (the engine's rule; here the sidecar keeps it for its own
// Store).
func (r *Replicator) Close() error {
	r.st.SetCommitWaiter(nil)
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	answer := r.request("close")
	r.in.Close()
	waitErr := r.cmd.Wait()
	switch {
	case answer == "closed":
		return nil
	case strings.HasPrefix(answer, "error "):
		return errors.New(strings.TrimPrefix(answer, "error "))
	}
	if waitErr != nil {
		return fmt.Errorf("the replicator daicho-replica ended: %w", waitErr)
	}
	return fmt.Errorf("the replicator daicho-replica ended: %v", r.gone)
}

// Redact hides a password in rawURL, for messages and logs.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return rawURL
	}
	return u.Redacted()
}
