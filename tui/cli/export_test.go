package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExportPDFByNumber(t *testing.T) {
	f := newExportFixture(t)
	r := mustRun(t, "--db", f.db, "export", "pdf", strings.ToLower(f.nov5))
	want := filepath.Join(f.dir, f.nov5+"_株式会社テスト.pdf")
	if strings.TrimSpace(r.stdout) != want {
		t.Fatalf("stdout %q, want the path %q", r.stdout, want)
	}
	first := readPDF(t, want)
	if text, ok := pdfText(t, want); ok && (!strings.Contains(text, f.nov5) || !strings.Contains(text, "株式会社テスト")) {
		t.Errorf("the PDF does not show %s and the customer:\n%s", f.nov5, text)
	}
	if fi, _ := os.Stat(want); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}

	// Again: refused, the file untouched, until --force.
	r = runWith("", "--db", f.db, "export", "pdf", f.nov5)
	if r.code != exitFail || !strings.Contains(r.stderr, want) || !strings.Contains(r.stderr, "--force") || r.stdout != "" {
		t.Errorf("second export: exit %d, stderr %q; want 1 naming the file and --force", r.code, r.stderr)
	}
	if err := os.WriteFile(want, []byte("changed by hand"), 0o600); err != nil {
		t.Fatal(err)
	}
	runWith("", "--db", f.db, "export", "pdf", f.nov5)
	if data, _ := os.ReadFile(want); string(data) != "changed by hand" {
		t.Error("overwritten without --force")
	}
	mustRun(t, "--db", f.db, "export", "pdf", f.nov5, "--force")
	if data := readPDF(t, want); !bytes.Equal(data, first) {
		t.Error("the same document gave different bytes")
	}

	// With a Documents folder in the home folder, files go to Documents/daicho.
	home := os.Getenv("HOME")
	if err := os.MkdirAll(filepath.Join(home, "Documents"), 0o700); err != nil {
		t.Fatal(err)
	}
	r = mustRun(t, "--db", f.db, "export", "pdf", f.october)
	if got, want := strings.TrimSpace(r.stdout), filepath.Join(home, "Documents", "daicho", f.october+"_株式会社テスト.pdf"); got != want {
		t.Errorf("with Documents: %q, want %q", got, want)
	}
	r = mustRun(t, "--db", f.db, "export", "pdf", f.octCredit, "--dir", filepath.Join(f.dir, "elsewhere"))
	readPDF(t, strings.TrimSpace(r.stdout))
}

func TestExportPDFOutput(t *testing.T) {
	f := newExportFixture(t)
	out := filepath.Join(t.TempDir(), "請求書 11月.pdf")
	r := mustRun(t, "--db", f.db, "export", "pdf", f.nov20, "-o", out)
	if strings.TrimSpace(r.stdout) != out {
		t.Errorf("stdout %q, want %q", r.stdout, out)
	}
	if text, ok := pdfText(t, out); ok && !strings.Contains(text, f.nov20) {
		t.Errorf("-o file does not show %s", f.nov20)
	}
	if r := runWith("", "--db", f.db, "export", "pdf", f.nov20, "-o", out); r.code != exitFail ||
		!strings.Contains(r.stderr, "--force") {
		t.Errorf("-o over a file: exit %d, %q", r.code, r.stderr)
	}
	mustRun(t, "--db", f.db, "export", "pdf", f.nov20, "-o", out, "--force")

	missing := filepath.Join(t.TempDir(), "no", "such", "x.pdf")
	if r := runWith("", "--db", f.db, "export", "pdf", f.nov20, "-o", missing); r.code != exitFail ||
		!strings.Contains(r.stderr, "does not exist") {
		t.Errorf("-o into a missing folder: exit %d, %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, os.ErrNotExist) {
		t.Error("-o made the missing folder")
	}
	if r := runWith("", "--db", f.db, "export", "pdf", f.nov20, "-o", t.TempDir()); r.code != exitFail ||
		!strings.Contains(r.stderr, "is a folder") {
		t.Errorf("-o naming a folder: exit %d, %q", r.code, r.stderr)
	}
	// --dir naming a file: the folder cannot be made, and the message says
	// what could not be written and why.
	file := writeFile(t, "not-a-folder", []byte("x"))
	if r := runWith("", "--db", f.db, "export", "pdf", f.nov20, "--dir", file); r.code != exitFail ||
		!strings.Contains(r.stderr, "cannot write "+filepath.Join(file, f.nov20)) || !strings.Contains(r.stderr, "not a directory") {
		t.Errorf("--dir naming a file: exit %d, %q", r.code, r.stderr)
	}
}

func TestExportPDFUnknownNumber(t *testing.T) {
	f := newExportFixture(t)
	r := runWith("", "--db", f.db, "export", "pdf", "I-2099-9999")
	if r.code != exitFail || !strings.Contains(r.stderr, "I-2099-9999") || r.stdout != "" {
		t.Errorf("exit %d, stderr %q; want 1 naming the number", r.code, r.stderr)
	}
	if es := mustReadDir(t, f.dir); slices.ContainsFunc(es, func(n string) bool { return strings.HasSuffix(n, ".pdf") }) {
		t.Errorf("wrote %v", es)
	}
}

// A month's invoices: one file per invoice issued in the month and the
// draft, none for the void one or other months; the paths on stdout in
// number order, the summary on stderr.
func TestExportPDFMonth(t *testing.T) {
	f := newExportFixture(t)
	dir := filepath.Join(t.TempDir(), "11月")
	r := mustRun(t, "--db", f.db, "export", "pdf", "--kind", "invoice", "--month", "2026-11", "--dir", dir)
	want := []string{f.nov5 + "_株式会社テスト.pdf", f.other + "_有限会社ほか.pdf", f.nov20 + "_株式会社テスト.pdf",
		fmt.Sprintf("draft-%d_株式会社テスト.pdf", f.draftID)}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if filepath.Dir(line) != dir {
			t.Errorf("%s is not in %s", line, dir)
		}
		readPDF(t, line)
		got = append(got, filepath.Base(line))
	}
	if !slices.Equal(got, want) {
		t.Errorf("paths %v, want %v", got, want)
	}
	if files := mustReadDir(t, dir); len(files) != len(want) {
		t.Errorf("the folder holds %v", files)
	}
	if !strings.Contains(r.stderr, "exported 4 PDFs into "+dir) {
		t.Errorf("summary %q", r.stderr)
	}

	// Again without --force: the first file in the way stops it.
	r = runWith("", "--db", f.db, "export", "pdf", "--kind", "invoice", "--month", "2026-11", "--dir", dir)
	if r.code != exitFail || !strings.Contains(r.stderr, "--force") {
		t.Errorf("again: exit %d, %q", r.code, r.stderr)
	}
	mustRun(t, "--db", f.db, "export", "pdf", "--kind", "invoice", "--month", "2026-11", "--dir", dir, "--force")

	// A month with none of the kind is not a failure.
	r = mustRun(t, "--db", f.db, "export", "pdf", "--kind", "estimate", "--month", "2026-11", "--dir", dir)
	if r.stdout != "" || !strings.Contains(r.stderr, "nothing to export") {
		t.Errorf("empty month: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

// export pdf takes a contract number too and writes its summary.
func TestExportContractPDF(t *testing.T) {
	db := contractDemo(t)
	dir := filepath.Dir(db)
	r := mustRun(t, "--db", db, "export", "pdf", "k-2026-0003")
	want := filepath.Join(dir, "K-2026-0003_株式会社さくら工業.pdf")
	if strings.TrimSpace(r.stdout) != want {
		t.Fatalf("stdout %q, want %q", r.stdout, want)
	}
	readPDF(t, want)
	if text, ok := pdfText(t, want); ok {
		for _, w := range []string{"契約内容確認書", "K-2026-0003", "株式会社さくら工業", "ウェブサイト保守契約", "2027年1月1日から単価改定"} {
			if !strings.Contains(text, w) {
				t.Errorf("the summary lacks %q:\n%s", w, text)
			}
		}
	}
	r = runWith("", "--db", db, "export", "pdf", "K-2026-0003")
	if r.code != exitFail || !strings.Contains(r.stderr, "--force") {
		t.Errorf("again without --force: exit %d, %q", r.code, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "contract.pdf")
	mustRun(t, "--db", db, "export", "pdf", "K-2026-0006", "-o", out)
	if text, ok := pdfText(t, out); ok && !strings.Contains(text, "Contract Summary") {
		t.Errorf("the English customer's summary:\n%s", text)
	}

	r = runWith("", "--db", db, "export", "pdf", "K-2099-0001")
	if r.code != exitFail || !strings.Contains(r.stderr, "no document or contract is numbered K-2099-0001") {
		t.Errorf("unknown number: exit %d, %q", r.code, r.stderr)
	}
	if es := mustReadDir(t, dir); slices.ContainsFunc(es, func(n string) bool { return strings.Contains(n, "K-2099") }) {
		t.Errorf("wrote %v", es)
	}
}

func TestExportUsageErrors(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	month := []string{"--kind", "invoice", "--month", "2026-11"}
	period := []string{"--from", "2026-11-01", "--to", "2026-11-30"}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"nothing", []string{"export"}, "export what?"},
		{"unknown", []string{"export", "spreadsheet"}, `cannot export "spreadsheet"`},
		{"pdf nothing", []string{"export", "pdf"}, "which PDFs?"},
		{"kind alone", []string{"export", "pdf", "--kind", "invoice"}, "go together"},
		{"month alone", []string{"export", "pdf", "--month", "2026-11"}, "go together"},
		{"number and month", append([]string{"export", "pdf", "I-2026-0001"}, month...), "not both"},
		{"bad kind", []string{"export", "pdf", "--kind", "bill", "--month", "2026-11"}, `unknown kind "bill"`},
		{"bad month", []string{"export", "pdf", "--kind", "invoice", "--month", "2026-13"}, `--month "2026-13"`},
		{"o and dir", []string{"export", "pdf", "I-2026-0001", "-o", "a.pdf", "--dir", "b"}, "one of them"},
		{"o with month", append([]string{"export", "pdf", "-o", "a.pdf"}, month...), "--dir DIR"},
		{"two numbers", []string{"export", "pdf", "I-2026-0001", "I-2026-0002"}, `unexpected argument "I-2026-0002"`},
		{"from for pdf", []string{"export", "pdf", "I-2026-0001", "--from", "2026-11-01"}, "--from does not apply to export pdf"},
		{"statement nobody", append([]string{"export", "statement"}, period...), "name the customer"},
		{"statement no period", []string{"export", "statement", "C0001"}, "--from DATE --to DATE"},
		{"statement no to", []string{"export", "statement", "C0001", "--from", "2026-11-01"}, "--from DATE --to DATE"},
		{"statement bad date", []string{"export", "statement", "C0001", "--from", "11/1", "--to", "2026-11-30"}, `--from "11/1"`},
		{"statement backwards", []string{"export", "statement", "C0001", "--from", "2026-12-01", "--to", "2026-11-30"}, "is after"},
		{"kind for statement", append(append([]string{"export", "statement", "C0001"}, period...), "--kind", "invoice"),
			"--kind does not apply to export statement"},
		{"bad flag", []string{"export", "pdf", "I-2026-0001", "--overwrite"}, "-overwrite"},
		{"csv nothing", []string{"export", "csv"}, "which table?"},
		{"csv unknown table", []string{"export", "csv", "orders"}, `cannot export "orders" as CSV`},
		{"csv bad encoding", []string{"export", "csv", "invoices", "--encoding", "latin1"}, `--encoding "latin1"`},
		{"csv bad date", []string{"export", "csv", "invoices", "--from", "2026-13-01"}, `--from "2026-13-01"`},
		{"csv backwards", []string{"export", "csv", "payments", "--from", "2026-12-01", "--to", "2026-11-30"}, "is after"},
		{"csv customers period", []string{"export", "csv", "customers", "--from", "2026-11-01"}, "do not apply to export csv customers"},
		{"csv two tables", []string{"export", "csv", "invoices", "payments"}, `unexpected argument "payments"`},
		{"dir for csv", []string{"export", "csv", "invoices", "--dir", "x"}, "--dir does not apply to export csv"},
		{"encoding for pdf", []string{"export", "pdf", "I-2026-0001", "--encoding", "sjis"}, "--encoding does not apply to export pdf"},
		{"journal no format", []string{"export", "journal"}, "which format?"},
		{"journal bad format", []string{"export", "journal", "--format", "freee"}, `journal format "freee"`},
		{"journal argument", []string{"export", "journal", "2026", "--format", "yayoi"}, `unexpected argument "2026"`},
		{"journal bad date", []string{"export", "journal", "--format", "yayoi", "--to", "30/11"}, `--to "30/11"`},
		{"format for csv", []string{"export", "csv", "invoices", "--format", "yayoi"}, "--format does not apply to export csv"},
		{"all and code", append([]string{"export", "statement", "C0001", "--all"}, period...), "or --all, not both"},
		{"all with o", append([]string{"export", "statement", "--all", "-o", "a.pdf"}, period...), "use --dir DIR"},
		{"all no period", []string{"export", "statement", "--all"}, "--from DATE --to DATE"},
		{"all for pdf", []string{"export", "pdf", "I-2026-0001", "--all"}, "--all does not apply to export pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith("", append([]string{"--db", db}, tt.args...)...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want 2 (stderr %q)", r.code, r.stderr)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "usage: daicho") || r.stdout != "" {
				t.Errorf("stderr %q, stdout %q; want %q and the short usage", r.stderr, r.stdout, tt.want)
			}
		})
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("a usage error created the database")
	}
}
