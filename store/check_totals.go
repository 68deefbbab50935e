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
	docID, position   int64
	quantity          Quantity
	unitPrice, amount Money
	taxRate           int
	want              Money
}

func (p lineProblem) violation(number string) Violation {
	return Violation{Text: fmt.Sprintf("document %s line %d: amount %d, but quantity %s × unit price %d is %d",
		number, p.position+1, p.amount, p.quantity, p.unitPrice, p.want)}
}

// addToRate adds a line's amount to its rate's sum; false: the sum overflows.
func addToRate(rates []rateSum, rate int, amount Money) ([]rateSum, bool) {
	i := 0
	for i < len(rates) && rates[i].rate != rate {
		i++
	}
	if i == len(rates) {
		rates = append(rates, rateSum{rate: rate})
	}
	var err error
	rates[i].sum, err = addMoney(rates[i].sum, amount)
	return rates, err == nil
}

// storedDoc is what a document says its totals are.
type storedDoc struct {
	id                   int64
	number               string
	priceMode, rounding  string
	subtotal, tax, total Money
	dates                [len(dateFields)][]byte // for the bounds rule: valid while its row is read
}

// compare recomputes the totals from the rates' sums and names every
// difference with what d stores. One line per rate holding the rate's sum:
// ComputeTotals sums per rate first, so it gives what it gives on the lines
// themselves. lines is scratch space, returned for the next document.
func (d storedDoc) compare(rates []rateSum, stored []TaxLine, lines []Line) (Violations, []Line) {
	lines = lines[:0]
	for _, r := range rates {
		lines = append(lines, Line{TaxRate: r.rate, Amount: r.sum})
	}
	t, err := ComputeTotals(lines, d.priceMode, d.rounding)
	if err != nil {
		return Violations{{Text: fmt.Sprintf("document %s: its lines cannot be totalled: %v", d.number, err)}}, lines
	}
	var v Violations
	if t.Subtotal != d.subtotal || t.Tax != d.tax || t.Total != d.total {
		v = append(v, Violation{Text: fmt.Sprintf("document %s: stored subtotal %d, tax %d, total %d, but its lines give %d, %d, %d",
			d.number, d.subtotal, d.tax, d.total, t.Subtotal, t.Tax, t.Total)})
	}
	if !sameTaxLines(t.Taxes, stored) {
		v = append(v, Violation{Text: fmt.Sprintf("document %s: stored tax rows %s, but its lines give %s",
			d.number, taxLinesString(stored), taxLinesString(t.Taxes))})
	}
	return v, lines
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
