package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// A writer that cannot get the lock within its busy timeout gets CodeLocked
// (a sentence for the user), not a raw driver error. The store's own timeout
// is 5 s, so the waiting writer here is a Store on a pool with no timeout.
func TestBusyWriterGetsCodeLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()

	impatientDB, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(0)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	impatient := &Store{db: impatientDB, path: path, Actor: "other", Now: time.Now}
	defer impatient.Close()

	holding, release := make(chan struct{}), make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- s.write(context.Background(), func(tx *Tx) error {
			close(holding)
			<-release
			return nil
		})
	}()
	<-holding
	c := NewCustomer()
	c.Code, c.Name = "C0001", "Busy"
	err = impatient.CreateCustomer(context.Background(), &c)
	close(release)
	if err := <-done; err != nil {
		t.Fatalf("lock holder: %v", err)
	}
	e, ok := AsError(err)
	if !ok || e.Code != CodeLocked || e.Reason != "db.locked" {
		t.Fatalf("writer while locked: %v, want CodeLocked", err)
	}
	// Once the lock is free the same call goes through.
	if err := impatient.CreateCustomer(context.Background(), &c); err != nil {
		t.Fatalf("writer after the lock was released: %v", err)
	}
}
