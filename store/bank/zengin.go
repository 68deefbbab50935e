package bank

import (
	"bytes"
	"strings"
	"sync"

	"daicho/store"
)

// Zengin files (全銀協 standard formats) are sequences of 200-byte records,
// with or without CR LF (or LF, or CR) between them:
//
//	1 header   one per account (group)
//	2 data     one per transaction
//	8 trailer  closes the group: counts and totals of its data records
//	9 end      closes the file
//
// A file may hold several groups (several accounts) before its end record.
// Text is JIS X 0201 8-bit (half-width katakana as single bytes 0xA1–0xDF,
// which Shift_JIS shares) or Shift_JIS (banks that add kanji to 摘要); a
// record holding ESC or SO bytes is read as 7-bit JIS (ISO-2022-JP with
// ESC ( I or SO/SI for half-width katakana), its shift state carried from
// field to field. Numbers (N) are right-aligned zero-padded ASCII digits
// (surrounding spaces are tolerated); text (C) is left-aligned, padded with
// spaces. Dates are 和暦 YYMMDD: see era.go for how the era is decided.
// コード区分 1 (EBCDIC) is not supported: such a file does not start with the
// ASCII '1' and is not recognised as Zengin.
//
// The layouts, field by field (name, width in bytes):
//
// 入出金取引明細 (種別コード 03)
//
//	header  データ区分 1 ("1") · 種別コード 2 ("03") · コード区分 1 · 作成日 6 ·
//	        勘定日(自) 6 · 勘定日(至) 6 · 銀行コード 4 · 銀行名 15 · 支店コード 3 ·
//	        支店名 15 · ダミー 3 · 預金種目 1 · 口座番号 10 · 口座名 40 ·
//	        貸越区分 1 · 通帳・証書区分 1 · 取引前残高 14 · ダミー 71
//	data    データ区分 1 ("2") · 照会番号 8 · 勘定日 6 · 預入・払出日(起算日) 6 ·
//	        入払区分 1 (1 入金, 2 出金) · 取引区分 2 · 取引金額 12 ·
//	        うち他店券金額 12 · 交換呈示日 6 · 不渡返還日 6 · 手形・小切手区分 1 ·
//	        手形・小切手番号 7 · 僚店番号 3 · 振込依頼人コード 10 ·
//	        振込依頼人名または契約者番号 48 · 仕向銀行名 15 · 仕向店名 15 ·
//	        摘要内容 20 · EDI情報 20 · ダミー 1
//	trailer データ区分 1 ("8") · 入金件数 6 · 入金額合計 13 · 出金件数 6 ·
//	        出金額合計 13 · 貸越区分 1 · 取引後残高 14 · ダミー 146
//
// 振込入金通知 (種別コード 01)
//
//	header  データ区分 1 ("1") · 種別コード 2 ("01") · コード区分 1 · 作成日 6 ·
//	        勘定日(自) 6 · 勘定日(至) 6 · 銀行コード 4 · 銀行名 15 · 支店コード 3 ·
//	        支店名 15 · 預金種目 1 · 口座番号 7 · 口座名 40 · ダミー 93
//	data    データ区分 1 ("2") · 照会番号 6 · 勘定日 6 · 起算日 6 · 金額 10 ·
//	        うち他店券金額 10 · 振込依頼人コード 10 · 振込依頼人名 48 ·
//	        仕向銀行名 15 · 仕向店名 15 · 取消区分 1 (space or 0: notice,
//	        1: cancels an earlier notice) · EDI情報 20 · ダミー 52
//	trailer データ区分 1 ("8") · 合計件数 6 · 合計金額 12 · 取消件数 6 ·
//	        取消合計金額 12 · ダミー 163
//
// end (both) データ区分 1 ("9") · ダミー 199
//
// What becomes a Deposit: in 03, data records with 入払区分 1 (withdrawals are
// skipped); in 01, every data record except cancellations (取消区分 1, which
// are skipped: the notice they cancel may be in an earlier file, so they
// cannot be paired here). Records of amount 0 are skipped too. Date is the
// 勘定日, Reference the 照会番号, PayerName the 振込依頼人名, Memo the 摘要内容
// and EDI情報 (03) or the EDI情報 (01).
//
// Checks (any failure refuses the file): every record is 200 bytes; types
// come in the order 1 (2…) 8, repeated, then 9, and nothing but padding
// (spaces, NUL, ^Z) follows the end record; 種別コード is 01 or 03; 勘定日 is
// a date, amounts are numbers, 入払区分 and 取消区分 are known codes, text
// decodes; the trailer's counts and totals equal those of its data records.
// In 03 the trailer counts deposits and withdrawals separately. In 01 the
// 取消 figures count the cancellations, and 合計件数/合計金額 are accepted
// both as counting the notices alone and as counting every data record:
// banks differ.
//
// Account: the bank code, branch code, account type and number of the
// group's header (Deposit.Account); the record's 照会番号 is not part of a
// deposit's identity (banks number each statement afresh).

const (
	kindTransfer  = "01" // 振込入金通知
	kindStatement = "03" // 入出金取引明細
)

// span is one field of a record: its offset and width in bytes.
type span struct{ off, n int }

// layout is a record layout: field spans by key, in order, covering all 200
// bytes.
type layout struct {
	name   string
	order  []string
	fields map[string]span
}

// fieldDef is one field of a layout: a key used in code and in errors
// (Field), the 全銀協 name, and the width in bytes.
type fieldDef struct {
	key, jp string
	n       int
}

func newLayout(name string, defs ...fieldDef) layout {
	l := layout{name: name, fields: map[string]span{}}
	off := 0
	for _, d := range defs {
		l.order = append(l.order, d.key)
		l.fields[d.key] = span{off, d.n}
		off += d.n
	}
	if off != RecordLen {
		panic("bank: layout " + name + " is not 200 bytes")
	}
	return l
}

func (l layout) at(key string) span {
	s, ok := l.fields[key]
	if !ok {
		panic("bank: layout " + l.name + " has no field " + key)
	}
	return s
}

// zenginLayouts are the six record layouts, by file type (03 入出金取引明細,
// 01 振込入金通知). Made on the first file read rather than at start-up
// (issue 17): every daicho command initialises this package.
type zenginLayouts struct {
	header03, data03, trailer03, header01, data01, trailer01 layout
}

var layouts = sync.OnceValue(func() *zenginLayouts {
	return &zenginLayouts{
		header03: newLayout("header 03",
			fieldDef{"type", "データ区分", 1}, fieldDef{"kind", "種別コード", 2}, fieldDef{"code", "コード区分", 1},
			fieldDef{"created", "作成日", 6}, fieldDef{"from", "勘定日(自)", 6}, fieldDef{"to", "勘定日(至)", 6},
			fieldDef{"bank_code", "銀行コード", 4}, fieldDef{"bank_name", "銀行名", 15},
			fieldDef{"branch_code", "支店コード", 3}, fieldDef{"branch_name", "支店名", 15},
			fieldDef{"dummy1", "ダミー", 3}, fieldDef{"account_type", "預金種目", 1},
			fieldDef{"account_number", "口座番号", 10}, fieldDef{"account_name", "口座名", 40},
			fieldDef{"overdraft", "貸越区分", 1}, fieldDef{"passbook", "通帳・証書区分", 1},
			fieldDef{"balance_before", "取引前残高", 14}, fieldDef{"dummy2", "ダミー", 71}),
		data03: newLayout("data 03",
			fieldDef{"type", "データ区分", 1}, fieldDef{"reference", "照会番号", 8}, fieldDef{"date", "勘定日", 6},
			fieldDef{"value_date", "預入・払出日", 6}, fieldDef{"direction", "入払区分", 1},
			fieldDef{"transaction", "取引区分", 2}, fieldDef{"amount", "取引金額", 12},
			fieldDef{"other_bank_amount", "うち他店券金額", 12}, fieldDef{"exchange_date", "交換呈示日", 6},
			fieldDef{"dishonor_date", "不渡返還日", 6}, fieldDef{"bill_type", "手形・小切手区分", 1},
			fieldDef{"bill_number", "手形・小切手番号", 7}, fieldDef{"branch_number", "僚店番号", 3},
			fieldDef{"payer_code", "振込依頼人コード", 10}, fieldDef{"payer", "振込依頼人名または契約者番号", 48},
			fieldDef{"from_bank", "仕向銀行名", 15}, fieldDef{"from_branch", "仕向店名", 15},
			fieldDef{"description", "摘要内容", 20}, fieldDef{"edi", "EDI情報", 20}, fieldDef{"dummy", "ダミー", 1}),
		trailer03: newLayout("trailer 03",
			fieldDef{"type", "データ区分", 1}, fieldDef{"deposit_count", "入金件数", 6},
			fieldDef{"deposit_total", "入金額合計", 13}, fieldDef{"withdrawal_count", "出金件数", 6},
			fieldDef{"withdrawal_total", "出金額合計", 13}, fieldDef{"overdraft", "貸越区分", 1},
			fieldDef{"balance_after", "取引後残高", 14}, fieldDef{"dummy", "ダミー", 146}),

		header01: newLayout("header 01",
			fieldDef{"type", "データ区分", 1}, fieldDef{"kind", "種別コード", 2}, fieldDef{"code", "コード区分", 1},
			fieldDef{"created", "作成日", 6}, fieldDef{"from", "勘定日(自)", 6}, fieldDef{"to", "勘定日(至)", 6},
			fieldDef{"bank_code", "銀行コード", 4}, fieldDef{"bank_name", "銀行名", 15},
			fieldDef{"branch_code", "支店コード", 3}, fieldDef{"branch_name", "支店名", 15},
			fieldDef{"account_type", "預金種目", 1}, fieldDef{"account_number", "口座番号", 7},
			fieldDef{"account_name", "口座名", 40}, fieldDef{"dummy", "ダミー", 93}),
		data01: newLayout("data 01",
			fieldDef{"type", "データ区分", 1}, fieldDef{"reference", "照会番号", 6}, fieldDef{"date", "勘定日", 6},
			fieldDef{"value_date", "起算日", 6}, fieldDef{"amount", "金額", 10},
			fieldDef{"other_bank_amount", "うち他店券金額", 10}, fieldDef{"payer_code", "振込依頼人コード", 10},
			fieldDef{"payer", "振込依頼人名", 48}, fieldDef{"from_bank", "仕向銀行名", 15},
			fieldDef{"from_branch", "仕向店名", 15}, fieldDef{"cancel", "取消区分", 1},
			fieldDef{"edi", "EDI情報", 20}, fieldDef{"dummy", "ダミー", 52}),
		trailer01: newLayout("trailer 01",
			fieldDef{"type", "データ区分", 1}, fieldDef{"count", "合計件数", 6}, fieldDef{"total", "合計金額", 12},
			fieldDef{"cancel_count", "取消件数", 6}, fieldDef{"cancel_total", "取消合計金額", 12},
			fieldDef{"dummy", "ダミー", 163}),
	}
})

// rawRecord is one record of the file with its line (or record number).
type rawRecord struct {
	line int
	raw  []byte
}

// splitRecords cuts the file into records: at line breaks if it has any (a
// record cannot hold CR or LF in any of its encodings), else every 200
// bytes. Empty lines are dropped, and so are ^Z end-of-file marks at the end.
func splitRecords(data []byte) []rawRecord {
	// ^Z marks and line breaks at the very end: a file without line breaks
	// may still end with one.
	data = bytes.TrimRight(data, "\x1a\r\n")
	var sep byte
	switch {
	case bytes.IndexByte(data, '\n') >= 0:
		sep = '\n'
	case bytes.IndexByte(data, '\r') >= 0:
		sep = '\r'
	}
	var recs []rawRecord
	if sep == 0 {
		for i := 0; i < len(data); i += RecordLen {
			recs = append(recs, rawRecord{line: i/RecordLen + 1, raw: data[i:min(i+RecordLen, len(data))]})
		}
		return recs
	}
	line := 0
	for len(data) > 0 {
		line++
		l, rest, _ := bytes.Cut(data, []byte{sep})
		data = rest
		if sep == '\n' {
			l = bytes.TrimSuffix(l, []byte{'\r'})
		}
		if len(l) > 0 {
			recs = append(recs, rawRecord{line: line, raw: l})
		}
	}
	return recs
}

// padding reports whether b holds nothing but filler.
func padding(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != 0 && c != 0x1a {
			return false
		}
	}
	return true
}

// group is one header … trailer run of records: one account.
type group struct {
	kind    string // kindTransfer or kindStatement; "" when the header is bad
	account string // Deposit.Account
	damaged bool   // a record of the group had a problem: skip the trailer comparison
	// Counted from the data records: deposits (03) or notices (01), and
	// withdrawals (03) or cancellations (01).
	n, nOther     int
	sum, sumOther store.Money
}

// ParseZengin reads a Zengin 入出金取引明細 (03) or 振込入金通知 (01) file and
// returns its deposits in file order (see the layouts above). A malformed
// file is refused whole: the error is a store.BatchError naming each bad
// record by line (record number when the file has no line breaks) and field,
// or a *store.Error (bank.empty) for an empty file.
func ParseZengin(data []byte) ([]Deposit, error) {
	recs := splitRecords(data)
	if len(recs) == 0 {
		return nil, store.Invalid("", "bank.empty")
	}
	if e := notZengin(recs[0]); e != nil {
		return nil, e
	}
	var (
		p      problems
		out    []Deposit
		g      *group
		groups int
		ended  bool
	)
	for _, r := range recs {
		if p.full() {
			break
		}
		if ended {
			if !padding(r.raw) {
				p.at(r.line).add("record", "bank.after_end")
				break
			}
			continue
		}
		if len(r.raw) != RecordLen {
			p.at(r.line).add("record", "bank.record_length", len(r.raw), RecordLen)
			// Follow the structure by the record type all the same, so that
			// one short record does not make its neighbours look misplaced.
			switch r.raw[0] {
			case '1':
				g = &group{damaged: true}
				groups++
			case '8':
				g = nil
			case '9':
				g, ended = nil, true
			default:
				if g != nil {
					g.damaged = true
				}
			}
			continue
		}
		rec := newRecText(r.raw)
		switch r.raw[0] {
		case '1':
			if g != nil {
				p.at(r.line).add("record", "bank.no_trailer")
			}
			g = readHeader(rec, r.line, &p)
			groups++
		case '2':
			if g == nil {
				p.at(r.line).add("record", "bank.no_header")
				continue
			}
			if g.kind == "" {
				continue // the header was refused: its data cannot be read
			}
			before := len(p.list)
			d, ok := readData(rec, r.line, g, &p)
			if len(p.list) > before {
				g.damaged = true
				continue
			}
			if ok {
				d.Line, d.Account = r.line, g.account
				out = append(out, d)
			}
		case '8':
			if g == nil {
				p.at(r.line).add("record", "bank.no_header")
				continue
			}
			readTrailer(rec, r.line, g, &p)
			g = nil
		case '9':
			if g != nil {
				p.at(r.line).add("record", "bank.no_trailer")
				g = nil
			}
			ended = true
		default:
			p.at(r.line).add("record", "bank.record_type", string(r.raw[:1]))
			if g != nil {
				g.damaged = true
			}
		}
	}
	if !ended && !p.full() {
		last := recs[len(recs)-1].line
		if g != nil {
			p.at(last).add("record", "bank.no_trailer")
		}
		p.at(last).add("record", "bank.no_end")
	}
	if groups == 0 && len(p.list) == 0 {
		p.at(recs[0].line).add("record", "bank.no_header")
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// notZengin refuses a file whose first record is no Zengin record at all
// (it does not start with a record type 1, 2, 8 or 9) — another kind of
// file given as Zengin — with one sentence saying so, instead of a problem
// for every line of it.
func notZengin(first rawRecord) *store.Error {
	if !strings.ContainsRune("1289", rune(first.raw[0])) {
		return store.Invalid("", "bank.not_zengin")
	}
	return nil
}

// readHeader opens a group from its header record.
func readHeader(rec recText, line int, p *problems) *group {
	g := &group{}
	kind, _ := rec.field(span{1, 2})
	var l layout
	switch kind {
	case kindStatement:
		l = layouts().header03
	case kindTransfer:
		l = layouts().header01
	default:
		p.at(line).add("kind", "bank.kind", kind)
		g.damaged = true
		return g
	}
	g.kind = kind
	var parts []string
	for _, key := range []string{"bank_code", "branch_code", "account_type", "account_number"} {
		s, ok := rec.field(l.at(key))
		if !ok {
			p.at(line).add(key, "bank.encoding")
			g.damaged = true
		}
		s = strings.TrimSpace(s)
		if key == "account_number" {
			// 01 gives 7 digits and 03 gives 10: the same account either way.
			s = strings.TrimLeft(s, "0")
		}
		parts = append(parts, s)
	}
	g.account = "zengin:" + strings.Join(parts, "-")
	return g
}

// readData reads one data record of g. ok is false for records that are not
// deposits (withdrawals, cancellations, zero amounts); problems go to p.
func readData(rec recText, line int, g *group, p *problems) (d Deposit, ok bool) {
	before := len(p.list)
	l := layouts().data03
	if g.kind == kindTransfer {
		l = layouts().data01
	}
	text := func(key string) string {
		s, good := rec.text(l.at(key))
		if !good {
			p.at(line).add(key, "bank.encoding")
		}
		return s
	}
	raw, _ := rec.field(l.at("date"))
	date, good := zenginDate(strings.TrimSpace(raw))
	if !good {
		p.at(line).add("date", "bank.date", raw)
	}
	amount, good := rec.number(l.at("amount"))
	if !good {
		raw, _ := rec.field(l.at("amount"))
		p.at(line).add("amount", "bank.number", raw)
	}
	deposit := true
	if g.kind == kindStatement {
		switch dir, _ := rec.field(l.at("direction")); dir {
		case "1":
		case "2":
			deposit = false
		default:
			p.at(line).add("direction", "bank.code", dir)
		}
	} else {
		switch c, _ := rec.field(l.at("cancel")); c {
		case " ", "0":
		case "1":
			deposit = false
		default:
			p.at(line).add("cancel", "bank.code", c)
		}
	}
	d = Deposit{Date: date, Amount: amount, Account: g.account}
	d.Reference = text("reference")
	d.PayerName = text("payer")
	text("from_bank")
	text("from_branch")
	if g.kind == kindStatement {
		d.Memo = joinText(text("description"), text("edi"))
	} else {
		d.Memo = text("edi")
	}
	if deposit {
		g.n++
		g.sum += amount
	} else {
		g.nOther++
		g.sumOther += amount
	}
	if deposit && amount > 0 && len(p.list) == before {
		p.at(line).deposit(d, zenginFields)
	}
	return d, deposit && amount > 0
}

// zenginFields names store.BankLine's fields by the record's fields.
var zenginFields = map[string]string{"payer_name": "payer", "memo": "edi"}

// readTrailer checks g's trailer against what its data records add up to.
func readTrailer(rec recText, line int, g *group, p *problems) {
	if g.kind == "" {
		return
	}
	l, keys := layouts().trailer03, []string{"deposit_count", "deposit_total", "withdrawal_count", "withdrawal_total"}
	if g.kind == kindTransfer {
		l, keys = layouts().trailer01, []string{"count", "total", "cancel_count", "cancel_total"}
	}
	var v [4]store.Money
	good := true
	for i, key := range keys {
		var ok bool
		if v[i], ok = rec.number(l.at(key)); !ok {
			raw, _ := rec.field(l.at(key))
			p.at(line).add(key, "bank.number", raw)
			good = false
		}
	}
	if !good || g.damaged {
		return
	}
	n, sum := store.Money(g.n), g.sum
	if g.kind == kindTransfer && v[0] != n && v[0] == n+store.Money(g.nOther) {
		n, sum = n+store.Money(g.nOther), sum+g.sumOther // 合計 counts the cancellations too
	}
	want := [4]store.Money{n, sum, store.Money(g.nOther), g.sumOther}
	for i, key := range keys {
		switch {
		case v[i] == want[i]:
		case i%2 == 0: // a count: the file says v, the records are want
			p.at(line).add(key, "bank.trailer_count", int64(v[i]), int64(want[i]))
		default:
			p.at(line).add(key, "bank.trailer_total", int64(v[i]), int64(want[i]))
		}
	}
}
