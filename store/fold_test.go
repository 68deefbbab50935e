package store

import (
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

func TestFoldSearch(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", ""},
		{"テスト", "テスト"},
		{"てすと", "テスト"},
		{"ﾃｽﾄ", "テスト"},
		{"abc", "abc"},
		{"ABC", "abc"},
		{"ＡＢＣ", "abc"},
		{"ａｂｃ", "abc"},
		{"ガス", "ガス"},
		{"がす", "ガス"},
		{"ｶﾞｽ", "ガス"},
		{"カ\u3099ス", "ガス"}, // decomposed
		{"ハ゛ス", "バス"},      // spacing voiced mark typed after the kana
		{"ﾊﾟﾝ", "パン"},
		{"ぱん", "パン"},
		{"ﾊ゜ﾝ", "パン"},
		{"ｳﾞｨ", "ヴィ"},
		{"ゔぃ", "ヴィ"},
		{"わ\u3099", "ヷ"}, // hiragana without a composed form, katakana with one
		{"ゝゞ", "ヽヾ"},
		{"ゟ", "ヨリ"},
		{"㈱ヤマダ", "(株)ヤマダ"},
		{"ｶ)ﾔﾏﾀﾞ", "カ)ヤマダ"},
		{"株式会社ﾔﾏﾀﾞ商店", "株式会社ヤマダ商店"},
		{"１２３－４５６７", "123-4567"},
		{"Ｔａｒｏ　Ｙａｍａｄａ", "taro yamada"},
		{"①", "1"},
		{"ｧｨｩ", "ァィゥ"}, // small kana stay small
		{"ｰ", "ー"},
		{"｢ｱ｣､｡･", "「ア」、。・"},
		{"Straße Ä", "straße Ä"}, // only ASCII case is folded
		{"東京都", "東京都"},
		{"\xff", "\uFFFD"},
	}
	for _, tt := range tests {
		if got := FoldSearch(tt.in); got != tt.want {
			t.Errorf("FoldSearch(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldSearchEquivalent checks the promise made to search: spellings a
// user sees as the same word get the same key.
func TestFoldSearchEquivalent(t *testing.T) {
	groups := [][]string{
		{"てすと", "テスト", "ﾃｽﾄ"},
		{"ＡＢＣ", "abc", "ABC", "Abc"},
		{"ガス", "ｶﾞｽ", "がす", "カ\u3099ス"},
		{"パン", "ﾊﾟﾝ", "ぱん"},
		{"(株)", "㈱", "（株）"},
	}
	for _, g := range groups {
		want := FoldSearch(g[0])
		for _, s := range g[1:] {
			if got := FoldSearch(s); got != want {
				t.Errorf("FoldSearch(%q) = %q, but FoldSearch(%q) = %q", s, got, g[0], want)
			}
		}
	}
}

func TestFoldDisplay(t *testing.T) {
	const zw = "\u200B"
	tests := []struct {
		in   string
		want string
	}{
		{"", ""},
		// Shown as stored; only the sound marks are split from their base so
		// that widths count the two cells a terminal draws.
		{"ｶﾞｽ", "ｶ" + zw + "ﾞｽ"},
		{"ﾊﾟﾝ", "ﾊ" + zw + "ﾟﾝ"},
		{"ｻﾝﾌﾟﾙﾃｸﾉ株式会社", "ｻﾝﾌ" + zw + "ﾟﾙﾃｸﾉ株式会社"},
		{"ｶﾞﾞ", "ｶ" + zw + "ﾞ" + zw + "ﾞ"},
		{"ﾞ", "ﾞ"}, // nothing to join with
		{"ｶ)ﾔﾏﾀﾞ", "ｶ)ﾔﾏﾀ" + zw + "ﾞ"},
		{"ｶ" + zw + "ﾞ", "ｶ" + zw + "ﾞ"},
		{"ABC", "ABC"},
		{"ＡＢＣ", "ＡＢＣ"},
		{"ｱｲｳ", "ｱｲｳ"},
		{"カ\u3099", "カ\u3099"},
		{"㈱山田", "㈱山田"},
		{"\xffｶﾞ", "\xffｶ" + zw + "ﾞ"},
	}
	for _, tt := range tests {
		if got := FoldDisplay(tt.in); got != tt.want {
			t.Errorf("FoldDisplay(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFoldDisplayWidth: what the width library counts for the displayed text
// is what a terminal draws for the stored text — one cell a half-width rune.
func TestFoldDisplayWidth(t *testing.T) {
	for _, s := range []string{"ｶﾞｽ", "ﾊﾟﾝﾀﾞﾄﾞｰﾅﾂ", "ｻﾝﾌﾟﾙﾃｸﾉ株式会社"} {
		want := 0
		for _, r := range s {
			want++
			if r > 0x2000 && (r < 0xFF61 || r > 0xFF9F) {
				want++ // a full-width rune
			}
		}
		if got := ansi.StringWidth(FoldDisplay(s)); got != want {
			t.Errorf("width of FoldDisplay(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestWidenKana(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", ""},
		{"ｶﾞｽ", "ガス"},
		{"ﾊﾟﾝ", "パン"},
		{"ｶﾌﾞｼｷｶﾞｲｼｬ", "カブシキガイシャ"},
		{"ｳﾞ", "ヴ"},
		{"ﾜﾞ", "ヷ"},
		{"ｦﾞ", "ヺ"},
		{"ﾃﾞｨｰﾗｰ", "ディーラー"},
		{"ｱﾞ", "ア゛"}, // no composed form: spacing mark, two cells like it is drawn
		{"ﾞ", "゛"},
		{"ﾟ", "゜"},
		{"Aﾞ", "A゛"},
		{"ｶﾞﾞ", "ガ゛"},
		{"カﾞ", "ガ"}, // full-width base with a half-width mark
		{"｢ｱ｣､｡･ｰ", "「ア」、。・ー"},
		{"ｶ)ﾔﾏﾀﾞ", "カ)ヤマダ"},
		// Everything that is not half-width katakana stays as written.
		{"ABC", "ABC"},
		{"ＡＢＣ", "ＡＢＣ"},
		{"ひらがな", "ひらがな"},
		{"カ\u3099", "カ\u3099"},
		{"㈱山田", "㈱山田"},
		{"\xffｶﾞ", "\xffガ"},
		{"\xffﾞ", "\xff゛"},
	}
	for _, tt := range tests {
		if got := WidenKana(tt.in); got != tt.want {
			t.Errorf("WidenKana(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFoldSearch(f *testing.F) {
	for _, s := range []string{
		"", "てすと", "テスト", "ﾃｽﾄ", "ＡＢＣ", "abc", "ガス", "ｶﾞｽ", "がす", "ﾊﾟﾝ", "ハ゛ス", "わ\u3099", "ゟ",
		"㈱ヤマダ", "ｱﾞ", "ﾞ", "J\u030c", "\xff\xfe", "①㌔",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := FoldSearch(s)
		if !utf8.ValidString(got) {
			t.Fatalf("FoldSearch(%q) = %q, not valid UTF-8", s, got)
		}
		if again := FoldSearch(got); again != got {
			t.Fatalf("FoldSearch not idempotent: %q → %q → %q", s, got, again)
		}
		d := FoldDisplay(s)
		if utf8.ValidString(s) && !utf8.ValidString(d) {
			t.Fatalf("FoldDisplay(%q) = %q, not valid UTF-8", s, d)
		}
		if again := FoldDisplay(d); again != d {
			t.Fatalf("FoldDisplay not idempotent: %q → %q → %q", s, d, again)
		}
		w := WidenKana(s)
		if utf8.ValidString(s) && !utf8.ValidString(w) {
			t.Fatalf("WidenKana(%q) = %q, not valid UTF-8", s, w)
		}
		if again := WidenKana(w); again != w {
			t.Fatalf("WidenKana not idempotent: %q → %q → %q", s, w, again)
		}
	})
}
