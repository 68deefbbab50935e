package exchange

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
	"daicho/store/storetest"
)

// accountingLedger is a ledger made through the store API for the
// accountant's exports:
//
//	I1 2026-10-05 C0001 10,000 @10% + 3,240 @8% = 14,499; credit note C1
//	   (2026-10-20) 2,200; paid by P1 (15,000 on 2026-11-10: 2,701 overpaid)
//	I2 2026-11-01 C0001 55,000, void
//	I3 2026-11-05 C0002 33,000, partly paid by P2 (10,000 on 2026-11-07)
//	I4 2026-11-06 C0002 22,000, paid by P3 (21,120 on 2026-11-08) less an
//	   880 transfer fee (an adjustment)
//	P4 2026-11-09 C0002 5,000 on I3, reversed (the reversal dated 2026-11-20)
//	P5 2026-11-12 C0002 3,000 in cash, not allocated
type accountingLedger struct {
	st                     *store.Store
	ctx                    context.Context
	c1, c2                 store.Customer
	i1, cn, i2, i3, i4     store.Document
	p1, p2, p3, p4, p5, p6 store.Payment
}

func newAccountingLedger(t *testing.T) *accountingLedger {
	t.Helper()
	st := storetest.Open(t)
	st.Now = func() time.Time { return time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC) }
	l := &accountingLedger{st: st, ctx: t.Context()}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	storetest.WithCompany(t, st)
	cs := storetest.AddCustomers(t, st, storetest.Customer("C0001", "株式会社テスト"),
		storetest.Customer("C0002", "有限会社ほか"))
	l.c1, l.c2 = cs[0], cs[1]
	issue := func(d store.Document) store.Document {
		t.Helper()
		must(st.SaveDraft(l.ctx, &d))
		got, err := st.Issue(l.ctx, d.ID, d.Version)
		must(err)
		return got
	}
	invoice := func(c store.Customer, date string, lines ...store.Line) store.Document {
		return issue(store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: "保守 " + date,
			IssueDate: storetest.Date(date), Lines: lines})
	}
	pay := func(c store.Customer, date string, amount store.Money, method string) store.Payment {
		t.Helper()
		p := store.Payment{CustomerID: c.ID, Date: storetest.Date(date), Amount: amount, Method: method, PayerName: "ｶ)ﾃｽﾄ"}
		must(st.RecordPayment(l.ctx, &p))
		return p
	}

	l.i1 = invoice(l.c1, "2026-10-05", storetest.Line("作業", "1", 10_000, store.TaxStandard),
		storetest.Line("お弁当", "3", 1_080, store.TaxReduced))
	cn, err := st.CreateCreditNote(l.ctx, l.i1.ID)
	must(err)
	cn.IssueDate = storetest.Date("2026-10-20")
	cn.Lines = []store.Line{storetest.Line("作業 値引", "1", 2_000, store.TaxStandard)}
	l.cn = issue(cn)
	l.i2 = invoice(l.c1, "2026-11-01", storetest.Line("二重", "1", 50_000, store.TaxStandard))
	must(st.Void(l.ctx, l.i2.ID, "二重発行"))
	l.i3 = invoice(l.c2, "2026-11-05", storetest.Line("保守", "1", 30_000, store.TaxStandard))
	l.i4 = invoice(l.c2, "2026-11-06", storetest.Line("保守", "1", 20_000, store.TaxStandard))

	l.p2 = pay(l.c2, "2026-11-07", 10_000, store.PayBankTransfer)
	must(st.Allocate(l.ctx, l.p2.ID, l.i3.ID, 10_000))
	l.p3 = pay(l.c2, "2026-11-08", 21_120, store.PayBankTransfer)
	must(st.Allocate(l.ctx, l.p3.ID, l.i4.ID, 21_120))
	_, err = st.CloseShortfall(l.ctx, l.i4.ID, store.AdjustTransferFee, storetest.Date("2026-11-08"))
	must(err)
	l.p4 = pay(l.c2, "2026-11-09", 5_000, store.PayBankTransfer)
	must(st.Allocate(l.ctx, l.p4.ID, l.i3.ID, 5_000))
	must(st.ReversePayment(l.ctx, l.p4.ID, "誤入力"))
	l.p1 = pay(l.c1, "2026-11-10", 15_000, store.PayBankTransfer)
	must(st.Allocate(l.ctx, l.p1.ID, l.i1.ID, 12_299))
	l.p5 = pay(l.c2, "2026-11-12", 3_000, store.PayCash)
	must(st.CheckInvariants(l.ctx))
	if l.i1.Totals.Total != 14_499 || l.cn.Totals.Total != 2_200 || l.i3.Totals.Total != 33_000 {
		t.Fatalf("totals %d %d %d", l.i1.Totals.Total, l.cn.Totals.Total, l.i3.Totals.Total)
	}
	return l
}

// figures are what daicho itself says of the ledger: per customer what is
// owed less what was paid ahead, and the sales, tax and cash of the issued
// documents and payments.
type figures struct {
	receivable  map[string]store.Money // by customer code: Σ open − unapplied
	sales, tax  map[int]store.Money    // by rate: Σ net and tax, invoices less credit notes
	bank, cash  store.Money
	fee         store.Money
	subtotalNet store.Money // Σ subtotal of issued invoices − credit notes
}

func (l *accountingLedger) figures(t *testing.T) figures {
	t.Helper()
	f := figures{receivable: map[string]store.Money{}, sales: map[int]store.Money{}, tax: map[int]store.Money{}}
	for _, c := range []store.Customer{l.c1, l.c2} {
		cb, err := l.st.CustomerBalance(l.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		f.receivable[c.Code] = cb.Receivable - cb.Unapplied
	}
	ds, err := l.st.DocumentSummaries(l.ctx, store.DocumentFilter{Status: store.StatusIssued})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ds {
		sign := store.Money(1)
		switch s.Kind {
		case store.KindCreditNote:
			sign = -1
		case store.KindInvoice:
		default:
			continue
		}
		d, err := l.st.Document(l.ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		f.subtotalNet += sign * d.Totals.Subtotal
		for _, tl := range d.Totals.Taxes {
			f.sales[tl.Rate] += sign * tl.Net
			f.tax[tl.Rate] += sign * tl.Tax
		}
	}
	ps, err := l.st.Payments(l.ctx, store.PaymentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if p.Method == store.PayCash {
			f.cash += p.Amount
		} else {
			f.bank += p.Amount
		}
	}
	as, err := l.st.Adjustments(l.ctx, l.i4.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		f.fee += a.Amount
	}
	return f
}

// needHledger skips the test when hledger is missing (.ci/run installs it).
func needHledger(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("hledger"); err != nil {
		t.Skip("hledger is not installed (apt-get install hledger); the journal checks need it")
	}
}

// hledger is the command running hledger on the journal at path. hledger
// reads files in the locale's encoding: the journal is UTF-8, whatever the
// machine's LANG (C in a bare CI container).
func hledger(path string, args ...string) *exec.Cmd {
	cmd := exec.Command("hledger", append([]string{"-f", path}, args...)...)
	cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
	return cmd
}

// hledgerBalances runs hledger balance on the journal: every account's
// balance in minor units (yen).
func hledgerBalances(t *testing.T, path string) map[string]store.Money {
	t.Helper()
	out, err := hledger(path, "balance", "--flat", "-O", "csv").Output()
	if err != nil {
		t.Fatalf("hledger balance: %v: %s", err, stderrOf(err))
	}
	recs, err := csv.NewReader(bytes.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("hledger balance -O csv: %v\n%s", err, out)
	}
	amount := regexp.MustCompile(`^(-?[0-9]+) JPY$`)
	bal := map[string]store.Money{}
	for _, r := range recs[1:] { // "account","balance"
		if len(r) != 2 || r[0] == "total" || r[0] == "Total:" {
			continue
		}
		m := amount.FindStringSubmatch(r[1])
		if m == nil {
			if r[1] == "0" {
				continue
			}
			t.Fatalf("hledger balance of %s: %q", r[0], r[1])
		}
		n, _ := strconv.ParseInt(m[1], 10, 64)
		bal[r[0]] = store.Money(n)
	}
	return bal
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}

// The hledger journal passes hledger's strict checks, in both languages,
// and its balances are daicho's: the receivable of each customer is what is
// open less what it paid ahead (the aging figures), sales and tax per rate
// are the issued documents', the bank holds the payments.
func TestHledgerJournal(t *testing.T) {
	needHledger(t)
	l := newAccountingLedger(t)
	want := l.figures(t)
	for _, lang := range []string{"ja", "en"} {
		t.Run(lang, func(t *testing.T) {
			var buf bytes.Buffer
			if err := ExportJournal(l.ctx, &buf, l.st, JournalHledger, time.Time{}, time.Time{}, lang); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "daicho.journal")
			if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
			if out, err := hledger(path, "check", "-s", "accounts", "commodities").CombinedOutput(); err != nil {
				t.Fatalf("hledger check: %v\n%s\n%s", err, out, buf.String())
			}
			if strings.Contains(buf.String(), l.i2.Number) {
				t.Errorf("the void invoice %s is in the journal", l.i2.Number)
			}
			for _, s := range []string{l.i1.Number, l.cn.Number, "株式会社テスト"} {
				if !strings.Contains(buf.String(), s) {
					t.Errorf("the journal lacks %q", s)
				}
			}
			n := HledgerJapanese
			if lang == "en" {
				n = HledgerEnglish
			}
			bal := hledgerBalances(t, path)
			var receivable store.Money
			for code, r := range want.receivable {
				got := bal[n.Assets+":"+n.Receivable+":"+code]
				if got != r {
					t.Errorf("%s receivable %d, daicho says %d", code, got, r)
				}
				receivable += got
			}
			var aging store.Money
			bs, err := l.st.InvoiceBalances(l.ctx, store.BalanceFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bs {
				aging += b.Open
			}
			unapplied := store.Money(2_701 + 3_000)
			if receivable != aging-unapplied {
				t.Errorf("Σ receivable %d, want Σ open %d − unapplied %d", receivable, aging, unapplied)
			}
			var sales store.Money
			for rate, net := range want.sales {
				got := bal[fmt.Sprintf("%s:%s:%d%%", n.Revenue, n.Sales, rate)]
				sales += got
				if got != -net {
					t.Errorf("sales %d%%: %d, want −%d", rate, got, net)
				}
				if got := bal[fmt.Sprintf("%s:%s:%d%%", n.Liabilities, n.OutputTax, rate)]; got != -want.tax[rate] {
					t.Errorf("output tax %d%%: %d, want −%d", rate, got, want.tax[rate])
				}
			}
			if sales != -want.subtotalNet || want.subtotalNet != 10_000+3_240-2_000+30_000+20_000 {
				t.Errorf("Σ sales %d, Σ subtotal %d", sales, want.subtotalNet)
			}
			if got := bal[n.Assets+":"+n.Bank]; got != want.bank || got != 10_000+21_120+15_000 {
				t.Errorf("bank %d, Σ payments %d", got, want.bank)
			}
			if got := bal[n.Assets+":"+n.Cash]; got != want.cash || got != 3_000 {
				t.Errorf("cash %d, want %d", got, want.cash)
			}
			if got := bal[n.Expenses+":"+n.TransferFee]; got != want.fee || got != 880 {
				t.Errorf("transfer fees %d, want %d", got, want.fee)
			}
		})
	}
}

// The hledger text itself: a void invoice books nothing, a description
// cannot start a comment, amounts keep their decimals.
func TestHledgerWriterText(t *testing.T) {
	var buf bytes.Buffer
	h := NewHledgerWriter(&buf, store.Currency{Code: "USD", Decimals: 2}, HledgerEnglish, time.Time{}, time.Time{})
	e := store.JournalEntry{Date: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), Kind: store.JournalInvoice,
		Ref: "I-2026-0001", CustomerCode: "C0001", PrintedName: "A;B\tCo.", Memo: "line1\nline2",
		Postings: []store.Posting{{Account: store.AccountReceivable, Amount: 1105},
			{Account: store.AccountSales, Rate: 10, Amount: -1005}, {Account: store.AccountOutputTax, Rate: 10, Amount: -100}}}
	if err := h.Write(e); err != nil {
		t.Fatal(err)
	}
	if err := h.Close(); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	for _, want := range []string{"commodity 1000.00 USD\n", "account assets:receivable:C0001\n",
		"2026-11-05 (I-2026-0001) A；B Co. line1 line2\n", "    assets:receivable:C0001  11.05 USD\n",
		"    revenue:sales:10%  -10.05 USD\n", "    liabilities:output tax:10%  -1.00 USD\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// yayoiRows reads a 弥生 import file back: Shift_JIS, CRLF.
func yayoiRows(t *testing.T, data []byte) [][]string {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("a line does not end in CRLF")
	}
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// The 弥生 file: 25 columns a row, flags that frame each entry, each 伝票No
// balanced, amounts and tax that are the ledger's.
func TestYayoiJournal(t *testing.T) {
	l := newAccountingLedger(t)
	var buf bytes.Buffer
	if err := ExportJournal(l.ctx, &buf, l.st, JournalYayoi, time.Time{}, time.Time{}, "en"); err != nil {
		t.Fatal(err)
	}
	rows := yayoiRows(t, buf.Bytes())
	money := func(s string) store.Money {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("amount %q", s)
		}
		return store.Money(n)
	}
	type sums struct{ debit, credit store.Money }
	byVoucher := map[string]*sums{}
	var vouchers []string
	accounts := map[string]store.Money{} // debit − credit per account (and 補助科目)
	taxes := map[string]store.Money{}    // tax amounts per 税区分, debit − credit
	prevFlag := "2000"
	for i, r := range rows {
		if len(r) != 25 {
			t.Fatalf("row %d has %d columns: %q", i+1, len(r), r)
		}
		flag := r[0]
		switch {
		case flag == "2000" || flag == "2110":
			if prevFlag != "2000" && prevFlag != "2101" {
				t.Errorf("row %d: %s after %s (the previous entry did not end)", i+1, flag, prevFlag)
			}
		case flag == "2100" || flag == "2101":
			if prevFlag != "2110" && prevFlag != "2100" {
				t.Errorf("row %d: %s after %s", i+1, flag, prevFlag)
			}
		default:
			t.Errorf("row %d: flag %q", i+1, flag)
		}
		prevFlag = flag
		if _, err := time.Parse("2006/01/02", r[3]); err != nil {
			t.Errorf("row %d: date %q", i+1, r[3])
		}
		if r[19] != "0" || r[22] != "0" || r[23] != "0" || r[24] != "no" || r[2] != "" {
			t.Errorf("row %d: fixed columns %q", i+1, r)
		}
		s := byVoucher[r[1]]
		if s == nil {
			s = &sums{}
			byVoucher[r[1]] = s
			vouchers = append(vouchers, r[1])
		}
		dr, cr := money(r[8]), money(r[14])
		s.debit += dr
		s.credit += cr
		if r[4] != "" {
			accounts[r[4]+"/"+r[5]] += dr
			taxes[r[7]] += money(r[9])
		}
		if r[10] != "" {
			accounts[r[10]+"/"+r[11]] -= cr
			taxes[r[13]] -= money(r[15])
		}
		if r[4] == "" && dr != 0 || r[10] == "" && cr != 0 {
			t.Errorf("row %d: an amount without an account: %q", i+1, r)
		}
	}
	if prevFlag != "2000" && prevFlag != "2101" {
		t.Errorf("the file ends inside an entry (%s)", prevFlag)
	}
	for _, v := range vouchers {
		if s := byVoucher[v]; s.debit != s.credit {
			t.Errorf("伝票No %s: debit %d, credit %d", v, s.debit, s.credit)
		}
	}
	// I1, C1, I3, I4, P2, P3, the fee, P4, P1, P5, the reversal.
	if len(vouchers) != 11 {
		t.Errorf("%d entries, want 11", len(vouchers))
	}
	want := l.figures(t)
	checks := []struct {
		key  string
		want store.Money
	}{
		{"売掛金/株式会社テスト", want.receivable["C0001"]},
		{"売掛金/有限会社ほか", want.receivable["C0002"]},
		{"売上高/", -(want.sales[10] + want.tax[10] + want.sales[8] + want.tax[8])},
		{"普通預金/", want.bank},
		{"現金/", want.cash},
		{"支払手数料/", 880},
	}
	for _, c := range checks {
		if got := accounts[c.key]; got != c.want {
			t.Errorf("%s: %d, want %d", c.key, got, c.want)
		}
	}
	if got := taxes["課税売上込10%"]; got != -want.tax[10] {
		t.Errorf("tax of 課税売上込10%%: %d, want −%d", got, want.tax[10])
	}
	if got := taxes["課税売上込8%(軽)"]; got != -want.tax[8] || got != -259 {
		t.Errorf("tax of 課税売上込8%%(軽): %d, want −%d", got, want.tax[8])
	}
	if got := taxes["課対仕入込10%"]; got != 80 {
		t.Errorf("tax in the transfer fee: %d, want 80 (880 × 10/110)", got)
	}
	// The two-rate invoice is one entry of two rows.
	var i1 [][]string
	for _, r := range rows {
		if strings.HasPrefix(r[16], l.i1.Number) {
			i1 = append(i1, r)
		}
	}
	if len(i1) != 2 || i1[0][0] != "2110" || i1[1][0] != "2101" || i1[0][4] != "売掛金" || i1[0][8] != "14499" ||
		i1[1][4] != "" || i1[0][14] != "11000" || i1[0][15] != "1000" || i1[1][14] != "3499" || i1[1][15] != "259" {
		t.Errorf("I1 rows %q", i1)
	}
}

func TestYayoiRefusesOtherCurrencies(t *testing.T) {
	_, err := NewYayoiWriter(&bytes.Buffer{}, store.Currency{Code: "USD", Decimals: 2})
	if e, ok := store.AsError(err); !ok || e.Reason != "export.yayoi_yen" {
		t.Errorf("USD: %v", err)
	}
}

// A name Shift_JIS cannot hold stops the 弥生 file with the 伝票No and column.
func TestYayoiUnencodable(t *testing.T) {
	y, err := NewYayoiWriter(&bytes.Buffer{}, store.JPY)
	if err != nil {
		t.Fatal(err)
	}
	e := store.JournalEntry{Date: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), Kind: store.JournalPayment,
		CustomerCode: "C0001", CustomerName: "𠮷野家", PaymentID: 7,
		Postings: []store.Posting{{Account: store.AccountBank, Amount: 100}, {Account: store.AccountReceivable, Amount: -100}}}
	err = y.Write(e)
	se, ok := store.AsError(err)
	if !ok || se.Reason != "export.not_sjis" || se.Args[0] != 1 || se.Args[1] != "1" || se.Args[2] != "貸方補助科目" ||
		se.Args[3] != "𠮷" {
		t.Errorf("err %v", err)
	}
}

// 補助科目 and 摘要 carry names and memos from outside daicho: a formula
// there is neutralised as in every CSV export (issue 15).
func TestYayoiDefusesFormulas(t *testing.T) {
	var buf bytes.Buffer
	y, err := NewYayoiWriter(&buf, store.JPY)
	if err != nil {
		t.Fatal(err)
	}
	link := `=HYPERLINK("http://evil.example","x")`
	e := store.JournalEntry{Date: time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC), CustomerCode: "C0001",
		CustomerName: link, PrintedName: "@SUM(1+1)",
		Postings: []store.Posting{{Account: store.AccountReceivable, Amount: 100}, {Account: store.AccountBank, Amount: -100}}}
	if err := y.Write(e); err != nil {
		t.Fatal(err)
	}
	if err := y.Close(); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil || len(rows) != 1 {
		t.Fatalf("rows %v, %v", rows, err)
	}
	if sub, summary := rows[0][5], rows[0][16]; sub != "'"+link || summary != "'@SUM(1+1)" {
		t.Errorf("補助科目 %q, 摘要 %q: want both behind an apostrophe", sub, summary)
	}
}
