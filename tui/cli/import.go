package cli

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"daicho/store"
	"daicho/store/exchange"
)

// importCmd adds records from a file, all or nothing.
func (c *cli) importCmd(args []string) int {
	fs := c.flagSet("import")
	issue := fs.Bool("issue", false, "")
	var b bankOptions
	fs.StringVar(&b.format, "format", "", "")
	fs.StringVar(&b.profile, "profile", "", "")
	fs.BoolVar(&b.dryRun, "dry-run", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	var bankFlag string
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "format" || f.Name == "profile" || f.Name == "dry-run" {
			bankFlag = f.Name
		}
	})
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.import.what"))
	case pos[0] != "customers" && pos[0] != "documents" && pos[0] != "bank" && pos[0] != "balances":
		return c.usageError(c.p.T("cli.import.unknown", pos[0]))
	case len(pos) == 1:
		return c.usageError(c.p.T("cli.import.need_file", pos[0]))
	case len(pos) > 2:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[2]))
	case *issue && pos[0] != "documents":
		return c.usageError(c.p.T("cli.import.issue_documents"))
	case bankFlag != "" && pos[0] != "bank":
		return c.usageError(c.p.T("cli.import.bank_flag", bankFlag))
	case pos[0] == "documents":
		return c.importDocuments(pos[1], *issue)
	case pos[0] == "bank":
		return c.importBank(pos[1], b)
	case pos[0] == "balances": // opening balances (issue 16)
		return c.importBalances(pos[1])
	}
	return c.importCustomers(pos[1])
}

// importCustomers reads the file, reports every problem in it, and only when
// there is none opens the database and adds the customers in one batch
// (which checks the codes against those in use). A JSON file of the usual
// shape is first written while it is read (streamCustomers); only if that
// declines is it read whole as above.
func (c *cli) importCustomers(path string) int {
	if n, ok := c.streamCustomers(path); ok {
		fmt.Fprintln(c.stdout, c.p.N("cli.import.done", n, n, path))
		return exitOK
	}
	data, name, err := c.readInput(path)
	if err != nil {
		return c.fail(c.p.T("cli.import.read", path, err))
	}
	defer importCustomersHeap(len(data))()
	cs, lines, err := exchange.ReadCustomers(bytes.NewBuffer(data), name)
	where := "err.at_line"
	if exchange.DetectFormat(data) == exchange.JSON {
		where = "cli.import.record" // JSON problems are numbered by record, not line
	}
	problem := func(re store.RowError) string { return c.p.T(where, re.Line, c.p.Error(re.Err)) }
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, withFieldProblems(batch, cs, lines), problem)
	}
	if err != nil {
		return c.failErr(err)
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	if err := st.CreateCustomers(c.ctx, cs, lines); err != nil {
		if errors.As(err, &batch) {
			return c.reportProblems(name, batch, problem)
		}
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.N("cli.import.done", len(cs), len(cs), name))
	return exitOK
}

// streamCustomers writes the customers of a JSON file of the usual shape
// while it reads them (exchange.ReadGrowing and StreamCustomers,
// store.CreateCustomersFrom): on 100,000 customers the reading, 0.45 s of
// reading the file and its customers, is done on the core SQLite leaves
// idle while SQLite writes. ok is false when it wrote nothing: the file is
// standard input or of another kind or holds a problem, a record is
// refused, or the ledger does not exist yet or does not open —
// importCustomers then does what it always did, which reports the file's
// problems before the ledger's and creates no ledger for a file it refuses.
func (c *cli) streamCustomers(path string) (n int, ok bool) {
	if path == "-" {
		return 0, false
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > exchange.MaxFileSize {
		return 0, false
	}
	// The format first, from the head, so that a CSV file (the usual kind
	// from Excel) is not read in the background for nothing.
	head := make([]byte, min(info.Size(), 512))
	if _, err := io.ReadFull(f, head); err != nil || exchange.DetectFormat(head) != exchange.JSON {
		return 0, false
	}
	defer importCustomersHeap(int(info.Size()))()
	g := exchange.ReadGrowing(io.MultiReader(bytes.NewReader(head), f), int(info.Size()))
	defer g.Err() // the reading has ended before the file is closed
	from, ok := exchange.StreamCustomers(g)
	if !ok {
		return 0, false
	}
	db, err := c.dbPath()
	if err != nil {
		return 0, false
	}
	if _, err := os.Stat(db); err != nil {
		return 0, false
	}
	st, err := store.Open(db)
	if err != nil {
		return 0, false
	}
	defer st.Close()
	n, err = st.CreateCustomersFrom(c.ctx, from)
	return n, err == nil
}

// withFieldProblems adds, to the problems of a file that did not read
// cleanly, what Validate finds in the records that could be read, so one run
// reports everything wrong in the file rather than one kind of mistake at a
// time. (Codes clashing with the database are checked by CreateCustomers,
// once the file reads cleanly.)
func withFieldProblems(problems store.BatchError, cs []store.Customer, lines []int) store.BatchError {
	var more store.BatchError
	for i := range cs {
		for _, fe := range store.FieldErrors(cs[i].Validate()) {
			more = append(more, store.RowError{Line: lines[i], Err: fe})
		}
	}
	return exchange.MergeProblems(problems, more)
}

// importDocuments reads the file, resolves its codes and rates against the
// database, and imports the documents in one transaction (issuing them with
// --issue), then prints them as JSON with what was computed. Any problem,
// in the file or against the database, writes nothing. The file is read as
// a stream and the documents printed one at a time, so a file of 100,000
// documents is never in memory.
func (c *cli) importDocuments(path string, issue bool) int {
	r, name, closeInput, err := c.openInput(path)
	if err != nil {
		return c.fail(c.p.T("cli.import.read", path, err))
	}
	defer closeInput()
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	defer lazyImportGC()()
	// The documents are printed only once they are stored: their JSON goes
	// to a temporary file while the import runs, and to standard output
	// after it commits.
	out, err := os.CreateTemp("", "daicho-import-*.json")
	if err != nil {
		return c.failErr(err)
	}
	defer os.Remove(out.Name())
	defer out.Close()
	w := bufio.NewWriter(out)
	jw := exchange.NewDocumentsJSONWriter(w, store.Today(st.Now()))
	err = exchange.ImportDocuments(c.ctx, st, r, name, issue, jw.Write)
	if err == nil {
		err = jw.Close()
	}
	if err == nil {
		err = w.Flush()
	}
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, exchange.DocumentProblems(batch), c.documentProblem)
	}
	if err != nil {
		return c.failErr(err)
	}
	if _, err := out.Seek(0, io.SeekStart); err != nil {
		return c.failErr(err)
	}
	if _, err := io.Copy(c.stdout, out); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// documentProblem names a problem of a documents file by the document's
// position and the key as the file writes it (lines.0.tax_rate), which says
// where to look better than a label would.
func (c *cli) documentProblem(re store.RowError) string {
	msg := c.p.Reason(re.Err)
	if re.Err.Field != "" {
		msg = re.Err.Field + ": " + msg
	}
	return c.p.T("cli.import.document", re.Line, msg)
}

// readInput reads the file to import ("-": standard input), at most one byte
// more than exchange accepts so an oversized file is refused without being
// read whole.
func (c *cli) readInput(path string) (data []byte, name string, err error) {
	r, name := c.stdin, c.p.T("cli.import.stdin")
	size := int64(512)
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		r, name = f, path
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			size = min(fi.Size(), exchange.MaxFileSize) + 1 // read at once, not grown step by step
		}
	}
	// ReadFrom wants MinRead bytes free before each read, the one that
	// finds the end too: without them it doubles a buffer that already
	// holds the whole file (a copy of 45 MB, and 90 MB more to clear).
	buf := bytes.NewBuffer(make([]byte, 0, size+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(r, exchange.MaxFileSize+1))
	return buf.Bytes(), name, err
}

// openInput opens the file to import ("-": standard input) to be read as a
// stream; closeInput closes it.
func (c *cli) openInput(path string) (r io.Reader, name string, closeInput func(), err error) {
	if path == "-" {
		return c.stdin, c.p.T("cli.import.stdin"), func() {}, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, "", nil, err
	}
	if fi, err := f.Stat(); err == nil && fi.IsDir() { // refused here, as reading it whole would be
		f.Close()
		return nil, "", nil, &fs.PathError{Op: "read", Path: path, Err: syscall.EISDIR}
	}
	return f, path, func() { f.Close() }, nil
}

// reportProblems lists every problem of an import on stderr, one per line
// as describe words it (with its line, record or document number, field and
// reason).
func (c *cli) reportProblems(name string, problems store.BatchError, describe func(store.RowError) string) int {
	fmt.Fprintf(c.stderr, "daicho: %s\n", c.p.N("cli.import.problems", len(problems), name, len(problems)))
	for _, re := range problems {
		fmt.Fprintf(c.stderr, "  %s\n", describe(re))
	}
	fmt.Fprintln(c.stderr, c.p.T("cli.import.fix"))
	return exitFail
}
