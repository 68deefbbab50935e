package store

import (
	"context"
	"sync/atomic"
)

// Waiting for a replica. With continuous replication on (store/replica), a
// change is acknowledged — the method that made it returns — only once the
// replica holds it, so that a disk that dies the next second loses nothing
// anyone was told was saved. write calls the waiter after every commit of
// this process; the commit itself is already durable on the local disk, so
// the waiter reports no error: a replica that cannot be reached is the
// replicator's to tell (it stops waiting and says so), not a reason to tell
// the user a saved change failed.

// commitWaiter is the function write calls after each commit; it lives on
// the root Store, shared by every copy made with As.
type commitWaiter struct {
	fn atomic.Pointer[func(ctx context.Context)]
}

// SetCommitWaiter makes every later commit through this Store (and its As
// copies) wait for wait before returning; nil stops waiting.
func (s *Store) SetCommitWaiter(wait func(ctx context.Context)) {
	w := s.rootStore().waiter
	if w == nil {
		return // a read-only Store (a check) never commits
	}
	if wait == nil {
		w.fn.Store(nil)
		return
	}
	w.fn.Store(&wait)
}

// waitCommitted runs the commit waiter, if one is set.
func (s *Store) waitCommitted(ctx context.Context) {
	w := s.rootStore().waiter
	if w == nil {
		return
	}
	if fn := w.fn.Load(); fn != nil {
		(*fn)(ctx)
	}
}

// rootStore is the Store that Open returned (s itself, or the one s was
// made from with As).
func (s *Store) rootStore() *Store {
	if s.root != nil {
		return s.root
	}
	return s
}
