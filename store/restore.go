package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"
)

// Restore replaces the database at dbPath with the copy at file, after
// VerifyDatabase has passed on it (a copy breaking ledger rules is refused:
// its violations are in the error) and confirm (nil: no question) has said
// yes; a no is ErrRestoreCancelled. The current database is kept beside it
// as dbPath.before-restore-YYYYMMDD-HHMMSS (with its -wal and -shm, if any),
// and that path returned ("" when there was no database yet).
//
// No other daicho may have the database open: Restore takes SQLite's
// exclusive lock on it and refuses (CodeLocked) when another session holds
// it; while it holds the lock nobody can start, and the file put aside is
// copied under it. The new file is copied next to the database first and
// renamed over it, so a crash leaves the old file or the new one, never half
// of one. (Between releasing the lock and the rename, a few microseconds, a
// daicho starting could still open the old file: close other sessions first.)
func Restore(ctx context.Context, dbPath, file string, now time.Time, confirm func() bool) (aside string, err error) {
	aside, err = restore(ctx, dbPath, file, now, confirm)
	if f := placeFault(dbPath, err); f != nil {
		return aside, recount(f) // a full disk, a read-only folder: told as such
	}
	return aside, err
}

func restore(ctx context.Context, dbPath, file string, now time.Time, confirm func() bool) (aside string, err error) {
	dbPath, err = filepath.Abs(dbPath)
	if err != nil {
		return "", err
	}
	if file, err = filepath.Abs(file); err != nil {
		return "", err
	}
	if same, _ := sameFile(dbPath, file); same {
		return "", &Error{Code: CodeInvalid, Reason: "restore.same_file", Args: []any{file}}
	}
	v, err := VerifyDatabase(ctx, file)
	if err != nil {
		return "", err
	}
	if len(v) > 0 {
		return "", &RestoreRefused{File: file, Violations: v}
	}
	if confirm != nil && !confirm() {
		return "", ErrRestoreCancelled
	}
	if _, err := os.Stat(dbPath); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}

	dir := filepath.Dir(dbPath)
	if err := makePrivateDir(dir); err != nil {
		return "", err
	}
	removeStaleRestoreFiles(dbPath)
	stampText := now.Format("20060102-150405")
	// The backup is copied next to the database under a temporary name,
	// locked while written (an interrupted restore's copy is removed by the
	// next restore or start), and renamed over the database at the end.
	temp, unlockTemp, err := copyToLockedTemp(file, dir, "."+filepath.Base(dbPath)+".restore-"+stampText+"-*")
	if err != nil {
		return "", err
	}
	defer func() {
		os.Remove(temp) // gone after the rename; left over only on a failure
		unlockTemp()
	}()

	if _, err := os.Stat(dbPath); err == nil {
		unlock, err := lockExclusive(ctx, dbPath)
		if err != nil {
			return "", err
		}
		// While the lock holds, nobody changes the file: copy it aside as
		// it is (with a -wal and -shm a crash left, if the checkpoint could
		// not fold them in: a damaged file is kept whole).
		aside, err = putAside(dbPath, uniqueAside(dbPath+".before-restore-"+stampText))
		if err != nil {
			unlock()
			return "", err
		}
		if err := unlock(); err != nil {
			return "", err
		}
		// What is left of the old -wal and -shm belongs to the old file
		// (copied aside): a new file must never meet them.
		for _, suffix := range []string{"-wal", "-shm"} {
			if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return "", err
			}
		}
	}
	if err := os.Rename(temp, dbPath); err != nil {
		return "", err
	}
	syncDir(dir)
	return aside, nil
}

// putAside copies the database at dbPath (with its -wal and -shm when the
// -wal holds something) to aside. Each part is written under a temporary
// name and renamed when complete, the file itself last: a before-restore
// copy under its name is whole, and the parts of an interrupted one are
// removed by the next restore or start.
func putAside(dbPath, aside string) (string, error) {
	parts := []string{""}
	if info, err := os.Stat(dbPath + "-wal"); err == nil && info.Size() > 0 {
		parts = []string{"-wal", "-shm", ""} // not folded in: the file alone is not the ledger
	}
	dir := filepath.Dir(dbPath)
	for _, suffix := range parts {
		if _, err := os.Stat(dbPath + suffix); suffix != "" && err != nil {
			continue
		}
		temp, unlock, err := copyToLockedTemp(dbPath+suffix, dir, filepath.Base(aside+suffix)+partialSuffix+"-*")
		if err != nil {
			return "", err
		}
		err = os.Rename(temp, aside+suffix)
		unlock()
		if err != nil {
			os.Remove(temp)
			return "", err
		}
	}
	return aside, nil
}

// copyToLockedTemp copies from to a new file in dir named by pattern, 0600,
// synced, and locked until unlock (see createLockedTemp).
func copyToLockedTemp(from, dir, pattern string) (path string, unlock func(), err error) {
	path, unlock, err = createLockedTemp(dir, pattern)
	if err != nil {
		return "", nil, err
	}
	if err := copyInto(from, path); err != nil {
		os.Remove(path)
		unlock()
		return "", nil, err
	}
	return path, unlock, nil
}

// ErrRestoreCancelled is a restore the user said no to.
var ErrRestoreCancelled = errors.New("restore cancelled")

// RestoreRefused is a backup that breaks ledger rules: restoring it would
// replace the ledger with a broken one.
type RestoreRefused struct {
	File       string
	Violations Violations
}

func (r *RestoreRefused) Error() string {
	return fmt.Sprintf("%s breaks %d ledger rules: %v", r.File, len(r.Violations), r.Violations)
}

// lockExclusive takes SQLite's exclusive lock on the database at path and
// checkpoints its -wal into the file, so the file alone is the whole
// ledger; unlock releases it. Another daicho holding the database open makes
// it fail with CodeLocked within a second. A damaged file (the usual reason
// to restore) is locked as far as it can be and not checkpointed.
func lockExclusive(ctx context.Context, path string) (unlock func() error, err error) {
	db, err := sql.Open("sqlite", fileURI(path)+"?_pragma=busy_timeout(1000)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	inUse := func(err error) bool {
		e, ok := AsError(translate(err))
		return ok && e.Code == CodeLocked
	}
	refuse := func() (func() error, error) {
		db.Close()
		return nil, &Error{Code: CodeLocked, Reason: "restore.in_use", Args: []any{path}}
	}
	for _, q := range []string{`PRAGMA locking_mode = EXCLUSIVE`, `BEGIN EXCLUSIVE`,
		`SELECT count(*) FROM sqlite_schema`, `COMMIT`} {
		rows, err := db.QueryContext(ctx, q)
		if err != nil {
			if inUse(err) {
				return refuse()
			}
			return db.Close, nil // damaged: nothing more to fold in
		}
		rows.Close()
	}
	var busy, logFrames, done int
	err = db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done)
	if (err != nil && inUse(err)) || busy != 0 {
		return refuse()
	}
	return db.Close, nil
}

// copyInto copies from into the empty file to (made 0600 by its creator)
// and syncs it to disk.
func copyInto(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// uniqueAside is path, or path-2, -3, … when a restore in the same second
// already used it.
func uniqueAside(path string) string {
	p := path
	for n := 2; ; n++ {
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return p
		}
		p = fmt.Sprintf("%s-%d", path, n)
	}
}

// sameFile reports whether a and b are one file (a restore of the database
// onto itself).
func sameFile(a, b string) (bool, error) {
	ia, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	ib, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(ia, ib), nil
}
