//go:build unix

package store

import "golang.org/x/sys/unix"

// freeSpace is what an ordinary user may still write in dir's file system.
func freeSpace(dir string) (int64, bool) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, false
	}
	return int64(st.Bavail) * int64(st.Bsize), true
}

// folderReadOnly reports whether dir cannot be written to because its file
// system is mounted read-only (or, for another user than root, its
// permissions say so).
func folderReadOnly(dir string) bool {
	err := unix.Access(dir, unix.W_OK)
	return err == unix.EROFS || err == unix.EACCES
}

// fileSizeLimit is the process's file-size limit (ulimit -f), when it has one.
func fileSizeLimit() (int64, bool) {
	var rl unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_FSIZE, &rl); err != nil || rl.Cur == unix.RLIM_INFINITY {
		return 0, false
	}
	return int64(rl.Cur), true
}
