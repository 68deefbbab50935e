package pdf

import (
	"regexp"
	"strings"
	"sync"

	"github.com/signintech/gopdf"

	"daicho/store"
)

// The head of every page one: title at the top, the customer on the left,
// the document's number and dates and the issuer on the right (where a
// window envelope and a Japanese reader expect them), then the greeting,
// the subject and the amount box. Widths and positions in millimetres.
const (
	titleGap       = 4.0  // under the title
	partyWidth     = 92.0 // the customer column
	issuerX        = 122.0
	issuerWidth    = contentRight - issuerX
	sealSize       = 20.0 // the seal (角印) or logo fits a square this size
	sealOverlap    = 3.0  // the seal sits over the issuer's name, as a stamp would
	amountBoxWidth = 100.0
	amountBoxH     = 12.0
	amountLabelW   = 34.0
	amountNoteW    = 16.0 // "（税込）"
	fieldGap       = 3.0  // at least this between a field's label and its value
	notesRuleGap   = 1.0  // under the notes heading's rule
)

// field is a label and its value on one line (番号 I-2026-0007).
type field struct{ label, value string }

// textLine is one line of a textBlock.
type textLine struct {
	text      string
	right     string // printed right-aligned on the same line (a field's value)
	size      float64
	gap       float64 // space above the line
	ruleBelow bool    // the customer's name is underlined, as on paper forms
}

// textBlock is a column of lines laid out before it is drawn, so that its
// height is known before deciding where (and on which page) it goes.
type textBlock struct {
	x, w  float64
	lines []textLine
}

// add wraps text at the block's width and appends its lines.
func (c *canvas) add(b *textBlock, text string, size float64) {
	c.setFont(size)
	for i, l := range c.wrap(text, b.w) {
		line := textLine{text: l, size: size}
		if i == 0 && len(b.lines) > 0 && b.lines[len(b.lines)-1].size != size {
			line.gap = 1
		}
		b.lines = append(b.lines, line)
	}
}

// addField appends a label with its value right-aligned on the same line.
func (b *textBlock) addField(f field, size float64) {
	b.lines = append(b.lines, textLine{text: f.label, right: f.value, size: size})
}

func (b *textBlock) gap(mm float64) {
	if len(b.lines) > 0 {
		b.lines = append(b.lines, textLine{gap: mm})
	}
}

func (b *textBlock) height() float64 {
	var h float64
	for _, l := range b.lines {
		h += l.gap
		if l.size > 0 {
			h += lineHeight(l.size)
		}
	}
	return h
}

// draw prints the block with its top at y and returns its bottom.
func (c *canvas) draw(b textBlock, y float64) float64 {
	for _, l := range b.lines {
		y += l.gap
		if l.size == 0 {
			continue
		}
		c.setFont(l.size)
		c.cell(b.x, y, b.w, l.text, gopdf.Left)
		if l.right != "" {
			labelW := c.width(l.text) + fieldGap
			c.fitCell(b.x+labelW, y, b.w-labelW, l.right, gopdf.Right)
		}
		y += lineHeight(l.size)
		if l.ruleBelow {
			c.rule(b.x, b.x+b.w, y, lineRegular, blackLevel)
		}
	}
	return y
}

// titleBlock prints the title centred at the top of the page, with the
// optional subtitle under it.
func (c *canvas) titleBlock(title, subtitle string) {
	c.setFont(sizeTitle)
	c.cell(marginLeft, c.y, contentWidth, title, gopdf.Center)
	c.y += lineHeight(sizeTitle)
	if subtitle != "" {
		c.setFont(sizeSubtitle)
		c.cell(marginLeft, c.y, contentWidth, subtitle, gopdf.Center)
		c.y += lineHeight(sizeSubtitle)
	}
	c.y += titleGap
}

// party is the customer as printed: the issued document's snapshot, or the
// customer master for a draft.
type party struct {
	name, honorific, postalCode, address1, address2, department, contact string
}

// customerBlock lays out the addressee: name with honorific (underlined),
// address, department and contact (labels.addressee says which line the
// department and the honorific go on).
func (c *canvas) customerBlock(l *labels, p party) textBlock {
	b := textBlock{x: marginLeft, w: partyWidth}
	personal := p.contact != ""
	name, department := l.addressee(p.name, p.department, p.honorific, personal)
	c.add(&b, name, sizeName)
	b.lines[len(b.lines)-1].ruleBelow = true
	b.gap(smallGap)
	c.addAddress(&b, l, p.postalCode, p.address1, p.address2)
	c.add(&b, department, sizeBody)
	if personal {
		c.add(&b, l.contactOf(p.contact, p.honorific), sizeBody)
	}
	return b
}

// addAddress adds an address in the order of the document's language: the
// postal code first in Japanese (〒100-0001, then prefecture to building), last
// in English (street, city, then the postal code, as Western mail reads).
func (c *canvas) addAddress(b *textBlock, l *labels, postalCode, address1, address2 string) {
	if l.lang == "en" {
		c.add(b, address1, sizeBody)
		c.add(b, address2, sizeBody)
		c.add(b, postalCode, sizeBody)
		return
	}
	c.add(b, postalLine(postalCode), sizeBody)
	c.add(b, address1, sizeBody)
	c.add(b, address2, sizeBody)
}

// japanesePostalCode is the form store normalises Japanese codes to;
// compiled on first use, not at every start-up (issue 17).
var japanesePostalCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]{3}-[0-9]{4}$`) })

// postalLine is "〒100-0001" for a Japanese postal code, a foreign one as it
// is (〒 before "EC1A 1BB" would be wrong), or "" without one.
func postalLine(code string) string {
	if japanesePostalCode().MatchString(code) {
		return "〒" + code
	}
	return code
}

// issuerBlock lays out the document's fields (number, dates) and, under
// them, the issuer: name, address, phone, email and registration number.
// It returns where the issuer's name starts, for the seal.
func (c *canvas) issuerBlock(l *labels, fields []field, co store.Company) (b textBlock, nameTop float64) {
	co = co.InLanguage(l.lang)
	b = textBlock{x: issuerX, w: issuerWidth}
	for _, f := range fields {
		b.addField(f, sizeBody)
	}
	b.gap(blockGap)
	nameTop = b.height()
	c.add(&b, co.Name, sizeCompany)
	b.gap(1)
	c.addAddress(&b, l, co.PostalCode, co.Address1, co.Address2)
	if co.Phone != "" {
		c.add(&b, l.tel+" "+co.Phone, sizeBody)
	}
	c.add(&b, co.Email, sizeBody)
	if co.RegistrationNumber != "" {
		c.add(&b, l.registration+" "+co.RegistrationNumber, sizeBody)
	}
	return b, nameTop
}

// partiesBlock prints the customer on the left and the fields and issuer on
// the right, side by side, with the seal over the issuer's name.
func (c *canvas) partiesBlock(l *labels, p party, fields []field, co store.Company) {
	left := c.customerBlock(l, p)
	right, nameTop := c.issuerBlock(l, fields, co)
	top := c.y
	bottom := max(c.draw(left, top), c.draw(right, top))
	c.seal(co.SealImage, co.SealPath, contentRight-sealSize, top+nameTop-sealOverlap)
	c.y = bottom + blockGap
}

// paragraph prints text wrapped across the body width.
func (c *canvas) paragraph(text string, size float64) {
	if text == "" {
		return
	}
	b := textBlock{x: marginLeft, w: contentWidth}
	c.add(&b, text, size)
	c.ensure(b.height())
	c.y = c.draw(b, c.y) + smallGap
}

// subjectLine prints "件名: …" with a rule under it, if there is a subject.
func (c *canvas) subjectLine(l *labels, subject string) {
	if subject == "" {
		return
	}
	b := textBlock{x: marginLeft, w: amountBoxWidth}
	c.add(&b, l.subject+": "+subject, sizeHeading)
	c.y = c.draw(b, c.y) + 0.5
	c.rule(marginLeft, marginLeft+amountBoxWidth, c.y, lineThin, blackLevel)
	c.y += blockGap - 1
}

// amountBox prints the framed amount (ご請求金額 ¥123,456（税込）) and, to its
// right, extra fields such as the date to pay by.
func (c *canvas) amountBox(label, amount, note string, extra []field) {
	top := c.y
	c.fill(marginLeft, top, amountBoxWidth, amountBoxH, greyFill)
	c.frame(marginLeft, top, amountBoxWidth, amountBoxH, lineThick)
	c.setFont(sizeHeading)
	textTop := top + (amountBoxH-lineHeight(sizeHeading))/2
	c.fitCell(marginLeft+3, textTop, amountLabelW, label, gopdf.Left)
	c.setFont(sizeBody)
	c.cell(marginLeft+amountBoxWidth-amountNoteW-1, textTop+0.6, amountNoteW, note, gopdf.Left)
	c.setFont(sizeAmount)
	figureW := amountBoxWidth - amountLabelW - amountNoteW - 5
	c.fitCell(marginLeft+3+amountLabelW, top+(amountBoxH-lineHeight(sizeAmount))/2+0.3, figureW, amount, gopdf.Right)
	b := textBlock{x: marginLeft + amountBoxWidth + 6, w: contentRight - marginLeft - amountBoxWidth - 6}
	for _, f := range extra {
		b.addField(f, sizeBody)
	}
	c.draw(b, top+(amountBoxH-b.height())/2)
	c.y = top + amountBoxH + blockGap
}

// notesBlock prints the notes under a heading. Unlike the other blocks it
// may run over pages: notes can be long, and a line at a time is enough.
func (c *canvas) notesBlock(l *labels, notes string) {
	notes = strings.TrimSpace(notes)
	if notes == "" {
		return
	}
	c.setFont(sizeBody)
	lines := c.wrap(notes, contentWidth-2)
	c.ensure(lineHeight(sizeHeading) + notesRuleGap + lineHeight(sizeBody)) // the heading with a line at least
	c.setFont(sizeHeading)
	c.cell(marginLeft, c.y, contentWidth, l.notes, gopdf.Left)
	c.y += lineHeight(sizeHeading)
	c.rule(marginLeft, contentRight, c.y, lineThin, blackLevel)
	c.y += notesRuleGap
	c.setFont(sizeBody)
	for _, line := range lines {
		if c.ensure(lineHeight(sizeBody)) {
			c.setFont(sizeBody)
		}
		c.cell(marginLeft+1, c.y, contentWidth-2, line, gopdf.Left)
		c.y += lineHeight(sizeBody)
	}
	c.y += blockGap
}

// notesHeight is what notesBlock takes if it fits on one page.
func (c *canvas) notesHeight(notes string) float64 {
	notes = strings.TrimSpace(notes)
	if notes == "" {
		return 0
	}
	c.setFont(sizeBody)
	n := len(c.wrap(notes, contentWidth-2))
	return lineHeight(sizeHeading) + notesRuleGap + float64(n)*lineHeight(sizeBody) + blockGap
}

// bankBlock lays out the accounts to pay into (振込先), for invoices,
// reminders and statements.
func (c *canvas) bankBlock(l *labels, accounts []store.BankAccount, x, w float64) textBlock {
	b := textBlock{x: x, w: w}
	if len(accounts) == 0 {
		return b
	}
	c.add(&b, l.bankTitle, sizeHeading)
	b.lines[len(b.lines)-1].ruleBelow = true
	b.gap(1)
	for _, a := range accounts {
		c.add(&b, strings.Join([]string{a.Bank, a.Branch, l.accountTypes[a.AccountType], a.Number}, " "), sizeBody)
		c.add(&b, l.holder+" "+a.HolderKana, sizeBody)
	}
	return b
}
