package pdf

import (
	"io"
	"sync/atomic"
)

// fitSeed are the characters every font cut starts with besides the
// caller's hint: what gopdf draws for a character the font lacks (a space),
// figures, Latin letters and the marks and date characters invoices use.
const fitSeed = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~" +
	"¥※…・、。「」（）〒－：／％〜–　年月日様御中"

// maxFitPasses bounds the passes: each adds the characters the last one
// drew that its font lacked, and a layout drawn with the right widths draws
// the same characters again, so two passes are the rule.
const maxFitPasses = 4

// fitPasses counts the passes drawn, for tests.
var fitPasses atomic.Int64

// renderFitted renders a document with the embedded font cut down to the
// characters it draws (font_subset.go), starting from fitSeed and the
// characters of hint (the document's strings: the more of what is drawn it
// holds, the fewer passes; what else it holds only makes the font a little
// larger). draw lays the document out on a
// canvas; it runs once per pass, each time with a font that has every
// character the previous pass drew, until a pass draws none its font lacks
// (the same layout, since the widths are the same). That pass is written.
// Characters the whole font lacks are reported as by a canvas with the
// whole font; if the font cannot be cut, or a pass fails, the document is
// drawn once more with the whole font, so the result is never worse.
func renderFitted(w io.Writer, hint string, info docInfo, mark string, f footer, draw func(*canvas)) error {
	sf, err := embeddedSfnt()
	runes := []rune(fitSeed + mark + f.left + hint)
	for pass := 0; err == nil && pass < maxFitPasses; pass++ {
		var font []byte
		if font, err = subsetFor(runes); err != nil {
			break
		}
		fitPasses.Add(1)
		c := newCanvasWithFont(info, mark, f, font)
		draw(c)
		c.endPages()
		if c.err != nil {
			break // drawn again with the whole font below, which reports it
		}
		var more, lacking []rune
		for _, r := range c.missing {
			if sf.glyph(r) != 0 {
				more = append(more, r)
			} else {
				lacking = append(lacking, r)
			}
		}
		if len(more) == 0 {
			c.missing = lacking
			return c.write(w)
		}
		runes = append(runes, more...)
	}
	c := newCanvas(info, mark, f)
	draw(c)
	return c.finish(w)
}
