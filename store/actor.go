package store

// As returns a Store over the same database whose changes are written to the
// audit log under actor: daicho serve gives every SSH session one, so each
// person's changes carry their own name.
//
// The copy shares the original's connection pool and its open-time integrity
// check (a write through either waits for the same verdict); its clock starts
// as the original's Now. Only the original is closed: Close on a copy does
// nothing, and the copy must not be used after the original is closed.
func (s *Store) As(actor string) *Store {
	root := s
	if s.root != nil {
		root = s.root
	}
	return &Store{db: s.db, path: s.path, Actor: actor, Now: s.Now, root: root, feed: s.feed}
}
