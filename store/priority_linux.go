package store

import (
	"runtime"
	"syscall"
)

// backgroundNice is the niceness of the threads doing background work (the
// open-time check, the daily backup): on a machine with two cores, a copy or
// a check of a large ledger would otherwise take a core the screen needs.
const backgroundNice = 10

// LowerPriority makes the calling goroutine's thread yield to the rest of the
// program: it locks the goroutine to its thread and lowers that thread's
// priority (Linux applies niceness per thread). Call it only first thing in a
// goroutine that ends when its work does: the goroutine never unlocks, so Go
// ends the thread with it and no other goroutine ever runs at the low
// priority. Failing to lower it is harmless and ignored.
func LowerPriority() {
	runtime.LockOSThread()
	_ = syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Gettid(), backgroundNice)
}
