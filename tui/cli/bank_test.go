package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/demo"
)

// section returns the lines of the report section whose heading starts with
// heading (up to the next blank line).
func section(out, heading string) []string {
	_, rest, ok := strings.Cut(out, "\n"+heading)
	if !ok {
		return nil
	}
	body, _, _ := strings.Cut(rest, "\n\n")
	lines := strings.Split(strings.TrimRight(body, "\n"), "\n")
	return lines[1:]
}

// The demo's Zengin file: a dry run shows and writes nothing; the import
// records the sure matches (a learned payer or the invoice number in the
// memo, exact amount) and lists the rest; importing it again adds nothing.
func TestImportBankZengin(t *testing.T) {
	db, zengin, _ := demoBank(t)
	before := len(payments(t, db))

	dry := mustRun(t, "--db", db, "import", "bank", zengin, "--dry-run")
	if !strings.Contains(dry.stdout, "dry run") || !strings.Contains(dry.stdout, "7 deposits, 7 new, 0 imported before") ||
		len(section(dry.stdout, "Would be matched")) != 4 {
		t.Fatalf("dry run said:\n%s", dry.stdout)
	}
	if n := len(payments(t, db)); n != before {
		t.Fatalf("the dry run recorded %d payments", n-before)
	}

	r := mustRun(t, "--db", db, "import", "bank", zengin)
	matched, review, none := section(r.stdout, "Matched"), section(r.stdout, "To review"), section(r.stdout, "No candidate")
	if !strings.Contains(r.stdout, "7 deposits, 7 new, 0 imported before") || len(matched) != 4 || len(review) != 2 ||
		len(none) != 1 {
		t.Fatalf("import said:\n%s", r.stdout)
	}
	for _, want := range []string{"I-2026-0048", "I-2026-0036", "I-2026-0046", "I-2026-0037"} {
		if !strings.Contains(strings.Join(matched, "\n"), want) {
			t.Errorf("%s not matched:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(review[0], "I-2026-0032") || !strings.Contains(review[0], "fee ¥880") ||
		!strings.Contains(review[1], "I-2026-0034+I-2026-0049") || !strings.Contains(none[0], "5,500") {
		t.Errorf("to review / no candidate:\n%s", r.stdout)
	}
	ps := payments(t, db)
	if len(ps) != before+4 {
		t.Fatalf("%d payments recorded, want 4", len(ps)-before)
	}
	if p := ps[0]; p["method"] != "bank_transfer" || p["unapplied"].(float64) != 0 || p["payer_name"] == "" {
		t.Errorf("newest payment %v", p)
	}

	again := mustRun(t, "--db", db, "import", "bank", zengin)
	if !strings.Contains(again.stdout, "7 deposits, 0 new, 7 imported before") || len(payments(t, db)) != before+4 {
		t.Errorf("second import said:\n%s", again.stdout)
	}
	// The overdue invoice the file paid is overdue no more.
	if out := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20").stdout; strings.Contains(out, "I-2026-0037") {
		t.Errorf("I-2026-0037 still overdue:\n%s", out)
	}
}

// The demo's bank CSV (Shift_JIS, preamble lines) is read with the profile
// that fits it, or the one named; a Zengin file built by hand, with a
// deposit for an invoice number and one nobody knows, in Japanese.
func TestImportBankCSVAndBuiltZengin(t *testing.T) {
	db, _, csvFile := demoBank(t)
	r := mustRun(t, "--db", db, "import", "bank", "--profile", "oazukekingaku", csvFile)
	if !strings.Contains(r.stdout, "3 deposits, 3 new") || len(section(r.stdout, "Matched")) != 2 ||
		len(section(r.stdout, "To review")) != 1 {
		t.Fatalf("csv import said:\n%s", r.stdout)
	}
	file, err := demo.ZenginStatement(demo.Reference, []demo.BankDeposit{
		{Date: demo.Reference, Amount: 33000, Payer: "ｽｽﾞｷ ﾊﾅｺ", EDI: "I20260053"},
		{Date: demo.Reference, Amount: 1234, Payer: "ｿﾉﾀ"},
		{Date: demo.Reference, Amount: 999, Payer: "ﾃｽｳﾘﾖｳ", Withdrawal: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "built.txt", file)
	r = mustRun(t, "--db", db, "--lang", "ja", "import", "bank", path, "--format", "zengin")
	if !strings.Contains(r.stdout, "入金 2 件") || !strings.Contains(r.stdout, "I-2026-0053") ||
		!strings.Contains(r.stdout, "候補なし（1 件）") {
		t.Errorf("built file said:\n%s", r.stdout)
	}
}

func TestImportBankProblems(t *testing.T) {
	db, zengin, _ := demoBank(t)
	data, err := os.ReadFile(zengin)
	if err != nil {
		t.Fatal(err)
	}
	// The trailer's deposit count (record 10: header, 8 data) says 8.
	lines := strings.Split(string(data), "\r\n")
	lines[9] = "8000008" + lines[9][7:]
	bad := writeFile(t, "bad.txt", []byte(strings.Join(lines, "\r\n")))
	before := len(payments(t, db))
	r := runWith("", "--db", db, "import", "bank", bad)
	if r.code != exitFail || !strings.Contains(r.stderr, "line 10") || !strings.Contains(r.stderr, "nothing was imported") {
		t.Errorf("bad trailer: exit %d\n%s", r.code, r.stderr)
	}
	if len(payments(t, db)) != before {
		t.Error("a refused file recorded payments")
	}
	if r := mustRun(t, "--db", db, "import", "bank", zengin); !strings.Contains(r.stdout, "7 new") {
		t.Errorf("after the refused file, the good one said:\n%s", r.stdout)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "bank", zengin, "--format", "ofx"}, "ofx"},
		{[]string{"import", "bank", zengin, "--format", "zengin", "--profile", "generic"}, "--profile"},
		{[]string{"import", "customers", zengin, "--dry-run"}, "--dry-run"},
		{[]string{"import", "bank", zengin, "--issue"}, "--issue"},
		{[]string{"import", "bank"}, "import bank FILE"},
		{[]string{"overdue", "--as-of", "20/11/2026"}, "--as-of"},
		{[]string{"overdue", "--format", "xml"}, "xml"},
		{[]string{"overdue", "soon"}, "soon"},
		{[]string{"list", "payments", "--kind", "invoice"}, "--kind"},
	} {
		r := runWith("", append([]string{"--db", db}, c.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q", c.args, r.code, r.stderr)
		}
	}
	r = runWith("", "--db", db, "import", "bank", zengin, "--profile", "nosuch", "--format", "csv")
	if r.code != exitFail || !strings.Contains(r.stderr, "nosuch") {
		t.Errorf("unknown profile: exit %d, stderr %q", r.code, r.stderr)
	}
}

// bareLedger is a database with the demo company and nothing else: bank
// deposits find no candidate and stay to be matched by hand.
func bareLedger(t *testing.T) string {
	t.Helper()
	path := filepath.Join(cleanEnv(t), "bare.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	co := demo.Company()
	if err := st.SaveCompany(t.Context(), &co); err != nil {
		t.Fatal(err)
	}
	return path
}

// A deposit is recognised by what the bank says about it, not by its place
// in a statement: overlapping statements (numbered afresh each day), the
// same file in another order, and two genuinely equal deposits on one day,
// in Zengin and CSV files, dry run and real run alike.
func TestImportBankOverlapAndTwins(t *testing.T) {
	d := store.DateOf
	a := demo.BankDeposit{Date: d(2026, 11, 16), Amount: 11_000, Payer: "ｱｻﾋ ﾀﾛｳ", Description: "ﾌﾘｺﾐ"}
	b := demo.BankDeposit{Date: d(2026, 11, 17), Amount: 22_000, Payer: "ｲﾄｳ ﾊﾅｺ", Description: "ﾌﾘｺﾐ"}
	c := demo.BankDeposit{Date: d(2026, 11, 18), Amount: 33_000, Payer: "ｳｴﾀﾞ ｼﾞﾛｳ", Description: "ﾌﾘｺﾐ"}
	e := demo.BankDeposit{Date: d(2026, 11, 19), Amount: 5_500, Payer: "ｴﾉﾓﾄ ｹﾝ", Description: "ﾌﾘｺﾐ"}
	steps := []struct {
		name           string
		day            int // of November: the statement's date
		deposits       []demo.BankDeposit
		added, already int
	}{
		{"yesterday", 18, []demo.BankDeposit{a, b, c}, 3, 0},
		{"today overlaps", 19, []demo.BankDeposit{c, e}, 1, 1},
		{"today reordered", 19, []demo.BankDeposit{e, c}, 0, 2},
		{"the week reordered", 20, []demo.BankDeposit{e, c, b, a}, 0, 4},
		{"a twin of e", 20, []demo.BankDeposit{e, e}, 1, 1},
		{"the twins again", 20, []demo.BankDeposit{e, e}, 0, 2},
		{"three of e", 20, []demo.BankDeposit{e, a, e, e}, 1, 3},
	}
	for _, f := range []struct {
		format string
		build  func(day int, ds []demo.BankDeposit) ([]byte, error)
	}{
		{"zengin", func(day int, ds []demo.BankDeposit) ([]byte, error) {
			return demo.ZenginStatement(d(2026, 11, day), ds) // records numbered from 10001 in each
		}},
		{"csv", func(_ int, ds []demo.BankDeposit) ([]byte, error) {
			return demo.BankCSV(ds) // the balance column starts afresh in each
		}},
	} {
		t.Run(f.format, func(t *testing.T) {
			db := bareLedger(t)
			for i, s := range steps {
				want := fmt.Sprintf("%d deposits, %d new, %d imported before", s.added+s.already, s.added, s.already)
				data, err := f.build(s.day, s.deposits)
				if err != nil {
					t.Fatal(err)
				}
				path := writeFile(t, fmt.Sprintf("%d.txt", i), data)
				dry := mustRun(t, "--db", db, "import", "bank", path, "--format", f.format, "--dry-run")
				if !strings.Contains(dry.stdout, "dry run") || !strings.Contains(dry.stdout, want) {
					t.Fatalf("%s, dry run: want %q, said:\n%s", s.name, want, dry.stdout)
				}
				r := mustRun(t, "--db", db, "import", "bank", path, "--format", f.format)
				if !strings.Contains(r.stdout, want) {
					t.Fatalf("%s: want %q, said:\n%s", s.name, want, r.stdout)
				}
			}
			st, err := store.Open(db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			all, err := st.BankLines(t.Context(), "")
			if err != nil || len(all) != 6 {
				t.Fatalf("%d bank lines stored (%v), want 6: a, b, c and e three times (the most one file brought)",
					len(all), err)
			}
		})
	}
}

// The lines to review list candidates, none called sure, and none an
// invoice the same run paid; the report counts the deposits still waiting
// and held.
func TestImportBankReviewListsCandidates(t *testing.T) {
	db, zengin, _ := demoBank(t)
	r := mustRun(t, "--db", db, "import", "bank", zengin)
	review := section(r.stdout, "To review")
	if len(review) != 2 {
		t.Fatalf("import said:\n%s", r.stdout)
	}
	paid := section(r.stdout, "Matched")
	for _, line := range review {
		if strings.Contains(line, "(sure") || !strings.Contains(line, "candidates: ") {
			t.Errorf("review line %q", line)
		}
		for _, m := range paid {
			number := strings.Fields(m)[3] // date, amount, payer, invoice
			if strings.HasPrefix(number, "I-") && strings.Contains(line, number) {
				t.Errorf("%s, paid by this run, offered again: %q", number, line)
			}
		}
	}
	if !strings.Contains(r.stdout, "Waiting in the reconciliation screen: 3 to match (¥296,120), 0 held (¥0)") {
		t.Errorf("no waiting line:\n%s", r.stdout)
	}
}

// A sure match that cannot be recorded leaves its deposit open, says so on
// stderr, and the import exits 1; the other matches stand.
func TestImportBankExitsOneWhenASureMatchFails(t *testing.T) {
	db, zengin, _ := demoBank(t)
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	// I-2026-0048 is closed by someone else as the file is imported.
	if _, err := st.DB().Exec(`CREATE TRIGGER closed_meanwhile AFTER INSERT ON bank_lines WHEN NEW.amount = 46200
		BEGIN INSERT INTO adjustments (invoice_id, kind, amount, date, actor, created_at)
		SELECT invoice_id, 'discount', open, '2026-11-16', 'x', 'x' FROM invoice_balances WHERE number = 'I-2026-0048'; END`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	r := runWith("", "--db", db, "import", "bank", zengin)
	if r.code != exitFail || !strings.Contains(r.stderr, "could not be recorded") || len(section(r.stdout, "Matched")) != 3 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", r.code, r.stdout, r.stderr)
	}
}

// list payers: the payer names the demo's matches taught, all or one
// customer's, as a table, CSV or JSON.
func TestListPayers(t *testing.T) {
	db, _, _ := demoBank(t)
	var all []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "list", "payers", "--format", "json").stdout), &all); err != nil {
		t.Fatal(err)
	}
	if len(all) == 0 {
		t.Fatal("the demo taught no payer name")
	}
	code := all[0]["customer_code"].(string)
	var one []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "list", "payers", "--customer", code, "--format", "json").stdout), &one); err != nil {
		t.Fatal(err)
	}
	for _, p := range one {
		if p["customer_code"] != code || p["payer"] == "" || p["confirmed"].(float64) < 1 {
			t.Errorf("payer %v", p)
		}
	}
	if len(one) == 0 || len(one) > len(all) {
		t.Errorf("%d of %d payers for %s", len(one), len(all), code)
	}
	csvOut := mustRun(t, "--db", db, "list", "payers", "--format", "csv").stdout
	if !strings.HasPrefix(csvOut, "payer,customer_code,customer_name,confirmed\r\n") || strings.Count(csvOut, "\r\n") != len(all)+1 {
		t.Errorf("csv:\n%s", csvOut)
	}
	table := mustRun(t, "--db", db, "list", "payers").stdout
	if !strings.Contains(table, "Payer") || !strings.Contains(table, code) {
		t.Errorf("table:\n%s", table)
	}
	if r := runWith("", "--db", db, "list", "payers", "--status", "open"); r.code != exitUsage {
		t.Errorf("--status on payers: exit %d", r.code)
	}
}
