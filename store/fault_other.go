//go:build !unix

package store

// Elsewhere the place is not examined: the error is told as it came.
func freeSpace(string) (int64, bool) { return 0, false }
func folderReadOnly(string) bool     { return false }
func fileSizeLimit() (int64, bool)   { return 0, false }
