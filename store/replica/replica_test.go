package replica_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/replica"
	"daicho/store/storetest"
)

// These tests run the real sidecar, daicho-replica, built once here; the
// engine's own tests (store/replica/engine) test Litestream in-process.
func TestMain(m *testing.M) { os.Exit(storetest.WithReplicaSidecar(m.Run)) }

// ledger makes a ledger with a company and one customer at path, open.
func ledger(t *testing.T, path string) (*store.Store, int64) {
	t.Helper()
	st := storetest.OpenFile(t, path)
	storetest.WithCompany(t, st)
	c := storetest.AddCustomers(t, st, storetest.Customer("C0001", "株式会社テスト"))
	return st, c[0].ID
}

func pay(ctx context.Context, st *store.Store, customer int64, ref string) error {
	p := store.Payment{CustomerID: customer, Date: storetest.Date("2026-11-20"), Amount: 1000,
		Method: store.PayBankTransfer, Reference: ref}
	return st.RecordPayment(ctx, &p)
}

// references restores the replica at url to a new file and returns its
// payments' references.
func references(t *testing.T, url string) map[string]bool {
	t.Helper()
	out := filepath.Join(t.TempDir(), "restored.db")
	if err := replica.Restore(t.Context(), url, out, time.Time{}); err != nil {
		t.Fatalf("restore: %v", err)
	}
	if info, err := os.Stat(out); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the restored file: %v %v", info, err)
	}
	st := storetest.OpenFile(t, out)
	defer st.Close()
	payments, err := st.Payments(t.Context(), store.PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	refs := map[string]bool{}
	for _, p := range payments {
		refs[p.Reference] = true
	}
	return refs
}

// Start, a commit that returns only once the replica holds it, Status, a
// second replicator refused, Close; then Restore's refusals.
func TestSidecarRoundTrip(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "office", "daicho.db")
	url := "file://" + filepath.Join(t.TempDir(), "replica")
	st, customer := ledger(t, path)
	var log strings.Builder
	rep, err := replica.Start(ctx, st, url, &log)
	if err != nil {
		t.Fatal(err)
	}
	other := storetest.OpenFile(t, path)
	if _, err := replica.Start(ctx, other, url, nil); !errors.Is(err, replica.ErrRunning) {
		t.Errorf("a second replicator of the ledger: %v, want ErrRunning", err)
	}
	other.Close()

	for i := range 3 {
		ref := fmt.Sprintf("P-%d", i)
		if err := pay(ctx, st, customer, ref); err != nil {
			t.Fatal(err)
		}
		// Acknowledged: the replica holds it now, before Close.
		if !references(t, url)[ref] {
			t.Fatalf("payment %s acknowledged but not in the replica", ref)
		}
	}
	s := rep.Status()
	if s.Err != nil || s.LastSync.IsZero() || time.Since(s.LastSync) > time.Minute || s.URL != url {
		t.Errorf("status %+v", s)
	}
	st.Close()
	if err := rep.Close(); err != nil {
		t.Fatal(err)
	}
	if log.Len() > 0 {
		t.Errorf("the sidecar logged %q", log.String())
	}
	// The ledger can be replicated again once the first has closed.
	st = storetest.OpenFile(t, path)
	if rep, err = replica.Start(ctx, st, url, nil); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if err := rep.Close(); err != nil {
		t.Fatal(err)
	}

	existing := filepath.Join(t.TempDir(), "there.db")
	os.WriteFile(existing, nil, 0o600)
	if err := replica.Restore(ctx, url, existing, time.Time{}); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("a restore over a file: %v", err)
	}
	empty := "file://" + t.TempDir()
	if err := replica.Restore(ctx, empty, filepath.Join(t.TempDir(), "x.db"), time.Time{}); !errors.Is(err, replica.ErrEmpty) {
		t.Errorf("an empty replica: %v, want ErrEmpty", err)
	}
	want := `replica URL "ftp://nas/x": daicho replicates to file, sftp, s3, not ftp`
	if err := replica.Restore(ctx, "ftp://nas/x", filepath.Join(t.TempDir(), "x.db"), time.Time{}); err == nil || err.Error() != want {
		t.Errorf("an ftp replica: %v", err)
	}
	st = storetest.OpenFile(t, path)
	defer st.Close()
	if _, err := replica.Start(ctx, st, "ftp://nas/x", nil); err == nil || err.Error() != want {
		t.Errorf("replicating to ftp: %v", err)
	}
}

// Without the sidecar, replication and restore say how to build it.
func TestMissingSidecarSaysHowToBuildIt(t *testing.T) {
	t.Setenv("DAICHO_REPLICA", "")
	t.Setenv("PATH", t.TempDir())
	st, _ := ledger(t, filepath.Join(t.TempDir(), "daicho.db"))
	defer st.Close()
	url := "file://" + t.TempDir()
	if _, err := replica.Start(t.Context(), st, url, nil); err == nil || !strings.Contains(err.Error(), "go build -o ") ||
		!strings.Contains(err.Error(), "./store/replica/daicho-replica") {
		t.Errorf("start without the sidecar: %v", err)
	}
	if err := replica.Restore(t.Context(), url, filepath.Join(t.TempDir(), "x.db"), time.Time{}); err == nil ||
		!strings.Contains(err.Error(), "go build -o ") {
		t.Errorf("restore without the sidecar: %v", err)
	}
}

// A sidecar built from another daicho refuses to start: it would open the
// ledger with other code (refuse it, or migrate it under this daicho).
func TestSidecarOfAnotherVersionRefuses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	st, _ := ledger(t, path)
	st.Close()
	out, err := exec.Command(os.Getenv("DAICHO_REPLICA"), "replicate", "--db", path, "--url", "file://"+t.TempDir(),
		"--schema", fmt.Sprint(store.SchemaVersion()+1)).Output()
	if err == nil || !strings.HasPrefix(string(out), "error daicho-replica was built from another version of daicho") {
		t.Errorf("a sidecar of another schema: %v, %q", err, out)
	}
	if _, err := os.Stat(path + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refusing sidecar opened the ledger (its -wal: %v)", err)
	}
}

const (
	writerDBEnv  = "DAICHO_SIDECAR_TEST_DB"
	writerURLEnv = "DAICHO_SIDECAR_TEST_URL"
)

// TestSidecarWriterProcess is the child of the test below: it replicates
// through the sidecar and prints each payment's reference once acknowledged.
func TestSidecarWriterProcess(t *testing.T) {
	path := os.Getenv(writerDBEnv)
	if path == "" {
		t.Skip("only runs as the child of TestSidecarOutlivesAKilledDaicho")
	}
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	ctx := context.Background()
	if _, err := replica.Start(ctx, st, os.Getenv(writerURLEnv), os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "replicate:", err)
		os.Exit(3)
	}
	for i := 1; ; i++ {
		ref := fmt.Sprintf("K-%06d", i)
		if err := pay(ctx, st, 1, ref); err != nil {
			if e, ok := store.AsError(err); !ok || e.Reason != "db.deleted" {
				fmt.Fprintln(os.Stderr, "record:", err)
				os.Exit(4)
			}
			fmt.Println("refused " + ref) // the ledger was deleted: refused, as it must be
			time.Sleep(time.Millisecond)
			continue
		}
		fmt.Println("acknowledged " + ref)
	}
}

// daicho killed mid-work (SIGKILL: no Close): every payment it acknowledged
// is in the replica, and the sidecar, its stdin ended, finishes and lets go
// of the ledger, so the next daicho replicates it again.
func TestSidecarOutlivesAKilledDaicho(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "daicho.db")
	url := "file://" + filepath.Join(t.TempDir(), "replica")
	st, customer := ledger(t, path)
	st.Close()
	if customer != 1 {
		t.Fatalf("customer %d", customer)
	}
	acked, _ := runWriter(t, path, url, 40, nil)
	have := references(t, url)
	for _, ref := range acked {
		if !have[ref] {
			t.Errorf("acknowledged payment %s is not in the replica", ref)
		}
	}
	// The orphaned sidecar ends on its own: the ledger can be replicated again.
	st = storetest.OpenFile(t, path)
	defer st.Close()
	deadline := time.Now().Add(15 * time.Second)
	for {
		rep, err := replica.Start(t.Context(), st, url, nil)
		if err == nil {
			st.Close()
			if err := rep.Close(); err != nil {
				t.Fatal(err)
			}
			break
		}
		if !errors.Is(err, replica.ErrRunning) || time.Now().After(deadline) {
			t.Fatalf("replicating after the kill: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// runWriter runs TestSidecarWriterProcess on the ledger at path until it has
// acknowledged n payments; then it runs then (when given) and reads on until
// the writer refuses a payment; then it kills the writer. It returns the
// acknowledged references, and how many were acknowledged after then.
func runWriter(t *testing.T, path, url string, n int, then func()) (acked []string, after int) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSidecarWriterProcess$")
	cmd.Env = append(os.Environ(), writerDBEnv+"="+path, writerURLEnv+"="+url)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
	}()
	called := false
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		ref, ok := strings.CutPrefix(lines.Text(), "acknowledged ")
		switch {
		case ok && called:
			acked = append(acked, ref)
			after++
		case ok:
			acked = append(acked, ref)
		case called:
			return acked, after // refused
		}
		if len(acked) >= n && !called {
			if then == nil {
				return acked, 0
			}
			then()
			called = true
		}
	}
	t.Fatalf("the writer ended after %d acknowledged payments", len(acked))
	return nil, 0
}

// The ledger's file deleted while daicho replicates through the sidecar
// (alone, or with its -wal and -shm): later payments are refused, and every
// acknowledged one is in the replica.
func TestSidecarOutlivesTheDeletedLedger(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for name, files := range map[string][]string{"file": {""}, "file-wal-shm": {"", "-wal", "-shm"}} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "daicho.db")
			url := "file://" + filepath.Join(t.TempDir(), "replica")
			st, _ := ledger(t, path)
			st.Close()
			acked, after := runWriter(t, path, url, 40, func() {
				for _, suffix := range files {
					if err := os.Remove(path + suffix); err != nil {
						t.Error(err)
					}
				}
			})
			if after > 1 { // one payment may have been committed before the delete
				t.Errorf("%d payments acknowledged after the ledger was deleted", after)
			}
			have := references(t, url)
			for _, ref := range acked {
				if !have[ref] {
					t.Errorf("acknowledged payment %s is not in the replica", ref)
				}
			}
		})
	}
}
