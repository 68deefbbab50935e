package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/signintech/gopdf"
)

// Page geometry, in millimetres (A4 portrait). Every document kind uses these
// same numbers, so an estimate, its delivery note and its invoice line up
// when laid side by side.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 18.0
	marginRight  = 18.0
	marginTop    = 15.0
	marginBottom = 20.0 // room for the footer below the body

	contentWidth  = pageWidth - marginLeft - marginRight
	contentRight  = pageWidth - marginRight
	contentBottom = pageHeight - marginBottom // the body never goes below this line
	bodyHeight    = contentBottom - marginTop // what one page can hold

	footerY = pageHeight - 13.0 // top of the footer line
)

// Font sizes, in points (the unit type is sized in).
const (
	sizeTitle    = 20.0
	sizeSubtitle = 10.0
	sizeName     = 13.0 // the customer's name
	sizeCompany  = 11.0 // the issuer's name
	sizeAmount   = 16.0 // the figure in the amount box
	sizeHeading  = 10.5
	sizeBody     = 9.0
	sizeSmall    = 7.5
	sizeMinimum  = 6.0 // a figure too wide for its column shrinks down to this
	sizeMark     = 60.0
)

// The watermark: along the page's diagonal (atan(297/210) ≈ 55°), faint
// enough to read the page through it.
const (
	markAngle = 55.0
	markAlpha = 0.35
	// markCentre places the letters' middle on the page centre: the cell's
	// top goes this many ems above it (gopdf puts the baseline the font's
	// typographic ascender below a cell's top). Measured on rendered pages:
	// the watermark's ink centroid lands within 1.5% of the page centre.
	markCentre = 0.1
)

// Spacing, in millimetres.
const (
	mmPerPoint  = 25.4 / 72
	leading     = 1.45 // line height as a multiple of the font size
	blockGap    = 5.0  // between blocks
	smallGap    = 2.0
	lineThin    = 0.15
	lineRegular = 0.3
	lineThick   = 0.5
)

// Grey levels (0 black … 255 white).
const (
	greyText   = 90  // secondary text: labels, footer
	greyRule   = 170 // row separators
	greyFill   = 235 // table header and total row background
	greyMark   = 150 // the DRAFT watermark, seen through markAlpha
	blackLevel = 0
)

// lineHeight is the height of one line of text at size points.
func lineHeight(size float64) float64 { return size * mmPerPoint * leading }

// canvas wraps gopdf with what it lacks: page breaking (gopdf has none),
// text wrapping, and a sticky error. gopdf returns errors from most calls;
// the first one is kept and every later drawing call is skipped, so the
// layout code stays readable and no error is dropped (the idiom of
// bufio.Writer). Coordinates are millimetres from the top-left corner.
type canvas struct {
	pdf     *gopdf.GoPdf
	err     error
	missing []rune // runes the font lacks; reported by finish

	y     float64 // where the next block goes
	size  float64 // current font size
	pages int

	mark   string // watermark drawn over every page ("" none)
	footer footer

	runeWidths map[runeAt]float64 // MeasureTextWidth per rune and size, for wrapping

	// ownFont: the canvas has a font of its own, cut down to some runes
	// (font_fit.go), whose OnGlyphNotFound fills missing directly.
	ownFont bool
}

type runeAt struct {
	r    rune
	size float64
}

// footer is printed at the bottom of every page once the page count is known.
type footer struct {
	left string // the document's title and number
	page string // "%d / %d"
}

// docInfo is the PDF's metadata. created pins the creation date: gopdf
// writes no date unless told, and a date taken from the clock would make two
// prints of the same document differ.
type docInfo struct {
	title, author, subject string
	created                time.Time
}

// newCanvas starts an A4 document in millimetres with the embedded font.
func newCanvas(info docInfo, mark string, f footer) *canvas {
	c := startCanvas(info, mark, f)
	c.fail(addFont(c.pdf))
	c.newPage()
	return c
}

// newCanvasWithFont is newCanvas with font, the embedded font cut down to
// some runes (font_fit.go); the runes drawn that it lacks go to c.missing.
func newCanvasWithFont(info docInfo, mark string, f footer, font []byte) *canvas {
	c := startCanvas(info, mark, f)
	c.ownFont = true
	opt := gopdf.TtfOption{OnGlyphNotFound: func(r rune) {
		if !slices.Contains(c.missing, r) {
			c.missing = append(c.missing, r)
		}
	}}
	if err := c.pdf.AddTTFFontDataWithOption(fontFamily, font, opt); err != nil {
		c.fail(fmt.Errorf("pdf: loading the embedded font: %w", err))
	}
	c.newPage()
	return c
}

func startCanvas(info docInfo, mark string, f footer) *canvas {
	c := &canvas{pdf: &gopdf.GoPdf{}, mark: mark, footer: f, runeWidths: map[runeAt]float64{}}
	c.pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitMM})
	// The page content is text and rules: the fastest level packs it
	// nearly as small, and its compressor costs a tenth to set up.
	c.pdf.SetCompressLevel(zlib.BestSpeed)
	c.pdf.SetInfo(gopdf.PdfInfo{Title: info.title, Author: info.author, Subject: info.subject,
		Creator: "daicho", Producer: "daicho", CreationDate: info.created.UTC()})
	return c
}

// fail keeps the first error.
func (c *canvas) fail(err error) {
	if c.err == nil && err != nil {
		c.err = err
	}
}

// newPage starts a page.
func (c *canvas) newPage() {
	c.pdf.AddPage()
	c.pages++
	c.y = marginTop
	c.setFont(sizeBody) // gopdf forgets nothing, but a page must not rely on the last one's state
	c.setGrey(blackLevel)
}

// ensure moves to a new page unless h millimetres still fit above the
// bottom margin. It reports whether it broke the page.
func (c *canvas) ensure(h float64) bool {
	if c.y+h <= contentBottom || c.y == marginTop {
		return false // a block taller than a page goes on its own page, cut at the bottom
	}
	c.newPage()
	return true
}

// watermark draws c.mark diagonally across the page centre. It is drawn
// last, over the page, in the Multiply blend mode: black text under it stays
// black and white paper turns light grey, as if it had been printed first.
// (Drawn first, under the page, it made pdftotext -nodiag drop the text that
// followed it: poppler kept treating the next words as diagonal.)
func (c *canvas) watermark() {
	c.setFont(sizeMark)
	c.setGrey(greyMark)
	w := c.width(c.mark)
	cx, cy := pageWidth/2, pageHeight/2
	c.pdf.Rotate(markAngle, cx, cy)
	c.pdf.SetXY(cx-w/2, cy-sizeMark*mmPerPoint*markCentre) // the glyphs' middle on the centre
	c.fail(c.pdf.CellWithOption(&gopdf.Rect{W: w, H: lineHeight(sizeMark)}, c.mark, gopdf.CellOption{
		Align: gopdf.Left | gopdf.Top, Transparency: &gopdf.Transparency{Alpha: markAlpha, BlendModeType: gopdf.Multiply}}))
	c.noteMissing(c.mark)
	c.pdf.RotateReset() // also restores the opacity: gopdf brackets the rotation in q … Q
	c.setGrey(blackLevel)
}

func (c *canvas) setFont(size float64) {
	c.size = size // even after an error, so that loops over sizes end
	if c.err != nil {
		return
	}
	c.fail(c.pdf.SetFont(fontFamily, "", size))
}

func (c *canvas) setGrey(level uint8) {
	c.pdf.SetTextColor(level, level, level)
}

// cell writes s with its top-left corner at (x, y), aligned within width w
// (gopdf.Left, gopdf.Right or gopdf.Center).
func (c *canvas) cell(x, y, w float64, s string, align int) {
	if c.err != nil || s == "" {
		return
	}
	c.pdf.SetXY(x, y)
	c.fail(c.pdf.CellWithOption(&gopdf.Rect{W: w, H: lineHeight(c.size)}, s, gopdf.CellOption{Align: align | gopdf.Top}))
	c.noteMissing(s)
}

// noteMissing records the runes of s, just given to gopdf, that the font
// lacks (font.go: the parsed font is shared, so it cannot tell us itself).
func (c *canvas) noteMissing(s string) {
	if c.ownFont || missingCount.Load() == 0 {
		return // the usual case: nothing missing anywhere yet
	}
	for _, r := range s {
		if lacksGlyph(r) && !slices.Contains(c.missing, r) {
			c.missing = append(c.missing, r)
		}
	}
}

// fitCell is cell for a figure that must stay on one line: if it is wider
// than w it is printed smaller (down to sizeMinimum) instead of running into
// the next column.
func (c *canvas) fitCell(x, y, w float64, s string, align int) {
	size := c.size
	for c.width(s) > w && c.size > sizeMinimum {
		c.setFont(c.size - 0.5)
	}
	c.cell(x, y, w, s, align)
	c.setFont(size)
}

// width is the printed width of s at the current size.
func (c *canvas) width(s string) float64 {
	var w float64
	for _, r := range s {
		w += c.runeWidth(r)
	}
	return w
}

// runeWidth measures one rune, once per size. Without kerning (gopdf's
// default) a text's width is the sum of its runes', which makes wrapping
// linear instead of measuring every prefix.
func (c *canvas) runeWidth(r rune) float64 {
	k := runeAt{r, c.size}
	if w, ok := c.runeWidths[k]; ok {
		return w
	}
	if c.err != nil {
		return 0
	}
	w, err := c.pdf.MeasureTextWidth(string(r))
	c.fail(err)
	c.noteMissing(string(r))
	c.runeWidths[k] = w
	return w
}

// rule draws a horizontal line at y from x1 to x2.
func (c *canvas) rule(x1, x2, y, width float64, grey uint8) {
	c.pdf.SetLineWidth(width)
	c.pdf.SetStrokeColor(grey, grey, grey)
	c.pdf.Line(x1, y, x2, y)
}

// fill paints a rectangle grey.
func (c *canvas) fill(x, y, w, h float64, grey uint8) {
	c.pdf.SetFillColor(grey, grey, grey)
	c.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "F")
}

// frame draws a rectangle's outline in black.
func (c *canvas) frame(x, y, w, h, width float64) {
	c.pdf.SetLineWidth(width)
	c.pdf.SetStrokeColor(blackLevel, blackLevel, blackLevel)
	c.pdf.RectFromUpperLeftWithStyle(x, y, w, h, "D")
}

// finish prints the footers (now that the page count is known) and the
// watermark, checks
// that every character had a glyph and writes the PDF to w.
func (c *canvas) finish(w io.Writer) error {
	c.endPages()
	return c.write(w)
}

// endPages prints the footers and the watermark on every page.
func (c *canvas) endPages() {
	for p := 1; p <= c.pages && c.err == nil; p++ {
		c.fail(c.pdf.SetPage(p))
		c.drawFooter(p)
		if c.mark != "" {
			c.watermark()
		}
	}
}

// write checks that every character had a glyph and writes the PDF to w.
func (c *canvas) write(w io.Writer) error {
	if c.err != nil {
		return c.err
	}
	if len(c.missing) > 0 {
		return &MissingGlyphsError{Runes: c.missing}
	}
	// gopdf's WriteTo ignores the errors of the writer it is given (it
	// writes with fmt.Fprintf and drops the results), so the PDF is built
	// in memory and written in one call whose error is returned; into the
	// caller's buffer when it is one (which cannot fail), without a copy.
	if buf, ok := w.(*bytes.Buffer); ok {
		_, err := c.pdf.WriteTo(buf)
		return err
	}
	var buf bytes.Buffer
	if _, err := c.pdf.WriteTo(&buf); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// drawFooter writes the document's name on the left and "page / pages" in
// the middle of page p's footer line.
func (c *canvas) drawFooter(p int) {
	c.rule(marginLeft, contentRight, footerY, lineThin, greyRule)
	c.setFont(sizeSmall)
	c.setGrey(greyText)
	y := footerY + 1.5
	c.cell(marginLeft, y, contentWidth/2, c.footer.left, gopdf.Left)
	c.cell(marginLeft, y, contentWidth, fmt.Sprintf(c.footer.page, p, c.pages), gopdf.Center)
	c.setGrey(blackLevel)
}
