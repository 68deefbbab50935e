package store

import (
	"bytes"
	"context"
	"io"
	"os"
	"strconv"
)

// The open-time check without a second connection. Open used to check every
// existing file on a read-only connection of its own before opening the
// store's, so that nothing is written to a damaged file or one of a newer
// schema. Each connection parses the whole schema (170 tables, indexes and
// triggers: several milliseconds), and a command that reads one invoice paid
// for it twice. Opening a file already in WAL mode writes nothing (the
// journal_mode pragma has nothing to change; migrate checks the schema
// version before it writes), so such a file is checked on the store's own
// connection. A file in another journal mode (a fresh copy of a backup, say)
// is still checked first on a read-only one, since switching it to WAL is a
// write.

// inWALMode reports whether the file at path is an SQLite database in WAL
// mode: its header says so (the read and write versions at offsets 18 and
// 19 are both 2).
func inWALMode(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 20)
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head[:len(sqliteMagic)], sqliteMagic) && head[18] == 2 && head[19] == 2
}

// quickCheckHere runs quick_check on one of the store's connections,
// reading the file through a memory map for the check only (see
// checkMmapSize), and returns the verdict as precheck does (ctx's error
// when it was stopped: no verdict).
func (s *Store) quickCheckHere(ctx context.Context) error {
	err := s.quickCheckOnConn(ctx)
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	return err
}

func (s *Store) quickCheckOnConn(ctx context.Context) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return faultOr(s.path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "PRAGMA mmap_size = "+strconv.Itoa(checkMmapSize)); err != nil {
		return faultOr(s.path, err)
	}
	var result string
	err = conn.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&result)
	// Unmapped even when the check was stopped: the connection goes back
	// to the pool.
	if _, unmapErr := conn.ExecContext(context.Background(), "PRAGMA mmap_size = 0"); err == nil && unmapErr != nil {
		err = unmapErr
	}
	if err != nil {
		return faultOr(s.path, err)
	}
	if result != "ok" {
		return damaged(s.path, result)
	}
	return nil
}
