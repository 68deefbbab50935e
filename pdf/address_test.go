package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// The addressee follows Japanese business convention: 御中 for an
// organisation or a department, 様 for a named person, never both. A
// department with no named contact is addressed as one: 「株式会社テスト
// 経理部 御中」 on the name line, not 御中 after the company and the
// department on a later line; with a contact, the company stands alone, the
// department and the person follow the address, and 様 goes after the
// person. English documents print no honorific.
func TestAddressee(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	cases := []struct {
		name                string
		department, contact string
		honorific           string
		want                []*regexp.Regexp
		not                 []string
	}{
		{"department, no contact", "経理部", "", store.HonorificCompany,
			[]*regexp.Regexp{seq("株式会社テスト 経理部 御中")}, []string{"様"}},
		{"department and contact", "経理部", "山田 太郎", store.HonorificCompany,
			[]*regexp.Regexp{regexp.MustCompile(`(?m)^株式会社テスト\s*($|\s{2})`), regexp.MustCompile(`(?m)^経理部\s*($|\s{2})`),
				seq("山田 太郎 様")}, []string{"御中"}},
		{"contact, no department", "", "山田 太郎", store.HonorificCompany,
			[]*regexp.Regexp{regexp.MustCompile(`(?m)^株式会社テスト\s*($|\s{2})`), seq("山田 太郎 様")}, []string{"御中"}},
		{"no department, no contact", "", "", store.HonorificCompany,
			[]*regexp.Regexp{seq("株式会社テスト 御中")}, []string{"様"}},
		{"no honorific", "経理部", "", "",
			[]*regexp.Regexp{regexp.MustCompile(`(?m)^株式会社テスト\s*($|\s{2})`), regexp.MustCompile(`(?m)^経理部\s*($|\s{2})`)},
			[]string{"御中", "様"}},
	}
	for _, tc := range cases {
		c := f.ja
		c.Department, c.Contact, c.Honorific = tc.department, tc.contact, tc.honorific
		d := f.draft(store.KindEstimate, c, "2026-11-25", storetest.ProductLine(f.service, "1"))
		var buf bytes.Buffer
		f.must(Render(&buf, d, Options{Customer: c, Company: f.company}))
		text := strings.Join(pdfText(t, buf.Bytes(), "-layout", "-nodiag"), "")
		expect(t, tc.name, text, tc.want...)
		expectNot(t, tc.name, text, tc.not...)
		if tc.department != "" && strings.Count(text, tc.department) != 1 {
			t.Errorf("%s: the department is printed %d times:\n%s", tc.name, strings.Count(text, tc.department), text)
		}
	}

	// English: the department stays its own line, with no honorific.
	d := f.draft(store.KindEstimate, f.en, "2026-11-25", storetest.ProductLine(f.service, "1"))
	c := f.en
	c.Contact = ""
	var buf bytes.Buffer
	f.must(Render(&buf, d, Options{Customer: c, Company: f.company}))
	text := strings.Join(pdfText(t, buf.Bytes(), "-layout", "-nodiag"), "")
	expect(t, "english", text, regexp.MustCompile(`(?m)^Acme Ltd\.\s*($|\s{2})`),
		regexp.MustCompile(`(?m)^Accounts Payable\s*($|\s{2})`))
	expectNot(t, "english", text, "御中", "様", "Attn")

	// English: the Western order, street and city first, the postal code last.
	c.PostalCode, c.Address1, c.Address2 = "EC1A 1BB", "1 Main Street", "London, United Kingdom"
	buf.Reset()
	f.must(Render(&buf, d, Options{Customer: c, Company: f.company}))
	text = strings.Join(pdfText(t, buf.Bytes(), "-layout", "-nodiag"), "")
	street, city, code := strings.Index(text, "1 Main Street"), strings.Index(text, "London, United Kingdom"), strings.Index(text, "EC1A 1BB")
	if street < 0 || !(street < city && city < code) {
		t.Errorf("english address order: street at %d, city at %d, postal code at %d:\n%s", street, city, code, text)
	}
	expectNot(t, "english", text, "〒EC1A")
}

// TestEnglishDocumentsPrintTheEnglishCompany: English documents print the
// company's English name and address (postal code last), Japanese ones the
// Japanese; without English ones set, English documents fall back to them.
func TestEnglishDocumentsPrintTheEnglishCompany(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	co := f.company
	co.NameEN, co.Address1EN, co.Address2EN = "Daicho Shokai Co., Ltd.", "5F, 1-2-3 Jinnan", "Shibuya-ku, Tokyo, Japan"
	text := func(c store.Customer, co store.Company) string {
		d := f.draft(store.KindEstimate, c, "2026-11-25", storetest.ProductLine(f.service, "1"))
		var buf bytes.Buffer
		f.must(Render(&buf, d, Options{Customer: c, Company: co}))
		return strings.Join(pdfText(t, buf.Bytes(), "-layout", "-nodiag"), "")
	}
	en := text(f.en, co)
	expect(t, "english", en, seq("Daicho Shokai Co., Ltd."), seq("5F, 1-2-3 Jinnan"), seq("Shibuya-ku, Tokyo, Japan"))
	expectNot(t, "english", en, "だいちょう", "渋谷区神南", "〒150-0041")
	if a, p := strings.Index(en, "Shibuya-ku"), strings.Index(en, "150-0041"); p < a {
		t.Errorf("english: the postal code (at %d) is not after the address (at %d):\n%s", p, a, en)
	}
	ja := text(f.ja, co)
	expect(t, "japanese", ja, seq("株式会社だいちょう商会"), seq("〒150-0041"), seq("東京都渋谷区神南1-2-3"))
	expectNot(t, "japanese", ja, "Daicho Shokai")
	fallback := text(f.en, f.company)
	expect(t, "fallback", fallback, seq("株式会社だいちょう商会"), seq("東京都渋谷区神南1-2-3"))
}
