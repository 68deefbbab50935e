package pdf

import (
	"fmt"

	"github.com/signintech/gopdf"

	"daicho/store"
)

// The summary sits at the right under the table; the legend and the bank
// account share the space to its left. Millimetres.
const (
	summaryX      = 106.0
	summaryWidth  = contentRight - summaryX
	summaryRowH   = 6.0
	rateLabelW    = 26.0 // "10%対象(税込)"
	rateBaseW     = 24.0
	rateTaxLabelW = 14.0 // "内消費税"
	sideWidth     = summaryX - marginLeft - summaryGap
	legendSize    = sizeSmall
	summaryGap    = 6.0 // between the left side and the summary
)

// summaryRow is one row of the summary: either a rate row (label, base, tax
// label, tax) or a total row (label and amount).
type summaryRow struct {
	label, base, taxLabel, amount string
	rate                          bool
	shaded                        bool // the grand total
}

// taxSummary is the qualified-invoice summary (適格請求書の記載事項): for
// each rate, the amount it applies to and its tax, then subtotal, tax and
// total. The figures are the document's stored totals, never recomputed
// here: the PDF must say exactly what the ledger says.
func taxSummary(l *labels, t store.Totals, priceMode string, cur store.Currency) []summaryRow {
	base, taxLabel, subtotal := l.rateBase, l.rateTax, l.subtotal
	if priceMode == store.PriceInclusive {
		base, taxLabel, subtotal = l.rateBaseIncl, l.rateTaxIncl, l.subtotalExcl
	}
	var rows []summaryRow
	for _, tl := range t.Taxes {
		amount := tl.Net
		if priceMode == store.PriceInclusive {
			amount = tl.Gross // 10%対象(税込) ¥11,000 内消費税 ¥1,000
		}
		rows = append(rows, summaryRow{label: fmt.Sprintf(base, tl.Rate), base: amount.Format(cur),
			taxLabel: taxLabel, amount: tl.Tax.Format(cur), rate: true})
	}
	return append(rows,
		summaryRow{label: subtotal, amount: t.Subtotal.Format(cur)},
		summaryRow{label: l.tax, amount: t.Tax.Format(cur)},
		summaryRow{label: l.total, amount: t.Total.Format(cur), shaded: true})
}

// summaryHeight is the height of rows.
func summaryHeight(rows []summaryRow) float64 { return float64(len(rows)) * summaryRowH }

// drawSummary prints rows at the right of the page from y down.
func (c *canvas) drawSummary(rows []summaryRow, y float64) float64 {
	c.rule(summaryX, contentRight, y, lineRegular, blackLevel)
	for _, r := range rows {
		if r.shaded {
			c.fill(summaryX, y, summaryWidth, summaryRowH, greyFill)
		}
		c.summaryCells(r, y+(summaryRowH-lineHeight(sizeBody))/2)
		y += summaryRowH
		width := lineThin
		if r.shaded {
			width = lineRegular
		}
		c.rule(summaryX, contentRight, y, width, blackLevel)
	}
	return y
}

func (c *canvas) summaryCells(r summaryRow, y float64) {
	c.setFont(sizeBody)
	x := summaryX + cellPadX
	right := contentRight - cellPadX
	if !r.rate {
		c.cell(x, y, right-x, r.label, gopdf.Left)
		if r.shaded {
			c.setFont(sizeHeading)
		}
		c.fitCell(x+rateLabelW, y, right-x-rateLabelW, r.amount, gopdf.Right)
		return
	}
	c.fitCell(x, y, rateLabelW, r.label, gopdf.Left)
	c.fitCell(x+rateLabelW, y, rateBaseW, r.base, gopdf.Right)
	taxX := x + rateLabelW + rateBaseW + 2
	c.fitCell(taxX, y, rateTaxLabelW, r.taxLabel, gopdf.Left)
	c.fitCell(taxX+rateTaxLabelW, y, right-taxX-rateTaxLabelW, r.amount, gopdf.Right)
}

// closingBlock is what follows the table: the summary on the right, the
// reduced-rate legend and the bank account on the left, then the notes. It
// is printed on the last page only: moved whole to a new page when it does
// not fit under the table (the notes with it, unless they alone are longer
// than a page and must run on).
func (c *canvas) closingBlock(rows []summaryRow, side textBlock, notes string, l *labels) {
	c.y += blockGap
	h := max(summaryHeight(rows), side.height())
	if whole := h + blockGap + c.notesHeight(notes); whole <= bodyHeight {
		h = whole
	}
	c.ensure(h)
	top := c.y
	bottom := max(c.drawSummary(rows, top), c.draw(side, top))
	c.y = bottom + blockGap
	c.notesBlock(l, notes)
}

// legendAndBank lays out the left side of the closing block.
func (c *canvas) legendAndBank(l *labels, reduced bool, accounts []store.BankAccount) textBlock {
	b := textBlock{x: marginLeft, w: sideWidth}
	if reduced {
		c.add(&b, l.reducedLegend, legendSize)
		b.gap(blockGap)
	}
	bank := c.bankBlock(l, accounts, b.x, b.w)
	b.lines = append(b.lines, bank.lines...)
	return b
}
