package store

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// What an interrupted backup or restore leaves behind, and its removal.
// A backup is written as .daicho-….partial and a restore's files as
// ….restore-… and ….before-restore-….partial; each is held under an flock
// while it is written, so a file of that name whose lock can be taken is
// debris of a process that died, and is removed by the next backup, restore
// or start. Older daichos wrote daicho-….db.partial (with a -journal) and
// reserved the backup's name as an empty file: those are removed too.

// partialSuffix ends the name of a file being written.
const partialSuffix = ".partial"

// staleBackupName matches the temporary files of a backup, now and before.
var staleBackupName = lazyRegexp(`^\.?daicho-\d{8}-\d{6}.*\.partial(-journal|-wal|-shm)?$`)

// removeStaleBackupFiles removes from dir what interrupted backups left:
// temporary copies no process is writing (with their journals) and empty
// files named like a backup. It is best effort: what cannot be removed now
// is tried again next time.
func removeStaleBackupFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		path := filepath.Join(dir, name)
		if !e.Type().IsRegular() {
			continue
		}
		switch {
		case backupName().MatchString(name):
			if info, err := e.Info(); err == nil && info.Size() == 0 && os.Remove(path) == nil {
				removed = append(removed, path)
			}
		case staleBackupName().MatchString(name):
			if removeIfAbandoned(path) {
				removed = append(removed, path)
			}
		}
	}
	return removed
}

// removeStaleRestoreFiles removes what interrupted restores of the ledger
// at dbPath left beside it: the copy of the backup not yet renamed into
// place, and a before-restore copy not yet complete.
func removeStaleRestoreFiles(dbPath string) []string {
	dir, base := filepath.Split(dbPath)
	entries, err := os.ReadDir(filepath.Clean(dir))
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		restoreTemp := strings.HasPrefix(name, "."+base+".restore-")
		asideTemp := strings.HasPrefix(name, base+".before-restore-") && strings.Contains(name, partialSuffix)
		if (restoreTemp || asideTemp) && e.Type().IsRegular() && removeIfAbandoned(filepath.Join(dir, name)) {
			removed = append(removed, filepath.Join(dir, name))
		}
	}
	return removed
}

// removeIfAbandoned removes a temporary file if no process holds its lock.
// A journal or side file goes with its file: it is abandoned when the file
// it belongs to is (or is gone).
func removeIfAbandoned(path string) bool {
	owner := path
	for _, suffix := range []string{"-journal", "-wal", "-shm"} {
		if strings.HasSuffix(path, partialSuffix+suffix) {
			owner = strings.TrimSuffix(path, suffix)
		}
	}
	if _, err := os.Stat(owner); err == nil {
		held, err := lockHeld(owner)
		if err != nil || held {
			return false
		}
	}
	return os.Remove(path) == nil
}

// createLockedTemp creates a new empty file 0600 in dir named by pattern
// (os.CreateTemp's) and holds an exclusive lock on it until unlock: the
// mark that it is being written, for removeIfAbandoned.
func createLockedTemp(dir, pattern string) (path string, unlock func(), err error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", nil, err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", nil, err
	}
	// Another process's clean-up may have taken the file for abandoned in
	// the moment before the lock: then it is not ours any more.
	mine, err1 := f.Stat()
	named, err2 := os.Stat(f.Name())
	if err1 != nil || err2 != nil || !os.SameFile(mine, named) {
		f.Close()
		return createLockedTemp(dir, pattern)
	}
	return f.Name(), func() { f.Close() }, nil
}

// looksLikeSQLite reports whether the file at path begins like an SQLite
// database.
func looksLikeSQLite(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	_, err = io.ReadFull(f, head)
	return err == nil && bytes.Equal(head, sqliteMagic)
}
