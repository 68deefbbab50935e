package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// exportOptions are the flags of export.
type exportOptions struct {
	output, dir, kind, month, from, to string
	encoding, format                   string // csv, journal
	force, all                         bool
	contracts                          bool // pdf --contracts: the month's contract pack
}

// exportFlags are the flags only some forms of export take; -o and --force
// are everyone's.
var exportFlags = map[string][]string{
	"pdf":       {"kind", "month", "dir", "contracts"},
	"statement": {"from", "to", "dir", "all"},
	"csv":       {"from", "to", "encoding"},
	"journal":   {"from", "to", "format"},
}

// export writes PDFs: one document by number, every document of a kind
// issued in a month, or a customer's statement of account.
func (c *cli) export(args []string) int {
	fs := c.flagSet("export")
	var o exportOptions
	for name, dst := range map[string]*string{"o": &o.output, "dir": &o.dir, "kind": &o.kind, "month": &o.month,
		"from": &o.from, "to": &o.to, "encoding": &o.encoding, "format": &o.format} {
		fs.StringVar(dst, name, "", "")
	}
	fs.BoolVar(&o.force, "force", false, "")
	fs.BoolVar(&o.all, "all", false, "")
	fs.BoolVar(&o.contracts, "contracts", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if code := c.checkExport(fs, pos, o); code != exitOK {
		return code
	}
	switch pos[0] {
	case "statement":
		if o.all {
			return c.exportStatements(pos[1:], o)
		}
		return c.exportStatement(pos[1:], o)
	case "csv":
		return c.exportCSV(pos[1:], o)
	case "journal":
		return c.exportJournal(pos[1:], o)
	}
	if o.contracts {
		return c.exportContracts(pos[1:], o)
	}
	if len(pos) == 2 {
		if o.kind != "" || o.month != "" {
			return c.usageError(c.p.T("cli.export.number_or_month"))
		}
		return c.exportDocument(pos[1], o)
	}
	return c.exportMonth(o)
}

// checkExport refuses, as bad usage, an export that cannot run: nothing or
// something unknown to export, too many arguments, -o with --dir, or a flag
// of the other form.
func (c *cli) checkExport(fs *flag.FlagSet, pos []string, o exportOptions) int {
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.export.what"))
	case exportFlags[pos[0]] == nil:
		return c.usageError(c.p.T("cli.export.unknown", pos[0]))
	case len(pos) > 2:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[2]))
	case o.output != "" && o.dir != "":
		return c.usageError(c.p.T("cli.export.o_and_dir"))
	}
	var wrong string
	fs.Visit(func(f *flag.Flag) {
		for _, names := range exportFlags {
			if slices.Contains(names, f.Name) && !slices.Contains(exportFlags[pos[0]], f.Name) {
				wrong = f.Name
			}
		}
	})
	if wrong != "" {
		return c.usageError(c.p.T("cli.export.flag_not_for", wrong, pos[0]))
	}
	return exitOK
}

// exporter is where the files of an export go: -o FILE (whose folder must
// exist: a typo should not make folders), --dir DIR, or the exports folder
// of the settings. name is the file name -o gives, "" for the usual name.
func (c *cli) exporter(st *store.Store, o exportOptions) (ex pdf.Exporter, name string, code int) {
	ex.Force = o.force
	ex.Channel = store.SentExport // customer PDFs written are kept in the archive
	switch {
	case o.output != "":
		ex.Dir, name = filepath.Dir(o.output), filepath.Base(o.output)
		if fi, err := os.Stat(o.output); err == nil && fi.IsDir() {
			return ex, "", c.fail(c.p.T("cli.export.o_is_folder", o.output))
		}
		if fi, err := os.Stat(ex.Dir); err != nil || !fi.IsDir() {
			return ex, "", c.fail(c.p.T("cli.export.no_folder", ex.Dir))
		}
	case o.dir != "":
		ex.Dir = o.dir
	default:
		co, err := st.Company(c.ctx)
		if e, ok := store.AsError(err); err != nil && (!ok || e.Code != store.CodeNotFound) {
			return ex, "", c.failErr(err) // no settings yet is fine: the default folder
		}
		ex.Dir = pdf.ExportsDir(co, st.Path())
	}
	// Absolute, so the paths printed work from anywhere (--db d.db would
	// otherwise print "." as the folder).
	if abs, err := filepath.Abs(ex.Dir); err == nil {
		ex.Dir = abs
	}
	return ex, name, exitOK
}

// exportFailed reports a failed write: a file in the way (with what to do),
// a store error in plain words, or what the system said.
func (c *cli) exportFailed(path string, err error) int {
	var exists *pdf.ExistsError
	if errors.As(err, &exists) {
		return c.fail(c.p.T("cli.export.exists", exists.Path))
	}
	if _, ok := store.AsError(err); ok {
		return c.failErr(err)
	}
	return c.fail(c.p.T("cli.export.cannot_write", path, err))
}

// exportDocument writes the PDF of the document numbered number and prints
// its path. A number no document has may be a contract's (K-2026-0001): its
// summary is written instead. Documents and contracts are numbered in
// sequences of their own letter, so a number is never both; trying the
// contract second keeps a custom number format working too.
//
// The ledger's integrity check runs while the PDF is rendered
// (store.OpenCheckingAlongside): nothing is written, and nothing printed,
// before it has passed (heldUntilChecked).
func (c *cli) exportDocument(number string, o exportOptions) int {
	defer skipGarbageCollection()()
	st, code := c.openWith(store.OpenCheckingAlongside)
	if st == nil {
		return code
	}
	defer st.Close()
	return c.heldUntilChecked(st, func() int { return c.exportNumbered(st, number, o) })
}

// exportNumbered is exportDocument on the open ledger.
func (c *cli) exportNumbered(st *store.Store, number string, o exportOptions) int {
	d, err := st.DocumentByNumber(c.ctx, number)
	if e, ok := store.AsError(err); ok && e.Code == store.CodeNotFound {
		if code, ok := c.exportContract(st, number, o); ok {
			return code
		}
		return c.fail(c.p.T("cli.export.no_number", number))
	}
	if err != nil {
		return c.failErr(err)
	}
	ex, name, code := c.exporter(st, o)
	if code != exitOK {
		return code
	}
	ex.CheckWhileRendering = true
	path, err := ex.WriteDocument(c.ctx, st, d, name)
	if err != nil {
		return c.exportFailed(path, err)
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK
}

// skipGarbageCollection turns the collector off for a command that renders
// one PDF and ends: it allocates some megabytes, all of it live until the
// file is written, so collecting found little and cost about a tenth of the
// command's time (peak memory is the same either way). The memory limit
// still makes it collect should a document ever need far more. restore
// puts the settings back (Run may be called again in the same process).
func skipGarbageCollection() (restore func()) {
	percent := debug.SetGCPercent(-1)
	limit := debug.SetMemoryLimit(256 << 20)
	return func() {
		debug.SetMemoryLimit(limit)
		debug.SetGCPercent(percent)
	}
}

// exportContract writes the summary (契約内容確認書) of the contract numbered
// number and prints its path. ok is false when there is no such contract, so
// the caller can report the number as not found among documents either.
func (c *cli) exportContract(st *store.Store, number string, o exportOptions) (code int, ok bool) {
	k, err := st.ContractByNumber(c.ctx, number)
	if e, isStore := store.AsError(err); isStore && e.Code == store.CodeNotFound {
		return exitFail, false
	}
	if err != nil {
		return c.failErr(err), true
	}
	ex, name, code := c.exporter(st, o)
	if code != exitOK {
		return code, true
	}
	ex.CheckWhileRendering = true
	path, err := ex.WriteContract(c.ctx, st, k, name)
	if err != nil {
		return c.exportFailed(path, err), true
	}
	fmt.Fprintln(c.stdout, path)
	return exitOK, true
}

// exportMonth writes every document of --kind issued in --month (drafts
// included, watermarked; void ones left out) on two workers, prints each
// path on stdout and a summary on stderr, so the output can be piped to lp
// or xargs. Ctrl+C stops it with every file written so far whole.
func (c *cli) exportMonth(o exportOptions) int {
	switch {
	case o.kind == "" && o.month == "":
		return c.usageError(c.p.T("cli.export.pdf_what"))
	case o.kind == "" || o.month == "":
		return c.usageError(c.p.T("cli.export.kind_and_month"))
	case o.output != "":
		return c.usageError(c.p.T("cli.export.o_with_month"))
	case !slices.Contains(store.ListedKinds, o.kind):
		return c.usageError(c.p.T("cli.list.bad_kind", o.kind, strings.Join(store.ListedKinds, ", ")))
	}
	month, err := time.Parse("2006-01", o.month)
	if err != nil {
		return c.usageError(c.p.T("cli.export.bad_month", o.month))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	ex, _, code := c.exporter(st, o)
	if code != exitOK {
		return code
	}
	ids, err := pdf.MonthDocuments(c.ctx, st, o.kind, month.Year(), month.Month())
	if err != nil {
		return c.failErr(err)
	}
	if len(ids) == 0 {
		fmt.Fprintln(c.stderr, c.p.T("cli.export.none", c.p.T("cli.kind."+o.kind), o.month))
		return exitOK
	}
	ctx, stop := signal.NotifyContext(c.ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	start := time.Now()
	paths, err := pdf.ExportBatch(ctx, st, ids, ex, 2, nil)
	for _, p := range paths {
		fmt.Fprintln(c.stdout, p)
	}
	switch {
	case errors.Is(err, context.Canceled):
		return c.fail(c.p.T("cli.export.interrupted", len(paths), len(ids)))
	case err != nil:
		fmt.Fprintln(c.stderr, c.p.T("cli.export.partial", len(paths), len(ids)))
		return c.exportFailed(ex.Dir, err)
	}
	fmt.Fprintln(c.stderr, c.p.N("cli.export.batch_done", len(paths), len(paths), ex.Dir, time.Since(start).Seconds()))
	return exitOK
}
