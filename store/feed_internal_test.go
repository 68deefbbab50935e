package store

import (
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// The change feed: what a commit changed reaches every listener, a rollback
// reaches no one, a slow listener gets the changes merged, and commits by
// another connection to the file (another daicho process) are noticed by
// the data_version watcher.

func openFeedStore(t *testing.T, path string) *Store {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// nextChange waits (generously: it should take well under a second) for the
// next change on ch.
func nextChange(t *testing.T, ch <-chan Change, within time.Duration) Change {
	t.Helper()
	select {
	case c, ok := <-ch:
		if !ok {
			t.Fatal("the subscription was closed")
		}
		return c
	case <-time.After(within):
		t.Fatalf("no change within %s", within)
		return Change{}
	}
}

func noChange(t *testing.T, ch <-chan Change, wait time.Duration) {
	t.Helper()
	select {
	case c := <-ch:
		t.Fatalf("unexpected change %+v", c)
	case <-time.After(wait):
	}
}

func feedCustomer(code, name string) Customer {
	c := NewCustomer()
	c.Code, c.Name = code, name
	return c
}

func TestFeedPublishesWhatACommitChanged(t *testing.T) {
	st := openFeedStore(t, filepath.Join(t.TempDir(), "daicho.db"))
	ctx := t.Context()
	a, stopA := st.Subscribe()
	defer stopA()
	session := st.As("hanako") // a serve session's Store: same feed
	b, stopB := session.Subscribe()
	defer stopB()

	c := feedCustomer("C0001", "株式会社テスト")
	if err := session.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for name, ch := range map[string]<-chan Change{"a": a, "b": b} {
		got := nextChange(t, ch, 5*time.Second)
		if got.Kinds != ChangedCustomers {
			t.Errorf("%s: kinds %b, want customers only", name, got.Kinds)
		}
		if !got.By(session) || got.By(st) {
			t.Errorf("%s: By(session)=%v By(root)=%v, want true, false", name, got.By(session), got.By(st))
		}
	}

	p := Product{Code: "P001", Name: "作業", Unit: "時間", UnitPrice: 8000, TaxCategory: TaxStandard}
	if err := st.SaveProduct(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if got := nextChange(t, a, 5*time.Second); got.Kinds != ChangedProducts {
		t.Errorf("product: kinds %b", got.Kinds)
	}
	co := NewCompany()
	co.Name = "株式会社だいちょう"
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	if got := nextChange(t, a, 5*time.Second); got.Kinds != ChangedSettings {
		t.Errorf("company: kinds %b", got.Kinds)
	}
	pay := Payment{CustomerID: c.ID, Date: DateOf(2026, 11, 20), Amount: 7000, Method: PayCash}
	if err := st.RecordPayment(ctx, &pay); err != nil {
		t.Fatal(err)
	}
	if got := nextChange(t, a, 5*time.Second); got.Kinds != ChangedPayments {
		t.Errorf("payment: kinds %b", got.Kinds)
	}
	<-b // b's are merged; drained here
}

func TestFeedPublishesNothingAfterARollback(t *testing.T) {
	st := openFeedStore(t, filepath.Join(t.TempDir(), "daicho.db"))
	ctx := t.Context()
	ch, stop := st.Subscribe()
	defer stop()
	c := feedCustomer("C0001", "株式会社テスト")
	if err := st.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	nextChange(t, ch, 5*time.Second)

	// The audit row is written, then the transaction fails: nothing happened.
	failed := errors.New("refused")
	err := st.write(ctx, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE customers SET name = 'x' WHERE id = ?`, c.ID); err != nil {
			return err
		}
		if err := tx.audit("update", "customer", c.Code, nil, nil); err != nil {
			return err
		}
		return failed
	})
	if !errors.Is(err, failed) {
		t.Fatalf("write: %v", err)
	}
	dup := feedCustomer("C0001", "同じコード") // refused by the database itself
	if err := st.CreateCustomer(ctx, &dup); err == nil {
		t.Fatal("a second C0001 was created")
	}
	noChange(t, ch, 200*time.Millisecond)
}

// A listener that does not read holds up no writer: its changes wait,
// merged into one.
func TestFeedMergesWhatASlowListenerHasNotRead(t *testing.T) {
	st := openFeedStore(t, filepath.Join(t.TempDir(), "daicho.db"))
	ctx := t.Context()
	ch, stop := st.Subscribe()
	c := feedCustomer("C0001", "株式会社テスト")
	if err := st.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		for range 20 { // each would block a writer that waited for the listener
			q := Inquiry{CustomerID: c.ID, Date: DateOf(2026, 11, 20), Channel: ChannelPhone,
				Status: InquiryOpen, Subject: "問合せ", Person: "hanako"}
			if err := st.CreateInquiry(ctx, &q); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("writers waited for the listener")
	}
	got := nextChange(t, ch, time.Second)
	if got.Kinds != ChangedCustomers|ChangedInquiries || !got.By(st) {
		t.Errorf("merged change %+v, want customers and inquiries, by st", got)
	}
	noChange(t, ch, 50*time.Millisecond)

	// Changes by two Stores merge into one that is neither's own.
	other := st.As("taro")
	if err := other.CreateCustomer(ctx, ptr(feedCustomer("C0002", "二社目"))); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateCustomer(ctx, ptr(feedCustomer("C0003", "三社目"))); err != nil {
		t.Fatal(err)
	}
	if got := nextChange(t, ch, time.Second); got.By(st) || got.By(other) {
		t.Errorf("a change by two Stores counts as one's own: %+v", got)
	}

	stop()
	stop() // twice is harmless
	if _, ok := <-ch; ok {
		t.Error("the channel is open after unsubscribing")
	}
}

func ptr[T any](v T) *T { return &v }

// A second Store on the same file is another connection, as another daicho
// process would be: the watcher sees its commit within a few seconds, and
// does not report this Store's own commits a second time.
func TestWatcherSeesAnotherConnectionsCommit(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	st := openFeedStore(t, path)
	other := openFeedStore(t, path)
	ctx := t.Context()
	ch, stop := st.Subscribe()
	defer stop()

	own := feedCustomer("C0001", "自分の")
	if err := st.CreateCustomer(ctx, &own); err != nil {
		t.Fatal(err)
	}
	if got := nextChange(t, ch, 5*time.Second); !got.By(st) {
		t.Fatalf("own commit: %+v", got)
	}
	noChange(t, ch, 2500*time.Millisecond) // two looks of the watcher: nothing of another's

	start := time.Now()
	c := feedCustomer("C0002", "別のプロセス")
	if err := other.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	got := nextChange(t, ch, 5*time.Second)
	if got.Kinds != ChangedCustomers || got.By(st) || got.By(other) {
		t.Errorf("another's commit: %+v, want customers, by nobody here", got)
	}
	t.Logf("another connection's commit seen after %s", time.Since(start).Round(time.Millisecond))

	// Another's and one's own between two looks: another's is still seen.
	if err := other.CreateCustomer(ctx, ptr(feedCustomer("C0003", "また別の"))); err != nil {
		t.Fatal(err)
	}
	p := Product{Code: "P001", Name: "作業", Unit: "時間", UnitPrice: 8000, TaxCategory: TaxStandard}
	if err := st.SaveProduct(ctx, &p); err != nil {
		t.Fatal(err)
	}
	var kinds ChangeKinds
	for deadline := time.Now().Add(5 * time.Second); kinds&ChangedCustomers == 0 && time.Now().Before(deadline); {
		select {
		case c := <-ch:
			kinds |= c.Kinds
		case <-time.After(100 * time.Millisecond):
		}
	}
	if kinds != ChangedCustomers|ChangedProducts {
		t.Errorf("kinds %b, want customers (another's) and products (own)", kinds)
	}
}

// Nobody listening: no watcher goroutine; the last unsubscribe stops it,
// and Close ends every subscription.
func TestWatcherRunsOnlyWhileSomeoneListens(t *testing.T) {
	st := openFeedStore(t, filepath.Join(t.TempDir(), "daicho.db"))
	_, stop1 := st.Subscribe()
	_, stop2 := st.Subscribe()
	if st.feed.stopWatch == nil {
		t.Fatal("no watcher while two listen")
	}
	stop1()
	if st.feed.stopWatch == nil {
		t.Fatal("the watcher stopped while one still listens")
	}
	stop2()
	if st.feed.stopWatch != nil {
		t.Fatal("the watcher runs with nobody listening")
	}
	st.feed.watchers.Wait() // returns once the goroutine has ended

	ch, _ := st.Subscribe()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	if _, ok := <-ch; ok {
		t.Error("a subscription outlives Close")
	}
	if ch, _ := st.Subscribe(); func() bool { _, ok := <-ch; return ok }() {
		t.Error("a subscription after Close is open")
	}
}
