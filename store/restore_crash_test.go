package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"daicho/store"
)

// Restores killed mid-way (issue 15): the before-restore copy is written
// under a temporary name and takes its name only when whole, and what a
// kill left is removed by the next restore or start.

const (
	restoreCrashDBEnv   = "DAICHO_RESTORE_CRASH_DB"
	restoreCrashFileEnv = "DAICHO_RESTORE_CRASH_FILE"
	restoreCrashFirst   = "DAICHO_RESTORE_CRASH_FIRST"
	restoreStartMark    = "restore "
)

// TestRestoreCrashHelperProcess is the child of
// TestRestoreKilledLeavesNoDebris; run on its own it does nothing. It
// restores the backup over the ledger again and again, a second apart.
func TestRestoreCrashHelperProcess(t *testing.T) {
	path, file := os.Getenv(restoreCrashDBEnv), os.Getenv(restoreCrashFileEnv)
	if path == "" {
		t.Skip("only runs as the child of TestRestoreKilledLeavesNoDebris")
	}
	first, _ := strconv.Atoi(os.Getenv(restoreCrashFirst))
	for i := first; ; i++ {
		fmt.Printf("%s%d\n", restoreStartMark, i)
		if _, err := store.Restore(context.Background(), path, file, fixedNow.Add(time.Duration(i)*time.Second), nil); err != nil {
			fmt.Fprintln(os.Stderr, "restore:", err)
			os.Exit(4)
		}
	}
}

func TestRestoreKilledLeavesNoDebris(t *testing.T) {
	good := goodLedger(t)
	path := copyFile(t, good)
	dir := filepath.Dir(path)
	rng := rand.New(rand.NewPCG(faultSeed(t), 16))
	n := 0
	for k := range 10 {
		c := startChild(t, fmt.Sprint("restore", k), "TestRestoreCrashHelperProcess",
			restoreCrashDBEnv+"="+path, restoreCrashFileEnv+"="+good, restoreCrashFirst+"="+strconv.Itoa(n))
		for started := 0; started <= rng.IntN(2); {
			line, ok := c.line()
			if !ok {
				c.cmd.Wait()
				t.Fatalf("child stopped: %s", c.stderr.String())
			}
			if strings.HasPrefix(line, restoreStartMark) {
				started++
				n++
			}
		}
		time.Sleep(time.Duration(rng.IntN(20_000)) * time.Microsecond)
		if err := c.kill(); err != nil {
			t.Fatal(err)
		}
		c.waitKilled(t)
		assertWholeAsides(t, dir, filepath.Base(path), false)
	}
	// The next start clears what the kills left.
	st := openTestStore(t, path)
	if _, _, err := store.BackupIfDue(t.Context(), st, fixedNow); err != nil {
		t.Fatal(err)
	}
	st.Close()
	assertWholeAsides(t, dir, filepath.Base(path), true)
	checkAfterCrash(t, path, nil)
}

// assertWholeAsides fails the test unless every before-restore copy in dir
// is a whole ledger, and, with clean, nothing but the ledger, those copies
// and the backups folder is there.
func assertWholeAsides(t *testing.T, dir, base string, clean bool) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		aside := strings.HasPrefix(name, base+".before-restore-") && !strings.Contains(name, ".partial")
		switch {
		case aside && !strings.HasSuffix(name, "-wal") && !strings.HasSuffix(name, "-shm"):
			if _, err := store.VerifyDatabase(t.Context(), filepath.Join(dir, name)); err != nil {
				t.Errorf("%s is not a whole copy: %v", name, err)
			}
		case name == base, name == "backups", aside:
		case clean:
			t.Errorf("left beside the ledger: %s", name)
		}
	}
}
