package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"
)

// beginWrite polls for the write lock itself: a writer waits while another
// holds the lock, gets it soon after it is released, gives up with
// CodeLocked once its connection's busy timeout has passed, and leaves that
// timeout on the connection as it found it.
func TestBeginWriteWaitsItsTurnThenGivesUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	waiterDB, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(300)&_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	waiterDB.SetMaxOpenConns(1) // one connection, so its busy_timeout can be read back
	waiter := &Store{db: waiterDB, path: path, Actor: "other", Now: time.Now}
	defer waiter.Close()

	// hold takes the write lock for d.
	hold := func(d time.Duration) <-chan error {
		holding, done := make(chan struct{}), make(chan error, 1)
		go func() {
			done <- s.write(context.Background(), func(tx *Tx) error {
				close(holding)
				time.Sleep(d)
				return nil
			})
		}()
		<-holding
		return done
	}
	c := NewCustomer()
	c.Code, c.Name = "C0001", "Waiting"

	done := hold(100 * time.Millisecond)
	start := time.Now()
	if err := waiter.CreateCustomer(context.Background(), &c); err != nil {
		t.Fatalf("writer after a 100 ms lock: %v", err)
	}
	if waited := time.Since(start); waited < 80*time.Millisecond || waited > 500*time.Millisecond {
		t.Errorf("the writer waited %v for a lock held 100 ms", waited)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}

	done = hold(time.Second)
	start = time.Now()
	c.Code = "C0002"
	err = waiter.CreateCustomer(context.Background(), &c)
	waited := time.Since(start)
	if e, ok := AsError(err); !ok || e.Code != CodeLocked {
		t.Fatalf("writer while locked past its timeout: %v, want CodeLocked", err)
	}
	if waited < 300*time.Millisecond || waited > 900*time.Millisecond {
		t.Errorf("the writer gave up after %v, its busy timeout is 300 ms", waited)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	var timeout int
	if err := waiterDB.QueryRow("PRAGMA busy_timeout").Scan(&timeout); err != nil || timeout != 300 {
		t.Errorf("busy_timeout after giving up = %d, %v; want 300 as the DSN set it", timeout, err)
	}
}
