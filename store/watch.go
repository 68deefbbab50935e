package store

import (
	"context"
	"database/sql"
	"time"
)

// Watching for other processes' commits.
//
// PRAGMA data_version on a connection changes whenever another connection —
// of this process or any other — has committed since the connection last
// asked; asking costs a few microseconds and reads no table. The watcher
// keeps one connection of the pool for itself (nothing is ever written
// through it) and asks about once a second. When the answer moves, the audit
// rows written since it last looked say what changed; the rows this
// process's own commits wrote are left out (those were published when they
// committed, see committed), and what remains is another process's change.

// startWatch starts the watcher on a connection of db. Callers hold f.mu.
func (f *feed) startWatch(db *sql.DB) {
	ctx, cancel := context.WithCancel(context.Background())
	f.stopWatch = cancel
	f.watchers.Add(1)
	go func() {
		defer f.watchers.Done()
		w, err := newWatcher(ctx, db, f)
		if err != nil {
			return // no live updates from other processes; ctrl+r still reloads
		}
		defer w.conn.Close()
		tick := time.NewTicker(watchInterval)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			}
			if c, ok := w.look(ctx, f); ok {
				f.mu.Lock()
				if ctx.Err() == nil {
					f.publish(c)
				}
				f.mu.Unlock()
			}
		}
	}()
}

// watcher is the state of one watching goroutine.
type watcher struct {
	conn         *sql.Conn
	version      int64 // data_version when last asked
	lastID       int64 // the newest audit row accounted for
	localCommits int64 // the feed's count of this process's commits when last asked
}

func newWatcher(ctx context.Context, db *sql.DB, f *feed) (*watcher, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	w := &watcher{conn: conn, localCommits: f.localCommits}
	f.mu.Unlock()
	if err := conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&w.version); err != nil {
		conn.Close()
		return nil, err
	}
	if err := conn.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM audit_log`).Scan(&w.lastID); err != nil {
		conn.Close()
		return nil, err
	}
	return w, nil
}

// look asks whether another process has committed since the last look and
// if so returns what it changed. An error (the file busy, say) is a look
// that saw nothing: the next one tries again.
func (w *watcher) look(ctx context.Context, f *feed) (Change, bool) {
	var version int64
	if err := w.conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&version); err != nil || version == w.version {
		return Change{}, false
	}
	rows, err := w.conn.QueryContext(ctx, `SELECT id, entity FROM audit_log WHERE id > ? ORDER BY id`, w.lastID)
	if err != nil {
		return Change{}, false
	}
	type row struct {
		id     int64
		entity string
	}
	var news []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.entity); err != nil {
			rows.Close()
			return Change{}, false
		}
		news = append(news, r)
	}
	rows.Close()
	if rows.Err() != nil {
		return Change{}, false
	}
	w.version = version

	// The audit rows this process's commits wrote, in id order (commits
	// take the write lock one at a time); forget those now accounted for.
	f.mu.Lock()
	if ctx.Err() != nil { // stopped: the feed's state is the next watcher's
		f.mu.Unlock()
		return Change{}, false
	}
	local := append([]idRange(nil), f.local...)
	commits := f.localCommits
	if len(news) > 0 {
		last := news[len(news)-1].id
		keep := f.local[:0]
		for _, r := range f.local {
			if r.to > last {
				keep = append(keep, r)
			}
		}
		f.local = keep
	}
	f.mu.Unlock()

	var c Change
	i := 0
	for _, r := range news {
		for i < len(local) && local[i].to < r.id {
			i++
		}
		if i < len(local) && r.id > local[i].from && r.id <= local[i].to {
			continue // this process's own
		}
		c.Kinds |= kindsOf(r.entity)
	}
	if len(news) > 0 {
		w.lastID = news[len(news)-1].id
	}
	ownCommits := commits != w.localCommits
	w.localCommits = commits
	if c.Kinds == 0 && len(news) == 0 && !ownCommits {
		// Something was committed that wrote no audit row (it should
		// not happen): what it changed is unknown, so everything is.
		c.Kinds = ChangedAll
	}
	return c, c.Kinds != 0
}
