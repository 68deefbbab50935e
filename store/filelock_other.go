//go:build !unix

package store

import (
	"os"
	"time"
)

// Without flock, a temporary file counts as being written while it is
// younger than staleAge.
func lockFile(*os.File) error { return nil }

// staleAge is how old a temporary file must be to count as abandoned.
const staleAge = 24 * time.Hour

func lockHeld(path string) (bool, error) {
	info, err := os.Stat(path)
	if err != nil {
		return false, err
	}
	return time.Since(info.ModTime()) < staleAge, nil
}
