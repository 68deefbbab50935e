package bank

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/japanese"
)

// A builder of Zengin files for the tests, written from the 全銀協 layouts
// independently of the parser's tables (zengin.go), so an offset wrong in
// one is caught by the other. Each record is a list of fields padded to
// their byte widths: numbers right-aligned with zeros, text left-aligned
// with spaces, text encoded as Shift_JIS (half-width katakana as the single
// JIS X 0201 bytes 0xA1–0xDF, the same in JIS 8-bit).

// num is a numeric field of width n.
func num(v int64, n int) []byte {
	s := fmt.Sprintf("%0*d", n, v)
	if len(s) != n {
		panic(fmt.Sprintf("number %d does not fit %d bytes", v, n))
	}
	return []byte(s)
}

// digitsField is a numeric field given as text (dates, codes), zero-padded.
func digitsField(s string, n int) []byte {
	if len(s) > n {
		panic(fmt.Sprintf("%q does not fit %d bytes", s, n))
	}
	return []byte(strings.Repeat("0", n-len(s)) + s)
}

// txt is a text field of width n, Shift_JIS encoded.
func txt(s string, n int) []byte {
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return rawTxt(b, n)
}

// rawTxt pads already encoded text to n bytes.
func rawTxt(b []byte, n int) []byte {
	if len(b) > n {
		panic(fmt.Sprintf("%q does not fit %d bytes", b, n))
	}
	return append(append([]byte{}, b...), bytes.Repeat([]byte{' '}, n-len(b))...)
}

// rec joins fields into one record, which must be 200 bytes.
func rec(fields ...[]byte) []byte {
	r := bytes.Join(fields, nil)
	if len(r) != 200 {
		panic(fmt.Sprintf("record of %d bytes", len(r)))
	}
	return r
}

// account is the header data of one group.
type account struct {
	bankCode, bankName, branchCode, branchName string
	accountType                                string // 1 普通, 2 当座
	number                                     string
	name                                       string
}

var testAccount = account{"0009", "ｻﾝﾌﾟﾙｷﾞﾝｺｳ", "101", "ﾎﾝﾃﾝ", "1", "1234567", "ｶ)ﾀﾞｲﾁﾖｳｼﾖｳｼﾞ"}

// header03 is the 入出金取引明細 header: データ区分, 種別コード, コード区分,
// 作成日, 勘定日(自), 勘定日(至), 銀行コード, 銀行名, 支店コード, 支店名,
// ダミー 3, 預金種目, 口座番号 10, 口座名 40, 貸越区分, 通帳・証書区分,
// 取引前残高 14, ダミー 71.
func header03(a account, created, from, to string) []byte {
	return rec([]byte("1"), []byte("03"), []byte("0"),
		digitsField(created, 6), digitsField(from, 6), digitsField(to, 6),
		digitsField(a.bankCode, 4), txt(a.bankName, 15), digitsField(a.branchCode, 3), txt(a.branchName, 15),
		txt("", 3), []byte(a.accountType), digitsField(a.number, 10), txt(a.name, 40),
		[]byte("0"), []byte("1"), num(5_000_000, 14), txt("", 71))
}

// line03 is one 入出金取引明細 data record.
type line03 struct {
	ref        string
	date       string // 勘定日 YYMMDD
	dir        string // 入払区分: 1 入金, 2 出金
	kind       string // 取引区分: 11 振込, 10 現金, 14 振替 …
	amount     int64
	payer      string
	fromBank   string
	fromBranch string
	desc       string // 摘要内容
	edi        string
}

// data03 is the 入出金取引明細 data record: データ区分, 照会番号 8, 勘定日,
// 預入・払出日, 入払区分, 取引区分 2, 取引金額 12, うち他店券金額 12,
// 交換呈示日, 不渡返還日, 手形・小切手区分, 手形・小切手番号 7, 僚店番号 3,
// 振込依頼人コード 10, 振込依頼人名 48, 仕向銀行名 15, 仕向店名 15, 摘要内容 20,
// EDI情報 20, ダミー 1.
func data03(l line03) []byte {
	return rec([]byte("2"), digitsField(l.ref, 8), digitsField(l.date, 6), digitsField(l.date, 6),
		[]byte(l.dir), digitsField(l.kind, 2), num(l.amount, 12), num(0, 12),
		num(0, 6), num(0, 6), []byte("0"), num(0, 7), num(0, 3),
		num(0, 10), txt(l.payer, 48), txt(l.fromBank, 15), txt(l.fromBranch, 15), txt(l.desc, 20),
		txt(l.edi, 20), txt("", 1))
}

// trailer03: データ区分 8, 入金件数 6, 入金額合計 13, 出金件数 6, 出金額合計 13,
// 貸越区分, 取引後残高 14, ダミー 146.
func trailer03(nIn int, sumIn int64, nOut int, sumOut int64) []byte {
	return rec([]byte("8"), num(int64(nIn), 6), num(sumIn, 13), num(int64(nOut), 6), num(sumOut, 13),
		[]byte("0"), num(5_000_000+sumIn-sumOut, 14), txt("", 146))
}

// end is the end record: データ区分 9, ダミー 199.
func end() []byte { return rec([]byte("9"), txt("", 199)) }

// group03 builds one account's records with a correct trailer.
func group03(a account, lines ...line03) [][]byte {
	recs := [][]byte{header03(a, "081130", "081101", "081130")}
	nIn, nOut, sumIn, sumOut := 0, 0, int64(0), int64(0)
	for _, l := range lines {
		recs = append(recs, data03(l))
		if l.dir == "1" {
			nIn, sumIn = nIn+1, sumIn+l.amount
		} else {
			nOut, sumOut = nOut+1, sumOut+l.amount
		}
	}
	return append(recs, trailer03(nIn, sumIn, nOut, sumOut))
}

// file joins records with sep ("" for a file without line breaks).
func file(sep string, recs ...[]byte) []byte {
	var b bytes.Buffer
	for _, r := range recs {
		b.Write(r)
		b.WriteString(sep)
	}
	return b.Bytes()
}

// file03 is a whole 03 file of one account.
func file03(sep string, lines ...line03) []byte {
	return file(sep, append(group03(testAccount, lines...), end())...)
}

// header01 is the 振込入金通知 header: データ区分, 種別コード, コード区分, 作成日,
// 勘定日(自), 勘定日(至), 銀行コード, 銀行名, 支店コード, 支店名, 預金種目,
// 口座番号 7, 口座名 40, ダミー 93.
func header01(a account) []byte {
	return rec([]byte("1"), []byte("01"), []byte("0"),
		digitsField("081120", 6), digitsField("081120", 6), digitsField("081120", 6),
		digitsField(a.bankCode, 4), txt(a.bankName, 15), digitsField(a.branchCode, 3), txt(a.branchName, 15),
		[]byte(a.accountType), digitsField(a.number, 7), txt(a.name, 40), txt("", 93))
}

// line01 is one 振込入金通知 data record.
type line01 struct {
	ref      string
	date     string
	amount   int64
	payer    string
	fromBank string
	cancel   string // " " or "1"
	edi      string
}

// data01: データ区分 2, 照会番号 6, 勘定日, 起算日, 金額 10, うち他店券金額 10,
// 振込依頼人コード 10, 振込依頼人名 48, 仕向銀行名 15, 仕向店名 15, 取消区分 1,
// EDI情報 20, ダミー 52.
func data01(l line01) []byte {
	cancel := l.cancel
	if cancel == "" {
		cancel = " "
	}
	return rec([]byte("2"), digitsField(l.ref, 6), digitsField(l.date, 6), digitsField(l.date, 6),
		num(l.amount, 10), num(0, 10), num(0, 10), txt(l.payer, 48), txt(l.fromBank, 15), txt("ﾎﾝﾃﾝ", 15),
		[]byte(cancel), txt(l.edi, 20), txt("", 52))
}

// trailer01: データ区分 8, 合計件数 6, 合計金額 12, 取消件数 6, 取消合計金額 12,
// ダミー 163.
func trailer01(n int, sum int64, nCancel int, sumCancel int64) []byte {
	return rec([]byte("8"), num(int64(n), 6), num(sum, 12), num(int64(nCancel), 6), num(sumCancel, 12),
		txt("", 163))
}

// file01 is a whole 01 file with a correct trailer (合計 counting notices
// only).
func file01(sep string, lines ...line01) []byte {
	recs := [][]byte{header01(testAccount)}
	n, nc, sum, sumc := 0, 0, int64(0), int64(0)
	for _, l := range lines {
		recs = append(recs, data01(l))
		if l.cancel == "1" {
			nc, sumc = nc+1, sumc+l.amount
		} else {
			n, sum = n+1, sum+l.amount
		}
	}
	recs = append(recs, trailer01(n, sum, nc, sumc), end())
	return file(sep, recs...)
}
