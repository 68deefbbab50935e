package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
	"time"

	"daicho/store"
)

// A killed `import bank` never leaves deposits whose sure matches are lost:
// the child imports a file whose every deposit is a sure match (its
// invoice's number in the memo) and is killed with SIGKILL at a random
// moment; then the ledger holds either nothing of the file or all of it,
// every deposit matched, and a re-run leaves every deposit matched.

const bankCrashDBEnv = "DAICHO_BANK_CRASH_DB"

// sureDeposits is one deposit per open invoice, of its open amount, with
// its number in the memo: all sure matches.
func sureDeposits(t testing.TB, st *store.Store) []store.BankLine {
	bs, err := st.InvoiceBalances(context.Background(), store.BalanceFilter{OpenOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	lines := make([]store.BankLine, len(bs))
	for i, b := range bs {
		lines[i] = deposit(fmt.Sprint(i), "2026-11-16", b.Open, "ﾀﾅｶ", b.Number)
	}
	return lines
}

// TestBankImportHelperProcess is the child of TestKilledBankImport.
func TestBankImportHelperProcess(t *testing.T) {
	path := os.Getenv(bankCrashDBEnv)
	if path == "" {
		t.Skip("only runs as the child of TestKilledBankImport")
	}
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	lines := sureDeposits(t, st)
	fmt.Println("start")
	if _, err := st.ImportBankFile(context.Background(), "bank.txt", lines); err != nil {
		fmt.Fprintln(os.Stderr, "import:", err)
		os.Exit(4)
	}
	fmt.Println("done")
	time.Sleep(time.Hour) // killed by the parent
}

func TestKilledBankImport(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	f := newRecFix(t, "サクラコウギョウ")
	const invoices = 60
	for i := range invoices {
		f.invoice("サクラコウギョウ", "2026-10-31", store.Money(1000+i))
	}
	path := f.st.Path()
	f.st.Close()
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 14))
	outcomes := map[string]int{}
	for round := 0; round < 4; round++ {
		work := copyFile(t, path)
		c := startChild(t, fmt.Sprint("bank import ", round), "TestBankImportHelperProcess", bankCrashDBEnv+"="+work)
		if l, ok := c.line(); !ok || l != "start" {
			t.Fatalf("child said %q; stderr: %s", l, c.stderr.String())
		}
		time.Sleep(time.Duration(rng.IntN(1200)) * time.Millisecond)
		if err := c.kill(); err != nil {
			t.Fatal(err)
		}
		c.waitKilled(t)

		st := openTestStore(t, work)
		all, _ := st.BankLines(t.Context(), "")
		matched, _ := st.BankLines(t.Context(), store.LineMatched)
		switch {
		case len(all) == 0:
			outcomes["nothing"]++
		case len(all) == invoices && len(matched) == invoices:
			outcomes["all"]++
		default:
			t.Fatalf("round %d: %d deposits, %d matched: a killed import left part of its work", round, len(all), len(matched))
		}
		if err := st.CheckInvariants(t.Context()); err != nil {
			t.Fatal(err)
		}
		began := time.Now()
		res, err := st.ImportBankFile(t.Context(), "bank.txt", sureDeposits(t, st))
		t.Logf("round %d: the re-run took %v", round, time.Since(began))
		if err != nil {
			t.Fatal(err)
		}
		if matched, _ := st.BankLines(t.Context(), store.LineMatched); len(matched) != invoices {
			t.Fatalf("round %d: after the re-run %d of %d matched (%d added)", round, len(matched), invoices, len(res.Added))
		}
		st.Close()
	}
	t.Logf("outcomes %v", outcomes)
}
