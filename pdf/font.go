package pdf

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

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

// addFont registers the embedded font, collecting the runes it lacks into
// *missing.
func addFont(p *gopdf.GoPdf, missing *[]rune) error {
	opt := gopdf.TtfOption{OnGlyphNotFound: func(r rune) {
		if !slices.Contains(*missing, r) {
			*missing = append(*missing, r)
		}
	}}
	if err := p.AddTTFFontDataWithOption(fontFamily, ipaexGothic, opt); err != nil {
		return fmt.Errorf("pdf: loading the embedded font: %w", err)
	}
	return nil
}
