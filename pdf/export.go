package pdf

import (
	"bufio"
	"cmp"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"daicho/store"
)

// Writing PDFs into the exports folder: where the folder is, what the files
// are called, and how a file gets there whole or not at all.

// ErrExists is what Exporter.Write returns (inside an *ExistsError) when the
// file is there already and Force is off, so a caller can ask and retry with
// Force.
var ErrExists = errors.New("the file exists already")

// ExistsError names the file that is in the way.
type ExistsError struct{ Path string }

func (e *ExistsError) Error() string        { return e.Path + ": " + ErrExists.Error() }
func (e *ExistsError) Is(target error) bool { return target == ErrExists }

// ExportsDir is the folder PDFs go into: the one set in the company settings;
// else Documents/daicho in the user's home when that home has a Documents
// folder (where people look for files they made); else the folder of the
// database file, which exists and is the user's.
func ExportsDir(company store.Company, dbPath string) string {
	if company.ExportsDir != "" {
		return company.ExportsDir
	}
	if home, err := os.UserHomeDir(); err == nil {
		docs := filepath.Join(home, "Documents")
		if fi, err := os.Stat(docs); err == nil && fi.IsDir() {
			return filepath.Join(docs, "daicho")
		}
	}
	return filepath.Dir(dbPath)
}

// Limits of a file name's stem (before ".pdf"). Names are cut at whichever
// comes first: 120 characters keeps them readable in a file manager, and 200
// bytes keeps them under the 255-byte limit of ext4, APFS and NTFS (in UTF-16
// units there) with room for ".pdf", since a kanji takes 3 bytes in UTF-8.
const (
	maxNameRunes = 120
	maxNameBytes = 200
)

// FileName is the name a document's PDF is saved under: its number and the
// customer's name (I-2026-0007_株式会社テスト.pdf), the name as printed on it
// (the snapshot of an issued document), or draft-<id>_<name>.pdf for a draft,
// which has no number yet. See CleanName for what is replaced.
func FileName(d store.Document) string {
	name := d.CustomerName
	if d.Customer != nil {
		name = d.Customer.Name
	}
	prefix := d.Number
	if d.Status == store.StatusDraft || prefix == "" {
		prefix = fmt.Sprintf("draft-%d", d.ID)
	}
	return CleanName(prefix+"_"+name) + ".pdf"
}

// StatementFileName is the file of a customer's statement of account for a
// period: statement_C0001_2026-10-01_2026-10-31.pdf.
func StatementFileName(code string, from, to time.Time) string {
	return CleanName("statement_"+code+"_"+store.FormatDate(from)+"_"+store.FormatDate(to)) + ".pdf"
}

// ReminderFileName is the file of a payment reminder to a customer as of a
// date: reminder_C0001_2026-12-15.pdf.
func ReminderFileName(code string, date time.Time) string {
	return CleanName("reminder_"+code+"_"+store.FormatDate(date)) + ".pdf"
}

// ContractFileName is the name a contract summary is saved under: its number
// and the customer's name (K-2026-0001_株式会社テスト.pdf), or
// contract-draft-<id>_<name>.pdf before it has a number. See CleanName.
func ContractFileName(c store.Contract) string {
	prefix := c.Number
	if prefix == "" {
		prefix = fmt.Sprintf("contract-draft-%d", c.ID)
	}
	return CleanName(prefix+"_"+c.CustomerName) + ".pdf"
}

// CleanName makes s safe as a file name's stem on Linux, macOS and Windows
// (an exports folder is often a shared or synced one). Replaced by "_": path
// separators (a name must never reach another folder), control and
// formatting characters (a newline breaks scripts; a right-to-left override
// can disguise the extension), and what Windows refuses (<>:"|?*). Leading
// dots and spaces go (a hidden file, or ".."), trailing ones too, and the
// result is cut to maxNameRunes characters and maxNameBytes bytes. Windows device names
// (CON, NUL, COM1…) get a leading "_". Never empty: "_" when nothing is left.
func CleanName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == utf8.RuneError, r == '/', r == '\\', strings.ContainsRune(`<>:"|?*`, r),
			unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	dotOrSpace := func(r rune) bool { return r == '.' || unicode.IsSpace(r) }
	out := cut(strings.TrimLeftFunc(b.String(), dotOrSpace))
	// Trailing ones too: "株式会社テスト .pdf" reads like a typo.
	out = strings.TrimRightFunc(out, dotOrSpace)
	if out == "" {
		return "_"
	}
	if windowsDevice(out) {
		out = "_" + out
	}
	return out
}

// cut shortens s to the name limits on a character boundary.
func cut(s string) string {
	n, runes := 0, 0
	for i, r := range s {
		if runes == maxNameRunes || i+utf8.RuneLen(r) > maxNameBytes {
			return s[:i]
		}
		n, runes = i+utf8.RuneLen(r), runes+1
	}
	return s[:n]
}

// windowsDevice reports names Windows treats as devices whatever follows the
// first dot: CON, PRN, AUX, NUL, COM0–9, LPT0–9.
func windowsDevice(s string) bool {
	stem, _, _ := strings.Cut(strings.ToUpper(s), ".")
	stem = strings.TrimRight(stem, " ")
	switch stem {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(stem) == 4 && (strings.HasPrefix(stem, "COM") || strings.HasPrefix(stem, "LPT")) &&
		stem[3] >= '0' && stem[3] <= '9'
}

// Exporter writes PDFs into one folder.
type Exporter struct {
	Dir   string // the folder; made (0700) when missing
	Force bool   // replace a file of the same name instead of refusing
	// Channel is how what is written goes out to the customer:
	// store.SentExport or store.SentPrint. With it, WriteDocument,
	// WriteContract and WriteKept keep each customer PDF in the archive
	// (archive.go); "": nothing is kept (a mail's .eml file: the mail keeps
	// its attachment itself).
	Channel string
	// CheckWhileRendering is for a store whose open-time integrity check
	// has not run yet (store.OpenCheckingAlongside): WriteKept starts it
	// once the caller's reading is done, renders while it runs, and writes
	// nothing, neither the file nor the archive, unless it passes.
	CheckWhileRendering bool
}

// Write renders a file called name into the folder and returns its path
// (also with an error, so a caller can name the file in its message; with
// ErrExists it is the file in the way).
//
// The file appears whole or not at all: render writes into a temporary file
// in the same folder, which is synced and then renamed into place only when
// render succeeded, and removed otherwise. Nothing is ever written outside
// the folder: name must be a plain file name (no separator, not "..") and all
// access goes through an os.Root, which also refuses symbolic links leading
// out. An existing file is kept unless Force; without Force the final step
// is a hard link, which fails if the name was taken in the meantime, so even
// two exports racing for one name cannot overwrite each other. The file is
// 0600: invoices are private.
func (e Exporter) Write(name string, render func(io.Writer) error) (string, error) {
	if err := checkName(name); err != nil {
		return "", err
	}
	if e.Dir == "" {
		return "", errors.New("pdf: no exports folder given")
	}
	path := filepath.Join(e.Dir, name)
	if err := os.MkdirAll(e.Dir, 0o700); err != nil {
		return path, fmt.Errorf("cannot create the exports folder: %w", err)
	}
	root, err := os.OpenRoot(e.Dir)
	if err != nil {
		return path, err
	}
	defer root.Close()
	// Checked before rendering too, so a refusal costs no work; the hard
	// link below is what makes it certain.
	if !e.Force {
		if _, err := root.Lstat(name); err == nil {
			return path, &ExistsError{Path: path}
		}
	}
	tmp, f, err := createTemp(root, name)
	if err != nil {
		return path, err
	}
	placed := false
	defer func() {
		if !placed {
			f.Close()
			root.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 64<<10)
	if err := render(bw); err != nil {
		return path, err
	}
	if err := bw.Flush(); err != nil {
		return path, err
	}
	// Synced before the rename: otherwise a crash soon after could leave
	// the new name on an empty file (the rename reaches the disk first).
	if err := f.Sync(); err != nil {
		return path, err
	}
	if err := f.Close(); err != nil {
		return path, err
	}
	if err := place(root, tmp, name, e.Force); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return path, &ExistsError{Path: path}
		}
		return path, err
	}
	placed = true
	return path, nil
}

// place gives the finished temporary file its name. Rename replaces an
// existing file (or a symbolic link, never what it points to) in one step.
// Without force, a hard link refuses an existing name atomically; where the
// file system has no hard links (FAT on a USB stick) it falls back to a
// check and a rename.
func place(root *os.Root, tmp, name string, force bool) error {
	if force {
		return root.Rename(tmp, name)
	}
	err := root.Link(tmp, name)
	if err == nil {
		root.Remove(tmp)
		return nil
	}
	if errors.Is(err, fs.ErrExist) {
		return err
	}
	if _, err := root.Lstat(name); err == nil {
		return fs.ErrExist
	}
	return root.Rename(tmp, name)
}

// createTemp makes a new, empty 0600 file with a random hidden name in root,
// ending in the extension of the file it becomes (a journal's temporary
// file is no .pdf.tmp). O_EXCL: a name someone planted (a link, say) is
// never opened.
func createTemp(root *os.Root, final string) (string, *os.File, error) {
	ext := filepath.Ext(final)
	if !filepath.IsLocal(ext) || strings.ContainsAny(ext, `/\`) {
		ext = ""
	}
	for range 10 {
		name := ".daicho-" + rand.Text()[:12] + ext + ".tmp"
		f, err := root.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		return name, f, err
	}
	return "", nil, errors.New("pdf: cannot make a temporary file in the exports folder")
}

// checkName refuses a name that is not one plain file name in the folder.
// FileName never makes one; the check is there for every other caller.
func checkName(name string) error {
	if name == "" || name == "." || name == ".." || strings.ContainsAny(name, `/\`+"\x00") ||
		filepath.Base(name) != name || !filepath.IsLocal(name) {
		return fmt.Errorf("pdf: %q is not a plain file name (no folder, no \"..\"): files are only written inside the exports folder", name)
	}
	return nil
}

// OptionsFor gathers what Render needs besides the document: for a draft the
// customer master and company settings it prints; an issued document prints
// only its own snapshot, so it needs nothing.
func OptionsFor(ctx context.Context, st *store.Store, d store.Document) (Options, error) {
	var o Options
	if d.Kind == store.KindReceipt {
		var err error
		o.InvoiceTaxes, err = receiptInvoiceTaxes(ctx, st, d)
		return o, err
	}
	if d.Status != store.StatusDraft {
		return o, nil
	}
	var err error
	if o.Customer, err = st.Customer(ctx, d.CustomerID); err != nil {
		return o, err
	}
	o.Company, err = st.Company(ctx)
	return o, err
}

// WriteDocument renders d with Render and writes it as name (FileName(d) when
// name is "").
func (e Exporter) WriteDocument(ctx context.Context, st *store.Store, d store.Document, name string) (string, error) {
	opts, err := OptionsFor(ctx, st, d)
	if err != nil {
		return "", err
	}
	if name == "" {
		name = FileName(d)
	}
	return e.WriteKept(ctx, st, name, func(w io.Writer) error { return Render(w, d, opts) }, DocumentSent(d))
}

// WriteContract renders the summary of contract c with RenderContract and
// writes it as name (ContractFileName(c) when name is ""). A contract keeps
// no snapshot, so it prints the customer master and company settings as
// they are now.
func (e Exporter) WriteContract(ctx context.Context, st *store.Store, c store.Contract, name string) (string, error) {
	cu, err := st.Customer(ctx, c.CustomerID)
	if err != nil {
		return "", err
	}
	co, err := st.Company(ctx)
	if err != nil {
		return "", err
	}
	if name == "" {
		name = ContractFileName(c)
	}
	return e.WriteKept(ctx, st, name, func(w io.Writer) error { return RenderContract(w, c, co, cu) }, ContractSent(c))
}

// ExportBatch loads, renders and writes the documents ids into ex's folder,
// each under its FileName, with workers goroutines (2 uses both cores of a
// small office machine; rendering is CPU-bound, loading a document is short).
// progress, if not nil, is called after each file is written with the count
// so far, always from the calling goroutine, so it needs no locking and is
// never called after ExportBatch returns.
//
// The first failure stops the batch: no further document is started, and
// those being written finish whole. Failures in a batch are nearly always
// about the place or the setup (a full disk, a folder without write access,
// files already there without Force), so carrying on would only repeat the
// same error a thousand times; the files written so far stay, and the error
// says which document failed. Cancelling ctx stops it the same way and
// returns ctx's error.
//
// paths are the files written, in the order of ids (documents not written
// are left out); err is the failure of the earliest document in ids that
// failed.
func ExportBatch(ctx context.Context, st *store.Store, ids []int64, ex Exporter, workers int,
	progress func(done, total int)) (paths []string, err error) {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	type outcome struct {
		i    int
		path string
		err  error
	}
	next := make(chan int)
	results := make(chan outcome)
	var wg sync.WaitGroup
	for range min(max(workers, 1), max(len(ids), 1)) {
		wg.Go(func() {
			for i := range next {
				if ctx.Err() != nil {
					continue // stopped: drain without starting another
				}
				path, err := exportOne(ctx, st, ids[i], ex)
				results <- outcome{i, path, err}
			}
		})
	}
	go func() {
		defer close(next)
		for i := range ids {
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()

	written := make([]string, len(ids))
	failed, done := len(ids), 0
	for o := range results {
		switch {
		case o.err != nil && ctx.Err() != nil && errors.Is(o.err, context.Canceled):
			// Interrupted by the stop itself, not a failure of its own.
		case o.err != nil:
			if o.i < failed {
				failed, err = o.i, o.err
			}
			cancel()
		default:
			written[o.i] = o.path
			done++
			if progress != nil {
				progress(done, len(ids))
			}
		}
	}
	for _, p := range written {
		if p != "" {
			paths = append(paths, p)
		}
	}
	if err == nil {
		err = parent.Err()
	}
	return paths, err
}

// exportOne writes one document of a batch; its error names the document.
func exportOne(ctx context.Context, st *store.Store, id int64, ex Exporter) (string, error) {
	d, err := st.Document(ctx, id)
	if err != nil {
		return "", err
	}
	path, err := ex.WriteDocument(ctx, st, d, "")
	if err != nil && !errors.Is(err, ErrExists) {
		label := d.Number
		if label == "" {
			label = fmt.Sprintf("draft %d", d.ID)
		}
		err = fmt.Errorf("%s: %w", label, err)
	}
	return path, err
}

// MonthDocuments are the documents of kind with an issue date in the month,
// void ones left out, in the order they were issued (by date and number),
// drafts after them: what a month's batch export writes.
func MonthDocuments(ctx context.Context, st *store.Store, kind string, year int, month time.Month) ([]int64, error) {
	ds, err := st.DocumentSummaries(ctx, store.DocumentFilter{Kind: kind, From: store.DateOf(year, month, 1),
		To: store.MonthEndOf(year, month)})
	if err != nil {
		return nil, err
	}
	ds = slices.DeleteFunc(ds, func(d store.DocumentSummary) bool { return d.Status == store.StatusVoid })
	slices.SortFunc(ds, func(a, b store.DocumentSummary) int {
		if aDraft, bDraft := a.Status == store.StatusDraft, b.Status == store.StatusDraft; aDraft != bDraft {
			if aDraft {
				return 1
			}
			return -1
		}
		return cmp.Or(a.IssueDate.Compare(b.IssueDate), cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
	})
	ids := make([]int64, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	return ids, nil
}

// StageReminderFileName is the name of a staged reminder (issue 14): the
// invoice, the stage and the day (reminder_I-2026-0007_firm_2026-11-26.pdf).
func StageReminderFileName(number, stage string, date time.Time) string {
	return CleanName("reminder_"+number+"_"+stage+"_"+store.FormatDate(date)) + ".pdf"
}
