package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"daicho/store"
	"daicho/store/replica"
)

// Continuous replication while daicho serve or the TUI runs
// (store/replica): `serve --replicate URL`, or the company's replica
// setting. Replication starts once the open-time check has passed (nothing
// is written to a file not known good) and in the background, so the first
// screen never waits for a first sync of a large ledger.

// replication is one background replicator; stop ends it.
type replication struct {
	url    string
	cancel context.CancelFunc
	done   chan struct{}

	mu  sync.Mutex
	rep *replica.Replicator
	err error // why it did not start
}

// startReplication replicates st to url (nothing when url is empty).
// Litestream's warnings go to log (nil: nowhere, as under the TUI).
func (c *cli) startReplication(st *store.Store, url string, log io.Writer) *replication {
	r := &replication{url: url, done: make(chan struct{})}
	if url == "" {
		close(r.done)
		return r
	}
	ctx, cancel := context.WithCancel(c.ctx)
	r.cancel = cancel
	go func() {
		defer close(r.done)
		if err := st.Checked(); err != nil {
			return // a damaged file: the open already says so
		}
		rep, err := replica.Start(ctx, st, url, log)
		r.mu.Lock()
		r.rep, r.err = rep, err
		r.mu.Unlock()
	}()
	return r
}

// wait blocks until the replicator has started or failed to; err says why
// it did not start.
func (r *replication) wait() error {
	<-r.done
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// stop ends replication after a last sync and returns what the user should
// know: why it never started, or that the replica is behind. Call it after
// the ledger's Store is closed (see replica.Replicator.Close). A start still
// under way is waited for, not cancelled: what was saved in a short session
// reaches the replica now, not at the next start.
func (r *replication) stop() error {
	<-r.done
	if r.cancel != nil {
		r.cancel()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.rep == nil {
		if errors.Is(r.err, context.Canceled) {
			return nil
		}
		return r.err
	}
	status := r.rep.Status()
	err := r.rep.Close()
	if status.Err != nil {
		return status.Err
	}
	return err
}

// replicationProblem says on stderr why replication did not run or lags.
func (c *cli) replicationProblem(url string, err error) {
	if err == nil {
		return
	}
	if errors.Is(err, replica.ErrRunning) {
		fmt.Fprintln(c.stderr, "daicho: "+c.p.T("replica.running_elsewhere", replica.Redact(url)))
		return
	}
	fmt.Fprintln(c.stderr, "daicho: "+c.p.T("replica.failed", replica.Redact(url), err))
}

// parseAt reads --at: RFC 3339, or a local date and time (2026-12-04T15:30,
// 2026-12-04 15:30, with or without seconds).
func parseAt(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, time.Local); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// replicaURL is flag when given, else the company's replica setting ("" for
// none, or before the company is set up).
func (c *cli) replicaURL(st *store.Store, flag string) string {
	if flag != "" {
		return flag
	}
	co, err := st.Company(c.ctx)
	if err != nil {
		return ""
	}
	return co.ReplicaURL
}
