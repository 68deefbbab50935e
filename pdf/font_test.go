package pdf

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/signintech/gopdf"
	eucjp "golang.org/x/text/encoding/japanese"

	"daicho/store"
	"daicho/store/storetest"
)

// TestMissingGlyphEveryRender: the parsed font is shared by every render of
// the process, and so is what it is known to lack; each render still reports
// exactly its own missing characters — again on a second render, and never
// on a render that does not use them.
func TestMissingGlyphEveryRender(t *testing.T) {
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	sushi, plain := f.ja, f.ja
	sushi.Name = "株式会社テスト🍣"
	for i := range 2 {
		err := Render(&bytes.Buffer{}, d, Options{Customer: sushi, Company: f.company})
		var mg *MissingGlyphsError
		if !errors.As(err, &mg) || len(mg.Runes) != 1 || mg.Runes[0] != '🍣' {
			t.Fatalf("render %d: got %v, want a MissingGlyphsError for 🍣", i+1, err)
		}
	}
	if err := Render(&bytes.Buffer{}, d, Options{Customer: plain, Company: f.company}); err != nil {
		t.Fatalf("a render without the character: %v", err)
	}
}

// TestFittedFontPrintsTheSame: an invoice drawn with the font cut down to
// its characters (font_fit.go) has the same text as one drawn with the
// whole font, in one pass when the document's strings name every character
// it prints, and a smaller file.
func TestFittedFontPrintsTheSame(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, cu := range []store.Customer{f.ja, f.en} {
		d := f.makeDocs(cu).invoice
		opts := Options{Customer: f.customerOf(d), Company: f.company}
		before := fitPasses.Load()
		var fitted bytes.Buffer
		f.must(Render(&fitted, d, opts))
		if n := fitPasses.Load() - before; n != 1 {
			t.Errorf("%s: %d passes, want 1", cu.Language, n)
		}
		// The whole font, as a canvas gets it when the font cannot be cut.
		p, co, lang, err := printedParties(d, opts)
		f.must(err)
		cur, _ := store.CurrencyByCode(d.Currency)
		l := labelsFor(lang)
		c := newCanvas(documentInfo(d, l, co), watermarkOf(d), footer{left: l.titles[d.Kind] + " " + d.Number, page: l.page})
		drawDocument(c, d, l, p, co, lang, cur)
		var whole bytes.Buffer
		f.must(c.finish(&whole))
		got, want := pdfText(t, fitted.Bytes(), "-layout"), pdfText(t, whole.Bytes(), "-layout")
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the text differs:\n%s\nwant:\n%s", cu.Language, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if fitted.Len() >= whole.Len() {
			t.Errorf("%s: fitted %d bytes, whole font %d", cu.Language, fitted.Len(), whole.Len())
		}
	}
}

// jisX0208 is every character of JIS X 0208 (decoded from EUC-JP: rows
// 1–8 and 16–84) and the half-width katakana, which the font must have,
// then the NEC and IBM extensions Windows users type (①, ㈱, 髙…) that the
// font has: what a Japanese user may type.
func jisX0208(t *testing.T) []rune {
	t.Helper()
	sf, err := embeddedSfnt()
	if err != nil {
		t.Fatal(err)
	}
	var runes []rune
	dec := eucjp.EUCJP.NewDecoder()
	decode := func(row int) (out []rune) {
		for cell := 0xA1; cell <= 0xFE; cell++ {
			s, err := dec.String(string([]byte{byte(row), byte(cell)}))
			if r := []rune(s); err == nil && len(r) == 1 && r[0] != utf8.RuneError {
				out = append(out, r[0])
			}
		}
		return out
	}
	for row := 0xA1; row <= 0xF4; row++ {
		if row <= 0xA8 || row >= 0xB0 {
			runes = append(runes, decode(row)...)
		}
	}
	for r := rune(0xFF61); r <= 0xFF9F; r++ {
		runes = append(runes, r)
	}
	if len(runes) != 6879+63 {
		t.Fatalf("%d characters decoded, want 6879 + 63", len(runes))
	}
	for _, r := range runes {
		if sf.glyph(r) == 0 {
			t.Errorf("the font has no %q (U+%04X)", r, r)
		}
	}
	for _, row := range []int{0xAD, 0xF9, 0xFA, 0xFB, 0xFC} {
		for _, r := range decode(row) {
			if sf.glyph(r) != 0 {
				runes = append(runes, r)
			}
		}
	}
	return runes
}

// TestFittedFontCoversJIS: every character of JIS X 0208 and every
// half-width katakana prints with the cut-down font, and pdftotext gives
// each back.
func TestFittedFontCoversJIS(t *testing.T) {
	needPoppler(t)
	runes := jisX0208(t)
	const perLine = 40
	var lines []string
	for i := 0; i < len(runes); i += perLine {
		lines = append(lines, string(runes[i:min(i+perLine, len(runes))]))
	}
	var buf bytes.Buffer
	err := renderFitted(&buf, strings.Join(lines, ""), docInfo{title: "JIS"}, "", footer{page: "%d / %d"}, func(c *canvas) {
		for _, l := range lines {
			c.ensure(lineHeight(sizeBody))
			c.cell(marginLeft, c.y, contentWidth, l, gopdf.Left)
			c.y += lineHeight(sizeBody)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	noSpace := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	got := noSpace(strings.Join(pdfText(t, buf.Bytes(), "-raw"), ""))
	for _, l := range lines {
		if !strings.Contains(got, noSpace(l)) {
			t.Errorf("pdftotext lost characters of %q", l)
		}
	}
}
