package bank

import (
	"sort"
	"strings"
	"unicode"

	"daicho/store"
)

// NormalizePayer folds a payer name into a key for matching, so that the
// name a bank prints ("ｶ)ｻﾝﾌﾟﾙｼﾖｳｼﾞ") and the kana a customer was filed
// under ("サンプル商事株式会社" with kana "サンプルショウジ") meet:
//
//   - width: full-width ASCII narrowed, half-width katakana widened with its
//     voiced marks composed (ｶﾞ = ガ), ㈱ expanded to (株) (NFKC);
//   - hiragana become katakana, ASCII letters lower case;
//   - small kana become large (ァ→ア, ッ→ツ, ャ→ヤ, ヵ→カ, ヶ→ケ): banks print
//     no small kana, so "シヨウジ" is how they write ショウジ;
//   - the long-vowel mark ー and hyphens (-, ‐, –, —, ―, −, ─) are removed,
//     and so are ・ and ".": banks print ー as "-" or drop it. Only the
//     marks go: "タロー" becomes "タロ", which is not "タロウ" — ロー and ロウ
//     are different names, and guessing that one stands for the other
//     would match the wrong customer more often than it helps;
//   - company-form marks are removed wherever they stand: the bank forms
//     "カ)" (at the start or after a space), "(カ" (at the end or before a
//     space) and "(カ)" anywhere, for カ (株式会社), ユ (有限会社), ド (合同会社),
//     メ, シ, ソ, シヤ (社団法人), ザイ (財団法人), イ (医療法人), ガク, フク,
//     シユウ, トクヒ and the other 全銀協 abbreviations, and the kanji ones
//     (株) (有) (同) …; and the written-out forms 株式会社, 有限会社,
//     合同会社, 一般社団法人, … and カブシキガイシヤ, ユウゲンガイシヤ, … anywhere;
//   - spaces (half- and full-width) are removed.
//
// So "ｶ)ｻﾝﾌﾟﾙ", "サンプル(カ", "(カ)サンプル", "ｻﾝﾌﾟﾙ ｶﾌﾞｼｷｶﾞｲｼﾔ", "サンプル株式会社"
// and "さんぷる" all give "サンプル". Kanji stay as they are. The result is
// stable: NormalizePayer(NormalizePayer(s)) == NormalizePayer(s).
func NormalizePayer(s string) string {
	for range 10 { // each pass only removes; a second pass confirms
		t := normalizeOnce(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

func normalizeOnce(s string) string {
	s = store.FoldSearch(s)
	s = strings.Map(payerRune, s)
	if strings.Contains(s, "会社") || strings.Contains(s, "法人") || strings.Contains(s, "組合") ||
		strings.Contains(s, "イシヤ") || strings.Contains(s, "ホウジン") {
		for _, f := range longForms {
			s = strings.ReplaceAll(s, f, " ")
		}
	}
	if strings.ContainsAny(s, "()") {
		s = strings.ReplaceAll(s, "( ", "(")
		s = strings.ReplaceAll(s, " )", ")")
		s = removeShortMarks(s)
	}
	return strings.ReplaceAll(s, " ", "")
}

// smallKana maps small katakana (hiragana are katakana by now) to large.
var smallKana = map[rune]rune{
	'ァ': 'ア', 'ィ': 'イ', 'ゥ': 'ウ', 'ェ': 'エ', 'ォ': 'オ', 'ッ': 'ツ', 'ャ': 'ヤ', 'ュ': 'ユ',
	'ョ': 'ヨ', 'ヮ': 'ワ', 'ヵ': 'カ', 'ヶ': 'ケ',
	'ㇰ': 'ク', 'ㇱ': 'シ', 'ㇲ': 'ス', 'ㇳ': 'ト', 'ㇴ': 'ヌ', 'ㇵ': 'ハ', 'ㇶ': 'ヒ', 'ㇷ': 'フ',
	'ㇸ': 'ヘ', 'ㇹ': 'ホ', 'ㇺ': 'ム', 'ㇻ': 'ラ', 'ㇼ': 'リ', 'ㇽ': 'ル', 'ㇾ': 'レ', 'ㇿ': 'ロ',
}

// payerRune folds one rune of an NFKC-folded name: small kana to large,
// marks removed (-1), every kind of space to ' ', control characters
// removed.
func payerRune(r rune) rune {
	if l, ok := smallKana[r]; ok {
		return l
	}
	switch r {
	case 'ー', '-', '‐', '‒', '–', '—', '―', '−', '─', '━', '・', '.':
		return -1
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	if unicode.IsControl(r) {
		return -1
	}
	return r
}

// shortMarks are the abbreviations of legal forms that banks print with a
// parenthesis: "カ)" before the name, "(カ" after it, "(カ)" within. Kana are
// in large form (small kana are folded first: シャ is シヤ).
var shortMarks = map[string]bool{}

func init() {
	for _, m := range strings.Fields(`
		カ ユ メ シ ド ソ イ ザイ シヤ シユウ ガク フク ホゴ トクヒ ドク ベン ゼイ シホウ
		ギヨウ カンサ ダイ ノウ ユウクミ ロウム トツキヨ チユウ
		株 有 名 資 合 同 医 財 社 学 福 宗 特非 独 一社 一財 公社 公財 npo`) {
		shortMarks[m] = true
	}
	sort.Slice(longForms, func(i, j int) bool { return len(longForms[i]) > len(longForms[j]) })
}

// longForms are written-out legal forms, removed wherever they stand (the
// longest first, so 一般社団法人 goes whole rather than leaving 一般).
var longForms = strings.Fields(`
	株式会社 有限会社 合同会社 合名会社 合資会社 相互会社
	一般社団法人 一般財団法人 公益社団法人 公益財団法人 社団法人 財団法人
	医療法人社団 医療法人財団 医療法人 社会福祉法人 学校法人 宗教法人
	特定非営利活動法人 npo法人 税理士法人 弁護士法人 司法書士法人 行政書士法人 監査法人
	独立行政法人 国立大学法人 有限責任事業組合
	カブシキガイシヤ カブシキカイシヤ ユウゲンガイシヤ ユウゲンカイシヤ ゴウドウガイシヤ ゴウドウカイシヤ
	ゴウメイガイシヤ ゴウメイカイシヤ ゴウシガイシヤ ゴウシカイシヤ
	イツパンシヤダンホウジン イツパンザイダンホウジン コウエキシヤダンホウジン コウエキザイダンホウジン
	シヤダンホウジン ザイダンホウジン イリヨウホウジン シヤカイフクシホウジン ガツコウホウジン
	シユウキヨウホウジン トクテイヒエイリカツドウホウジン`)

// removeShortMarks replaces each bank-form legal mark of s (spaces as word
// boundaries) by a space: "(m)" anywhere, "m)" at the start or after a
// space, "(m" at the end or before a space.
func removeShortMarks(s string) string {
	delim := func(c byte) bool { return c == ' ' || c == '(' || c == ')' }
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c == '(' {
			j := i + 1
			for j < len(s) && !delim(s[j]) {
				j++
			}
			if shortMarks[s[i+1:j]] && (j == len(s) || s[j] == ' ' || s[j] == ')') {
				b.WriteByte(' ')
				if j < len(s) && s[j] == ')' {
					j++
				}
				i = j
				continue
			}
		} else if !delim(c) && (i == 0 || s[i-1] == ' ') {
			j := i + 1
			for j < len(s) && !delim(s[j]) {
				j++
			}
			if j < len(s) && s[j] == ')' && shortMarks[s[i:j]] {
				b.WriteByte(' ')
				i = j + 1
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}
