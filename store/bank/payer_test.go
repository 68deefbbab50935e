package bank

import (
	"testing"
)

func TestNormalizePayer(t *testing.T) {
	tests := []struct{ in, want string }{
		// Company marks in the forms banks print, wherever they stand.
		{"ｶ)ﾃｽﾄ", "テスト"},
		{"ﾃｽﾄ(ｶ", "テスト"},
		{"(ｶ)ﾃｽﾄ", "テスト"},
		{"ﾃｽﾄ(ｶ)", "テスト"},
		{"（カ）テスト", "テスト"},
		{"ｶ) ﾃｽﾄ", "テスト"},
		{"ﾃｽﾄ ｶﾌﾞｼｷｶﾞｲｼﾔ", "テスト"},
		{"カブシキガイシャ テスト", "テスト"},
		{"テスト株式会社", "テスト"},
		{"株式会社テスト", "テスト"},
		{"㈱テスト", "テスト"},
		{"(株)テスト", "テスト"},
		{"ﾕ)ｻﾝﾌﾟﾙ", "サンプル"},
		{"ｻﾝﾌﾟﾙ(ﾕ", "サンプル"},
		{"有限会社サンプル", "サンプル"},
		{"ﾄﾞ)ｻﾝﾌﾟﾙ", "サンプル"},
		{"サンプル合同会社", "サンプル"},
		{"ｼﾔ)ﾆﾎﾝｷﾖｳｶｲ", "ニホンキヨウカイ"},
		{"一般社団法人日本協会", "日本協会"},
		{"ｲ)ｻｸﾗｶｲ", "サクラカイ"},
		{"ﾃｽﾄ(ｶ ｵｵｻｶｼﾃﾝ", "テストオオサカシテン"},
		{"ﾃｽﾄ(ｶ)ｵｵｻｶｼﾃﾝ", "テストオオサカシテン"},
		{"ｶ)ﾕ)ﾃｽﾄ", "テスト"}, // two marks in a row
		// Personal names: width, spaces, small kana, hiragana.
		{"ｻﾄｳ ﾀﾛｳ", "サトウタロウ"},
		{"サトウ　タロウ", "サトウタロウ"},
		{"さとう たろう", "サトウタロウ"},
		{"ｼﾖｳｼﾞ", "シヨウジ"},
		{"ショウジ", "シヨウジ"},
		{"しょうじ", "シヨウジ"},
		{"ｷｯﾄ", "キツト"},
		{"キット", "キツト"},
		{"ヴァイオリン", "ヴアイオリン"},
		{"ヶ", "ケ"},
		// Long-vowel marks and hyphens go; the vowel a bank might write
		// instead does not come back: ロー and ロウ stay different.
		{"ｻﾄｳﾀﾛｰ", "サトウタロ"},
		{"サトウタロー", "サトウタロ"},
		{"ｺ-ﾋ-ｼﾖｯﾌﾟ", "コヒシヨツプ"},
		{"コーヒーショップ", "コヒシヨツプ"},
		{"コ−ヒ―", "コヒ"},
		// Voiced marks stay composed.
		{"ｶﾞｸｾｲ", "ガクセイ"},
		{"ﾊﾟﾝ", "パン"},
		{"ガ", "ガ"},
		// Latin letters, digits, dots.
		{"ＡＢＣ(ｶ", "abc"},
		{"ABC ｶﾌﾞｼｷｶﾞｲｼﾔ", "abc"},
		{"ｴｽ.ｹｲ.ｼﾞｰ", "エスケイジ"},
		{"サトウ・タロウ", "サトウタロウ"},
		// What is not a company mark stays.
		{"ﾀﾅｶ)ﾃｽﾄ", "タナカ)テスト"},
		{"ﾃｽﾄ(ﾄｳｷﾖｳ)", "テスト(トウキヨウ)"},
		{"カブシキ", "カブシキ"},
		{"", ""},
		{"   ", ""},
	}
	for _, tt := range tests {
		if got := NormalizePayer(tt.in); got != tt.want {
			t.Errorf("NormalizePayer(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// The forms of one company all meet.
	forms := []string{"ｶ)ｻﾝﾌﾟﾙ", "サンプル(カ", "(カ)サンプル", "サンプル", "ｻﾝﾌﾟﾙ ｶﾌﾞｼｷｶﾞｲｼﾔ",
		"株式会社サンプル", "さんぷる", "サンプル（株）", "ｻﾝﾌﾟﾙ(ｶ)"}
	for _, f := range forms {
		if got := NormalizePayer(f); got != "サンプル" {
			t.Errorf("NormalizePayer(%q) = %q, want サンプル", f, got)
		}
	}
}

func BenchmarkNormalizePayer(b *testing.B) {
	names := []string{"ｶ)ﾔﾏﾀﾞｼﾖｳｼﾞ", "ヤマダショウジ", "ｻﾄｳ ﾀﾛｳ", "ﾃｽﾄ(ｶ ｵｵｻｶｼﾃﾝ", "ACME CORP"}
	for i := 0; b.Loop(); i++ {
		NormalizePayer(names[i%len(names)])
	}
}
