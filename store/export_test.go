package store

// SetSyncCheckLimit lets tests treat small files as large ones, whose
// integrity check runs in the background.
func SetSyncCheckLimit(n int64) (restore func()) {
	old := syncCheckLimit
	syncCheckLimit = n
	return func() { syncCheckLimit = old }
}
