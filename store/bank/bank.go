// Package bank reads the files a Japanese bank hands out about incoming
// money: Zengin fixed-length files (全銀協 入出金取引明細, 種別コード 03, and
// 振込入金通知, 種別コード 01) and CSV exports of internet banking, through
// column profiles. It only parses: storing deposits, recognising lines that
// were imported before (by Deposit.Identity) and matching them to invoices is
// the store's job.
//
// Every parser is all or nothing: a file with any problem is refused whole,
// with every problem found (up to maxProblems) as a store.BatchError of
// store.Invalid errors whose Line is the record's line and whose Field names
// the field at fault; problems with the file as a whole (empty, not text, no
// header row) are a single *store.Error. Reasons are bank.* keys (catalogued
// for the UI in tui/i18n as err.bank.*), plus the import.csv_* keys that
// store/exchange uses for broken CSV quoting.
package bank

import (
	"bytes"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"daicho/store"
)

// Deposit is one incoming payment a bank file reports.
type Deposit struct {
	Line      int       // the record's line (1-based; for files without line breaks, the record number)
	Date      time.Time // the value date (勘定日 / 入金日), a daicho date (00:00 UTC)
	Amount    store.Money
	PayerName string // as the bank gives it, half-width kana folded to full-width (store.WidenKana)
	Reference string // bank's reference / 照会番号
	Memo      string // EDI info / 摘要 / memo
	// Account names the account the money came into: "zengin:" and the
	// bank code, branch code, account type and number of the group's header
	// (the same for a 01 and a 03 file of one account), or "csv" for a CSV
	// export, which names no account. With the date, amount, payer and memo
	// it is what makes a deposit the same deposit in another file; the
	// record's sequence number (Reference) is not: banks number each
	// statement afresh.
	Account string
}

// Format is a kind of bank file.
type Format string

const (
	Zengin Format = "zengin"
	CSV    Format = "csv"
)

// RecordLen is the length in bytes of every Zengin record.
const RecordLen = 200

// maxProblems bounds the problems one file reports: a wrong file (a photo, a
// file of another bank format) would otherwise produce one per line.
const maxProblems = 100

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// DetectFormat tells a Zengin file from a CSV one. A Zengin file starts with
// its header record: data区分 '1', 種別コード "01" or "03", a コード区分 digit
// and the six-digit 作成日, and its first record is a whole record (the first
// line is at least 150 bytes, or there is no line break before byte 200).
// A file of fixed-length records that does not start so (another 種別コード,
// a header cut short or missing) is called Zengin too, so that ParseZengin
// says what is wrong with it rather than the CSV reader missing a 日付
// column. Anything else is CSV. DetectFormat only looks: a file it calls
// Zengin may still be refused by ParseZengin.
func DetectFormat(data []byte) Format {
	if fixedLength(data) {
		return Zengin
	}
	if len(data) < 10 || data[0] != '1' {
		return CSV
	}
	if kind := string(data[1:3]); kind != kindTransfer && kind != kindStatement {
		return CSV
	}
	if !store.AllDigits(string(data[3:10])) {
		return CSV
	}
	first := data[:min(len(data), RecordLen)]
	if i := bytes.IndexAny(first, "\r\n"); i >= 0 && i < 150 {
		return CSV
	}
	return Zengin
}

// fixedLength reports whether data looks like fixed-length records: it
// starts with a record type digit and its first line is 200 bytes (or, in a
// file without line breaks, it is a multiple of 200 bytes) with no comma or
// tab, which a CSV header would have.
func fixedLength(data []byte) bool {
	if len(data) < RecordLen || !strings.ContainsRune("1289", rune(data[0])) {
		return false
	}
	first := data
	if i := bytes.IndexAny(data, "\r\n"); i >= 0 {
		first = data[:i]
	} else if len(bytes.TrimRight(data, "\x1a"))%RecordLen != 0 {
		return false
	} else {
		first = data[:RecordLen]
	}
	return len(first) == RecordLen && bytes.IndexAny(first, ",\t") < 0
}

// problems collects the row errors of one file, up to maxProblems.
type problems struct {
	list store.BatchError
}

// at returns a recorder of problems on one line: p.at(3).add("amount",
// "bank.number", raw). (Field first, reason second: the shape tui/i18n's
// catalog test looks for.)
func (p *problems) at(line int) lineProblems { return lineProblems{p, line} }

type lineProblems struct {
	p    *problems
	line int
}

func (lp lineProblems) add(field, reason string, args ...any) {
	if len(lp.p.list) < maxProblems {
		lp.p.list = append(lp.p.list, store.RowError{Line: lp.line, Err: store.Invalid(field, reason, args...)})
	}
}

// deposit refuses, on the deposit's own line and under the file's field
// names (fieldOf maps store.BankLine's to them), whatever the ledger would
// refuse of it (store.BankLine.Validate: the bounds of store.CheckDate and
// store.CheckAmount, the lengths of the texts). The store checks a batch
// again, but can only count deposits, which is not the file's line once a
// preamble or a withdrawal comes before.
func (lp lineProblems) deposit(d Deposit, fieldOf map[string]string) {
	l := store.BankLine{Account: d.Account, Date: d.Date, Amount: d.Amount, PayerName: d.PayerName,
		Reference: d.Reference, Memo: d.Memo}
	for _, e := range store.FieldErrors(l.Validate()) {
		field := e.Field
		if f, ok := fieldOf[field]; ok {
			field = f
		}
		lp.add(field, e.Reason, e.Args...)
	}
}

func (p *problems) full() bool { return len(p.list) >= maxProblems }

// err returns the collected problems as an error, or nil.
func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	return p.list
}

// cleanText makes bank text safe and tidy for a terminal: control characters
// (which could move the cursor or recolour the screen) become spaces, runs of
// spaces (the padding of fixed-width fields, full-width spaces too) become
// one, the ends are trimmed, and half-width katakana is widened with its
// voiced marks composed, exactly as store.WidenKana does (a test holds the
// two together; this one works from tables, as it runs on every field of
// files of ten thousand lines). s must be valid UTF-8.
func cleanText(s string) string {
	if plainASCII(s) {
		return s
	}
	foldTablesOnce.Do(buildFoldTables)
	out := make([]byte, 0, len(s)+len(s)/2)
	last := -1 // where the last rune written starts in out
	space := false
	for _, r := range s {
		if unicode.IsControl(r) || unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
			last = len(out) - 1
		}
		space = false
		switch {
		case r == 'ﾞ' || r == 'ﾟ':
			if last >= 0 {
				prev, _ := utf8.DecodeRune(out[last:])
				if c, ok := composed[[2]rune{prev, r}]; ok {
					out = utf8.AppendRune(out[:last], c)
					continue
				}
			}
			last = len(out)
			if r == 'ﾞ' {
				out = utf8.AppendRune(out, '゛')
			} else {
				out = utf8.AppendRune(out, '゜')
			}
		case r >= 0xff61 && r <= 0xff9f:
			last = len(out)
			out = utf8.AppendRune(out, widened[r-0xff61])
		default:
			last = len(out)
			out = utf8.AppendRune(out, r)
		}
	}
	return string(out)
}

// plainASCII reports whether s is printable ASCII that cleanText leaves as
// it is: no control characters, no runs of spaces, no space at either end.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			return false
		}
	}
	return true
}

// widened is the full-width form of each half-width katakana U+FF61–U+FF9F
// (the sound marks ﾞﾟ are handled apart), and composed the one rune for a
// kana followed by a half-width sound mark (カ + ﾞ → ガ, ﾊ + ﾟ → パ), as
// store.WidenKana makes them. They are built on first use, not at start:
// every daicho command would pay for them (about a millisecond), and only the
// bank import reads them.
var (
	foldTablesOnce sync.Once
	widened        [0xff9f - 0xff61 + 1]rune
	composed       = map[[2]rune]rune{}
)

func buildFoldTables() {
	for r := rune(0xff61); r <= 0xff9f; r++ {
		w, _ := utf8.DecodeRuneInString(width.Widen.String(string(r)))
		widened[r-0xff61] = w
	}
	// Only kana take the voiced marks: hiragana and katakana, full-width.
	for base := rune(0x3040); base <= 0x30ff; base++ {
		for _, mark := range []rune{'ﾞ', 'ﾟ'} {
			f := []rune(store.WidenKana(string(base) + string(mark)))
			if len(f) == 1 {
				composed[[2]rune{base, mark}] = f[0]
			}
		}
	}
}

// joinText joins the non-empty parts with a space.
func joinText(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}
