package cli

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// daicho archive: the kept archive of every PDF that went out (電子帳簿保存法).
//
//	archive list   [--from D] [--to D] [--min N] [--max N] [--customer CODE] [--channel C] [--format …]
//	archive verify
//	archive export --from D --to D --dir DIR [--customer CODE] [--min N] [--max N] [--force]

// archiveOptions are the flags of archive.
type archiveOptions struct {
	from, to, min, max, customer, channel, dir, format string
	force                                              bool
}

// archiveFlags are the flags each form of archive takes.
var archiveFlags = map[string][]string{
	"list":   {"from", "to", "min", "max", "customer", "channel", "format"},
	"verify": {},
	"export": {"from", "to", "min", "max", "customer", "dir", "force"},
}

func (c *cli) archive(args []string) int {
	fs := c.flagSet("archive")
	var o archiveOptions
	for name, dst := range map[string]*string{"from": &o.from, "to": &o.to, "min": &o.min, "max": &o.max,
		"customer": &o.customer, "channel": &o.channel, "dir": &o.dir} {
		fs.StringVar(dst, name, "", "")
	}
	fs.StringVar(&o.format, "format", "table", "")
	fs.BoolVar(&o.force, "force", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.archive.what"))
	case archiveFlags[pos[0]] == nil:
		return c.usageError(c.p.T("cli.archive.unknown", pos[0]))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	case !slices.Contains(listFormats, o.format):
		return c.usageError(c.p.T("cli.list.bad_format", o.format))
	case o.channel != "" && !slices.Contains(store.SentChannels, o.channel):
		return c.usageError(c.p.T("cli.archive.bad_channel", o.channel, strings.Join(store.SentChannels, ", ")))
	case pos[0] == "export" && (o.from == "" || o.to == "" || o.dir == ""):
		return c.usageError(c.p.T("cli.archive.export_needs"))
	}
	wrong := ""
	fs.Visit(func(f *flag.Flag) {
		for _, names := range archiveFlags {
			if slices.Contains(names, f.Name) && !slices.Contains(archiveFlags[pos[0]], f.Name) {
				wrong = f.Name
			}
		}
	})
	if wrong != "" {
		return c.usageError(c.p.T("cli.list.flag_not_for", wrong, "archive "+pos[0]))
	}
	period, problem := c.documentFilter(listOptions{from: o.from, to: o.to})
	if problem != "" {
		return c.usageError(problem)
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	if pos[0] == "verify" {
		return c.verifyArchive(st)
	}
	f := store.ArchiveFilter{From: period.From, To: period.To, Channel: o.channel}
	if f.Amount, problem = c.amountRange(st, o.min, o.max); problem != "" {
		return c.usageError(problem)
	}
	var err error
	if f.CustomerID, err = c.customerID(st, o.customer); err != nil {
		return c.failErr(err)
	}
	files, err := st.SentFiles(c.ctx, f)
	if err != nil {
		return c.failErr(err)
	}
	if pos[0] == "export" {
		return c.exportArchive(st, files, o)
	}
	w := bufio.NewWriter(c.stdout)
	cur := c.currency(st)
	err = c.writeList(w, o.format, len(files), "cli.archive.empty",
		func() error { return writeSentJSON(w, files) },
		func() error { return writeSentCSV(w, files, nil) },
		func() [][]string { return c.sentTable(files, cur) }, 4)
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// verifyArchive re-hashes every kept file and names each one that changed
// or went missing (exit 1), or says all are as kept.
func (c *cli) verifyArchive(st *store.Store) int {
	r, err := st.VerifyArchive(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	if len(r.Problems) == 0 {
		fmt.Fprintln(c.stdout, c.p.T("cli.archive.verified", r.Checked, r.Files))
		return exitOK
	}
	cur := c.currency(st)
	for _, p := range r.Problems {
		fmt.Fprintln(c.stderr, c.p.T("cli.archive.problem."+p.Reason, c.sentName(p.File),
			store.FormatDate(p.File.Date), store.FoldDisplay(p.File.CustomerName), p.File.Amount.Format(cur),
			c.p.T("cli.archive.channel."+p.File.Channel), p.File.FileName, p.File.ID))
	}
	return c.fail(c.p.T("cli.archive.failed", len(r.Problems), r.Checked))
}

// sentName is how a kept file is named in a message: its number, or its kind.
func (c *cli) sentName(f store.SentFile) string {
	if f.Number != "" {
		return f.Number
	}
	return c.p.T("cli.archive.kind." + f.Kind)
}

func (c *cli) sentTable(files []store.SentFile, cur store.Currency) [][]string {
	p := c.p
	rows := [][]string{{p.T("cli.archive.col.date"), p.T("cli.archive.col.number"), p.T("cli.archive.col.kind"),
		p.T("cli.archive.col.customer"), p.T("cli.archive.col.amount"), p.T("cli.archive.col.channel"),
		p.T("cli.archive.col.sent_at"), p.T("cli.archive.col.file")}}
	for _, f := range files {
		rows = append(rows, []string{store.FormatDate(f.Date), f.Number, p.T("cli.archive.kind." + f.Kind),
			store.FoldDisplay(f.CustomerName), f.Amount.Plain(cur), p.T("cli.archive.channel." + f.Channel),
			f.SentAt.Local().Format("2006-01-02 15:04"), f.FileName})
	}
	return rows
}

// sentColumns are the keys of the archive's CSV and JSON: the index of an
// archive export has the file it wrote in "file".
var sentColumns = []string{"date", "customer_code", "counterparty", "amount", "number", "kind", "channel",
	"sent_at", "sha256", "file"}

func sentRecord(f store.SentFile, file string) []string {
	return []string{store.FormatDate(f.Date), f.CustomerCode, f.CustomerName, strconv.FormatInt(int64(f.Amount), 10),
		f.Number, f.Kind, f.Channel, f.SentAt.UTC().Format(time.RFC3339), f.SHA256, file}
}

// writeSentCSV writes the kept files as CSV; files, when not nil, is the
// file each was exported to (else the name it went out under).
func writeSentCSV(w io.Writer, sent []store.SentFile, files []string) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(sentColumns); err != nil {
		return err
	}
	for i, f := range sent {
		name := f.FileName
		if files != nil {
			name = files[i]
		}
		if err := cw.Write(sentRecord(f, name)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeSentJSON(w io.Writer, sent []store.SentFile) error {
	var b bytes.Buffer
	b.WriteString("[")
	for i, f := range sent {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n  {")
		rec := sentRecord(f, f.FileName)
		for j, k := range sentColumns {
			if j > 0 {
				b.WriteString(", ")
			}
			v := strconv.Quote(rec[j])
			if k == "amount" {
				v = rec[j]
			}
			fmt.Fprintf(&b, "%q: %s", k, v)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	_, err := w.Write(b.Bytes())
	return err
}

// ArchiveFileName is a kept file's name in an archive export:
// YYYYMMDD_counterparty_amount_number.pdf (without a number, the kind), made
// safe as a file name by pdf.CleanName.
func ArchiveFileName(f store.SentFile) string {
	number := f.Number
	if number == "" {
		number = f.Kind
	}
	stem := f.Date.Format("20060102") + "_" + f.CustomerName + "_" + strconv.FormatInt(int64(f.Amount), 10) + "_" + number
	return pdf.CleanName(stem) + ".pdf"
}

// exportArchive writes each kept file of the search into --dir under
// ArchiveFileName (a file sent several times as the same bytes once; other
// bytes under the same name get _2, _3…) and index.csv beside them. A kept
// file whose bytes no longer match their hash is not written but named, and
// the export fails (exit 1) after writing the rest.
func (c *cli) exportArchive(st *store.Store, sent []store.SentFile, o archiveOptions) int {
	if len(sent) == 0 {
		fmt.Fprintln(c.stderr, c.p.T("cli.archive.empty"))
		return exitOK
	}
	ex := pdf.Exporter{Dir: o.dir, Force: o.force} // no Channel: this is a copy for the office, not a sending
	if abs, err := filepath.Abs(ex.Dir); err == nil {
		ex.Dir = abs
	}
	names := map[string]string{} // file name → the hash written under it
	written := map[string]string{}
	files := make([]string, len(sent))
	bad := 0
	for i, f := range sent {
		if name, ok := written[f.SHA256+"\x00"+ArchiveFileName(f)]; ok {
			files[i] = name
			continue
		}
		b, err := st.SentPDF(c.ctx, f.ID)
		if err != nil {
			return c.failErr(err)
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != f.SHA256 {
			fmt.Fprintln(c.stderr, c.p.T("cli.archive.export_changed", c.sentName(f), f.ID))
			bad++
			continue
		}
		base := strings.TrimSuffix(ArchiveFileName(f), ".pdf")
		name := base + ".pdf"
		for n := 2; names[name] != "" && names[name] != f.SHA256; n++ {
			name = fmt.Sprintf("%s_%d.pdf", base, n)
		}
		path, err := ex.Write(name, func(w io.Writer) error { _, err := w.Write(b); return err })
		if err != nil {
			return c.exportFailed(path, err)
		}
		names[name], written[f.SHA256+"\x00"+ArchiveFileName(f)], files[i] = f.SHA256, name, name
		fmt.Fprintln(c.stdout, path)
	}
	path, err := ex.Write("index.csv", func(w io.Writer) error { return writeSentCSV(w, sent, files) })
	if err != nil {
		return c.exportFailed(path, err)
	}
	fmt.Fprintln(c.stdout, path)
	if bad > 0 {
		return c.fail(c.p.T("cli.archive.export_failed", bad))
	}
	fmt.Fprintln(c.stderr, c.p.T("cli.archive.exported", len(sent), len(names), ex.Dir))
	return exitOK
}
