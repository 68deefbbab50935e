package pdf

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"daicho/store"
)

// The contract summary (契約内容確認書): what was agreed, on the page layout
// of every other document. It is sent when a contract starts or changes, so
// the customer can check the price, the period, the billing and the renewal
// terms before the first invoice arrives.

// Marks across a contract that is not (or no longer) in force; a draft uses
// the documents' markDraft.
const (
	markContractEnded     = "ENDED / 終了"
	markContractCancelled = "CANCELLED / 解約"
)

// Contract line table columns, in millimetres; the description takes the rest.
const (
	ctTaxW    = 18.0
	ctAmountW = 26.0
	ctDescW   = contentWidth - colNoW - colQuantityW - colUnitW - colUnitPriceW - ctTaxW - ctAmountW
	ctItemW   = 36.0 // the terms table's label column
)

// RenderContract writes the summary of contract c for customer (the master
// record: a contract has no snapshot) from company, in the customer's
// language. The same contract always gives the same bytes: the PDF's date is
// the contract's start, not the clock.
func RenderContract(w io.Writer, c store.Contract, company store.Company, customer store.Customer) error {
	if customer.ID != c.CustomerID {
		return fmt.Errorf("pdf: contract %s is for customer %d, but customer %d was given",
			contractName(c), c.CustomerID, customer.ID)
	}
	cur, ok := store.CurrencyByCode(company.Currency)
	if !ok {
		return fmt.Errorf("pdf: contract %s: unknown currency %q", contractName(c), company.Currency)
	}
	l, cl := labelsFor(customer.Language), contractLabelsFor(customer.Language)
	rows, sums, err := contractLineRows(l, cl, c, cur)
	if err != nil {
		return err
	}
	name := strings.TrimSpace(cl.title + " " + c.Number)
	// The document's strings, so the font's first cut has what it prints.
	terms := contractTerms(l, cl, c)
	hint := fmt.Sprint(c, company, customer, l, cl, terms, rows, sums)
	return renderFitted(w, hint, docInfo{title: name, author: company.Name, subject: c.Title, created: c.Start},
		contractMark(c), footer{left: name, page: l.page}, func(cv *canvas) {
			cv.titleBlock(cl.title, "")
			cv.partiesBlock(l, customerParty(customer), contractFields(l, cl, c), company)
			cv.paragraph(cl.greeting, sizeBody)
			cv.subjectLine(l, c.Title)
			cv.table([]column{{label: cl.colItem, width: ctItemW, align: alignLeft},
				{label: cl.colDetails, width: contentWidth - ctItemW, align: alignLeft, wraps: true}}, terms)
			cv.y += blockGap
			cv.table(contractColumns(l, cl), rows)
			var accounts []store.BankAccount
			if c.PaymentMethod == store.PayBankTransfer {
				accounts = company.BankAccounts // where the invoices will ask the money to go
			}
			side := cv.legendAndBank(l, contractHasReduced(c.Lines), accounts)
			cv.closingBlock(sums, side, c.Notes, l)
		})
}

// contractName names a contract in errors: its number, or "draft 12".
func contractName(c store.Contract) string {
	if c.Number != "" {
		return c.Number
	}
	return fmt.Sprintf("draft %d", c.ID)
}

func contractMark(c store.Contract) string {
	switch c.Status {
	case store.ContractDraft, "":
		return markDraft
	case store.ContractEnded:
		return markContractEnded
	case store.ContractCancelled:
		return markContractCancelled
	}
	return ""
}

// contractFields are printed above the issuer: the number (a draft has none
// yet) and the start date.
func contractFields(l *labels, cl *contractLabels, c store.Contract) []field {
	var fs []field
	if c.Number != "" {
		fs = append(fs, field{cl.number, c.Number})
	}
	return append(fs, field{cl.start, l.date(c.Start)})
}

// contractTerms are the rows of the terms table: period, cycle, billing day
// and timing, payment method, renewal, the person in charge, and the status
// when the contract is not simply in force.
func contractTerms(l *labels, cl *contractLabels, c store.Contract) []row {
	terms := [][2]string{
		{cl.period, cl.periodOf(l.date(c.Start), dateOr(l, c.End))},
		{cl.cycle, cl.cycleOf(c.Cycle, c.CycleMonths)},
		{cl.billingDay, cl.dayOf(c.BillingDay)},
		{cl.timing, cl.timingOf(c.InAdvance, c.ProRate)},
		{cl.payment, cl.methods[c.PaymentMethod]},
		{cl.renewal, cl.renewalOf(c.AutoRenew, c.End.IsZero(), c.RenewalMonths, c.NoticeDays)},
		{cl.person, c.PersonInCharge},
	}
	if c.Status != store.ContractActive {
		terms = append(terms, [2]string{cl.status, cl.statuses[c.Status]})
	}
	if c.CancelReason != "" {
		terms = append(terms, [2]string{cl.cancelReason, c.CancelReason})
	}
	rows := make([]row, 0, len(terms))
	for _, t := range terms {
		if t[1] != "" {
			rows = append(rows, row{cells: t[:]})
		}
	}
	return rows
}

func contractColumns(l *labels, cl *contractLabels) []column {
	return []column{
		{label: l.colNo, width: colNoW, align: alignRight},
		{label: l.colDescription, width: ctDescW, align: alignLeft, wraps: true},
		{label: l.colQuantity, width: colQuantityW, align: alignRight},
		{label: l.colUnit, width: colUnitW, align: alignCenter},
		{label: l.colUnitPrice, width: colUnitPriceW, align: alignRight},
		{label: cl.colTaxRate, width: ctTaxW, align: alignRight},
		{label: cl.colAmount, width: ctAmountW, align: alignRight},
	}
}

// contractLineRows are the lines at their first price, each followed by its
// price changes (the new unit price and amount, from their date), and the
// summary: one period's charge at the start, and again from each date a
// price changes.
//
// The prices come from the history, never from ContractLine.UnitPrice: that
// is the price in force on the day the contract was loaded, and a summary
// printed tomorrow must be the same file as one printed today.
func contractLineRows(l *labels, cl *contractLabels, c store.Contract, cur store.Currency) ([]row, []summaryRow, error) {
	var rows []row
	for i, ln := range c.Lines {
		prices := history(ln, c.Start)
		for j, pc := range prices {
			amount, err := store.LineAmount(ln.Quantity, pc.UnitPrice)
			if err != nil {
				return nil, nil, fmt.Errorf("pdf: contract %s, line %d: %w", contractName(c), i+1, err)
			}
			if j > 0 {
				rows = append(rows, row{cells: []string{"", "　" + cl.priceFrom(l.date(pc.From)), "", "",
					pc.UnitPrice.Plain(cur), "", amount.Plain(cur)}})
				continue
			}
			desc := ln.Description
			if store.IsReducedRate(ln.TaxCategory) {
				desc += reducedMark
			}
			if pc.From.After(c.Start) { // a line added to the contract later
				desc += " (" + cl.amountsFrom(l.date(pc.From)) + ")"
			}
			rows = append(rows, row{cells: []string{fmt.Sprint(i + 1), desc, ln.Quantity.String(), ln.Unit,
				pc.UnitPrice.Plain(cur), cl.taxes[ln.TaxCategory], amount.Plain(cur)}})
		}
	}
	sums, err := periodCharges(l, cl, c, cur)
	return rows, sums, err
}

// history is a line's prices by date. A line not saved yet has none: its
// UnitPrice is its price from the start.
func history(ln store.ContractLine, start time.Time) []store.PriceChange {
	if len(ln.Prices) == 0 {
		return []store.PriceChange{{From: start, UnitPrice: ln.UnitPrice}}
	}
	return slices.SortedStableFunc(slices.Values(ln.Prices), func(a, b store.PriceChange) int { return a.From.Compare(b.From) })
}

// priceOn is a line's unit price in force on day; ok is false before its
// first price (a line added later).
func priceOn(prices []store.PriceChange, day time.Time) (price store.Money, ok bool) {
	for _, pc := range prices {
		if pc.From.After(day) {
			break
		}
		price, ok = pc.UnitPrice, true
	}
	return price, ok
}

// periodCharges is the summary: the charge of one period (the sum of the
// line amounts, tax excluded: the tax is computed on each invoice, once per
// rate, at the rate in force on its date) at the start, then from each day a
// price changes or a line is added.
func periodCharges(l *labels, cl *contractLabels, c store.Contract, cur store.Currency) ([]summaryRow, error) {
	days := []time.Time{c.Start}
	for _, ln := range c.Lines {
		for _, pc := range ln.Prices {
			if pc.From.After(c.Start) {
				days = append(days, pc.From)
			}
		}
	}
	slices.SortFunc(days, func(a, b time.Time) int { return a.Compare(b) })
	days = slices.CompactFunc(days, func(a, b time.Time) bool { return a.Equal(b) })
	var out []summaryRow
	for i, day := range days {
		var sum store.Money
		for _, ln := range c.Lines {
			price, ok := priceOn(history(ln, c.Start), day)
			if !ok {
				continue
			}
			amount, err := store.LineAmount(ln.Quantity, price)
			if err == nil {
				sum, err = addMoney(sum, amount)
			}
			if err != nil {
				return nil, fmt.Errorf("pdf: contract %s: %w", contractName(c), err)
			}
		}
		label := cl.perPeriod
		if i > 0 {
			label = cl.amountsFrom(l.date(day))
		}
		out = append(out, summaryRow{label: label, amount: sum.Format(cur)})
	}
	// The charge in force last is the one the customer goes on paying.
	out[len(out)-1].shaded = true
	return out, nil
}

func contractHasReduced(lines []store.ContractLine) bool {
	return slices.ContainsFunc(lines, func(ln store.ContractLine) bool { return store.IsReducedRate(ln.TaxCategory) })
}
