package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The ledger as double-entry bookkeeping, for the accountant's software
// (`daicho export journal`): every sale, credit, receipt and shortfall
// adjustment of a period as a balanced entry. The store decides what is
// debited and credited; store/exchange names the accounts (hledger in the
// user's language, 弥生会計's 勘定科目) and writes the files.
//
// Only what stands now is booked: an issued invoice or credit note, every
// payment record (a reversal is booked as a record of its own, negative),
// and the adjustments of issued invoices. A void document books nothing,
// even when it was issued in an earlier export's period and voided since: a
// void invoice never was a sale, so a journal exported again after a void
// simply lacks it (re-export the period rather than booking a correction).

// Account is what a posting is about; the writers give it a name.
type Account string

const (
	AccountReceivable    Account = "receivable"     // 売掛金, per customer
	AccountSales         Account = "sales"          // 売上高, per tax rate
	AccountOutputTax     Account = "output_tax"     // 仮受消費税, per tax rate
	AccountBank          Account = "bank"           // 普通預金: transfers, cards, direct debits
	AccountCash          Account = "cash"           // 現金
	AccountTransferFee   Account = "transfer_fee"   // 支払手数料: a fee the payer deducted
	AccountSalesDiscount Account = "sales_discount" // 売上値引: a shortfall forgiven
	AccountBadDebt       Account = "bad_debt"       // 貸倒損失: a receivable written off as lost
)

// Kinds of journal entry: what it books.
const (
	JournalInvoice     = KindInvoice       // Dr receivable total / Cr sales and tax per rate
	JournalCreditNote  = KindCreditNote    // the reverse of an invoice
	JournalPayment     = "payment"         // Dr bank or cash / Cr receivable
	JournalReversal    = "reversal"        // a payment's reversal record: the same, negative
	JournalTransferFee = AdjustTransferFee // Dr transfer fee / Cr receivable
	JournalDiscount    = AdjustDiscount    // Dr sales discount / Cr receivable
	JournalBadDebt     = AdjustBadDebt     // Dr bad debt / Cr receivable
)

// Posting is one line of an entry.
type Posting struct {
	Account Account
	// Rate is the tax rate of a sales or output-tax posting, and the rate of
	// the tax included in a transfer fee (the standard rate on its date) or a
	// discount (the rate of the largest part of its invoice).
	Rate    int
	Reduced bool  // Rate is a reduced rate (軽減税率)
	Amount  Money // a debit positive, a credit negative
}

// JournalEntry is one balanced entry: its postings sum to zero, and none is
// zero.
type JournalEntry struct {
	Date time.Time
	Kind string // Journal…
	// Ref is the document's number (an adjustment: its invoice's); "" for
	// payments, which PaymentID names.
	Ref        string
	PaymentID  int64 // payments and reversals: the record
	ReversesID int64 // reversals: the payment reversed
	// The customer: the receivable's sub-account, by its code and the
	// master's current name (弥生's 補助科目 must be one name per customer).
	CustomerCode string
	CustomerName string
	// PrintedName is the customer's name as the document printed it (its
	// snapshot); the master's name for payments.
	PrintedName string
	// Memo: a document's subject, a payment's payer name, a reversal's or
	// adjustment's reason.
	Memo     string
	Postings []Posting
}

// Journal calls each for every entry dated from–to (inclusive; a zero
// bound is open), by date; on one date the documents (by number), then the
// payments (as entered), then the adjustments.
func (s *Store) Journal(ctx context.Context, from, to time.Time, each func(JournalEntry) error) error {
	taxes, err := loadTaxTable(ctx, s.db)
	if err != nil {
		return err
	}
	lo, hi := periodBounds(from, to)
	// One query, so the entries come from one snapshot of the ledger and in
	// order: the documents with one row per rate (document_taxes), the
	// payments, the adjustments.
	rows, err := s.db.QueryContext(ctx, `SELECT * FROM (
		SELECT d.issue_date AS date, 0 AS src, d.number AS ref, d.id AS id, d.kind AS kind, 0 AS reverses,
			c.code AS code, c.name AS name, coalesce(json_extract(cs.body, '$.name'), c.name) AS printed,
			d.subject AS memo, '' AS method, d.total AS amount, t.rate AS rate,
			coalesce(t.net, 0) AS net, coalesce(t.tax, 0) AS tax,
			EXISTS (SELECT 1 FROM document_lines l JOIN tax_categories k ON k.code = l.tax_category
				WHERE l.document_id = d.id AND l.tax_rate = t.rate AND k.reduced = 1) AS reduced
		FROM documents d JOIN customers c ON c.id = d.customer_id
		LEFT JOIN snapshots cs ON cs.id = d.customer_snapshot
		LEFT JOIN document_taxes t ON t.document_id = d.id
		WHERE d.kind IN ('invoice', 'credit_note') AND d.status = 'issued' AND d.issue_date >= ?1 AND d.issue_date <= ?2
		UNION ALL
		SELECT p.date, 1, '', p.id, iif(p.reverses_id IS NULL, 'payment', 'reversal'), coalesce(p.reverses_id, 0),
			c.code, c.name, c.name, iif(p.reverses_id IS NULL, p.payer_name, p.reason), p.method, p.amount,
			NULL, 0, 0, 0
		FROM payments p JOIN customers c ON c.id = p.customer_id
		WHERE p.date >= ?1 AND p.date <= ?2
		UNION ALL
		SELECT a.date, 2, d.number, a.id, a.kind, 0, c.code, c.name,
			coalesce(json_extract(cs.body, '$.name'), c.name), a.reason, '', a.amount, a.rate, 0, 0,
			EXISTS (SELECT 1 FROM document_lines l JOIN tax_categories k ON k.code = l.tax_category
				WHERE l.document_id = d.id AND l.tax_rate = a.rate AND k.reduced = 1)
		FROM (SELECT a.*, (SELECT t.rate FROM document_taxes t WHERE t.document_id = a.invoice_id
				ORDER BY t.net + t.tax DESC, t.rate DESC LIMIT 1) AS rate
			FROM adjustments a WHERE a.date >= ?1 AND a.date <= ?2) a
		JOIN documents d ON d.id = a.invoice_id AND d.status = 'issued'
		JOIN customers c ON c.id = d.customer_id
		LEFT JOIN snapshots cs ON cs.id = d.customer_snapshot
	) ORDER BY date, src, ref, id, rate DESC`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()

	var e JournalEntry
	var open bool // e holds a document entry still collecting its rates
	var total Money
	var src int
	flush := func() error {
		if !open {
			return nil
		}
		open = false
		var sum Money
		for _, p := range e.Postings {
			sum += p.Amount
		}
		if sum != 0 {
			return fmt.Errorf("store: journal: %s: its per-rate figures do not add up to its total %d (off by %d)",
				e.Ref, total, sum)
		}
		return emit(e, each)
	}
	var lastID int64 = -1
	for rows.Next() {
		var date, kind, method string
		var id, reverses, amount, net, tax int64
		var rate sql.NullInt64
		var reduced bool
		var next JournalEntry
		if err := rows.Scan(&date, &src, &next.Ref, &id, &kind, &reverses, &next.CustomerCode, &next.CustomerName,
			&next.PrintedName, &next.Memo, &method, &amount, &rate, &net, &tax, &reduced); err != nil {
			return err
		}
		if src == 0 && open && id == lastID {
			addRate(&e, int(rate.Int64), reduced, Money(net), Money(tax))
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		lastID = id
		next.Date, next.Kind = mustDate(date), kind
		e = next
		switch src {
		case 0: // a document: the receivable now, the rates as they come
			total = Money(amount)
			sign := Money(1)
			if kind == KindCreditNote {
				sign = -1
			}
			e.Postings = []Posting{{Account: AccountReceivable, Amount: sign * total}}
			if rate.Valid {
				addRate(&e, int(rate.Int64), reduced, Money(net), Money(tax))
			}
			open = true
		case 1: // a payment or its reversal (negative)
			e.PaymentID, e.ReversesID = id, reverses
			account := AccountBank
			if method == PayCash {
				account = AccountCash
			}
			e.Postings = []Posting{{Account: account, Amount: Money(amount)},
				{Account: AccountReceivable, Amount: -Money(amount)}}
			if err := emit(e, each); err != nil {
				return err
			}
		default: // an adjustment
			p := Posting{Account: AccountSalesDiscount, Rate: int(rate.Int64), Reduced: reduced, Amount: Money(amount)}
			switch kind {
			case AdjustBadDebt: // the tax in it is the invoice's, as a discount's
				p.Account = AccountBadDebt
			case AdjustTransferFee:
				// A bank's fee carries the standard rate of its day.
				r, _ := taxes.RateOn(TaxStandard, e.Date)
				p = Posting{Account: AccountTransferFee, Rate: r, Amount: Money(amount)}
			}
			e.Postings = []Posting{p, {Account: AccountReceivable, Amount: -Money(amount)}}
			if err := emit(e, each); err != nil {
				return err
			}
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return flush()
}

// addRate books one rate of a document: its net as sales, its tax as output
// tax, on the side opposite the receivable.
func addRate(e *JournalEntry, rate int, reduced bool, net, tax Money) {
	sign := Money(-1)
	if e.Kind == KindCreditNote {
		sign = 1
	}
	e.Postings = append(e.Postings,
		Posting{Account: AccountSales, Rate: rate, Reduced: reduced, Amount: sign * net},
		Posting{Account: AccountOutputTax, Rate: rate, Reduced: reduced, Amount: sign * tax})
}

// emit drops the zero postings (the tax of 0 %, a zero total) and hands on
// an entry that still books something.
func emit(e JournalEntry, each func(JournalEntry) error) error {
	kept := e.Postings[:0]
	for _, p := range e.Postings {
		if p.Amount != 0 {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return nil
	}
	e.Postings = kept
	return each(e)
}
