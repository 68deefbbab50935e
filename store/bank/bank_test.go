package bank

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"daicho/store"
)

// cleanTextReference is cleanText written plainly: spaces and control
// characters collapsed, then store.WidenKana.
func cleanTextReference(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return store.WidenKana(strings.Join(strings.Fields(s), " "))
}

// cleanText folds exactly as store.WidenKana: every pair from an
// alphabet of the runes that matter, and random longer strings.
func TestCleanTextIsWidenKana(t *testing.T) {
	var alphabet []rune
	for r := rune(0xff61); r <= 0xff9f; r++ {
		alphabet = append(alphabet, r)
	}
	for r := rune(0x3041); r <= 0x30ff; r++ {
		alphabet = append(alphabet, r)
	}
	alphabet = append(alphabet, 'a', 'Z', '1', ' ', '\u3000', '\t', '\x1b', '\x7f', '\u0085', 'ー', '漢', '゛',
		'\u3099', '\u309a', 'Ａ', '(', ')')
	check := func(s string) {
		if got, want := cleanText(s), cleanTextReference(s); got != want {
			t.Fatalf("cleanText(%q) = %q, want %q", s, got, want)
		}
	}
	for _, a := range alphabet {
		check(string(a))
		for _, b := range alphabet {
			check(string(a) + string(b))
		}
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		n := 1 + rng.IntN(8)
		rs := make([]rune, n)
		for i := range rs {
			rs[i] = alphabet[rng.IntN(len(alphabet))]
		}
		check(string(rs))
	}
	for _, s := range []string{"", " ", "abc", " abc", "abc ", "a  b", "ｶﾞｷﾞﾊﾟ", "ﾞｶ", "ｳﾞ", "ﾜﾞ", "ｶﾞﾞ"} {
		check(s)
	}
}

func BenchmarkCleanText(b *testing.B) {
	for b.Loop() {
		cleanText("ｶ)ﾃｽﾄｼﾖｳｼﾞ                                      ")
	}
}
