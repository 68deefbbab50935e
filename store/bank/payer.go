package bank

import "daicho/store"

// NormalizePayer is store.NormalizePayer (the matching lives in store, which
// this package imports): it folds a payer name into a key for matching, so that the
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
func NormalizePayer(s string) string { return store.NormalizePayer(s) }
