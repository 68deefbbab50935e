package engine_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/replica/engine"
	"daicho/store/storetest"
)

// The replica test runs the test binary again as a writer (the helper
// below): it replicates the ledger while recording payments from two
// goroutines, as two desks of daicho serve would, and prints each payment's
// reference once RecordPayment has returned — an acknowledged write. The
// parent kills it with SIGKILL mid-workload, deletes the ledger's whole
// folder (the disk died), restores from the replica and looks for every
// acknowledged payment.

const (
	writerDBEnv       = "DAICHO_REPLICA_DB"
	writerURLEnv      = "DAICHO_REPLICA_URL"
	writerCustomerEnv = "DAICHO_REPLICA_CUSTOMER"
	writerPrefixEnv   = "DAICHO_REPLICA_PREFIX"
	ackMark           = "acknowledged "
	refusedMark       = "refused "
)

// TestReplicaWriterProcess is the child of the tests below; run on its own
// it does nothing.
func TestReplicaWriterProcess(t *testing.T) {
	path := os.Getenv(writerDBEnv)
	if path == "" {
		t.Skip("only runs as the child of TestReplicaKeepsEveryAcknowledgedPayment")
	}
	customer, _ := strconv.ParseInt(os.Getenv(writerCustomerEnv), 10, 64)
	prefix := os.Getenv(writerPrefixEnv)
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	ctx := context.Background()
	if _, err := engine.Start(ctx, st, os.Getenv(writerURLEnv), os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "replicate:", err)
		os.Exit(3)
	}
	var mu sync.Mutex
	out := bufio.NewWriter(os.Stdout)
	desk := func(d int) {
		for i := 1; ; i++ {
			p := store.Payment{CustomerID: customer, Date: storetest.Date("2026-11-20"), Amount: store.Money(1000 + i),
				Method: store.PayBankTransfer, Reference: fmt.Sprintf("%s-%d-%06d", prefix, d, i)}
			mark := ackMark
			if err := st.RecordPayment(ctx, &p); err != nil {
				if e, ok := store.AsError(err); !ok || e.Reason != "db.deleted" {
					fmt.Fprintln(os.Stderr, "record:", err)
					os.Exit(4)
				}
				mark = refusedMark // the ledger was deleted: refused, as it must be
				time.Sleep(time.Millisecond)
			}
			mu.Lock()
			fmt.Fprintln(out, mark+p.Reference)
			err := out.Flush()
			mu.Unlock()
			if err != nil {
				os.Exit(0) // the parent stopped listening
			}
		}
	}
	go desk(1)
	desk(2)
}

// runWriterAndKill starts a writer on path, kills it with SIGKILL once it
// acknowledged `after` payments, and returns every reference it acknowledged
// (those still in the pipe when it died included).
func runWriterAndKill(t *testing.T, path, url string, customer int64, prefix string, after int) []string {
	t.Helper()
	return runWriter(t, path, url, customer, prefix, after, 0, nil)
}

// runWriter is runWriterAndKill that also calls midway once the writer
// acknowledged `at` payments (at > 0), while it goes on writing.
func runWriter(t *testing.T, path, url string, customer int64, prefix string, after, at int, midway func()) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestReplicaWriterProcess$")
	cmd.Env = append(os.Environ(), writerDBEnv+"="+path, writerURLEnv+"="+url,
		writerCustomerEnv+"="+strconv.FormatInt(customer, 10), writerPrefixEnv+"="+prefix)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	var refs []string
	refused := 0
	killed := false
	lines := bufio.NewReader(pipe)
	for {
		line, err := lines.ReadString('\n')
		if err != nil {
			break // a fragment the child died writing is not an acknowledgement
		}
		if ref, ok := strings.CutPrefix(strings.TrimSuffix(line, "\n"), ackMark); ok {
			refs = append(refs, ref)
		}
		if strings.HasPrefix(line, refusedMark) {
			refused++
		}
		if midway != nil && at > 0 && len(refs) >= at {
			midway()
			midway = nil
		}
		if (len(refs) >= after || refused >= 20) && !killed {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	cmd.Wait()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("writer %s was not killed: %v; stderr: %s", prefix, cmd.ProcessState, stderr.String())
	}
	return refs
}

// newLedger makes a ledger with a company and one customer at path and
// returns the customer's ID.
func newLedger(t *testing.T, path string) int64 {
	t.Helper()
	st := storetest.OpenFile(t, path)
	storetest.WithCompany(t, st)
	c := storetest.AddCustomers(t, st, storetest.Customer("C0001", "株式会社テスト"))
	st.Close()
	return c[0].ID
}

// restoreAndFind restores the replica to a new file, checks it as `daicho
// check` does, and fails the test for every reference in want it lacks.
func restoreAndFind(t *testing.T, url string, want []string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "restored.db")
	if err := engine.Restore(t.Context(), url, out, time.Time{}); err != nil {
		t.Fatalf("restore: %v", err)
	}
	report, err := store.CheckFile(t.Context(), out)
	if err != nil || len(report.Violations) > 0 {
		t.Fatalf("check of the restored ledger: %v %v", err, report.Violations)
	}
	st := storetest.OpenFile(t, out)
	payments, err := st.Payments(t.Context(), store.PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	for _, p := range payments {
		have[p.Reference] = true
	}
	missing := 0
	for _, ref := range want {
		if !have[ref] {
			missing++
			if missing <= 5 {
				t.Errorf("acknowledged payment %s is not in the restored ledger", ref)
			}
		}
	}
	if missing > 0 {
		t.Fatalf("%d of %d acknowledged payments lost (%d in the restored ledger)", missing, len(want), len(payments))
	}
	st.Close()
	return out
}

func TestReplicaKeepsEveryAcknowledgedPayment(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	office := filepath.Join(t.TempDir(), "office")
	path := filepath.Join(office, "daicho.db")
	url := "file://" + filepath.Join(t.TempDir(), "replica")
	customer := newLedger(t, path)
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 15))

	var acked []string
	for round := range 3 {
		acked = append(acked, runWriterAndKill(t, path, url, customer, fmt.Sprintf("R%d", round), 30+rng.IntN(150))...)
		// The disk dies: the ledger's folder is gone, Litestream's
		// bookkeeping beside the ledger with it.
		if err := os.RemoveAll(office); err != nil {
			t.Fatal(err)
		}
		restored := restoreAndFind(t, url, acked)
		// The office carries on with the restored ledger, replicating
		// again to the same replica: the next round finds this round's
		// payments and its own.
		if err := os.MkdirAll(office, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(restored, path); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d acknowledged payments over 3 kills, all restored", len(acked))
}

// The ledger's file is deleted while daicho works on (a slip in a file
// manager, a cleaning script; with its -wal and -shm, or alone): from then
// on the writer's payments are refused (they would be lost with the deleted
// file), it is killed, and every payment acknowledged up to the kill is in
// the replica.
func TestReplicaOutlivesTheDeletedLedger(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	for name, files := range map[string][]string{"file": {""}, "file-wal-shm": {"", "-wal", "-shm"}} {
		t.Run(name, func(t *testing.T) {
			office := filepath.Join(t.TempDir(), "office")
			path := filepath.Join(office, "daicho.db")
			url := "file://" + filepath.Join(t.TempDir(), "replica")
			customer := newLedger(t, path)
			acked := runWriter(t, path, url, customer, "D", 120, 40, func() {
				for _, suffix := range files {
					if err := os.Remove(path + suffix); err != nil {
						t.Error(err)
					}
				}
			})
			if len(acked) >= 120 {
				t.Errorf("the writer went on saving into the deleted ledger (%d payments acknowledged)", len(acked))
			}
			restoreAndFind(t, url, acked)
			t.Logf("%d acknowledged payments, all restored; later ones refused", len(acked))
		})
	}
}
