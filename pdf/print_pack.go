package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/signintech/gopdf"

	"daicho/store"
)

// The print pack of a closing run (issue 16): one PDF for everything that
// goes by post, to print in one go. For each customer a cover letter
// (送付状: date, recipient, sender, the enclosed documents) with the
// recipient where a 長3 window envelope shows it, then the customer's
// documents as they were rendered; at the end, optionally, an A4 sheet of
// 12 address labels per 12 recipients.

// PackEntry is one customer's part of the pack.
type PackEntry struct {
	Recipient store.Recipient // the send-to block, or the customer itself
	Lang      string          // the customer's document language
	Documents []PackDocument
}

// PackDocument is one enclosed document: what the cover letter lists, and
// the PDF whose pages follow it.
type PackDocument struct {
	Kind, Number string
	Total        string // formatted
	PDF          []byte
}

// PrintPack is a whole pack.
type PrintPack struct {
	Date    time.Time
	Company store.Company
	Entries []PackEntry
	Labels  bool // append the address-label sheet(s)
}

// The 長3 window: an A4 sheet folded in three shows, through the window of
// a 長3 envelope (120×235 mm), the area of its top panel about 20 mm from
// the left and 15 mm from the top, 90 mm wide and 45 mm high (JIS window
// envelopes vary by a few millimetres: the block keeps inside it with a
// margin).
const (
	windowX = 22.0
	windowY = 18.0
	windowW = 86.0
	windowH = 40.0
)

// The label sheet: A4, 2 columns × 6 rows of 86.4 × 42.3 mm (the common
// 12-label sheet), margins 18.6 mm left and 21.5 mm top.
const (
	labelCols    = 2
	labelRows    = 6
	labelW       = 86.4
	labelH       = 42.3
	labelLeft    = 18.6
	labelTop     = 21.5
	labelPad     = 5.0
	labelsPerSet = labelCols * labelRows
)

// RenderPrintPack writes the pack. The documents' PDFs are imported page by
// page, so what is printed is byte for byte what was rendered for them.
func RenderPrintPack(w io.Writer, pack PrintPack) (err error) {
	c := newCanvas(docInfo{title: "送付物一式 / Print pack", author: pack.Company.Name, created: pack.Date}, "", footer{})
	defer func() {
		// gofpdi panics on a PDF it cannot read: a pack must report it.
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: print pack: importing a document: %v", r)
		}
	}()
	first := true
	for _, e := range pack.Entries {
		if !first {
			c.pdf.AddPage()
		}
		first = false
		c.coverLetter(pack, e)
		for _, d := range e.Documents {
			if err := c.importPages(d.PDF); err != nil {
				return err
			}
		}
	}
	if pack.Labels {
		c.labelSheets(pack.Entries)
	}
	if c.err != nil {
		return c.err
	}
	if len(c.missing) > 0 {
		return &MissingGlyphsError{Runes: c.missing}
	}
	var buf bytes.Buffer
	if _, err := c.pdf.WriteTo(&buf); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// importPages appends every page of a rendered PDF, full size.
func (c *canvas) importPages(data []byte) error {
	rs := io.ReadSeeker(bytes.NewReader(data)) // its own variable: gofpdi keys sources by its address
	pages := len(c.pdf.GetStreamPageSizes(&rs))
	if pages == 0 {
		return fmt.Errorf("pdf: print pack: a document has no pages")
	}
	for p := 1; p <= pages; p++ {
		c.pdf.AddPage()
		tpl := c.pdf.ImportPageStream(&rs, p, "/MediaBox")
		c.pdf.UseImportedTemplate(tpl, 0, 0, pageWidth, pageHeight)
	}
	return nil
}

// packLabels are the cover letter's words.
type packLabels struct {
	title, greeting, enclosed, colDoc, colNumber, colTotal, closing string
	kinds                                                           map[string]string
}

func packLabelsFor(lang string) packLabels {
	l := labelsFor(lang)
	if lang == "en" {
		return packLabels{title: "Cover letter", greeting: "Thank you for your continued business. Please find enclosed the following documents.",
			enclosed: "Enclosed", colDoc: "Document", colNumber: "Number", colTotal: "Amount", closing: "Yours faithfully,", kinds: l.titles}
	}
	return packLabels{title: "書類送付のご案内", greeting: "拝啓 時下ますますご清栄のこととお慶び申し上げます。平素は格別のお引き立てを賜り、厚く御礼申し上げます。下記の書類をお送りいたしますので、ご査収のほどよろしくお願い申し上げます。",
		enclosed: "送付書類", colDoc: "書類", colNumber: "番号", colTotal: "金額", closing: "敬具", kinds: l.titles}
}

// coverLetter draws one customer's 送付状 on the current page.
func (c *canvas) coverLetter(pack PrintPack, e PackEntry) {
	l := labelsFor(e.Lang)
	pl := packLabelsFor(e.Lang)
	r := e.Recipient
	// The recipient, inside the envelope's window.
	win := textBlock{x: windowX, w: windowW}
	c.add(&win, postalLine(r.PostalCode), sizeBody)
	c.add(&win, r.Address1, sizeBody)
	c.add(&win, r.Address2, sizeBody)
	name, department := l.addressee(r.Name, r.Department, r.Honorific, r.Contact != "")
	win.gap(smallGap)
	c.add(&win, name, sizeName)
	c.add(&win, department, sizeBody)
	if r.Contact != "" {
		c.add(&win, l.contactOf(r.Contact, r.Honorific), sizeBody)
	}
	c.draw(win, windowY)
	// The date and the sender, at the right.
	co := pack.Company
	right := textBlock{x: issuerX, w: issuerWidth}
	c.add(&right, l.date(pack.Date), sizeBody)
	right.gap(blockGap)
	c.add(&right, co.Name, sizeCompany)
	c.add(&right, postalLine(co.PostalCode), sizeBody)
	c.add(&right, co.Address1, sizeBody)
	c.add(&right, co.Address2, sizeBody)
	if co.Phone != "" {
		c.add(&right, l.tel+" "+co.Phone, sizeBody)
	}
	c.add(&right, co.Email, sizeBody)
	bottom := max(windowY+windowH, c.draw(right, windowY))
	c.y = bottom + blockGap*2
	c.titleBlock(pl.title, "")
	c.paragraph(pl.greeting, sizeBody)
	c.y += blockGap
	c.paragraph(pl.enclosed, sizeHeading)
	rows := make([]row, len(e.Documents))
	for i, d := range e.Documents {
		rows[i] = row{cells: []string{pl.kinds[d.Kind], d.Number, d.Total}}
	}
	c.table([]column{{label: pl.colDoc, width: 60, align: alignLeft}, {label: pl.colNumber, width: 60, align: alignLeft},
		{label: pl.colTotal, width: contentWidth - 120, align: alignRight}}, rows)
	c.y += blockGap
	c.setFont(sizeBody)
	c.cell(marginLeft, c.y, contentWidth, pl.closing, gopdf.Right)
}

// labelSheets draws the recipients' address labels, 12 to a sheet.
func (c *canvas) labelSheets(entries []PackEntry) {
	for i, e := range entries {
		if i%labelsPerSet == 0 {
			c.pdf.AddPage()
			c.pages++
		}
		n := i % labelsPerSet
		x := labelLeft + float64(n%labelCols)*labelW + labelPad
		y := labelTop + float64(n/labelCols)*labelH + labelPad
		l := labelsFor(e.Lang)
		r := e.Recipient
		b := textBlock{x: x, w: labelW - 2*labelPad}
		c.add(&b, postalLine(r.PostalCode), sizeBody)
		c.add(&b, r.Address1, sizeBody)
		c.add(&b, r.Address2, sizeBody)
		name, department := l.addressee(r.Name, r.Department, r.Honorific, r.Contact != "")
		c.add(&b, name, sizeBody)
		c.add(&b, department, sizeBody)
		if r.Contact != "" {
			c.add(&b, l.contactOf(r.Contact, r.Honorific), sizeBody)
		}
		c.draw(b, y)
	}
}
