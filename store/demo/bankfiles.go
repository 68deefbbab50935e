package demo

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/width"

	"daicho/store"
)

// The demo's bank files: the morning of the reference date, the bank says
// who paid since Monday. Their deposits match the small demo's open
// invoices in every way matching knows: exact amounts from payers learned
// before (matched without a look), a transfer fee deducted, two invoices
// paid together, an invoice number in the EDI field from a payer nobody
// knows, an overdue invoice paid at last, and a deposit from a stranger.

// BankDeposit is one line of a bank file the demo writes.
type BankDeposit struct {
	Date        time.Time
	Amount      store.Money
	Payer       string // as the bank prints it: half-width kana (ｶ)ｻｸﾗｺｳｷﾞﾖｳ) or upper-case ASCII
	Description string // 摘要 (Zengin) / お取引内容 prefix (CSV)
	EDI         string // EDI情報 (Zengin) / メモ (CSV)
	Withdrawal  bool   // money going out: the parsers skip it
}

// MainAccount is the company's main account as the Zengin parser names it
// (bank.Deposit.Account): the account of ZenginStatement's header, into
// which the story's customers paid by transfer.
const MainAccount = "zengin:9901-001-1-1234567"

// BankFileNames are the files WriteBankFiles writes.
var BankFileNames = []string{"zengin_20261120.txt", "mirai_20261120.csv"}

// WriteBankFiles writes the demo's bank files into dir: a Zengin 入出金取引明細
// (type 03, Shift_JIS, 200-byte records and CR LF) of the main account and
// a CSV export (Shift_JIS, preamble lines before the header) of the second
// one, both for the week up to Reference. The deposits are made from the
// demo invoices in st (those the small demo makes, in either size), so the
// demo story must be in st. It returns the paths written.
func WriteBankFiles(ctx context.Context, dir string, st *store.Store) ([]string, error) {
	zen, csvDeps, err := demoDeposits(ctx, st)
	if err != nil {
		return nil, err
	}
	z, err := ZenginStatement(Reference, zen)
	if err != nil {
		return nil, err
	}
	c, err := BankCSV(csvDeps)
	if err != nil {
		return nil, err
	}
	var paths []string
	for i, data := range [][]byte{z, c} {
		path := filepath.Join(dir, BankFileNames[i])
		if err := os.WriteFile(path, data, 0o600); err != nil {
			return paths, err
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// storyInvoices finds the small demo's invoices by customer and issue date.
type storyInvoices struct {
	ctx       context.Context
	st        *store.Store
	customers map[string]store.Customer // by name
}

func newStoryInvoices(ctx context.Context, st *store.Store) (*storyInvoices, error) {
	cs, err := st.Customers(ctx)
	if err != nil {
		return nil, err
	}
	s := &storyInvoices{ctx: ctx, st: st, customers: map[string]store.Customer{}}
	for _, c := range cs {
		if _, dup := s.customers[c.Name]; !dup { // the first: the demo's own, not a --force copy
			s.customers[c.Name] = c
		}
	}
	return s, nil
}

// customer is the demo customer made from sample i.
func (s *storyInvoices) customer(i int) (store.Customer, error) {
	c, ok := s.customers[samples[i].name]
	if !ok {
		return c, fmt.Errorf("demo: customer %s is not in the database", samples[i].name)
	}
	return c, nil
}

// invoice is the balance of the story's invoice of sample i issued on date
// (not one of the large demo's, whose subjects name the year).
func (s *storyInvoices) invoice(i int, date time.Time) (store.InvoiceBalance, error) {
	c, err := s.customer(i)
	if err != nil {
		return store.InvoiceBalance{}, err
	}
	sums, err := s.st.DocumentSummaries(s.ctx, store.DocumentFilter{Kind: store.KindInvoice, CustomerID: c.ID,
		From: date, To: date})
	if err != nil {
		return store.InvoiceBalance{}, err
	}
	for _, d := range sums {
		if d.Status == store.StatusIssued && !largeSubject(d.Subject) {
			return s.st.InvoiceBalance(s.ctx, d.ID)
		}
	}
	return store.InvoiceBalance{}, fmt.Errorf("demo: no invoice of %s issued on %s", c.Name, store.FormatDate(date))
}

// largeSubject tells the large demo's invoices (largeInvoice) from the story's.
func largeSubject(s string) bool {
	return strings.HasPrefix(s, "Services, ") || strings.Contains(s, "年") && strings.HasSuffix(s, "月分")
}

// demoDeposits are the deposits of the two files, from the open invoices.
func demoDeposits(ctx context.Context, st *store.Store) (zengin, csvDeps []BankDeposit, err error) {
	s, err := newStoryInvoices(ctx, st)
	if err != nil {
		return nil, nil, err
	}
	d := store.DateOf
	open := func(i int, issued ...time.Time) (store.Money, string, error) {
		var sum store.Money
		var numbers []string
		for _, date := range issued {
			b, err := s.invoice(i, date)
			if err != nil {
				return 0, "", err
			}
			sum += b.Open
			numbers = append(numbers, b.Number)
		}
		return sum, strings.Join(numbers, ","), nil
	}
	payer := func(i int) string {
		if p, ok := parentPays[i]; ok {
			return p
		}
		c, _ := s.customer(i)
		return BankPayer(c)
	}
	type spec struct {
		file    int // 0 Zengin, 1 CSV
		date    time.Time
		sample  int
		issued  []time.Time
		fee     store.Money
		payer   string // "" = the customer's bank name
		byEDI   bool   // the invoice number in the EDI field
		amount  store.Money
		outflow bool
	}
	specs := []spec{
		{file: 0, date: d(2026, 11, 16), sample: 0, issued: []time.Time{d(2026, 10, 31)}},
		{file: 0, date: d(2026, 11, 16), sample: 10, issued: []time.Time{d(2026, 9, 30)}},
		{file: 0, date: d(2026, 11, 17), sample: 1, issued: []time.Time{d(2026, 9, 15)}, fee: 880},
		{file: 0, date: d(2026, 11, 17), payer: "ﾃﾞﾝｷﾘﾖｳｷﾝ", amount: 12_430, outflow: true},
		{file: 0, date: d(2026, 11, 18), sample: 3, issued: []time.Time{d(2026, 9, 30), d(2026, 10, 31)}},
		{file: 0, date: d(2026, 11, 18), sample: 5, issued: []time.Time{d(2026, 10, 15)}, payer: "ﾀﾅｶ ｲﾁﾛｳ", byEDI: true},
		{file: 0, date: d(2026, 11, 19), sample: 13, issued: []time.Time{d(2026, 9, 30)}},
		{file: 0, date: d(2026, 11, 19), payer: "ｻﾄｳ ｹﾝｼﾞ", amount: 5_500},
		{file: 1, date: d(2026, 11, 17), sample: 8, issued: []time.Time{d(2026, 10, 5)}},
		{file: 1, date: d(2026, 11, 18), payer: "ｶｰﾄﾞ ｼﾞﾄﾞｳﾋｷｵﾄｼ", amount: 3_300, outflow: true},
		{file: 1, date: d(2026, 11, 19), sample: 27, issued: []time.Time{d(2026, 6, 30)}},
		{file: 1, date: d(2026, 11, 20), sample: 35, issued: []time.Time{d(2026, 8, 31)}},
	}
	for _, sp := range specs {
		dep := BankDeposit{Date: sp.date, Amount: sp.amount, Payer: sp.payer, Withdrawal: sp.outflow,
			Description: "ﾌﾘｺﾐ"}
		if sp.outflow {
			dep.Description = "ｼﾊﾗｲ"
		}
		if len(sp.issued) > 0 {
			amount, numbers, err := open(sp.sample, sp.issued...)
			if err != nil {
				return nil, nil, err
			}
			dep.Amount = amount - sp.fee
			if dep.Payer == "" {
				dep.Payer = payer(sp.sample)
			}
			if sp.byEDI {
				dep.EDI = numbers
			}
		}
		if sp.file == 0 {
			zengin = append(zengin, dep)
		} else {
			csvDeps = append(csvDeps, dep)
		}
	}
	return zengin, csvDeps, nil
}

// legalMarks are the bank abbreviations of the legal forms in demo names.
var legalMarks = []struct{ form, mark string }{
	{"株式会社", "ｶ"}, {"有限会社", "ﾕ"}, {"合同会社", "ﾄﾞ"}, {"一般社団法人", "ｼﾔ"}, {"税理士法人", "ｾﾞｲ"},
	{"医療法人社団", "ｲ"},
}

// BankPayer is how a bank prints a customer as the payer: half-width kana
// with no small kana, the legal form as a mark before or after the name
// (株式会社さくら工業 → ｶ)ｻｸﾗｺｳｷﾞﾖｳ, 青葉商事株式会社 → ｱｵﾊﾞｼﾖｳｼﾞ(ｶ); a
// customer abroad in upper-case letters.
func BankPayer(c store.Customer) string {
	if c.Language == "en" || c.Kana == "" {
		return strings.ToUpper(strings.NewReplacer(".", "", ",", "").Replace(c.Name))
	}
	kana := bankKana(c.Kana)
	for _, l := range legalMarks {
		switch {
		case strings.HasPrefix(c.Name, l.form):
			return l.mark + ")" + kana
		case strings.HasSuffix(c.Name, l.form):
			return kana + "(" + l.mark
		}
	}
	return kana
}

// bankKana writes a reading as bank files do: half-width, small kana large.
func bankKana(s string) string {
	large := map[rune]rune{'ァ': 'ア', 'ィ': 'イ', 'ゥ': 'ウ', 'ェ': 'エ', 'ォ': 'オ', 'ッ': 'ツ', 'ャ': 'ヤ', 'ュ': 'ユ',
		'ョ': 'ヨ', 'ヮ': 'ワ', 'ヵ': 'カ', 'ヶ': 'ケ'}
	s = strings.Map(func(r rune) rune {
		if l, ok := large[r]; ok {
			return l
		}
		return r
	}, s)
	return width.Narrow.String(s)
}

// wareki is a date as Zengin files write it: Reiwa year, month, day (YYMMDD).
func wareki(t time.Time) string {
	return fmt.Sprintf("%02d%02d%02d", t.Year()-2018, int(t.Month()), t.Day())
}

// record builds one 200-byte Zengin record from fields of fixed widths.
type record struct {
	b   bytes.Buffer
	err error
}

// num writes a zero-padded number of n digits.
func (r *record) num(v int64, n int) {
	s := strconv.FormatInt(v, 10)
	if len(s) > n {
		r.err = fmt.Errorf("demo: %d does not fit %d digits", v, n)
		return
	}
	r.b.WriteString(strings.Repeat("0", n-len(s)) + s)
}

// text writes s in Shift_JIS, cut to n bytes on a character boundary and
// padded with spaces.
func (r *record) text(s string, n int) {
	enc := japanese.ShiftJIS.NewEncoder()
	var out []byte
	for _, c := range s {
		b, err := enc.Bytes([]byte(string(c)))
		if err != nil {
			r.err = fmt.Errorf("demo: %q in a bank file: %w", c, err)
			return
		}
		if len(out)+len(b) > n {
			break
		}
		out = append(out, b...)
	}
	r.b.Write(out)
	r.b.WriteString(strings.Repeat(" ", n-len(out)))
}

func (r *record) raw(s string) { r.b.WriteString(s) }

// done checks the record's length and adds CR LF.
func (r *record) done(out *bytes.Buffer) error {
	if r.err == nil && r.b.Len() != 200 {
		r.err = fmt.Errorf("demo: a Zengin record of %d bytes", r.b.Len())
	}
	out.Write(r.b.Bytes())
	out.WriteString("\r\n")
	return r.err
}

// ZenginStatement writes a 入出金取引明細 (種別コード 03) of the demo
// company's main account for the five days up to day, created on day:
// header, one data record per deposit or withdrawal, trailer, end.
func ZenginStatement(day time.Time, ds []BankDeposit) ([]byte, error) {
	var out bytes.Buffer
	balance := int64(2_000_000)
	h := &record{}
	h.raw("1" + "03" + "0" + wareki(day) + wareki(day.AddDate(0, 0, -4)) + wareki(day))
	h.num(9901, 4)
	h.text("ｻﾝﾌﾟﾙｷﾞﾝｺｳ", 15)
	h.num(1, 3)
	h.text("ﾎﾝﾃﾝｴｲｷﾞﾖｳﾌﾞ", 15)
	h.text("", 3)
	h.raw("1")
	h.num(1234567, 10)
	h.text("ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ", 40)
	h.raw("1" + "1")
	h.num(balance, 14)
	h.text("", 71)
	if err := h.done(&out); err != nil {
		return nil, err
	}
	var nIn, nOut, sumIn, sumOut int64
	for i, d := range ds {
		r := &record{}
		r.raw("2")
		r.num(int64(10001+i), 8)
		r.raw(wareki(d.Date) + wareki(d.Date))
		direction := "1"
		if d.Withdrawal {
			direction = "2"
			nOut, sumOut, balance = nOut+1, sumOut+int64(d.Amount), balance-int64(d.Amount)
		} else {
			nIn, sumIn, balance = nIn+1, sumIn+int64(d.Amount), balance+int64(d.Amount)
		}
		r.raw(direction + "11")
		r.num(int64(d.Amount), 12)
		r.num(0, 12)
		r.num(0, 6)
		r.num(0, 6)
		r.raw(" ")
		r.num(0, 7)
		r.num(0, 3)
		r.text("", 10)
		r.text(d.Payer, 48)
		r.text("ｻﾝﾌﾟﾙｷﾞﾝｺｳ", 15)
		r.text("ﾎﾝﾃﾝ", 15)
		r.text(d.Description, 20)
		r.text(d.EDI, 20)
		r.text("", 1)
		if err := r.done(&out); err != nil {
			return nil, err
		}
	}
	t := &record{}
	t.raw("8")
	t.num(nIn, 6)
	t.num(sumIn, 13)
	t.num(nOut, 6)
	t.num(sumOut, 13)
	t.raw("1")
	t.num(balance, 14)
	t.text("", 146)
	if err := t.done(&out); err != nil {
		return nil, err
	}
	e := &record{}
	e.raw("9")
	e.text("", 199)
	if err := e.done(&out); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// BankCSV writes a CSV export of the demo company's second account, as an
// internet bank gives it: Shift_JIS, CR LF, preamble lines (account,
// period) before the header 日付, お引出金額, お預入金額, お取引内容, 残高, メモ
// (the layout of the built-in profile "oazukekingaku").
func BankCSV(ds []BankDeposit) ([]byte, error) {
	var text bytes.Buffer
	w := csv.NewWriter(&text)
	w.UseCRLF = true
	from, to := Reference.AddDate(0, 0, -4), Reference
	if len(ds) > 0 {
		from, to = ds[0].Date, ds[len(ds)-1].Date
	}
	rows := [][]string{
		{"口座", "みらい信用金庫 丸の内支店 当座 0076543"},
		{"照会期間", from.Format("2006/01/02") + "-" + to.Format("2006/01/02")},
		{"日付", "お引出金額", "お預入金額", "お取引内容", "残高", "メモ"},
	}
	balance := store.Money(1_000_000)
	for _, d := range ds {
		in, out := d.Amount.Plain(store.JPY), ""
		what := "振込 " + d.Payer
		if d.Withdrawal {
			in, out = "", d.Amount.Plain(store.JPY)
			what = d.Payer
			balance -= d.Amount
		} else {
			balance += d.Amount
		}
		rows = append(rows, []string{d.Date.Format("2006/01/02"), out, in, what, balance.Plain(store.JPY), d.EDI})
	}
	if err := w.WriteAll(rows); err != nil {
		return nil, err
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().Bytes(text.Bytes())
	if err != nil {
		return nil, fmt.Errorf("demo: the bank CSV is not Shift_JIS text: %w", err)
	}
	return sjis, nil
}
