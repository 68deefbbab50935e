package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/replica"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// replicatedLedger makes a ledger with a company (replicating to url when
// setting is true) and one customer, in its own folder; it returns the
// ledger's path and the customer's ID.
func replicatedLedger(t *testing.T, dir, url string, setting bool) (string, int64) {
	t.Helper()
	db := filepath.Join(dir, "office", "daicho.db")
	st := storetest.OpenFile(t, db)
	co := storetest.Company()
	if setting {
		co.ReplicaURL = url
	}
	storetest.SaveCompany(t, st, co)
	c := storetest.AddCustomers(t, st, storetest.Customer("C0001", "株式会社テスト"))
	st.Close()
	return db, c[0].ID
}

func recordPayment(t *testing.T, st *store.Store, customer int64, ref string) {
	t.Helper()
	p := store.Payment{CustomerID: customer, Date: storetest.Date("2026-12-04"), Amount: 11000,
		Method: store.PayBankTransfer, Reference: ref}
	if err := st.RecordPayment(context.Background(), &p); err != nil {
		t.Fatal(err)
	}
}

// paymentRefs are the references of the payments in the ledger at db.
func paymentRefs(t *testing.T, db string) map[string]bool {
	t.Helper()
	st := storetest.OpenFile(t, db)
	defer st.Close()
	ps, err := st.Payments(context.Background(), store.PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	refs := map[string]bool{}
	for _, p := range ps {
		refs[p.Reference] = true
	}
	return refs
}

// The replica setting: the TUI replicates while it is open; the ledger's
// folder is then lost, and restore --from-replica brings every payment back
// after checking the copy.
func TestTUIReplicatesAndRestoreFromReplica(t *testing.T) {
	dir := cleanEnv(t)
	url := "file://" + filepath.Join(dir, "replica")
	db, customer := replicatedLedger(t, dir, url, true)
	stubTUI(t, func(st *store.Store, _ i18n.Printer) error {
		for _, ref := range []string{"TUI-1", "TUI-2", "TUI-3"} {
			recordPayment(t, st, customer, ref)
		}
		return nil
	})
	// (The day's backup may say it is finishing: the TUI was quick.)
	if r := mustRun(t, "--db", db); strings.Contains(r.stderr, "replica") {
		t.Errorf("the TUI with replication said %q", r.stderr)
	}
	if err := os.RemoveAll(filepath.Dir(db)); err != nil { // the disk died
		t.Fatal(err)
	}
	r := mustRun(t, "--db", db, "restore", "--from-replica", url, "--yes")
	if !strings.Contains(r.stdout, "passed check") || !strings.Contains(r.stdout, "3 payments") {
		t.Errorf("restore said %q", r.stdout)
	}
	refs := paymentRefs(t, db)
	for _, ref := range []string{"TUI-1", "TUI-2", "TUI-3"} {
		if !refs[ref] {
			t.Errorf("payment %s was not restored (%v)", ref, refs)
		}
	}
	mustRun(t, "--db", db, "check")
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(db), ".*from-replica*"))
	if len(left) > 0 {
		t.Errorf("the restored copy was left behind: %v", left)
	}
}

// --at restores the replica as it was then; a "no" changes nothing; the
// flags are checked before anything is read.
func TestRestoreFromReplicaAt(t *testing.T) {
	dir := cleanEnv(t)
	url := "file://" + filepath.Join(dir, "replica")
	db, customer := replicatedLedger(t, dir, url, false)
	st := storetest.OpenFile(t, db)
	rep, err := replica.Start(context.Background(), st, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	recordPayment(t, st, customer, "MORNING")
	time.Sleep(1100 * time.Millisecond)
	noon := time.Now()
	time.Sleep(1100 * time.Millisecond)
	recordPayment(t, st, customer, "AFTERNOON")
	st.Close()
	if err := rep.Close(); err != nil {
		t.Fatal(err)
	}

	// No: the ledger stays as it is, and no copy is left.
	before, _ := os.ReadFile(db)
	r := runWith("n\n", "--db", db, "restore", "--from-replica", url, "--at", noon.Format(time.RFC3339Nano))
	if r.code != exitFail || !strings.Contains(r.stderr, "nothing was restored") {
		t.Fatalf("answering no: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if after, _ := os.ReadFile(db); string(after) != string(before) {
		t.Error("answering no changed the ledger")
	}
	if left, _ := filepath.Glob(filepath.Join(filepath.Dir(db), ".*from-replica*")); len(left) > 0 {
		t.Errorf("the restored copy was left behind: %v", left)
	}

	r = runWith("y\n", "--db", db, "restore", "--from-replica", url, "--at", noon.Format(time.RFC3339Nano))
	if r.code != exitOK || !strings.Contains(r.stdout, "before-restore") {
		t.Fatalf("restore --at: exit %d, %q %q", r.code, r.stdout, r.stderr)
	}
	if refs := paymentRefs(t, db); !refs["MORNING"] || refs["AFTERNOON"] {
		t.Errorf("restored as of noon: %v", refs)
	}

	// The office goes on from noon's ledger, replicating into the same
	// replica: its latest state is noon's ledger and the evening, not the
	// afternoon that was undone.
	st = storetest.OpenFile(t, db)
	if rep, err = replica.Start(context.Background(), st, url, nil); err != nil {
		t.Fatal(err)
	}
	recordPayment(t, st, customer, "EVENING")
	st.Close()
	if err := rep.Close(); err != nil {
		t.Fatal(err)
	}
	latest := filepath.Join(dir, "latest.db")
	if err := replica.Restore(context.Background(), url, latest, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if refs := paymentRefs(t, latest); !refs["MORNING"] || !refs["EVENING"] || refs["AFTERNOON"] {
		t.Errorf("the replica after going on from noon: %v", refs)
	}
	mustRun(t, "--db", latest, "check")

	for _, bad := range [][]string{
		{"restore", "--at", "2026-12-04T12:00"},
		{"restore", "some.db", "--from-replica", url},
		{"restore", "--from-replica", url, "--at", "noon"},
	} {
		if r := runWith("", append([]string{"--db", db}, bad...)...); r.code != exitUsage {
			t.Errorf("%v: exit %d, %q", bad, r.code, r.stderr)
		}
	}
	empty := "file://" + filepath.Join(dir, "nothing-here")
	if r := runWith("", "--db", db, "restore", "--from-replica", empty, "--yes"); r.code != exitFail ||
		!strings.Contains(r.stderr, "holds no copy") {
		t.Errorf("an empty replica: exit %d, %q", r.code, r.stderr)
	}
	if r := runWith("", "--db", db, "restore", "--from-replica", "ftp://host/x", "--yes"); r.code != exitFail {
		t.Errorf("an ftp replica: exit %d, %q", r.code, r.stderr)
	}
}
