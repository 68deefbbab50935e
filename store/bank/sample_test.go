package bank

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the sample files in testdata/")

// The sample files in testdata/ are what a bookkeeper downloads from a
// bank: a Zengin 入出金取引明細 (03) for November 2026 with CR LF, and a CSV
// export with preamble lines, both in Shift_JIS. They are built here (run
// go test -run TestSampleFiles -update to rewrite them) and must parse to the
// deposits below. The deposits are of the kinds reconciliation meets: an
// exact transfer with an invoice number in the EDI field, a person's name, a
// transfer short of the bank fee, a cash deposit without a payer, and
// withdrawals that are skipped.

var sampleAccount = account{"9999", "ｻﾝﾌﾟﾙｷﾞﾝｺｳ", "001", "ﾎﾝﾃﾝ", "1", "1234567", "ｶ)ﾀﾞｲﾁﾖｳｼﾖｳｼﾞ"}

var sampleLines03 = []line03{
	{ref: "00012001", date: "081104", dir: "1", kind: "11", amount: 110_000, payer: "ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ",
		fromBank: "ﾐﾄﾞﾘｷﾞﾝｺｳ", fromBranch: "ｼﾌﾞﾔ", desc: "振込", edi: "INV-2026-0042"},
	{ref: "00012002", date: "081105", dir: "2", kind: "14", amount: 55_000, desc: "ﾃﾞﾝｷﾀﾞｲ"},
	{ref: "00012003", date: "081110", dir: "1", kind: "11", amount: 1_234_000, payer: "ｻﾄｳ ﾀﾛｳ",
		fromBank: "ｱｵｿﾞﾗｷﾞﾝｺｳ", fromBranch: "ｳｴﾉ", desc: "振込"},
	{ref: "00012004", date: "081116", dir: "1", kind: "11", amount: 32_340, payer: "ﾕ)ｽｽﾞｷﾃﾞﾝｷ",
		fromBank: "ﾐﾄﾞﾘｷﾞﾝｺｳ", fromBranch: "ｵｵｻｶ", desc: "振込"},
	{ref: "00012005", date: "081116", dir: "2", kind: "18", amount: 660, desc: "ﾌﾘｺﾐﾃｽｳﾘﾖｳ"},
	{ref: "00012006", date: "081125", dir: "1", kind: "10", amount: 50_000, desc: "現金"},
	{ref: "00012007", date: "081130", dir: "1", kind: "11", amount: 88_000, payer: "ｲ)ｻｸﾗｶｲ",
		fromBank: "ｻｸﾗｼﾝﾖｳｷﾝｺ", fromBranch: "ﾎﾝﾃﾝ", desc: "振込", edi: "0043 0044"},
}

func sampleZengin() []byte {
	recs := group03(sampleAccount, sampleLines03...)
	return file("\r\n", append(recs, end())...)
}

var wantSampleZengin = []Deposit{
	dep(2, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "振込 INV-2026-0042", "00012001"),
	dep(4, 2026, 11, 10, 1_234_000, "サトウ タロウ", "振込", "00012003"),
	dep(5, 2026, 11, 16, 32_340, "ユ)スズキデンキ", "振込", "00012004"),
	dep(7, 2026, 11, 25, 50_000, "", "現金", "00012006"),
	dep(8, 2026, 11, 30, 88_000, "イ)サクラカイ", "振込 0043 0044", "00012007"),
}

const sampleCSVText = "\"照会口座\",\"サンプル銀行 本店 普通 1234567\"\r\n" +
	"\"口座名義\",\"カ）ダイチヨウシヨウジ\"\r\n" +
	"\"照会期間\",\"2026年11月01日～2026年11月30日\"\r\n" +
	"\r\n" +
	"\"日付\",\"お引出金額\",\"お預入金額\",\"お取引内容\",\"残高\",\"メモ\"\r\n" +
	"\"2026.11.04\",\"\",\"110,000\",\"振込　ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ\",\"5,110,000\",\"\"\r\n" +
	"\"2026.11.05\",\"55,000\",\"\",\"口座振替　ﾃﾞﾝｷﾀﾞｲ\",\"5,055,000\",\"\"\r\n" +
	"\"2026.11.10\",\"\",\"1,234,000\",\"振込　ｻﾄｳ ﾀﾛｳ\",\"6,289,000\",\"\"\r\n" +
	"\"2026.11.16\",\"\",\"32,340\",\"振込　ﾕ)ｽｽﾞｷﾃﾞﾝｷ\",\"6,321,340\",\"\"\r\n" +
	"\"2026.11.16\",\"660\",\"\",\"振込手数料\",\"6,320,680\",\"\"\r\n" +
	"\"2026.11.25\",\"\",\"50,000\",\"現金\",\"6,370,680\",\"\"\r\n" +
	"\"2026.11.30\",\"\",\"88,000\",\"振込　ｲ)ｻｸﾗｶｲ\",\"6,458,680\",\"請求書 0043 0044\"\r\n"

var wantSampleCSV = []Deposit{
	dep(6, 2026, 11, 4, 110_000, "カ)ヤマダシヨウジ", "", ""),
	dep(8, 2026, 11, 10, 1_234_000, "サトウ タロウ", "", ""),
	dep(9, 2026, 11, 16, 32_340, "ユ)スズキデンキ", "", ""),
	dep(11, 2026, 11, 25, 50_000, "現金", "", ""),
	dep(12, 2026, 11, 30, 88_000, "イ)サクラカイ", "請求書 0043 0044", ""),
}

func TestSampleFiles(t *testing.T) {
	samples := []struct {
		file  string
		data  []byte
		parse func([]byte) ([]Deposit, error)
		want  []Deposit
	}{
		{"zengin03_sjis.txt", sampleZengin(), ParseZengin, wantSampleZengin},
		{"bank_oazukekingaku_sjis.csv", sjisBytes(t, sampleCSVText),
			func(b []byte) ([]Deposit, error) { return ParseCSV(b, profile(t, "oazukekingaku")) }, wantSampleCSV},
	}
	for _, s := range samples {
		t.Run(s.file, func(t *testing.T) {
			path := filepath.Join("testdata", s.file)
			if *update {
				if err := os.WriteFile(path, s.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(data, s.data) {
				t.Fatalf("%s differs from what the builder makes: run with -update", path)
			}
			if utf8.Valid(data) {
				t.Errorf("%s is valid UTF-8: the sample is meant to be Shift_JIS", path)
			}
			got, err := s.parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(withoutAccount(got), s.want) {
				t.Fatalf("\n got %+v\nwant %+v", withoutAccount(got), s.want)
			}
			checkAccounts(t, got)
		})
	}
	// The generic profile reads the sample CSV as well.
	if got, err := ParseCSV(sjisBytes(t, sampleCSVText), profile(t, "generic")); err != nil || len(got) != len(wantSampleCSV) {
		t.Errorf("generic profile: %v, %d deposits", err, len(got))
	}
	if DetectFormat(sampleZengin()) != Zengin || DetectFormat(sjisBytes(t, sampleCSVText)) != CSV {
		t.Error("DetectFormat tells the samples apart wrongly")
	}
}
