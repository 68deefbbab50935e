package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"
	"time"
)

// seriesOpeningBalance is the number series of opening balances (its
// counters row's kind, and OB as {kind} in the number format): OB-2026-0001.
//
// An opening balance is carried over from the books before daicho, not
// billed: no 請求書 was issued for it, so it must not take a number of the
// invoice series, which a Japanese bookkeeper (and the tax office) reads as
// the invoices actually sent, gapless. It still needs a number of its own,
// because daicho's model of it is an issued invoice: payments are allocated
// to it by number, the overdue list, statements, reminders and the bank
// matching name it by number, and check holds every issued document to a
// gapless series. So it has its own gapless counter instead of none.
// Its place in the series is opening_balances.seq (its invoice's
// documents.seq stays NULL: it is not in the invoices' series). Opening
// balances recorded before this series existed keep their I- numbers
// (opening_balances.seq NULL).
const seriesOpeningBalance = "opening_balance"

// OpeningBalance is what a customer owed on AsOf, before the office used
// daicho (`daicho import balances`). It becomes an issued invoice of one
// non-taxable line (開始残高), so payments settle it and every as-of figure
// counts it; the opening_balances table marks it.
type OpeningBalance struct {
	CustomerCode string `json:"customer_code"`
	AsOf         time.Time
	Amount       Money  `json:"amount"`
	Reference    string `json:"reference"` // e.g. the old system's invoice number
}

// ImportOpeningBalances records balances all or nothing: every row is
// checked first (the customer, the date, the amount, the reference), and
// then each is issued as its opening-balance invoice, in one transaction.
// lines gives each row's line as the user sees it (nil: 1, 2, 3, …); the
// problems come back as a BatchError by line. It returns the invoices.
func (s *Store) ImportOpeningBalances(ctx context.Context, bs []OpeningBalance, lines []int) ([]DocRef, error) {
	lineOf := func(i int) int {
		if lines != nil {
			return lines[i]
		}
		return i + 1
	}
	var refs []DocRef
	err := s.write(ctx, func(tx *Tx) error {
		var problems BatchError
		items := make([]importItem, len(bs))
		for i := range bs {
			b := &bs[i]
			var ck checker
			b.CustomerCode = strings.ToUpper(foldASCII(b.CustomerCode))
			var c Customer
			if b.CustomerCode == "" {
				ck.add("customer_code", "required")
			} else {
				var err error
				c, err = scanCustomer(tx.QueryRowContext(ctx, `SELECT `+customerColumns+` FROM customers WHERE code = ?`, b.CustomerCode))
				if err != nil && !errors.Is(err, sql.ErrNoRows) {
					return err
				}
				if err != nil {
					ck.add("customer_code", "customer.not_found", b.CustomerCode)
				}
			}
			switch {
			case b.AsOf.IsZero():
				ck.add("as_of", "required")
			case CheckDate("as_of", b.AsOf) != nil:
				ck.errs = append(ck.errs, CheckDate("as_of", b.AsOf))
			}
			if b.Amount <= 0 {
				ck.add("amount", "balance.positive")
			} else if e := CheckAmount("amount", b.Amount); e != nil {
				ck.errs = append(ck.errs, e)
			}
			ck.line("reference", &b.Reference, false, 100)
			for _, e := range ck.errs {
				problems = append(problems, RowError{lineOf(i), e})
			}
			items[i].doc, items[i].series = openingInvoice(c, *b), seriesOpeningBalance
		}
		if len(problems) > 0 {
			sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
			return problems
		}
		im, err := newImporter(tx, true)
		if err != nil {
			return err
		}
		defer im.close()
		if err := im.checkAll(items); err != nil {
			var batch BatchError
			if errors.As(err, &batch) {
				for k := range batch {
					batch[k].Line = lineOf(batch[k].Line - 1)
				}
			}
			return err
		}
		ids := make([]int64, len(items))
		for i := range items {
			if err := im.write(&items[i]); err != nil {
				return err
			}
			ids[i] = items[i].doc.ID
			if _, err := tx.ExecContext(ctx, `INSERT INTO opening_balances (document_id, reference, seq, created_at)
				VALUES (?, ?, ?, ?)`, ids[i], bs[i].Reference, items[i].seriesSeq, stamp(tx.now)); err != nil {
				return err
			}
		}
		if refs, err = billingRefs(ctx, tx, ids); err != nil {
			return err
		}
		for i, ref := range refs { // each opening balance into the audit chain (month_end_chain.go)
			if err := tx.auditMonthEnd("create", recordOpening, ref.ID, map[string]any{"number": ref.Number,
				"customer": bs[i].CustomerCode, "as_of": FormatDate(bs[i].AsOf), "amount": bs[i].Amount,
				"reference": bs[i].Reference}); err != nil {
				return err
			}
		}
		return nil
	})
	return refs, err
}

// openingInvoice is the invoice an opening balance becomes: dated on the
// as-of date, one non-taxable line of the amount, in the customer's language.
func openingInvoice(c Customer, b OpeningBalance) Document {
	subject, desc := "開始残高", "開始残高（"+FormatDate(b.AsOf)+"時点の売掛金）"
	if c.Language == "en" {
		subject, desc = "Opening balance", "Opening balance (receivable as of "+FormatDate(b.AsOf)+")"
	}
	if b.Reference != "" {
		desc += " " + b.Reference
	}
	return Document{Kind: KindInvoice, CustomerID: c.ID, Subject: subject, IssueDate: b.AsOf, PriceMode: PriceExclusive,
		Lines: []Line{{Description: desc, Quantity: 1000, Unit: "式", UnitPrice: b.Amount, TaxCategory: TaxExempt}}}
}
