package exchange

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"daicho/store"
)

// Journal formats, --format of `export journal`.
const (
	JournalHledger = "hledger" // a plain-text journal for hledger (and ledger)
	JournalYayoi   = "yayoi"   // 弥生会計's 仕訳日記帳 import (Shift_JIS CSV)
)

// JournalFormats lists the formats in the order the help names them.
var JournalFormats = []string{JournalHledger, JournalYayoi}

// ExportJournal writes the ledger's entries dated from–to (inclusive; zero
// bounds are open) in format. lang ("ja" or "en") picks the hledger account
// names; 弥生会計's are Japanese whatever the language.
func ExportJournal(ctx context.Context, w io.Writer, st *store.Store, format string, from, to time.Time, lang string) error {
	cur := store.JPY
	co, err := st.Company(ctx)
	if e, ok := store.AsError(err); err != nil && (!ok || e.Code != store.CodeNotFound) {
		return err // no settings yet: yen
	}
	if c, ok := store.CurrencyByCode(co.Currency); ok {
		cur = c
	}
	switch format {
	case JournalHledger:
		names := HledgerJapanese
		if lang == "en" {
			names = HledgerEnglish
		}
		hw := NewHledgerWriter(w, cur, names, from, to)
		if err := st.Journal(ctx, from, to, hw.Write); err != nil {
			return err
		}
		return hw.Close()
	case JournalYayoi:
		yw, err := NewYayoiWriter(w, cur)
		if err != nil {
			return err
		}
		if err := st.Journal(ctx, from, to, yw.Write); err != nil {
			return err
		}
		return yw.Close()
	}
	return fmt.Errorf("exchange: no journal format %q (%s)", format, strings.Join(JournalFormats, ", "))
}

// HledgerNames are the account names and words of an hledger journal. Each
// name is one account segment: no colon, never two spaces in a row (hledger
// ends an account name at two spaces).
type HledgerNames struct {
	// The top-level accounts, declared with their hledger types (A, L, R, X)
	// so that `hledger bs` and `hledger is` sort them.
	Assets, Liabilities, Revenue, Expenses string
	Receivable, Bank, Cash                 string // under Assets; Receivable has one sub-account per customer code
	OutputTax                              string // under Liabilities, one sub-account per rate ("10%")
	Sales, SalesDiscount                   string // under Revenue; Sales per rate
	TransferFee, BadDebt                   string // under Expenses
	// Words of the descriptions.
	Payment, Reversal, TransferFeeWord, DiscountWord, BadDebtWord string
}

// HledgerJapanese: 資産:売掛金:C0001, 収益:売上高:10%, 負債:仮受消費税:10%, ….
var HledgerJapanese = HledgerNames{
	Assets: "資産", Liabilities: "負債", Revenue: "収益", Expenses: "費用",
	Receivable: "売掛金", Bank: "普通預金", Cash: "現金", OutputTax: "仮受消費税",
	Sales: "売上高", SalesDiscount: "売上値引", TransferFee: "支払手数料", BadDebt: "貸倒損失",
	Payment: "入金", Reversal: "入金取消", TransferFeeWord: "振込手数料", DiscountWord: "値引", BadDebtWord: "貸倒",
}

// HledgerEnglish: assets:receivable:C0001, revenue:sales:10%, ….
var HledgerEnglish = HledgerNames{
	Assets: "assets", Liabilities: "liabilities", Revenue: "revenue", Expenses: "expenses",
	Receivable: "receivable", Bank: "bank", Cash: "cash", OutputTax: "output tax",
	Sales: "sales", SalesDiscount: "sales discounts", TransferFee: "transfer fees", BadDebt: "bad debts",
	Payment: "payment", Reversal: "payment reversal", TransferFeeWord: "transfer fee", DiscountWord: "discount",
	BadDebtWord: "bad debt",
}

// HledgerWriter writes journal entries as an hledger journal: the
// commodity and every account declared first (so `hledger check accounts
// commodities` passes), then one transaction per entry:
//
//	2026-11-05 (I-2026-0002) 株式会社テスト 保守作業
//	    資産:売掛金:C0001         22000 JPY
//	    収益:売上高:10%          -20000 JPY
//	    負債:仮受消費税:10%       -2000 JPY
//
// The transactions are held in memory until Close, since the declarations
// that come first depend on the accounts they use.
type HledgerWriter struct {
	w        io.Writer
	cur      store.Currency
	names    HledgerNames
	from, to time.Time
	body     bytes.Buffer
	accounts map[string]bool
}

// NewHledgerWriter starts a journal for the period from–to (named in its
// first comment) in cur, with names.
func NewHledgerWriter(w io.Writer, cur store.Currency, names HledgerNames, from, to time.Time) *HledgerWriter {
	return &HledgerWriter{w: w, cur: cur, names: names, from: from, to: to, accounts: map[string]bool{}}
}

// Write adds one entry.
func (h *HledgerWriter) Write(e store.JournalEntry) error {
	b := &h.body
	b.WriteString(store.FormatDate(e.Date))
	code, words := h.describe(e)
	if code != "" {
		b.WriteString(" (" + hledgerText(code) + ")")
	}
	if d := hledgerText(strings.Join(words, " ")); d != "" {
		b.WriteString(" " + d)
	}
	b.WriteByte('\n')
	for _, p := range e.Postings {
		name, err := h.account(p, e.CustomerCode)
		if err != nil {
			return err
		}
		h.accounts[name] = true
		fmt.Fprintf(b, "    %s  %s %s\n", name, hledgerAmount(p.Amount, h.cur.Decimals), h.cur.Code)
	}
	b.WriteByte('\n')
	return nil
}

// describe is the transaction's code (the document number, or the
// payment's #id) and the words of its description.
func (h *HledgerWriter) describe(e store.JournalEntry) (code string, words []string) {
	n := h.names
	switch e.Kind {
	case store.JournalPayment:
		return "#" + strconv.FormatInt(e.PaymentID, 10), []string{n.Payment, e.CustomerName, e.Memo}
	case store.JournalReversal:
		return "#" + strconv.FormatInt(e.PaymentID, 10),
			[]string{n.Reversal, "#" + strconv.FormatInt(e.ReversesID, 10), e.CustomerName, e.Memo}
	case store.JournalTransferFee:
		return e.Ref, []string{n.TransferFeeWord, e.PrintedName, e.Memo}
	case store.JournalDiscount:
		return e.Ref, []string{n.DiscountWord, e.PrintedName, e.Memo}
	case store.JournalBadDebt:
		return e.Ref, []string{n.BadDebtWord, e.PrintedName, e.Memo}
	}
	return e.Ref, []string{e.PrintedName, e.Memo}
}

// account is the full name of a posting's account.
func (h *HledgerWriter) account(p store.Posting, customer string) (string, error) {
	n := h.names
	rate := strconv.Itoa(p.Rate) + "%"
	switch p.Account {
	case store.AccountReceivable:
		return n.Assets + ":" + n.Receivable + ":" + hledgerSegment(customer), nil
	case store.AccountBank:
		return n.Assets + ":" + n.Bank, nil
	case store.AccountCash:
		return n.Assets + ":" + n.Cash, nil
	case store.AccountOutputTax:
		return n.Liabilities + ":" + n.OutputTax + ":" + rate, nil
	case store.AccountSales:
		return n.Revenue + ":" + n.Sales + ":" + rate, nil
	case store.AccountSalesDiscount:
		return n.Revenue + ":" + n.SalesDiscount, nil
	case store.AccountTransferFee:
		return n.Expenses + ":" + n.TransferFee, nil
	case store.AccountBadDebt:
		return n.Expenses + ":" + n.BadDebt, nil
	}
	return "", fmt.Errorf("exchange: hledger: no name for account %q", p.Account)
}

// Close writes the declarations and the transactions.
func (h *HledgerWriter) Close() error {
	var head bytes.Buffer
	head.WriteString("; daicho journal")
	if !h.from.IsZero() || !h.to.IsZero() {
		fmt.Fprintf(&head, ", %s – %s", store.FormatDate(h.from), store.FormatDate(h.to))
	}
	head.WriteString("\n; amounts: a debit positive, a credit negative\n\n")
	// hledger wants the decimal point even without decimals ("1000."), so
	// that it knows which mark is the decimal one.
	sample := "1000." + strings.Repeat("0", max(h.cur.Decimals, 0))
	fmt.Fprintf(&head, "commodity %s %s\n\n", sample, h.cur.Code)
	n := h.names
	for _, top := range []struct{ name, typ string }{{n.Assets, "A"}, {n.Liabilities, "L"}, {n.Revenue, "R"},
		{n.Expenses, "X"}} {
		fmt.Fprintf(&head, "account %s  ; type: %s\n", top.name, top.typ)
	}
	names := make([]string, 0, len(h.accounts))
	for name := range h.accounts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&head, "account %s\n", name)
	}
	head.WriteByte('\n')
	if _, err := h.w.Write(head.Bytes()); err != nil {
		return err
	}
	_, err := h.w.Write(h.body.Bytes())
	return err
}

// hledgerAmount writes minor units as a plain decimal: -12345, 123.45.
func hledgerAmount(m store.Money, decimals int) string {
	s := strconv.FormatInt(int64(m), 10)
	if decimals <= 0 {
		return s
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) <= decimals {
		s = strings.Repeat("0", decimals+1-len(s)) + s
	}
	s = s[:len(s)-decimals] + "." + s[len(s)-decimals:]
	if neg {
		s = "-" + s
	}
	return s
}

// hledgerText makes text safe in a transaction's first line: control
// characters and runs of spaces become one space, and ';' (which would start
// a comment) its full-width twin.
func hledgerText(s string) string {
	s = strings.ReplaceAll(s, ";", "；")
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
}

// hledgerSegment makes text one account segment: no colon (a sub-account),
// no run of spaces (the end of the name). Customer codes are [A-Z0-9_-]
// already; this is for safety.
func hledgerSegment(s string) string {
	return strings.ReplaceAll(hledgerText(s), ":", "_")
}
