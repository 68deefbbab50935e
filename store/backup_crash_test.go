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

// Backups killed mid-way (issue 15): a child process makes backups — by
// the backup command's Backup and the TUI's daily BackupIfDue, in turn — and
// is killed with SIGKILL at a random moment of one, twenty times. Under a
// backup's name there is only ever a complete, checked copy; what a kill
// left under a temporary name is gone after the next backup or start.

const (
	backupCrashDBEnv = "DAICHO_BACKUP_CRASH_DB"
	backupCrashDay   = "DAICHO_BACKUP_CRASH_DAY"
	backupStartMark  = "backup "
)

// TestBackupCrashHelperProcess is the child of TestBackupKilledLeavesNoDebris;
// run on its own it does nothing. It prints "backup N" before each backup,
// each made as of another day so that BackupIfDue is due every time.
func TestBackupCrashHelperProcess(t *testing.T) {
	path := os.Getenv(backupCrashDBEnv)
	if path == "" {
		t.Skip("only runs as the child of TestBackupKilledLeavesNoDebris")
	}
	first, _ := strconv.Atoi(os.Getenv(backupCrashDay))
	st, err := store.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "open:", err)
		os.Exit(3)
	}
	ctx := context.Background()
	for i := first; ; i++ {
		at := fixedNow.AddDate(0, 0, i)
		st.Now = func() time.Time { return at }
		fmt.Printf("%s%d\n", backupStartMark, i)
		if i%2 == 0 {
			_, err = st.Backup(ctx, "")
		} else {
			_, _, err = store.BackupIfDue(ctx, st, at)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "backup:", err)
			os.Exit(4)
		}
	}
}

func TestBackupKilledLeavesNoDebris(t *testing.T) {
	path := copyFile(t, goodLedger(t))
	dir := filepath.Join(filepath.Dir(path), "backups")
	seed := faultSeed(t)
	rng := rand.New(rand.NewPCG(seed, 15))
	const kills = 20
	day, debris := 0, 0
	for k := range kills {
		c := startChild(t, fmt.Sprint("backup", k), "TestBackupCrashHelperProcess",
			backupCrashDBEnv+"="+path, backupCrashDay+"="+strconv.Itoa(day))
		// Let it finish a random number of backups (0–2), then kill it a
		// random moment into the next one.
		target := rng.IntN(3)
		started := 0
		for started <= target {
			line, ok := c.line()
			if !ok {
				c.cmd.Wait()
				t.Fatalf("child stopped: %s", c.stderr.String())
			}
			if strings.HasPrefix(line, backupStartMark) {
				started++
				day++
			}
		}
		time.Sleep(time.Duration(rng.IntN(120_000)) * time.Microsecond)
		if err := c.kill(); err != nil {
			t.Fatal(err)
		}
		c.waitKilled(t)
		debris += assertOnlyCheckedBackups(t, dir, false)
	}
	t.Logf("%d kills, %d times a temporary file was left for the next start to remove", kills, debris)
	// The next start clears what the kills left.
	st := openTestStore(t, path)
	if _, _, err := store.BackupIfDue(t.Context(), st, fixedNow.AddDate(0, 0, day)); err != nil {
		t.Fatal(err)
	}
	assertOnlyCheckedBackups(t, dir, true)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	checkAfterCrash(t, path, nil)
}

// assertOnlyCheckedBackups fails the test unless every file named like a
// backup in dir is a complete copy that passes VerifyDatabase, and, with
// clean, dir holds nothing else at all. It returns how many other files
// there are.
func assertOnlyCheckedBackups(t *testing.T, dir string, clean bool) (others int) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	listed, _ := store.ListBackups(dir)
	copies := 0
	for _, e := range entries {
		p := filepath.Join(dir, e.Name())
		if !strings.HasPrefix(e.Name(), "daicho-") || !strings.HasSuffix(e.Name(), ".db") {
			if clean {
				t.Errorf("left in the backup folder: %s", e.Name())
			}
			others++
			continue
		}
		copies++
		if v, err := store.VerifyDatabase(t.Context(), p); err != nil || len(v) > 0 {
			t.Errorf("%s is named like a backup but is not a checked one: %v %v", e.Name(), v, err)
		}
	}
	if len(listed) != copies {
		t.Errorf("ListBackups offers %d copies, the folder holds %d named like one", len(listed), copies)
	}
	return others
}
