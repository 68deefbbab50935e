package store_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
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

// child is the test binary run again as a helper process: one Test function,
// chosen by name and configured through the environment, talking on
// stdin/stdout. Every fault test (crash, concurrency, the commit benchmark)
// starts its children through it.
type child struct {
	name   string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr bytes.Buffer
}

// startChild runs the test named helper in a new process with env added.
// The process is killed when the test ends, if it still runs.
func startChild(t testing.TB, name, helper string, env ...string) *child {
	t.Helper()
	c := &child{name: name, cmd: exec.Command(os.Args[0], "-test.run=^"+helper+"$")}
	c.cmd.Env = append(os.Environ(), env...)
	c.cmd.Stderr = &c.stderr
	var err error
	if c.stdin, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	out, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	c.stdout = bufio.NewReaderSize(out, 1<<16)
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if c.cmd.ProcessState == nil {
			c.cmd.Process.Kill()
			c.cmd.Wait()
		}
	})
	return c
}

// line reads the child's next whole line (without the newline). A fragment
// the child was killed in the middle of writing is not a line: ok is false
// at the end of the output either way.
func (c *child) line() (string, bool) {
	s, err := c.stdout.ReadString('\n')
	if err != nil {
		return "", false
	}
	return strings.TrimSuffix(s, "\n"), true
}

// kill sends SIGKILL: no deferred function, no rollback, no flush runs.
func (c *child) kill() error { return c.cmd.Process.Signal(syscall.SIGKILL) }

// waitKilled waits for the child and fails the test unless SIGKILL ended it
// (a child that stopped by itself failed: its stderr says why).
func (c *child) waitKilled(t testing.TB) {
	t.Helper()
	err := c.cmd.Wait()
	if ws, ok := c.cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("child %s was not killed by SIGKILL: %v; stderr: %s", c.name, err, c.stderr.String())
	}
}

// waitDone waits for a child that should finish by itself, failing the test
// unless it exits 0.
func (c *child) waitDone(t testing.TB) {
	t.Helper()
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("child %s: %v\n%s", c.name, err, c.stderr.String())
	}
}

// runAndKill starts the helper on path, waits until it reported `after`
// committed customers, kills it with SIGKILL and returns every code it
// reported, including those still in the pipe when it died.
func runAndKill(t *testing.T, path, prefix string, after int) []string {
	t.Helper()
	c := startChild(t, prefix, "TestHelperProcess", crashDBEnv+"="+path, crashPrefixEnv+"="+prefix)
	var codes []string
	killed := false
	for {
		line, ok := c.line()
		if !ok {
			break
		}
		if code, ok := strings.CutPrefix(line, committedMark); ok {
			codes = append(codes, code)
		}
		if len(codes) >= after && !killed {
			if err := c.kill(); err != nil {
				t.Fatal(err)
			}
			killed = true
		}
	}
	if !killed {
		c.cmd.Wait()
		t.Fatalf("child %s stopped after %d customers: %s", prefix, len(codes), c.stderr.String())
	}
	c.waitKilled(t)
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
