package store

import (
	"fmt"
	"strings"
)

// The totals rule of Check: every issued (or since voided) document's lines
// still give what it stores. Recomputed with the code that computed them
// when the document was saved (LineAmount per line, ComputeTotals per
// document) and compared with the document's subtotal, tax and total and
// its per-rate rows in document_taxes. The rows are read by
// check_documents.go.

// rateSum is what a document's lines of one rate add up to.
type rateSum struct {
	rate int
	sum  Money
}

// lineProblem is a line whose amount is not its quantity × unit price; its
// document's number is known only when the documents are read.
type lineProblem struct {
	docID    int64
	position int64
	line     lineRecord
	want     Money
}

// addToRate adds a line's amount to its rate's sum; false: the sum overflows.
func addToRate(rates []rateSum, l *lineRecord) ([]rateSum, bool) {
	i := 0
	for i < len(rates) && rates[i].rate != l.taxRate {
		i++
	}
	if i == len(rates) {
		rates = append(rates, rateSum{rate: l.taxRate})
	}
	var err error
	rates[i].sum, err = addMoney(rates[i].sum, l.amount)
	return rates, err == nil
}

// compareTotals recomputes the totals from the rates' sums and names every
// difference with what d stores. One line per rate holding the rate's sum:
// ComputeTotals sums per rate first, so it gives what it gives on the lines
// themselves.
func compareTotals(d *docRecord, rates []rateSum, stored []TaxLine, lines []Line) (Violations, []Line) {
	lines = lines[:0]
	for _, r := range rates {
		lines = append(lines, Line{TaxRate: r.rate, Amount: r.sum})
	}
	t, err := ComputeTotals(lines, d.priceMode, d.taxRounding)
	if err != nil {
		return Violations{{Text: fmt.Sprintf("document %s: its lines cannot be totalled: %v", d.name(), err)}}, lines
	}
	var v Violations
	if t.Subtotal != d.subtotal || t.Tax != d.tax || t.Total != d.total {
		v = append(v, Violation{Text: fmt.Sprintf("document %s: stored subtotal %d, tax %d, total %d, but its lines give %d, %d, %d",
			d.name(), d.subtotal, d.tax, d.total, t.Subtotal, t.Tax, t.Total)})
	}
	if !sameTaxLines(t.Taxes, stored) {
		v = append(v, Violation{Text: fmt.Sprintf("document %s: stored tax rows %s, but its lines give %s",
			d.name(), taxLinesString(stored), taxLinesString(t.Taxes))})
	}
	return v, lines
}

// lineViolation names a line whose amount its quantity and price do not give.
func lineViolation(d *docRecord, p lineProblem) Violation {
	return Violation{Text: fmt.Sprintf("document %s line %d: amount %d, but quantity %s × unit price %d is %d",
		d.name(), p.position+1, p.line.amount, p.line.quantity, p.line.unitPrice, p.want)}
}

func sameTaxLines(a, b []TaxLine) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func taxLinesString(ts []TaxLine) string {
	if len(ts) == 0 {
		return "(none)"
	}
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = fmt.Sprintf("%d%%: net %d tax %d gross %d", t.Rate, t.Net, t.Tax, t.Gross)
	}
	return strings.Join(parts, "; ")
}
