package tui

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
)

// LineGrid is the line table of a document (and, later, of a contract):
// a spreadsheet driven by keys. Enter or typing edits a cell; o/O add a line,
// d deletes one, ctrl+↑/↓ move it; the product cell looks a product up by
// code, name or kana and fills the line. Amounts and the per-rate totals are
// recomputed on every keystroke.
type LineGrid struct {
	kit
	Keys GridKeyMap

	rows     []gridRow
	row, col int
	editing  bool
	input    textinput.Model
	offset   int
	focused  bool
	readOnly bool

	refs      *references // the tax rates and the products to look up (nil: none, for a grid that only shows)
	date      time.Time   // the document's date: it decides the tax rates
	priceMode string

	width, height int
	moneyW        [gridCols]int // price and amount widths measured by View: amounts are never cut
}

// Grid columns; the first five are typed, tax is chosen, amount is computed.
const (
	colProduct = iota
	colDescription
	colQuantity
	colUnit
	colPrice
	colTax
	colAmount
	gridCols
)

// gridFields maps columns to the store's line field names, for errors.
var gridFields = [gridCols]string{"product", "description", "quantity", "unit", "unit_price", "tax_category", "amount"}

// gridRow is a line as typed: the text of each typed cell, and what the typing
// does not show (product, source line, cost) in line.
type gridRow struct {
	line  store.Line
	cells [colTax]string
	errs  [gridCols]string
}

// NewLineGrid shows lines; readOnly grids (an issued document) only move.
// refs are read as they are at each keystroke, so rates and products the
// root loads again reach a grid that is open.
func NewLineGrid(k kit, lines []store.Line, refs *references, readOnly bool) *LineGrid {
	g := &LineGrid{kit: k, Keys: DefaultGridKeyMap(k.p), refs: refs, readOnly: readOnly}
	for _, l := range lines {
		g.rows = append(g.rows, rowOf(l))
	}
	g.input = textinput.New()
	g.input.Prompt = ""
	g.input.SetStyles(k.styles.Input)
	return g
}

func rowOf(l store.Line) gridRow {
	r := gridRow{line: l}
	r.cells[colProduct] = l.ProductCode
	r.cells[colDescription] = l.Description
	r.cells[colQuantity] = l.Quantity.String()
	r.cells[colUnit] = l.Unit
	r.cells[colPrice] = strconv.FormatInt(int64(l.UnitPrice), 10)
	return r
}

// SetContext sets what the totals depend on: the document's date and price mode.
func (g *LineGrid) SetContext(date time.Time, priceMode string) {
	g.date, g.priceMode = date, priceMode
}

func (g *LineGrid) SetSize(w, h int) { g.width, g.height = w, max(h, 3) }

// Focus gives the grid the keyboard, on the first cell when from the top.
func (g *LineGrid) Focus(fromTop bool) {
	g.focused = true
	if fromTop {
		g.row, g.col = 0, colProduct
	}
}

func (g *LineGrid) Blur() { g.focused, g.editing = false, false }

// Editing reports that a cell editor is open (esc then cancels the edit).
func (g *LineGrid) Editing() bool { return g.editing }

// AtStart reports the cursor is on the first cell (shift+tab leaves the grid).
func (g *LineGrid) AtStart() bool { return g.row == 0 && g.col == colProduct }

// Snapshot is the grid's content as text, to tell whether anything changed.
func (g *LineGrid) Snapshot() string {
	var b strings.Builder
	for _, r := range g.rows {
		fmt.Fprintf(&b, "%d|%d|%s|%s\n", r.line.ProductID, r.line.SourceLineID, r.line.TaxCategory, strings.Join(r.cells[:], "|"))
	}
	return b.String()
}

// Lines reads the grid into document lines; quantities and prices that do not
// parse are reported as field errors (lines.N.quantity) and marked red.
func (g *LineGrid) Lines() ([]store.Line, store.Errors) {
	g.commit()
	var errs store.Errors
	lines := make([]store.Line, len(g.rows))
	for i := range g.rows {
		l, rowErrs := g.parse(i)
		lines[i] = l
		errs = append(errs, rowErrs...)
	}
	return lines, errs
}

// parse reads row i; its cell errors are set from what does not parse.
func (g *LineGrid) parse(i int) (store.Line, store.Errors) {
	r := &g.rows[i]
	l := r.line
	l.ProductCode = strings.TrimSpace(r.cells[colProduct])
	l.Description = r.cells[colDescription]
	l.Unit = r.cells[colUnit]
	var errs store.Errors
	q, err := store.ParseQuantity(g.cell(i, colQuantity))
	if err != nil {
		errs = append(errs, reField(err, i, "quantity"))
	}
	l.Quantity = q
	price, err := store.ParseMoney(g.cell(i, colPrice), g.currency())
	if err != nil {
		errs = append(errs, reField(err, i, "unit_price"))
	}
	l.UnitPrice = price
	if err == nil {
		l.Amount, _ = store.LineAmount(l.Quantity, l.UnitPrice)
	}
	if g.refs != nil {
		l.TaxRate, _ = g.refs.taxes.RateOn(l.TaxCategory, g.date)
	}
	return l, errs
}

// reField gives a parse error (which knows no field) the line field it is on.
func reField(err error, i int, field string) *store.Error {
	e, ok := store.AsError(err)
	if !ok {
		return store.Invalid(fmt.Sprintf("lines.%d.%s", i, field), "syntax")
	}
	return store.Invalid(fmt.Sprintf("lines.%d.%s", i, field), e.Reason, e.Args...)
}

// cell is a cell's current text: the editor's while it is being typed, so the
// totals follow every keystroke.
func (g *LineGrid) cell(row, col int) string {
	if g.editing && row == g.row && col == g.col {
		return g.input.Value()
	}
	return g.rows[row].cells[col]
}

// SetErrors marks the cells named by store errors (lines.N.field); it returns
// the errors that are not about a cell.
func (g *LineGrid) SetErrors(errs []*store.Error) []*store.Error {
	for i := range g.rows {
		g.rows[i].errs = [gridCols]string{}
	}
	var rest []*store.Error
	for _, e := range errs {
		var n int
		var field string
		if _, err := fmt.Sscanf(strings.Replace(e.Field, ".", " ", 2), "lines %d %s", &n, &field); err != nil || n >= len(g.rows) {
			rest = append(rest, e)
			continue
		}
		col := colDescription
		for c, f := range gridFields {
			if f == field {
				col = c
			}
		}
		g.rows[n].errs[col] = g.p.Reason(e)
	}
	return rest
}

// Totals are the draft's figures as typed: rows that do not parse count as 0.
func (g *LineGrid) Totals() store.Totals {
	lines := make([]store.Line, 0, len(g.rows))
	for i := range g.rows {
		l, errs := g.parse(i)
		if len(errs) == 0 {
			lines = append(lines, l)
		}
	}
	t, _ := store.ComputeTotals(lines, g.priceMode, g.co.rounding)
	return t
}

func (g *LineGrid) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if g.editing {
			var cmd tea.Cmd
			g.input, cmd = g.input.Update(msg)
			return cmd
		}
		return nil
	}
	if g.editing {
		return g.editKey(k)
	}
	switch {
	case key.Matches(k, g.Keys.Up):
		g.row = max(0, g.row-1)
	case key.Matches(k, g.Keys.Down):
		g.row = min(len(g.rows)-1, g.row+1)
	case key.Matches(k, g.Keys.Left) || k.String() == "shift+tab":
		g.move(-1)
	case key.Matches(k, g.Keys.Right) || k.String() == "tab":
		g.move(1)
	case g.readOnly:
		return nil
	case key.Matches(k, g.Keys.AddBelow):
		g.insert(g.row + 1)
	case key.Matches(k, g.Keys.AddAbove):
		g.insert(g.row)
	case key.Matches(k, g.Keys.Delete) && len(g.rows) > 0:
		row := g.row
		return g.confirm(g.p.T("docs.confirm_delete_line", row+1), func() tea.Msg { return gridDeleteMsg{row} })
	case key.Matches(k, g.Keys.MoveUp) && g.row > 0:
		g.rows[g.row], g.rows[g.row-1] = g.rows[g.row-1], g.rows[g.row]
		g.row--
	case key.Matches(k, g.Keys.MoveDown) && g.row < len(g.rows)-1:
		g.rows[g.row], g.rows[g.row+1] = g.rows[g.row+1], g.rows[g.row]
		g.row++
	case len(g.rows) == 0:
		if key.Matches(k, g.Keys.Edit) || k.Text != "" {
			g.insert(0)
			return g.startEdit(k)
		}
	case key.Matches(k, g.Keys.Edit) || k.Text != "" && k.Text != " ":
		return g.startEdit(k)
	case k.String() == "space" && g.col == colTax:
		g.cycleTax()
	}
	return nil
}

type gridDeleteMsg struct{ row int }

// Delete removes a line (after the confirmation).
func (g *LineGrid) Delete(row int) {
	if row < len(g.rows) {
		g.rows = append(g.rows[:row], g.rows[row+1:]...)
		g.row = max(0, min(g.row, len(g.rows)-1))
	}
}

func (g *LineGrid) move(d int) {
	g.col += d
	if g.col < 0 {
		if g.row > 0 {
			g.row, g.col = g.row-1, colTax
		} else {
			g.col = 0
		}
	}
	if g.col > colTax {
		if g.row < len(g.rows)-1 {
			g.row, g.col = g.row+1, colProduct
		} else {
			g.col = colTax
		}
	}
}

// insert adds an empty line at i, taxed at the standard rate, and goes to it.
func (g *LineGrid) insert(i int) {
	i = max(0, min(i, len(g.rows)))
	r := gridRow{line: store.Line{TaxCategory: store.TaxStandard}}
	r.cells[colQuantity] = "1"
	g.rows = append(g.rows[:i], append([]gridRow{r}, g.rows[i:]...)...)
	g.row, g.col = i, colProduct
}

func (g *LineGrid) cycleTax() {
	r := &g.rows[g.row]
	next := store.TaxCategories[0]
	for i, c := range store.TaxCategories {
		if c == r.line.TaxCategory {
			next = store.TaxCategories[(i+1)%len(store.TaxCategories)]
		}
	}
	r.line.TaxCategory = next
	r.errs[colTax] = ""
}

// startEdit opens the cell editor; a typed character replaces the cell, as in
// a spreadsheet. On the product cell it opens the product lookup instead.
func (g *LineGrid) startEdit(k tea.KeyPressMsg) tea.Cmd {
	if len(g.rows) == 0 {
		return nil
	}
	switch g.col {
	case colTax:
		g.cycleTax()
		return nil
	case colProduct:
		query := ""
		if k.Text != "" && !key.Matches(k, g.Keys.Edit) {
			query = k.Text
		}
		row := g.row
		return g.pickProduct(g.refs.products, query, func(p store.Product) tea.Cmd {
			g.fillProduct(row, p) // in Update: the next key already lands on the quantity
			return nil
		})
	}
	g.editing = true
	value := g.rows[g.row].cells[g.col]
	if !key.Matches(k, g.Keys.Edit) {
		value = k.Text
	}
	g.input.SetValue(value)
	g.input.SetWidth(max(4, g.colWidth(g.col)-1))
	g.input.CursorEnd()
	return g.input.Focus()
}

func (g *LineGrid) editKey(k tea.KeyPressMsg) tea.Cmd {
	switch k.String() {
	case "enter":
		g.commit()
		return nil
	case "esc":
		g.editing = false
		g.input.Blur()
		return nil
	case "tab":
		g.commit()
		g.move(1)
		return nil
	case "shift+tab":
		g.commit()
		g.move(-1)
		return nil
	}
	var cmd tea.Cmd
	g.input, cmd = g.input.Update(k)
	g.rows[g.row].errs[g.col] = ""
	return cmd
}

// commit writes the cell editor's text into the cell.
func (g *LineGrid) commit() {
	if !g.editing {
		return
	}
	g.rows[g.row].cells[g.col] = strings.TrimSpace(g.input.Value())
	g.editing = false
	g.input.Blur()
	if _, errs := g.parse(g.row); true {
		for _, e := range errs {
			if strings.HasSuffix(e.Field, "."+gridFields[g.col]) {
				g.rows[g.row].errs[g.col] = g.p.Reason(e)
			}
		}
	}
}

// fillProduct sets a line from a product: description, unit, price and tax.
func (g *LineGrid) fillProduct(row int, p store.Product) {
	if row >= len(g.rows) {
		return
	}
	r := &g.rows[row]
	r.line.ProductID, r.line.ProductCode, r.line.TaxCategory, r.line.CostPrice = p.ID, p.Code, p.TaxCategory, p.CostPrice
	r.line.SourceLineID = 0
	r.cells[colProduct], r.cells[colDescription], r.cells[colUnit] = p.Code, p.Name, p.Unit
	r.cells[colPrice] = strconv.FormatInt(int64(p.UnitPrice), 10)
	if r.cells[colQuantity] == "" {
		r.cells[colQuantity] = "1"
	}
	r.errs = [gridCols]string{}
	g.col = colQuantity // the next thing to type is how many
}

// Column widths: the description takes what the others leave.
var gridFixed = [gridCols]int{7, 0, 8, 4, 10, 5, 11}

func (g *LineGrid) colWidth(c int) int {
	if c != colDescription {
		return max(gridFixed[c], g.moneyW[c])
	}
	used := 3 // the line number
	for i, w := range gridFixed {
		used += max(w, g.moneyW[i]) + 1
	}
	return max(12, g.width-used-1)
}

// measureMoney widens the price and amount columns to their widest value, so
// that ¥99,999,999,999 shows whole; the description gives up the cells.
func (g *LineGrid) measureMoney() {
	g.moneyW = [gridCols]int{}
	for i := range g.rows {
		v := g.values(i)
		g.moneyW[colPrice] = max(g.moneyW[colPrice], ansi.StringWidth(v[colPrice]))
		g.moneyW[colAmount] = max(g.moneyW[colAmount], ansi.StringWidth(v[colAmount]))
	}
}

// View renders the header, the visible lines and, under them, the message of
// the current cell's error.
func (g *LineGrid) View() string {
	g.measureMoney()
	header := []string{fit("#", 3, true)}
	titles := []string{"field.product", "field.description", "field.quantity", "field.unit", "field.unit_price", "docs.col_tax", "field.amount"}
	for c := 0; c < gridCols; c++ {
		header = append(header, fit(g.p.T(titles[c]), g.colWidth(c), c == colQuantity || c == colPrice || c == colAmount))
	}
	lines := []string{g.styles.Header.Render(strings.Join(header, " "))}
	room := g.height - 2
	if g.row < g.offset {
		g.offset = g.row
	}
	if g.row >= g.offset+room {
		g.offset = g.row - room + 1
	}
	end := min(len(g.rows), g.offset+room)
	for i := g.offset; i < end; i++ {
		lines = append(lines, g.rowView(i))
	}
	if len(g.rows) == 0 && !g.readOnly {
		lines = append(lines, g.styles.Dim.Render(g.p.T("docs.no_lines_hint")))
	}
	for len(lines) < g.height-1 {
		lines = append(lines, "")
	}
	msg := ""
	if g.focused && g.row < len(g.rows) {
		if e := g.rows[g.row].errs[g.col]; e != "" {
			msg = g.styles.FieldError.Render("✗ " + e)
		}
	}
	return strings.Join(append(lines, msg), "\n")
}

// values are the texts of line i's cells as shown.
func (g *LineGrid) values(i int) [gridCols]string {
	r := &g.rows[i]
	l, _ := g.parse(i)
	amount := "—"
	if r.errs[colQuantity] == "" && r.errs[colPrice] == "" {
		amount = g.money(l.Amount)
	}
	values := [gridCols]string{g.cell(i, colProduct), store.FoldDisplay(g.cell(i, colDescription)),
		g.cell(i, colQuantity), g.cell(i, colUnit), g.cell(i, colPrice), g.taxLabel(r.line.TaxCategory), amount}
	if v, err := store.ParseMoney(values[colPrice], g.currency()); err == nil {
		values[colPrice] = g.money(v)
	}
	return values
}

func (g *LineGrid) rowView(i int) string {
	r := &g.rows[i]
	values := g.values(i)
	parts := []string{fit(strconv.Itoa(i+1), 3, true)}
	for c := 0; c < gridCols; c++ {
		w := g.colWidth(c)
		right := c == colQuantity || c == colPrice || c == colAmount
		var cell string
		switch {
		case g.editing && i == g.row && c == g.col:
			cell = fit(g.input.View(), w, false)
		default:
			cell = fit(values[c], w, right)
			if r.errs[c] != "" {
				cell = g.styles.FieldError.Render(cell)
			}
			if g.focused && i == g.row && c == g.col {
				cell = g.styles.Selected.Render(cell)
			}
		}
		parts = append(parts, cell)
	}
	line := strings.Join(parts, " ")
	if ansi.StringWidth(line) > g.width {
		line = ansi.Truncate(line, g.width, "…")
	}
	return line
}

// TotalsView is the qualified-invoice summary of the lines as typed:
// one line per rate (10%対象 10,000 消費税 1,000), then the total.
func (g *LineGrid) TotalsView(t store.Totals) string {
	var lines []string
	reduced := false
	netW, taxW := 12, 10 // widened to the widest figure: amounts are never cut
	for _, tl := range t.Taxes {
		netW, taxW = max(netW, ansi.StringWidth(g.money(tl.Net))), max(taxW, ansi.StringWidth(g.money(tl.Tax)))
	}
	for _, tl := range t.Taxes {
		lines = append(lines, g.p.T("docs.rate_line", tl.Rate, fit(g.money(tl.Net), netW, true), fit(g.money(tl.Tax), taxW, true)))
	}
	for _, r := range g.rows {
		if store.IsReducedRate(r.line.TaxCategory) {
			reduced = true
		}
	}
	total := g.styles.Title.Render(g.p.T("docs.total") + " " + fit(t.Total.Format(g.currency()), max(14, ansi.StringWidth(t.Total.Format(g.currency()))), true))
	if g.priceMode == store.PriceInclusive {
		total += g.styles.Dim.Render(" " + g.p.T("docs.tax_included"))
	}
	lines = append(lines, total)
	if reduced {
		lines = append(lines, g.styles.Dim.Render(g.p.T("docs.reduced_legend")))
	}
	w := 0
	for _, l := range lines {
		w = max(w, ansi.StringWidth(l))
	}
	for i, l := range lines {
		lines[i] = strings.Repeat(" ", max(0, g.width-w)) + l
	}
	return strings.Join(lines, "\n")
}
