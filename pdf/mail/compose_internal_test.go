package mail

import "testing"

func TestFill(t *testing.T) {
	values := map[string]string{"number": "Q-2026-0001", "customer": "株式会社テスト", "total": "¥1,100", "due_date": ""}
	cases := []struct {
		name, tpl string
		body      bool
		want      string
	}{
		{"subject", "見積書 {number} のご送付", false, "見積書 Q-2026-0001 のご送付"},
		{"subject, an empty value leaves no double space", "{due_date} 見積書  {number}", false, "見積書 Q-2026-0001"},
		{"a line with only empty placeholders goes", "合計: {total}\nお支払期限: {due_date}\n以上", true, "合計: ¥1,100\n以上"},
		{"one filled placeholder keeps the line", "{due_date}{customer}", true, "株式会社テスト"},
		{"a line without placeholders stays, blank ones too", "拝啓\n\n{customer}", true, "拝啓\n\n株式会社テスト"},
		{"an unknown name is left as it is", "{number} {unknown}", true, "Q-2026-0001 {unknown}"},
	}
	for _, tc := range cases {
		if got := fill(tc.tpl, values, tc.body); got != tc.want {
			t.Errorf("%s: fill(%q) = %q, want %q", tc.name, tc.tpl, got, tc.want)
		}
	}
}

func TestAddressee(t *testing.T) {
	cases := []struct{ name, honorific, lang, want string }{
		{"株式会社テスト", "御中", "ja", "株式会社テスト"}, // the templates greet ご担当者様
		{"山田 太郎", "様", "ja", "山田 太郎 様"},
		{"ｻﾝﾌﾟﾙ工業", "", "ja", "サンプル工業"},
		{"Jane Smith", "様", "en", "Jane Smith"},
	}
	for _, tc := range cases {
		if got := addressee(tc.name, tc.honorific, tc.lang); got != tc.want {
			t.Errorf("addressee(%q, %q, %q) = %q, want %q", tc.name, tc.honorific, tc.lang, got, tc.want)
		}
	}
}
