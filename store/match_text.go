package store

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The text side of matching: payer names folded into keys that meet the
// customers' readings, and the invoice numbers found in a deposit's memo.

// NormalizePayer folds a payer name into a key for matching, so that the
// name a bank prints ("ｶ)ｻｸﾗｺｳｷﾞﾖｳ") and the reading a customer was filed
// under ("サクラコウギョウ") meet: widths folded (NFKC, ｶﾞ = ガ, ㈱ = (株)),
// hiragana as katakana, ASCII in lower case, small kana as large (banks
// print none: シヨウジ is ショウジ), the long-vowel mark, hyphens, ・ and "."
// removed, the legal-form marks banks use removed ("カ)" at the start or
// after a space, "(カ" at the end or before a space, "(カ)" anywhere, for
// every 全銀協 abbreviation and the kanji ones), the written-out forms
// (株式会社, カブシキガイシヤ, …) removed, and spaces removed.
//
// These are the rules of bank.NormalizePayer, which the store cannot call
// (store/bank imports store); a test holds the two to the same results, so
// an alias the store learns is the key the parsers' side computes.
// NormalizePayer(NormalizePayer(s)) == NormalizePayer(s).
func NormalizePayer(s string) string {
	for range 10 { // each pass only removes; a second pass confirms
		t := normalizePayerOnce(s)
		if t == s {
			break
		}
		s = t
	}
	return s
}

func normalizePayerOnce(s string) string {
	s = FoldSearch(s)
	s = strings.Map(payerRune, s)
	if strings.Contains(s, "会社") || strings.Contains(s, "法人") || strings.Contains(s, "組合") ||
		strings.Contains(s, "イシヤ") || strings.Contains(s, "ホウジン") {
		for _, f := range longForms() {
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

// smallKana maps small katakana (hiragana are katakana by now) to large;
// made on first use, like the legal forms below (lazy.go).
var smallKana = sync.OnceValue(func() map[rune]rune {
	return map[rune]rune{
		'ァ': 'ア', 'ィ': 'イ', 'ゥ': 'ウ', 'ェ': 'エ', 'ォ': 'オ', 'ッ': 'ツ', 'ャ': 'ヤ', 'ュ': 'ユ',
		'ョ': 'ヨ', 'ヮ': 'ワ', 'ヵ': 'カ', 'ヶ': 'ケ',
		'ㇰ': 'ク', 'ㇱ': 'シ', 'ㇲ': 'ス', 'ㇳ': 'ト', 'ㇴ': 'ヌ', 'ㇵ': 'ハ', 'ㇶ': 'ヒ', 'ㇷ': 'フ',
		'ㇸ': 'ヘ', 'ㇹ': 'ホ', 'ㇺ': 'ム', 'ㇻ': 'ラ', 'ㇼ': 'リ', 'ㇽ': 'ル', 'ㇾ': 'レ', 'ㇿ': 'ロ',
	}
})

// payerRune folds one rune of an NFKC-folded name: small kana to large,
// marks removed (-1), every kind of space to ' ', control characters removed.
func payerRune(r rune) rune {
	if l, ok := smallKana()[r]; ok {
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
// parenthesis: "カ)" before the name, "(カ" after it, "(カ)" within. Made on
// first use, as longForms (lazy.go): only matching reads them.
var shortMarks = sync.OnceValue(func() map[string]bool {
	marks := map[string]bool{}
	for _, m := range strings.Fields(`
		カ ユ メ シ ド ソ イ ザイ シヤ シユウ ガク フク ホゴ トクヒ ドク ベン ゼイ シホウ
		ギヨウ カンサ ダイ ノウ ユウクミ ロウム トツキヨ チユウ
		株 有 名 資 合 同 医 財 社 学 福 宗 特非 独 一社 一財 公社 公財 npo`) {
		marks[m] = true
	}
	return marks
})

// longForms are written-out legal forms, removed wherever they stand (the
// longest first, so 一般社団法人 goes whole rather than leaving 一般).
var longForms = sync.OnceValue(func() []string {
	forms := strings.Fields(`
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
	slices.SortFunc(forms, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	return forms
})

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
			if shortMarks()[s[i+1:j]] && (j == len(s) || s[j] == ' ' || s[j] == ')') {
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
			if j < len(s) && s[j] == ')' && shortMarks()[s[i:j]] {
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

// numberKeys returns the keys an invoice number is found by in free text:
// its letters and digits in upper case (I-2026-0007 → I20260007), and the
// digits from the first digit on when there are at least six of them
// (20260007), since payers often leave the letter out.
func numberKeys(number string) (full, digits string) {
	full = alnumUpper(number)
	if i := strings.IndexFunc(full, isDigit); i >= 0 && len(full)-i >= 6 && AllDigits(full[i:]) {
		digits = full[i:]
	}
	return full, digits
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// alnumUpper keeps the ASCII letters (upper-cased) and digits of s.
func alnumUpper(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		case r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
			return r
		}
		return -1
	}, s)
}

// textTokens splits text (memo, EDI, payer) into the runs that may be an
// invoice number: letters, digits and hyphens, full-width folded. "ｾｲｷﾕｳ
// I-2026-0007,I20260008" gives I20260007 and I20260008.
func textTokens(text string) []string {
	text = foldASCII(text)
	var out []string
	start := -1
	flush := func(end int) {
		if start >= 0 {
			if tok := alnumUpper(text[start:end]); len(tok) >= 6 {
				out = append(out, tok)
			}
			start = -1
		}
	}
	for i, r := range text {
		if r < utf8.RuneSelf && (r == '-' || isDigit(r) || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}
