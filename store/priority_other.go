//go:build !linux

package store

// LowerPriority does nothing where threads have no priority of their own
// that Go can set (see priority_linux.go).
func LowerPriority() {}
