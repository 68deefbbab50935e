package pdf

import (
	"fmt"
	"io"
	"time"

	"daicho/store"
)

// Statement is a statement of account (取引明細書): a customer's invoices,
// credit notes, payments and shortfall adjustments over a period, with the
// balance carried forward (BuildStatement gathers it from the ledger).
type Statement struct {
	Company  store.Company
	Customer store.Customer
	From, To time.Time
	Opening  store.Money // the balance before From
	Entries  []StatementEntry
	Issued   time.Time // the statement's date (also its PDF creation date)
}

// StatementEntry is one line of a statement: invoices are debits; credit
// notes, payments and shortfall adjustments credits; a payment's reversal a
// negative credit (it takes back what the payment had credited). The running
// balance is computed when printed.
type StatementEntry struct {
	Kind        string // Entry…: what record the line stands for
	Date        time.Time
	Number      string // the document's; an adjustment's invoice's; none for a payment
	Description string // a document's subject; what a payment or adjustment was (may hold a line break)
	Debit       store.Money
	Credit      store.Money
}

// Kinds of statement entries.
const (
	EntryInvoice    = "invoice"
	EntryCreditNote = "credit_note"
	EntryPayment    = "payment"
	EntryReversal   = "payment_reversal" // a payment's reversal
	EntryAdjustment = "adjustment"       // a transfer fee or discount closing a shortfall
)

// Statement table columns, in millimetres; the description takes the rest.
const (
	stDateW   = 28.0 // "2026年11月30日" at full size
	stNumberW = 27.0
	stMoneyW  = 24.0 // "999,999,999" at full size; larger figures shrink to fit
	stDescW   = contentWidth - stDateW - stNumberW - 3*stMoneyW
)

// RenderStatement writes the statement as a PDF in the customer's language.
func RenderStatement(w io.Writer, s Statement) error {
	cur, ok := store.CurrencyByCode(s.Company.Currency)
	if !ok {
		return fmt.Errorf("pdf: statement: unknown currency %q", s.Company.Currency)
	}
	l := labelsFor(s.Customer.Language)
	rows, sums, err := statementRows(l, s, cur)
	if err != nil {
		return err
	}
	// The document's strings, so the font's first cut has what it prints.
	hint := fmt.Sprint(s, l, l.date(s.Issued))
	return renderFitted(w, hint, docInfo{title: l.statementTitle, author: s.Company.Name, subject: s.Customer.Name, created: s.Issued},
		"", footer{left: l.statementTitle + " " + s.Customer.Code, page: l.page}, func(c *canvas) {
			c.titleBlock(l.statementTitle, "")
			fields := []field{{l.issueDate, l.date(s.Issued)}, {l.period, l.date(s.From) + " – " + l.date(s.To)}}
			c.partiesBlock(l, customerParty(s.Customer), fields, s.Company)
			c.amountBox(l.balanceDue, sums.closing.Format(cur), "", nil)
			c.table(statementColumns(l), rows)
			side := c.legendAndBank(l, false, s.Company.BankAccounts)
			c.closingBlock(sums.rows(l, cur), side, "", l)
		})
}

// statementSums are the period's figures.
type statementSums struct {
	opening, debits, credits, closing store.Money
}

func (s statementSums) rows(l *labels, cur store.Currency) []summaryRow {
	return []summaryRow{
		{label: l.openingBalance, amount: s.opening.Format(cur)},
		{label: l.periodDebits, amount: s.debits.Format(cur)},
		{label: l.periodCredits, amount: s.credits.Format(cur)},
		{label: l.closingBalance, amount: s.closing.Format(cur), shaded: true},
	}
}

func statementColumns(l *labels) []column {
	return []column{
		{label: l.colDate, width: stDateW, align: alignLeft},
		{label: l.colDocNumber, width: stNumberW, align: alignLeft},
		{label: l.colStatementDesc, width: stDescW, align: alignLeft, wraps: true},
		{label: l.colDebit, width: stMoneyW, align: alignRight},
		{label: l.colCredit, width: stMoneyW, align: alignRight},
		{label: l.colBalance, width: stMoneyW, align: alignRight},
	}
}

// statementRows are the opening balance row, then one row per entry with
// the running balance (debits add, credits subtract); the sums come along.
func statementRows(l *labels, s Statement, cur store.Currency) ([]row, statementSums, error) {
	sums := statementSums{opening: s.Opening, closing: s.Opening}
	rows := []row{{cells: []string{l.date(s.From), "", l.openingBalance, "", "", s.Opening.Plain(cur)}, shaded: true}}
	var err error
	for _, e := range s.Entries {
		if sums.closing, err = addMoney(sums.closing, e.Debit, -e.Credit); err != nil {
			return nil, sums, err
		}
		if sums.debits, err = addMoney(sums.debits, e.Debit); err != nil {
			return nil, sums, err
		}
		if sums.credits, err = addMoney(sums.credits, e.Credit); err != nil {
			return nil, sums, err
		}
		rows = append(rows, row{cells: []string{l.date(e.Date), e.Number, e.Description,
			blankZero(e.Debit, cur), blankZero(e.Credit, cur), sums.closing.Plain(cur)}})
	}
	return rows, sums, nil
}

// blankZero leaves a zero debit or credit cell empty, as ledgers do.
func blankZero(m store.Money, cur store.Currency) string {
	if m == 0 {
		return ""
	}
	return m.Plain(cur)
}

// addMoney sums amounts, refusing to wrap around: a printed balance that
// overflowed would be a wrong figure, not a crash to ignore.
func addMoney(a store.Money, bs ...store.Money) (store.Money, error) {
	for _, b := range bs {
		s := a + b
		if (b > 0 && s < a) || (b < 0 && s > a) {
			return 0, fmt.Errorf("pdf: amounts too large to add (%d + %d)", a, b)
		}
		a = s
	}
	return a, nil
}
