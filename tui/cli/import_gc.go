package cli

import "runtime/debug"

// A streamed import of a large file (`import documents` of 100,000
// documents) keeps only a few MB of Go memory live but allocates several GB
// in passing: with the default GOGC of 100 the collector ran some 1,300
// times. For the import only, the collector waits until the heap is many
// times what is live, and never lets it grow past importHeapLimit, so the
// process's peak memory (the SQLite page cache of the bulk transaction
// included) stays well under the 150 MB the import is held to.
const (
	importGCPercent = 2000
	importHeapLimit = 24 << 20 // bytes: the soft limit of the Go runtime's memory
)

// lazyImportGC sets the collector for a large import; restore puts back what
// was set before (the tests run many commands in one process).
func lazyImportGC() (restore func()) {
	limit := debug.SetMemoryLimit(-1)
	percent := debug.SetGCPercent(importGCPercent)
	debug.SetMemoryLimit(min(limit, importHeapLimit))
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// importCustomersHeap bounds the Go heap of `import customers`, which keeps
// the file's text and the customers read from it (about twice the file)
// live to the end and allocates statement arguments and audit rows in
// passing: with the default GOGC of 100 a file of 100,000 customers (46 MB)
// grew the process to 280 MB. Every fresh page costs a page fault (on a
// virtual machine about 10 µs), so a heap held near three times the file,
// collected on the core SQLite leaves idle, was 0.2 s quicker (190 MB).
func importCustomersHeap(fileSize int) (restore func()) {
	limit := debug.SetMemoryLimit(-1)
	debug.SetMemoryLimit(min(limit, 3*int64(fileSize)+importHeapLimit))
	return func() { debug.SetMemoryLimit(limit) }
}
