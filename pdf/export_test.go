package pdf_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"daicho/pdf"
	"daicho/store"
	"daicho/store/demo"
	"daicho/store/storetest"
)

// exLedger is a real database with the demo company and one customer whose
// name needs cleaning before it can be a file name.
type exLedger struct {
	t    *testing.T
	ctx  context.Context
	st   *store.Store
	cust store.Customer
}

func newExLedger(t *testing.T) *exLedger {
	t.Helper()
	st := storetest.Open(t)
	l := &exLedger{t: t, ctx: t.Context(), st: st}
	storetest.SaveCompany(t, st, demo.Company())
	cust := storetest.Customer("C0001", "株式会社テスト")
	cust.Kana = "テスト"
	l.cust = storetest.AddCustomers(t, st, cust)[0]
	return l
}

// draft saves a one-line draft of kind dated date.
func (l *exLedger) draft(kind, date string) store.Document {
	l.t.Helper()
	d := store.Document{Kind: kind, CustomerID: l.cust.ID, Subject: "保守作業", IssueDate: storetest.Date(date),
		Lines: []store.Line{storetest.Line("作業費", "1", 50000, store.TaxStandard)}}
	if err := l.st.SaveDraft(l.ctx, &d); err != nil {
		l.t.Fatalf("SaveDraft: %v", err)
	}
	got, err := l.st.Document(l.ctx, d.ID)
	if err != nil {
		l.t.Fatal(err)
	}
	return got
}

func (l *exLedger) issued(kind, date string) store.Document {
	l.t.Helper()
	d := l.draft(kind, date)
	got, err := l.st.Issue(l.ctx, d.ID, d.Version)
	if err != nil {
		l.t.Fatalf("Issue: %v", err)
	}
	return got
}

func TestCleanName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"I-2026-0007_株式会社テスト", "I-2026-0007_株式会社テスト"},
		{"../x", "_x"},
		{"../../etc/passwd", "_.._etc_passwd"},
		{"a/b", "a_b"},
		{`a\b`, "a_b"},
		{"a\nb\tc\x00d\x7f", "a_b_c_d_"},
		{"x\u202efdp.exe", "x_fdp.exe"}, // a right-to-left override would show "exe.pdf"
		{`<>:"|?*`, "_______"},
		{"...", "_"},
		{". . .", "_"},
		{"", "_"},
		{".hidden", "hidden"},
		{"  spaced  ", "spaced"},
		{"name. . ", "name"},
		{"CON", "_CON"},
		{"nul.txt", "_nul.txt"},
		{"COM1", "_COM1"},
		{"COMPANY", "COMPANY"},
		{"株式会社\u3000テスト", "株式会社\u3000テスト"}, // an ideographic space inside stays
		{"bad\xffutf8", "bad_utf8"},
	}
	for _, tt := range tests {
		if got := pdf.CleanName(tt.in); got != tt.want {
			t.Errorf("CleanName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Long names are cut to 120 characters, and to 200 bytes, so a name of
// kanji (3 bytes each) stays under the 255-byte limit of file systems.
func TestCleanNameLength(t *testing.T) {
	for _, tt := range []struct {
		in        string
		wantRunes int
	}{
		{strings.Repeat("a", 500), 120},
		{strings.Repeat("株", 500), 66},
		{strings.Repeat("a", 119) + "株株", 120},
		{strings.Repeat("a", 50) + strings.Repeat("株", 60), 100}, // exactly 200 bytes
		{strings.Repeat("a", 49) + strings.Repeat("株", 60), 99},  // a 51st kanji would make 202
	} {
		got := pdf.CleanName(tt.in)
		if utf8.RuneCountInString(got) != tt.wantRunes || len(got) > 200 || !utf8.ValidString(got) {
			t.Errorf("%d runes, %d bytes (valid %v); want %d runes", utf8.RuneCountInString(got), len(got),
				utf8.ValidString(got), tt.wantRunes)
		}
		if !strings.HasPrefix(tt.in, got) {
			t.Errorf("not a prefix of the input: %q", got)
		}
	}
}

func TestFileName(t *testing.T) {
	l := newExLedger(t)
	inv := l.issued(store.KindInvoice, "2026-11-20")
	if got, want := pdf.FileName(inv), inv.Number+"_株式会社テスト.pdf"; got != want {
		t.Errorf("issued: %q, want %q", got, want)
	}
	draft := l.draft(store.KindEstimate, "2026-11-21")
	if got, want := pdf.FileName(draft), "draft-"+itoa(draft.ID)+"_株式会社テスト.pdf"; got != want {
		t.Errorf("draft: %q, want %q", got, want)
	}

	// A later rename of the customer changes the drafts' names but not the
	// issued document's, which prints (and is named after) its snapshot.
	l.cust.Name = "テスト/ホールディングス"
	if err := l.st.UpdateCustomer(l.ctx, &l.cust); err != nil {
		t.Fatal(err)
	}
	inv, _ = l.st.Document(l.ctx, inv.ID)
	draft, _ = l.st.Document(l.ctx, draft.ID)
	if got := pdf.FileName(inv); got != inv.Number+"_株式会社テスト.pdf" {
		t.Errorf("issued after the rename: %q", got)
	}
	if got := pdf.FileName(draft); got != "draft-"+itoa(draft.ID)+"_テスト_ホールディングス.pdf" {
		t.Errorf("draft after the rename: %q", got)
	}

	from, to := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC)
	if got := pdf.StatementFileName("C0001", from, to); got != "statement_C0001_2026-10-01_2026-10-31.pdf" {
		t.Errorf("statement: %q", got)
	}
	if got := pdf.ReminderFileName("C0001", to); got != "reminder_C0001_2026-10-31.pdf" {
		t.Errorf("reminder: %q", got)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestExportsDir(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	db := filepath.Join(t.TempDir(), "data", "daicho.db")

	set := store.Company{ExportsDir: "/srv/pdf"}
	if got := pdf.ExportsDir(set, db); got != "/srv/pdf" {
		t.Errorf("from settings: %q", got)
	}
	if got := pdf.ExportsDir(store.Company{}, db); got != filepath.Dir(db) {
		t.Errorf("no Documents folder: %q, want the database's folder", got)
	}
	if err := os.Mkdir(filepath.Join(home, "Documents"), 0o700); err != nil {
		t.Fatal(err)
	}
	if got, want := pdf.ExportsDir(store.Company{}, db), filepath.Join(home, "Documents", "daicho"); got != want {
		t.Errorf("with Documents: %q, want %q", got, want)
	}
}

// writeString is a render function that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// entries lists a folder's names.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteMakesFolderAndPrivateFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "exports", "pdf")
	path, err := pdf.Exporter{Dir: dir}.Write("a.pdf", writeString("%PDF-1.4 a"))
	if err != nil || path != filepath.Join(dir, "a.pdf") {
		t.Fatalf("Write: %q, %v", path, err)
	}
	if data, _ := os.ReadFile(path); string(data) != "%PDF-1.4 a" {
		t.Errorf("content %q", data)
	}
	fi, _ := os.Stat(path)
	di, _ := os.Stat(dir)
	if fi.Mode().Perm() != 0o600 || di.Mode().Perm() != 0o700 {
		t.Errorf("file %v, folder %v; want 0600 and 0700", fi.Mode().Perm(), di.Mode().Perm())
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"a.pdf"}) {
		t.Errorf("folder holds %v", got)
	}
}

// A name that would reach outside the folder is refused before anything is
// written, even though FileName never makes one.
func TestWriteRefusesNamesOutside(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "exports")
	for _, name := range []string{"../x.pdf", "a/b.pdf", `a\b.pdf`, "sub/../../x.pdf", filepath.Join(parent, "abs.pdf"),
		"..", ".", "", "x\x00.pdf"} {
		path, err := pdf.Exporter{Dir: dir, Force: true}.Write(name, writeString("%PDF"))
		if err == nil || !strings.Contains(err.Error(), "plain file name") {
			t.Errorf("Write(%q) = %q, %v; want refused", name, path, err)
		}
	}
	if got := entries(t, parent); len(got) != 0 {
		t.Errorf("refused names still wrote %v", got)
	}
}

// A symbolic link in the folder that points outside is never written
// through: without Force it is a file in the way; with Force it is replaced
// by the new file, and what it pointed to is untouched. A folder link is
// unreachable, as names hold no separator.
func TestWriteSymlinkOut(t *testing.T) {
	outside := t.TempDir()
	victim := filepath.Join(outside, "victim.pdf")
	if err := os.WriteFile(victim, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(victim, filepath.Join(dir, "x.pdf")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}

	_, err := pdf.Exporter{Dir: dir}.Write("x.pdf", writeString("%PDF new"))
	if !errors.Is(err, pdf.ErrExists) {
		t.Errorf("over a link without Force: %v, want ErrExists", err)
	}
	if _, err := (pdf.Exporter{Dir: dir, Force: true}).Write("out/victim.pdf", writeString("%PDF new")); err == nil {
		t.Error("a name through a folder link was accepted")
	}
	path, err := pdf.Exporter{Dir: dir, Force: true}.Write("x.pdf", writeString("%PDF new"))
	if err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(victim); string(data) != "keep me" {
		t.Errorf("the file outside became %q", data)
	}
	fi, err := os.Lstat(path)
	if err != nil || fi.Mode()&os.ModeSymlink != 0 || !fi.Mode().IsRegular() {
		t.Errorf("%s is %v (%v), want a regular file in the folder", path, fi.Mode(), err)
	}
	if got := entries(t, outside); !slices.Equal(got, []string{"victim.pdf"}) {
		t.Errorf("outside holds %v", got)
	}
}

func TestWriteNoOverwriteWithoutForce(t *testing.T) {
	dir := t.TempDir()
	ex := pdf.Exporter{Dir: dir}
	if _, err := ex.Write("a.pdf", writeString("first")); err != nil {
		t.Fatal(err)
	}
	rendered := false
	path, err := ex.Write("a.pdf", func(w io.Writer) error { rendered = true; return writeString("second")(w) })
	var exists *pdf.ExistsError
	if !errors.Is(err, pdf.ErrExists) || !errors.As(err, &exists) || exists.Path != filepath.Join(dir, "a.pdf") ||
		path != exists.Path {
		t.Fatalf("second Write: %q, %v; want ErrExists naming the file", path, err)
	}
	if rendered {
		t.Error("rendered although the file was in the way")
	}
	if data, _ := os.ReadFile(path); string(data) != "first" {
		t.Errorf("overwritten without Force: %q", data)
	}
	ex.Force = true
	if _, err := ex.Write("a.pdf", writeString("second")); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); string(data) != "second" {
		t.Errorf("with Force: %q", data)
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"a.pdf"}) {
		t.Errorf("folder holds %v", got)
	}
}

// A render that fails midway leaves nothing: no half-written PDF under the
// name, no temporary file, and an older file of that name as it was.
func TestWriteFailedRenderLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	boom := errors.New("glyph missing")
	half := func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("%PDF-1.4 "), 50_000)); err != nil { // past the write buffer
			return err
		}
		return boom
	}
	for _, force := range []bool{false, true} {
		_, err := pdf.Exporter{Dir: dir, Force: force}.Write("a.pdf", half)
		if !errors.Is(err, boom) {
			t.Errorf("force=%v: %v, want the render's error", force, err)
		}
		if got := entries(t, dir); len(got) != 0 {
			t.Errorf("force=%v: left %v", force, got)
		}
	}
	if _, err := (pdf.Exporter{Dir: dir}).Write("a.pdf", writeString("old")); err != nil {
		t.Fatal(err)
	}
	if _, err := (pdf.Exporter{Dir: dir, Force: true}).Write("a.pdf", half); !errors.Is(err, boom) {
		t.Errorf("over an old file: %v", err)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "a.pdf")); string(data) != "old" {
		t.Errorf("the old file became %d bytes", len(data))
	}
	if got := entries(t, dir); !slices.Equal(got, []string{"a.pdf"}) {
		t.Errorf("folder holds %v", got)
	}
}

// isWholePDF reports whether data is a complete PDF file.
func isWholePDF(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-")) && bytes.Contains(data[max(0, len(data)-32):], []byte("%%EOF"))
}

// exBatch makes n issued invoices and one draft, and returns their ids in
// the order given to ExportBatch (the draft in the middle).
func exBatch(l *exLedger, n int) []int64 {
	var ids []int64
	for i := range n {
		ids = append(ids, l.issued(store.KindInvoice, "2026-11-20").ID)
		if i == n/2 {
			ids = append(ids, l.draft(store.KindInvoice, "2026-11-21").ID)
		}
	}
	return ids
}

func TestExportBatch(t *testing.T) {
	l := newExLedger(t)
	ids := exBatch(l, 6)
	dir := filepath.Join(t.TempDir(), "out")
	var reports []int
	paths, err := pdf.ExportBatch(l.ctx, l.st, ids, pdf.Exporter{Dir: dir}, 2, func(done, total int) {
		if total != len(ids) {
			t.Errorf("total %d, want %d", total, len(ids))
		}
		reports = append(reports, done)
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3, 4, 5, 6, 7}; !slices.Equal(reports, want) {
		t.Errorf("progress %v, want %v", reports, want)
	}
	if len(paths) != len(ids) {
		t.Fatalf("%d paths for %d documents", len(paths), len(ids))
	}
	for i, id := range ids {
		d, err := l.st.Document(l.ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join(dir, pdf.FileName(d)); paths[i] != want {
			t.Errorf("paths[%d] = %q, want %q (input order)", i, paths[i], want)
		}
		if data, err := os.ReadFile(paths[i]); err != nil || !isWholePDF(data) {
			t.Errorf("%s: not a whole PDF (%v)", paths[i], err)
		}
	}
	if n := len(entries(t, dir)); n != len(ids) {
		t.Errorf("%d files in the folder, want %d", n, len(ids))
	}

	// Again without Force: the first file in the way stops the batch.
	paths, err = pdf.ExportBatch(l.ctx, l.st, ids, pdf.Exporter{Dir: dir}, 2, nil)
	if !errors.Is(err, pdf.ErrExists) || len(paths) != 0 {
		t.Errorf("again: %d written, %v; want none and ErrExists", len(paths), err)
	}
}

// One failing document stops the batch: no new document is started, those
// already written are whole, and the error names the document.
func TestExportBatchStopsAtFailure(t *testing.T) {
	l := newExLedger(t)
	ids := exBatch(l, 20)
	dir := t.TempDir()
	blocked, err := l.st.Document(l.ctx, ids[2])
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, pdf.FileName(blocked)), []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	paths, err := pdf.ExportBatch(l.ctx, l.st, ids, pdf.Exporter{Dir: dir}, 2, nil)
	var exists *pdf.ExistsError
	if !errors.As(err, &exists) || filepath.Base(exists.Path) != pdf.FileName(blocked) {
		t.Fatalf("err %v; want ErrExists for %s", err, pdf.FileName(blocked))
	}
	if len(paths) >= len(ids)-5 {
		t.Errorf("%d of %d written: the batch went on after the failure", len(paths), len(ids))
	}
	checkWhole(t, dir, paths, 1)

	// A document that is not there: its error says so, as a store error.
	_, err = pdf.ExportBatch(l.ctx, l.st, []int64{ids[0], 99999}, pdf.Exporter{Dir: t.TempDir()}, 2, nil)
	if e, ok := store.AsError(err); !ok || e.Code != store.CodeNotFound {
		t.Errorf("missing document: %v", err)
	}
}

// checkWhole checks that the folder holds exactly paths (plus extra other
// files), each a whole PDF, and no temporary file.
func checkWhole(t *testing.T, dir string, paths []string, extra int) {
	t.Helper()
	for _, p := range paths {
		if data, err := os.ReadFile(p); err != nil || !isWholePDF(data) {
			t.Errorf("%s: not a whole PDF (%v)", p, err)
		}
	}
	names := entries(t, dir)
	for _, n := range names {
		if strings.HasSuffix(n, ".tmp") {
			t.Errorf("temporary file left: %s", n)
		}
	}
	if len(names) != len(paths)+extra {
		t.Errorf("folder holds %d files, want %d", len(names), len(paths)+extra)
	}
}

// Cancelling stops the batch: it returns context.Canceled with the files
// written so far, each whole.
func TestExportBatchCancel(t *testing.T) {
	l := newExLedger(t)
	ids := exBatch(l, 30)
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(l.ctx)
	defer cancel()
	var last int
	paths, err := pdf.ExportBatch(ctx, l.st, ids, pdf.Exporter{Dir: dir}, 2, func(done, total int) {
		last = done
		if done == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if len(paths) < 3 || len(paths) > 6 || last != len(paths) {
		t.Errorf("%d written (progress said %d) after cancelling at 3 of %d", len(paths), last, len(ids))
	}
	checkWhole(t, dir, paths, 0)

	// Cancelled before it starts: nothing at all.
	paths, err = pdf.ExportBatch(ctx, l.st, ids, pdf.Exporter{Dir: t.TempDir()}, 2, nil)
	if !errors.Is(err, context.Canceled) || len(paths) != 0 {
		t.Errorf("cancelled beforehand: %d written, %v", len(paths), err)
	}
}

// BenchmarkExportBatch1000 writes 1,000 one-page invoices with both cores,
// the month a busy office sends (the issue's target: under 15 s). Each
// iteration writes into a fresh folder.
func BenchmarkExportBatch1000(b *testing.B) {
	st := storetest.Open(b)
	ctx := b.Context()
	storetest.SaveCompany(b, st, demo.Company())
	cu := storetest.Customer("C0001", "株式会社テスト")
	cu.Kana = "テスト"
	cu = storetest.AddCustomers(b, st, cu)[0]
	docs := make([]store.Document, 1000)
	for i := range docs {
		docs[i] = store.Document{Kind: store.KindInvoice, CustomerID: cu.ID, Subject: "11月分 保守",
			IssueDate: store.DateOf(2026, 11, 1+i%28), Lines: []store.Line{
				{Description: "保守サポート（月額）", Quantity: 1000, Unit: "月", UnitPrice: 30_000, TaxCategory: store.TaxStandard},
				{Description: "弁当（幕の内）", Quantity: 3000, Unit: "個", UnitPrice: 980, TaxCategory: store.TaxReduced}}}
	}
	issued, err := st.ImportDocuments(ctx, docs, true)
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, len(issued))
	for i, d := range issued {
		ids[i] = d.ID
	}
	for b.Loop() {
		paths, err := pdf.ExportBatch(ctx, st, ids, pdf.Exporter{Dir: b.TempDir()}, 2, nil)
		if err != nil || len(paths) != len(ids) {
			b.Fatalf("%d written: %v", len(paths), err)
		}
	}
}

// The temporary file of a journal (or any file that is no PDF) is not
// named .pdf.tmp (issue 15): it ends in its own extension.
func TestExporterTempNameFollowsTheFile(t *testing.T) {
	dir := t.TempDir()
	var seen []string
	_, err := pdf.Exporter{Dir: dir}.Write("journal-2026-11.csv", func(w io.Writer) error {
		es, err := os.ReadDir(dir)
		for _, e := range es {
			seen = append(seen, e.Name())
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || !strings.HasPrefix(seen[0], ".daicho-") || !strings.HasSuffix(seen[0], ".csv.tmp") {
		t.Errorf("temporary files %v, want one .daicho-….csv.tmp", seen)
	}
}
