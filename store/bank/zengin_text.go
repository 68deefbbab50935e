package bank

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
)

// Reading a Zengin record's fields as text: half-width katakana in Shift_JIS
// or JIS, numbers, and the blanks that pad a field.

// recText reads the fields of one record, decoding its text.
type recText struct {
	raw []byte
	jis bool // 7-bit JIS: the shift state runs through the record
}

func newRecText(raw []byte) recText {
	return recText{raw: raw, jis: bytes.IndexByte(raw, 0x1b) >= 0 || bytes.IndexByte(raw, 0x0e) >= 0}
}

// field returns the text of s, decoded but not trimmed; ok is false when it
// does not decode.
func (r recText) field(s span) (string, bool) {
	b := r.raw[s.off : s.off+s.n]
	if !r.jis {
		return decodeSJIS(b)
	}
	_, st, ok := decodeJIS(r.raw[:s.off], jisASCII)
	if !ok {
		return "", false
	}
	text, _, ok := decodeJIS(b, st)
	return text, ok
}

// text returns the text of s, decoded and cleaned (cleanText); ok is false
// when it does not decode.
func (r recText) text(s span) (string, bool) {
	if r.jis {
		t, ok := r.field(s)
		return cleanText(t), ok
	}
	// Shift_JIS: the padding can go before decoding (a space is never the
	// second byte of a two-byte character).
	t, ok := decodeSJIS(bytes.Trim(r.raw[s.off:s.off+s.n], " "))
	return cleanText(t), ok
}

// number reads a numeric field: ASCII digits, zero-padded, with surrounding
// spaces tolerated.
func (r recText) number(s span) (store.Money, bool) {
	t, ok := r.field(s)
	t = strings.TrimSpace(t)
	if !ok || !store.AllDigits(t) || len(t) > 15 {
		return 0, false
	}
	return store.Money(atoi(t)), true
}

// decodeSJIS decodes Shift_JIS text (JIS X 0201 8-bit half-width katakana
// included); ok is false for bytes that are not Shift_JIS.
func decodeSJIS(b []byte) (string, bool) {
	ascii, simple := true, true
	for _, c := range b {
		if c >= 0x80 {
			ascii = false
			if c < 0xa1 || c > 0xdf {
				simple = false
				break
			}
		}
	}
	switch {
	case ascii:
		return string(b), true
	case simple: // ASCII and half-width katakana: no decoder needed
		out := make([]byte, 0, len(b)*3)
		for _, c := range b {
			if c < 0x80 {
				out = append(out, c)
			} else {
				out = utf8.AppendRune(out, rune(c)-0xa1+0xff61)
			}
		}
		return string(out), true
	}
	out, err := japanese.ShiftJIS.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// jisState is the shift state of 7-bit JIS text.
type jisState uint8

const (
	jisASCII    jisState = iota
	jisKana              // ESC ( I, or SO: half-width katakana as 0x21–0x5F
	jisKanji             // ESC $ @ or ESC $ B: JIS X 0208 in byte pairs
	jisKanji212          // ESC $ ( D: JIS X 0212 in byte pairs
)

// decodeJIS decodes 7-bit JIS text starting in state st and returns the
// text and the state at its end; ok is false for bytes that are not 7-bit
// JIS, or an escape or a two-byte character cut by the end of b. 8-bit
// half-width katakana (0xA1–0xDF) is accepted in any state, and a space in
// the two-byte states stands for itself (padding after a kanji name).
func decodeJIS(b []byte, st jisState) (string, jisState, bool) {
	var out []byte
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == 0x1b:
			switch {
			case i+2 >= len(b):
				return "", st, false
			case b[i+1] == '(' && (b[i+2] == 'B' || b[i+2] == 'J'):
				st = jisASCII
			case b[i+1] == '(' && b[i+2] == 'I':
				st = jisKana
			case b[i+1] == '$' && (b[i+2] == '@' || b[i+2] == 'B'):
				st = jisKanji
			case b[i+1] == '$' && b[i+2] == '(' && i+3 < len(b) && b[i+3] == 'D':
				st = jisKanji212
				i++
			default:
				return "", st, false
			}
			i += 3
		case c == 0x0e: // SO
			st = jisKana
			i++
		case c == 0x0f: // SI
			st = jisASCII
			i++
		case c >= 0xa1 && c <= 0xdf:
			out = utf8.AppendRune(out, rune(c)-0xa1+0xff61)
			i++
		case c >= 0x80:
			return "", st, false
		case st == jisASCII || c == ' ':
			out = append(out, c)
			i++
		case st == jisKana:
			if c < 0x21 || c > 0x5f {
				return "", st, false
			}
			out = utf8.AppendRune(out, rune(c)-0x21+0xff61)
			i++
		default: // two-byte states
			if i+1 >= len(b) || c < 0x21 || c > 0x7e || b[i+1] < 0x21 || b[i+1] > 0x7e {
				return "", st, false
			}
			esc := "\x1b$B"
			if st == jisKanji212 {
				esc = "\x1b$(D"
			}
			r, err := japanese.ISO2022JP.NewDecoder().Bytes(append([]byte(esc), c, b[i+1]))
			if err != nil || bytes.ContainsRune(r, utf8.RuneError) {
				return "", st, false
			}
			out = append(out, r...)
			i += 2
		}
	}
	return string(out), st, true
}
