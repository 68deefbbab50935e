package pdf

import (
	"fmt"
	"io"
	"time"

	"daicho/store"
)

// 売掛金残高一覧表: the receivables by customer over a period, for the office
// (not for a customer): previous balance, invoiced, received, adjusted and
// closing balance per customer, and the total. In the language of the
// screen it was asked from.

// Balances is what RenderBalances prints.
type Balances struct {
	Company store.Company
	Report  store.BalancesReport
	Lang    string    // "ja" or "en"
	Printed time.Time // the date printed on it (also its PDF creation date)
}

// balancesLabels are the words of the report, per language.
type balancesLabels struct {
	title, period, printed, code, customer, previous, invoiced, received, adjusted, closing, total, note, none string
}

var balancesWords = map[string]balancesLabels{
	"ja": {title: "売掛金残高一覧表", period: "対象期間: %s 〜 %s", printed: "作成日: %s", code: "コード",
		customer: "取引先", previous: "前期繰越", invoiced: "当期売上", received: "当期入金", adjusted: "調整",
		closing: "期末残高", total: "合計",
		note: "前期繰越は期間開始日前日、期末残高は期間末日時点の未回収額です。調整は振込手数料・値引きと返品・値引き明細書。未消込の入金は含みません。",
		none: "この期間に売掛金の動きはありません。"},
	"en": {title: "Receivables by Customer", period: "Period: %s to %s", printed: "Printed: %s", code: "Code",
		customer: "Customer", previous: "Previous", invoiced: "Invoiced", received: "Received", adjusted: "Adjusted",
		closing: "Closing", total: "Total",
		note: "Previous is what was open the day before the period, closing what is open on its last day. Adjusted: fees, discounts and credit notes. Payments not yet applied to an invoice are not included.",
		none: "No receivables moved in this period."},
}

// Column widths, in millimetres: the amounts share what the code and the
// name leave.
const (
	balCodeW  = 20.0
	balNameW  = 52.0
	balMoneyW = (contentWidth - balCodeW - balNameW) / 5
)

// RenderBalances writes the report as a PDF.
func RenderBalances(w io.Writer, b Balances) error {
	cur, ok := store.CurrencyByCode(b.Company.Currency)
	if !ok {
		return fmt.Errorf("pdf: balances: unknown currency %q", b.Company.Currency)
	}
	words, ok := balancesWords[b.Lang]
	if !ok {
		words = balancesWords["ja"]
	}
	l := labelsFor(b.Lang)
	rep := b.Report
	c := newCanvas(docInfo{title: words.title, author: b.Company.Name, subject: words.title, created: b.Printed},
		"", footer{left: words.title, page: l.page})
	c.titleBlock(words.title, b.Company.Name)
	c.paragraph(fmt.Sprintf(words.period, l.date(rep.From), l.date(rep.To))+"    "+
		fmt.Sprintf(words.printed, l.date(b.Printed)), sizeBody)
	c.y += smallGap
	if len(rep.Rows) == 0 {
		c.paragraph(words.none, sizeBody)
		return c.finish(w)
	}
	cols := []column{{label: words.code, width: balCodeW, align: alignLeft},
		{label: words.customer, width: balNameW, align: alignLeft, wraps: true}}
	for _, h := range []string{words.previous, words.invoiced, words.received, words.adjusted, words.closing} {
		cols = append(cols, column{label: h, width: balMoneyW, align: alignRight})
	}
	line := func(code, name string, r store.BalanceRow, shaded bool) row {
		return row{cells: []string{code, name, r.Previous.Plain(cur), r.Invoiced.Plain(cur), r.Received.Plain(cur),
			r.Adjusted.Plain(cur), r.Closing.Plain(cur)}, shaded: shaded}
	}
	rows := make([]row, 0, len(rep.Rows)+1)
	for _, r := range rep.Rows {
		rows = append(rows, line(r.Code, r.Name, r, false))
	}
	rows = append(rows, line(words.total, "", rep.Total, true))
	c.table(cols, rows)
	c.y += smallGap
	c.paragraph(words.note, sizeSmall)
	return c.finish(w)
}

// BalancesFileName is the report's file: balances_2026-10-01_2026-11-30.pdf.
func BalancesFileName(from, to time.Time) string {
	return CleanName("balances_"+store.FormatDate(from)+"_"+store.FormatDate(to)) + ".pdf"
}
