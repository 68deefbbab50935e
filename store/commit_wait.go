package store

import (
	"context"
	"os"
	"sync/atomic"
)

// After a commit: is it safe?
//
// Waiting for a replica. With continuous replication on (store/replica), a
// change is acknowledged — the method that made it returns — only once the
// replica holds it, so that a disk that dies the next second loses nothing
// anyone was told was saved. write calls the waiter after every commit of
// this process. A replica that cannot be reached is the replicator's to tell
// (it stops waiting and says so): the commit is durable on the local disk,
// and the waiter returns nil. It returns an error only when the commit is
// not durable anywhere (the ledger's -wal was deleted under it).
//
// The ledger deleted under daicho. A file deleted (or replaced) while daicho
// has it open stays writable through the open handles, and everything
// written to it vanishes when daicho ends. So write checks, before it begins
// and after it commits, that the path still names the file Open opened, and
// refuses — saying so — when it does not.

// commitWaiter is what write consults around each commit; it lives on the
// root Store, shared by every copy made with As.
type commitWaiter struct {
	fn    atomic.Pointer[func(ctx context.Context) error]
	ident os.FileInfo // the ledger file as Open found or made it
}

// SetCommitWaiter makes every later commit through this Store (and its As
// copies) wait for wait before returning; nil stops waiting. An error from
// wait is returned by the method that committed.
func (s *Store) SetCommitWaiter(wait func(ctx context.Context) error) {
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
func (s *Store) waitCommitted(ctx context.Context) error {
	w := s.rootStore().waiter
	if w == nil {
		return nil
	}
	if fn := w.fn.Load(); fn != nil {
		return (*fn)(ctx)
	}
	return nil
}

// ledgerGone is a CodeDamaged error when the ledger's path no longer names
// the file Open opened (deleted, or replaced by another file).
func (s *Store) ledgerGone() error {
	root := s.rootStore()
	w := root.waiter
	if w == nil || w.ident == nil {
		return nil
	}
	if info, err := os.Stat(root.path); err == nil && os.SameFile(info, w.ident) {
		return nil
	}
	return LedgerDeleted(root.path)
}

// LedgerDeleted is the error for a ledger file (or its -wal, path) deleted
// or replaced while daicho had it open.
func LedgerDeleted(path string) error {
	return &Error{Code: CodeDamaged, Reason: "db.deleted", Args: []any{path}}
}

// rootStore is the Store that Open returned (s itself, or the one s was
// made from with As).
func (s *Store) rootStore() *Store {
	if s.root != nil {
		return s.root
	}
	return s
}
