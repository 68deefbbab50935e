package bank

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
)

// sjisBytes encodes UTF-8 text as Shift_JIS, as a Japanese bank exports it.
func sjisBytes(t testing.TB, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("cannot encode %q as Shift_JIS: %v", s, err)
	}
	return b
}

// encodings gives the file in the encodings bank exports come in.
func encodings(t testing.TB, text string) map[string][]byte {
	return map[string][]byte{
		"utf8":     []byte(text),
		"utf8 bom": append(bytes.Clone(utf8BOM), text...),
		"sjis":     sjisBytes(t, text),
	}
}

func profile(t testing.TB, name string) CSVProfile {
	t.Helper()
	p, ok := ProfileByName(name)
	if !ok {
		t.Fatalf("no profile %q", name)
	}
	return p
}

func dep(line int, y, m, d int, amount store.Money, payer, memo, ref string) Deposit {
	return Deposit{Line: line, Date: store.DateOf(y, time.Month(m), d), Amount: amount,
		PayerName: payer, Memo: memo, Reference: ref}
}

// Exports shaped like each built-in profile's bank, with a withdrawal row,
// quoted amounts and (where such banks write them) preamble lines.
var profileFiles = []struct {
	profile string
	text    string
	want    []Deposit
}{
	{"generic", "日付,入金金額,出金金額,摘要\r\n" +
		"2026/11/04,\"110,000\",,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ\r\n" +
		"2026/11/05,,\"55,000\",ﾃﾞﾝｷﾀﾞｲ\r\n" +
		"2026/11/10,\"1,234,000\",,振込 ｻﾄｳ ﾀﾛｳ\r\n",
		[]Deposit{
			dep(2, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "カ)ヤマダシヨウジ", ""),
			dep(4, 2026, 11, 10, 1_234_000, "サトウ タロウ", "振込 サトウ タロウ", ""),
		}},
	{"azukari", "\"日付\",\"摘要\",\"摘要内容\",\"支払い金額\",\"預かり金額\",\"差引残高\",\"メモ\",\"未資金化区分\",\"入払区分\"\r\n" +
		"\"2026/11/4\",\"振込\",\"ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ\",\"\",\"110,000\",\"5,110,000\",\"請求書 0042\",\"\",\"入金\"\r\n" +
		"\"2026/11/5\",\"口座振替\",\"ﾃﾞﾝｷﾀﾞｲ\",\"55,000\",\"\",\"5,055,000\",\"\",\"\",\"出金\"\r\n",
		[]Deposit{dep(2, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "請求書 0042", "")}},
	{"oazukeire", "年月日,お引出し,お預入れ,お取り扱い内容,残高,メモ,ラベル\r\n" +
		"2026/11/04,,110000,ﾌﾘｺﾐ ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,5110000,,\r\n" +
		"2026/11/05,55000,,ﾃﾞﾝｷﾀﾞｲ,5055000,,\r\n",
		[]Deposit{dep(2, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "", "")}},
	{"oazukekingaku", "\"照会口座\",\"サンプル銀行 本店 普通 1234567\"\r\n" +
		"\"照会期間\",\"2026年11月01日～2026年11月30日\"\r\n" +
		"\r\n" +
		"\"日付\",\"お引出金額\",\"お預入金額\",\"お取引内容\",\"残高\",\"メモ\"\r\n" +
		"\"2026.11.04\",\"\",\"110,000\",\"振込　ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ\",\"5,110,000\",\"\"\r\n" +
		"\"2026.11.05\",\"55,000\",\"\",\"ﾃﾞﾝｷﾀﾞｲ\",\"5,055,000\",\"\"\r\n",
		[]Deposit{dep(5, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "", "")}},
	{"nyushukkin", "取引日,入出金(円),残高(円),入出金先内容\n" +
		"20261104,110000,5110000,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ\n" +
		"20261105,-55000,5055000,ﾃﾞﾝｷﾀﾞｲ\n",
		[]Deposit{dep(2, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "カ)ヤマダシヨウジ", "")}},
	{"ukeire", "口座番号,00100-1-123456\r\n" +
		"店名,〇一八店\r\n" +
		"照会期間,2026年11月01日～2026年11月30日\r\n" +
		"取引日,入出金明細ＩＤ,受入金額（円）,払出金額（円）,詳細１,詳細２,現在（貸付）高\r\n" +
		"20261104,A0001,110000,,振込,ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ,5110000\r\n" +
		"20261105,A0002,,55000,自払,ﾃﾞﾝｷﾀﾞｲ,5055000\r\n",
		[]Deposit{dep(5, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "振込", "A0001")}},
}

func TestParseCSVProfiles(t *testing.T) {
	for _, f := range profileFiles {
		t.Run(f.profile, func(t *testing.T) {
			for enc, data := range encodings(t, f.text) {
				if DetectFormat(data) != CSV {
					t.Errorf("%s: not detected as CSV", enc)
				}
				got, err := ParseCSV(data, profile(t, f.profile))
				if err != nil {
					t.Fatalf("%s: %v", enc, err)
				}
				if !reflect.DeepEqual(withoutAccount(got), f.want) {
					t.Fatalf("%s:\n got %+v\nwant %+v", enc, withoutAccount(got), f.want)
				}
				for _, d := range got {
					if d.Account != "csv" {
						t.Errorf("%s, line %d: account %q, want csv", enc, d.Line, d.Account)
					}
				}
			}
		})
	}
}

// The generic profile reads the layouts whose names it knows.
func TestGenericProfileReadsOtherLayouts(t *testing.T) {
	for _, f := range profileFiles {
		got, err := ParseCSV([]byte(f.text), profile(t, "generic"))
		if err != nil {
			t.Errorf("%s: %v", f.profile, err)
			continue
		}
		if len(got) != len(f.want) || got[0].Amount != f.want[0].Amount || got[0].PayerName != f.want[0].PayerName {
			t.Errorf("%s: %+v", f.profile, got)
		}
	}
}

func TestProfiles(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Profiles {
		if seen[p.Name] {
			t.Errorf("profile %q twice", p.Name)
		}
		seen[p.Name] = true
		if p.Date == "" || p.Deposit == "" {
			t.Errorf("%s: no Date or Deposit column", p.Name)
		}
		if _, err := decodeCSV([]byte("x"), p); err != nil {
			t.Errorf("%s: encoding %q: %v", p.Name, p.Encoding, err)
		}
	}
	if len(Profiles) < 6 || Profiles[len(Profiles)-1].Name != "generic" {
		t.Errorf("want the specific profiles, then generic last")
	}
	if p, ok := ProfileByName(" Generic "); !ok || p.Name != "generic" {
		t.Errorf("ProfileByName ignores case and spaces: %v %v", p, ok)
	}
	if _, ok := ProfileByName("nope"); ok {
		t.Error("found an unknown profile")
	}
}

var genericHeader = "日付,入金金額,出金金額,摘要\r\n"

func TestParseCSVRows(t *testing.T) {
	p := profile(t, "generic")
	tests := []struct {
		name string
		rows string
		want []Deposit
	}{
		{"amount forms",
			"2026/11/01,¥1,,A\r\n" + // unquoted: ¥1 is one cell
				"2026/11/02,\"¥1,234\",,B\r\n" +
				"2026/11/03,\\2000,,C\r\n" +
				"2026/11/04,3000円,,D\r\n" +
				"2026/11/05,４０００,,E\r\n" +
				"2026/11/06,+5000,,F\r\n" +
				"2026/11/07,6000.00,,G\r\n" +
				"2026/11/08,\" 7,000 \",,H\r\n",
			[]Deposit{
				dep(2, 2026, 11, 1, 1, "A", "A", ""), dep(3, 2026, 11, 2, 1234, "B", "B", ""),
				dep(4, 2026, 11, 3, 2000, "C", "C", ""), dep(5, 2026, 11, 4, 3000, "D", "D", ""),
				dep(6, 2026, 11, 5, 4000, "E", "E", ""), dep(7, 2026, 11, 6, 5000, "F", "F", ""),
				dep(8, 2026, 11, 7, 6000, "G", "G", ""), dep(9, 2026, 11, 8, 7000, "H", "H", ""),
			}},
		{"date forms",
			"2026-11-01,1,,A\r\n" +
				"20261102,1,,B\r\n" +
				"2026.11.3,1,,C\r\n" +
				"2026年11月4日,1,,D\r\n" +
				"R8.11.5,1,,E\r\n" +
				"令和8年11月6日,1,,F\r\n" +
				"2026/11/07 10:15:00,1,,G\r\n" +
				"２０２６／１１／０８,1,,H\r\n",
			[]Deposit{
				dep(2, 2026, 11, 1, 1, "A", "A", ""), dep(3, 2026, 11, 2, 1, "B", "B", ""),
				dep(4, 2026, 11, 3, 1, "C", "C", ""), dep(5, 2026, 11, 4, 1, "D", "D", ""),
				dep(6, 2026, 11, 5, 1, "E", "E", ""), dep(7, 2026, 11, 6, 1, "F", "F", ""),
				dep(8, 2026, 11, 7, 1, "G", "G", ""), dep(9, 2026, 11, 8, 1, "H", "H", ""),
			}},
		{"rows that are not deposits",
			"2026/11/01,,500,withdrawal\r\n" +
				",,,\r\n" +
				"\r\n" +
				"2026/11/02,0,,zero\r\n" +
				",,,note without a date\r\n" +
				"2026/11/03,100,,kept\r\n",
			[]Deposit{dep(7, 2026, 11, 3, 100, "kept", "kept", "")}},
		{"quoted cells spanning lines",
			"2026/11/01,100,,\"two\r\nlines\"\r\n" +
				"2026/11/02,200,,next\r\n",
			[]Deposit{dep(2, 2026, 11, 1, 100, "two lines", "two lines", ""), dep(4, 2026, 11, 2, 200, "next", "next", "")}},
		{"control characters and spaces in text",
			"2026/11/01,100,,\"ｶ)\x1b[31mﾃｽﾄ　　ｼﾖｳｼﾞ \"\r\n",
			[]Deposit{dep(2, 2026, 11, 1, 100, "カ) [31mテスト シヨウジ", "カ) [31mテスト シヨウジ", "")}},
		{"transfer words", "2026/11/01,1,,振込 A\r\n2026/11/02,1,,振込入金 B\r\n2026/11/03,1,,ﾌﾘｺﾐ C\r\n2026/11/04,1,,振込C\r\n",
			[]Deposit{dep(2, 2026, 11, 1, 1, "A", "振込 A", ""), dep(3, 2026, 11, 2, 1, "B", "振込入金 B", ""),
				dep(4, 2026, 11, 3, 1, "C", "フリコミ C", ""), dep(5, 2026, 11, 4, 1, "振込C", "振込C", "")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCSV([]byte(genericHeader+tt.rows), p)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(withoutAccount(got), tt.want) {
				t.Fatalf("\n got %+v\nwant %+v", withoutAccount(got), tt.want)
			}
		})
	}
}

func TestParseCSVTabsAndLayouts(t *testing.T) {
	p := CSVProfile{Name: "mine", Date: "Date", Deposit: "In", Withdrawal: "Out", Payer: "Payer",
		Reference: "Ref", DateLayouts: []string{"01/02/2006"}}
	data := "Account\t123\nDate\tIn\tOut\tPayer\tRef\n11/20/2026\t1000\t\tACME\tR1\n"
	got, err := ParseCSV([]byte(data), p)
	if err != nil {
		t.Fatal(err)
	}
	want := []Deposit{dep(3, 2026, 11, 20, 1000, "ACME", "", "R1")}
	if !reflect.DeepEqual(withoutAccount(got), want) {
		t.Fatalf("got %+v, want %+v", withoutAccount(got), want)
	}
	// The layouts replace the defaults: an ISO date is not read.
	_, err = ParseCSV([]byte("Date\tIn\tOut\tPayer\tRef\n2026-11-20\t1000\t\tACME\tR1\n"), p)
	checkProblems(t, err, []problem{{2, "date", "bank.date", []any{"2026-11-20"}}})
}

func TestParseCSVRefused(t *testing.T) {
	generic := profile(t, "generic")
	tests := []struct {
		name string
		p    CSVProfile
		data string
		want []problem
	}{
		{"bad date", generic, genericHeader + "2026/13/01,100,,A\r\n",
			[]problem{{2, "date", "bank.date", []any{"2026/13/01"}}}},
		{"no date", generic, genericHeader + ",100,,A\r\n",
			[]problem{{2, "date", "bank.date", []any{""}}}},
		{"bad amount", generic, genericHeader + "2026/11/01,\"12,34\",,A\r\n",
			[]problem{{2, "deposit", "bank.amount", []any{"12,34"}}}},
		{"negative deposit next to a withdrawal column", generic, genericHeader + "2026/11/01,-100,,A\r\n",
			[]problem{{2, "deposit", "bank.negative", []any{"-100"}}}},
		{"an unquoted comma shifts the row", generic, genericHeader + "2026/11/01,100,,ｶ)ﾃｽﾄ,ｵｵｻｶ\r\n",
			[]problem{{2, "", "import.field_count", []any{5, 4}}}},
		{"every bad row at once", generic, genericHeader + "2026/11/01,x,,A\r\n2026/11/02,1,,B\r\nyesterday,2,,C\r\n",
			[]problem{{2, "deposit", "bank.amount", nil}, {4, "date", "bank.date", nil}}},
		{"broken quote", generic, genericHeader + "2026/11/01,100,,\"A\r\n",
			[]problem{{2, "", "import.csv_quote", nil}}},
		{"bare quote", generic, genericHeader + "2026/11/01,100,,A\"B\r\n",
			[]problem{{2, "", "import.csv_bare_quote", nil}}},
		{"header lacks the payer column", profile(t, "azukari"),
			"口座,123\r\n日付,支払い金額,預かり金額\r\n2026/11/01,,100\r\n",
			[]problem{{2, "payer", "bank.missing_column", []any{"摘要内容"}}}},
		{"header lacks the deposit column", profile(t, "ukeire"),
			"取引日,受入金額のメモ,詳細２\r\n",
			[]problem{{1, "deposit", "bank.missing_column", nil}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseCSV([]byte(tt.data), tt.p)
			if err == nil {
				t.Fatalf("accepted: %+v", got)
			}
			if got != nil {
				t.Errorf("deposits returned with the error")
			}
			checkProblems(t, err, tt.want)
		})
	}
}

func TestParseCSVWholeFileErrors(t *testing.T) {
	generic := profile(t, "generic")
	utf8Only := generic
	utf8Only.Encoding = "utf8"
	sjisOnly := generic
	sjisOnly.Encoding = "sjis"
	tests := []struct {
		name   string
		p      CSVProfile
		data   []byte
		reason string
	}{
		{"empty", generic, nil, "bank.empty"},
		{"blank", generic, []byte("\r\n \r\n"), "bank.empty"},
		{"no header row", profile(t, "ukeire"), []byte("a,b\r\n1,2\r\n"), "bank.header_not_found"},
		{"neither UTF-8 nor Shift_JIS", generic, []byte("日付\xff\xfe\xfd,入金金額\r\n"), "bank.encoding"},
		{"UTF-16", generic, []byte("\xff\xfe\x65\x65\x0d\x00"), "bank.encoding"},
		{"Shift_JIS file read as UTF-8", utf8Only, sjisBytes(t, genericHeader), "bank.encoding"},
		{"profile without a date column", CSVProfile{Name: "x", Deposit: "入金"}, []byte(genericHeader), "bank.profile"},
		{"unknown encoding", CSVProfile{Name: "x", Date: "日付", Deposit: "入金金額", Encoding: "ebcdic"},
			[]byte(genericHeader), "bank.profile"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseCSV(tt.data, tt.p)
			e, ok := err.(*store.Error)
			if !ok || e.Reason != tt.reason {
				t.Fatalf("err = %T %v, want *store.Error %s", err, err, tt.reason)
			}
		})
	}
	// A Shift_JIS profile reads Shift_JIS that happens to be valid UTF-8 too.
	if got, err := ParseCSV(sjisBytes(t, genericHeader+"2026/11/01,100,,ABC\r\n"), sjisOnly); err != nil || len(got) != 1 {
		t.Errorf("sjis: %v %+v", err, got)
	}
}

// Two equal rows are two deposits, whatever precedes them; whether a later
// export holds them again is the store's rule (identity_test.go).
func TestParseCSVEqualRows(t *testing.T) {
	x := "2026/11/01,100,,A\r\n"
	for _, text := range []string{genericHeader + x + x, "口座,123\r\n" + genericHeader + "\"2026/11/01\",\"100\",,A,,\r\n" + x} {
		ds, err := ParseCSV([]byte(text), profile(t, "generic"))
		if err != nil {
			t.Fatal(err)
		}
		checkAccounts(t, ds)
		if len(ds) != 2 || !reflect.DeepEqual(withoutLine(ds[0]), withoutLine(ds[1])) {
			t.Errorf("%q: %+v", text, ds)
		}
	}
}

// withoutLine blanks a deposit's line, for comparing what the bank says.
func withoutLine(d Deposit) Deposit {
	d.Line = 0
	return d
}

func TestCSVAmount(t *testing.T) {
	tests := []struct {
		in   string
		want store.Money
		ok   bool
	}{
		{"1,234,000", 1_234_000, true},
		{"¥1,234", 1234, true},
		{"￥１，２３４", 1234, true},
		{"\\1,234", 1234, true},
		{"1234円", 1234, true},
		{"-500", -500, true},
		{"−500", -500, true},
		{"+500", 500, true},
		{"1234.00", 1234, true},
		{"1234.0", 1234, true},
		{"1234.5", 0, false},
		{"1.000", 0, false},
		{"12,34", 0, false},
		{"abc", 0, false},
		{"", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := csvAmount(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("csvAmount(%q) = %d %v, want %d %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWarekiDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"R8.11.20", "2026-11-20"},
		{"R08/11/20", "2026-11-20"},
		{"r8-1-5", "2026-01-05"},
		{"令和8年11月20日", "2026-11-20"},
		{"令和元年5月1日", "2019-05-01"},
		{"R元.5.1", "2019-05-01"},
		{"Ｒ８．１１．２０", "2026-11-20"},
		{"H31.4.30", "2019-04-30"},
		{"平成30年2月28日", "2018-02-28"},
		{"H32.1.1", ""}, // Heisei ended in its 31st year
		{"R0.1.1", ""},
		{"R8.2.30", ""},
		{"R8.11", ""},
		{"S60.1.1", ""}, // Showa: not a bank statement's era
		{"2026/11/20", ""},
		{"R8.111.2", ""},
	}
	for _, tt := range tests {
		got, ok := warekiDate(tt.in)
		if (tt.want == "") == ok || (ok && got.Format(time.DateOnly) != tt.want) {
			t.Errorf("warekiDate(%q) = %s %v, want %q", tt.in, got.Format(time.DateOnly), ok, tt.want)
		}
	}
}

func TestHeaderKey(t *testing.T) {
	for _, pair := range [][2]string{
		{"受入金額（円）", "受入金額"}, {"入出金明細ＩＤ", "入出金明細ID"}, {" 日付 ", "日付"},
		{"ﾒﾓ", "メモ"}, {"お預入　金額", "お預入金額"}, {"Date", "date"},
	} {
		if a, b := headerKey(pair[0]), headerKey(pair[1]); a != b {
			t.Errorf("%q → %q, %q → %q: want equal", pair[0], a, pair[1], b)
		}
	}
}
