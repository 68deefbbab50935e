package store_test

import (
	"bytes"
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
	"daicho/store/storetest"
)

// Fault tests of issue 8: a mixed workload killed with SIGKILL again and
// again, four processes working at once, and a full disk. The workload and
// its report lines are in crash_workload_test.go, the parent's check of a
// ledger against them in fault_verify_test.go.

// faultSeed is the test's seed: DAICHO_FAULT_TEST_SEED to replay a failure,
// else the clock. It is logged, and every failure message repeats it.
func faultSeed(t *testing.T) uint64 {
	t.Helper()
	if s := os.Getenv("DAICHO_FAULT_TEST_SEED"); s != "" {
		seed, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("DAICHO_FAULT_TEST_SEED: %v", err)
		}
		return seed
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d (replay with DAICHO_FAULT_TEST_SEED=%d)", seed, seed)
	return seed
}

// workerEnv is the environment of a worker child.
func workerEnv(path, name string, seed uint64, ops int, wait bool) []string {
	env := []string{faultDBEnv + "=" + path, faultNameEnv + "=" + name, faultSeedEnv + "=" + strconv.FormatUint(seed, 10),
		faultOpsEnv + "=" + strconv.Itoa(ops)}
	if wait {
		env = append(env, faultWaitEnv+"=1")
	}
	return env
}

const (
	crashKills    = 210                    // "at least 200" with a margin
	crashMaxDelay = 120 * time.Millisecond // after the child said ready
	crashEarly    = 8                      // one kill in crashEarly comes while the child opens the database
)

// TestCrashMixedWorkload kills a worker with SIGKILL at a random moment,
// crashKills times, each child going on with the database the last one left:
// mostly up to crashMaxDelay into its work (counted from its "ready", so a
// busy machine's slow start does not eat the time), one time in crashEarly
// within 40 ms of its start, while it opens the database and checks it.
// After each kill the database must open, Check must find nothing, every
// operation the child reported is there with the data it reported, a billing
// run is there whole or not at all, and nothing is half-written.
func TestCrashMixedWorkload(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	seed := faultSeed(t)
	rng := rand.New(rand.NewPCG(seed, 1))
	path := filepath.Join(t.TempDir(), "daicho.db")
	setupFaultLedger(t, path)
	m := newReported()
	start := time.Now()
	events, before := 0, 0
	var verifying time.Duration
	for i := range crashKills {
		early := rng.IntN(crashEarly) == 0
		delay := time.Duration(rng.Int64N(int64(crashMaxDelay)))
		if early {
			delay = time.Duration(rng.Int64N(int64(40 * time.Millisecond)))
		}
		name := fmt.Sprintf("K%03d", i)
		c := startChild(t, name, "TestFaultWorkerProcess", workerEnv(path, name, seed+uint64(i), 0, false)...)
		var timer *time.Timer
		if early {
			timer = time.AfterFunc(delay, func() { c.kill() })
		} else {
			// A child that never gets ready is killed after 10 s and fails.
			timer = time.AfterFunc(10*time.Second, func() { c.kill() })
		}
		ready := false
		n := readEvents(t, c, m, func(e event) {
			if e.Op == "ready" && !early {
				ready = true
				timer.Stop()
				timer = time.AfterFunc(delay, func() { c.kill() })
			}
		})
		timer.Stop()
		c.waitKilled(t)
		if !early && !ready {
			t.Fatalf("kill %d (seed %d): the child never said ready; stderr: %s", i, seed, c.stderr.String())
		}
		events += n
		if n == 0 {
			before++ // killed while starting or in its first operation
		}

		v := time.Now()
		st, err := store.Open(path)
		if err != nil {
			t.Fatalf("kill %d (seed %d, %v after start): Open: %v", i, seed, delay, err)
		}
		if bad := m.verify(t, st); len(bad) > 0 {
			t.Fatalf("kill %d (seed %d, %v after start, %d lines from it): %s", i, seed, delay, n, problems(bad))
		}
		st.Close()
		verifying += time.Since(v)
	}
	t.Logf("%d kills in %v (verifying %v); %d operations reported, %d children killed before their first; %s",
		crashKills, time.Since(start).Round(time.Millisecond), verifying.Round(time.Millisecond), events, before, m.summary())
	for _, op := range []string{"customer", "draft", "issued", "payment", "allocated", "allocate", "shortfall",
		"reversed", "void", "billing"} {
		if m.counts[op] == 0 {
			t.Errorf("no %s operation was reported in %d runs: the workload does not exercise it", op, crashKills)
		}
	}
}

// summary counts the reported operations, for the log.
func (m *reported) summary() string {
	return fmt.Sprintf("%d customers, %d documents (%d numbered), %d months billed, %d payments, %d kinds of refusal; events %v",
		len(m.customers), len(m.docs), len(m.numbers), len(m.months), len(m.payments), len(m.refusals), m.counts)
}

const (
	concurrentProcesses = 4
	concurrentOps       = 200
)

// TestFourProcessesMixedWorkload runs four workers at once on shared
// customers, concurrentOps operations each, as fast as they can (no pause
// between operations: the harshest case for the lock). No "database is
// locked" may reach a caller (a worker treats it as a failure and exits),
// every operation succeeds or is refused for a reason of the domain, the
// numbers stay gapless, Check passes, and what the workers say they did is
// exactly what the database holds.
func TestFourProcessesMixedWorkload(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	seed := faultSeed(t)
	path := filepath.Join(t.TempDir(), "daicho.db")
	setupFaultLedger(t, path)
	start := time.Now()
	children := make([]*child, concurrentProcesses)
	for i := range children {
		name := fmt.Sprintf("P%d", i+1)
		children[i] = startChild(t, name, "TestFaultWorkerProcess", workerEnv(path, name, seed+uint64(i), concurrentOps, true)...)
	}
	for _, c := range children {
		if line, _ := c.line(); line != "ready" {
			c.cmd.Wait()
			t.Fatalf("child %s did not get ready: %q %s", c.name, line, c.stderr.String())
		}
	}
	for _, c := range children {
		c.stdin.Write([]byte("go\n"))
	}
	// Read all four at once: a child blocked on a full pipe would hold the
	// write lock it may have.
	lines := make([][]event, len(children))
	var wg sync.WaitGroup
	for i, c := range children {
		wg.Go(func() {
			for {
				line, ok := c.line()
				if !ok {
					return
				}
				e, err := parseEvent(line)
				if err != nil {
					t.Errorf("child %s: %v", c.name, err)
					return
				}
				lines[i] = append(lines[i], e)
			}
		})
	}
	wg.Wait()
	for _, c := range children {
		c.waitDone(t) // a worker that met SQLITE_BUSY exited 4, saying so
	}
	elapsed := time.Since(start)
	m := newReported()
	for i, c := range children {
		for _, e := range lines[i] {
			m.apply(c.name, e)
		}
		if m.done[c.name] == nil {
			t.Fatalf("child %s did not report done", c.name)
		}
	}
	// Each child's own tally is what its lines say (nothing lost in the pipe).
	sum := map[string]int{}
	for _, counts := range m.done {
		for op, n := range counts {
			sum[op] += n
		}
	}
	for op, n := range sum {
		if m.counts[op] != n {
			t.Errorf("%s: the children counted %d, their lines %d", op, n, m.counts[op])
		}
	}

	st := openTestStore(t, path)
	if bad := m.verify(t, st); len(bad) > 0 {
		t.Fatalf("seed %d: %s", seed, problems(bad))
	}
	// Every success is in the database, and nothing else is.
	billed := 0
	for _, ds := range m.billed {
		billed += len(ds)
	}
	autoAllocs := len(m.autoAllocs)
	db := st.DB()
	for _, c := range []struct {
		what  string
		query string
		want  int
	}{
		{"customers", `SELECT count(*) FROM customers`, 4 + sum["customer"]},
		{"documents", `SELECT count(*) FROM documents`, sum["draft"] + billed},
		{"numbered documents", `SELECT count(*) FROM documents WHERE number IS NOT NULL`, sum["issued"] + billed},
		{"void documents", `SELECT count(*) FROM documents WHERE status = 'void'`, sum["void"]},
		{"payments", `SELECT count(*) FROM payments WHERE reverses_id IS NULL`, sum["payment"]},
		{"payment reversals", `SELECT count(*) FROM payments WHERE reverses_id IS NOT NULL`, sum["reversed"]},
		{"allocations", `SELECT count(*) FROM allocations WHERE reverses_id IS NULL`, autoAllocs + sum["allocate"]},
		{"shortfalls", `SELECT count(*) FROM adjustments`, sum["shortfall"]},
		{"billed invoices", `SELECT count(DISTINCT document_id) FROM contract_billings`, billed},
		{"gaps or repeats in the numbers", `SELECT count(*) FROM (SELECT kind, fiscal_year FROM documents
			WHERE seq IS NOT NULL GROUP BY kind, fiscal_year HAVING count(*) <> max(seq) OR count(DISTINCT seq) <> count(*))`, 0},
	} {
		if got := queryInt(t, db, c.query); got != c.want {
			t.Errorf("%s: the database has %d, the workers reported %d", c.what, got, c.want)
		}
	}
	// They worked at once: the audit log, in commit order, changes hands
	// often (one worker finishing before the next began would prove nothing).
	switches := queryInt(t, db, `SELECT count(*) FROM (SELECT actor, lag(actor) OVER (ORDER BY id) AS prev
		FROM audit_log WHERE actor LIKE 'P%') WHERE actor <> prev`)
	t.Logf("%d×%d operations in %v; the writer changed %d times; %s; refusals %v", concurrentProcesses,
		concurrentOps, elapsed.Round(time.Millisecond), switches, m.summary(), m.refusals)
	if switches < 100 {
		t.Errorf("the writer changed only %d times: the processes did not work at once", switches)
	}
}

// TestDiskFullRollsBack puts a ledger on a small tmpfs, fills the disk with
// a file and writes until a write fails: the user gets CodeFull ("db.full"),
// nothing of the failed transaction is in the database, the ledger is
// sound, and once the file is removed the same write goes through.
func TestDiskFullRollsBack(t *testing.T) {
	dir := mountSmallDisk(t, 16<<20) // room for the ledger, the filler and the WAL once freed
	path := filepath.Join(dir, "daicho.db")
	st := openTestStore(t, path)
	f := &docFix{t: t, st: st, ctx: t.Context(), company: validCompany(), cust: validCustomer("C0001")}
	if err := st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		f.issued(store.KindInvoice, "2026-11-20", storetest.Line(fmt.Sprint("作業 ", i), "1", 10000, store.TaxStandard),
			storetest.Line("お弁当", "3", 1080, store.TaxReduced))
	}

	// Leave ~200 KB: a few of the large drafts below fit, then one does not.
	filler := filepath.Join(dir, "filler")
	fillDisk(t, filler, 200<<10)
	big := make([]store.Line, 150)
	for i := range big {
		big[i] = storetest.Line(fmt.Sprintf("%03d %s", i, strings.Repeat("長い明細の説明文。", 20)), "1", 1000, store.TaxStandard)
	}
	counts := func() string {
		return fmt.Sprintf("%d documents, %d lines, %d audit rows, %d customers",
			queryInt(t, st.DB(), `SELECT count(*) FROM documents`), queryInt(t, st.DB(), `SELECT count(*) FROM document_lines`),
			queryInt(t, st.DB(), `SELECT count(*) FROM audit_log`), queryInt(t, st.DB(), `SELECT count(*) FROM customers`))
	}
	var err error
	var before string
	saved := 0
	for ; saved < 100; saved++ {
		before = counts()
		d := f.newDoc(store.KindInvoice, "2026-11-20", big...)
		if err = st.SaveDraft(f.ctx, &d); err != nil {
			break
		}
	}
	if err == nil {
		t.Fatalf("100 drafts of %d lines fitted on a full disk", len(big))
	}
	t.Logf("%d large drafts saved before the disk was full: %v", saved, err)
	diskFull(t, "SaveDraft", err)
	if after := counts(); after != before {
		t.Errorf("the failed save left something: before %s, after %s", before, after)
	}
	// A batch fails whole as well.
	batch := make([]store.Customer, 300)
	for i := range batch {
		batch[i] = validCustomer(fmt.Sprintf("B%04d", i))
		batch[i].Notes = strings.Repeat("満杯のディスクには入らない。", 60)
	}
	diskFull(t, "CreateCustomers", st.CreateCustomers(f.ctx, batch, nil))
	if after := counts(); after != before {
		t.Errorf("the failed batch left something: before %s, after %s", before, after)
	}
	checkSound(t, st, "on the full disk")

	// Space again: the same writes go through, on the same open store.
	if err := os.Remove(filler); err != nil {
		t.Fatal(err)
	}
	d := f.newDoc(store.KindInvoice, "2026-11-20", big...)
	if err := st.SaveDraft(f.ctx, &d); err != nil {
		t.Fatalf("SaveDraft after freeing space: %v", err)
	}
	f.issue(f.load(d.ID))
	if err := st.CreateCustomers(f.ctx, batch, nil); err != nil {
		t.Fatalf("CreateCustomers after freeing space: %v", err)
	}
	checkSound(t, st, "after freeing space")
	st.Close()
	st = openTestStore(t, path) // its quick_check passes, and the saves are there
	if n := queryInt(t, st.DB(), `SELECT count(*) FROM documents`); n != 5+saved+1 {
		t.Errorf("%d documents after reopening, want %d", n, 5+saved+1)
	}
	checkSound(t, st, "reopened")
}

// mountSmallDisk mounts a tmpfs of size bytes on a new temporary folder,
// unmounted when the test ends; it skips the test where that is not
// allowed (not root, no mount in a container).
func mountSmallDisk(t *testing.T, size int) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("the disk-full test mounts a small tmpfs, which needs root: skipped")
	}
	dir := t.TempDir()
	out, err := exec.Command("mount", "-t", "tmpfs", "-o", fmt.Sprintf("size=%d,mode=0700", size), "tmpfs", dir).CombinedOutput()
	if err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s): the disk-full test is skipped", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() {
		if out, err := exec.Command("umount", dir).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", dir, err, out)
		}
	})
	return dir
}

// fillDisk writes a file at path that leaves about free bytes on its file
// system.
func fillDisk(t *testing.T, path string, free int64) {
	t.Helper()
	var fs syscall.Statfs_t
	if err := syscall.Statfs(filepath.Dir(path), &fs); err != nil {
		t.Fatal(err)
	}
	size := int64(fs.Bavail)*fs.Bsize - free
	if size <= 0 {
		t.Fatalf("only %d bytes free before filling", int64(fs.Bavail)*fs.Bsize)
	}
	if err := os.WriteFile(path, make([]byte, size), 0o600); err != nil {
		t.Fatal(err)
	}
}

// diskFull fails the test unless err is the store's "disk full" error
// (db.disk_full names the file and the free space since issue 15; db.full
// is what a full disk the place cannot explain still says).
func diskFull(t *testing.T, what string, err error) {
	t.Helper()
	if e, ok := store.AsError(err); !ok || e.Code != store.CodeFull || (e.Reason != "db.full" && e.Reason != "db.disk_full") {
		t.Fatalf("%s on a full disk: %v (%T), want CodeFull db.disk_full", what, err, err)
	}
}

// checkSound fails the test if Check finds anything.
func checkSound(t *testing.T, st *store.Store, when string) {
	t.Helper()
	v, err := st.Check(t.Context())
	if err != nil || len(v) > 0 {
		t.Fatalf("Check %s: %v %v", when, v, err)
	}
}
