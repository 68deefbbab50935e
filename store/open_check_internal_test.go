package store

import (
	"path/filepath"
	"testing"
)

// TestCheckConnectionMapsTheFile: the open-time check reads the file through
// a memory map (an unknown or refused _pragma is silently ignored, so the
// setting is read back), and stays read-only.
func TestCheckConnectionMapsTheFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := openForCheck(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var size int64
	if err := db.QueryRow("PRAGMA mmap_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if size != checkMmapSize {
		t.Errorf("mmap_size = %d, want %d", size, checkMmapSize)
	}
	if _, err := db.Exec("CREATE TABLE x (a)"); err == nil {
		t.Error("the check connection could write")
	}
}

// TestOpenChecksWALFileOnItsOwnConnection: a ledger in WAL mode is checked
// on the store's connection, which maps the file for the check only.
func TestOpenChecksWALFileOnItsOwnConnection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !inWALMode(path) {
		t.Fatal("a new ledger is not in WAL mode")
	}
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var size int64
	if err := s.db.QueryRow("PRAGMA mmap_size").Scan(&size); err != nil {
		t.Fatal(err)
	}
	if size != 0 {
		t.Errorf("mmap_size = %d after the check, want 0", size)
	}
}
