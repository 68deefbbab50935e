package pdf

import (
	"strings"
	"unicode"
)

// noLineStart are characters a line must not begin with (禁則処理): closing
// brackets and punctuation belong to the text before them.
const noLineStart = "、。，．,.・：；:;？！?!）)」』】〕〉》］]｝}ー～々ゝゞぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%％"

// wrap splits s into lines no wider than width at the current size: at its
// own line breaks first, then where the line is full: between words for
// English (a word stays whole), between any two runes for Japanese, which has
// no spaces. A line never starts with closing punctuation (禁則). An empty s gives no lines.
func (c *canvas) wrap(s string, width float64) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, para := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		out = append(out, c.wrapParagraph([]rune(para), width)...)
	}
	return out
}

// wrapParagraph wraps text without line breaks; an empty paragraph is one
// empty line (a blank line in the notes stays blank).
func (c *canvas) wrapParagraph(rs []rune, width float64) []string {
	var out []string
	for len(rs) > 0 {
		n := c.fitting(rs, width)
		if n < len(rs) {
			n = breakBefore(rs, n)
		}
		out = append(out, strings.TrimRightFunc(string(rs[:n]), unicode.IsSpace))
		rs = trimLeadingSpace(rs[n:])
	}
	if len(out) == 0 {
		out = append(out, "")
	}
	return out
}

// fitting is how many leading runes of rs fit in width (at least one, so
// that a rune wider than the column still makes progress).
func (c *canvas) fitting(rs []rune, width float64) int {
	var w float64
	for i, r := range rs {
		w += c.runeWidth(r)
		if w > width && i > 0 {
			return i
		}
	}
	return len(rs)
}

// breakBefore moves a break at n back to a better place: to the start of a
// Latin word the break would cut (unless the word fills the whole line), or
// before any run of characters that may not start a line.
func breakBefore(rs []rune, n int) int {
	if inWord(rs[n-1]) && inWord(rs[n]) {
		start := n - 1
		for start > 0 && inWord(rs[start-1]) {
			start--
		}
		if start > 0 {
			return start
		}
		return n
	}
	for i := n; i > 1 && strings.ContainsRune(noLineStart, rs[i]); i-- {
		if !strings.ContainsRune(noLineStart, rs[i-1]) {
			return i - 1
		}
	}
	return n
}

// inWord reports whether r is part of a word written with spaces between
// words (Latin letters, digits and their punctuation). Kana and kanji are
// not: Japanese may break between any two of them.
func inWord(r rune) bool {
	if r >= 0x2E80 { // CJK radicals onwards: kana, kanji, full-width forms
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-'.,:;!?()/&@#%+", r)
}

func trimLeadingSpace(rs []rune) []rune {
	for len(rs) > 0 && unicode.IsSpace(rs[0]) {
		rs = rs[1:]
	}
	return rs
}
