package store

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"golang.org/x/text/unicode/norm"
)

// FoldSearch makes a key for substring search that ignores differences a
// Japanese user does not see as differences: full-width ＡＢＣ and half-width
// ｶﾀｶﾅ, hiragana and katakana, upper and lower case ASCII, and compatibility
// forms like ㈱ → (株). Fold both the stored text and the query with it.
// Small kana, long-vowel marks and kanji are left alone: those are real
// differences.
func FoldSearch(s string) string {
	if isASCII(s) { // most codes, phones and emails: no Unicode work at all
		return strings.ToLower(s)
	}
	// Invalid bytes become U+FFFD up front, so every later step sees the same
	// runes on a second pass and the key is stable.
	s = strings.ToValidUTF8(s, "\uFFFD")
	// Katakana and lower case before NFKC, so NFKC composes a hiragana's mark
	// with its katakana twin (わ゙ → ヷ) in the same pass. A spacing ゛/゜ typed
	// after a kana (old habit: "ハ゛") is meant as the voiced mark; NFKC alone
	// would turn it into a space plus a mark.
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u309B':
			return '\u3099'
		case '\u309C':
			return '\u309A'
		}
		return foldRune(r)
	}, s)
	// NFKC folds full-width ASCII, widens half-width katakana and composes
	// ｶﾞ into ガ, and expands ㈱, ①, ㌔ and the like; what it expands to may
	// hold capitals or hiragana (℡ → TEL), so map once more.
	return strings.Map(foldRune, norm.NFKC.String(s))
}

// foldRune lowers ASCII and full-width Latin capitals and turns hiragana into
// katakana.
func foldRune(r rune) rune {
	switch {
	case r >= 'A' && r <= 'Z', r >= 'Ａ' && r <= 'Ｚ':
		return r + ('a' - 'A')
	case r >= 'ぁ' && r <= 'ゖ', r == 'ゝ', r == 'ゞ':
		return r + ('ァ' - 'ぁ')
	}
	return r
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// FoldDisplay prepares text for the terminal. Text is shown as stored —
// half-width katakana stay half-width — but a half-width sound mark after
// another character (ｶﾞ, ﾊﾟ) gets a zero-width space before it: terminals draw
// ｶﾞ as two cells while width libraries count the pair as one grapheme of one
// cell, which breaks table columns. The space splits the pair, so both count
// what the terminal draws. Folding to full width is for search only.
func FoldDisplay(s string) string {
	if !strings.ContainsAny(s, "ﾞﾟ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 6)
	var prev rune = -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == 'ﾞ' || r == 'ﾟ') && prev >= 0 && prev != zeroWidthSpace {
			b.WriteRune(zeroWidthSpace)
		}
		b.WriteString(s[i : i+n]) // as stored, invalid bytes included
		prev = r
		i += n
	}
	return b.String()
}

// zeroWidthSpace separates a half-width sound mark from the character before
// it (see FoldDisplay).
const zeroWidthSpace = '\u200B'

// WidenKana turns half-width katakana into full-width, with ｶﾞ and ﾊﾟ composed
// into one rune; everything else, full-width ASCII included, is left as the
// user wrote it. Bank payer names and memos are kept this way (a deposit's
// identity is built from them), and mail headers use it.
func WidenKana(s string) string {
	if !strings.ContainsFunc(s, isHalfwidthKatakana) {
		return s
	}
	out := make([]byte, 0, len(s)+len(s)/2)
	last := -1 // where the last rune written starts in out, if it is valid
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 'ﾞ' || r == 'ﾟ':
			mark, spacing := '\u3099', '゛'
			if r == 'ﾟ' {
				mark, spacing = '\u309A', '゜'
			}
			if last >= 0 {
				prev, _ := utf8.DecodeRune(out[last:])
				if c, ok := composeMark(prev, mark); ok {
					out = utf8.AppendRune(out[:last], c)
					break
				}
			}
			// Nothing to combine with (ｱﾞ, or a mark on its own): the spacing
			// form is a full-width character that every terminal draws as
			// two cells, unlike a lone combining mark.
			last = len(out)
			out = utf8.AppendRune(out, spacing)
		case isHalfwidthKatakana(r):
			last = len(out)
			out = append(out, width.Widen.String(string(r))...)
		default:
			last = len(out)
			if r == utf8.RuneError && n == 1 {
				last = -1
			}
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return string(out)
}

// isHalfwidthKatakana reports runes of the Halfwidth Katakana block, with its
// punctuation ｡｢｣､･ and the sound marks ﾞﾟ.
func isHalfwidthKatakana(r rune) bool {
	return r >= '\uFF61' && r <= '\uFF9F'
}

// composeMark returns the one rune for base + combining voiced or semi-voiced
// mark (カ + ゙ → ガ), if Unicode has one.
func composeMark(base, mark rune) (rune, bool) {
	c := norm.NFC.String(string(base) + string(mark))
	r, n := utf8.DecodeRuneInString(c)
	return r, n == len(c) && r != utf8.RuneError
}
