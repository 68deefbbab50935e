package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// The totals rule of Check: every issued (or since voided) document's lines
// still give what it stores. Recomputed with the code that computed them
// when the document was saved (LineAmount per line, ComputeTotals per
// document) and compared with the document's subtotal, tax and total and
// its per-rate rows in document_taxes.
//
// Lines, tax rows and documents are each read in one plain table scan, in
// storage order, and joined in memory by document id: reading them in
// document order instead goes through an index and looks every row up in
// its table — on the large demo (300,000 lines) most of the check's time.

// rateSum is what a document's lines of one rate add up to.
type rateSum struct {
	rate int
	sum  Money
}

// docSums is what is read of one document before its own row is.
type docSums struct {
	rates    []rateSum // the lines' sums, per rate
	overflow bool      // the lines' sum does not fit in Money
	stored   []TaxLine // its document_taxes rows
}

// lineProblem is a line whose amount is not its quantity × unit price; its
// document's number is known only when the documents are read.
type lineProblem struct {
	docID    int64
	position int
	line     Line
	want     Money
}

func checkStoredTotals(ctx context.Context, q queryer) (Violations, error) {
	sums := map[int64]*docSums{}
	get := func(id int64) *docSums {
		d := sums[id]
		if d == nil {
			d = &docSums{}
			sums[id] = d
		}
		return d
	}
	var problems []lineProblem

	rows, err := q.QueryContext(ctx, `SELECT document_id, position, quantity, unit_price, tax_rate, amount FROM document_lines`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var (
			id  int64
			pos int
			l   Line
		)
		if err := rows.Scan(&id, &pos, &l.Quantity, &l.UnitPrice, &l.TaxRate, &l.Amount); err != nil {
			rows.Close()
			return nil, err
		}
		if want, err := LineAmount(l.Quantity, l.UnitPrice); err != nil || want != l.Amount {
			problems = append(problems, lineProblem{docID: id, position: pos, line: l, want: want})
		}
		d := get(id)
		i := 0
		for i < len(d.rates) && d.rates[i].rate != l.TaxRate {
			i++
		}
		if i == len(d.rates) {
			d.rates = append(d.rates, rateSum{rate: l.TaxRate})
		}
		if d.rates[i].sum, err = addMoney(d.rates[i].sum, l.Amount); err != nil {
			d.overflow = true
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	rows, err = q.QueryContext(ctx, `SELECT document_id, rate, net, tax, gross FROM document_taxes`)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var (
			id int64
			t  TaxLine
		)
		if err := rows.Scan(&id, &t.Rate, &t.Net, &t.Tax, &t.Gross); err != nil {
			rows.Close()
			return nil, err
		}
		d := get(id)
		d.stored = append(d.stored, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	// Documents in id order, so the violations come out in a stable order.
	rows, err = q.QueryContext(ctx, `SELECT id, coalesce(number, '#' || id), price_mode, tax_rounding, subtotal, tax, total
		FROM documents WHERE status <> 'draft' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	sort.Slice(problems, func(i, j int) bool {
		if problems[i].docID != problems[j].docID {
			return problems[i].docID < problems[j].docID
		}
		return problems[i].position < problems[j].position
	})
	var (
		v     Violations
		lines []Line
		empty docSums
	)
	for rows.Next() {
		var d storedDoc
		if err := rows.Scan(&d.id, &d.number, &d.priceMode, &d.rounding, &d.subtotal, &d.tax, &d.total); err != nil {
			return nil, err
		}
		for len(problems) > 0 && problems[0].docID <= d.id {
			if p := problems[0]; p.docID == d.id { // those of drafts are left out
				v = append(v, fmt.Sprintf("document %s line %d: amount %d, but quantity %s × unit price %d is %d",
					d.number, p.position+1, p.line.Amount, p.line.Quantity, p.line.UnitPrice, p.want))
			}
			problems = problems[1:]
		}
		s := sums[d.id]
		if s == nil {
			s = &empty
		}
		if s.overflow {
			v = append(v, fmt.Sprintf("document %s: its lines add up to more than an amount can hold", d.number))
			continue
		}
		// One line per rate holding the rate's sum: ComputeTotals sums per
		// rate first, so it gives what it gives on the lines themselves.
		lines = lines[:0]
		for _, r := range s.rates {
			lines = append(lines, Line{TaxRate: r.rate, Amount: r.sum})
		}
		sort.Slice(s.stored, func(i, j int) bool { return s.stored[i].Rate > s.stored[j].Rate })
		v = append(v, d.compare(lines, s.stored)...)
	}
	return v, rows.Err()
}

// storedDoc is what a document says its totals are.
type storedDoc struct {
	id                   int64
	number               string
	priceMode, rounding  string
	subtotal, tax, total Money
}

// compare recomputes the totals from the lines and names every difference.
func (d storedDoc) compare(lines []Line, stored []TaxLine) Violations {
	t, err := ComputeTotals(lines, d.priceMode, d.rounding)
	if err != nil {
		return Violations{fmt.Sprintf("document %s: its lines cannot be totalled: %v", d.number, err)}
	}
	var v Violations
	if t.Subtotal != d.subtotal || t.Tax != d.tax || t.Total != d.total {
		v = append(v, fmt.Sprintf("document %s: stored subtotal %d, tax %d, total %d, but its lines give %d, %d, %d",
			d.number, d.subtotal, d.tax, d.total, t.Subtotal, t.Tax, t.Total))
	}
	if !sameTaxLines(t.Taxes, stored) {
		v = append(v, fmt.Sprintf("document %s: stored tax rows %s, but its lines give %s",
			d.number, taxLinesString(stored), taxLinesString(t.Taxes)))
	}
	return v
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
