package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Faults of the place a file lives rather than of the file: a full disk, a
// read-only folder, a missing folder, the session's file-size limit
// (ulimit -f). SQLite reports them all as an I/O error (it cannot create the
// -shm, or write a page), which, met while checking a file, would otherwise
// be told as a damaged file and a restore advised: here they are told as
// what they are, with the path and the free space, since freeing space is
// the cure and a restore would only make things worse.

// lowSpace is the free space under which a failed write is put down to a
// full disk: SQLite needs 32 KB for a -shm and a few pages for the -wal.
const lowSpace = 1 << 20

// Codes of the place's faults (CodeFull for a full disk and the file-size
// limit).
const (
	CodeReadOnly Code = "read_only" // the folder cannot be written to
	CodeNoFolder Code = "no_folder" // the folder does not exist
)

// placeFault returns the store error telling what about path's place made
// err, when err is an I/O failure the place explains; nil when it is not (a
// real read error, a damaged page: then err keeps its meaning).
func placeFault(path string, err error) *Error {
	if err == nil || !isIOFault(err) {
		return nil
	}
	if abs, e := filepath.Abs(path); e == nil {
		path = abs
	}
	dir := filepath.Dir(path)
	if info, e := os.Stat(dir); e != nil || !info.IsDir() {
		// The folder could not be made: say why, if the nearest folder
		// that exists is read-only.
		for up := filepath.Dir(dir); up != filepath.Dir(up); up = filepath.Dir(up) {
			if info, e := os.Stat(up); e == nil && info.IsDir() {
				if folderReadOnly(up) {
					return &Error{Code: CodeReadOnly, Reason: "db.read_only", Args: []any{up, path}}
				}
				break
			}
		}
		return &Error{Code: CodeNoFolder, Reason: "db.no_folder", Args: []any{dir, path}}
	}
	space, ok := freeSpace(dir)
	switch {
	case folderReadOnly(dir) || errors.Is(err, syscall.EROFS):
		return &Error{Code: CodeReadOnly, Reason: "db.read_only", Args: []any{dir, path}}
	case ok && space < lowSpace, errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT), sqliteCode(err) == sqlite3.SQLITE_FULL:
		return &Error{Code: CodeFull, Reason: "db.disk_full", Args: []any{path, SizeText(space)}}
	}
	if limit, limited := fileSizeLimit(); limited && (errors.Is(err, syscall.EFBIG) || sqliteCode(err) == sqlite3.SQLITE_IOERR) {
		return &Error{Code: CodeFull, Reason: "db.file_limit", Args: []any{path, SizeText(limit)}}
	}
	return nil
}

// recount updates the free space a disk-full error tells, once the files
// the failed attempt made (a -shm of 32 KB) have been removed again: the
// user is told what is free now, not what was free in mid-attempt.
func recount(err error) error {
	if e, ok := AsError(err); ok && e.Reason == "db.disk_full" && len(e.Args) == 2 {
		if path, ok := e.Args[0].(string); ok {
			if space, ok := freeSpace(filepath.Dir(path)); ok {
				e.Args[1] = SizeText(space)
			}
		}
	}
	return err
}

// isIOFault reports whether err is a failure to read, write or create a
// file (as opposed to a file whose content is wrong).
func isIOFault(err error) bool {
	switch sqliteCode(err) {
	case sqlite3.SQLITE_IOERR, sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_READONLY:
		return true
	}
	for _, errno := range []syscall.Errno{syscall.ENOSPC, syscall.EDQUOT, syscall.EROFS, syscall.EFBIG,
		syscall.ENOENT, syscall.ENOTDIR} {
		if errors.Is(err, errno) {
			return true
		}
	}
	return false
}

// sqliteCode is err's primary SQLite result code (0 when err is not SQLite's).
func sqliteCode(err error) int {
	var se *sqlite.Error
	if errors.As(err, &se) {
		return se.Code() & 0xff
	}
	return 0
}

// faultOr is the place's fault behind err, or else damaged: for errors met
// while checking a file read-only.
func faultOr(path string, err error) error {
	if f := placeFault(path, err); f != nil {
		return f
	}
	return damaged(path, err.Error())
}

// SizeText is a number of bytes as a person reads it: "12 KB", "3.4 MB".
func SizeText(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d bytes", n)
	}
	v, suffix := float64(n)/unit, "KB"
	for _, s := range []string{"MB", "GB", "TB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, s
	}
	if v < 10 {
		return fmt.Sprintf("%.1f %s", v, suffix)
	}
	return fmt.Sprintf("%.0f %s", v, suffix)
}
