package store

import (
	"context"
	"sync"
	"time"
)

// Live updates. Every write transaction that commits tells whoever listens
// (each open TUI, each SSH session of daicho serve) what kinds of record it
// changed, so their screens refresh without ctrl+r. What changed is read
// from the audit rows the transaction wrote — every change writes one — in
// write, the one place every write commits; nobody has to remember to
// announce a change. Commits by other processes on the same file (two
// terminals, no server) are noticed by a watcher that polls SQLite's
// PRAGMA data_version about once a second (watch.go).
//
// It costs nothing while nobody listens: no query, no goroutine. With a
// listener, a write asks two indexed questions of the audit log (its
// largest id at BEGIN; the entities of the rows above it before COMMIT).

// ChangeKinds is a set of kinds of record.
type ChangeKinds uint16

// The kinds of record a change can touch: what the screens show.
const (
	ChangedCustomers ChangeKinds = 1 << iota
	ChangedProducts
	ChangedDocuments
	ChangedPayments
	ChangedContracts
	ChangedInquiries
	ChangedSettings // the company (with its tax rates) and the mail settings
	ChangedBank     // bank files, their lines and column profiles
	changedEnd

	ChangedAll = changedEnd - 1
)

// Change is what one or more commits changed. Changes a listener has not
// read yet are merged into one, so a slow listener never holds up a writer.
type Change struct {
	Kinds ChangeKinds

	// origin is the Store (a session's own, see As) that made every commit
	// in the change; nil when another process or several Stores made it.
	origin *Store
}

// Has reports whether the change touched any of kinds.
func (c Change) Has(kinds ChangeKinds) bool { return c.Kinds&kinds != 0 }

// By reports whether every commit in the change was made through st: a
// screen already shows its own saves, and need not load them again.
func (c Change) By(st *Store) bool { return c.origin != nil && c.origin == st }

func (c Change) merge(o Change) Change {
	if c.origin != o.origin {
		c.origin = nil
	}
	c.Kinds |= o.Kinds
	return c
}

// entityKinds maps the audit log's entity to the kinds of record a change
// of it writes: a billing run makes invoices; a matched bank line records a
// payment (allocated) and learns the payer's name for the customer. What is
// derived is the screens' business: an invoice's balance moves with its
// payments (ChangedPayments), which the screens showing balances follow.
var entityKinds = map[string]ChangeKinds{
	"customer":      ChangedCustomers,
	"product":       ChangedProducts,
	"document":      ChangedDocuments,
	"payment":       ChangedPayments,
	"contract":      ChangedContracts,
	"billing":       ChangedContracts | ChangedDocuments,
	"inquiry":       ChangedInquiries,
	"company":       ChangedSettings,
	"mail_settings": ChangedSettings,
	"bank_file":     ChangedBank,
	"bank_line":     ChangedBank | ChangedPayments | ChangedCustomers,
	"bank_profile":  ChangedBank,
}

// kindsOf is what a change of entity touches; an entity this table does not
// know touches everything, so a new one is never silently missed.
func kindsOf(entity string) ChangeKinds {
	if k, ok := entityKinds[entity]; ok {
		return k
	}
	return ChangedAll
}

// feed fans changes out to the listeners. The Store Open returns and every
// copy made with As share one.
type feed struct {
	mu     sync.Mutex
	subs   map[chan Change]struct{}
	closed bool

	// The watcher of other processes' commits: running while anyone
	// listens. local are the audit ids this process's commits wrote since
	// the watcher last looked (so it does not take them for another's),
	// localCommits counts those commits.
	stopWatch    context.CancelFunc
	watchers     sync.WaitGroup
	local        []idRange
	localCommits int64
}

// idRange is the audit ids (from, to] one commit wrote.
type idRange struct{ from, to int64 }

func newFeed() *feed { return &feed{subs: map[chan Change]struct{}{}} }

// Subscribe returns a channel that receives a Change after every commit
// (through this Store, any Store over the same file in this process, and
// within a few seconds other processes'), and the function that ends the
// subscription (it closes the channel). Changes not yet received are merged,
// so the channel never holds more than one. After Close the channel is
// closed.
func (s *Store) Subscribe() (<-chan Change, func()) {
	f := s.feed
	ch := make(chan Change, 1)
	if f == nil { // a Store that only verifies a file: nothing to tell
		close(ch)
		return ch, func() {}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		close(ch)
		return ch, func() {}
	}
	f.subs[ch] = struct{}{}
	if f.stopWatch == nil {
		f.startWatch(s.db)
	}
	return ch, func() { f.unsubscribe(ch) }
}

func (f *feed) unsubscribe(ch chan Change) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, ok := f.subs[ch]; !ok {
		return // already ended, or closed by Close
	}
	delete(f.subs, ch)
	close(ch)
	if len(f.subs) == 0 && f.stopWatch != nil {
		f.stopWatch() // nobody listens: no goroutine
		f.stopWatch, f.local = nil, nil
	}
}

// publish hands c to every listener without ever waiting: a change the
// listener has not taken yet is merged with c. Callers hold f.mu.
func (f *feed) publish(c Change) {
	for ch := range f.subs {
		select {
		case ch <- c:
			continue
		default:
		}
		merged := c
		select {
		case old := <-ch:
			merged = old.merge(c)
		default: // taken meanwhile
		}
		ch <- merged // only publish sends, under f.mu: there is room now
	}
}

// close ends every subscription and stops the watcher, waiting for it so
// the pool can be closed after.
func (f *feed) close() {
	f.mu.Lock()
	f.closed = true
	for ch := range f.subs {
		close(ch)
		delete(f.subs, ch)
	}
	if f.stopWatch != nil {
		f.stopWatch()
		f.stopWatch = nil
	}
	f.mu.Unlock()
	f.watchers.Wait()
}

// listening reports whether anyone listens (a nil feed: nobody).
func (f *feed) listening() bool {
	if f == nil {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.subs) > 0
}

// txChange follows one write transaction for the feed.
type txChange struct {
	on     bool    // someone listened when the transaction began
	ids    idRange // the audit ids it wrote
	change Change
}

// beginChange notes where the audit log ends as tx begins (nothing when
// nobody listens).
func (s *Store) beginChange(tx *Tx) (txChange, error) {
	if !s.feed.listening() {
		return txChange{}, nil
	}
	c := txChange{on: true, change: Change{origin: s}}
	err := tx.QueryRowContext(tx.ctx, `SELECT coalesce(max(id), 0) FROM audit_log`).Scan(&c.ids.from)
	c.ids.to = c.ids.from
	return c, err
}

// collect reads, before COMMIT, what the transaction's audit rows touched.
func (c *txChange) collect(tx *Tx) error {
	if !c.on {
		return nil
	}
	rows, err := tx.QueryContext(tx.ctx, `SELECT entity, max(id) FROM audit_log WHERE id > ? GROUP BY entity`, c.ids.from)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var entity string
		var last int64
		if err := rows.Scan(&entity, &last); err != nil {
			return err
		}
		c.change.Kinds |= kindsOf(entity)
		c.ids.to = max(c.ids.to, last)
	}
	return rows.Err()
}

// committed publishes the change of a transaction that has committed, and
// tells the watcher which audit rows were this process's own.
func (s *Store) committed(c txChange) {
	if !c.on {
		return
	}
	f := s.feed
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopWatch != nil {
		f.localCommits++
		if c.ids.to > c.ids.from {
			f.local = append(f.local, c.ids)
		}
	}
	if c.change.Kinds != 0 {
		f.publish(c.change)
	}
}

// watchInterval is how often the watcher asks whether another process
// committed.
var watchInterval = time.Second
