package cli

import (
	"bytes"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

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

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
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
	if r := runWith("", "--db", db, "--lang", "en", "import", "customers", file); !strings.Contains(r.stderr, "2 problems") {
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
