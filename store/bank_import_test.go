package store_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// The counting rule of bank imports: per account and deposit (value date,
// amount, normalised payer, memo), the file brings k, the ledger holds h,
// and max(0, k−h) are new. Each case is a run of imports into a new ledger;
// each import is previewed first, and the preview must say what the import
// then does.
func TestImportBankLinesCountsDeposits(t *testing.T) {
	a := deposit("101", "2026-11-16", 11000, "ｱｻﾋ ﾀﾛｳ", "ﾌﾘｺﾐ")
	b := deposit("102", "2026-11-17", 22000, "ｲﾄｳ ﾊﾅｺ", "ﾌﾘｺﾐ")
	c := deposit("103", "2026-11-18", 33000, "ｶ)ｳｴﾀﾞｼﾖｳｼﾞ", "ﾌﾘｺﾐ I-2026-0007")
	d := deposit("104", "2026-11-19", 44000, "ｴﾉﾓﾄ ｹﾝ", "")
	e := deposit("105", "2026-11-19", 5500, "ｵｶﾀﾞ ｼﾞﾛｳ", "ﾌﾘｺﾐ")
	with := func(l store.BankLine, change func(*store.BankLine)) store.BankLine {
		change(&l)
		return l
	}
	type step struct {
		lines          []store.BankLine
		added, already int
	}
	cases := []struct {
		name  string
		steps []step
	}{
		{"the same file twice", []step{{[]store.BankLine{a, b, c}, 3, 0}, {[]store.BankLine{a, b, c}, 0, 3}}},
		{"overlapping statements, numbered afresh", []step{
			{[]store.BankLine{a, b, c}, 3, 0},
			{[]store.BankLine{with(c, func(l *store.BankLine) { l.Reference = "1" }),
				with(d, func(l *store.BankLine) { l.Reference = "2" })}, 1, 1},
		}},
		{"the same file in another order", []step{{[]store.BankLine{a, b, c, d}, 4, 0}, {[]store.BankLine{d, c, a, b}, 0, 4}}},
		{"two equal deposits on a day stay two", []step{
			{[]store.BankLine{e, e}, 2, 0},
			{[]store.BankLine{e, e}, 0, 2},
			{[]store.BankLine{e}, 0, 1},
			{[]store.BankLine{a, e, b, e, e}, 3, 2}, // a, b and a third e
			{[]store.BankLine{e, e, e}, 0, 3},
		}},
		{"twins in a statement that overlaps", []step{
			{[]store.BankLine{a, e}, 2, 0},
			{[]store.BankLine{e, e, d}, 2, 1},
		}},
		{"the payer and memo as another export writes them", []step{
			{[]store.BankLine{c}, 1, 0},
			{[]store.BankLine{with(c, func(l *store.BankLine) {
				l.PayerName, l.Memo = "ウエダショウジ(カ", "フリコミ   I-2026-0007 "
			})}, 0, 1},
		}},
		{"another account, day, amount, payer or memo is another deposit", []step{
			{[]store.BankLine{a}, 1, 0},
			{[]store.BankLine{
				with(a, func(l *store.BankLine) { l.Account = "zengin:0009-101-1-7654321" }),
				with(a, func(l *store.BankLine) { l.Date = storetest.Date("2026-11-17") }),
				with(a, func(l *store.BankLine) { l.Amount++ }),
				with(a, func(l *store.BankLine) { l.PayerName = "ｱｻﾋ ｼﾞﾛｳ" }),
				with(a, func(l *store.BankLine) { l.Memo = "ﾌﾘｺﾐ I-2026-0001" }),
			}, 5, 0},
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newRecFix(t)
			stored := 0
			for i, s := range tc.steps {
				pre, err := f.st.PreviewBankLines(t.Context(), "pre.txt", s.lines)
				if err != nil || len(pre.Added) != s.added || pre.AlreadyImported != s.already {
					t.Fatalf("step %d preview: %d new, %d before (%v); want %d, %d",
						i+1, len(pre.Added), pre.AlreadyImported, err, s.added, s.already)
				}
				res, err := f.st.ImportBankLines(t.Context(), fmt.Sprintf("%d.txt", i+1), s.lines)
				if err != nil || len(res.Added) != s.added || res.AlreadyImported != s.already {
					t.Fatalf("step %d: %d new, %d before (%v); want %d, %d",
						i+1, len(res.Added), res.AlreadyImported, err, s.added, s.already)
				}
				for j := range res.Added {
					if res.Added[j].Identity != pre.Added[j].Identity || res.Added[j].Reference != pre.Added[j].Reference {
						t.Errorf("step %d: line %d imported as %+v, previewed as %+v", i+1, j, res.Added[j], pre.Added[j])
					}
				}
				f.check()
				stored += s.added
			}
			if n := queryInt(t, f.st.DB(), `SELECT count(*) FROM bank_lines`); n != stored {
				t.Errorf("%d lines stored, want %d", n, stored)
			}
		})
	}
}

// migrationsBefore returns the migration files that come before the one
// named name (NNNN_name.sql), in order.
func migrationsBefore(t *testing.T, name string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("migrations", "*.sql"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	for i, p := range paths {
		if strings.HasSuffix(p, "_"+name) {
			return paths[:i]
		}
	}
	t.Fatalf("no migration %s", name)
	return nil
}

// applyMigrationsBefore builds in db the schema of a ledger written by the
// version before migration name, recording each migration as that version
// did (applied at ts), so opening it with the store runs name and what
// follows as an upgrade does.
func applyMigrationsBefore(t *testing.T, db *sql.DB, name, ts string) {
	t.Helper()
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	for i, p := range migrationsBefore(t, name) {
		body, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(body)); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, ?, ?)`, i+1, filepath.Base(p), ts); err != nil {
			t.Fatal(err)
		}
	}
}

// A ledger whose bank lines were imported before deposits had an identity
// of their own (identity = a hash of the whole record): the migration gives
// each its deposit key, the first file that holds them again recognises
// them (twins as twins), and they become that file's account's.
func TestBankIdentityMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "daicho.db")
	db := rawDB(t, path, "_pragma=foreign_keys(1)")
	ts := fixedNow.Format(time.RFC3339Nano)
	applyMigrationsBefore(t, db, "bank_identity.sql", ts)
	for i, l := range []struct {
		date         string
		amount       int
		payer, memo  string
		identityHash string
	}{
		{"2026-11-16", 11000, "アサヒ タロウ", "フリコミ", "h1"},
		{"2026-11-19", 5500, "オカダ ジロウ", "フリコミ", "h2"},
		{"2026-11-19", 5500, "オカダ ジロウ", "フリコミ", "h3"}, // twins of that day
	} {
		if _, err := db.Exec(`INSERT INTO bank_lines (id, identity, date, amount, payer_name, memo, source, imported_at,
			updated_at) VALUES (?, ?, ?, ?, ?, ?, 'old.txt', ?, ?)`,
			i+1, l.identityHash, l.date, l.amount, l.payer, l.memo, ts, ts); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	st := openTestStore(t, path)
	if n := queryInt(t, st.DB(), `SELECT count(*) FROM bank_lines WHERE deposit_key = '' OR account <> ''`); n != 0 {
		t.Fatalf("%d old lines without a key, or with an account", n)
	}
	a := deposit("1", "2026-11-16", 11000, "ｱｻﾋ ﾀﾛｳ", "ﾌﾘｺﾐ")
	e := deposit("2", "2026-11-19", 5500, "ｵｶﾀﾞ ｼﾞﾛｳ", "ﾌﾘｺﾐ")
	fresh := deposit("3", "2026-11-20", 700, "ｶﾜﾉ", "")
	for _, account := range []string{"zengin:0009-101-1-1234567", "csv"} {
		pre, err := st.PreviewBankLines(t.Context(), "x", []store.BankLine{
			inAccount(account, e), inAccount(account, e), inAccount(account, e), inAccount(account, fresh)})
		if err != nil || len(pre.Added) != 2 || pre.AlreadyImported != 2 {
			t.Errorf("preview for %s: %d new, %d before, %v; want 2, 2", account, len(pre.Added), pre.AlreadyImported, err)
		}
	}
	acc := "zengin:0009-101-1-1234567"
	res, err := st.ImportBankLines(t.Context(), "new.txt", []store.BankLine{
		inAccount(acc, a), inAccount(acc, e), inAccount(acc, e), inAccount(acc, e), inAccount(acc, fresh)})
	if err != nil || len(res.Added) != 2 || res.AlreadyImported != 3 {
		t.Fatalf("import: %d new, %d before, %v; want 2, 3", len(res.Added), res.AlreadyImported, err)
	}
	if n := queryInt(t, st.DB(), `SELECT count(*) FROM bank_lines WHERE account = ?`, acc); n != 5 {
		t.Errorf("%d lines of the account, want 5: the 3 old ones recognised, and 2 new", n)
	}
	// Recognised once: the old lines are this account's now, not another's.
	res, err = st.ImportBankLines(t.Context(), "other.csv", []store.BankLine{inAccount("csv", a)})
	if err != nil || len(res.Added) != 1 {
		t.Errorf("another account's deposit: %+v, %v", res, err)
	}
	// The account and key, once known, are frozen like the rest.
	for _, q := range []string{`UPDATE bank_lines SET account = 'csv' WHERE id = 1`,
		`UPDATE bank_lines SET deposit_key = 'x' WHERE id = 1`} {
		if _, err := st.DB().Exec(q); err == nil || !strings.Contains(err.Error(), "cannot be changed") {
			t.Errorf("%s: %v", q, err)
		}
	}
	if _, err := st.DB().Exec(`INSERT INTO bank_lines (identity, date, amount, imported_at, updated_at)
		VALUES ('z', '2026-11-20', 1, 'x', 'x')`); err == nil {
		t.Error("a line without account and key was stored")
	}
}

// inAccount is l in account.
func inAccount(account string, l store.BankLine) store.BankLine {
	l.Account = account
	return l
}
