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
	rateGap       = 2.0  // between a rate's base and its tax label
	figurePad     = 1.0  // around a figure in its cell
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

// summaryGeom is where the summary's columns are: it widens to the left when
// a figure needs more than the usual width, so that up to ¥99,999,999,999
// every amount prints at the body size instead of shrinking.
type summaryGeom struct {
	x, baseW, taxW float64
}

func (c *canvas) summaryLayout(rows []summaryRow) summaryGeom {
	g := summaryGeom{x: summaryX, baseW: rateBaseW,
		taxW: summaryWidth - 2*cellPadX - rateLabelW - rateBaseW - rateGap - rateTaxLabelW}
	total := 0.0 // what a total row's amount needs
	for _, r := range rows {
		c.setFont(sizeBody)
		if r.rate {
			g.baseW = max(g.baseW, c.width(r.base)+figurePad)
			g.taxW = max(g.taxW, c.width(r.amount)+figurePad)
			continue
		}
		if r.shaded {
			c.setFont(sizeHeading)
		}
		total = max(total, c.width(r.label)+c.width(r.amount)+2*figurePad)
	}
	width := max(2*cellPadX+rateLabelW+g.baseW+rateGap+rateTaxLabelW+g.taxW, 2*cellPadX+total, summaryWidth)
	g.x = contentRight - width
	return g
}

// drawSummary prints rows at the right of the page from y down.
func (c *canvas) drawSummary(rows []summaryRow, g summaryGeom, y float64) float64 {
	c.rule(g.x, contentRight, y, lineRegular, blackLevel)
	for _, r := range rows {
		if r.shaded {
			c.fill(g.x, y, contentRight-g.x, summaryRowH, greyFill)
		}
		c.summaryCells(r, g, y+(summaryRowH-lineHeight(sizeBody))/2)
		y += summaryRowH
		width := lineThin
		if r.shaded {
			width = lineRegular
		}
		c.rule(g.x, contentRight, y, width, blackLevel)
	}
	return y
}

func (c *canvas) summaryCells(r summaryRow, g summaryGeom, y float64) {
	c.setFont(sizeBody)
	x := g.x + cellPadX
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
	c.fitCell(x+rateLabelW, y, g.baseW, r.base, gopdf.Right)
	taxX := x + rateLabelW + g.baseW + rateGap
	c.fitCell(taxX, y, rateTaxLabelW, r.taxLabel, gopdf.Left)
	c.fitCell(taxX+rateTaxLabelW, y, right-taxX-rateTaxLabelW, r.amount, gopdf.Right)
}

// closingBlock is what follows the table: the summary on the right, the
// reduced-rate legend and the bank account on the left (side lays them out
// in the width the summary leaves), then the notes. It is printed on the
// last page only: moved whole to a new page when it does not fit under the
// table (the notes with it, unless they alone are longer than a page and
// must run on).
func (c *canvas) closingBlock(rows []summaryRow, side func(width float64) textBlock, notes string, l *labels) {
	c.y += blockGap
	g := c.summaryLayout(rows)
	left := side(g.x - marginLeft - summaryGap)
	h := max(summaryHeight(rows), left.height())
	if whole := h + blockGap + c.notesHeight(notes); whole <= bodyHeight {
		h = whole
	}
	c.ensure(h)
	top := c.y
	bottom := max(c.drawSummary(rows, g, top), c.draw(left, top))
	c.y = bottom + blockGap
	c.notesBlock(l, notes)
}

// legendAndBank lays out the left side of the closing block, in the width
// the summary leaves it.
func (c *canvas) legendAndBank(l *labels, reduced bool, accounts []store.BankAccount) func(width float64) textBlock {
	return func(width float64) textBlock {
		b := textBlock{x: marginLeft, w: width}
		if reduced {
			c.add(&b, l.reducedLegend, legendSize)
			b.gap(blockGap)
		}
		bank := c.bankBlock(l, accounts, b.x, b.w)
		b.lines = append(b.lines, bank.lines...)
		return b
	}
}
