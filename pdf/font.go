package pdf

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/signintech/gopdf"
)

// The font is embedded so that Japanese prints on any machine with nothing
// installed (missing CJK fonts, shown as boxes, are the most common complaint
// about invoicing tools). IPAex Gothic is TrueType (gopdf cannot read the
// CFF outlines of Noto Sans CJK), and its licence allows redistributing it
// unmodified with the licence text, which sits beside it in fonts/. gopdf
// writes only the glyphs a document uses, with a ToUnicode map, so text
// extractors give the exact characters back.
//
//go:embed fonts/ipaexg.ttf
var ipaexGothic []byte

// fontFamily is the font's name in the PDF. "DAICHO+" is the six-letter tag
// the PDF format asks subset fonts to carry (ISO 32000 §9.6.4); a fixed tag
// keeps the output deterministic.
const fontFamily = "DAICHO+IPAexGothic"

// MissingGlyphsError reports characters the font cannot draw. gopdf would
// silently print a blank in their place, which on an invoice is a wrong
// document; the caller shows the characters so the text can be fixed.
type MissingGlyphsError struct {
	Runes []rune // in the order first met, each once
}

func (e *MissingGlyphsError) Error() string {
	var b strings.Builder
	for i, r := range e.Runes {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%q (U+%04X)", r, r)
	}
	return "pdf: the font has no glyph for " + b.String() + "; replace these characters and print again"
}

// The whole embedded font, for what is not drawn with a font cut down to
// its characters (font_fit.go: documents are), is parsed once per process.
// gopdf reads the whole 6 MB TrueType file into tables (the character map
// alone has 11,700 entries), which took longer than laying out a one-page
// invoice; every canvas afterwards gets a copy of the parsed font from the
// container (gopdf copies it per document and only reads the parsed
// tables, so renders may run at once).
var parsedFont struct {
	once  sync.Once
	fonts *gopdf.FontContainer
	err   error
}

// fontMissing holds every rune some render asked the font for and the font
// lacks (a set of rune → struct{}); missingCount is its size, so the usual
// case (nothing missing) costs a canvas one atomic load per text. The parsed
// font is shared, so its OnGlyphNotFound cannot tell which document asked:
// each canvas looks its own text up here instead (canvas.noteMissing).
var (
	fontMissing  sync.Map
	missingCount atomic.Int32
)

// sharedFont is the parsed embedded font, parsed on first use.
func sharedFont() (*gopdf.FontContainer, error) {
	parsedFont.once.Do(func() {
		fc := &gopdf.FontContainer{}
		opt := gopdf.TtfOption{OnGlyphNotFound: func(r rune) {
			if _, had := fontMissing.LoadOrStore(r, struct{}{}); !had {
				missingCount.Add(1)
			}
		}}
		if err := fc.AddTTFFontDataWithOption(fontFamily, ipaexGothic, opt); err != nil {
			parsedFont.err = fmt.Errorf("pdf: loading the embedded font: %w", err)
			return
		}
		parsedFont.fonts = fc
	})
	return parsedFont.fonts, parsedFont.err
}

// addFont registers the embedded font with p.
func addFont(p *gopdf.GoPdf) error {
	fc, err := sharedFont()
	if err != nil {
		return err
	}
	if err := p.AddTTFFontFromFontContainer(fontFamily, fc); err != nil {
		return fmt.Errorf("pdf: loading the embedded font: %w", err)
	}
	return nil
}

// lacksGlyph reports whether the font has no glyph for r, as far as any
// render has asked (a rune is only known missing once text with it went
// through gopdf).
func lacksGlyph(r rune) bool {
	_, ok := fontMissing.Load(r)
	return ok
}
