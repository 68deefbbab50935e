package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"time"
)

// Backups (ARCHITECTURE.md §3): a copy of the database made with VACUUM INTO
// (a read of the live file: the screens and other sessions go on working),
// checked before anything older is removed. Copies are named by the local
// time they were made, daicho-YYYYMMDD-HHMMSS.db, so a bookkeeper finds
// "Tuesday's" copy by its name; a second copy in the same second gets -2, -3.

// Backup settings (the company form): how many copies to keep.
const (
	DefaultBackupKeep = 14 // two weeks of daily backups
	MaxBackupKeep     = 999
)

// backupName matches the copies daicho makes; rotation touches nothing else.
var backupName = lazyRegexp(`^daicho-(\d{8})-(\d{6})(?:-(\d+))?\.db$`)

// BackupDir is the folder backups go into: the one in the company settings,
// else "backups" next to the database file.
func BackupDir(c Company, dbPath string) string {
	if c.BackupDir != "" {
		return c.BackupDir
	}
	return filepath.Join(filepath.Dir(dbPath), "backups")
}

// BackupResult is what a backup did.
type BackupResult struct {
	Path    string   // the new copy
	Removed []string // older copies removed to keep the number set
	// Violations are ledger rules the copy (and so the database) breaks:
	// the copy is kept, and no older copy is removed, since those may be
	// the last good ones.
	Violations Violations
}

// Backup copies the database into dir ("" = the folder of the settings) and
// removes the oldest copies beyond the number the settings keep, once the new
// copy has passed integrity_check and Check.
func (s *Store) Backup(ctx context.Context, dir string) (BackupResult, error) {
	keep := DefaultBackupKeep
	c, err := s.Company(ctx)
	switch e, _ := AsError(err); {
	case err == nil:
		keep = c.BackupKeep
	case e != nil && e.Code == CodeNotFound:
	default:
		return BackupResult{}, err
	}
	if dir == "" {
		dir = BackupDir(c, s.path)
	}
	return s.backup(ctx, dir, keep, s.Now())
}

// BackupIfDue makes the day's automatic backup: on the first start of a day
// (local time), when the backup folder holds no copy made that day yet. A
// ledger without company settings (nothing entered yet) is not backed up.
// made is false when no backup was due.
func BackupIfDue(ctx context.Context, st *Store, now time.Time) (res BackupResult, made bool, err error) {
	c, err := st.Company(ctx)
	if e, ok := AsError(err); ok && e.Code == CodeNotFound {
		return res, false, nil
	} else if err != nil {
		return res, false, err
	}
	dir := BackupDir(c, st.path)
	// Every start clears what interrupted backups and restores left.
	removeStaleBackupFiles(dir)
	removeStaleRestoreFiles(st.path)
	copies, err := listBackups(dir)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return res, false, err
	}
	today := now.Local().Format("20060102")
	for _, b := range copies {
		if b.day == today {
			return res, false, nil
		}
	}
	res, err = st.backup(ctx, dir, c.BackupKeep, now)
	return res, err == nil, err
}

// backup is Backup into dir, keeping keep copies, named by now.
//
// The copy is written and checked under a temporary name only
// (.daicho-….partial, locked while it is written) and takes a backup's name
// only once integrity_check and the ledger rules have passed on it, so a
// crash at any moment leaves either nothing under a backup's name or a
// complete, checked copy; what a crash leaves under a temporary name is
// removed by the next backup or start (removeStaleBackupFiles).
func (s *Store) backup(ctx context.Context, dir string, keep int, now time.Time) (BackupResult, error) {
	res, err := s.backupInto(ctx, dir, keep, now)
	if f := placeFault(filepath.Join(dir, "daicho.db"), err); f != nil {
		return res, recount(f) // the backup disk is full (read-only, …): told as such
	}
	return res, err
}

func (s *Store) backupInto(ctx context.Context, dir string, keep int, now time.Time) (BackupResult, error) {
	if err := s.needManager("backup"); err != nil {
		return BackupResult{}, err
	}
	if err := s.Checked(); err != nil {
		return BackupResult{}, err // never copy a file known to be damaged over good copies' places
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return BackupResult{}, err
	}
	if err := makePrivateDir(dir); err != nil {
		return BackupResult{}, &Error{Code: CodeInvalid, Field: "backup_dir", Reason: "backup.dir", Args: []any{dir, err.Error()}}
	}
	removeStaleBackupFiles(dir)
	partial, unlock, err := createLockedTemp(dir, ".daicho-"+now.Local().Format("20060102-150405")+"-*"+partialSuffix)
	if err != nil {
		return BackupResult{}, &Error{Code: CodeInvalid, Field: "backup_dir", Reason: "backup.dir", Args: []any{dir, err.Error()}}
	}
	defer func() {
		os.Remove(partial) // linked to its name by then, or not worth keeping
		os.Remove(partial + "-journal")
		unlock()
	}()
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, partial); err != nil {
		return BackupResult{}, translate(err)
	}
	violations, err := VerifyDatabase(ctx, partial)
	if err != nil {
		return BackupResult{}, err
	}
	if err := syncFile(partial); err != nil {
		return BackupResult{}, err
	}
	final, err := publishBackup(dir, partial, now)
	if err != nil {
		return BackupResult{}, err
	}
	syncDir(dir)
	res := BackupResult{Path: final, Violations: violations}
	if len(violations) == 0 {
		res.Removed, err = rotateBackups(dir, keep)
	}
	return res, err
}

// makePrivateDir creates dir 0700 (whatever the umask) if it is missing;
// a folder the user made is left as it is.
func makePrivateDir(dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return os.Chmod(dir, 0o700)
}

// createPrivate creates an empty file 0600 (whatever the umask), failing if
// it exists.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// publishBackup gives the checked copy at partial the first free backup
// name for now: two backups in one second (two sessions starting at once)
// never share one, and an existing copy is never replaced. A hard link
// takes the name atomically or fails; where the file system has none (a
// FAT memory stick) the copy is renamed onto a name found free.
func publishBackup(dir, partial string, now time.Time) (string, error) {
	base := "daicho-" + now.Local().Format("20060102-150405")
	for n := 1; n < 1000; n++ {
		name := base + ".db"
		if n > 1 {
			name = base + "-" + strconv.Itoa(n) + ".db"
		}
		path := filepath.Join(dir, name)
		err := os.Link(partial, path)
		if err == nil {
			return path, nil
		}
		if errors.Is(err, os.ErrExist) {
			continue
		}
		if _, statErr := os.Lstat(path); !errors.Is(statErr, os.ErrNotExist) {
			continue
		}
		if err := os.Rename(partial, path); err != nil {
			return "", err
		}
		return path, nil
	}
	return "", fmt.Errorf("no free name for %s in %s", base, dir)
}

// backupFile is one copy found in a backup folder.
type backupFile struct {
	path string
	day  string // YYYYMMDD
	key  string // the time, then the same-second counter, for sorting
}

// listBackups lists the copies in dir, oldest first: files named like a
// backup that begin like an SQLite file (an empty one — what an older
// daicho reserved a name with — or a stray file is not offered).
func listBackups(dir string) ([]backupFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []backupFile
	for _, e := range entries {
		m := backupName().FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		if !looksLikeSQLite(filepath.Join(dir, e.Name())) {
			continue // a reservation of a copy never finished, or not a copy
		}
		n, _ := strconv.Atoi(m[3])
		out = append(out, backupFile{path: filepath.Join(dir, e.Name()), day: m[1],
			key: fmt.Sprintf("%s-%s-%06d", m[1], m[2], max(n, 1))})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out, nil
}

// ListBackups returns the paths of the copies in dir, oldest first.
func ListBackups(dir string) ([]string, error) {
	bs, err := listBackups(dir)
	paths := make([]string, len(bs))
	for i, b := range bs {
		paths[i] = b.path
	}
	return paths, err
}

// rotateBackups removes the oldest copies beyond keep.
func rotateBackups(dir string, keep int) ([]string, error) {
	if keep < 1 {
		keep = DefaultBackupKeep
	}
	bs, err := listBackups(dir)
	if err != nil {
		return nil, err
	}
	var removed []string
	for i := 0; i < len(bs)-keep; i++ {
		if err := os.Remove(bs[i].path); err != nil {
			return removed, err
		}
		removed = append(removed, bs[i].path)
	}
	return removed, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename in dir durable (best effort: not every file system
// can sync a folder).
func syncDir(dir string) {
	if f, err := os.Open(dir); err == nil {
		f.Sync()
		f.Close()
	}
}
