package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
	"daicho/store/storetest"
)

// The statement of November for C0001: October's balance carried forward
// (55,000 − 11,000), the November invoices and credit note of C0001 only.
func TestExportStatement(t *testing.T) {
	f := newExportFixture(t)
	r := mustRun(t, "--db", f.db, "export", "statement", "c0001", "--from", "2026-11-01", "--to", "2026-11-30")
	path := strings.TrimSpace(r.stdout)
	if path != filepath.Join(f.dir, "statement_C0001_2026-11-01_2026-11-30.pdf") {
		t.Errorf("path %q", path)
	}
	readPDF(t, path)
	if text, ok := pdfText(t, path); ok {
		for _, want := range []string{f.nov5, f.nov20, f.novCredit, "44,000", "株式会社テスト"} {
			if !strings.Contains(text, want) {
				t.Errorf("the statement lacks %q:\n%s", want, text)
			}
		}
		for _, not := range []string{f.october, f.octCredit, f.void, f.december, f.other} {
			if strings.Contains(text, not) {
				t.Errorf("the statement shows %s, which is outside it:\n%s", not, text)
			}
		}
	}
	if r := runWith("", "--db", f.db, "export", "statement", "C0001", "--from", "2026-11-01", "--to", "2026-11-30"); r.code != exitFail ||
		!strings.Contains(r.stderr, "--force") {
		t.Errorf("again: exit %d, %q", r.code, r.stderr)
	}
	out := filepath.Join(t.TempDir(), "s.pdf")
	mustRun(t, "--db", f.db, "export", "statement", "C0001", "--from", "2026-11-01", "--to", "2026-11-30", "-o", out)
	readPDF(t, out)
	if r := runWith("", "--db", f.db, "export", "statement", "C9999", "--from", "2026-11-01", "--to", "2026-11-30"); r.code != exitFail ||
		!strings.Contains(r.stderr, "C9999") {
		t.Errorf("unknown customer: exit %d, %q", r.code, r.stderr)
	}
}

// export statement --all: one statement per customer with something in
// the period, the count on stderr, files refused unless --force.
func TestExportStatementAll(t *testing.T) {
	f := newExportFixture(t)
	dir := filepath.Join(t.TempDir(), "明細")
	args := []string{"--db", f.db, "export", "statement", "--all", "--from", "2026-11-01", "--to", "2026-11-30", "--dir", dir}
	r := mustRun(t, args...)
	want := []string{filepath.Join(dir, "statement_C0001_2026-11-01_2026-11-30.pdf"),
		filepath.Join(dir, "statement_C0002_2026-11-01_2026-11-30.pdf")}
	if got := strings.Split(strings.TrimSpace(r.stdout), "\n"); !slices.Equal(got, want) {
		t.Errorf("paths %q, want %q", got, want)
	}
	if !strings.Contains(r.stderr, "exported 2 statements into "+dir) {
		t.Errorf("summary %q", r.stderr)
	}
	readPDF(t, want[1])
	if text, ok := pdfText(t, want[1]); ok && (!strings.Contains(text, f.other) || !strings.Contains(text, "有限会社ほか")) {
		t.Errorf("C0002's statement lacks %s:\n%s", f.other, text)
	}

	r = runWith("", args...)
	if r.code != exitFail || !strings.Contains(r.stderr, "2 of the 2 statements exist already") ||
		!strings.Contains(r.stderr, "--force") || r.stdout != "" {
		t.Errorf("again: exit %d, %q", r.code, r.stderr)
	}
	mustRun(t, append(args, "--force")...)

	r = mustRun(t, "--db", f.db, "export", "statement", "--all", "--from", "2026-09-01", "--to", "2026-09-30", "--dir", dir)
	if r.stdout != "" || !strings.Contains(r.stderr, "nothing to export") {
		t.Errorf("September: stdout %q, stderr %q", r.stdout, r.stderr)
	}
}

// payExportFixture adds a payment to the export fixture: C0001 pays the
// November 20 invoice (33,000) on 2026-11-25. It returns the invoice's
// number and the payment's id.
func payExportFixture(t *testing.T, f exportFixture) int64 {
	t.Helper()
	ctx := context.Background()
	st := storetest.OpenFile(t, f.db)
	defer st.Close() // closed before the commands open the file
	inv, err := st.DocumentByNumber(ctx, f.nov20)
	if err != nil {
		t.Fatal(err)
	}
	p := store.Payment{CustomerID: inv.CustomerID, Date: storetest.Date("2026-11-25"), Amount: 33_000,
		Method: store.PayBankTransfer, PayerName: "ｶ)ﾃｽﾄ"}
	if err := st.RecordPayment(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if err := st.Allocate(ctx, p.ID, inv.ID, 33_000); err != nil {
		t.Fatal(err)
	}
	return p.ID
}

// csvRows parses CSV output; every row must have the header's length.
func csvRows(t *testing.T, data string) [][]string {
	t.Helper()
	rows, err := csv.NewReader(strings.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return rows
}

// cellOf is the cell of column key in row (rows[0] is the header).
func cellOf(t *testing.T, rows [][]string, row int, key string) string {
	t.Helper()
	i := slices.Index(rows[0], key)
	if i < 0 {
		t.Fatalf("no column %q in %q", key, rows[0])
	}
	return rows[row][i]
}

// export csv: the invoices (void ones with 0 amounts, credit notes
// negative), by period, to stdout or -o FILE, in UTF-8 or Shift_JIS; the
// customers as list customers writes them; payments and document lines.
func TestExportCSV(t *testing.T) {
	f := newExportFixture(t)
	payment := payExportFixture(t, f)

	r := mustRun(t, "--db", f.db, "export", "csv", "invoices")
	if !strings.HasSuffix(r.stdout, "\r\n") {
		t.Error("the lines do not end in CRLF")
	}
	rows := csvRows(t, r.stdout)
	var numbers []string
	var total int
	for i := range rows[1:] {
		numbers = append(numbers, cellOf(t, rows, i+1, "number"))
		n, err := strconv.Atoi(cellOf(t, rows, i+1, "total"))
		if err != nil {
			t.Fatal(err)
		}
		total += n
	}
	want := []string{f.october, f.octCredit, f.nov5, f.other, f.novCredit, f.nov20, f.void, f.december}
	if !slices.Equal(numbers, want) {
		t.Errorf("numbers %v, want %v (the draft left out)", numbers, want)
	}
	if total != 55_000-11_000+22_000+44_000-5_500+33_000+99_000 {
		t.Errorf("Σ total %d: credit notes must be negative and the void invoice 0", total)
	}
	void := slices.Index(numbers, f.void) + 1
	if cellOf(t, rows, void, "total") != "0" || cellOf(t, rows, void, "voided_reason") != "二重発行" ||
		cellOf(t, rows, void, "status") != "void" {
		t.Errorf("void row %q", rows[void])
	}
	nov20 := slices.Index(numbers, f.nov20) + 1
	if cellOf(t, rows, nov20, "paid") != "33000" || cellOf(t, rows, nov20, "open") != "0" ||
		cellOf(t, rows, nov20, "net_10") != "30000" || cellOf(t, rows, nov20, "customer_name") != "株式会社テスト" {
		t.Errorf("%s row %q", f.nov20, rows[nov20])
	}

	r = mustRun(t, "--db", f.db, "export", "csv", "invoices", "--from", "2026-11-01", "--to", "2026-11-30")
	if got := len(csvRows(t, r.stdout)) - 1; got != 5 {
		t.Errorf("November: %d rows, want 5", got)
	}

	// -o in Shift_JIS: the path on stdout, a private file, never replaced
	// without --force.
	out := filepath.Join(t.TempDir(), "請求.csv")
	r = mustRun(t, "--db", f.db, "export", "csv", "invoices", "--encoding", "sjis", "-o", out)
	if strings.TrimSpace(r.stdout) != out {
		t.Errorf("stdout %q, want the path", r.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(out); fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", fi.Mode().Perm())
	}
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil || !strings.Contains(string(text), "株式会社テスト") || bytes.Contains(data, []byte("株式会社")) {
		t.Errorf("not Shift_JIS: %v", err)
	}
	if r := runWith("", "--db", f.db, "export", "csv", "invoices", "-o", out); r.code != exitFail ||
		!strings.Contains(r.stderr, "--force") {
		t.Errorf("again: exit %d, %q", r.code, r.stderr)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(again, data) {
		t.Error("replaced without --force")
	}
	mustRun(t, "--db", f.db, "export", "csv", "invoices", "-o", out, "--force")

	// The customers in the shape of list customers.
	cust := mustRun(t, "--db", f.db, "export", "csv", "customers")
	if list := mustRun(t, "--db", f.db, "list", "customers", "--format", "csv"); cust.stdout != list.stdout {
		t.Errorf("export csv customers:\n%s\nlist customers --format csv:\n%s", cust.stdout, list.stdout)
	}

	pay := csvRows(t, mustRun(t, "--db", f.db, "export", "csv", "payments").stdout)
	if len(pay) != 2 || cellOf(t, pay, 1, "id") != strconv.FormatInt(payment, 10) || cellOf(t, pay, 1, "amount") != "33000" ||
		cellOf(t, pay, 1, "allocated") != "33000" || cellOf(t, pay, 1, "date") != "2026-11-25" {
		t.Errorf("payments %q", pay)
	}
	docs := csvRows(t, mustRun(t, "--db", f.db, "export", "csv", "documents", "--to", "2026-10-31").stdout)
	if len(docs) != 3 || cellOf(t, docs, 1, "number") != f.october || cellOf(t, docs, 2, "number") != f.octCredit ||
		cellOf(t, docs, 1, "line_no") != "1" || cellOf(t, docs, 1, "amount") != "50000" {
		t.Errorf("October's document lines %q", docs)
	}
}

// A customer name Shift_JIS cannot hold: export csv --encoding sjis fails
// (exit 1) naming the row and column, and -o leaves no file.
func TestExportCSVShiftJISRefused(t *testing.T) {
	f := newExportFixture(t)
	st := storetest.OpenFile(t, f.db)
	storetest.AddCustomers(t, st, storetest.Customer("C0003", "𠮷野商店"))
	st.Close()
	out := filepath.Join(t.TempDir(), "c.csv")
	r := runWith("", "--db", f.db, "export", "csv", "customers", "--encoding", "sjis", "-o", out)
	if r.code != exitFail || !strings.Contains(r.stderr, "row 3 (C0003), column name") ||
		!strings.Contains(r.stderr, "𠮷") || !strings.Contains(r.stderr, "--encoding utf8") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Error("a file was left behind")
	}
	mustRun(t, "--db", f.db, "export", "csv", "customers", "--encoding", "utf8", "-o", out)
}

// export journal: hledger (checked by hledger itself when installed) in the
// language of --lang, 弥生 as Shift_JIS rows of 25 columns.
func TestExportJournal(t *testing.T) {
	f := newExportFixture(t)
	payExportFixture(t, f)

	r := mustRun(t, "--db", f.db, "--lang", "ja", "export", "journal", "--format", "hledger")
	for _, want := range []string{"commodity 1000. JPY", "account 資産:売掛金:C0001", "(" + f.october + ") 株式会社テスト",
		"資産:普通預金  33000 JPY", "収益:売上高:10%  10000 JPY"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the journal lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, f.void) {
		t.Errorf("the void invoice %s is booked", f.void)
	}
	out := filepath.Join(t.TempDir(), "daicho.journal")
	r = mustRun(t, "--db", f.db, "--lang", "en", "export", "journal", "--format", "hledger", "-o", out)
	if strings.TrimSpace(r.stdout) != out {
		t.Errorf("stdout %q", r.stdout)
	}
	data, _ := os.ReadFile(out)
	if !strings.Contains(string(data), "assets:receivable:C0002  44000 JPY") {
		t.Errorf("the English journal:\n%s", data)
	}
	if _, err := exec.LookPath("hledger"); err == nil {
		cmd := exec.Command("hledger", "-f", out, "check", "-s", "accounts", "commodities")
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8") // hledger reads files in the locale's encoding
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("hledger check: %v\n%s", err, msg)
		}
	}

	r = mustRun(t, "--db", f.db, "export", "journal", "--format", "hledger", "--from", "2026-12-01")
	if strings.Count(r.stdout, "\n2026-") != 1 || !strings.Contains(r.stdout, f.december) {
		t.Errorf("from December: one entry, %s:\n%s", f.december, r.stdout)
	}

	yayoi := filepath.Join(t.TempDir(), "yayoi.csv")
	mustRun(t, "--db", f.db, "export", "journal", "--format", "yayoi", "-o", yayoi)
	data, _ = os.ReadFile(yayoi)
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	rd := csv.NewReader(bytes.NewReader(text))
	rd.FieldsPerRecord = 25
	rows, err := rd.ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, text)
	}
	// 7 invoices and credit notes issued, the payment.
	if len(rows) != 8 || rows[0][0] != "2000" || rows[0][3] != "2026/10/15" || rows[0][4] != "売掛金" ||
		rows[0][5] != "株式会社テスト" || rows[0][10] != "売上高" || rows[0][13] != "課税売上込10%" ||
		rows[0][14] != "55000" || rows[0][15] != "5000" {
		t.Errorf("yayoi rows %q", rows)
	}
}
