package exchange

import (
	"context"
	"io"

	"daicho/store"
)

// ImportDocuments reads a §8 JSON file from r and imports its documents
// into st (issuing them with issue), all or nothing: what `daicho import
// documents` does. The file is read as a stream, one document at a time,
// each resolved (Resolver) and handed to store.ImportDocumentStream, which
// checks and writes it in the one transaction, so a file of 100,000
// documents is never in memory. Problems of reading and of resolving come
// back together, as one store.BatchError by document and key, and then the
// store's checks are not reported (as when the file was read whole before
// anything was checked); without them, the store's problems come back. Any
// problem stores nothing. Any other error is the file's or the database's.
// stored is given each document as it is stored, in the file's order,
// before the import commits (see store.ImportDocumentStream). name is the
// file's name for messages.
func ImportDocuments(ctx context.Context, st *store.Store, r io.Reader, name string, issue bool,
	stored func(store.Document) error) error {
	text, err := openText(r, name)
	if err != nil {
		return err
	}
	res, err := NewResolver(ctx, st)
	if err != nil {
		return err
	}
	return st.ImportDocumentStream(ctx, issue, func(di *store.DocumentImport) error {
		n := 0
		problems, err := eachJSONRecord(text, "import.json_documents", func(record int, rec rawRecord) (store.BatchError, error) {
			n++
			return res.add(di, record, rec)
		})
		if err != nil {
			return err
		}
		if len(problems) > 0 {
			return MergeProblems(problems, nil) // by record, stably (a syntax error may follow the record's own)
		}
		if n == 0 {
			return store.Invalid("", "import.no_documents", name)
		}
		return nil
	}, stored)
}

// add reads and resolves the document at record and, while the file has no
// problem so far, adds it to the import. It returns the record's problems
// of reading and resolving; err is the database's.
func (r *Resolver) add(di *store.DocumentImport, record int, rec rawRecord) (store.BatchError, error) {
	j, readErrs := readDocument(rec)
	d, resolveErrs, err := r.document(j)
	if err != nil {
		return nil, err
	}
	problems := MergeProblems(rowErrors(record, readErrs), rowErrors(record, resolveErrs))
	if len(problems) > 0 || r.refused {
		r.refused = true
		return problems, nil
	}
	return nil, di.Add(d, record)
}
