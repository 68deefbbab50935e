//go:build unix

package engine

import (
	"os"
	"path/filepath"
	"syscall"
)

// lockLedger makes sure one process at a time replicates the ledger at path
// (two Litestreams on one file would each ship the WAL): an flock on a file
// in Litestream's folder beside the ledger, released when the process ends,
// however it ends.
func lockLedger(path string) (unlock func(), err error) {
	dir := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+"-litestream")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, "daicho-replicating.lock"), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if err == syscall.EWOULDBLOCK {
			return nil, ErrRunning
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}
