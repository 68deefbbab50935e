package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"golang.org/x/text/encoding/japanese"

	"daicho/store"
	"daicho/store/demo"
	"daicho/tui/i18n"
	"regexp"
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
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
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
	r := mustRun(t, "--db", db, "demo", "--size", "large")
	if n := len(listJSON(t, db, "--archived")); n != 10_000 {
		t.Errorf("%d customers", n)
	}
	var customers, products, documents int
	if _, err := fmt.Sscanf(r.stdout, "added %d demo customers, %d products and %d documents", &customers,
		&products, &documents); err != nil || customers != 10_000 || products != 15 || documents < 100_000 {
		t.Errorf("demo said %q", r.stdout)
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
		{"list unknown", []string{"list", "invoices"}, `cannot list "invoices"`},
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

// documentKeys are the keys of a document in ARCHITECTURE.md §8, in its
// order, with the dates of each kind; written out here, not taken from the
// code, so the test checks the code against the spec.
func documentKeys(kind string) []string {
	keys := []string{"kind", "customer_code", "issue_date", "subject", "price_mode", "notes", "lines", "number", "status"}
	keys = append(keys, map[string][]string{"estimate": {"valid_until"}, "delivery_note": {"delivery_date"},
		"invoice": {"due_date", "closing_date"}}[kind]...)
	return append(keys, "taxes", "total", "sources", "voided_reason")
}

var lineKeys = []string{"product_code", "description", "quantity", "unit", "unit_price", "tax_rate", "amount"}

// docJSON is a listed document as JSON values, to compare with the spec's
// keys rather than with the code's own types.
type docJSON map[string]any

func listDocuments(t *testing.T, db string, extra ...string) []docJSON {
	t.Helper()
	r := mustRun(t, append([]string{"--db", db, "list", "documents", "--format", "json"}, extra...)...)
	var ds []docJSON
	if err := json.Unmarshal([]byte(r.stdout), &ds); err != nil {
		t.Fatalf("list documents json: %v\n%s", err, r.stdout)
	}
	return ds
}

func (d docJSON) str(key string) string { s, _ := d[key].(string); return s }

// orderedKeys returns the keys of each object of a JSON array in order, and
// of each object's lines.
func orderedKeys(t *testing.T, data string) (docs [][]string, lines [][]string) {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(data))
	var object func() []string
	object = func() []string {
		var keys []string
		dec.Token() // {
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			if k == "lines" {
				dec.Token() // [
				for dec.More() {
					lines = append(lines, object())
				}
				dec.Token() // ]
				continue
			}
			var skip any
			if err := dec.Decode(&skip); err != nil {
				t.Fatal(err)
			}
		}
		dec.Token() // }
		return keys
	}
	dec.Token() // [
	for dec.More() {
		docs = append(docs, object())
	}
	return docs, lines
}

func TestListDocumentsJSONKeys(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	out := mustRun(t, "--db", db, "list", "documents", "--format", "json").stdout
	docs, lines := orderedKeys(t, out)
	listed := listDocuments(t, db)
	kinds := map[string]bool{}
	for i, keys := range docs {
		kind := listed[i].str("kind")
		kinds[kind] = true
		if !reflect.DeepEqual(keys, documentKeys(kind)) {
			t.Errorf("%s %s keys %v\nwant %v", kind, listed[i].str("number"), keys, documentKeys(kind))
		}
	}
	if len(kinds) != 4 || len(docs) < 40 {
		t.Errorf("%d documents of kinds %v", len(docs), kinds)
	}
	for _, keys := range lines {
		if !reflect.DeepEqual(keys, lineKeys) {
			t.Fatalf("line keys %v, want %v", keys, lineKeys)
		}
	}
	for _, d := range listed {
		if _, ok := d["total"].(float64); !ok {
			t.Errorf("%s: total %v is not a number", d.str("number"), d["total"])
		}
		for _, l := range d["lines"].([]any) {
			if _, ok := l.(map[string]any)["quantity"].(string); !ok {
				t.Errorf("%s: quantity is not a decimal string", d.str("number"))
			}
		}
	}
}

func TestListDocumentsFilters(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	all := listDocuments(t, db)
	tests := []struct {
		args []string
		keep func(d docJSON) bool
	}{
		{[]string{"--kind", "invoice"}, func(d docJSON) bool { return d.str("kind") == "invoice" }},
		{[]string{"--status", "draft"}, func(d docJSON) bool { return d.str("status") == "draft" }},
		{[]string{"--status", "void"}, func(d docJSON) bool { return d.str("status") == "void" }},
		{[]string{"--status", "expired"}, func(d docJSON) bool { return d.str("status") == "expired" }},
		{[]string{"--status", "issued"}, func(d docJSON) bool { return d.str("status") == "issued" }},
		{[]string{"--customer", "c0002"}, func(d docJSON) bool { return d.str("customer_code") == "C0002" }},
		{[]string{"--from", "2026-09-01", "--to", "2026/9/30"}, func(d docJSON) bool {
			return d.str("issue_date") >= "2026-09-01" && d.str("issue_date") <= "2026-09-30"
		}},
		{[]string{"--kind", "estimate", "--status", "accepted", "--customer", "C0001"}, func(d docJSON) bool {
			return d.str("kind") == "estimate" && d.str("status") == "accepted" && d.str("customer_code") == "C0001"
		}},
	}
	for _, tt := range tests {
		var want []string
		for _, d := range all {
			if tt.keep(d) {
				want = append(want, d.str("number")+"/"+d.str("kind"))
			}
		}
		var got []string
		for _, d := range listDocuments(t, db, tt.args...) {
			got = append(got, d.str("number")+"/"+d.str("kind"))
		}
		if len(want) == 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%v: %v\nwant %v", tt.args, got, want)
		}
	}
	// The CSV has the same documents, with the due date.
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "documents", "--format", "csv",
		"--kind", "invoice").stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"number", "kind", "customer_code", "customer_name", "subject", "issue_date", "total",
		"status", "due_date"}
	invoices := listDocuments(t, db, "--kind", "invoice")
	if !reflect.DeepEqual(rows[0], wantHeader) || len(rows)-1 != len(invoices) {
		t.Fatalf("csv header %v, %d rows for %d invoices", rows[0], len(rows)-1, len(invoices))
	}
	for i, row := range rows[1:] {
		d := invoices[i]
		if row[0] != d.str("number") || row[6] != fmt.Sprint(d["total"]) || row[8] != d.str("due_date") {
			t.Errorf("csv row %v for %s total %v due %s", row, d.str("number"), d["total"], d.str("due_date"))
		}
	}
}

func TestListDocumentsBadFilters(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--kind", "memo"}, exitUsage, `unknown kind "memo"`},
		{[]string{"--status", "paid"}, exitUsage, `unknown status "paid"`},
		{[]string{"--from", "2026-13-01"}, exitUsage, `--from "2026-13-01" is not a date`},
		{[]string{"--from", "2026-12-01", "--to", "2026-11-01"}, exitUsage, "is after --to"},
		{[]string{"--archived"}, exitUsage, "--archived does not apply to list documents"},
		{[]string{"--customer", "C9999"}, exitFail, "no customer C9999"},
	} {
		r := runWith("", append([]string{"--db", db, "list", "documents"}, tt.args...)...)
		if r.code != tt.code || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, r.code, r.stderr, tt.code, tt.want)
		}
	}
	for _, args := range [][]string{{"customers", "--kind", "invoice"}, {"products", "--from", "2026-01-01"}} {
		r := runWith("", append([]string{"--db", db, "list"}, args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, "does not apply to list "+args[0]) {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// The documents table lines up by display width in both languages, with the
// totals right-aligned under their header.
func TestListDocumentsTable(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	listed := listDocuments(t, db)
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			p := i18n.New(i18n.Lang(lang))
			out := mustRun(t, "--db", db, "--lang", lang, "list", "documents").stdout
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != len(listed)+1 {
				t.Fatalf("%d lines for %d documents", len(lines), len(listed))
			}
			header := []string{p.T("cli.col.number"), p.T("cli.col.kind"), p.T("cli.col.customer"),
				p.T("cli.col.subject"), p.T("cli.col.issue_date"), p.T("cli.col.total"), p.T("cli.col.status")}
			starts := cellStarts(t, lines[0], header)
			totalEnd := starts[5] + ansi.StringWidth(header[5])
			for i, line := range lines[1:] {
				d := listed[i]
				number := d.str("number")
				if number == "" {
					number = p.T("cli.status.draft")
				}
				total := store.Money(d["total"].(float64)).Plain(store.JPY)
				cells := []string{number, p.T("cli.kind." + d.str("kind")), "", "", d.str("issue_date"), total,
					p.T("cli.status." + d.str("status"))}
				got := cellStarts(t, line, cells)
				for _, c := range []int{0, 1, 4, 6} {
					if got[c] != starts[c] {
						t.Errorf("%q starts at %d, its header at %d\n%s\n%s", cells[c], got[c], starts[c], lines[0], line)
					}
				}
				if end := got[5] + ansi.StringWidth(total); end != totalEnd {
					t.Errorf("total %s ends at %d, its header at %d\n%s\n%s", total, end, totalEnd, lines[0], line)
				}
			}
		})
	}
}

// Every kind, status and tax category has a label in both languages.
func TestDocumentLabels(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.EN, i18n.JA} {
		p := i18n.New(lang)
		var keys []string
		for _, k := range store.DocumentKinds {
			keys = append(keys, "cli.kind."+k)
		}
		for _, s := range documentStatuses {
			keys = append(keys, "cli.status."+s)
		}
		for _, c := range store.TaxCategories {
			keys = append(keys, "cli.tax."+c)
		}
		for _, k := range keys {
			if p.T(k) == k {
				t.Errorf("%s: no label %s", lang, k)
			}
		}
	}
}

func TestListProducts(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	var active, all []store.Product
	json.Unmarshal([]byte(mustRun(t, "--db", db, "list", "products", "--format", "json").stdout), &active)
	json.Unmarshal([]byte(mustRun(t, "--db", db, "list", "products", "--format", "json", "--archived").stdout), &all)
	if len(all) != 15 || len(active) != 14 {
		t.Fatalf("%d products, %d active", len(all), len(active))
	}
	cats := map[string]bool{}
	for _, p := range all {
		cats[p.TaxCategory] = true
	}
	if len(cats) != 3 {
		t.Errorf("tax categories %v", cats)
	}
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "products", "--format", "csv").stdout)).ReadAll()
	if err != nil || len(rows) != 15 || strings.Join(rows[0], ",") != "code,name,kana,unit,unit_price,cost_price,tax_category,archived" {
		t.Errorf("csv %v %v", rows, err)
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "list", "products", "--archived").stdout
	if !strings.Contains(table, "軽減（8%）") || !strings.Contains(table, "30,000") || !strings.Contains(table, "アーカイブ済") {
		t.Errorf("table:\n%s", table)
	}
}

// ledger makes a database with the demo company and the customers and
// products of the database at from, but no documents: a ledger to import
// documents into.
func ledger(t *testing.T, from string) string {
	t.Helper()
	ctx := context.Background()
	src, err := store.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	cs, err := src.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := src.Products(ctx)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "ledger.db")
	st, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	co := demo.Company()
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	for i := range cs {
		cs[i].ID, cs[i].Version = 0, 0
	}
	if err := st.CreateCustomers(ctx, cs, nil); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		p.ID, p.Version = 0, 0
		if err := st.SaveProduct(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// demoLedger is a demo database and an empty ledger with its customers and
// products.
func demoLedger(t *testing.T) (demoDB, ledgerDB string) {
	t.Helper()
	demoDB = filepath.Join(cleanEnv(t), "demo.db")
	mustRun(t, "--db", demoDB, "demo")
	return demoDB, ledger(t, demoDB)
}

const importFile = `[
 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-25", "subject": "11月分",
  "lines": [
   {"product_code": "P0002", "description": "作業費", "quantity": "1.5", "unit": "時間", "unit_price": 8000, "tax_rate": 10},
   {"description": "弁当", "quantity": 3, "unit": "個", "unit_price": 980, "tax_rate": 8}]},
 {"kind": "estimate", "customer_code": "C0031", "issue_date": "2026-11-02", "valid_until": "2026-12-02",
  "price_mode": "inclusive", "lines": [{"description": "設定作業", "quantity": 1, "unit_price": 11000, "tax_rate": 10}]}
]`

func TestImportDocuments(t *testing.T) {
	_, db := demoLedger(t)
	file := writeFile(t, "docs.json", []byte(importFile))
	r := mustRun(t, "--db", db, "import", "documents", file)
	var drafts []docJSON
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil {
		t.Fatalf("stdout is not the documents as JSON: %v\n%s", err, r.stdout)
	}
	if len(drafts) != 2 || drafts[0].str("status") != "draft" || drafts[0].str("number") != "" {
		t.Fatalf("printed %v", drafts)
	}
	// 1.5 × 8000 = 12000 (+1200), 3 × 980 = 2940 (+235.2 → 235): 16375.
	inv := drafts[0]
	wantTaxes := []any{map[string]any{"rate": 10.0, "net": 12000.0, "tax": 1200.0, "gross": 13200.0},
		map[string]any{"rate": 8.0, "net": 2940.0, "tax": 235.0, "gross": 3175.0}}
	if inv["total"] != 16375.0 || !reflect.DeepEqual(inv["taxes"], wantTaxes) ||
		inv["lines"].([]any)[0].(map[string]any)["amount"] != 12000.0 || inv.str("due_date") != "" {
		t.Errorf("invoice %v", inv)
	}
	if est := drafts[1]; est["total"] != 11000.0 || est.str("valid_until") != "2026-12-02" {
		t.Errorf("estimate %v", est)
	}
	if n := len(listDocuments(t, db)); n != 2 {
		t.Errorf("%d documents stored", n)
	}

	r = mustRun(t, "--db", db, "import", "documents", file, "--issue")
	var issued []docJSON
	json.Unmarshal([]byte(r.stdout), &issued)
	// C0001 pays at the month's end, a month later: due 2026-12-31.
	if issued[0].str("number") != "I-2026-0001" || issued[0].str("status") != "issued" ||
		issued[0].str("closing_date") != "2026-11-25" || issued[0].str("due_date") == "" ||
		issued[1].str("number") != "Q-2026-0001" {
		t.Errorf("issued %v / %v", issued[0], issued[1])
	}
}

// Any problem: nothing is written, and each problem is on stderr with the
// document's number, the key in the file and the reason.
func TestImportDocumentsProblems(t *testing.T) {
	_, db := demoLedger(t)
	bad := `[
	 {"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-25",
	  "lines": [{"description": "ok", "quantity": "1", "unit_price": 100, "tax_rate": 10}]},
	 {"kind": "invoice", "customer_code": "C9999", "issue_date": "2026-11-20", "colour": "red",
	  "lines": [{"product_code": "P0999", "description": "", "quantity": "1.2345", "unit_price": 1, "tax_rate": 9}]},
	 {"kind": "estimate", "customer_code": "C0002", "issue_date": "2026-11-01", "total": 5,
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10, "amount": 100}]},
	 {"kind": "delivery_note", "customer_code": "C0002", "issue_date": "2026-11-31", "due_date": "2026-12-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}
	]`
	file := writeFile(t, "bad.json", []byte(bad))
	r := runWith("", "--db", db, "import", "documents", file, "--issue")
	if r.code != exitFail || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q", r.code, r.stdout)
	}
	for _, want := range []string{
		"9 problem(s); nothing was imported",
		"document 2: colour: unknown key",
		"document 2: customer_code: no customer C9999",
		"document 2: lines.0.product_code: ",
		"document 2: lines.0.quantity: at most 3 decimal places",
		"document 2: lines.0.tax_rate: no tax category has 9% on",
		"document 2: lines.0.description: required",
		"document 3: total: the file says 5, but daicho computes 110",
		"document 4: issue_date: no such date",
		"document 4: due_date: a document of kind delivery_note has no such date",
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "document 1") {
		t.Errorf("a good document was reported:\n%s", r.stderr)
	}
	if n := len(listDocuments(t, db)); n != 0 {
		t.Errorf("%d documents written", n)
	}
	// A problem only issuing finds (here: an invoice dated before its due date) also writes nothing.
	late := `[{"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-25", "due_date": "2026-11-01",
	  "lines": [{"description": "x", "quantity": 1, "unit_price": 100, "tax_rate": 10}]}]`
	r = runWith("", "--db", db, "import", "documents", writeFile(t, "late.json", []byte(late)), "--issue")
	if r.code != exitFail || !strings.Contains(r.stderr, "document 1: due_date: ") || len(listDocuments(t, db)) != 0 {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runWith("", "--db", db, "import", "documents", writeFile(t, "x.json", []byte("[1,"))); r.code != exitFail ||
		!strings.Contains(r.stderr, "document 2: the JSON ends too early") {
		t.Errorf("broken JSON: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestImportDocumentsUsage(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"import", "documents"}, "daicho import documents FILE"},
		{[]string{"import", "customers", "x.csv", "--issue"}, "--issue applies to import documents only"},
		{[]string{"import", "invoices", "x"}, `cannot import "invoices"`},
	} {
		r := runWith("", append([]string{"--db", db}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q", tt.args, r.code, r.stderr)
		}
	}
}

// What list documents prints, import documents takes back: imported into a
// ledger with the same customers and products, every document comes back
// with the same content, dates, lines and figures (numbers and statuses
// aside: an import makes new drafts). Credit notes are left out: the invoice
// a credit note names has no number yet in the new ledger. Imported again
// with --issue, every one is issued with the same totals.
func TestDocumentsRoundTripThroughCLI(t *testing.T) {
	demoDB, db := demoLedger(t)
	var docs []json.RawMessage
	json.Unmarshal([]byte(mustRun(t, "--db", demoDB, "list", "documents", "--format", "json").stdout), &docs)
	docs = slices.DeleteFunc(docs, func(d json.RawMessage) bool {
		return strings.Contains(string(d), `"kind": "credit_note"`)
	})
	data, _ := json.Marshal(docs)
	file := writeFile(t, "all.json", data)
	mustRun(t, "--db", db, "import", "documents", file)
	before := slices.DeleteFunc(listDocuments(t, demoDB), func(d docJSON) bool { return d.str("kind") == "credit_note" })
	after := listDocuments(t, db)
	if len(before) != len(after) || len(after) < 40 {
		t.Fatalf("%d documents, then %d", len(before), len(after))
	}
	// Both lists are newest first; within a day the order may differ.
	if a, b := contents(before), contents(after); !reflect.DeepEqual(a, b) {
		for k, n := range a {
			if b[k] != n {
				t.Errorf("%d× before, %d× after: %s", n, b[k], k)
			}
		}
	}
	mustRun(t, "--db", db, "import", "documents", file, "--issue")
	issued := listDocuments(t, db, "--status", "draft")
	if len(issued) != len(before) {
		t.Errorf("%d drafts after importing with --issue, want only the %d of the first import", len(issued), len(before))
	}
	totals := func(ds []docJSON) map[string]int {
		m := map[string]int{}
		for _, d := range ds {
			m[d.str("kind")+fmt.Sprint(d["total"])]++
		}
		return m
	}
	numbered := slices.DeleteFunc(listDocuments(t, db), func(d docJSON) bool { return d.str("number") == "" })
	if !reflect.DeepEqual(totals(numbered), totals(before)) {
		t.Errorf("issued totals %v\nwant %v", totals(numbered), totals(before))
	}
}

// contents counts documents by what a round trip keeps: everything but the
// number, the status, the sources and the void reason.
func contents(ds []docJSON) map[string]int {
	m := map[string]int{}
	for _, d := range ds {
		c := maps.Clone(d)
		for _, k := range []string{"number", "status", "sources", "voided_reason"} {
			delete(c, k)
		}
		b, _ := json.Marshal(c)
		m[string(b)]++
	}
	return m
}

// exportFixture is a ledger for the export commands, made through the store
// API: the demo company; C0001 株式会社テスト with an October invoice (55,000)
// partly credited (11,000), November invoices, a November credit note, a
// voided and a draft November invoice, and a December one; C0002 with a
// November invoice.
type exportFixture struct {
	db, dir string
	// The numbers by role.
	october, nov5, nov20, other, void, december, octCredit, novCredit string
	draftID                                                           int64
}

func newExportFixture(t *testing.T) exportFixture {
	t.Helper()
	dir := cleanEnv(t)
	// ExportsDir looks in the home folder: keep it inside the test, without
	// a Documents folder, so the default is the database's folder.
	t.Setenv("HOME", filepath.Join(dir, "home"))
	f := exportFixture{db: filepath.Join(dir, "data", "daicho.db"), dir: filepath.Join(dir, "data")}
	ctx := context.Background()
	st, err := store.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	co := demo.Company()
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	var custs []store.Customer
	for _, c := range [][2]string{{"C0001", "株式会社テスト"}, {"C0002", "有限会社ほか"}} {
		cu := store.NewCustomer()
		cu.Code, cu.Name = c[0], c[1]
		if err := st.CreateCustomer(ctx, &cu); err != nil {
			t.Fatal(err)
		}
		custs = append(custs, cu)
	}
	save := func(d *store.Document) {
		t.Helper()
		if err := st.SaveDraft(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	issue := func(d store.Document) store.Document {
		t.Helper()
		got, err := st.Issue(ctx, d.ID, d.Version)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	invoice := func(cu store.Customer, date string, price store.Money) store.Document {
		t.Helper()
		day, _ := store.ParseDate(date)
		d := store.Document{Kind: store.KindInvoice, CustomerID: cu.ID, Subject: "保守作業 " + date, IssueDate: day,
			Lines: []store.Line{{Description: "作業費", Quantity: 1000, Unit: "式", UnitPrice: price,
				TaxCategory: store.TaxStandard}}}
		save(&d)
		return d
	}
	credit := func(inv store.Document, date string, price store.Money) string {
		t.Helper()
		d, err := st.CreateCreditNote(ctx, inv.ID)
		if err != nil {
			t.Fatal(err)
		}
		d.IssueDate, _ = store.ParseDate(date)
		d.Lines[0].UnitPrice = price
		save(&d)
		return issue(d).Number
	}
	oct := issue(invoice(custs[0], "2026-10-15", 50_000))
	f.october = oct.Number
	f.octCredit = credit(oct, "2026-10-20", 10_000)
	nov5 := issue(invoice(custs[0], "2026-11-05", 20_000))
	f.nov5 = nov5.Number
	f.nov20 = issue(invoice(custs[0], "2026-11-20", 30_000)).Number
	f.other = issue(invoice(custs[1], "2026-11-10", 40_000)).Number
	void := issue(invoice(custs[0], "2026-11-25", 70_000))
	if err := st.Void(ctx, void.ID, "二重発行"); err != nil {
		t.Fatal(err)
	}
	f.void = void.Number
	f.draftID = invoice(custs[0], "2026-11-28", 80_000).ID
	f.december = issue(invoice(custs[0], "2026-12-01", 90_000)).Number
	f.novCredit = credit(nov5, "2026-11-15", 5_000)
	return f
}

// pdfText is the text of a PDF as pdftotext -layout reads it; ok is false
// where poppler-utils is not installed (.ci/run installs it), and only the
// text checks are skipped then.
func pdfText(t *testing.T, path string) (text string, ok bool) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext (poppler-utils) is not installed: the text of the PDFs is not checked")
		return "", false
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out), true
}

// readPDF reads a file and checks that it is a whole PDF.
func readPDF(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-32):], []byte("%%EOF")) {
		t.Fatalf("%s is not a whole PDF (%d bytes)", path, len(data))
	}
	return data
}

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

func mustReadDir(t *testing.T, dir string) []string {
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
	if !strings.Contains(r.stderr, "exported 4 PDF(s) into "+dir) {
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

// demoBank is a small demo database with its bank files (written by
// daicho demo into demo-bank beside it).
func demoBank(t *testing.T) (db, zengin, csvFile string) {
	t.Helper()
	db = filepath.Join(cleanEnv(t), "d.db")
	r := mustRun(t, "--db", db, "demo")
	dir := filepath.Join(filepath.Dir(db), "demo-bank")
	zengin, csvFile = filepath.Join(dir, demo.BankFileNames[0]), filepath.Join(dir, demo.BankFileNames[1])
	if !strings.Contains(r.stdout, "33 payments") || !strings.Contains(r.stdout, zengin) || !strings.Contains(r.stdout, csvFile) {
		t.Errorf("demo said %q", r.stdout)
	}
	return db, zengin, csvFile
}

// payments lists the payments as JSON values.
func payments(t *testing.T, db string, extra ...string) []map[string]any {
	t.Helper()
	r := mustRun(t, append([]string{"--db", db, "list", "payments", "--format", "json"}, extra...)...)
	var ps []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &ps); err != nil {
		t.Fatalf("list payments json: %v\n%s", err, r.stdout)
	}
	return ps
}

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
	if !strings.Contains(dry.stdout, "dry run") || !strings.Contains(dry.stdout, "7 deposit(s), 7 new, 0 imported before") ||
		len(section(dry.stdout, "Would be matched")) != 4 {
		t.Fatalf("dry run said:\n%s", dry.stdout)
	}
	if n := len(payments(t, db)); n != before {
		t.Fatalf("the dry run recorded %d payments", n-before)
	}

	r := mustRun(t, "--db", db, "import", "bank", zengin)
	matched, review, none := section(r.stdout, "Matched"), section(r.stdout, "To review"), section(r.stdout, "No candidate")
	if !strings.Contains(r.stdout, "7 deposit(s), 7 new, 0 imported before") || len(matched) != 4 || len(review) != 2 ||
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
	if !strings.Contains(again.stdout, "7 deposit(s), 0 new, 7 imported before") || len(payments(t, db)) != before+4 {
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
	if !strings.Contains(r.stdout, "3 deposit(s), 3 new") || len(section(r.stdout, "Matched")) != 2 ||
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

// overdueKeys are the keys of the issue, written out here.
var overdueKeys = []string{"number", "customer_code", "customer_name", "person_in_charge", "issue_date", "due_date",
	"total", "paid", "open", "days_overdue", "bucket"}

func TestOverdue(t *testing.T) {
	db, _, _ := demoBank(t)
	out := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20", "--format", "json").stdout
	objs, _ := orderedKeys(t, out)
	if len(objs) != 7 {
		t.Fatalf("%d overdue invoices, want 7:\n%s", len(objs), out)
	}
	for _, keys := range objs {
		if !slices.Equal(keys, overdueKeys) {
			t.Fatalf("keys %v", keys)
		}
	}
	var items []map[string]any
	if err := json.Unmarshal([]byte(out), &items); err != nil {
		t.Fatal(err)
	}
	first, partly := items[0], items[6]
	if first["number"] != "I-2026-0007" || first["days_overdue"].(float64) != 102 || first["bucket"] != "90+" ||
		first["due_date"] != "2026-08-10" || first["open"] != first["total"] || first["person_in_charge"] == "" {
		t.Errorf("most overdue %v", first)
	}
	if partly["paid"].(float64) != 10000 || partly["open"].(float64) != 17600 || partly["bucket"] != "1-30" {
		t.Errorf("partly paid %v", partly)
	}
	buckets := map[any]int{}
	for _, it := range items {
		buckets[it["bucket"]]++
	}
	if !maps.Equal(buckets, map[any]int{"1-30": 4, "31-60": 1, "61-90": 1, "90+": 1}) {
		t.Errorf("buckets %v", buckets)
	}
	csvOut := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20", "--format", "csv").stdout
	rows, err := csv.NewReader(strings.NewReader(csvOut)).ReadAll()
	if err != nil || len(rows) != 8 || !slices.Equal(rows[0], overdueKeys) || rows[1][0] != "I-2026-0007" {
		t.Errorf("csv %v, %v", rows, err)
	}
	table := mustRun(t, "--db", db, "overdue", "--as-of", "2026-11-20").stdout
	if !strings.Contains(table, "7 invoice(s) overdue, ¥242,000 in all") || !strings.Contains(table, "90+ days: 1 (¥46,200)") {
		t.Errorf("table:\n%s", table)
	}
	// Earlier, less is overdue; in July nothing.
	if n := strings.Count(mustRun(t, "--db", db, "overdue", "--as-of", "2026-09-01", "--format", "json").stdout,
		`"number"`); n != 2 {
		t.Errorf("%d overdue on 2026-09-01, want 2", n)
	}
	r := mustRun(t, "--db", db, "overdue", "--as-of", "2026-07-01")
	if r.stdout != "" || !strings.Contains(r.stderr, "nothing is overdue as of 2026-07-01") {
		t.Errorf("July: %q, %q", r.stdout, r.stderr)
	}
	if out := mustRun(t, "--db", db, "overdue", "--as-of", "2026-07-01", "--format", "json").stdout; strings.TrimSpace(out) != "[]" {
		t.Errorf("empty json %q", out)
	}
}

var paymentKeys = []string{"id", "date", "customer_code", "customer_name", "amount", "allocated", "unapplied",
	"method", "payer_name", "reference", "memo", "reversed", "reverses", "reason"}

func TestListPayments(t *testing.T) {
	db, _, _ := demoBank(t)
	out := mustRun(t, "--db", db, "list", "payments", "--format", "json").stdout
	objs, _ := orderedKeys(t, out)
	if len(objs) != 33 || !slices.Equal(objs[0], paymentKeys) {
		t.Fatalf("%d payments, keys %v", len(objs), objs[0])
	}
	ps := payments(t, db)
	var unapplied float64
	methods := map[any]bool{}
	for _, p := range ps {
		unapplied += p["unapplied"].(float64)
		methods[p["method"]] = true
	}
	if unapplied != 7000 || !methods["cash"] || !methods["bank_transfer"] || ps[0]["date"].(string) > "2026-11-20" {
		t.Errorf("unapplied %v, methods %v, newest %v", unapplied, methods, ps[0])
	}
	if got := payments(t, db, "--customer", "C0017"); len(got) != 4 || got[0]["amount"].(float64) != 40000 {
		t.Errorf("C0017's payments %v", got)
	}
	if got := payments(t, db, "--from", "2026-11-01", "--to", "2026-11-10"); len(got) == 0 || len(got) >= len(ps) {
		t.Errorf("%d payments in early November", len(got))
	}
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "payments", "--format", "csv").stdout)).ReadAll()
	if err != nil || len(rows) != 34 || !slices.Equal(rows[0], paymentKeys) {
		t.Errorf("csv: %d rows, %v", len(rows), err)
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "list", "payments").stdout
	if !strings.Contains(table, "振込依頼人") || !strings.Contains(table, "現金") || !strings.Contains(table, "7,000") {
		t.Errorf("table:\n%s", table)
	}
}

// --demo puts the bank files beside the demo database, where the
// reconciliation screen's import dialog opens.
func TestDemoTUIBankFiles(t *testing.T) {
	cleanEnv(t)
	stubTUI(t, func(st *store.Store, p i18n.Printer) error {
		for _, name := range demo.BankFileNames {
			if _, err := os.Stat(filepath.Join(filepath.Dir(st.Path()), name)); err != nil {
				t.Errorf("demo folder: %v", err)
			}
		}
		return nil
	})
	mustRun(t, "--demo")
}

// contractDemo is a small demo database, whose contracts (store/demo) are
// the fixture: none of them billed yet.
func contractDemo(t *testing.T) string {
	t.Helper()
	dir := cleanEnv(t)
	t.Setenv("HOME", filepath.Join(dir, "home")) // no Documents folder: PDFs go beside the database
	db := filepath.Join(dir, "data", "d.db")
	mustRun(t, "--db", db, "demo")
	return db
}

// invoiceCount is how many invoices the database holds, drafts included.
func invoiceCount(t *testing.T, db string) int {
	t.Helper()
	return len(listDocuments(t, db, "--kind", "invoice"))
}

// The dry run prints every invoice December's run would make, with the
// customer, the contracts, the lines with their service period (pro-rated
// where the contract starts mid-month) and the totals, and writes nothing.
func TestBillDryRun(t *testing.T) {
	db := contractDemo(t)
	before := invoiceCount(t, db)
	contractsBefore := mustRun(t, "--db", db, "list", "contracts", "--format", "json").stdout
	out := mustRun(t, "--db", db, "bill", "--month", "2026-12", "--dry-run").stdout
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`dry run: nothing was written\): 7 invoice\(s\) would be made`),
		regexp.MustCompile(`Renewed first \(automatic renewal\): K-2025-0002`),
		regexp.MustCompile(`C0001 株式会社さくら工業 · K-2026-0003 · issue date 2026-12-01`),
		regexp.MustCompile(`保守サポート（月額） 2026年12月分 +1 +月 +30,000 +30,000 +10%`),
		regexp.MustCompile(`Subtotal ¥30,000 · tax ¥3,000 · total ¥33,000`),
		regexp.MustCompile(`Cloud hosting \(monthly\), December 2026`),              // the English customer's lines
		regexp.MustCompile(`保守サポート（月額） 2026年11月分`),                                  // in arrears: November, billed on Dec 31
		regexp.MustCompile(`複合機保守（月額） 2026年12月分 \(12/14〜12/31 18日分\) +1 +月 +6,968`), // pro-rated: 12,000 × 18/31
		regexp.MustCompile(`7 invoice\(s\), ¥193,564 in all`),
	} {
		if !want.MatchString(out) {
			t.Errorf("the dry run does not say %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "コーヒー豆") {
		t.Errorf("the cancelled contract would be billed:\n%s", out)
	}
	if n := invoiceCount(t, db); n != before {
		t.Errorf("a dry run made %d invoices", n-before)
	}
	if after := mustRun(t, "--db", db, "list", "contracts", "--format", "json").stdout; after != contractsBefore {
		t.Error("a dry run changed the contracts (the renewal is only shown)")
	}
}

// bill makes the invoices the dry run showed, as drafts; a second run makes
// nothing new and says so (exit 0); --issue numbers the next month's.
func TestBill(t *testing.T) {
	db := contractDemo(t)
	before := invoiceCount(t, db)
	r := mustRun(t, "--db", db, "bill", "--month", "2026-12")
	if !strings.Contains(r.stdout, "Billing run for 2026-12: made 7 draft invoice(s)") ||
		!strings.Contains(r.stdout, "Renewed automatically: K-2025-0002") {
		t.Fatalf("bill said:\n%s", r.stdout)
	}
	if !regexp.MustCompile(`draft #\d+ +C0014 +株式会社こだま企画 +2026-12-31 +7,664`).MatchString(r.stdout) {
		t.Errorf("the pro-rated invoice is not listed:\n%s", r.stdout)
	}
	drafts := listDocuments(t, db, "--kind", "invoice", "--status", "draft", "--from", "2026-12-01", "--to", "2026-12-31")
	if len(drafts) != 7 || invoiceCount(t, db) != before+7 {
		t.Fatalf("%d December drafts, %d invoices more; want 7", len(drafts), invoiceCount(t, db)-before)
	}
	for _, d := range drafts {
		lines, _ := d["lines"].([]any)
		for _, l := range lines {
			if desc := l.(map[string]any)["description"].(string); !strings.Contains(desc, "2026") {
				t.Errorf("line %q has no service period", desc)
			}
		}
	}

	for _, args := range [][]string{{"bill", "--month", "2026-12"}, {"bill", "--month", "2026-12", "--issue"}} {
		r = mustRun(t, append([]string{"--db", db}, args...)...)
		if want := "2026-12: already billed, nothing new (7 contract period(s) were billed before)"; strings.TrimSpace(r.stdout) != want {
			t.Errorf("%v again: %q, want %q", args, r.stdout, want)
		}
	}
	if n := invoiceCount(t, db); n != before+7 {
		t.Errorf("running the month again made %d more invoices", n-before-7)
	}

	r = mustRun(t, "--db", db, "--lang", "ja", "bill", "--month", "2027-01", "--issue")
	if !strings.Contains(r.stdout, "2027-01 の定期請求: 請求書 7 件を作成し発行しました") ||
		!regexp.MustCompile(`I-2026-\d{4} +C0024 +株式会社かえで不動産 +2027-01-01 +49,500`).MatchString(r.stdout) {
		t.Errorf("bill --issue said:\n%s", r.stdout)
	}
	if issued := listDocuments(t, db, "--kind", "invoice", "--status", "issued", "--from", "2027-01-01"); len(issued) != 7 {
		t.Errorf("%d issued January invoices, want 7", len(issued))
	}

	r = mustRun(t, "--db", db, "bill", "--month", "2020-01")
	if want := "2020-01: no contract has a period to bill in this month; nothing was made"; strings.TrimSpace(r.stdout) != want {
		t.Errorf("a month before every contract: %q, want %q", r.stdout, want)
	}
}

func TestBillUsage(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"bill"}, "which month?"},
		{[]string{"bill", "--month", "December"}, `--month "December" is not a month`},
		{[]string{"bill", "--month", "2026-12", "now"}, `unexpected argument "now"`},
		{[]string{"list", "contracts", "--status", "open"}, `unknown status "open" (use draft, active, ended, cancelled)`},
		{[]string{"list", "contracts", "--kind", "invoice"}, "--kind does not apply to list contracts"},
	} {
		r := runWith("", append([]string{"--db", db}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a usage error created the database")
	}
}

// contractKeys are the keys of list contracts --format json, in order, and
// those of its lines and prices: snake_case like every JSON of daicho.
var (
	contractKeys = []string{"number", "customer_code", "customer_name", "title", "status", "start", "end", "cycle",
		"cycle_months", "billing_day", "in_advance", "pro_rate", "payment_method", "auto_renew", "renewal_months",
		"notice_days", "cancel_reason", "notes", "person_in_charge", "lines", "next_billing", "monthly_value",
		"ends_in_days"}
	contractLineKeys = []string{"product_code", "description", "quantity", "unit", "unit_price", "tax_category", "prices"}
)

func TestListContractsJSON(t *testing.T) {
	db := contractDemo(t)
	out := mustRun(t, "--db", db, "list", "contracts", "--format", "json").stdout
	objects, lines := orderedKeys(t, out)
	if len(objects) != 11 {
		t.Fatalf("%d contracts listed, want the demo's 11", len(objects))
	}
	for _, keys := range objects {
		if !reflect.DeepEqual(keys, contractKeys) {
			t.Fatalf("keys %v\nwant %v", keys, contractKeys)
		}
	}
	for _, keys := range lines {
		if !reflect.DeepEqual(keys, contractLineKeys) {
			t.Fatalf("line keys %v\nwant %v", keys, contractLineKeys)
		}
	}
	var cs []map[string]any
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]map[string]any{}
	statuses := map[string]int{}
	for _, c := range cs {
		byNumber[c["number"].(string)] = c
		statuses[c["status"].(string)]++
	}
	if !reflect.DeepEqual(statuses, map[string]int{"draft": 1, "active": 9, "cancelled": 1}) {
		t.Errorf("statuses %v", statuses)
	}
	// The maintenance contract with its price rise: the whole history.
	k := byNumber["K-2026-0003"]
	prices := k["lines"].([]any)[0].(map[string]any)["prices"]
	want := []any{map[string]any{"from": "2026-04-01", "unit_price": 30000.0},
		map[string]any{"from": "2027-01-01", "unit_price": 33000.0}}
	if !reflect.DeepEqual(prices, want) || k["customer_code"] != "C0001" || k["auto_renew"] != true ||
		k["end"] != "2027-03-31" || k["billing_day"] != 1.0 {
		t.Errorf("K-2026-0003: %v", k)
	}
	if open := byNumber["K-2025-0001"]; open["end"] != nil || open["ends_in_days"] != nil || open["in_advance"] != false {
		t.Errorf("the open-ended contract: end %v, ends_in_days %v", open["end"], open["ends_in_days"])
	}
	if c := byNumber["K-2026-0004"]; c["status"] != "cancelled" || !strings.Contains(c["cancel_reason"].(string), "閉店") {
		t.Errorf("the cancelled contract: %v", c)
	}

	r := mustRun(t, "--db", db, "list", "contracts", "--status", "cancelled", "--format", "json")
	if objects, _ := orderedKeys(t, r.stdout); len(objects) != 1 {
		t.Errorf("--status cancelled listed %d", len(objects))
	}
	r = mustRun(t, "--db", db, "list", "contracts", "--customer", "C0001", "--format", "csv")
	if rows := strings.Split(strings.TrimSpace(r.stdout), "\r\n"); len(rows) != 2 || !strings.HasPrefix(rows[1], "K-2026-0003,C0001,") {
		t.Errorf("--customer C0001 as csv:\n%s", r.stdout)
	}
	table := mustRun(t, "--db", db, "list", "contracts").stdout
	for _, want := range []string{"K-2025-0003", "POSレジ保守", "2026-12-31 (in ", "open-ended", "cancelled", "every N months"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
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

// payExportFixture adds a payment to the export fixture: C0001 pays the
// November 20 invoice (33,000) on 2026-11-25. It returns the invoice's
// number and the payment's id.
func payExportFixture(t *testing.T, f exportFixture) int64 {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	inv, err := st.DocumentByNumber(ctx, f.nov20)
	if err != nil {
		t.Fatal(err)
	}
	day, _ := store.ParseDate("2026-11-25")
	p := store.Payment{CustomerID: inv.CustomerID, Date: day, Amount: 33_000, Method: store.PayBankTransfer,
		PayerName: "ｶ)ﾃｽﾄ"}
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
	ctx := context.Background()
	st, err := store.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	cu := store.NewCustomer()
	cu.Code, cu.Name = "C0003", "𠮷野商店"
	if err := st.CreateCustomer(ctx, &cu); err != nil {
		t.Fatal(err)
	}
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
	if !strings.Contains(r.stderr, "exported 2 statement(s) into "+dir) {
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

// The demo's inquiry log through list inquiries: open ones first, in every
// format, narrowed by status and customer.
func TestListInquiries(t *testing.T) {
	db := contractDemo(t) // the small demo
	keys := []string{"id", "customer_code", "customer_name", "date", "channel", "subject", "body", "status", "person",
		"document", "follow_up"}
	list := func(extra ...string) []map[string]any {
		t.Helper()
		out := mustRun(t, append([]string{"--db", db, "list", "inquiries", "--format", "json"}, extra...)...).stdout
		objects, _ := orderedKeys(t, out)
		for _, k := range objects {
			if !slices.Equal(k, keys) {
				t.Fatalf("keys %v, want %v", k, keys)
			}
		}
		var qs []map[string]any
		if err := json.Unmarshal([]byte(out), &qs); err != nil {
			t.Fatal(err)
		}
		return qs
	}
	qs := list()
	if len(qs) != 14 {
		t.Fatalf("%d inquiries, want the demo's 14", len(qs))
	}
	rank := map[any]int{"open": 0, "waiting": 1, "closed": 2}
	linked := 0
	for i, q := range qs {
		if i > 0 && rank[q["status"]] < rank[qs[i-1]["status"]] {
			t.Errorf("%v after %v", q["status"], qs[i-1]["status"])
		}
		if q["document"] != nil {
			linked++
		}
	}
	if qs[0]["status"] != "open" || qs[0]["follow_up"] != "2026-11-18" || linked < 5 {
		t.Errorf("first %v; %d linked", qs[0], linked)
	}
	if got := list("--status", "waiting"); len(got) != 2 || got[0]["status"] != "waiting" {
		t.Errorf("--status waiting: %v", got)
	}
	if got := list("--customer", "C0013", "--status", "waiting"); len(got) != 1 || got[0]["subject"] != "試作見積の有効期限" ||
		!strings.HasPrefix(got[0]["document"].(string), "Q-2026-") || got[0]["follow_up"] != "2026-11-20" ||
		!strings.Contains(got[0]["body"].(string), "\n11/12 ") {
		t.Errorf("C0013's: %v", got)
	}

	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "inquiries", "--format", "csv").stdout)).ReadAll()
	if err != nil || len(rows) != 15 || !slices.Equal(rows[0], keys) {
		t.Fatalf("csv: %d rows, %v", len(rows), err)
	}
	for _, r := range rows[1:] {
		if r[0] == fmt.Sprint(qs[0]["id"]) && (r[6] != qs[0]["body"] || r[10] != "2026-11-18") {
			t.Errorf("csv row %v, json %v", r, qs[0])
		}
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "list", "inquiries", "--customer", "C0013").stdout
	for _, want := range []string{"次回対応日", "回答待", "試作見積の有効期限", "対面", "Q-2026-"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--status", "done"}, exitUsage, "open, waiting, closed"},
		{[]string{"--kind", "invoice"}, exitUsage, "--kind"},
		{[]string{"--customer", "C9999"}, exitFail, "C9999"},
	} {
		r := runWith("", append([]string{"--db", db, "list", "inquiries"}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
}

// reportJSON is what `report sales|margin --format json` prints.
type reportJSON struct {
	From, To, By string
	Rows         []map[string]any
	Total        map[string]any
}

// TestReportMatchesTheStore runs report margin and sales on the demo ledger
// in every grouping and format and checks each figure against the store's
// own report of the same period.
func TestReportMatchesTheStore(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	from, to := store.DateOf(2026, 6, 1), store.DateOf(2026, 10, 31)
	for _, by := range store.ReportGroupings {
		want, err := st.SalesReport(context.Background(), store.ReportQuery{From: from, To: to, By: by})
		if err != nil {
			t.Fatal(err)
		}
		if want.Total.Documents == 0 || want.Total.Cost == 0 {
			t.Fatalf("by %s: the demo has nothing to report: %+v", by, want.Total)
		}
		args := []string{"--db", db, "report", "margin", "--from", "2026-06-01", "--to", "2026-10-31", "--by", by}

		var got reportJSON
		if err := json.Unmarshal([]byte(mustRun(t, append(args, "--format", "json")...).stdout), &got); err != nil {
			t.Fatal(err)
		}
		if got.From != "2026-06-01" || got.To != "2026-10-31" || got.By != by || len(got.Rows) != len(want.Rows) {
			t.Fatalf("by %s: json %s..%s by %s, %d rows; the store has %d", by, got.From, got.To, got.By, len(got.Rows), len(want.Rows))
		}
		same := func(what string, j map[string]any, r store.ReportRow) {
			m, ok := r.MarginPermille()
			wantMargin := any(nil)
			if ok {
				wantMargin = float64(m) / 10
			}
			if j["key"] != r.Key || j["documents"] != float64(r.Documents) || j["sales"] != float64(r.Sales) ||
				j["cost"] != float64(r.Cost) || j["profit"] != float64(r.Profit()) || j["margin"] != wantMargin {
				t.Errorf("by %s, %s: json %v, store %+v", by, what, j, r)
			}
		}
		for i, r := range want.Rows {
			same(r.Key, got.Rows[i], r)
		}
		same("total", got.Total, want.Total)

		rows, err := csv.NewReader(strings.NewReader(mustRun(t, append(args, "--format", "csv")...).stdout)).ReadAll()
		if err != nil || len(rows) != len(want.Rows)+1 ||
			!slices.Equal(rows[0], []string{"key", "label", "documents", "sales", "cost", "profit", "margin"}) {
			t.Fatalf("by %s: csv %v (%v)", by, rows, err)
		}
		for i, r := range want.Rows {
			if rec := rows[i+1]; rec[0] != r.Key || rec[3] != fmt.Sprint(int64(r.Sales)) || rec[4] != fmt.Sprint(int64(r.Cost)) ||
				rec[5] != fmt.Sprint(int64(r.Profit())) {
				t.Errorf("by %s: csv %v, store %+v", by, rec, r)
			}
		}

		// The table ends with the total, in the currency's digits.
		table := strings.Split(strings.TrimSpace(mustRun(t, args...).stdout), "\n")
		last := strings.Fields(table[len(table)-1])
		m, _ := want.Total.MarginPermille()
		wantLast := []string{"Total", fmt.Sprint(want.Total.Documents), want.Total.Sales.Plain(store.JPY),
			want.Total.Cost.Plain(store.JPY), want.Total.Profit().Plain(store.JPY), store.FormatPermille(m) + "%"}
		if !slices.Equal(last, wantLast) || len(table) != len(want.Rows)+3 {
			t.Errorf("by %s: table ends %q, want %q:\n%s", by, last, wantLast, strings.Join(table, "\n"))
		}
	}
	// report sales: the same sales, without cost.
	var sales reportJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "report", "sales", "--from", "2026-06-01", "--to",
		"2026-10-31", "--format", "json").stdout), &sales); err != nil {
		t.Fatal(err)
	}
	want, _ := st.SalesReport(context.Background(), store.ReportQuery{From: from, To: to})
	if _, has := sales.Total["cost"]; has || sales.Total["sales"] != float64(want.Total.Sales) || len(sales.Rows) != 5 {
		t.Errorf("report sales: %+v", sales)
	}
}

// The default period is the twelve months ending this month, every month
// listed; aging is as of --to, per bucket and customer, as the store sums it.
func TestReportDefaultsAndAging(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var rep reportJSON
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "report", "margin", "--format", "json").stdout), &rep); err != nil {
		t.Fatal(err)
	}
	from, to := store.YearEndingIn(store.Today(st.Now()))
	if rep.From != store.FormatDate(from) || rep.To != store.FormatDate(to) || rep.By != "month" || len(rep.Rows) != 12 {
		t.Errorf("default: %s..%s by %s, %d rows", rep.From, rep.To, rep.By, len(rep.Rows))
	}

	items, err := st.Overdue(context.Background(), store.DateOf(2026, 11, 20))
	if err != nil {
		t.Fatal(err)
	}
	a := store.Aging(items)
	notDue, notDueCount, err := st.NotDue(context.Background(), store.DateOf(2026, 11, 20))
	if err != nil {
		t.Fatal(err)
	}
	var aging struct {
		AsOf      string `json:"as_of"`
		Buckets   []map[string]any
		Total     map[string]any
		Customers []map[string]any
	}
	out := mustRun(t, "--db", db, "report", "aging", "--to", "2026-11-20", "--by", "customer", "--format", "json").stdout
	if err := json.Unmarshal([]byte(out), &aging); err != nil {
		t.Fatal(err)
	}
	if a.Count == 0 || notDueCount == 0 || aging.AsOf != "2026-11-20" || aging.Total["open"] != float64(a.Total+notDue) ||
		aging.Total["invoices"] != float64(a.Count+notDueCount) || len(aging.Customers) != len(a.ByCustomer) {
		t.Fatalf("aging %s", out)
	}
	if aging.Buckets[0]["bucket"] != "not_due" || aging.Buckets[0]["open"] != float64(notDue) {
		t.Errorf("not due: %v, store %d", aging.Buckets[0], notDue)
	}
	for i, b := range store.AgingBuckets {
		if i++; aging.Buckets[i]["bucket"] != b || aging.Buckets[i]["open"] != float64(a.Buckets[b]) {
			t.Errorf("bucket %s: %v, store %d", b, aging.Buckets[i], a.Buckets[b])
		}
	}
	for i, c := range a.ByCustomer {
		if aging.Customers[i]["code"] != c.Code || aging.Customers[i]["open"] != float64(c.Total) {
			t.Errorf("customer %v, store %+v", aging.Customers[i], c)
		}
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "report", "aging", "--to", "2026-11-20").stdout
	if !strings.Contains(table, "2026-11-20 時点の売掛金") || !strings.Contains(table, "期日前") ||
		!strings.Contains(table, (a.Total+notDue).Plain(store.JPY)) {
		t.Errorf("aging table:\n%s", table)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"report"}, "report what?"},
		{[]string{"report", "profit"}, `cannot report "profit"`},
		{[]string{"report", "sales", "--by", "week"}, `unknown grouping "week"`},
		{[]string{"report", "sales", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"report", "sales", "--from", "2026-11-31"}, "not a date"},
		{[]string{"report", "margin", "--from", "2026-10-01", "--to", "2026-09-30"}, "is after"},
		{[]string{"report", "aging", "--from", "2026-10-01"}, "--from does not apply"},
		{[]string{"report", "aging", "--by", "month"}, "by customer only"},
		{[]string{"report", "sales", "extra"}, `unexpected argument "extra"`},
	} {
		r := runWith("", append([]string{"--db", db}, tc.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
}

// TestMailCommand: daicho mail NUMBER sends one document (here, with no SMTP
// server set, as an .eml file in the exports folder) and logs it; --dry-run
// only prints the mail; a customer without email, a draft's or an unknown
// number and no number are refused.
func TestMailCommand(t *testing.T) {
	f := newExportFixture(t)
	ctx := context.Background()
	st, err := store.Open(f.db)
	if err != nil {
		t.Fatal(err)
	}
	cu, _ := st.CustomerByCode(ctx, "C0001")
	cu.Email = "tanaka@test.example.jp"
	if err := st.UpdateCustomer(ctx, &cu); err != nil {
		t.Fatal(err)
	}
	st.Close()
	mailLog := func(number string) []store.MailLog {
		t.Helper()
		st, err := store.Open(f.db)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		d, _ := st.DocumentByNumber(ctx, number)
		log, err := st.MailLog(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		return log
	}

	r := mustRun(t, "--db", f.db, "mail", f.nov20, "--dry-run")
	for _, want := range []string{"To: 株式会社テスト <tanaka@test.example.jp>", "Subject: 請求書 " + f.nov20 + " のご送付",
		"Attached: " + f.nov20 + "_株式会社テスト.pdf", "Via: no SMTP server set: an .eml file in " + f.dir,
		"ご請求金額: ¥33,000", "dry run: nothing sent"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("dry run lacks %q:\n%s", want, r.stdout)
		}
	}
	if log := mailLog(f.nov20); len(log) != 0 {
		t.Fatalf("a dry run was logged: %+v", log)
	}
	if files, _ := filepath.Glob(filepath.Join(f.dir, "*.eml")); len(files) != 0 {
		t.Fatalf("a dry run wrote %v", files)
	}

	r = mustRun(t, "--db", f.db, "mail", f.nov20)
	files, _ := filepath.Glob(filepath.Join(f.dir, "*.eml"))
	if len(files) != 1 || !strings.Contains(r.stdout, files[0]) || !strings.Contains(r.stdout, "tanaka@test.example.jp") {
		t.Fatalf("stdout %q, files %v", r.stdout, files)
	}
	if log := mailLog(f.nov20); len(log) != 1 || log[0].File != files[0] || log[0].Method != store.MailEML {
		t.Fatalf("log %+v", log)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{f.other}, exitFail, "C0002 有限会社ほか has no email address"},
		{[]string{"I-2099-9999"}, exitFail, "no document is numbered I-2099-9999"},
		{[]string{}, exitUsage, "which document?"},
		{[]string{f.nov20, "extra"}, exitUsage, `unexpected argument "extra"`},
	} {
		r := runWith("", append([]string{"--db", f.db, "mail"}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("mail %v: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}
