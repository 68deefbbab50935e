package store_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"daicho/store"
)

// The crash test runs the test binary again as a child process (the helper
// below) that writes customers as fast as it can and says which ones are
// committed. The parent kills it with SIGKILL at a random moment, then checks
// that the database opens cleanly and that nothing reported as saved is lost.

const (
	crashDBEnv     = "DAICHO_CRASH_DB"
	crashPrefixEnv = "DAICHO_CRASH_PREFIX"
	committedMark  = "committed "
	crashBatchSize = 20
)

// TestHelperProcess is the child of TestCrashKeepsCommittedData; run on its
// own it does nothing. It alternates single customers with batches (one
// transaction each) and prints "committed CODE" for each customer once its
// transaction has committed.
func TestHelperProcess(t *testing.T) {
	path := os.Getenv(crashDBEnv)
	if path == "" {
		t.Skip("only runs as the child of TestCrashKeepsCommittedData")
	}
	prefix := os.Getenv(crashPrefixEnv)
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	ctx := context.Background()
	out := bufio.NewWriter(os.Stdout)
	report := func(codes ...string) {
		for _, code := range codes {
			fmt.Fprintln(out, committedMark+code)
		}
		if out.Flush() != nil {
			os.Exit(0) // the parent stopped listening
		}
	}
	for i := 1; i < 1_000_000; i++ {
		if i%10 == 0 {
			batch := make([]store.Customer, crashBatchSize)
			codes := make([]string, len(batch))
			for j := range batch {
				batch[j] = validCustomer(fmt.Sprintf("%sB%05d-%02d", prefix, i, j))
				codes[j] = batch[j].Code
			}
			if err := st.CreateCustomers(ctx, batch, nil); err != nil {
				fmt.Fprintln(os.Stderr, "batch:", err)
				os.Exit(4)
			}
			report(codes...)
			continue
		}
		c := validCustomer(fmt.Sprintf("%sS%05d", prefix, i))
		c.Notes = strings.Repeat("途中で落ちても消えないこと。", 20)
		if err := st.CreateCustomer(ctx, &c); err != nil {
			fmt.Fprintln(os.Stderr, "create:", err)
			os.Exit(4)
		}
		report(c.Code)
	}
	os.Exit(0)
}

func TestCrashKeepsCommittedData(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	path := filepath.Join(t.TempDir(), "daicho.db")
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 2))
	var committed []string
	start := time.Now()
	rounds := 0
	for ; rounds < 20 && time.Since(start) < 7*time.Second; rounds++ {
		codes := runAndKill(t, path, fmt.Sprintf("R%02d", rounds), 20+rng.IntN(300))
		committed = append(committed, codes...)
		checkAfterCrash(t, path, committed)
	}
	t.Logf("%d rounds, %d customers reported committed, %v", rounds, len(committed), time.Since(start).Round(time.Millisecond))
	if rounds < 5 {
		t.Errorf("only %d rounds ran in the time allowed", rounds)
	}
}

// runAndKill starts the helper on path, waits until it reported `after`
// committed customers, kills it with SIGKILL and returns every code it
// reported, including those still in the pipe when it died.
func runAndKill(t *testing.T, path, prefix string, after int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), crashDBEnv+"="+path, crashPrefixEnv+"="+prefix)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var codes []string
	sc := bufio.NewScanner(stdout)
	killed := false
	for sc.Scan() {
		if code, ok := strings.CutPrefix(sc.Text(), committedMark); ok {
			codes = append(codes, code)
		}
		if len(codes) >= after && !killed {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	err = cmd.Wait()
	if !killed {
		t.Fatalf("child %s stopped after %d customers (%v): %s", prefix, len(codes), err, stderr.String())
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child %s was not killed by SIGKILL: %v; stderr: %s", prefix, err, stderr.String())
	}
	return codes
}

// checkAfterCrash opens the database like the program would and checks it:
// Open's quick_check passes, integrity_check is ok, every customer reported
// committed is there, every batch is all there or not at all, and each
// customer has exactly one audit row.
func checkAfterCrash(t *testing.T, path string, committed []string) {
	t.Helper()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open after SIGKILL: %v", err)
	}
	defer st.Close()
	var integrity string
	if err := st.DB().QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check = %q, %v", integrity, err)
	}
	all, err := st.CustomerSummaries(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	have := map[string]bool{}
	batches := map[string]int{}
	for _, c := range all {
		have[c.Code] = true
		if key, _, ok := strings.Cut(c.Code, "-"); ok {
			batches[key]++
		}
	}
	for _, code := range committed {
		if !have[code] {
			t.Fatalf("customer %s was reported committed but is missing after the crash", code)
		}
	}
	for key, n := range batches {
		if n != crashBatchSize {
			t.Errorf("batch %s has %d of its %d customers", key, n, crashBatchSize)
		}
	}
	if n := queryInt(t, st.DB(), `SELECT count(*) FROM audit_log WHERE entity = 'customer' AND action = 'create'`); n != len(all) {
		t.Errorf("%d create audit rows for %d customers", n, len(all))
	}
	if n := queryInt(t, st.DB(), `SELECT count(*) FROM customers c WHERE (SELECT count(*) FROM audit_log a
		WHERE a.entity = 'customer' AND a.entity_id = c.code) <> 1`); n != 0 {
		t.Errorf("%d customers without exactly one audit row", n)
	}
}
