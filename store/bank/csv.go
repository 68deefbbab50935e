package bank

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/width"

	"daicho/store"
)

// CSVProfile describes one bank's CSV export.
//
// Column names may list alternatives separated by "|" ("入金金額|入金額"): the
// first alternative the header has is used. Names are compared with the
// header cells after folding width (ＩＤ = ID, （円） = (円)), removing spaces
// and a trailing "(円)" on either side, so "受入金額（円）" matches "受入金額".
type CSVProfile struct {
	Name        string
	Encoding    string // "auto" or "" (UTF-8 if valid, else Shift_JIS), "utf8", "sjis"
	HeaderHas   string // the header row is the first row containing this text (preamble lines before it are skipped); "" = any row
	Date        string // column names ("" = not present); Date and Deposit are required
	Deposit     string // a column of deposits; with no Withdrawal column, a signed column whose negative amounts are withdrawals
	Withdrawal  string
	Payer       string // may equal Memo (banks that put the payer in 摘要)
	Memo        string
	Reference   string
	DateLayouts []string // Go layouts tried in order ("2006/1/2" also reads 2026/01/02); "" = DefaultDateLayouts. 和暦 (R8.11.20, 令和8年11月20日) is always accepted after them
}

// DefaultDateLayouts are the date forms Japanese bank exports use.
var DefaultDateLayouts = []string{"2006/1/2", "2006-1-2", "2006.1.2", "20060102", "2006年1月2日"}

// Profiles are the built-in CSV profiles: one per common layout of Japanese
// bank exports, then a generic one that knows the usual names of each column
// (last, so that trying the profiles in order picks the most specific). No
// bank's real file could be checked while writing them: each follows the
// header names such exports commonly use, and any may need adjusting (or a
// saved profile of one's own) for a given bank. The header row is found by a word of it, after any preamble
// (account number, period, balance lines).
//
//	azukari        日付, 摘要, 摘要内容, 支払い金額, 預かり金額, 差引残高, メモ, …
//	               (the layout of a large city bank: payer in 摘要内容)
//	oazukeire      年月日, お引出し, お預入れ, お取り扱い内容, 残高, メモ, ラベル
//	oazukekingaku  日付|取引日, お引出金額, お預入金額, お取引内容, 残高, メモ
//	               (usually after preamble lines)
//	nyushukkin     取引日, 入出金(円), 残高(円), 入出金先内容 (one signed amount
//	               column, dates as 20261120: the net-bank layout)
//	ukeire         取引日, 入出金明細ID, 受入金額(円), 払出金額(円), 詳細1, 詳細2, …
//	               (after preamble lines; the postal-bank layout: 詳細2 is the payer)
//	generic        日付|取引日|…, 入金金額|入金額|…, 出金金額|…, 振込依頼人|摘要|…
var Profiles = []CSVProfile{
	{
		Name: "azukari", Encoding: "auto", HeaderHas: "預かり金額",
		Date: "日付", Deposit: "預かり金額", Withdrawal: "支払い金額",
		Payer: "摘要内容", Memo: "メモ",
	},
	{
		Name: "oazukeire", Encoding: "auto", HeaderHas: "お預入れ",
		Date: "年月日|日付", Deposit: "お預入れ", Withdrawal: "お引出し",
		Payer: "お取り扱い内容|お取扱い内容", Memo: "メモ",
	},
	{
		Name: "oazukekingaku", Encoding: "auto", HeaderHas: "お預入金額",
		Date: "日付|取引日", Deposit: "お預入金額", Withdrawal: "お引出金額",
		Payer: "お取引内容|摘要", Memo: "メモ",
	},
	{
		Name: "nyushukkin", Encoding: "auto", HeaderHas: "入出金",
		Date: "取引日", Deposit: "入出金(円)|入出金", Withdrawal: "",
		Payer: "入出金先内容", Memo: "入出金先内容",
	},
	{
		Name: "ukeire", Encoding: "auto", HeaderHas: "受入金額",
		Date: "取引日", Deposit: "受入金額(円)|受入金額", Withdrawal: "払出金額(円)|払出金額",
		Payer: "詳細2", Memo: "詳細1", Reference: "入出金明細ID",
	},
	{
		Name: "generic", Encoding: "auto", HeaderHas: "",
		Date:       "日付|取引日|年月日|入金日|勘定日|お取引日",
		Deposit:    "入金金額|入金額|入金|お預入金額|お預入れ|預入金額|預かり金額|受入金額|入出金",
		Withdrawal: "出金金額|出金額|出金|お引出金額|お引出し|支払金額|支払い金額|払出金額",
		Payer: "振込依頼人名|振込依頼人|依頼人名|摘要内容|摘要|お取引内容|お取り扱い内容|取引内容|" +
			"入出金先内容|詳細2|内容",
		Memo:      "摘要|メモ|備考|EDI情報|お取引内容|詳細1",
		Reference: "照会番号|取引番号|明細ID|入出金明細ID",
	},
}

// ProfileByName finds a built-in profile, ignoring case and surrounding
// spaces.
func ProfileByName(name string) (CSVProfile, bool) {
	name = strings.TrimSpace(name)
	for _, p := range Profiles {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return CSVProfile{}, false
}

// csvAccount is the Deposit.Account of every CSV deposit: a CSV export does
// not name its account.
const csvAccount = "csv"

// The keys that name a profile's columns in errors (store.Error.Field).
const (
	colDate       = "date"
	colDeposit    = "deposit"
	colWithdrawal = "withdrawal"
	colPayer      = "payer"
	colMemo       = "memo"
	colReference  = "reference"
)

// csvFields names store.BankLine's fields by the profile's columns.
var csvFields = map[string]string{"date": colDate, "amount": colDeposit, "payer_name": colPayer,
	"reference": colReference, "memo": colMemo}

// columns are where the profile's columns stand in the header; -1 when
// absent.
type columns struct {
	date, deposit, withdrawal, payer, memo, reference int
}

// ParseCSV reads a bank's CSV export with profile p and returns its deposits
// in file order.
//
// The text is decoded as p.Encoding says (a UTF-8 byte-order mark is
// dropped). Lines before the header row are skipped; the header row is the
// first containing p.HeaderHas that names the Date and Deposit columns (and
// Payer, when the profile names one). Cells are separated by commas, or by
// tabs when the header has tabs and no comma. Below the header, a row with an
// empty, zero or (in a signed column, see CSVProfile.Deposit) negative
// deposit is not a deposit and is skipped: withdrawals, notes, a balance
// carried forward. A deposit row must have a date (p.DateLayouts, then 和暦)
// and an amount ("1,234,000", "¥1,234", "1234円", full-width digits). The
// payer keeps the bank's text, cleaned (half-width katakana widened, control
// characters and runs of spaces made one space) and without a leading
// transfer word (振込, 振込入金, フリコミ) followed by a space.
//
// Account: "csv" (a CSV does not say which account it is for). The other
// columns (balance, reference) are not part of a deposit's identity: the
// balance of a row depends on where the export starts.
//
// Errors: a profile without Date or Deposit, or with an unknown encoding, is
// bank.profile; an empty file bank.empty; text in neither encoding
// bank.encoding; no header row bank.header_not_found — each a *store.Error.
// Problems of rows (and header columns that are missing) come as a
// store.BatchError by line, Field naming the profile column (date, deposit,
// …).
func ParseCSV(data []byte, p CSVProfile) ([]Deposit, error) {
	if strings.TrimSpace(p.Date) == "" || strings.TrimSpace(p.Deposit) == "" {
		return nil, store.Invalid("profile", "bank.profile", p.Name)
	}
	text, err := decodeCSV(data, p)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, store.Invalid("", "bank.empty")
	}
	h, err := findHeader(text, p)
	if err != nil {
		return nil, err
	}
	layouts := p.DateLayouts
	if len(layouts) == 0 {
		layouts = DefaultDateLayouts
	}
	r := csv.NewReader(strings.NewReader(text[h.end:]))
	r.Comma = h.comma
	r.FieldsPerRecord = -1
	var (
		pr  problems
		out []Deposit
	)
	for !pr.full() {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			pr.list = append(pr.list, csvSyntax(err, h.line))
			break
		}
		pos, _ := r.FieldPos(0)
		line := h.line + pos
		cell := func(i int) string {
			if i < 0 || i >= len(rec) {
				return ""
			}
			return strings.TrimSpace(rec[i])
		}
		amountText := cell(h.cols.deposit)
		if amountText == "" {
			continue
		}
		amount, ok := csvAmount(amountText)
		if !ok {
			pr.at(line).add(colDeposit, "bank.amount", amountText)
			continue
		}
		if amount < 0 && h.cols.withdrawal >= 0 {
			pr.at(line).add(colDeposit, "bank.negative", amountText)
			continue
		}
		if amount <= 0 {
			continue // a withdrawal in a signed column, or nothing
		}
		if extra := nonEmptyBeyond(rec, len(h.cells)); extra {
			pr.at(line).add("", "import.field_count", len(trimTrailing(rec)), len(h.cells))
			continue
		}
		dateText := cell(h.cols.date)
		date, ok := csvDate(dateText, layouts)
		if !ok {
			pr.at(line).add(colDate, "bank.date", dateText)
			continue
		}
		d := Deposit{
			Line:      line,
			Date:      date,
			Amount:    amount,
			PayerName: stripTransferWord(cleanText(cell(h.cols.payer))),
			Memo:      cleanText(cell(h.cols.memo)),
			Reference: cleanText(cell(h.cols.reference)),
			Account:   csvAccount,
		}
		before := len(pr.list)
		pr.at(line).deposit(d, csvFields)
		if len(pr.list) > before {
			continue
		}
		out = append(out, d)
	}
	if err := pr.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// decodeCSV returns the file as UTF-8 text without a byte-order mark.
func decodeCSV(data []byte, p CSVProfile) (string, error) {
	enc := strings.ToLower(strings.TrimSpace(p.Encoding))
	switch enc {
	case "", "auto":
		if utf8.Valid(data) {
			return string(bytes.TrimPrefix(data, utf8BOM)), nil
		}
		fallthrough
	case "sjis", "shift_jis", "shift-jis", "cp932":
		// UTF-16 would decode as plausible Shift_JIS garbage.
		if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
			return "", store.Invalid("", "bank.encoding")
		}
		out, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", store.Invalid("", "bank.encoding")
		}
		return string(out), nil
	case "utf8", "utf-8":
		if !utf8.Valid(data) {
			return "", store.Invalid("", "bank.encoding")
		}
		return string(bytes.TrimPrefix(data, utf8BOM)), nil
	}
	return "", store.Invalid("profile", "bank.profile", p.Name)
}

// header is the header row found in a CSV text.
type header struct {
	line  int  // its line, 1-based
	end   int  // the byte offset where the line after it starts
	comma rune // the cell separator
	cells []string
	cols  columns
}

// findHeader finds the header row: the first line containing p.HeaderHas
// whose cells name the required columns. When lines contain the text but
// none has the columns, the first of them is blamed for the columns it lacks.
func findHeader(text string, p CSVProfile) (header, error) {
	want := headerKey(p.HeaderHas)
	var blamed store.BatchError
	line, off := 0, 0
	for off < len(text) {
		line++
		raw, _, found := strings.Cut(text[off:], "\n")
		off += len(raw)
		if found {
			off++
		}
		raw = strings.TrimSuffix(raw, "\r")
		if strings.TrimSpace(raw) == "" || !strings.Contains(headerKey(raw), want) {
			continue
		}
		comma := ','
		if strings.Contains(raw, "\t") && !strings.Contains(raw, ",") {
			comma = '\t'
		}
		r := csv.NewReader(strings.NewReader(raw))
		r.Comma = comma
		r.FieldsPerRecord = -1
		r.LazyQuotes = true // a preamble line is not ours to judge
		cells, err := r.Read()
		if err != nil {
			continue
		}
		cols, missing := mapColumns(cells, p)
		if len(missing) == 0 {
			return header{line: line, end: off, comma: comma, cells: cells, cols: cols}, nil
		}
		if blamed == nil {
			for _, m := range missing {
				key, name := m[0], m[1]
				blamed = append(blamed, store.RowError{Line: line,
					Err: store.Invalid(key, "bank.missing_column", name)})
			}
		}
	}
	if blamed != nil {
		return header{}, blamed
	}
	return header{}, store.Invalid("", "bank.header_not_found", p.HeaderHas)
}

// mapColumns finds the profile's columns among the header cells. missing
// lists the required ones that are absent as {key, name}.
func mapColumns(cells []string, p CSVProfile) (columns, [][2]string) {
	keys := make([]string, len(cells))
	for i, c := range cells {
		keys[i] = headerKey(c)
	}
	find := func(names string) int {
		for _, alt := range strings.Split(names, "|") {
			k := headerKey(alt)
			if k == "" {
				continue
			}
			for i, c := range keys {
				if c == k {
					return i
				}
			}
		}
		return -1
	}
	cols := columns{
		date: find(p.Date), deposit: find(p.Deposit), withdrawal: find(p.Withdrawal),
		payer: find(p.Payer), memo: find(p.Memo), reference: find(p.Reference),
	}
	var missing [][2]string
	if cols.date < 0 {
		missing = append(missing, [2]string{colDate, p.Date})
	}
	if cols.deposit < 0 {
		missing = append(missing, [2]string{colDeposit, p.Deposit})
	}
	if cols.payer < 0 && strings.TrimSpace(p.Payer) != "" {
		missing = append(missing, [2]string{colPayer, p.Payer})
	}
	return cols, missing
}

// headerKey folds a header cell or column name for comparison: width folded
// (full-width ASCII and digits narrowed, half-width katakana widened), ASCII
// lower-cased, spaces removed, and a trailing "(円)" dropped.
func headerKey(s string) string {
	s = width.Fold.String(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\t' || r == '\u3000' || r == '\ufeff':
			return -1
		case r >= 'A' && r <= 'Z':
			return r + ('a' - 'A')
		}
		return r
	}, s)
	return strings.TrimSuffix(s, "(円)")
}

// csvAmount reads an amount cell: "1,234,000", "¥1,234", "\1,234" (the yen
// sign of Shift_JIS read as a backslash), "1234円", "+1,000", "-500",
// "1234.00", full-width digits.
func csvAmount(s string) (store.Money, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	s = strings.TrimPrefix(s, "+")
	s = strings.Replace(s, "\\", "¥", 1)
	if i := strings.LastIndexByte(s, '.'); i >= 0 && (s[i+1:] == "0" || s[i+1:] == "00") {
		s = s[:i] // "1234.00": some banks write yen with decimals
	}
	m, err := store.ParseMoney(s, store.JPY)
	return m, err == nil
}

// csvDate reads a date cell with the layouts, then as 和暦. A time after the
// date ("2026/11/20 10:15") is ignored.
func csvDate(s string, layouts []string) (time.Time, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	if d, _, ok := strings.Cut(s, " "); ok {
		s = d
	}
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			y, m, d := t.Date()
			if y < 1000 {
				continue
			}
			return store.DateOf(y, m, d), true
		}
	}
	return warekiDate(s)
}

// transferWords are what banks put before the payer's name in a 摘要.
var transferWords = []string{"振込入金", "振込み", "振込", "フリコミ"}

// stripTransferWord drops a leading transfer word followed by a space:
// "振込 カ)テスト" → "カ)テスト".
func stripTransferWord(s string) string {
	for _, w := range transferWords {
		if rest, ok := strings.CutPrefix(s, w+" "); ok {
			return rest
		}
	}
	return s
}

// trimTrailing drops the empty cells at the end of a row.
func trimTrailing(rec []string) []string {
	n := len(rec)
	for n > 0 && strings.TrimSpace(rec[n-1]) == "" {
		n--
	}
	return rec[:n]
}

// nonEmptyBeyond reports whether the row has a non-empty cell past the
// header's width: a comma in an unquoted cell shifts everything after it.
func nonEmptyBeyond(rec []string, n int) bool {
	return len(trimTrailing(rec)) > n
}

// csvSyntax turns a CSV reading error into a row error; offset is the line
// before the text that was read.
func csvSyntax(err error, offset int) store.RowError {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return store.RowError{Line: offset + 1, Err: store.Invalid("", "import.csv_syntax", err.Error())}
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		return store.RowError{Line: offset + pe.StartLine, Err: store.Invalid("", "import.csv_quote")}
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return store.RowError{Line: offset + pe.Line, Err: store.Invalid("", "import.csv_bare_quote")}
	}
	return store.RowError{Line: offset + pe.Line, Err: store.Invalid("", "import.csv_syntax", pe.Err.Error())}
}
