package pdf_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"daicho/pdf"
	"daicho/store"
)

// TestWriteKeptKeepsWhatWasWritten: the archive's rows are written while
// the file is (WriteKept) and kept only when the file is in place: a file
// in the way (no Force) leaves the archive as it was, and what is kept is
// byte for byte the file written.
func TestWriteKeptKeepsWhatWasWritten(t *testing.T) {
	l := newExLedger(t)
	d := l.issued(store.KindInvoice, "2026-11-20")
	ex := pdf.Exporter{Dir: t.TempDir(), Channel: store.SentExport}
	kept := func() []store.SentFile {
		t.Helper()
		files, err := l.st.SentFiles(l.ctx, store.ArchiveFilter{DocumentID: d.ID})
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	path, err := ex.WriteDocument(l.ctx, l.st, d, "")
	if err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(path)
	if k := kept(); len(k) != 1 || k[0].FileName != filepath.Base(path) || k[0].Channel != store.SentExport {
		t.Fatalf("kept %+v, want the one file written", k)
	}
	if _, err := ex.WriteDocument(l.ctx, l.st, d, ""); !errors.Is(err, pdf.ErrExists) {
		t.Fatalf("a file in the way: %v, want ErrExists", err)
	}
	if k := kept(); len(k) != 1 {
		t.Errorf("%d kept after a file in the way, want 1", len(k))
	}
	ex.Force = true
	if _, err := ex.WriteDocument(l.ctx, l.st, d, ""); err != nil {
		t.Fatal(err)
	}
	k := kept()
	if len(k) != 2 {
		t.Fatalf("%d kept after --force, want 2", len(k))
	}
	for _, f := range k {
		b, err := l.st.SentPDF(l.ctx, f.ID)
		if err != nil || !bytes.Equal(b, first) {
			t.Errorf("kept %d: %d bytes (%v), want the %d written", f.ID, len(b), err, len(first))
		}
	}
}
