package pdf

import "github.com/signintech/gopdf"

// Table geometry, in millimetres.
const (
	cellPadX      = 1.5 // text inset from the column edges
	cellPadY      = 1.2 // text inset from the row rules
	headerPadY    = 1.6
	tableTextSize = sizeBody
)

// Alignments of text in a cell.
const (
	alignLeft   = gopdf.Left
	alignRight  = gopdf.Right
	alignCenter = gopdf.Center
)

// column is one column of a table: its header, width (mm) and alignment.
// One column per table may wrap (the description); the others are figures
// and codes that stay on one line and shrink to fit.
type column struct {
	label string
	width float64
	align int // gopdf.Left, gopdf.Right or gopdf.Center
	wraps bool
}

// row is one row of cells, in column order. shaded rows (the opening
// balance, a total) get the header's background.
type row struct {
	cells  []string
	shaded bool
}

// table draws cols and rows from c.y down, breaking pages between rows
// only: each page gets the header again, and a row (however many lines its
// description wraps to) is never split across two pages.
func (c *canvas) table(cols []column, rows []row) {
	cols = c.widenFigures(cols, rows)
	c.tableHeader(cols)
	for _, r := range rows {
		lines := c.rowLines(cols, r)
		h := rowHeight(lines)
		if c.y+h > contentBottom {
			c.newPage()
			c.tableHeader(cols)
		}
		c.tableRow(cols, r, lines)
	}
}

// widenFigures gives every one-line column the width its widest cell needs
// at the table's size, taking it from the wrapping column (the description,
// which only gets another line): a figure is never shrunk to be unreadable.
func (c *canvas) widenFigures(cols []column, rows []row) []column {
	wrap := -1
	for i, col := range cols {
		if col.wraps {
			wrap = i
		}
	}
	if wrap < 0 {
		return cols
	}
	out := append([]column(nil), cols...)
	c.setFont(tableTextSize)
	const minWrap = 30.0 // the description keeps room for a few words
	for i := range out {
		if out[i].wraps {
			continue
		}
		need := 0.0
		for _, r := range rows {
			if i < len(r.cells) {
				need = max(need, c.width(r.cells[i])+2*cellPadX)
			}
		}
		if extra := min(need-out[i].width, out[wrap].width-minWrap); extra > 0 {
			out[i].width += extra
			out[wrap].width -= extra
		}
	}
	return out
}

// rowHeight is the height of a row whose tallest cell has lines lines.
func rowHeight(lines int) float64 {
	return float64(max(lines, 1))*lineHeight(tableTextSize) + 2*cellPadY
}

// headerHeight is the height of the header row.
func headerHeight() float64 { return lineHeight(tableTextSize) + 2*headerPadY }

// tableHeader draws the grey header row with the column labels.
func (c *canvas) tableHeader(cols []column) {
	h := headerHeight()
	c.fill(marginLeft, c.y, contentWidth, h, greyFill)
	c.rule(marginLeft, contentRight, c.y, lineRegular, blackLevel)
	c.rule(marginLeft, contentRight, c.y+h, lineRegular, blackLevel)
	c.setFont(tableTextSize)
	x := marginLeft
	for _, col := range cols {
		c.fitCell(x+cellPadX, c.y+headerPadY, col.width-2*cellPadX, col.label, gopdf.Center)
		x += col.width
	}
	c.y += h
}

// rowLines is the number of lines of r's wrapping cell.
func (c *canvas) rowLines(cols []column, r row) int {
	c.setFont(tableTextSize)
	n := 1
	for i, col := range cols {
		if col.wraps && i < len(r.cells) {
			n = max(n, len(c.wrap(r.cells[i], col.width-2*cellPadX)))
		}
	}
	return n
}

// tableRow draws one row of height for lines lines and a rule under it.
func (c *canvas) tableRow(cols []column, r row, lines int) {
	h := rowHeight(lines)
	if r.shaded {
		c.fill(marginLeft, c.y, contentWidth, h, greyFill)
	}
	c.setFont(tableTextSize)
	x := marginLeft
	for i, col := range cols {
		if i < len(r.cells) {
			c.tableCell(col, x, r.cells[i])
		}
		x += col.width
	}
	c.y += h
	c.rule(marginLeft, contentRight, c.y, lineThin, greyRule)
}

// tableCell writes one cell's text: wrapped line by line, or on one line.
func (c *canvas) tableCell(col column, x float64, text string) {
	w := col.width - 2*cellPadX
	if !col.wraps {
		c.fitCell(x+cellPadX, c.y+cellPadY, w, text, col.align)
		return
	}
	for j, line := range c.wrap(text, w) {
		c.cell(x+cellPadX, c.y+cellPadY+float64(j)*lineHeight(tableTextSize), w, line, col.align)
	}
}
