package store_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// Two OS processes issue invoices from one database at the same moment: the
// test binary runs itself twice (TestIssueHelperProcess), each child issuing
// its half of 400 drafts. Numbers must come out unique and gapless.

const (
	issueDBEnv     = "DAICHO_ISSUE_DB"
	issueParityEnv = "DAICHO_ISSUE_PARITY"
	issueDrafts    = 400
)

// TestIssueHelperProcess is a child of TestTwoProcessesIssueGaplessNumbers;
// run on its own it does nothing. It issues every draft whose id has the
// parity it was given, after it said "ready" and read "go" on stdin, and
// prints "issued ID NUMBER" for each.
func TestIssueHelperProcess(t *testing.T) {
	path := os.Getenv(issueDBEnv)
	if path == "" {
		t.Skip("only runs as the child of TestTwoProcessesIssueGaplessNumbers")
	}
	parity, _ := strconv.Atoi(os.Getenv(issueParityEnv))
	fail := func(what string, err error) {
		fmt.Fprintln(os.Stderr, what+":", err)
		os.Exit(3)
	}
	st, err := store.Open(path)
	if err != nil {
		fail("open", err)
	}
	ctx := context.Background()
	rows, err := st.DB().QueryContext(ctx, `SELECT id FROM documents WHERE status = 'draft' AND id % 2 = ? ORDER BY id`, parity)
	if err != nil {
		fail("list", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			fail("scan", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	fmt.Println("ready")
	if line, err := bufio.NewReader(os.Stdin).ReadString('\n'); err != nil || line != "go\n" {
		fail("waiting for go", err)
	}
	out := bufio.NewWriter(os.Stdout)
	for i, id := range ids {
		if i > 0 {
			// A breath between documents, as a person issuing would take: a
			// loop that never lets go of the lock would starve the other
			// process (SQLite's busy handler polls), and the two would issue
			// one after the other instead of at once.
			time.Sleep(time.Duration(rand.IntN(1000)) * time.Microsecond)
		}
		d, err := st.Issue(ctx, id, 0)
		if err != nil {
			fail(fmt.Sprintf("issue %d", id), err)
		}
		fmt.Fprintf(out, "issued %d %s\n", id, d.Number)
	}
	out.Flush()
	st.Close()
	os.Exit(0)
}

func TestTwoProcessesIssueGaplessNumbers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	start := time.Now()
	path := filepath.Join(t.TempDir(), "daicho.db")
	f := &docFix{t: t, st: openTestStore(t, path), ctx: t.Context()}
	f.company = validCompany()
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	f.cust = validCustomer("C0001")
	if err := f.st.CreateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	lines := make([]store.Line, 10)
	for i := range lines {
		lines[i] = storetest.Line(fmt.Sprintf("作業 %d", i+1), "1.5", store.Money(1000*(i+1)), store.TaxCategories[i%2])
	}
	for range issueDrafts {
		f.draft(store.KindInvoice, "2026-11-20", lines...)
	}
	f.st.Close()
	prepared := time.Since(start)

	children := make([]*child, 2)
	for i := range children {
		children[i] = startChild(t, fmt.Sprint(i), "TestIssueHelperProcess",
			issueDBEnv+"="+path, issueParityEnv+"="+strconv.Itoa(i))
	}
	for i, c := range children {
		if line, _ := c.line(); line != "ready" {
			c.cmd.Wait()
			t.Fatalf("child %d did not get ready: %q %s", i, line, c.stderr.String())
		}
	}
	for _, c := range children { // both at once
		io.WriteString(c.stdin, "go\n")
	}
	issued := map[string]int64{}
	for i, c := range children {
		n := 0
		for {
			line, ok := c.line()
			if !ok {
				break
			}
			var id int64
			var number string
			if _, err := fmt.Sscanf(line, "issued %d %s", &id, &number); err != nil {
				t.Fatalf("child %d: %q", i, line)
			}
			if other, dup := issued[number]; dup {
				t.Errorf("%s issued twice: documents %d and %d", number, other, id)
			}
			issued[number] = id
			n++
		}
		c.waitDone(t)
		if n != issueDrafts/2 {
			t.Errorf("child %d issued %d, want %d", i, n, issueDrafts/2)
		}
	}

	st := openTestStore(t, path)
	db := st.DB()
	rows, err := db.Query(`SELECT id, number, seq FROM documents ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	switches, last := 0, int64(-1)
	for rows.Next() {
		var id, seq int64
		var number string
		if err := rows.Scan(&id, &number, &seq); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("I-2026-%04d", len(numbers)+1); number != want || seq != int64(len(numbers)+1) {
			t.Errorf("number %d is %s (seq %d), want %s", len(numbers)+1, number, seq, want)
		}
		if issued[number] != id {
			t.Errorf("%s is document %d, the child said %d", number, id, issued[number])
		}
		if last >= 0 && id%2 != last {
			switches++
		}
		last = id % 2
		numbers = append(numbers, number)
	}
	rows.Close()
	if len(numbers) != issueDrafts || len(issued) != issueDrafts {
		t.Errorf("%d numbered documents, %d reported, want %d", len(numbers), len(issued), issueDrafts)
	}
	if n := queryInt(t, db, `SELECT count(DISTINCT number) FROM documents WHERE status = 'issued'`); n != issueDrafts {
		t.Errorf("%d distinct numbers", n)
	}
	if n := queryInt(t, db, `SELECT last FROM counters WHERE kind = 'invoice' AND fiscal_year = 2026`); n != issueDrafts {
		t.Errorf("counter at %d", n)
	}
	if n := queryInt(t, db, `SELECT count(*) FROM audit_log WHERE entity = 'document' AND action = 'issue'`); n != issueDrafts {
		t.Errorf("%d issue audit rows", n)
	}
	var integrity string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Errorf("integrity_check: %q %v", integrity, err)
	}
	// The two processes took turns (a run where one finished before the
	// other began would prove nothing about concurrency).
	t.Logf("prepared in %v; the processes alternated %d times; %v in all",
		prepared.Round(time.Millisecond), switches, time.Since(start).Round(time.Millisecond))
	if switches < 10 {
		t.Errorf("the two processes alternated only %d times: they did not issue concurrently", switches)
	}
}
