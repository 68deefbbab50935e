package exchange

import (
	"io"
	"strconv"
	"strings"
	"unicode"

	"daicho/store"
)

// 弥生会計's journal import (仕訳日記帳のインポート, 弥生インポート形式): a
// Shift_JIS CSV without a header, CRLF line ends, 25 columns a row:
//
//	 1 識別フラグ   2000 an entry of one row; an entry of several rows is
//	                2110 (first), 2100 (middle), …, 2101 (last)
//	 2 伝票No       the entry's number in this file, from 1
//	 3 決算         empty: not a closing entry
//	 4 取引日付     YYYY/MM/DD
//	 5 借方勘定科目 the debit account: 売掛金, 普通預金, 現金, 売上高,
//	                売上値引高, 支払手数料, 仮受消費税 (empty on a row
//	                that only carries a credit)
//	 6 借方補助科目 売掛金's sub-account: the customer's name (master)
//	 7 借方部門     empty
//	 8 借方税区分   課税売上込10% / 課税売上込8%(軽) for sales (tax
//	                included), 課対仕入込10% for a transfer fee, else 対象外
//	 9 借方金額     yen, tax included; 0 on an empty side
//	10 借方税金額   the consumption tax inside 借方金額 (0 for 対象外)
//	11–16          the credit side, the same six columns
//	17 摘要         the document number (or payment #id), the customer, the
//	                subject, payer name or reason
//	18 番号         empty (a bill's number: daicho has no bills)
//	19 期日         empty (a bill's due date)
//	20 タイプ       0: an ordinary entry
//	21 生成元       empty
//	22 仕訳メモ     empty
//	23 付箋1        0
//	24 付箋2        0
//	25 調整         no
//
// How daicho's entries become rows (store.Journal decides the entries):
// a posting with a positive amount is a debit, a negative one a credit of
// the amount's magnitude, so a payment's reversal reads Dr 売掛金 / Cr
// 普通預金 with positive amounts. Sales and their output tax of one rate are
// one tax-inclusive 売上高 row (税区分 課税売上込…, the tax in 税金額), as
// 弥生 books them; 0 % sales are 対象外. A credit note is the reverse of an
// invoice (Dr 売上高). A discount adjustment is booked like a credit note,
// Dr 売上値引高 with the sales category of the invoice's largest rate. In
// an entry of several rows the debits and credits are paired row by row,
// each row's other side left empty, so each 伝票No balances as a whole.
//
// Text is written as it is, control characters as spaces, except that the
// two columns holding text from outside daicho — 補助科目 (the customer's
// name) and 摘要 (names, memos) — are neutralised against formulas with
// Defuse like every CSV export: the file is opened in a spreadsheet as often
// as it is imported, and a customer named "=HYPERLINK(…)" must not become a
// live link there (the apostrophe, rare in a name, is the smaller harm).

// yayoiColumns name the columns in messages (the file has no header).
var yayoiColumns = []string{"識別フラグ", "伝票No", "決算", "取引日付", "借方勘定科目", "借方補助科目", "借方部門",
	"借方税区分", "借方金額", "借方税金額", "貸方勘定科目", "貸方補助科目", "貸方部門", "貸方税区分", "貸方金額",
	"貸方税金額", "摘要", "番号", "期日", "タイプ", "生成元", "仕訳メモ", "付箋1", "付箋2", "調整"}

// 弥生's names of the accounts and tax categories daicho uses.
const (
	yayoiReceivable    = "売掛金"
	yayoiBank          = "普通預金"
	yayoiCash          = "現金"
	yayoiSales         = "売上高"
	yayoiOutputTax     = "仮受消費税"
	yayoiSalesDiscount = "売上値引高"
	yayoiTransferFee   = "支払手数料"
	yayoiBadDebt       = "貸倒損失"
	yayoiOutOfScope    = "対象外"
)

// YayoiWriter writes journal entries as 弥生会計 import rows.
type YayoiWriter struct {
	cw      *cellWriter
	voucher int
}

// NewYayoiWriter starts a 弥生 import file. 弥生 keeps its books in yen:
// a ledger in another currency cannot be written (a *store.Error).
func NewYayoiWriter(w io.Writer, cur store.Currency) (*YayoiWriter, error) {
	if cur.Code != store.JPY.Code {
		return nil, &store.Error{Code: store.CodeInvalid, Reason: "export.yayoi_yen", Args: []any{cur.Code}}
	}
	cw, err := newCellWriter(w, ShiftJIS, false, nil)
	if err != nil {
		return nil, err
	}
	cw.keys, cw.keyCol = yayoiColumns, 1 // a bad character is reported by 伝票No
	return &YayoiWriter{cw: cw}, nil
}

// yayoiSide is one side of a row: an account and its amounts.
type yayoiSide struct {
	account, sub, category string
	amount, tax            store.Money
	rate                   int  // sales: the rate, to put its output tax with it
	reduced                bool // the rate is reduced
}

// Write adds the rows of one entry.
func (y *YayoiWriter) Write(e store.JournalEntry) error {
	var debits, credits []yayoiSide
	for _, p := range e.Postings {
		side := &debits
		amount := p.Amount
		if amount < 0 {
			side, amount = &credits, -amount
		}
		if p.Account == store.AccountOutputTax && mergeTax(*side, p, amount) {
			continue
		}
		*side = append(*side, yayoiPosting(e, p, amount))
	}
	y.voucher++
	n := max(len(debits), len(credits))
	for i := range n {
		flag := "2000"
		switch {
		case n == 1:
		case i == 0:
			flag = "2110"
		case i == n-1:
			flag = "2101"
		default:
			flag = "2100"
		}
		var dr, cr yayoiSide
		if i < len(debits) {
			dr = debits[i]
		}
		if i < len(credits) {
			cr = credits[i]
		}
		row := []cell{plain(flag), integer(int64(y.voucher)), plain(""), plain(e.Date.Format("2006/01/02"))}
		row = append(row, dr.cells()...)
		row = append(row, cr.cells()...)
		row = append(row, text(Defuse(yayoiText(yayoiSummary(e)))), plain(""), plain(""), plain("0"), plain(""),
			plain(""), plain("0"), plain("0"), plain("no"))
		if err := y.cw.write(row...); err != nil {
			return err
		}
	}
	return nil
}

// Close ends the file.
func (y *YayoiWriter) Close() error { return y.cw.flush() }

func (s yayoiSide) cells() []cell {
	return []cell{text(yayoiText(s.account)), text(Defuse(yayoiText(s.sub))), plain(""), plain(s.category),
		amount(s.amount), amount(s.tax)}
}

// yayoiPosting is the side a posting becomes (amount is its magnitude).
func yayoiPosting(e store.JournalEntry, p store.Posting, amount store.Money) yayoiSide {
	s := yayoiSide{amount: amount, category: yayoiOutOfScope, rate: p.Rate, reduced: p.Reduced}
	switch p.Account {
	case store.AccountReceivable:
		s.account, s.sub = yayoiReceivable, e.CustomerName
	case store.AccountBank:
		s.account = yayoiBank
	case store.AccountCash:
		s.account = yayoiCash
	case store.AccountSales:
		s.account, s.category = yayoiSales, salesCategory(p.Rate, p.Reduced)
	case store.AccountOutputTax: // a tax without its sales (never from store.Journal)
		s.account = yayoiOutputTax
	case store.AccountSalesDiscount:
		s.account, s.category = yayoiSalesDiscount, salesCategory(p.Rate, p.Reduced)
		s.tax = includedTax(amount, p.Rate)
	case store.AccountBadDebt: // 課税売上の貸倒れ: the tax in it is deducted as a discount's
		s.account, s.category = yayoiBadDebt, salesCategory(p.Rate, p.Reduced)
		s.tax = includedTax(amount, p.Rate)
	case store.AccountTransferFee:
		s.account = yayoiTransferFee
		if p.Rate > 0 {
			s.category, s.tax = "課対仕入込"+strconv.Itoa(p.Rate)+"%", includedTax(amount, p.Rate)
		}
	default:
		s.account = string(p.Account)
	}
	return s
}

// mergeTax adds an output-tax posting to the sales row of its rate on the
// same side, making it tax-inclusive; false when there is none.
func mergeTax(side []yayoiSide, p store.Posting, amount store.Money) bool {
	for i := range side {
		if s := &side[i]; s.account == yayoiSales && s.rate == p.Rate && s.reduced == p.Reduced {
			s.amount += amount
			s.tax += amount
			return true
		}
	}
	return false
}

// salesCategory is 弥生's tax category of tax-inclusive sales at rate.
func salesCategory(rate int, reduced bool) string {
	switch {
	case rate == 0:
		return yayoiOutOfScope
	case reduced:
		return "課税売上込" + strconv.Itoa(rate) + "%(軽)"
	}
	return "課税売上込" + strconv.Itoa(rate) + "%"
}

// includedTax is the consumption tax inside a tax-inclusive amount, rounded
// down: amount × rate / (100 + rate).
func includedTax(amount store.Money, rate int) store.Money {
	if rate <= 0 {
		return 0
	}
	return amount * store.Money(rate) / store.Money(100+rate)
}

// yayoiSummary is the 摘要: the number, the customer and what it was.
func yayoiSummary(e store.JournalEntry) string {
	var words []string
	switch e.Kind {
	case store.JournalPayment:
		words = []string{"入金", "#" + strconv.FormatInt(e.PaymentID, 10), e.CustomerName, e.Memo}
	case store.JournalReversal:
		words = []string{"入金取消", "#" + strconv.FormatInt(e.ReversesID, 10), e.CustomerName, e.Memo}
	case store.JournalTransferFee:
		words = []string{"振込手数料", e.Ref, e.PrintedName, e.Memo}
	case store.JournalDiscount:
		words = []string{"値引", e.Ref, e.PrintedName, e.Memo}
	case store.JournalBadDebt:
		words = []string{"貸倒", e.Ref, e.PrintedName, e.Memo}
	default:
		words = []string{e.Ref, e.PrintedName, e.Memo}
	}
	return strings.Join(strings.Fields(strings.Join(words, " ")), " ")
}

// yayoiText puts control characters (a line break in a memo) as spaces.
func yayoiText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
