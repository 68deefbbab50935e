package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding/japanese"

	"daicho/store"
	"daicho/tui/i18n"
)

// customerKeys are the keys of ARCHITECTURE.md §8, written out here rather
// than taken from the code so the test checks the code against the spec.
var customerKeys = []string{"code", "name", "kana", "honorific", "postal_code", "address1", "address2",
	"department", "contact", "email", "phone", "closing_day", "months_deferred", "payment_day",
	"holiday_rule", "registration_number", "language", "person_in_charge", "notes", "archived"}

// cleanEnv makes the tests independent of the machine: English messages,
// and a default database inside the test's folder, so a test that forgets
// --db can never touch a real ledger.
func cleanEnv(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "C")
	t.Setenv("DAICHO_DB", filepath.Join(dir, "default.db"))
	return dir
}

type result struct {
	code           int
	stdout, stderr string
}

func runWith(stdin string, args ...string) result {
	var out, errOut bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errOut)
	return result{code, out.String(), errOut.String()}
}

// mustRun runs daicho and fails the test unless it exits 0.
func mustRun(t *testing.T, args ...string) result {
	t.Helper()
	r := runWith("", args...)
	if r.code != exitOK {
		t.Fatalf("daicho %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), r.code, r.stdout, r.stderr)
	}
	return r
}

// listJSON returns the customers `list customers --format json` prints.
func listJSON(t *testing.T, db string, extra ...string) []store.Customer {
	t.Helper()
	r := mustRun(t, append([]string{"--db", db, "list", "customers", "--format", "json"}, extra...)...)
	var cs []store.Customer
	if err := json.Unmarshal([]byte(r.stdout), &cs); err != nil {
		t.Fatalf("list json: %v\n%s", err, r.stdout)
	}
	return cs
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDemoThenListJSON(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	r := mustRun(t, "--db", db, "demo")
	if !strings.Contains(r.stdout, "added 40 demo customers") {
		t.Errorf("demo said %q", r.stdout)
	}
	out := mustRun(t, "list", "customers", "--format", "json", "--db", db).stdout
	// Every object has exactly the §8 keys, in order.
	dec := json.NewDecoder(strings.NewReader(out))
	dec.Token()
	rows := 0
	for ; dec.More(); rows++ {
		var obj []string
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			obj = append(obj, k.(string))
			var v any
			dec.Decode(&v)
		}
		dec.Token()
		if !reflect.DeepEqual(obj, customerKeys) {
			t.Fatalf("record %d keys %v", rows+1, obj)
		}
	}
	all := listJSON(t, db, "--archived")
	if rows < 35 || rows >= len(all) || len(all) != 40 {
		t.Errorf("%d active of %d; want ≈40 with some archived", rows, len(all))
	}
	for _, c := range listJSON(t, db) {
		if c.Archived {
			t.Errorf("%s is archived but listed without --archived", c.Code)
		}
	}
}

func TestDemoRefusedThenForce(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")

	r := runWith("", "--db", db, "demo")
	if r.code != exitFail || !strings.Contains(r.stderr, "--force") || !strings.Contains(r.stderr, db) {
		t.Fatalf("second demo: exit %d, stderr %q; want 1 naming the file and --force", r.code, r.stderr)
	}
	if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
		t.Fatal("a refused demo changed the database")
	}

	mustRun(t, "--db", db, "demo", "--force")
	after := listJSON(t, db, "--archived")
	if len(after) != 80 || !reflect.DeepEqual(after[:40], before) {
		t.Fatalf("after --force: %d customers, first 40 unchanged: %v", len(after), reflect.DeepEqual(after[:40], before))
	}
	if after[40].Code != "C0041" || after[79].Code != "C0080" {
		t.Errorf("forced codes %s…%s, want C0041…C0080", after[40].Code, after[79].Code)
	}
}

func TestDemoLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 customers")
	}
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo", "--size", "large")
	if n := len(listJSON(t, db, "--archived")); n != 10_000 {
		t.Errorf("%d customers", n)
	}
}

func TestListCSV(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	for _, archived := range []bool{false, true} {
		args := []string{"--db", db, "list", "customers", "--format", "csv"}
		want := listJSON(t, db)
		if archived {
			args = append(args, "--archived")
			want = listJSON(t, db, "--archived")
		}
		records, err := csv.NewReader(strings.NewReader(mustRun(t, args...).stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(records[0], customerKeys) {
			t.Errorf("header %v", records[0])
		}
		if len(records)-1 != len(want) {
			t.Errorf("archived=%v: %d rows, want %d", archived, len(records)-1, len(want))
		}
		for i, rec := range records[1:] {
			if rec[0] != want[i].Code || rec[1] != want[i].Name {
				t.Errorf("row %d = %v, want %s %s", i+1, rec[:2], want[i].Code, want[i].Name)
			}
		}
	}
}

// The table lines up by display width: every cell starts at the same cell
// column as its header, whether the text is kanji, kana (half-width in the
// data), or Latin, and whatever the language of the header.
func TestListTableAligned(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	byCode := map[string]store.Customer{}
	for _, c := range listJSON(t, db, "--archived") {
		byCode[c.Code] = c
	}
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			out := mustRun(t, "--db", db, "--lang", lang, "list", "customers", "--archived").stdout
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 41 {
				t.Fatalf("%d lines, want a header and 40 rows", len(lines))
			}
			p := i18n.New(i18n.Lang(lang))
			header := []string{p.Field("code"), p.Field("name"), p.Field("kana"), p.Field("phone"),
				p.Field("person_in_charge"), p.Field("archived")}
			starts := cellStarts(t, lines[0], header)
			for _, line := range lines[1:] {
				code, _, _ := strings.Cut(line, " ")
				c, ok := byCode[code]
				if !ok {
					t.Fatalf("line %q: unknown code", line)
				}
				mark := ""
				if c.Archived {
					mark = p.T("cli.list.archived_mark")
				}
				cells := []string{c.Code, store.FoldDisplay(c.Name), store.FoldDisplay(c.Kana), c.Phone,
					c.PersonInCharge, mark}
				got := cellStarts(t, line, cells)
				for i := range cells {
					if cells[i] != "" && got[i] != starts[i] {
						t.Errorf("%s: %q starts at cell %d, its header at %d\n%s\n%s", code, cells[i], got[i],
							starts[i], lines[0], line)
					}
				}
			}
		})
	}
}

// cellStarts finds each cell in line, in order, and returns the display
// column it starts at (-1 for an empty cell).
func cellStarts(t *testing.T, line string, cells []string) []int {
	t.Helper()
	starts := make([]int, len(cells))
	from := 0
	for i, cell := range cells {
		if cell == "" {
			starts[i] = -1
			continue
		}
		at := strings.Index(line[from:], cell)
		if at < 0 {
			t.Fatalf("%q not in %q", cell, line)
		}
		starts[i] = ansi.StringWidth(line[:from+at])
		from += at + len(cell)
	}
	return starts
}

const goodCSV = "code,name,kana,honorific,phone,closing_day,months_deferred,payment_day,email,registration_number\n" +
	"A001,株式会社インポート,いんぽーと,御中,03-1111-2222,20,1,10,keiri@import.example.co.jp,T4011001098993\n" +
	"A002,佐藤 一郎,サトウ イチロウ,様,090-1234-5678,31,1,31,,\n" +
	"A003,Example Ltd.,,,+44 20 7946 0000,31,2,31,ap@example.com,\n"

func TestImportGoodCSV(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	file := writeFile(t, "customers.csv", []byte(goodCSV))
	r := mustRun(t, "--db", db, "import", "customers", file)
	if !strings.Contains(r.stdout, "imported 3 customers") {
		t.Errorf("stdout %q", r.stdout)
	}
	cs := listJSON(t, db)
	if len(cs) != 3 {
		t.Fatalf("%d customers after import", len(cs))
	}
	first := cs[0]
	if first.Name != "株式会社インポート" || first.Kana != "インポート" || first.ClosingDay != 20 ||
		first.PaymentDay != 10 || first.RegistrationNumber != "T4011001098993" || first.Language != "ja" {
		t.Errorf("first imported customer: %+v", first)
	}
	if cs[2].Honorific != "" || cs[1].Honorific != "様" {
		t.Errorf("honorifics %q %q", cs[1].Honorific, cs[2].Honorific)
	}
}

// A file with bad rows writes nothing, and every bad line is reported with
// its field; problems from reading the file (a bad number) and from
// validation (a bad email) come out in one report.
func TestImportBadRowsWriteNothing(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")
	file := writeFile(t, "bad.csv", []byte("code,name,email,closing_day,postal_code\n"+
		"B001,良い会社,ok@good.example.jp,20,100-0001\n"+
		"B002,悪いメール,not-an-email,20,\n"+
		"B003,悪い締め日,,twenty,\n"+
		"B004,,,,\n"+
		"B005,範囲外,,29,1234\n"))
	r := runWith("", "--db", db, "import", "customers", file)
	if r.code != exitFail {
		t.Fatalf("exit %d, want 1; stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"bad.csv: 5 problem(s); nothing was imported",
		"line 3: Email: not an email address",
		`line 4: Closing day: "twenty" is not a whole number`,
		"line 5: Name: required",
		"line 6: Postal code: use the form 123-4567",
		"line 6: Closing day: must be a day from 1 to 28, or 31",
		"Fix the file",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "line 2") || r.stdout != "" {
		t.Errorf("reported the good line or wrote to stdout:\n%s%s", r.stdout, r.stderr)
	}
	if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
		t.Error("a failed import changed the database")
	}
}

func TestImportDuplicateCodes(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	before := listJSON(t, db, "--archived")
	file := writeFile(t, "dup.csv", []byte("code,name\nN001,新規\nC0001,既存と重複\nN001,ファイル内で重複\nc0002,小文字でも重複\n"))
	r := runWith("", "--db", db, "import", "customers", file)
	if r.code != exitFail {
		t.Fatalf("exit %d; stderr %s", r.code, r.stderr)
	}
	for _, want := range []string{
		"line 3: Code: code C0001 is already used by another customer",
		"line 4: Code: code N001 appears twice in this file (first at line 2)",
		"line 5: Code: code C0002 is already used by another customer",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if got := listJSON(t, db, "--archived"); !reflect.DeepEqual(got, before) {
		t.Error("a refused import changed the database")
	}
}

func TestImportShiftJIS(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(strings.ReplaceAll(goodCSV, "\n", "\r\n")))
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, "--db", db, "import", "customers", writeFile(t, "excel.csv", sjis))
	cs := listJSON(t, db)
	if len(cs) != 3 || cs[0].Name != "株式会社インポート" || cs[1].Name != "佐藤 一郎" {
		t.Errorf("imported %+v", cs)
	}
}

// What list prints as JSON (or CSV) imports into another database unchanged,
// archived customers included; JSON problems are numbered by record.
func TestExportImportRoundTrip(t *testing.T) {
	dir := cleanEnv(t)
	src := filepath.Join(dir, "src.db")
	mustRun(t, "--db", src, "demo")
	want := listJSON(t, src, "--archived")
	for _, format := range []string{"json", "csv"} {
		t.Run(format, func(t *testing.T) {
			out := mustRun(t, "--db", src, "list", "customers", "--archived", "--format", format).stdout
			dst := filepath.Join(t.TempDir(), "dst.db")
			mustRun(t, "--db", dst, "import", "customers", writeFile(t, "all."+format, []byte(out)))
			if got := listJSON(t, dst, "--archived"); !reflect.DeepEqual(got, want) {
				t.Error("round trip changed the customers")
			}
		})
	}
	bad := writeFile(t, "bad.json", []byte(`[{"code":"J1","name":"A"},{"code":"J2","name":"B","email":"nope"}]`))
	r := runWith("", "--db", filepath.Join(dir, "x.db"), "import", "customers", bad)
	if r.code != exitFail || !strings.Contains(r.stderr, "record 2: Email: not an email address") {
		t.Errorf("exit %d, stderr %s", r.code, r.stderr)
	}
}

func TestImportFromStdin(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	r := runWith(goodCSV, "--db", db, "import", "customers", "-")
	if r.code != exitOK || !strings.Contains(r.stdout, "imported 3 customers from standard input") {
		t.Fatalf("exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestImportFileProblems(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "d.db")
	tests := []struct {
		name, path, want string
	}{
		{"missing file", filepath.Join(dir, "nope.csv"), "cannot read"},
		{"empty file", writeFile(t, "empty.csv", nil), "holds no customers"},
		{"unknown column", writeFile(t, "u.csv", []byte("code,name,fax\nA,B,C\n")), `line 1: unknown column "fax"`},
		{"missing code column", writeFile(t, "m.csv", []byte("name\nA\n")), "line 1: the header has no code column"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith("", "--db", db, "import", "customers", tt.path)
			if r.code != exitFail || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want 1 and %q", r.code, r.stderr, tt.want)
			}
		})
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("a file that could not be read still created the database")
	}
}

func TestUsageErrors(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"bad global flag", []string{"--bogus"}, "-bogus"},
		{"bad command flag", []string{"list", "customers", "--bogus"}, "-bogus"},
		{"bad flag value", []string{"demo", "--force=maybe"}, "force"},
		{"bad language", []string{"--lang", "fr", "version"}, `unknown language "fr"`},
		{"bad size", []string{"demo", "--size", "huge"}, `unknown size "huge"`},
		{"list nothing", []string{"list"}, "list what?"},
		{"list unknown", []string{"list", "products"}, `cannot list "products"`},
		{"list bad format", []string{"list", "customers", "--format", "xml"}, `unknown format "xml"`},
		{"list extra", []string{"list", "customers", "more"}, `unexpected argument "more"`},
		{"import nothing", []string{"import"}, "import what?"},
		{"import no file", []string{"import", "customers"}, "name the file"},
		{"import two files", []string{"import", "customers", "a", "b"}, `unexpected argument "b"`},
		{"demo flag with a command", []string{"--demo", "list", "customers"}, "--demo"},
		{"version extra", []string{"version", "now"}, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runWith("", append([]string{"--db", db}, tt.args...)...)
			if r.code != exitUsage {
				t.Errorf("exit %d, want 2", r.code)
			}
			if !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "usage: daicho") || r.stdout != "" {
				t.Errorf("stderr %q, stdout %q; want %q and the short usage on stderr only", r.stderr, r.stdout, tt.want)
			}
		})
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("a usage error created the database")
	}
}

func TestVersionAndHelp(t *testing.T) {
	cleanEnv(t)
	r := mustRun(t, "version")
	if want := "daicho " + version + " (database schema "; !strings.HasPrefix(r.stdout, want) || r.stderr != "" {
		t.Errorf("version: %q", r.stdout)
	}
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}, {"list", "--help"}} {
		r := mustRun(t, args...)
		if !strings.Contains(r.stdout, "daicho import customers FILE") || r.stderr != "" {
			t.Errorf("%v: stdout %q stderr %q", args, r.stdout, r.stderr)
		}
	}
}

// A damaged file is reported with its name and what to do, and left exactly
// as it was: never "repaired" into an empty ledger.
func TestDamagedDatabase(t *testing.T) {
	dir := cleanEnv(t)
	tests := map[string][]byte{
		"not a database":   bytes.Repeat([]byte("this is not a database\n"), 400),
		"damaged database": append([]byte("SQLite format 3\x00"), bytes.Repeat([]byte{0xA5}, 8192)...),
	}
	for name, content := range tests {
		t.Run(name, func(t *testing.T) {
			db := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".db")
			if err := os.WriteFile(db, content, 0o600); err != nil {
				t.Fatal(err)
			}
			tuiCalls := stubTUI(t, nil)
			for _, args := range [][]string{{"list", "customers"}, {"demo", "--force"}, {}} {
				r := runWith("", append([]string{"--db", db}, args...)...)
				if r.code != exitFail || !strings.Contains(r.stderr, db+" is damaged") ||
					!strings.Contains(r.stderr, "backup") {
					t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
				}
			}
			if *tuiCalls != 0 {
				t.Error("the TUI ran on a damaged database")
			}
			if got, _ := os.ReadFile(db); !bytes.Equal(got, content) {
				t.Error("the damaged file was changed")
			}
		})
	}
}

func TestJapaneseMessages(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "d.db")
	file := writeFile(t, "bad.csv", []byte("code,name,closing_day\nA1,,x\n"))
	want := []string{"問題が 2 件あります", "2行目: 締め日: \"x\" は整数ではありません", "2行目: 名称: 入力してください"}

	r := runWith("", "--db", db, "import", "customers", file, "--lang", "ja")
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("--lang ja: stderr lacks %q:\n%s", w, r.stderr)
		}
	}
	t.Setenv("LANG", "ja_JP.UTF-8")
	if r := runWith("", "--db", db, "import", "customers", file); !strings.Contains(r.stderr, want[0]) {
		t.Errorf("LANG=ja_JP: stderr %s", r.stderr)
	}
	if r := runWith("", "--db", db, "--lang", "en", "import", "customers", file); !strings.Contains(r.stderr, "2 problem(s)") {
		t.Errorf("--lang en over LANG=ja: stderr %s", r.stderr)
	}
	if r := runWith("", "frobnicate"); !strings.Contains(r.stderr, "不明なコマンドです") || r.code != exitUsage {
		t.Errorf("usage error in Japanese: %d %s", r.code, r.stderr)
	}
}

func TestDBPath(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	tests := []struct {
		name, flag, env, xdg, want string
	}{
		{"flag first", "/x/flag.db", "/x/env.db", "/x/xdg", "/x/flag.db"},
		{"then DAICHO_DB", "", "/x/env.db", "/x/xdg", "/x/env.db"},
		{"then XDG_DATA_HOME", "", "", "/x/xdg", "/x/xdg/daicho/daicho.db"},
		{"relative XDG_DATA_HOME ignored", "", "", "rel", filepath.Join(home, ".local/share/daicho/daicho.db")},
		{"then the home folder", "", "", "", filepath.Join(home, ".local/share/daicho/daicho.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("DAICHO_DB", tt.env)
			t.Setenv("XDG_DATA_HOME", tt.xdg)
			c := &cli{db: tt.flag}
			if got, err := c.dbPath(); err != nil || got != tt.want {
				t.Errorf("dbPath = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	// And through run: with no --db the command uses $DAICHO_DB.
	env := filepath.Join(t.TempDir(), "sub", "env.db")
	t.Setenv("DAICHO_DB", env)
	mustRun(t, "demo")
	if info, err := os.Stat(env); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("database at $DAICHO_DB: %v %v", info, err)
	}
}

// stubTUI replaces the TUI for the test: it records each call through
// check, and returns err.
func stubTUI(t *testing.T, check func(st *store.Store, p i18n.Printer) error) *int {
	t.Helper()
	calls := 0
	saved := runTUI
	runTUI = func(st *store.Store, p i18n.Printer) error {
		calls++
		if check != nil {
			return check(st, p)
		}
		return nil
	}
	t.Cleanup(func() { runTUI = saved })
	return &calls
}

func TestTUIOnTheDatabase(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	var lang i18n.Lang
	calls := stubTUI(t, func(st *store.Store, p i18n.Printer) error {
		if st.Path() != db {
			t.Errorf("TUI got %s, want %s", st.Path(), db)
		}
		lang = p.Lang
		return nil
	})
	mustRun(t, "--db", db, "--lang", "ja")
	if *calls != 1 || lang != i18n.JA {
		t.Errorf("calls %d, lang %s", *calls, lang)
	}
	stubTUI(t, func(*store.Store, i18n.Printer) error { return errors.New("terminal gone") })
	if r := runWith("", "--db", db); r.code != exitFail || !strings.Contains(r.stderr, "terminal gone") {
		t.Errorf("TUI failure: exit %d, stderr %q", r.code, r.stderr)
	}
}

// --demo runs the TUI on a filled database in a temporary folder, removes the
// folder afterwards (also when the TUI fails), and never opens the real one.
func TestDemoTUI(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "real.db")
	for _, tuiErr := range []error{nil, errors.New("boom")} {
		var demoDir string
		stubTUI(t, func(st *store.Store, p i18n.Printer) error {
			demoDir = filepath.Dir(st.Path())
			cs, err := st.Customers(context.Background())
			if err != nil || len(cs) != 40 {
				t.Errorf("demo database: %d customers, %v", len(cs), err)
			}
			if _, err := st.Company(context.Background()); err != nil {
				t.Errorf("demo company: %v", err)
			}
			return tuiErr
		})
		r := runWith("", "--db", db, "--demo")
		if want := map[bool]int{true: exitOK, false: exitFail}[tuiErr == nil]; r.code != want {
			t.Errorf("exit %d, want %d (%s)", r.code, want, r.stderr)
		}
		if demoDir == "" || strings.HasPrefix(demoDir, dir) {
			t.Fatalf("demo database in %q", demoDir)
		}
		if _, err := os.Stat(demoDir); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("demo folder %s left behind", demoDir)
		}
	}
	if _, err := os.Stat(db); !errors.Is(err, os.ErrNotExist) {
		t.Error("--demo created the real database")
	}
}

// Flags may stand before, between or after positional arguments; "--" ends
// them, so a file named like a flag can still be given.
func TestParseArgs(t *testing.T) {
	tests := []struct {
		args      []string
		wantPos   []string
		wantFmt   string
		wantError bool
	}{
		{[]string{"customers", "--format", "json"}, []string{"customers"}, "json", false},
		{[]string{"--format=csv", "customers"}, []string{"customers"}, "csv", false},
		{[]string{"a", "--format", "csv", "b"}, []string{"a", "b"}, "csv", false},
		{[]string{"customers", "--", "--format", "x"}, []string{"customers", "--format", "x"}, "table", false},
		{[]string{"customers", "--nope"}, nil, "table", true},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		format := fs.String("format", "table", "")
		pos, err := parseArgs(fs, tt.args)
		if (err != nil) != tt.wantError || !reflect.DeepEqual(pos, tt.wantPos) || *format != tt.wantFmt {
			t.Errorf("%v: %v %q %v; want %v %q", tt.args, pos, *format, err, tt.wantPos, tt.wantFmt)
		}
	}
}
