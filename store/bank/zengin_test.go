package bank

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
)

// testNow is the clock of the tests: the era rule reads it.
var testNow = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)

func TestMain(m *testing.M) {
	now = func() time.Time { return testNow }
	os.Exit(m.Run())
}

// problem is one expected RowError.
type problem struct {
	line   int
	field  string
	reason string
	args   []any // nil: not checked
}

// problemsOf returns err's problems; it fails unless err is a BatchError.
func problemsOf(t *testing.T, err error) []problem {
	t.Helper()
	var batch store.BatchError
	if !errors.As(err, &batch) {
		t.Fatalf("err = %T %v, want a store.BatchError", err, err)
	}
	var out []problem
	for _, re := range batch {
		out = append(out, problem{re.Line, re.Err.Field, re.Err.Reason, re.Err.Args})
	}
	return out
}

// checkProblems compares err's problems with want (args only where given).
func checkProblems(t *testing.T, err error, want []problem) {
	t.Helper()
	got := problemsOf(t, err)
	if len(got) != len(want) {
		t.Fatalf("problems = %v, want %v", got, want)
	}
	for i, w := range want {
		g := got[i]
		if g.line != w.line || g.field != w.field || g.reason != w.reason {
			t.Errorf("problem %d = line %d %s %s %v, want line %d %s %s", i, g.line, g.field, g.reason, g.args,
				w.line, w.field, w.reason)
		}
		if w.args != nil && fmt.Sprint(g.args) != fmt.Sprint(w.args) {
			t.Errorf("problem %d args = %v, want %v", i, g.args, w.args)
		}
	}
}

// withoutAccount blanks the accounts, for comparing the rest.
func withoutAccount(ds []Deposit) []Deposit {
	out := make([]Deposit, len(ds))
	for i, d := range ds {
		d.Account = ""
		out[i] = d
	}
	return out
}

// accountName is what Deposit.Account may be: a Zengin account (bank,
// branch, type, number without leading zeros) or a CSV export.
var accountName = regexp.MustCompile(`^(zengin:[0-9]{4}-[0-9]{3}-[0-9]-[1-9][0-9]*|csv)$`)

// testAccountName is testAccount as Deposit.Account names it.
const testAccountName = "zengin:0009-101-1-1234567"

// checkAccounts fails unless every deposit names its account.
func checkAccounts(t *testing.T, ds []Deposit) {
	t.Helper()
	for _, d := range ds {
		if !accountName.MatchString(d.Account) {
			t.Errorf("line %d: account %q", d.Line, d.Account)
		}
	}
}

var lines03 = []line03{
	{ref: "00000101", date: "081104", dir: "1", kind: "11", amount: 110_000, payer: "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ",
		fromBank: "ﾐﾄﾞﾘｷﾞﾝｺｳ", fromBranch: "ｼﾌﾞﾔ", desc: "ﾌﾘｺﾐ", edi: "INV-2026-0042"},
	{ref: "00000102", date: "081105", dir: "2", kind: "14", amount: 55_000, desc: "ﾃﾞﾝｷﾀﾞｲ"},
	{ref: "00000103", date: "081110", dir: "1", kind: "11", amount: 1_234_000, payer: "ｻﾄｳ ﾀﾛｳ",
		fromBank: "ｱｵｿﾞﾗ", fromBranch: "ｳｴﾉ"},
	{ref: "00000104", date: "081120", dir: "1", kind: "19", amount: 0, desc: "ﾃｲｾｲ"},
	{ref: "00000105", date: "081130", dir: "1", kind: "11", amount: 33_000, payer: "ﾃｽﾄ(ｶ ｵｵｻｶｼﾃﾝ",
		desc: "ﾌﾘｺﾐ"},
}

var want03 = []Deposit{
	{Line: 2, Date: store.DateOf(2026, 11, 4), Amount: 110_000, PayerName: "カ)ヤマダシヨウジ",
		Reference: "00000101", Memo: "フリコミ INV-2026-0042"},
	{Line: 4, Date: store.DateOf(2026, 11, 10), Amount: 1_234_000, PayerName: "サトウ タロウ",
		Reference: "00000103"},
	{Line: 6, Date: store.DateOf(2026, 11, 30), Amount: 33_000, PayerName: "テスト(カ オオサカシテン",
		Reference: "00000105", Memo: "フリコミ"},
}

func TestParseZengin03WithAndWithoutLineBreaks(t *testing.T) {
	for _, sep := range []string{"\r\n", "\n", "\r", ""} {
		t.Run(fmt.Sprintf("sep %q", sep), func(t *testing.T) {
			data := file03(sep, lines03...)
			if got := DetectFormat(data); got != Zengin {
				t.Errorf("DetectFormat = %s", got)
			}
			got, err := ParseZengin(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(withoutAccount(got), want03) {
				t.Fatalf("deposits:\n got %+v\nwant %+v", withoutAccount(got), want03)
			}
			for _, d := range got {
				if d.Account != testAccountName {
					t.Errorf("line %d: account %q, want %q", d.Line, d.Account, testAccountName)
				}
			}
		})
	}
}

func TestParseZengin01(t *testing.T) {
	lines := []line01{
		{ref: "000001", date: "081120", amount: 220_000, payer: "ﾕ)ｽｽﾞｷﾃﾞﾝｷ", fromBank: "ﾐﾄﾞﾘ", edi: "0042"},
		{ref: "000002", date: "081120", amount: 5_500, payer: "ﾀﾅｶ ﾊﾅｺ", fromBank: "ｱｵｿﾞﾗ"},
		{ref: "000003", date: "081120", amount: 5_500, payer: "ﾀﾅｶ ﾊﾅｺ", fromBank: "ｱｵｿﾞﾗ", cancel: "1"},
		{ref: "000004", date: "081121", amount: 99_000, payer: "ﾄﾞ)ｻﾝﾌﾟﾙ", fromBank: "ﾐﾄﾞﾘ", cancel: "0"},
	}
	want := []Deposit{
		{Line: 2, Date: store.DateOf(2026, 11, 20), Amount: 220_000, PayerName: "ユ)スズキデンキ", Reference: "000001", Memo: "0042"},
		{Line: 3, Date: store.DateOf(2026, 11, 20), Amount: 5_500, PayerName: "タナカ ハナコ", Reference: "000002"},
		{Line: 5, Date: store.DateOf(2026, 11, 21), Amount: 99_000, PayerName: "ド)サンプル", Reference: "000004"},
	}
	for _, sep := range []string{"\r\n", ""} {
		got, err := ParseZengin(file01(sep, lines...))
		if err != nil {
			t.Fatalf("sep %q: %v", sep, err)
		}
		if !reflect.DeepEqual(withoutAccount(got), want) {
			t.Fatalf("sep %q:\n got %+v\nwant %+v", sep, withoutAccount(got), want)
		}
		checkAccounts(t, got)
	}

	// Banks differ on whether 合計 counts the cancellations: both are taken.
	recs := [][]byte{header01(testAccount)}
	for _, l := range lines {
		recs = append(recs, data01(l))
	}
	recs = append(recs, trailer01(4, 220_000+5_500+5_500+99_000, 1, 5_500), end())
	if got, err := ParseZengin(file("\r\n", recs...)); err != nil || len(got) != 3 {
		t.Fatalf("合計 with cancellations: %v, %d deposits", err, len(got))
	}
}

func TestParseZenginSeveralAccounts(t *testing.T) {
	other := testAccount
	other.number = "7654321"
	l := line03{ref: "1", date: "081101", dir: "1", kind: "11", amount: 1000, payer: "ｱ"}
	recs := append(group03(testAccount, l), group03(other, l)...)
	got, err := ParseZengin(file("\r\n", append(recs, end())...))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Line != 2 || got[1].Line != 5 {
		t.Fatalf("got %+v", got)
	}
	// The same record in another account is another deposit.
	if got[0].Account != testAccountName || got[1].Account != "zengin:0009-101-1-7654321" {
		t.Errorf("accounts %q and %q", got[0].Account, got[1].Account)
	}
}

// jis7 encodes half-width katakana as 7-bit JIS: ESC ( I … ESC ( B, or
// SO … SI with so.
func jis7(s string, so bool) []byte {
	in, out := []byte("\x1b(I"), []byte("\x1b(B")
	if so {
		in, out = []byte{0x0e}, []byte{0x0f}
	}
	var b []byte
	kana := false
	for _, r := range s {
		isKana := r >= 0xff61 && r <= 0xff9f
		if isKana != kana {
			if isKana {
				b = append(b, in...)
			} else {
				b = append(b, out...)
			}
			kana = isKana
		}
		if isKana {
			b = append(b, byte(r-0xff61+0x21))
		} else {
			b = append(b, byte(r))
		}
	}
	if kana {
		b = append(b, out...)
	}
	return b
}

func TestParseZenginEncodings(t *testing.T) {
	base := line03{ref: "7", date: "081101", dir: "1", kind: "11", amount: 1000}
	// record builds a data record with the payer and 摘要 fields given as
	// encoded bytes.
	record := func(payer, desc []byte) []byte {
		r := data03(base)
		copy(r[81:129], rawTxt(payer, 48))
		copy(r[159:179], rawTxt(desc, 20))
		return r
	}
	sjis := func(s string) []byte {
		b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	iso := func(s string) []byte {
		b, err := japanese.ISO2022JP.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name        string
		payer, desc []byte
		wantPayer   string
		wantMemo    string
	}{
		{"JIS 8-bit kana", sjis("ｶ)ﾃｽﾄ"), sjis("ﾌﾘｺﾐ"), "カ)テスト", "フリコミ"},
		{"Shift_JIS kanji in 摘要", sjis("ｶ)ﾃｽﾄ"), sjis("振込　入金"), "カ)テスト", "振込 入金"},
		{"7-bit JIS, ESC ( I", jis7("ｶ)ﾃｽﾄ ｼﾖｳｼﾞ", false), jis7("ﾌﾘｺﾐ", false), "カ)テスト シヨウジ", "フリコミ"},
		{"7-bit JIS, SO/SI", jis7("ｶ)ﾃｽﾄ", true), jis7("ﾌﾘｺﾐ", true), "カ)テスト", "フリコミ"},
		{"7-bit JIS kanji", iso("テスト商事"), iso("振込"), "テスト商事", "振込"},
		// The kana shift runs on from the payer into the padding, and is
		// closed in the next field.
		{"7-bit JIS state across fields", []byte("\x1b(I6\x1b(B)\x1b(IC=D"), append([]byte("\x1b(B"), "EDI"...),
			"カ)テスト", "EDI"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := file("\r\n", header03(testAccount, "081130", "081101", "081130"),
				record(tt.payer, tt.desc), trailer03(1, 1000, 0, 0), end())
			got, err := ParseZengin(data)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 1 || got[0].PayerName != tt.wantPayer || got[0].Memo != tt.wantMemo {
				t.Fatalf("got %+v, want payer %q memo %q", got, tt.wantPayer, tt.wantMemo)
			}
		})
	}
}

func TestParseZenginSkipsPaddingAfterEnd(t *testing.T) {
	for _, tail := range []string{"\x1a", strings.Repeat(" ", 200), strings.Repeat(" ", 37) + "\x1a", "\r\n\r\n"} {
		if _, err := ParseZengin(append(file03("", lines03...), tail...)); err != nil {
			t.Errorf("tail %q: %v", tail, err)
		}
	}
}

// patch returns a copy of r with b written at off.
func patch(r []byte, off int, b string) []byte {
	out := bytes.Clone(r)
	copy(out[off:], b)
	return out
}

func TestParseZenginRefused(t *testing.T) {
	a := testAccount
	h := header03(a, "081130", "081101", "081130")
	d1 := data03(lines03[0])
	d2 := data03(lines03[1]) // a withdrawal of 55,000
	t1 := trailer03(1, 110_000, 1, 55_000)
	ok := [][]byte{h, d1, d2, t1, end()}
	crlf := func(recs ...[]byte) []byte { return file("\r\n", recs...) }
	tests := []struct {
		name string
		data []byte
		want []problem
	}{
		{"short record", crlf(h, d1[:199], d2, t1, end()),
			[]problem{{2, "record", "bank.record_length", []any{199, 200}}}},
		{"long record", crlf(h, d1, append(bytes.Clone(d2), ' '), t1, end()),
			[]problem{{3, "record", "bank.record_length", []any{201, 200}}}},
		{"no line breaks, last record cut", file("", h, d1, d2, t1, end())[:999],
			[]problem{{5, "record", "bank.record_length", []any{199, 200}}}},
		{"no line breaks, a record cut short", file("", h, d1[:150], d2, t1, end()),
			// Every record after the cut is misaligned: nothing after it is
			// accepted.
			nil},
		{"trailer deposit count", crlf(h, d1, d2, trailer03(5, 110_000, 1, 55_000), end()),
			[]problem{{4, "deposit_count", "bank.trailer_count", []any{5, 1}}}},
		{"trailer deposit total", crlf(h, d1, d2, trailer03(1, 110_001, 1, 55_000), end()),
			[]problem{{4, "deposit_total", "bank.trailer_total", []any{110001, 110000}}}},
		{"trailer withdrawal count and total", crlf(h, d1, d2, trailer03(1, 110_000, 0, 0), end()),
			[]problem{{4, "withdrawal_count", "bank.trailer_count", []any{0, 1}},
				{4, "withdrawal_total", "bank.trailer_total", []any{0, 55000}}}},
		{"trailer not a number", crlf(h, d1, d2, patch(t1, 7, "12345X"), end()),
			[]problem{{4, "deposit_total", "bank.number", nil}}},
		{"amount not a number", crlf(h, patch(d1, 24, "0000001A0000"), d2, t1, end()),
			[]problem{{2, "amount", "bank.number", []any{"0000001A0000"}}}},
		{"amount blank", crlf(h, patch(d1, 24, strings.Repeat(" ", 12)), d2, t1, end()),
			[]problem{{2, "amount", "bank.number", nil}}},
		{"unknown record type", crlf(h, d1, patch(d2, 0, "5"), t1, end()),
			[]problem{{3, "record", "bank.record_type", []any{"5"}}}},
		{"unknown kind", crlf(patch(h, 1, "02"), d1, d2, t1, end()),
			[]problem{{1, "kind", "bank.kind", []any{"02"}}}},
		{"impossible date", crlf(h, patch(d1, 9, "081131"), d2, t1, end()),
			[]problem{{2, "date", "bank.date", []any{"081131"}}}},
		{"era year out of range", crlf(h, patch(d1, 9, "451101"), d2, t1, end()),
			[]problem{{2, "date", "bank.date", nil}}},
		{"unknown 入払区分", crlf(h, patch(d1, 21, "3"), d2, t1, end()),
			[]problem{{2, "direction", "bank.code", []any{"3"}}}},
		{"payer not Shift_JIS", crlf(h, patch(d1, 81, "\x81\x20"), d2, t1, end()),
			[]problem{{2, "payer", "bank.encoding", nil}}},
		{"no end record", crlf(h, d1, d2, t1),
			[]problem{{4, "record", "bank.no_end", nil}}},
		{"no trailer", crlf(h, d1, d2, end()),
			[]problem{{4, "record", "bank.no_trailer", nil}}},
		{"no trailer before the next header", crlf(h, d1, h, d2, trailer03(0, 0, 1, 55_000), end()),
			[]problem{{3, "record", "bank.no_trailer", nil}}},
		{"data before the header", crlf(d1, h, d2, trailer03(0, 0, 1, 55_000), end()),
			[]problem{{1, "record", "bank.no_header", nil}}},
		{"only an end record", crlf(end()),
			[]problem{{1, "record", "bank.no_header", nil}}},
		{"data after the end", crlf(append(ok, d1)...),
			[]problem{{6, "record", "bank.after_end", nil}}},
		{"blank lines count as lines", []byte("\r\n" + string(crlf(h, d1, d2, t1)) + "\r\n"),
			[]problem{{5, "record", "bank.no_end", nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseZengin(tt.data)
			if err == nil {
				t.Fatalf("accepted: %+v", got)
			}
			if got != nil {
				t.Errorf("deposits returned with the error: %+v", got)
			}
			if tt.want == nil {
				// The cut shifts record 3 onwards: record 2 reads as a data
				// record, and record 3 starts in the middle of one.
				if ps := problemsOf(t, err); ps[0].line != 3 || ps[0].reason != "bank.record_type" {
					t.Errorf("problems = %v, want the first at record 3", ps)
				}
				return
			}
			checkProblems(t, err, tt.want)
		})
	}
	if got, err := ParseZengin(crlf(ok...)); err != nil || len(got) != 1 {
		t.Fatalf("the unbroken file: %v %+v", err, got)
	}
}

func TestParseZengin01Refused(t *testing.T) {
	h := header01(testAccount)
	l := line01{ref: "1", date: "081120", amount: 1000, payer: "ｱ"}
	tests := []struct {
		name string
		data []byte
		want []problem
	}{
		{"trailer count", file("\n", h, data01(l), trailer01(2, 1000, 0, 0), end()),
			[]problem{{3, "count", "bank.trailer_count", []any{2, 1}}}},
		{"trailer total", file("\n", h, data01(l), trailer01(1, 999, 0, 0), end()),
			[]problem{{3, "total", "bank.trailer_total", []any{999, 1000}}}},
		{"cancel count", file("\n", h, data01(l), trailer01(1, 1000, 1, 1000), end()),
			[]problem{{3, "cancel_count", "bank.trailer_count", []any{1, 0}},
				{3, "cancel_total", "bank.trailer_total", []any{1000, 0}}}},
		{"unknown 取消区分", file("\n", h, patch(data01(l), 127, "9"), trailer01(1, 1000, 0, 0), end()),
			[]problem{{2, "cancel", "bank.code", []any{"9"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseZengin(tt.data)
			checkProblems(t, err, tt.want)
		})
	}
}

func TestParseZenginWholeFileErrors(t *testing.T) {
	for _, data := range [][]byte{nil, {}, []byte("\r\n\r\n"), []byte("\x1a")} {
		_, err := ParseZengin(data)
		e, ok := err.(*store.Error)
		if !ok || e.Reason != "bank.empty" {
			t.Errorf("%q: err = %v, want bank.empty", data, err)
		}
	}
	// A file that is not Zengin at all is told so in one sentence (issue 15).
	for _, data := range [][]byte{bytes.Repeat([]byte("x\n"), 10_000), []byte("日付,入金金額\r\n2026/11/20,1000\r\n"), []byte("%PDF-1.4\n")} {
		_, err := ParseZengin(data)
		if e, ok := err.(*store.Error); !ok || e.Reason != "bank.not_zengin" {
			t.Errorf("%.20q: err = %v, want bank.not_zengin", data, err)
		}
	}
	// A file of broken records reports a bounded number of problems.
	_, err := ParseZengin(bytes.Repeat([]byte("2x\n"), 10_000))
	if ps := problemsOf(t, err); len(ps) != maxProblems {
		t.Errorf("%d problems, want %d", len(ps), maxProblems)
	}
}

// A deposit's account is the group's: the same for a 01 and a 03 file of
// one account (7 and 10 digits of account number), another for another
// account. (What makes a deposit the same deposit in another file is the
// store's rule: see store/bank/identity_test.go.)
func TestParseZenginAccount(t *testing.T) {
	x := line03{ref: "11", date: "081101", dir: "1", kind: "11", amount: 5000, payer: "ｱｲｳ"}
	accounts := func(data []byte) []string {
		t.Helper()
		ds, err := ParseZengin(data)
		if err != nil {
			t.Fatal(err)
		}
		checkAccounts(t, ds)
		var out []string
		for _, d := range ds {
			out = append(out, d.Account)
		}
		return out
	}
	want := []string{testAccountName}
	if got := accounts(file03("\r\n", x)); !reflect.DeepEqual(got, want) {
		t.Errorf("03: %v, want %v", got, want)
	}
	if got := accounts(file01("\r\n", line01{ref: "1", date: "081120", amount: 1000, payer: "ｱ"})); !reflect.DeepEqual(got, want) {
		t.Errorf("01: %v, want %v", got, want)
	}
	other := testAccount
	other.number = "999"
	other.accountType = "2"
	if got := accounts(file("\r\n", append(group03(other, x), end())...)); !reflect.DeepEqual(got, []string{"zengin:0009-101-2-999"}) {
		t.Errorf("another account: %v", got)
	}
}

func TestZenginEra(t *testing.T) {
	defer func() { now = func() time.Time { return testNow } }()
	tests := []struct {
		clock  time.Time
		yymmdd string
		want   string // "" = refused
	}{
		{testNow, "081120", "2026-11-20"},
		{testNow, "010501", "2019-05-01"}, // R1
		{testNow, "090105", "2027-01-05"}, // the current Reiwa year + 1 is still Reiwa
		{testNow, "100101", "1998-01-01"}, // H10
		{testNow, "310430", "2019-04-30"}, // H31, the last Heisei year
		{testNow, "300229", ""},           // H30 = 2018: no 29 February
		{testNow, "320101", ""},           // neither R32 (2050) yet nor a Heisei year
		{testNow, "000101", ""},           // no year 0
		{testNow, "081301", ""},           // month 13
		{testNow, "0811 1", ""},           // not digits
		{testNow, "08112", ""},            // too short
		{time.Date(2040, 3, 1, 0, 0, 0, 0, time.UTC), "220301", "2040-03-01"},
		{time.Date(2040, 3, 1, 0, 0, 0, 0, time.UTC), "280301", "2016-03-01"}, // R28 would be 2046: H28
		{time.Date(2050, 1, 1, 0, 0, 0, 0, time.UTC), "320101", "2050-01-01"},
		{time.Date(2019, 6, 1, 0, 0, 0, 0, time.UTC), "080101", "2026-01-01"},  // a clock set back
		{time.Date(2028, 2, 28, 0, 0, 0, 0, time.UTC), "100229", "2028-02-29"}, // R10, leap
	}
	for _, tt := range tests {
		clock := tt.clock
		now = func() time.Time { return clock }
		got, ok := zenginDate(tt.yymmdd)
		switch {
		case tt.want == "" && ok:
			t.Errorf("%s at %s = %s, want refused", tt.yymmdd, clock.Format("2006"), got.Format(time.DateOnly))
		case tt.want != "" && (!ok || got.Format(time.DateOnly) != tt.want):
			t.Errorf("%s at %s = %s %v, want %s", tt.yymmdd, clock.Format("2006"), got.Format(time.DateOnly), ok, tt.want)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("%s: not a daicho date (UTC)", tt.yymmdd)
		}
	}
}

func TestLayoutsMatchTheStandard(t *testing.T) {
	// Offsets the 全銀協 layouts put the fields at (1-based position - 1).
	tests := []struct {
		l    layout
		key  string
		want span
	}{
		{layouts().header03, "account_number", span{63, 10}},
		{layouts().header03, "account_name", span{73, 40}},
		{layouts().header01, "account_number", span{60, 7}},
		{layouts().data03, "reference", span{1, 8}},
		{layouts().data03, "date", span{9, 6}},
		{layouts().data03, "direction", span{21, 1}},
		{layouts().data03, "amount", span{24, 12}},
		{layouts().data03, "payer", span{81, 48}},
		{layouts().data03, "description", span{159, 20}},
		{layouts().data03, "edi", span{179, 20}},
		{layouts().data01, "date", span{7, 6}},
		{layouts().data01, "amount", span{19, 10}},
		{layouts().data01, "payer", span{49, 48}},
		{layouts().data01, "cancel", span{127, 1}},
		{layouts().data01, "edi", span{128, 20}},
		{layouts().trailer03, "withdrawal_total", span{26, 13}},
		{layouts().trailer01, "cancel_total", span{25, 12}},
	}
	for _, tt := range tests {
		if got := tt.l.at(tt.key); got != tt.want {
			t.Errorf("%s %s at %v, want %v", tt.l.name, tt.key, got, tt.want)
		}
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want Format
	}{
		{"zengin 03 crlf", file03("\r\n", lines03...), Zengin},
		{"zengin 03 flat", file03("", lines03...), Zengin},
		{"zengin 01", file01("\n", line01{ref: "1", date: "081120", amount: 1}), Zengin},
		{"zengin with a short first record", append(header03(testAccount, "081130", "081101", "081130")[:190], "\r\n"...), Zengin},
		{"csv", []byte("日付,入金金額,出金金額,摘要\r\n2026/11/20,1000,,ﾃｽﾄ\r\n"), CSV},
		{"csv with BOM", append(bytes.Clone(utf8BOM), "日付,入金金額\n"...), CSV},
		{"csv whose first cell is a number", []byte("1030112345,1000\r\n"), CSV},
		{"empty", nil, CSV},
		{"only 103", []byte("103"), CSV},
		// Fixed-length records of another kind: ParseZengin says what it is
		// rather than the CSV reader missing a 日付 column (issue 15).
		{"kind 02", patch(file03("", lines03...), 1, "02"), Zengin},
		{"kind 02 crlf", patch(file03("\r\n", lines03...), 1, "02"), Zengin},
		{"a long csv header", []byte(strings.Repeat("日付,", 70) + "\r\n"), CSV},
	}
	for _, tt := range tests {
		if got := DetectFormat(tt.data); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
