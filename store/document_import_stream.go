package store

import (
	"context"
	"fmt"
	"iter"
)

// A streaming import (`daicho import documents` of a file of 100,000
// documents): the documents come one at a time, each is checked and written
// in the one write transaction, and nothing of a document is kept once it
// is written but its id and what later documents are checked against (the
// estimate lines and delivery notes it takes, in sourcesBatch). A problem
// anywhere still stores nothing: from the first problem on, documents are
// only checked (so every problem of the file is reported), and the
// transaction rolls back.
//
// Checking a document after the earlier ones are written gives the same
// problems as checking them all first: what the database says about the
// sources a document takes is read without the batch's own documents
// (sourcesBatch.taken counts only documents not written yet, and the batch's
// delivery notes are looked up in the batch first), and the sources and
// customers are each loaded once, the first time a document names them.

// DocumentImport is one streaming import in progress: the feed of
// ImportDocumentStream adds the documents to it.
type DocumentImport struct {
	im       *importer
	problems BatchError
	ids      []int64
}

func newDocumentImport(tx *Tx, issue bool) (*DocumentImport, error) {
	im, err := newImporter(tx, issue)
	if err != nil {
		return nil, err
	}
	return &DocumentImport{im: im}, nil
}

// Add checks d, the document at pos (1-based, the position its problems are
// reported at), and stores it (issued, when the import issues) unless this
// or an earlier document has a problem. d must be a new document (see
// ImportDocuments) that the caller no longer uses. The error is a failure
// of the database, which ends the import; the document's problems are kept
// for the end of the import.
func (di *DocumentImport) Add(d Document, pos int) error {
	it := importItem{doc: d}
	errs, err := di.im.check(&it, pos)
	if err != nil {
		return fmt.Errorf("document %d: %w", pos, err)
	}
	for _, e := range errs {
		di.problems = append(di.problems, RowError{Line: pos, Err: e})
	}
	if len(di.problems) > 0 {
		return nil // checked only: nothing more is written
	}
	if err := di.im.write(&it); err != nil {
		return fmt.Errorf("document %d: %w", pos, err)
	}
	di.im.written()
	di.ids = append(di.ids, it.doc.ID)
	return nil
}

// Refused tells whether a document added so far has a problem: nothing
// more will be stored, and the import will roll back.
func (di *DocumentImport) Refused() bool { return len(di.problems) > 0 }

// finish is the end of the import: the problems of its documents, if any.
func (di *DocumentImport) finish() error {
	if len(di.problems) > 0 {
		return di.problems
	}
	return nil
}

// ImportDocumentStream is ImportDocuments for documents that come one at a
// time: feed adds them, in one write transaction. An error from feed (the
// caller's problems with its input, say) rolls everything back and is
// returned as it is; the documents' problems are then left out, as they
// would not have been checked had the input been read first. Without
// either, stored is given the stored documents, reloaded one at a time in
// the order they were added (nothing more is held in memory), and the
// import commits if it returns nil. stored runs inside the transaction: it
// must keep what it makes (the JSON of the documents, say) until the
// import returns nil, and throw it away otherwise.
func (s *Store) ImportDocumentStream(ctx context.Context, issue bool, feed func(*DocumentImport) error,
	stored func(iter.Seq2[Document, error]) error) error {
	return s.bulkWrite(ctx, func(tx *Tx) error {
		di, err := newDocumentImport(tx, issue)
		if err != nil {
			return err
		}
		defer di.im.close()
		if err := feed(di); err != nil {
			return err
		}
		if err := di.finish(); err != nil {
			return err
		}
		return stored(func(yield func(Document, error) bool) {
			for _, id := range di.ids {
				d, err := loadDocument(ctx, di.im, id)
				if !yield(d, err) || err != nil {
					return
				}
			}
		})
	})
}
